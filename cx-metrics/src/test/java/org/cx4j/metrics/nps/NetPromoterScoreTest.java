package org.cx4j.metrics.nps;

import static org.cx4j.metrics.score.ScoreSamples.NPS_TEN;
import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.cx4j.metrics.score.ScoreSamples.Z95;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.cx4j.core.json.CxJson;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.junit.jupiter.api.Test;

class NetPromoterScoreTest {

  @Test
  void tenResponsesByHand() {
    NetPromoterScore r = NetPromoterScore.of(NPS_TEN);
    assertEquals(10, r.n());
    assertEquals(5, r.promoters());
    assertEquals(2, r.passives());
    assertEquals(3, r.detractors());
    // NPS = 100 (0.5 - 0.3) = 20
    assertEquals(20, r.score(), TOLERANCE);
    // se = 100 sqrt([0.5 + 0.3 - 0.2²] / 10) = 100 sqrt(0.076) = 27.568097504180443
    assertEquals(100 * Math.sqrt(0.076), r.standardError(), TOLERANCE);
    assertEquals(27.5681, r.standardError(), 1e-4);
    // Wald: 20 ± 1.959963984540054 * 27.5681 = 20 ± 54.0325 -> [-34.0325, 74.0325]
    Interval wald = r.interval(0.95, IntervalMethod.WALD);
    assertEquals(20 - Z95 * 100 * Math.sqrt(0.076), wald.lower(), TOLERANCE);
    assertEquals(20 + Z95 * 100 * Math.sqrt(0.076), wald.upper(), TOLERANCE);
    assertEquals(-34.0325, wald.lower(), 1e-4);
    assertEquals(74.0325, wald.upper(), 1e-4);
  }

  @Test
  void adjustedWaldByHand() {
    // Rocks 2016 sec. 3: n_P* = 5.75, n_D* = 3.75, n* = 13; θ* = 2/13;
    // Var* = (5.75/13 + 3.75/13 - (2/13)²) / 13 = (123.5/169 - 4/169) / 13 = 119.5 / 2197.
    NetPromoterScore r = NetPromoterScore.of(NPS_TEN);
    assertEquals(200.0 / 13, r.adjustedScore(), TOLERANCE);
    Interval a = r.interval();
    assertEquals(IntervalMethod.ADJUSTED_WALD, a.method());
    double half = Z95 * Math.sqrt(119.5 / 2197);
    assertEquals(100 * (2.0 / 13 - half), a.lower(), TOLERANCE);
    assertEquals(100 * (2.0 / 13 + half), a.upper(), TOLERANCE);
    // 15.3846 ± 45.7106
    assertEquals(-30.3260, a.lower(), 1e-4);
    assertTrue(a.contains(r.adjustedScore()));
  }

  @Test
  void intervalsAreClippedToTheRange() {
    // All promoters: Wald has se 0 -> [100, 100]; adjusted Wald would exceed 100 on the right.
    NetPromoterScore r = NetPromoterScore.of(10, 10, 9);
    assertEquals(100, r.score(), 0);
    assertEquals(100, r.interval().upper(), 0);
    assertEquals(100, r.interval(0.95, IntervalMethod.WALD).upper(), 0);
    // n* = 6, p_P* = 3.75/6, p_D* = 0.75/6, θ* = 0.5, Var* = (0.625 + 0.125 - 0.25) / 6 = 1/12
    assertEquals(100 * (0.5 - Z95 * Math.sqrt(1.0 / 12)), r.interval().lower(), TOLERANCE);
    // Upper 0.5 + 0.5658 > 1: clipped.
  }

  @Test
  void weightedLinearizationByHand() {
    // scores 10 (w 3) and 0 (w 1): θ = (3 - 1) / 4 = 0.5;
    // Σ w² (z - θ)² = 9 (0.5)² + 1 (-1.5)² = 4.5; Var = 4.5 / 16; n_eff = 16 / 10 = 1.6.
    NetPromoterScore r = NetPromoterScore.of(new int[] {10, 0}, new double[] {3, 1});
    assertEquals(50, r.score(), TOLERANCE);
    assertEquals(100 * Math.sqrt(4.5 / 16), r.standardError(), TOLERANCE);
    assertEquals(1.6, r.effectiveSampleSize(), TOLERANCE);
    // Adjusted Wald with n_eff: n_P = 0.75 * 1.6 + 0.75 = 1.95, n_D = 0.25 * 1.6 + 0.75 = 1.15,
    // n* = 4.6, θ* = 0.8 / 4.6
    assertEquals(100 * 0.8 / 4.6, r.adjustedScore(), TOLERANCE);
    assertTrue(r.isWeighted());
  }

  @Test
  void unitWeightsEqualUnweighted() {
    double[] ones = new double[NPS_TEN.length];
    java.util.Arrays.fill(ones, 1.0);
    NetPromoterScore w = NetPromoterScore.of(NPS_TEN, ones);
    NetPromoterScore u = NetPromoterScore.of(NPS_TEN);
    assertEquals(u.standardError(), w.standardError(), TOLERANCE);
    assertEquals(u.interval().lower(), w.interval().lower(), TOLERANCE);
    assertEquals(10, w.effectiveSampleSize(), TOLERANCE);
  }

