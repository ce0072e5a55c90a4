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

  // Each response in the period of its local date, whatever the order of the responses and the
  // zone (fixed offsets take a shortcut for runs of one period): against a per-response oracle.
  @Property(tries = 300, seed = "42")
  void eachResponseCountsInThePeriodOfItsLocalDate(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int p,
      @ForAll @IntRange(min = 0, max = 3) int z,
      @ForAll boolean sorted,
      @ForAll boolean range) {
    java.util.Random r = new java.util.Random(seed);
    ZoneId zone =
        List.of(
                ZoneId.of("UTC"),
                ZoneId.of("+05:30"),
                ZoneId.of("-11:00"),
                ZoneId.of("Europe/Berlin"))
            .get(z);
    List<SurveyResponse> rs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Within a few hours of midnight, often: the boundaries are where a shortcut would slip.
      long day = r.nextInt(200);
      long sec = r.nextBoolean() ? r.nextInt(86_400) : 86_400 - 7_200 + r.nextInt(14_400);
      Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(day * 86_400 + sec);
      rs.add(SurveyResponse.of(CustomerId.of("c" + i), null, Instrument.nps(), r.nextInt(11), t));
    }
    if (sorted) {
      rs.sort(java.util.Comparator.comparing(SurveyResponse::timestamp));
    }
    Period period = Period.values()[p];
    java.time.LocalDate from = java.time.LocalDate.of(2024, 2, 10);
    java.time.LocalDate to = java.time.LocalDate.of(2024, 5, 20);
    TimeSeries<NetPromoterScore> ts =
        range
            ? TimeSeries.of(rs, period, zone, NetPromoterScore::accumulator, from, to)
            : TimeSeries.of(rs, period, zone, NetPromoterScore::accumulator);
    java.util.Map<java.time.LocalDate, long[]> oracle = new java.util.TreeMap<>();
    for (SurveyResponse x : rs) {
      java.time.LocalDate s = period.start(x.timestamp().atZone(zone).toLocalDate());
      if (range && (s.isBefore(period.start(from)) || s.isAfter(period.start(to)))) {
        continue;
      }
      long[] c = oracle.computeIfAbsent(s, k -> new long[2]);
      c[0]++;
      c[1] += x.score() >= 9 ? 1 : x.score() <= 6 ? -1 : 0;
    }
    long total = 0;
    for (TimeSeries.Point<NetPromoterScore> pt : ts.points()) {
      long[] c = oracle.getOrDefault(pt.start(), new long[2]);
      assertEquals(c[0], pt.n(), pt.start().toString());
      if (c[0] > 0) {
        assertEquals(100.0 * c[1] / c[0], pt.result().score(), 1e-9, pt.start().toString());
      }
      total += pt.n();
    }
    assertEquals(oracle.values().stream().mapToLong(c -> c[0]).sum(), total);
  }

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
