package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.rating.Rating;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.report.analysis.ChangeSection.Change;
import org.cx4j.report.analysis.ReportSnapshot.GroupStats;
import org.cx4j.report.analysis.ReportSnapshot.MetricStats;
import org.junit.jupiter.api.Test;

/**
 * The change tests against hand calculations (expected values from the textbook formulas, computed
 * independently), the multiple-testing family against a naive Benjamini-Hochberg, and a simulation
 * of the false discovery rate when nothing changed.
 */
class ChangeSectionTest {

  static final double TOL = 1e-9;
  static final Instant Q1 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant Q2 = Instant.parse("2026-04-01T00:00:00Z");
  static final Scale NPS = new Scale(0, 10);
  static final Scale FIVE = new Scale(1, 5);

  /** A histogram on 0..10 with promoters at 10, passives at 8, detractors at 0. */
  static ScoreDistribution nps(long promoters, long passives, long detractors) {
    long[] c = new long[11];
    c[10] = promoters;
    c[8] = passives;
    c[0] = detractors;
    return ScoreDistribution.ofCounts(NPS, c);
  }

  static GroupStats group(String dimension, String key, ScoreDistribution d, Instant from) {
    return new GroupStats(dimension, key, d, from, from.plus(30, ChronoUnit.DAYS));
  }

  static ReportSnapshot snapshot(MetricStats... metrics) {
    return new ReportSnapshot("test", List.of(metrics));
  }

  static ChangeSection compare(ReportSnapshot now, ReportSnapshot base) {
    return ChangeSection.compare(
        now, base, ReportMetric.defaults(), 0.95, 30, MultipleTesting.Method.BENJAMINI_HOCHBERG);
  }

  @Test
  void npsChangeIsTheZTestOnTheTrinomialVariances() {
    // Baseline 50/30/20 of 100: NPS 30, per-response variance 0.5 + 0.2 - 0.3² = 0.61.
    // Now 70/20/10 of 100: NPS 60, variance 0.7 + 0.1 - 0.6² = 0.44.
    // se = 100 sqrt(0.61/100 + 0.44/100) = sqrt(105); z = 30 / sqrt(105) = 2.92770;
    // p = erfc(z / sqrt 2) = 0.0034148 (R: 2 * pnorm(-2.9277) = 0.003415).
    ChangeSection c =
        compare(
            snapshot(
                new MetricStats(
                    "NPS",
                    "NPS",
                    Instrument.nps(),
                    List.of(group("overall", "overall", nps(70, 20, 10), Q2)))),
            snapshot(
                new MetricStats(
                    "NPS",
                    "NPS",
                    Instrument.nps(),
                    List.of(group("overall", "overall", nps(50, 30, 20), Q1)))));
    Change x = c.changes().get(0);
    assertEquals(ChangeSection.Test.NPS, x.test());
    assertEquals(30, x.baseline(), TOL);
    assertEquals(60, x.current(), TOL);
    assertEquals(Math.sqrt(105), x.difference().standardError(), TOL);
    assertEquals(30 / Math.sqrt(105), x.difference().statistic(), TOL);
    assertEquals(0.0034147911781178, x.difference().pValue(), 1e-9);
    assertEquals(x.difference().pValue(), x.adjusted(), 0); // a family of one
    assertTrue(x.significant());
    assertEquals(List.of(x), c.headlines());
    assertFalse(c.overlap());
    assertTrue(c.warnings().isEmpty());
  }

  @Test
  void csatChangeIsThePooledTwoProportionTestWithKishNeff() {
    // Unweighted: 60 of 100 top-2 (4 or 5) then 75 of 100: pooled p = 0.675,
    // z = 0.15 / sqrt(0.675 * 0.325 * (1/100 + 1/100)) = 2.264554.
    ChangeSection c =
        compare(
            csat(ScoreDistribution.ofCounts(FIVE, 10, 10, 5, 40, 35)),
            csat(ScoreDistribution.ofCounts(FIVE, 20, 10, 10, 30, 30)));
    assertEquals(2.2645540682891916, c.changes().get(0).difference().statistic(), 1e-9);
    assertEquals(15, c.changes().get(0).change(), 1e-9); // percentage points
    // Weighted baseline: 50 answers of 5 at weight 1, 50 answers of 1 at weight 3: p = 50/200,
    // n_eff = 200² / (50 + 450) = 80. Now 50 of 100 unweighted. Pooled p = (0.25*80 + 0.5*100)
    // / 180; z = 0.25 / sqrt(p (1 - p) (1/80 + 1/100)) = 3.418817.
    int[] scores = new int[100];
    double[] weights = new double[100];
    for (int i = 0; i < 100; i++) {
      scores[i] = i < 50 ? 5 : 1;
      weights[i] = i < 50 ? 1 : 3;
    }
    ChangeSection w =
        compare(
            csat(ScoreDistribution.ofCounts(FIVE, 50, 0, 0, 0, 50)),
            csat(ScoreDistribution.of(FIVE, scores, weights)));
    Change x = w.changes().get(0);
    assertEquals(80, x.baselineEffectiveN(), 1e-9);
    assertEquals(3.4188172937891386, x.difference().statistic(), 1e-9);
  }