  @Test
  void emptySampleSaysNZeroAndHasNoScore() {
    NetPromoterScore r = NetPromoterScore.accumulator().result();
    assertEquals(0, r.n());
    assertTrue(r.isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class, r::score);
    assertEquals("no NPS: the sample is empty (n = 0)", e.getMessage());
    assertThrows(IllegalStateException.class, r::interval);
    assertEquals("NPS undefined (n 0: 0 promoters, 0 passives, 0 detractors)", r.toString());
    // All-zero weights: n = 2 but no score.
    NetPromoterScore z = NetPromoterScore.of(new int[] {10, 0}, new double[] {0, 0});
    assertEquals(2, z.n());
    assertTrue(
        assertThrows(IllegalStateException.class, z::score).getMessage().contains("total weight"));
  }

  @Test
  void badArgumentsAreNamed() {
    NetPromoterScore r = NetPromoterScore.of(NPS_TEN);
    for (double level : new double[] {0, 1, 1.5, -0.1, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> r.interval(level, IntervalMethod.WALD));
      assertEquals("confidence level must be in (0, 1), exclusive, got " + level, e.getMessage());
    }
    assertEquals(
        "NPS supports WALD, ADJUSTED_WALD and BOOTSTRAP intervals, not WILSON",
        assertThrows(IllegalArgumentException.class, () -> r.interval(0.9, IntervalMethod.WILSON))
            .getMessage());
    assertEquals(
        "score 11 is outside the nps scale 0..10",
        assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.accumulator().add(11))
            .getMessage());
  }

  @Test
  void bootstrapIsSeededAndPartitionInvariant() {
    java.util.Random rnd = new java.util.Random(7);
    int[] s = new int[500];
    for (int i = 0; i < s.length; i++) {
      s[i] = rnd.nextInt(11);
    }
    NetPromoterScore.Definition boot =
        NetPromoterScore.Definition.DEFAULT.withMethod(IntervalMethod.BOOTSTRAP).withSeed(123);
    ScoreAccumulator<NetPromoterScore> a = NetPromoterScore.accumulator(boot);
    ScoreAccumulator<NetPromoterScore> b = NetPromoterScore.accumulator(boot);
    ScoreAccumulator<NetPromoterScore> c = NetPromoterScore.accumulator(boot);
    for (int i = 0; i < s.length; i++) {
      (i < 123 ? a : b).add(s[s.length - 1 - i]); // another order, two parts
      c.add(s[i]);
    }
    a.merge(b);
    Interval merged = a.result().interval();
    Interval whole = c.result().interval();
    assertEquals(whole, merged);
    // Same as the Wald interval to within a few points at n = 500 (both estimate ±1.96 se).
    Interval wald = c.result().interval(0.95, IntervalMethod.WALD);
    assertEquals(wald.lower(), whole.lower(), 2.5);
    assertEquals(wald.upper(), whole.upper(), 2.5);
    assertTrue(whole.contains(c.result().score()));
    // Another seed gives another (close) interval.
    Interval other = c.result().with(boot.withSeed(124)).interval();
    assertFalse(other.equals(whole));
  }

  @Test
  void weightedBootstrapIsOneShotOnly() {
    int[] s = {10, 9, 0, 7, 3, 10, 10, 8};
    double[] w = {1, 2, 1, 3, 1, 0.5, 2, 1};
    NetPromoterScore.Definition boot =
        NetPromoterScore.Definition.DEFAULT.withMethod(IntervalMethod.BOOTSTRAP);
    NetPromoterScore r = NetPromoterScore.of(boot, s, w);
    Interval i = r.interval();
    assertTrue(i.lower() >= -100 && i.upper() <= 100);
    assertEquals(i, NetPromoterScore.of(boot, s, w).interval()); // same seed, same interval
    ScoreAccumulator<NetPromoterScore> acc = NetPromoterScore.accumulator(boot);
    for (int k = 0; k < s.length; k++) {
      acc.addWeighted(s[k], w[k]);
    }
    assertThrows(IllegalStateException.class, () -> acc.result().interval());
  }

  @Test
  void jsonRoundTripAndFields() throws Exception {
    NetPromoterScore r = NetPromoterScore.of(NPS_TEN);
    String json = CxJson.mapper().writeValueAsString(r);
    JsonNode node = CxJson.mapper().readTree(json);
    assertEquals(10, node.get("n").asLong());
    assertEquals(5, node.get("promoters").asLong());
    assertEquals(20.0, node.get("score").asDouble(), TOLERANCE);
    assertEquals(r.interval().lower(), node.get("interval").get("lower").asDouble(), 0);
    assertEquals("ADJUSTED_WALD", node.get("options").get("method").asText());
    NetPromoterScore back = CxJson.mapper().readValue(json, NetPromoterScore.class);
    assertEquals(r, back);
    assertEquals(json, CxJson.mapper().writeValueAsString(back));
    // Empty: counts only, no score.
    String empty = CxJson.mapper().writeValueAsString(NetPromoterScore.accumulator().result());
    assertFalse(empty.contains("score"), empty);
    assertTrue(empty.startsWith("{\"n\":0,"), empty);
  }

  @Test
  void toStringReadsWell() {
    assertEquals(
        "NPS 20 (n 10: 5 promoters, 2 passives, 3 detractors; unstable below n = 30), se 27.5681,"
            + " [-30.326, 61.0952] (95% adjusted wald, centre 15.3846)",
        NetPromoterScore.of(NPS_TEN).toString());
  }
}
