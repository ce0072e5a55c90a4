package org.cx4j.metrics.score;

import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.json.CxJson;
import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

  private static final Scale NPS = Scale.of(0, 10);

  @Test
  void histogramOfIntsAndBytesMatchesCounting() {
    // NPS_TEN: 0:1 5:1 6:1 7:1 8:1 9:2 10:3
    long[] expected = {1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3};
    assertArrayEquals(expected, ScoreDistribution.of(NPS, ScoreSamples.NPS_TEN).counts());
    byte[] bytes = new byte[ScoreSamples.NPS_TEN.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ScoreSamples.NPS_TEN[i];
    }
    assertArrayEquals(expected, ScoreDistribution.of(NPS, bytes).counts());
  }

  @Test
  void scoreOutsideScaleIsNamedWithItsIndex() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScoreDistribution.of(NPS, 3, 4, 11, 5, 6));
    assertEquals("score 11 at index 2 is outside the scale 0..10", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ScoreDistribution.of(NPS, new byte[] {3, -1}));
    assertEquals("score -1 at index 1 is outside the scale 0..10", e.getMessage());
    byte[] many = new byte[100];
    many[77] = 11;
    e = assertThrows(IllegalArgumentException.class, () -> ScoreDistribution.of(NPS, many));
    assertEquals("score 11 at index 77 is outside the scale 0..10", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScoreDistribution.accumulator(Scale.of(1, 5)).add(0));
    assertEquals("score 0 is outside the scale 1..5", e.getMessage());
  }

  @Test
  void badWeightsAndCountsAreNamed() {
    ScoreAccumulator<ScoreDistribution> acc = ScoreDistribution.accumulator(NPS);
    for (double w : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1.0}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> acc.addWeighted(5, w));
      assertTrue(
          e.getMessage().contains("weight") && e.getMessage().contains(Double.toString(w)),
          e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> acc.addCount(5, -2L));
    assertEquals("count must be non-negative, got -2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScoreDistribution.of(NPS, new int[] {1, 2}, new double[] {1, Double.NaN}));
    assertEquals("weight must be finite and non-negative, got NaN at index 1", e.getMessage());
    assertEquals(0, acc.n());
  }

  @Test
  void kishEffectiveSampleSize() {
    // weights 1, 2, 3: (Σw)² / Σw² = 36 / 14
    ScoreDistribution d = ScoreDistribution.of(NPS, new int[] {1, 2, 3}, new double[] {1, 2, 3});
    assertEquals(36.0 / 14, d.effectiveSampleSize(), TOLERANCE);
    assertEquals(3, d.n());
    assertEquals(6, d.totalWeight(), TOLERANCE);
    // weighted mean (1 + 4 + 9) / 6
    assertEquals(14.0 / 6, d.mean(), TOLERANCE);
  }

  @Test
  void frequencyCountsAddToN() {
    ScoreAccumulator<ScoreDistribution> acc = ScoreDistribution.accumulator(NPS);
    acc.addCount(10, 4L);
    acc.add(0);
    ScoreDistribution d = acc.result();
    assertEquals(5, d.n());
    assertEquals(5, d.effectiveSampleSize(), 0);
    assertFalse(d.isWeighted());
  }

  @Test
  void emptyDistributionSaysNZero() {
    ScoreDistribution d = ScoreDistribution.of(NPS);
    assertEquals(0, d.n());
    assertTrue(d.isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class, d::mean);
    assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
  }

  @Test
  void responsesUseTheirWeightsAndInstrument() {
    Instant t = Instant.parse("2024-03-01T09:30:00Z");
    CustomerId c = CustomerId.of("c1");
    List<SurveyResponse> rs =
        List.of(
            SurveyResponse.of(c, Instrument.nps(), 10, t),
            new SurveyResponse(c, null, Instrument.nps(), 0, t, 3.0, null));
    ScoreDistribution d = ScoreDistribution.of(Instrument.nps(), rs);
    assertEquals(2, d.n());
    assertEquals(4, d.totalWeight(), 0);
    assertEquals(3, d.weight(0), 0);
    List<SurveyResponse> wrong = List.of(SurveyResponse.of(c, Instrument.csat(), 5, t));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScoreDistribution.of(Instrument.nps(), wrong));
    assertTrue(
        e.getMessage().startsWith("response instrument csat 1..5 is not nps 0..10"),
        e.getMessage());
  }

  @Test
  void jsonRoundTrip() throws Exception {
    ScoreDistribution d = ScoreDistribution.of(NPS, new int[] {1, 2, 10}, new double[] {1, 2.5, 3});
    String json = CxJson.mapper().writeValueAsString(d);
    assertTrue(
        json.startsWith("{\"scale\":{\"min\":0,\"max\":10},\"n\":3,\"counts\":[0,1,1"), json);
    assertEquals(d, CxJson.mapper().readValue(json, ScoreDistribution.class));
    ScoreDistribution u = ScoreDistribution.of(NPS, 1, 2, 10);
    String uj = CxJson.mapper().writeValueAsString(u);
    assertFalse(uj.contains("weights"), uj);
    assertEquals(u, CxJson.mapper().readValue(uj, ScoreDistribution.class));
  }

  @Test
  void toStringReadsWell() {
    assertEquals(
        "ScoreDistribution[0..10, n=10: 0:1 5:1 6:1 7:1 8:1 9:2 10:3]",
        ScoreDistribution.of(NPS, ScoreSamples.NPS_TEN).toString());
  }

  @Test
  void ofWeightsRebuildsAWeightedDistributionFromItsState() {
    // Scores 1, 1, 3 on 1..3 with weights 2, 0.5, 4: per point counts {2, 0, 1}, weight sums
    // {2.5, 0, 4}, squared-weight sums {4.25, 0, 16}; n_eff = 6.5² / 20.25 = 2.0864...
    Scale scale = Scale.of(1, 3);
    ScoreDistribution direct =
        ScoreDistribution.of(scale, new int[] {1, 1, 3}, new double[] {2, 0.5, 4});
    ScoreDistribution rebuilt =
        ScoreDistribution.ofWeights(
            scale, new long[] {2, 0, 1}, new double[] {2.5, 0, 4}, new double[] {4.25, 0, 16});
    assertTrue(rebuilt.isWeighted());
    assertEquals(direct, rebuilt);
    assertEquals(6.5 * 6.5 / 20.25, rebuilt.effectiveSampleSize(), 1e-15);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoreDistribution.ofWeights(
                scale,
                new long[] {2, 0, 1},
                new double[] {2.5, -1, 4},
                new double[] {4.25, 0, 16}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScoreDistribution.ofWeights(
                    scale, new long[] {2, 1}, new double[] {2.5, 4}, new double[] {4.25, 16}));
    assertTrue(e.getMessage().contains("counts has 2 entries"), e.getMessage());
  }
}