  private static ReportSnapshot csat(ScoreDistribution d) {
    Instant from = d.isWeighted() ? Q1 : Q2;
    return snapshot(
        new MetricStats(
            "CSAT", "CSAT", Instrument.csat(), List.of(group("overall", "overall", d, from))));
  }

  @Test
  void ratingsAreComparedByTopBoxAndByMeanWithWelch() {
    Instrument ease = Instrument.rating("ease", FIVE);
    ReportMetric<Rating> rating =
        new ReportMetric<>(
            Instrument.Kind.RATING,
            "Ease",
            (instrument, level) -> Rating.accumulator(new Rating.Definition(instrument, 1, level)));
    // Baseline counts 10 each on 1..5: mean 3, s² = 100/49. Now 0,10,10,20,10: mean 3.6,
    // s² = 52/49. t = 0.6 / sqrt(s_a²/50 + s_b²/50) = 2.408865; Welch df = 89.11335.
    ReportSnapshot base =
        snapshot(
            new MetricStats(
                "Rating",
                "Rating ease",
                ease,
                List.of(
                    group(
                        "overall",
                        "overall",
                        ScoreDistribution.ofCounts(FIVE, 10, 10, 10, 10, 10),
                        Q1))));
    ReportSnapshot now =
        snapshot(
            new MetricStats(
                "Rating",
                "Rating ease",
                ease,
                List.of(
                    group(
                        "overall",
                        "overall",
                        ScoreDistribution.ofCounts(FIVE, 0, 10, 10, 20, 10),
                        Q2))));
    ChangeSection c =
        ChangeSection.compare(now, base, List.of(rating), 0.95, 30, MultipleTesting.Method.HOLM);
    assertEquals(2, c.changes().size());
    Change top = c.changes().get(0);
    assertEquals(ChangeSection.Test.SHARE, top.test());
    assertEquals(0, top.change(), 1e-9); // top box (5): 10 of 50 both times
    Change mean = c.changes().get(1);
    assertEquals(ChangeSection.Test.MEAN, mean.test());
    assertEquals(0.6, mean.change(), 1e-12);
    assertEquals(2.4088652056408986, mean.difference().statistic(), 1e-9);
    assertEquals(89.1133501259446, mean.difference().degreesOfFreedom(), 1e-6);
    // Holm over two: min(1, 2 p_(1)), then max with p_(2).
    double p1 = Math.min(top.difference().pValue(), mean.difference().pValue());
    assertEquals(Math.min(1, 2 * p1), mean.adjusted(), 1e-15);
  }

  @Test
  void smallGroupsAreShownButNotTestedAndStayOutOfTheFamily() {
    List<GroupStats> base =
        List.of(
            group("overall", "overall", nps(50, 30, 20), Q1),
            group("segment", "big", nps(50, 30, 20), Q1),
            group("segment", "tiny", nps(2, 0, 0), Q1),
            group("segment", "gone", nps(20, 20, 20), Q1));
    List<GroupStats> now =
        List.of(
            group("overall", "overall", nps(70, 20, 10), Q2),
            group("segment", "big", nps(60, 25, 15), Q2),
            group("segment", "tiny", nps(0, 0, 2), Q2),
            group("segment", "new", nps(20, 20, 20), Q2));
    ChangeSection c =
        compare(
            snapshot(new MetricStats("NPS", "NPS", Instrument.nps(), now)),
            snapshot(new MetricStats("NPS", "NPS", Instrument.nps(), base)));
    assertEquals(3, c.changes().size());
    Change tiny = c.changes().get(2);
    assertEquals("tiny", tiny.key());
    assertEquals(-200, tiny.change(), 1e-9);
    assertFalse(tiny.tested());
    assertFalse(tiny.significant());
    assertNull(tiny.adjusted());
    assertEquals("effective n below 30 (baseline 2, now 2)", tiny.untested());
    assertEquals(2, c.tested());
    // BH over the two tested, by the definition: q_(2) = p_(2), q_(1) = min(q_(2), 2 p_(1)).
    double[] p = {
      c.changes().get(0).difference().pValue(), c.changes().get(1).difference().pValue()
    };
    double[] q = naiveBenjaminiHochberg(p);
    assertEquals(q[0], c.changes().get(0).adjusted(), 1e-15);
    assertEquals(q[1], c.changes().get(1).adjusted(), 1e-15);
    assertTrue(
        c.notes().contains("NPS: 2 groups are in only one of the two reports, not " + "compared."),
        c.notes().toString());
  }

