package org.cx4j.metrics.ces;

import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cx4j.core.feedback.Scale;
import org.cx4j.core.json.CxJson;
import org.junit.jupiter.api.Test;

class CustomerEffortScoreTest {

  @Test
  void defaultIsSevenPointsWithFiveToSevenEasy() {
    // 7, 6, 5 easy; 4, 2 not: 3 of 5; mean (7 + 6 + 5 + 4 + 2) / 5 = 4.8
    CustomerEffortScore c = CustomerEffortScore.of(7, 6, 5, 4, 2);
    assertEquals(0.6, c.easyShare().share(), TOLERANCE);
    assertEquals(5, c.easyShare().from());
    assertEquals(4.8, c.mean().mean(), TOLERANCE);
  }

  @Test
  void lowIsEasyCountsTheBottomBoxes() {
    CustomerEffortScore.Definition d =
        new CustomerEffortScore.Definition(
            Scale.of(1, 5), CustomerEffortScore.Direction.LOW_IS_EASY, 2, 0.95);
    // 1 and 2 are easy: 1, 2, 2 of 1, 2, 2, 4, 5 -> 3 of 5
    CustomerEffortScore c = CustomerEffortScore.of(d, 1, 2, 2, 4, 5);
    assertEquals(1, c.easyShare().from());
    assertEquals(2, c.easyShare().to());
    assertEquals(0.6, c.easyShare().share(), TOLERANCE);
    assertEquals(2.8, c.mean().mean(), TOLERANCE);
  }

  @Test
  void scoreOutsideScaleIsNamed() {
    assertEquals(
        "score 8 at index 1 is outside the scale 1..7",
        assertThrows(IllegalArgumentException.class, () -> CustomerEffortScore.of(7, 8))
            .getMessage());
    assertEquals(
        "score 0 is outside the ces scale 1..7",
        assertThrows(IllegalArgumentException.class, () -> CustomerEffortScore.accumulator().add(0))
            .getMessage());
  }

  @Test
  void jsonRoundTrip() throws Exception {
    CustomerEffortScore c = CustomerEffortScore.of(7, 6, 5, 4, 2);
    String json = CxJson.mapper().writeValueAsString(c);
    assertEquals(c, CxJson.mapper().readValue(json, CustomerEffortScore.class));
  }
}
