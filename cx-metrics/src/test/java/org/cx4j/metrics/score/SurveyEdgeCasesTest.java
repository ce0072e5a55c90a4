package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.compare.SampleSizePlanner;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

/** Issue 19, survey metrics: each expected value is derived by hand or from a closed form here. */
class SurveyEdgeCasesTest {

  private static final double Z95 = 1.959963984540054;
  private static final double TOL = 1e-9;

  // ---------------------------------------------------------------- finite population

  @Test
  void npsWaldCorrectsTheStandardErrorBeforeClipping() {
    // 9 promoters, 1 detractor, n = 10, N = 13.
    // θ = 0.9 - 0.1 = 0.8; Var = (p_P + p_D - θ²) / n = (0.9 + 0.1 - 0.64) / 10 = 0.036;
    // se = sqrt(0.036) = 0.1897367; f = sqrt((N - n) / (N - 1)) = sqrt(3 / 12) = 0.5.
    // Upper = 0.8 + 1.959964 * 0.5 * 0.1897367 = 0.8 + 0.1859341 = 0.9859341 -> 98.59
    // (clipping first to 100 and shrinking 100 - 80 by 0.5 would give 90).
    // Lower = 0.8 - 0.1859341 = 0.6140659 -> 61.41.
    NetPromoterScore nps = NetPromoterScore.ofCounts(9, 0, 1);
    Interval i = nps.interval(0.95, IntervalMethod.WALD, 13);
    double half = Z95 * 0.5 * Math.sqrt(0.036);
    assertEquals(100 * (0.8 + half), i.upper(), 1e-9);
    assertEquals(98.59, i.upper(), 0.005);
    assertEquals(100 * (0.8 - half), i.lower(), 1e-9);
  }

  @Test
  void npsAdjustedWaldCorrectsItsVarianceBeforeClipping() {
    // Adjusted: n_P = 9.75, n_D = 1.75, n + 3 = 13; p_P = 0.75, p_D = 0.134615;
    // θ* = 0.615385; Var* = (0.75 + 0.134615 - 0.615385²) / 13 = 0.0389167;
    // half = 1.959964 * 0.5 * sqrt(Var*), interval 100 (θ* ± half), none clipped.
    double pp = 9.75 / 13;
    double pd = 1.75 / 13;
    double t = pp - pd;
    double half = Z95 * 0.5 * Math.sqrt((pp + pd - t * t) / 13);
    Interval i =
        NetPromoterScore.ofCounts(9, 0, 1).interval(0.95, IntervalMethod.ADJUSTED_WALD, 13);
    assertEquals(100 * (t + half), i.upper(), 1e-9);
    assertEquals(100 * (t - half), i.lower(), 1e-9);
  }

  @Test
  void npsBootstrapShrinksEveryReplicateTowardsTheEstimate() {
    NetPromoterScore nps =
        NetPromoterScore.ofCounts(30, 10, 20)
            .with(NetPromoterScore.Definition.DEFAULT.withMethod(IntervalMethod.BOOTSTRAP));
    Interval raw = nps.interval(0.95, IntervalMethod.BOOTSTRAP);
    Interval fpc = nps.interval(0.95, IntervalMethod.BOOTSTRAP, 100);
    double f = Math.sqrt(40.0 / 99); // (100 - 60) / (100 - 1)
    double s = nps.score();
    assertEquals(s - f * (s - raw.lower()), fpc.lower(), 1e-9);
    assertEquals(s + f * (raw.upper() - s), fpc.upper(), 1e-9);
  }

  @Test
  void wilsonUsesTheEffectiveSizeNStar() {
    // 8 of 10 in the top box, N = 20: n* = n (N - 1) / (N - n) = 10 * 19 / 10 = 19.
    // Wilson with n = 19 (closed form, evaluated here): (p + z²/2n ± z sqrt(p q / n + z² / 4n²)) /
    // (1 + z²/n).
    ScoreDistribution d = ScoreDistribution.ofCounts(Scale.of(1, 5), 1, 1, 0, 4, 4);
    ShareEstimate top = ShareEstimate.of(d, 4, 5, 0.95);
    double n = 19;
    double p = 0.8;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    Interval i = top.interval(0.95, IntervalMethod.WILSON, 20);
    assertEquals(centre - half, i.lower(), 1e-12);
    assertEquals(centre + half, i.upper(), 1e-12);
    // A census has no sampling error.
    Interval census = top.interval(0.95, IntervalMethod.WILSON, 10);
    assertEquals(0.8, census.lower(), 0);
    assertEquals(0.8, census.upper(), 0);
  }

