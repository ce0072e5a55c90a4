package org.cx4j.metrics.rating;

import static org.cx4j.metrics.score.ScoreSamples.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.json.CxJson;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.junit.jupiter.api.Test;

class RatingTest {

  private static final Rating.Definition TEN =
      new Rating.Definition(Instrument.rating("ease", Scale.of(1, 10)), 2, 0.95);

  @Test
  void topBottomMeanAndDistribution() {
    // top-2 = 9..10: 10, 9 -> 2 of 6; bottom-2 = 1..2: 1 -> 1 of 6; mean 36 / 6 = 6
    Rating r = Rating.of(TEN, 10, 9, 1, 5, 5, 6);
    assertEquals(2.0 / 6, r.topBox().share(), TOLERANCE);
    assertEquals(1.0 / 6, r.bottomBox().share(), TOLERANCE);
    assertEquals(6, r.mean().mean(), TOLERANCE);
    assertEquals(2, r.distribution().count(5));
  }

  @Test
  void frequenciesAndJson() throws Exception {
    ScoreAccumulator<Rating> acc = Rating.accumulator(TEN);
    acc.addCount(10, 2L);
    acc.addCount(1, 3L);
    Rating r = acc.result();
    assertEquals(5, r.n());
    assertEquals(0.4, r.topBox().share(), TOLERANCE);
    String json = CxJson.mapper().writeValueAsString(r);
    assertEquals(r, CxJson.mapper().readValue(json, Rating.class));
  }
}
