package org.cx4j.metrics.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The histogram route and the sorted-order route rank alike, with and without resampling. */
class RankCorrelationProperties {

  @Property(tries = 200, seed = "42")
  void histogramRouteEqualsSortedRoute(
      @ForAll @IntRange(min = 1, max = 6) int p,
      @ForAll @IntRange(min = 5, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 11) int points,
      @ForAll boolean resample,
      @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] cols = new double[p + 1][n];
    for (int i = 0; i < n; i++) {
      int common = rng.nextInt(points);
      for (int k = 0; k <= p; k++) {
        // Ratings on a 'points'-point scale, correlated through a common part, some negative.
        cols[k][i] = (rng.nextBoolean() ? common : rng.nextInt(points)) - points / 3;
      }
    }
    int[] counts = null;
    if (resample) {
      counts = new int[n];
      for (int t = 0; t < n; t++) {
        counts[rng.nextInt(n)]++;
      }
    }
    double[] fast = new RankCorrelation(cols, true).spearman(counts);
    double[] general = new RankCorrelation(cols, false).spearman(counts);
    for (int j = 0; j < p; j++) {
      assertEquals(general[j], fast[j], 1e-12, "driver " + j);
    }
  }
}