  @Test
  void shareWaldCorrectsBeforeClipping() {
    // 9 of 10, N = 13: se = sqrt(0.9 * 0.1 / 10) = 0.0948683, f = 0.5,
    // upper 0.9 + 1.959964 * 0.5 * 0.0948683 = 0.9929670 (not clipped at 1).
    ScoreDistribution d = ScoreDistribution.ofCounts(Scale.of(1, 5), 1, 0, 0, 0, 9);
    Interval i = ShareEstimate.of(d, 5, 5, 0.95).interval(0.95, IntervalMethod.WALD, 13);
    assertEquals(0.9 + Z95 * 0.5 * Math.sqrt(0.009), i.upper(), 1e-12);
  }

  // ---------------------------------------------------------------- sample sizes

  @Test
  void sampleSizeRoundsOnceUnderAFinitePopulation() {
    // n0 = 1.959964² * 0.25 / 0.05² = 384.1459; n = n0 / (1 + (n0 - 1) / 1000) = 277.74 -> 278.
    assertEquals(278, SampleSizePlanner.share(0.5, 0.05, 0.95, 1000));
    double[] shares = {0.05, 0.2, 0.5, 0.7};
    double[] margins = {0.01, 0.03, 0.05, 0.1};
    long[] populations = {50, 400, 1000, 12345, 1_000_000};
    for (double p : shares) {
      for (double m : margins) {
        for (long big : populations) {
          double n0 = Z95 * Z95 * p * (1 - p) / (m * m);
          long expected = (long) Math.ceil(n0 / (1 + (n0 - 1) / big) - 1e-9);
          assertEquals(expected, SampleSizePlanner.share(p, m, 0.95, big), p + " " + m + " " + big);
        }
      }
    }
    for (long big : populations) {
      // NPS with p_P = 0.5, p_D = 0.3: Var1 = 0.8 - 0.04 = 0.76, margin 5 points.
      double n0 = Z95 * Z95 * 0.76 / (0.05 * 0.05);
      long expected = (long) Math.ceil(n0 / (1 + (n0 - 1) / big) - 1e-9);
      assertEquals(expected, SampleSizePlanner.nps(0.5, 0.3, 5, 0.95, big));
    }
  }

  // ---------------------------------------------------------------- weighted conventions

  @Test
  void surveyConventionIsSvymeanWithReplacement() {
    // Scores 10, 10, 0 with weights 1, 2, 3 (NPS). z = +1, +1, -1; Σw = 6;
    // θ = (1 + 2 - 3) / 6 = 0; Σ w² (z - θ)² = 1 + 4 + 9 = 14;
    // linearization Var = 14 / 36 = 0.388889, se = 62.3610 points;
    // svymean (with replacement): n / (n - 1) = 3 / 2, Var = 21 / 36, se = 76.3763 points.
    NetPromoterScore nps = NetPromoterScore.of(new int[] {10, 10, 0}, new double[] {1, 2, 3});
    assertEquals(100 * Math.sqrt(14.0 / 36), nps.standardError(), 1e-9);
    assertEquals(
        100 * Math.sqrt(14.0 / 36), nps.standardError(VarianceConvention.LINEARIZATION), 1e-9);
    assertEquals(
        100 * Math.sqrt(21.0 / 36),
        nps.standardError(VarianceConvention.SURVEY_WITH_REPLACEMENT),
        1e-9);
    // Share of 10s: p = 0.5, Σ w² (z - p)² = 0.25 (1 + 4 + 9) = 3.5, / 36; times 3/2 for svymean.
    ShareEstimate s = ShareEstimate.of(nps.distribution(), 10, 10, 0.95);
    assertEquals(Math.sqrt(3.5 / 36), s.standardError(), 1e-12);
    assertEquals(
        Math.sqrt(1.5 * 3.5 / 36),
        s.standardError(VarianceConvention.SURVEY_WITH_REPLACEMENT),
        1e-12);
    // Mean: (10 + 20 + 0) / 6 = 5; Σ w² (x - m)² = 1 * 25 + 4 * 25 + 9 * 25 = 350,
    // / 36 -> 9.7222, se = 3.11805; svymean: sqrt(1.5 * 9.7222) = 3.81881.
    MeanEstimate mean = MeanEstimate.of(nps.distribution(), 0.95);
    double v = 350.0 / 36;
    assertEquals(
        Math.sqrt(v), mean.linearizationStandardError(VarianceConvention.LINEARIZATION), 1e-12);
    assertEquals(
        Math.sqrt(1.5 * v),
        mean.linearizationStandardError(VarianceConvention.SURVEY_WITH_REPLACEMENT),
        1e-12);
  }

  // ---------------------------------------------------------------- small n

  @Test
  void oneResponseIsFlaggedAndShowsTheIntervalCentre() {
    // One promoter: NPS 100; adjusted: (1.75 - 0.75) / 4 = 0.25 -> centre 25,
    // Var* = (0.4375 + 0.1875 - 0.0625) / 4 = 0.140625, half = 1.96 * 0.375 = 0.735 -> [-48.5,
    // 98.5].
    NetPromoterScore one = NetPromoterScore.ofCounts(1, 0, 0);
    assertFalse(one.interval().contains(one.score()));
    assertTrue(one.isUnstable());
    String s = one.toString();
    assertTrue(s.contains("unstable below n = 30"), s);
    assertTrue(s.contains("centre 25"), s);
    NetPromoterScore many = NetPromoterScore.ofCounts(50, 30, 20);
    assertFalse(many.isUnstable());
    assertFalse(many.toString().contains("unstable"), many.toString());
  }

