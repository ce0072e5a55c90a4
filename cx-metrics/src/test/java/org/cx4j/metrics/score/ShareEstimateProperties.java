package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.feedback.Scale;

class ShareEstimateProperties {

  @Property(tries = 1000, seed = "42")
  void wilsonAndWaldContainTheRawShareAndStayInRange(
      @ForAll @IntRange(min = 0, max = 5000) int hits,
      @ForAll @IntRange(min = 0, max = 5000) int misses,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double level) {
    if (hits + misses == 0) {
      return;
    }
    ShareEstimate s =
        ShareEstimate.of(ScoreDistribution.ofCounts(Scale.of(0, 1), misses, hits), 1, 1, level);
    assertEquals((double) hits / (hits + misses), s.share(), 1e-12);
    for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.WILSON, IntervalMethod.WALD}) {
      Interval i = s.interval(level, m);
      assertTrue(i.contains(s.share()), i + " " + s.share());
      assertTrue(i.lower() >= 0 && i.upper() <= 1, i.toString());
    }
  }

  @Property(tries = 500, seed = "42")
  void meanTIntervalContainsTheMeanAndStaysOnTheScale(
      @ForAll @IntRange(min = 0, max = 50) int a,
      @ForAll @IntRange(min = 0, max = 50) int b,
      @ForAll @IntRange(min = 0, max = 50) int c) {
    if (a + b + c == 0) {
      return;
    }
    MeanEstimate m = MeanEstimate.of(ScoreDistribution.ofCounts(Scale.of(1, 3), a, b, c), 0.95);
    // brute-force mean
    assertEquals((a + 2.0 * b + 3.0 * c) / (a + b + c), m.mean(), 1e-12);
    Interval i = m.interval();
    assertTrue(i.contains(m.mean()) && i.lower() >= 1 && i.upper() <= 3, i.toString());
  }
}
