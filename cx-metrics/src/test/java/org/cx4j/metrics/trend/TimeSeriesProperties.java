package org.cx4j.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.breakdown.Breakdown;
import org.cx4j.metrics.nps.NetPromoterScore;

/** Nothing is lost: periods and groups add up to the whole, and periods are contiguous. */
class TimeSeriesProperties {

  @Property(tries = 100, seed = "42")
  void periodsAndGroupsAddUpToTheWhole(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int p) {
    java.util.Random r = new java.util.Random(seed);
    Touchpoint[] tps = {
      Touchpoint.of("a", Channel.WEB, JourneyStage.PURCHASE),
      Touchpoint.of("b", Channel.APP, JourneyStage.PURCHASE),
      null
    };
    List<SurveyResponse> rs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(400 * 86400));
      rs.add(
          SurveyResponse.of(
              CustomerId.of("c" + i), tps[r.nextInt(3)], Instrument.nps(), r.nextInt(11), t));
    }
    Period period = Period.values()[p];
    TimeSeries<NetPromoterScore> ts =
        TimeSeries.of(rs, period, ZoneId.of("America/New_York"), NetPromoterScore::accumulator);
    long total = 0;
    for (int i = 0; i < ts.points().size(); i++) {
      total += ts.points().get(i).n();
      if (i > 0) {
        assertEquals(ts.points().get(i - 1).end(), ts.points().get(i).start());
      }
    }
    assertEquals(n, total);
    Breakdown<Channel, NetPromoterScore> b =
        Breakdown.of(rs, Breakdown.byChannel(), NetPromoterScore::accumulator, 30);
    long groups = b.unassigned().map(Breakdown.Group::n).orElse(0L);
    for (Breakdown.Group<Channel, NetPromoterScore> g : b.groups()) {
      groups += g.n();
      assertEquals(g.n() < 30, g.isSmall());
    }
    assertEquals(n, groups);
    assertEquals(n, b.overall().n());
  }
}