  // ---------------------------------------------------------------- missing codes

  @Test
  void missingCodesAreCountedNeverScored() {
    ScoreAccumulator<NetPromoterScore> acc = NetPromoterScore.accumulator().missingCodes(99);
    acc.addAll(new int[] {10, 99, 0, 99, 9});
    acc.addWeighted(99, 2.5);
    NetPromoterScore r = acc.result();
    // Scored: 10, 0, 9 -> 2 promoters, 1 detractor, NPS 100 (2 - 1) / 3.
    assertEquals(3, r.n());
    assertEquals(100.0 / 3, r.score(), 1e-12);
    assertEquals(Map.of(99, 3L), r.distribution().missing());
    assertTrue(r.toString().contains("3 missing"), r.toString());
    // 0 = not applicable on a 0..5 rating: on the scale, yet not scored.
    ScoreAccumulator<ScoreDistribution> rating =
        ScoreDistribution.accumulator(Scale.of(0, 5)).missingCodes(0);
    rating.addAll(new int[] {0, 5, 4, 0});
    ScoreDistribution d = rating.distribution();
    assertEquals(2, d.n());
    assertEquals(4.5, d.mean(), 0);
    assertEquals(2, d.missingCount());
    // Merging keeps them; without codes, 99 is an error.
    ScoreAccumulator<NetPromoterScore> other = NetPromoterScore.accumulator();
    other.merge(acc);
    assertEquals(3, other.result().distribution().missingCount());
    assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.accumulator().add(99));
    // CSAT on 1..5 with 0 = not applicable: 4 and 5 scored (top-2 share 100%), two 0s reported.
    ScoreAccumulator<org.cx4j.metrics.csat.CustomerSatisfaction> csat =
        org.cx4j.metrics.csat.CustomerSatisfaction.accumulator().missingCodes(0);
    csat.addAll(new int[] {0, 4, 0, 5});
    org.cx4j.metrics.csat.CustomerSatisfaction c = csat.result();
    assertEquals(2, c.n());
    assertEquals(1.0, c.topBox().share(), 0);
    assertTrue(c.toString().endsWith("; 2 missing (not scored)"), c.toString());
  }

  @Test
  void jsonCarriesMissingCodesAndTheWeightExponent() throws Exception {
    ScoreAccumulator<ScoreDistribution> acc =
        ScoreDistribution.accumulator(Scale.of(0, 10)).missingCodes(99);
    acc.addWeighted(9, 1e200);
    acc.addWeighted(3, 3e200);
    acc.add(99);
    ScoreDistribution d = acc.distribution();
    com.fasterxml.jackson.databind.ObjectMapper m = org.cx4j.core.json.CxJson.mapper();
    String json = m.writeValueAsString(d);
    assertTrue(json.contains("\"missing\""), json);
    assertTrue(json.contains("\"weightExponent\""), json);
    ScoreDistribution back = m.readValue(json, ScoreDistribution.class);
    assertEquals(d, back);
    // n_eff = (1 + 3)² / (1 + 9) = 1.6 at any scale.
    assertEquals(1.6, back.effectiveSampleSize(), 1e-12);
    assertEquals(4e200, back.totalWeight(), 1e188);
  }

  // ---------------------------------------------------------------- ofWeights consistency

  @Test
  void ofWeightsRejectsInconsistentTotals() {
    Scale s = Scale.of(1, 3);
    // No responses at score 1 but weight there.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScoreDistribution.ofWeights(
                    s, new long[] {0, 1, 1}, new double[] {2, 1, 1}, new double[] {4, 1, 1}));
    assertTrue(e.getMessage().contains("score 1"), e.getMessage());
    // Two weights summing to 2 have squares summing to at least 2 (both 1) and at most 4.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoreDistribution.ofWeights(
                s, new long[] {2, 1, 1}, new double[] {2, 1, 1}, new double[] {1.5, 1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoreDistribution.ofWeights(
                s, new long[] {2, 1, 1}, new double[] {2, 1, 1}, new double[] {4.5, 1, 1}));
    // Weights 0.5 and 1.5: sum 2, squares 2.5, consistent.
    ScoreDistribution ok =
        ScoreDistribution.ofWeights(
            s, new long[] {2, 1, 1}, new double[] {2, 1, 1}, new double[] {2.5, 1, 1});
    assertEquals(4, ok.n());
    assertEquals(16.0 / 4.5, ok.effectiveSampleSize(), TOL);
  }
}
