package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.breakdown.Breakdown;
import org.cx4j.metrics.nps.NetPromoterScore;

/**
 * {@link ScoreBreakdowns} (one pass) against four {@link Breakdown#of} passes, the oracle: the same
 * overall figure and, per dimension, the same groups in the same order with the same n, small flag
 * and result; on random responses with and without weights, some without a touchpoint, some of
 * customers without a segment, and touchpoints that are equal but not the same object. The snapshot
 * statistics made from the one pass against {@link SnapshotOracle}.
 */
class ScoreBreakdownsProperties {

  @Property(tries = 300, seed = "42")
  void onePassEqualsFourBreakdowns(@ForAll long seed) {
    Random r = new Random(seed);
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<Channel> channels = List.of(Channel.WEB, Channel.APP, Channel.of("kiosk"));
    List<JourneyStage> stages = List.of(JourneyStage.AWARENESS, JourneyStage.of("onboarding"));
    for (int t = 0, k = 1 + r.nextInt(6); t < k; t++) {
      touchpoints.add(
          Touchpoint.of(
              "tp" + t,
              channels.get(r.nextInt(channels.size())),
              stages.get(r.nextInt(stages.size()))));
    }
    Map<CustomerId, String> segmentOf = new HashMap<>();
    List<String> segmentNames = List.of("new", "loyal", "lapsed");
    int customers = 1 + r.nextInt(40);
    for (int c = 0; c < customers; c++) {
      if (r.nextInt(4) != 0) { // a quarter have no segment
        // new String: equal segment names need not be the same object
        segmentOf.put(
            CustomerId.of("c" + c), new String(segmentNames.get(r.nextInt(segmentNames.size()))));
      }
    }
    boolean weighted = r.nextBoolean();
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0, n = r.nextInt(300); i < n; i++) {
      Touchpoint t = null;
      if (r.nextInt(5) != 0) {
        Touchpoint shared = touchpoints.get(r.nextInt(touchpoints.size()));
        t =
            r.nextInt(3) == 0
                ? Touchpoint.of(shared.id(), shared.channel(), shared.stage()) // equal, not same
                : shared;
      }
      responses.add(
          new SurveyResponse(
              CustomerId.of("c" + r.nextInt(customers + 5)), // some unknown customers
              t,
              Instrument.nps(),
              r.nextInt(11),
              Instant.ofEpochSecond(1_700_000_000L + i),
              weighted && r.nextBoolean() ? 0.25 + 3 * r.nextDouble() : 1.0,
              null));
    }
    long minimumN = r.nextInt(20);
    ScoreBreakdowns<NetPromoterScore> one =
        ScoreBreakdowns.of(responses, segmentOf::get, NetPromoterScore::accumulator, minimumN);
    Breakdown<String, NetPromoterScore> bySegment =
        Breakdown.of(
            responses, x -> segmentOf.get(x.customer()), NetPromoterScore::accumulator, minimumN);
    assertEquals(bySegment.overall(), one.overall());
    assertEquals(bySegment.groups(), one.segments().groups());
    assertEquals(
        Breakdown.of(responses, Breakdown.byChannel(), NetPromoterScore::accumulator, minimumN)
            .groups(),
        one.channels().groups());
    assertEquals(
        Breakdown.of(responses, Breakdown.byTouchpoint(), NetPromoterScore::accumulator, minimumN)
            .groups(),
        one.touchpoints().groups());
    assertEquals(
        Breakdown.of(responses, Breakdown.byStage(), NetPromoterScore::accumulator, minimumN)
            .groups(),
        one.stages().groups());
    // The snapshot from the breakdowns' pass equals the plain per-group histograms and spans.
    assertEquals(
        SnapshotOracle.of("NPS", "NPS", Instrument.nps(), responses, segmentOf::get),
        ReportSnapshot.of("NPS", "NPS", Instrument.nps(), one));
  }
}
