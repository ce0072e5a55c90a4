package org.cx4j.metrics.compare;

import static org.cx4j.metrics.score.ScoreSamples.CSAT_FIVE;
import static org.cx4j.metrics.score.ScoreSamples.NPS_TEN;
import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.cx4j.metrics.score.ScoreSamples.Z95;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.TDistribution;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.json.CxJson;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.FinitePopulation;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.ShareEstimate;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  @Test
  void npsDifferenceByHand() {
    // A: NPS 20, Var 0.076. B: 2 promoters, 3 passives, 5 detractors: NPS -30,
    // Var = [0.2 + 0.5 - 0.3²] / 10 = 0.061. d = 50, se = 100 sqrt(0.137) = 37.0135,
    // z = 1.350858, p = 2 (1 - Φ(1.350858)) = 0.176741 (erf, computed separately).
    Difference d =
        Comparisons.nps(NetPromoterScore.of(NPS_TEN), NetPromoterScore.ofCounts(2, 3, 5), 0.95);
    assertEquals(50, d.estimate(), TOLERANCE);
    assertEquals(100 * Math.sqrt(0.137), d.standardError(), TOLERANCE);
    assertEquals(1.350858, d.statistic(), 1e-6);
    assertEquals(0.176741, d.pValue(), 1e-6);
    assertEquals(50 - Z95 * 100 * Math.sqrt(0.137), d.interval().lower(), TOLERANCE);
    assertFalse(d.isSignificant());
    assertNull(d.degreesOfFreedom());
  }

  @Test
  void twoProportionByHand() {
    // 81/263 vs 15/148: d = 0.2066334; unpooled se 0.0377595; pooled p = 96/411,
    // z = 4.752689, p = 2.0073e-6.
    ShareEstimate a =
        ShareEstimate.of(ScoreDistribution.ofCounts(Scale.of(0, 1), 182, 81), 1, 1, 0.95);
    ShareEstimate b =
        ShareEstimate.of(ScoreDistribution.ofCounts(Scale.of(0, 1), 133, 15), 1, 1, 0.95);
    Difference d = Comparisons.shares(a, b, 0.95);
    assertEquals(81.0 / 263 - 15.0 / 148, d.estimate(), TOLERANCE);
    assertEquals(0.0377595, d.standardError(), 1e-7);
    assertEquals(4.752689, d.statistic(), 1e-6);
    assertEquals(2.0073e-6, d.pValue(), 1e-9);
    assertTrue(d.isSignificant());
  }

  @Test
  void welchByHand() {
    // a = 5, 4, 4, 3, 5: mean 4.2, s²/n = 0.14. b = 1, 2, 3: mean 2, s²/n = 1/3.
    // se = sqrt(0.473333) = 0.6879922; df = 0.473333² / (0.14²/4 + (1/3)²/2) = 3.705936;
    // t = 2.2 / se = 3.197710.
    CustomerSatisfaction a = CustomerSatisfaction.of(CSAT_FIVE);
    CustomerSatisfaction b = CustomerSatisfaction.of(1, 2, 3);
    Difference d = Comparisons.means(a.mean(), b.mean(), 0.95);
    assertEquals(2.2, d.estimate(), TOLERANCE);
    assertEquals(0.6879922, d.standardError(), 1e-7);
    assertEquals(3.705936, d.degreesOfFreedom(), 1e-6);
    assertEquals(3.197710, d.statistic(), 1e-6);
    double df = (0.14 + 1.0 / 3) * (0.14 + 1.0 / 3) / (0.14 * 0.14 / 4 + 1.0 / 9 / 2);
    assertEquals(
        2 * TDistribution.of(df).survivalProbability(2.2 / Math.sqrt(0.14 + 1.0 / 3)),
        d.pValue(),
        1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> Comparisons.means(a.mean(), CustomerSatisfaction.of(3).mean(), 0.95));
  }

  @Test
  void differenceJson() throws Exception {
    Difference d =
        Comparisons.nps(NetPromoterScore.of(NPS_TEN), NetPromoterScore.ofCounts(2, 3, 5), 0.95);
    String json = CxJson.mapper().writeValueAsString(d);
    assertFalse(json.contains("degreesOfFreedom"), json);
    assertEquals(d, CxJson.mapper().readValue(json, Difference.class));
  }

  @Test
  void finitePopulationCorrection() {
    // N = 100, n = 50: sqrt(50 / 99)
    assertEquals(Math.sqrt(50.0 / 99), FinitePopulation.factor(100, 50), TOLERANCE);
    assertEquals(0, FinitePopulation.factor(100, 100), 0);
    Interval i = new Interval(10, 30, 0.95, IntervalMethod.WALD);
    Interval c = FinitePopulation.correct(i, 20, 100, 50);
    assertEquals(20 - 10 * Math.sqrt(50.0 / 99), c.lower(), TOLERANCE);
    assertEquals(
        "sample size 120.0 must be in 0..100 (the population size)",
        assertThrows(IllegalArgumentException.class, () -> FinitePopulation.factor(100, 120))
            .getMessage());
  }

  @Test
  void finitePopulationOnResults() {
    // NPS_TEN from a population of 20: factor sqrt(10 / 19); Wald half-width 1.96 * 27.568
    NetPromoterScore r = NetPromoterScore.of(NPS_TEN);
    Interval w = r.interval(0.95, IntervalMethod.WALD, 20);
    assertEquals(20 - Math.sqrt(10.0 / 19) * Z95 * 100 * Math.sqrt(0.076), w.lower(), TOLERANCE);
    // a census has no sampling error
    Interval census =
        CustomerSatisfaction.of(CSAT_FIVE).topBox().interval(0.95, IntervalMethod.WILSON, 5);
    assertEquals(0.8, census.lower(), TOLERANCE);
    assertEquals(0.8, census.upper(), TOLERANCE);
    assertThrows(IllegalArgumentException.class, () -> r.interval(0.95, IntervalMethod.WALD, 9));
  }

  @Test
  void sampleSizes() {
    // NPS, pP 0.5, pD 0.3, ±5 points: 1.96² 0.76 / 0.05² = 1167.80 -> 1168
    assertEquals(1168, SampleSizePlanner.nps(0.5, 0.3, 5, 0.95));
    // share 0.5, ±3%: 1.96² 0.25 / 0.03² = 1067.07 -> 1068 (the familiar "about 1,067")
    assertEquals(1068, SampleSizePlanner.share(0.5, 0.03, 0.95));
    // from 2000: 1068 / (1 + 1067 / 2000) = 696.45 -> 697
    assertEquals(697, SampleSizePlanner.share(0.5, 0.03, 0.95, 2000));
    assertEquals(
        "promoter share must be in [0, 1], got 1.2",
        assertThrows(IllegalArgumentException.class, () -> SampleSizePlanner.nps(1.2, 0, 5, 0.95))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> SampleSizePlanner.share(0.5, 0.03, 1.0));
  }

  @Test
  void npsPooledTestUsesTheCombinedSampleVariance() {
    // a: 80 promoters, 20 detractors (NPS 60); b: 50 and 50 (NPS 0). Combined: 130 and 70 of
    // 200, pP = 0.65, pD = 0.35, per-response variance 10^4 (0.65 + 0.35 - 0.3²) = 9100,
    // se0 = sqrt(9100 (1/100 + 1/100)) = 13.491, z = 60 / 13.491 = 4.4475.
    int[] a = new int[100];
    java.util.Arrays.fill(a, 0, 80, 9);
    int[] b = new int[100];
    java.util.Arrays.fill(b, 0, 50, 10);
    Difference d = Comparisons.npsPooled(NetPromoterScore.of(a), NetPromoterScore.of(b), 0.95);
    assertEquals(60, d.estimate(), 1e-12);
    assertEquals(60 / Math.sqrt(9100 * 0.02), d.statistic(), 1e-9);
    // The interval is the unpooled Wald one of nps().
    Difference w = Comparisons.nps(NetPromoterScore.of(a), NetPromoterScore.of(b), 0.95);
    assertEquals(w.interval(), d.interval());
    assertEquals(w.standardError(), d.standardError(), 0);
    assertTrue(d.pValue() > w.pValue());
  }
}
