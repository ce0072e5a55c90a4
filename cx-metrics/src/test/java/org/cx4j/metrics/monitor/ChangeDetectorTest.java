package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.compare.MultipleTesting.Method;
import org.cx4j.metrics.monitor.ChangeDetector.Evaluation;
import org.cx4j.metrics.monitor.ChangeDetector.Status;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

  static final long H = BucketSize.HOUR.millis();

  static void fill(ScoreMonitor<?> m, String key, long hour, int score, int count) {
    m.key(key).addCount(score, count, hour * H);
  }

  /** promoters (9) and detractors (0) in one hour of one key. */
  static void nps(ScoreMonitor<?> m, String key, long hour, int promoters, int detractors) {
    fill(m, key, hour, 9, promoters);
    fill(m, key, hour, 0, detractors);
  }

  static ScoreMonitor<NetPromoterScore> monitor() {
    // Lateness of a month: the tests fill keys one after another, not in time order.
    return ScoreMonitor.of(
        MonitorConfig.tumbling(BucketSize.HOUR, 1)
            .withRetainedBuckets(400)
            .withLateness(Duration.ofDays(30)),
        NetPromoterScore::accumulator);
  }

  @Test
  void alertCarriesEverythingAndMatchesTheTwoSampleTestAndBh() {
    ScoreMonitor<NetPromoterScore> m = monitor();
    List<ChangeAlert> got = new ArrayList<>();
    ChangeDetector<NetPromoterScore> d =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .listener(got::add)
            .build();
    // a: hour 0 NPS (50 - 50) / 100 = 0, hour 1 NPS (80 - 20) / 100 = 60. b: unchanged.
    // c: 10 responses in hour 1, below the minimum of 30.
    nps(m, "a", 0, 50, 50);
    nps(m, "a", 1, 80, 20);
    nps(m, "b", 0, 40, 20);
    nps(m, "b", 1, 40, 20);
    nps(m, "c", 0, 40, 0);
    nps(m, "c", 1, 5, 5);
    Evaluation e = d.evaluate(m.snapshot(), 2);
    assertEquals(3, e.keys().size());
    assertEquals(2, e.tested());
    assertEquals(Status.TOO_FEW, e.keys().get(2).status());
    double pa =
        Comparisons.nps(
                NetPromoterScore.of(counts(80, 20)), NetPromoterScore.of(counts(50, 50)), 0.95)
            .pValue();
    double pb = 1; // equal windows: difference 0, z 0
    double[] q = MultipleTesting.benjaminiHochberg(pa, pb);
    assertEquals(pa, e.keys().get(0).pValue(), 1e-15);
    assertEquals(pb, e.keys().get(1).pValue(), 1e-15);
    assertEquals(q[0], e.keys().get(0).adjusted(), 1e-15);
    assertEquals(1, got.size());
    ChangeAlert a = got.get(0);
    assertEquals(e.alerts(), got);
    assertEquals("a", a.key());
    assertEquals("NPS", a.metric());
    assertEquals(0, a.before().value(), 1e-12);
    assertEquals(60, a.after().value(), 1e-12);
    assertEquals(100, a.before().n());
    assertEquals(100, a.after().n());
    assertTrue(a.before().interval().contains(0) && a.after().interval().contains(60));
    assertEquals(60, a.difference().estimate(), 1e-12);
    assertEquals(Instant.ofEpochMilli(H), a.windowStart());
    assertEquals(Instant.ofEpochMilli(2 * H), a.windowEnd());
    assertEquals(Instant.EPOCH, a.baselineStart());
    assertEquals(Instant.ofEpochMilli(H), a.baselineEnd());
    // Effect: z sqrt(1/100 + 1/100); z = 60 / sqrt(se_a² + se_b²). Per-response NPS variance
    // (in points²) is 10^4 [pP + pD - (pP - pD)²]: 0.8 + 0.2 - 0.36 = 0.64 and 1 - 0 = 1,
    // so se² = 10^4 (0.64 + 1) / 100 = 164, z = 60 / sqrt(164), effect = z sqrt(0.02).
    assertEquals(60 / Math.sqrt(164) * Math.sqrt(0.02), a.effectSize(), 1e-9);
    assertEquals(Method.BENJAMINI_HOCHBERG, a.method());
    assertTrue(a.toString().startsWith("a NPS up: "), a.toString());
  }

  static int[] counts(int promoters, int detractors) {
    int[] s = new int[promoters + detractors];
    java.util.Arrays.fill(s, 0, promoters, 9);
    return s;
  }

  @Test
  void raisedOncePerChangeAndReArmedAfterQuietEvaluations() {
    ScoreMonitor<NetPromoterScore> m = monitor();
    List<ChangeAlert> got = new ArrayList<>();
    ChangeDetector<NetPromoterScore> d =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .rearmAfter(2)
            .listener(got::add)
            .build();
    // Hours 0-1 NPS 0; hour 2 NPS 60 (a change); hour 3 NPS 0 (back: significant again, but
    // suppressed); hours 4-5 NPS 0 (two quiet evaluations: re-armed); hour 6 NPS 60 (new alert).
    int[][] hours = {{50, 50}, {50, 50}, {80, 20}, {50, 50}, {50, 50}, {50, 50}, {80, 20}};
    List<Status> statuses = new ArrayList<>();
    for (int h = 0; h < hours.length; h++) {
      nps(m, "a", h, hours[h][0], hours[h][1]);
      if (h > 0) {
        statuses.add(d.evaluate(m.snapshot(), h + 1).keys().get(0).status());
      }
    }
    assertEquals(
        List.of(
            Status.NOT_SIGNIFICANT,
            Status.ALERTED,
            Status.SUPPRESSED,
            Status.NOT_SIGNIFICANT,
            Status.NOT_SIGNIFICANT,
            Status.ALERTED),
        statuses);
    assertEquals(2, got.size());
    assertTrue(got.get(0).isIncrease());
    assertFalse(d.isArmed("a"));
  }

  @Test
  void holmIsStricterThanBh() {
    // Two keys with moderate changes; both p-values near 0.03: BH q = max-ish, Holm doubles the
    // smaller.
    ScoreMonitor<NetPromoterScore> m = monitor();
    nps(m, "a", 0, 50, 50);
    nps(m, "a", 1, 65, 35);
    nps(m, "b", 0, 50, 50);
    nps(m, "b", 1, 65, 35);
    double p =
        Comparisons.nps(
                NetPromoterScore.of(counts(65, 35)), NetPromoterScore.of(counts(50, 50)), 0.95)
            .pValue();
    // Equal p for both: BH q = min(2p/1, 2p/2) = p; Holm = max(2p, p) = 2p.
    assertTrue(p < 0.05 && 2 * p > 0.05, "p = " + p);
    Evaluation bh =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .build()
            .evaluate(m.snapshot(), 2);
    Evaluation holm =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .multipleTesting(Method.HOLM, 0.05)
            .build()
            .evaluate(m.snapshot(), 2);
    assertEquals(2, bh.alerts().size());
    assertEquals(p, bh.keys().get(0).adjusted(), 1e-15);
    assertEquals(0, holm.alerts().size());
    assertEquals(2 * p, holm.keys().get(0).adjusted(), 1e-15);
  }

  @Test
  void baselinesLastWeekAndFixed() {
    ScoreMonitor<NetPromoterScore> m =
        ScoreMonitor.of(
            MonitorConfig.tumbling(BucketSize.HOUR, 1).retainingAWeek(),
            NetPromoterScore::accumulator);
    nps(m, "a", 10, 50, 50); // 168 hours before hour 178
    nps(m, "a", 177, 80, 20); // the previous window: as the window
    nps(m, "a", 178, 80, 20);
    Evaluation prev =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .build()
            .evaluate(m.snapshot(), 179);
    assertEquals(Status.NOT_SIGNIFICANT, prev.keys().get(0).status());
    Evaluation week =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .baseline(Baseline.sameWindowLastWeek())
            .build()
            .evaluate(m.snapshot(), 179);
    assertEquals(Status.ALERTED, week.keys().get(0).status());
    assertEquals(0, week.keys().get(0).before().value(), 1e-12);
    Evaluation fixed =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS"))
            .baseline(
                Baseline.fixed(Instant.ofEpochMilli(10 * H + 1), Instant.ofEpochMilli(11 * H)))
            .build()
            .evaluate(m.snapshot(), 179);
    assertEquals(100, fixed.keys().get(0).before().n());
    assertThrows(
        IllegalArgumentException.class, () -> Baseline.fixed(Instant.EPOCH, Instant.EPOCH));
  }

  @Test
  void ratingsByMeanWithWelch() {
    ScoreMonitor<Rating> m =
        ScoreMonitor.of(MonitorConfig.tumbling(BucketSize.HOUR, 1), Rating::accumulator);
    fill(m, "app", 0, 3, 40);
    fill(m, "app", 0, 4, 40);
    fill(m, "app", 1, 4, 40);
    fill(m, "app", 1, 5, 40);
    ChangeDetector<Rating> d =
        ChangeDetector.builder(m, ChangeTest.<Rating>mean("Rating mean", 0.95)).build();
    ChangeDetector.KeyResult r = d.evaluate(m.snapshot(), 2).keys().get(0);
    // Means 3.5 and 4.5, each s² = 0.25 * 80/79, se² = 2 * s²/80, t = 1 / se.
    assertEquals(3.5, r.before().value(), 1e-12);
    assertEquals(4.5, r.after().value(), 1e-12);
    assertEquals(1 / Math.sqrt(2 * 0.25 * 80 / 79 / 80), r.difference().statistic(), 1e-9);
    assertEquals(Status.ALERTED, r.status());
  }

  @Test
  void evaluateTakesTheNewestClosedWindowOnce() {
    ScoreMonitor<NetPromoterScore> m =
        ScoreMonitor.of(
            MonitorConfig.tumbling(BucketSize.HOUR, 2)
                .withRetainedBuckets(10)
                .withLateness(Duration.ofMinutes(10)),
            NetPromoterScore::accumulator);
    ChangeDetector<NetPromoterScore> d =
        ChangeDetector.builder(m, ChangeTest.<NetPromoterScore>headline("NPS")).build();
    assertTrue(d.evaluate().isEmpty());
    m.add("a", 9, 4 * H + 9 * 60_000); // 4:09, lateness 10 min: hour 3 not closed, closedBefore 3
    // Tumbling windows of 2: the newest closed one ends at 2.
    assertEquals(2, d.evaluate().orElseThrow().windowEnd());
    assertTrue(d.evaluate().isEmpty());
    m.add("a", 9, 6 * H + 10 * 60_000); // closedBefore 6
    assertEquals(6, d.evaluate().orElseThrow().windowEnd());
    assertThrows(IllegalArgumentException.class, () -> d.evaluate(m.snapshot(), 5));
  }

  @Test
  void evaluationsWithTooFewResponsesDoNotReArm() {
    ScoreMonitor<NetPromoterScore> m = monitor();
    ChangeDetector<NetPromoterScore> d =
        ChangeDetector.builder(m, ChangeTest.nps()).rearmAfter(2).build();
    // Hour 1 changes (alert); hours 2-3 have 10 answers (too few); hour 4 like hour 3's baseline
    // would be, but hour 3 has too few so hour 4 is also untested; hours 5-6 quiet: re-armed.
    int[][] hours = {{50, 50}, {80, 20}, {5, 5}, {5, 5}, {80, 20}, {80, 20}, {80, 20}};
    List<Status> statuses = new ArrayList<>();
    for (int h = 0; h < hours.length; h++) {
      nps(m, "a", h, hours[h][0], hours[h][1]);
      if (h > 0) {
        statuses.add(d.evaluate(m.snapshot(), h + 1).keys().get(0).status());
      }
      if (h == 4 || h == 5) {
        assertFalse(d.isArmed("a"), "hour " + h); // TOO_FEW did not count; one quiet is not two
      }
    }
    assertEquals(
        List.of(
            Status.ALERTED,
            Status.TOO_FEW,
            Status.TOO_FEW,
            Status.TOO_FEW,
            Status.NOT_SIGNIFICANT,
            Status.NOT_SIGNIFICANT),
        statuses);
    assertTrue(d.isArmed("a"));
  }
}
