package org.cx4j.metrics.csat;

import static org.cx4j.metrics.score.ScoreSamples.CSAT_FIVE;
import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.cx4j.metrics.score.ScoreSamples.Z95;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.json.CxJson;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.ShareEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerSatisfactionTest {

  private static final double T_975_4 =
      2.7764451051977987; // Student t, 4 df, 0.975 (tables: 2.776)

  @Test
  void topBoxAndMeanByHand() {
    CustomerSatisfaction c = CustomerSatisfaction.of(CSAT_FIVE);
    // top-2 on 1..5: scores 4 and 5 -> 4 of 5
    assertEquals(4, c.topBox().hits());
    assertEquals(0.8, c.topBox().share(), TOLERANCE);
    // se sqrt(0.8 * 0.2 / 5) = sqrt(0.032)
    assertEquals(Math.sqrt(0.032), c.topBox().standardError(), TOLERANCE);
    // Wilson, n = 5, z² = 3.841458820694124:
    // centre = (0.8 + z²/10) / (1 + z²/5), half = z / (1 + z²/5) sqrt(0.16/5 + z²/100)
    double z2 = Z95 * Z95;
    double centre = (0.8 + z2 / 10) / (1 + z2 / 5);
    double half = Z95 / (1 + z2 / 5) * Math.sqrt(0.16 / 5 + z2 / 100);
    Interval w = c.topBox().interval();
    assertEquals(centre - half, w.lower(), TOLERANCE);
    assertEquals(centre + half, w.upper(), TOLERANCE);
    assertEquals(0.3755, w.lower(), 1e-4);
    assertEquals(0.9638, w.upper(), 1e-4);
    // mean 4.2, s² = 2.8 / 4 = 0.7, se = sqrt(0.7 / 5)
    assertEquals(4.2, c.mean().mean(), TOLERANCE);
    assertEquals(Math.sqrt(0.7), c.mean().standardDeviation(), TOLERANCE);
    assertEquals(Math.sqrt(0.14), c.mean().standardError(), TOLERANCE);
    Interval t = c.mean().interval();
    assertEquals(4.2 - T_975_4 * Math.sqrt(0.14), t.lower(), 1e-9);
    assertEquals(3.1611, t.lower(), 1e-4); // 4.2 - 2.7764 * 0.3742 = 3.16115
    assertEquals(5, t.upper(), 0); // 4.2 + 1.0389 = 5.2389, clipped to the scale
  }

  /** Newcombe (1998), Stat. Med. 17:857-872, Table I, method 3 (Wilson score), 4 decimals. */
  @ParameterizedTest
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0, 20, 0.0000, 0.1611",
    "1, 29, 0.0061, 0.1718"
  })
  void wilsonMatchesNewcombeTableOne(long hits, long n, double lower, double upper) {
    ScoreDistribution d = ScoreDistribution.ofCounts(Scale.of(0, 1), n - hits, hits);
    Interval w = ShareEstimate.of(d, 1, 1, 0.95).interval();
    assertEquals(lower, w.lower(), 5e-5);
    assertEquals(upper, w.upper(), 5e-5);
  }

  @Test
  void configurableBoxesAndScale() {
    CustomerSatisfaction.Definition top3of7 =
        new CustomerSatisfaction.Definition(Scale.of(1, 7), 3, 0.9);
    CustomerSatisfaction c = CustomerSatisfaction.of(top3of7, 7, 6, 5, 4, 1);
    assertEquals(5, c.topBox().from());
    assertEquals(0.6, c.topBox().share(), TOLERANCE);
    assertEquals(0.9, c.topBox().interval().level(), 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CustomerSatisfaction.Definition(Scale.of(1, 5), 5, 0.95));
    assertEquals("topBoxes must be in 1..4 for the scale 1..5, got 5", e.getMessage());
  }

  @Test
  void weightedUsesKishEffectiveN() {
    // scores 5 (w 2), 1 (w 1), 4 (w 1): share = 3 / 4; n_eff = 16 / 6
    CustomerSatisfaction c =
        CustomerSatisfaction.of(
            CustomerSatisfaction.Definition.DEFAULT, new int[] {5, 1, 4}, new double[] {2, 1, 1});
    assertEquals(0.75, c.topBox().share(), TOLERANCE);
    double ne = 16.0 / 6;
    assertEquals(ne, c.topBox().effectiveSampleSize(), TOLERANCE);
    double z2n = Z95 * Z95 / ne;
    double centre = (0.75 + z2n / 2) / (1 + z2n);
    assertEquals(
        centre, (c.topBox().interval().lower() + c.topBox().interval().upper()) / 2, TOLERANCE);
    // linearization: Σ w² (z - p)² = 4 (0.25)² + 1 (0.75)² + 1 (0.25)² = 0.875; / 16
    assertEquals(Math.sqrt(0.875) / 4, c.topBox().standardError(), TOLERANCE);
    // weighted mean (10 + 1 + 4) / 4 = 3.75; v = [2 (1.25)² + (2.75)² + (0.25)²] / 4 = 10.75 / 4
    assertEquals(3.75, c.mean().mean(), TOLERANCE);
    double s2 = 10.75 / 4 * ne / (ne - 1);
    assertEquals(Math.sqrt(s2 / ne), c.mean().standardError(), TOLERANCE);
  }

  @Test
  void emptyAndSingle() {
    CustomerSatisfaction c = CustomerSatisfaction.accumulator().result();
    assertEquals(0, c.n());
    assertTrue(c.isEmpty());
    assertThrows(IllegalStateException.class, () -> c.topBox().share());
    assertThrows(IllegalStateException.class, () -> c.mean().mean());
    assertEquals("CSAT top-2 on 1..5: no share (0 of 0 in 4..5); no mean (n 0)", c.toString());
    // One answer: the t interval has no degrees of freedom and spans the scale.
    Interval one = CustomerSatisfaction.of(3).mean().interval();
    assertEquals(1, one.lower(), 0);
    assertEquals(5, one.upper(), 0);
  }

  @Test
  void accumulatorAndOneShotAgreeAndJsonRoundTrips() throws Exception {
    ScoreAccumulator<CustomerSatisfaction> acc = CustomerSatisfaction.accumulator();
    for (int s : CSAT_FIVE) {
      acc.add(s);
    }
    CustomerSatisfaction c = acc.result();
    assertEquals(CustomerSatisfaction.of(CSAT_FIVE), c);
    String json = CxJson.mapper().writeValueAsString(c);
    JsonNode node = CxJson.mapper().readTree(json);
    assertEquals(0.8, node.get("topBox").get("share").asDouble(), TOLERANCE);
    assertEquals(4.2, node.get("mean").get("mean").asDouble(), TOLERANCE);
    assertEquals("WILSON", node.get("topBox").get("interval").get("method").asText());
    CustomerSatisfaction back = CxJson.mapper().readValue(json, CustomerSatisfaction.class);
    assertEquals(c, back);
    assertEquals(json, CxJson.mapper().writeValueAsString(back));
  }

  @Test
  void waldShareIntervalOnRequest() {
    ShareEstimate top = CustomerSatisfaction.of(CSAT_FIVE).topBox();
    Interval w = top.interval(0.95, IntervalMethod.WALD);
    assertEquals(0.8 - Z95 * Math.sqrt(0.032), w.lower(), TOLERANCE);
    assertEquals(1, w.upper(), 0); // 0.8 + 0.3506, clipped
    assertThrows(IllegalArgumentException.class, () -> top.interval(0.95, IntervalMethod.T));
  }

  @Test
  void toStringReadsWell() {
    assertEquals(
        "CSAT top-2 on 1..5: 80% (4 of 5 in 4..5), se 17.8885%, [37.5535%, 96.3776%] (95% wilson);"
            + " mean 4.2 (n 5), sd 0.8367, se 0.3742, [3.1611, 5] (95% t)",
        CustomerSatisfaction.of(CSAT_FIVE).toString());
  }
}