  /** q_i = min over j with p_j >= p_i of m p_j / rank_j, rank by ascending p (ties: any order). */
  static double[] naiveBenjaminiHochberg(double[] p) {
    int m = p.length;
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      double best = 1;
      for (int j = 0; j < m; j++) {
        if (p[j] >= p[i]) {
          int rank = 0;
          for (int k = 0; k < m; k++) {
            rank += p[k] <= p[j] ? 1 : 0;
          }
          best = Math.min(best, m * p[j] / rank);
        }
      }
      q[i] = best;
    }
    return q;
  }

  @Test
  void overlappingPeriodsAreFlaggedAndLaterBaselinesNoted() {
    MetricStats a =
        new MetricStats(
            "NPS",
            "NPS",
            Instrument.nps(),
            List.of(group("overall", "overall", nps(50, 30, 20), Q1)));
    MetricStats b =
        new MetricStats(
            "NPS",
            "NPS",
            Instrument.nps(),
            List.of(group("overall", "overall", nps(50, 30, 20), Q1.plus(20, ChronoUnit.DAYS))));
    ChangeSection c = compare(snapshot(a), snapshot(b));
    assertTrue(c.overlap());
    assertEquals(1, c.warnings().size());
    assertTrue(
        c.warnings()
            .get(0)
            .startsWith(
                "The two periods overlap (baseline "
                    + "2026-01-21T00:00:00Z to 2026-02-20T00:00:00Z, this report 2026-01-01T00:00:00Z to "
                    + "2026-01-31T00:00:00Z)"),
        c.warnings().get(0));
    MetricStats later =
        new MetricStats(
            "NPS",
            "NPS",
            Instrument.nps(),
            List.of(group("overall", "overall", nps(50, 30, 20), Q2)));
    ChangeSection d = compare(snapshot(a), snapshot(later));
    assertFalse(d.overlap());
    assertTrue(
        d.notes().get(0).startsWith("The baseline's responses are later"), d.notes().toString());
  }

  @Test
  void aChangedScaleIsNotCompared() {
    MetricStats five =
        new MetricStats(
            "CSAT",
            "CSAT",
            Instrument.csat(),
            List.of(
                group(
                    "overall",
                    "overall",
                    ScoreDistribution.ofCounts(FIVE, 10, 10, 10, 10, 10),
                    Q1)));
    Instrument seven = Instrument.csat(new Scale(1, 7));
    MetricStats sevenPoint =
        new MetricStats(
            "CSAT",
            "CSAT",
            seven,
            List.of(
                group(
                    "overall",
                    "overall",
                    ScoreDistribution.ofCounts(seven.scale(), 5, 5, 5, 5, 5, 5, 5),
                    Q2)));
    ChangeSection c = compare(snapshot(sevenPoint), snapshot(five));
    assertTrue(c.changes().isEmpty());
    assertEquals(
        List.of("CSAT was on scale 1..5 in the baseline and is on 1..7 now: not " + "compared."),
        c.notes());
  }

  // ---------------------------------------------------------------------------------------------
  // Simulation: no change planted

  static final Touchpoint[] TOUCHPOINTS = {
    Touchpoint.of("t1", Channel.of("web"), JourneyStage.of("support")),
    Touchpoint.of("t2", Channel.of("web"), JourneyStage.of("support")),
    Touchpoint.of("t3", Channel.of("phone"), JourneyStage.of("support")),
    Touchpoint.of("t4", Channel.of("store"), JourneyStage.of("support"))
  };
  static final double[] NPS_P = {0.1, 0.02, 0.02, 0.03, 0.03, 0.05, 0.05, 0.1, 0.2, 0.2, 0.2};
  static final double[] CSAT_P = {0.05, 0.1, 0.2, 0.35, 0.3};

  /** {@code n} responses per metric from the same distributions, one an hour from {@code from}. */
  static ReportSnapshot period(SplittableRandom rnd, Instant from, int n) {
    List<MetricStats> metrics = new ArrayList<>();
    Map<CustomerId, String> segment = new LinkedHashMap<>();
    int i = 0;
    for (Instrument instrument : List.of(Instrument.nps(), Instrument.csat())) {
      double[] probs = instrument.kind() == Instrument.Kind.NPS ? NPS_P : CSAT_P;
      List<SurveyResponse> rs = new ArrayList<>();
      for (int k = 0; k < n; k++, i++) {
        CustomerId id = CustomerId.of("c" + i);
        segment.put(id, "s" + rnd.nextInt(3));
        double u = rnd.nextDouble();
        int s = 0;
        while (s < probs.length - 1 && (u -= probs[s]) >= 0) {
          s++;
        }
        rs.add(
            SurveyResponse.of(
                id,
                TOUCHPOINTS[rnd.nextInt(4)],
                instrument,
                instrument.scale().min() + s,
                from.plus(i, ChronoUnit.HOURS)));
      }
      metrics.add(
          SnapshotOracle.of(
              instrument.kind().name(), instrument.name(), instrument, rs, segment::get));
    }
    return new ReportSnapshot("sim", metrics);
  }

  @Test
  void withNoChangeTheShareOfPairsWithAnyDiscoveryIsAtMostAlpha() {
    // 200 seeded pairs of periods from the same distributions; each compares 2 metrics x 11
    // groups (overall, 3 segments, 4 touchpoints, 3 channels) as one family. Under the global
    // null, BH controls the family-wise error at alpha = 0.05 (FDR = FWER when every null is
    // true), so P(any discovery) <= 0.05; allow three binomial standard errors:
    // 0.05 + 3 sqrt(0.05 * 0.95 / 200) = 0.0962.
    SplittableRandom rnd = new SplittableRandom(20261206);
    int pairs = 200;
    int any = 0;
    int tested = 0;
    for (int k = 0; k < pairs; k++) {
      ReportSnapshot base = period(rnd, Q1, 400);
      ReportSnapshot now = period(rnd, Q2, 400);
      ChangeSection c = compare(now, base);
      tested += c.tested();
      any += c.significant().isEmpty() ? 0 : 1;
    }
    assertEquals(pairs * 2 * 11, tested, "every group is large enough to be tested");
    double share = (double) any / pairs;
    assertTrue(share <= 0.05 + 3 * Math.sqrt(0.05 * 0.95 / pairs), "share " + share);
  }

  @Test
  void aPlantedChangeInOneSegmentIsDiscovered() {
    // The same simulation, with segment s0's NPS answers replaced by 10s half of the time now.
    SplittableRandom rnd = new SplittableRandom(7);
    ReportSnapshot base = period(rnd, Q1, 900);
    ReportSnapshot now = period(rnd, Q2, 900);
    MetricStats nps = now.metrics().get(0);
    GroupStats s0 = nps.group("segment", "s0").orElseThrow();
    long[] counts = s0.distribution().counts();
    long moved = 0;
    for (int s = 0; s < 10; s++) {
      long m = counts[s] / 2;
      counts[s] -= m;
      moved += m;
    }
    counts[10] += moved;
    List<GroupStats> groups = new ArrayList<>(nps.groups());
    groups.set(
        groups.indexOf(s0),
        new GroupStats(
            "segment", "s0", ScoreDistribution.ofCounts(NPS, counts), s0.first(), s0.last()));
    ReportSnapshot planted =
        new ReportSnapshot(
            "sim",
            List.of(
                new MetricStats("NPS", nps.measure(), nps.instrument(), groups),
                now.metrics().get(1)));
    ChangeSection c = compare(planted, base);
    Change x =
        c.changes().stream()
            .filter(ch -> ch.metric().equals("NPS") && ch.key().equals("s0"))
            .findFirst()
            .orElseThrow();
    assertTrue(x.adjusted() < 0.05, x.toString());
    assertTrue(x.significant());
    assertEquals(x, c.headlines().get(0));
  }
}
