package org.cx4j.metrics.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic laws of the R-squared decomposition, on random correlated data. */
class KeyDriverProperties {

  @Property(tries = 200, seed = "42")
  void decompositionsSumToRSquaredAndStayInRange(
      @ForAll @IntRange(min = 1, max = 8) int p,
      @ForAll @IntRange(min = 20, max = 300) int n,
      @ForAll long seed) {
    KeyDriverResult r = analyse(p, n, seed, null);
    assertTrue(r.rSquared() >= -1e-12 && r.rSquared() <= 1 + 1e-12, r::toString);
    double shapley = 0;
    double rw = 0;
    for (DriverImportance d : r.drivers()) {
      // Adding a driver never lowers R2, so every marginal gain and every Shapley value is >= 0.
      assertTrue(d.shapley() >= -1e-12, d::toString);
      assertTrue(d.relativeWeight() >= -1e-12, d::toString);
      assertTrue(Math.abs(d.pearson()) <= 1 && Math.abs(d.spearman()) <= 1, d::toString);
      shapley += d.shapley();
      rw += d.relativeWeight();
    }
    assertEquals(r.rSquared(), shapley, 1e-10);
    assertEquals(r.rSquared(), rw, 1e-10);
  }

  @Property(tries = 100, seed = "42")
  void orderOfRespondentsDoesNotMatter(
      @ForAll @IntRange(min = 1, max = 6) int p,
      @ForAll @IntRange(min = 20, max = 200) int n,
      @ForAll long seed) {
    KeyDriverResult a = analyse(p, n, seed, null);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    KeyDriverResult b = analyse(p, n, seed, perm);
    assertEquals(a.rSquared(), b.rSquared(), 1e-10);
    for (int j = 0; j < p; j++) {
      DriverImportance x = a.drivers().get(j);
      DriverImportance y = b.drivers().get(j);
      assertEquals(x.shapley(), y.shapley(), 1e-10);
      assertEquals(x.relativeWeight(), y.relativeWeight(), 1e-10);
      assertEquals(x.beta(), y.beta(), 1e-9);
      assertEquals(x.spearman(), y.spearman(), 1e-12);
    }
  }

  /** Rescaling or shifting a rating (a 1..5 scale read as 0..100) changes no importance. */
  @Property(tries = 100, seed = "42")
  void affineChangeOfADriverChangesNothing(
      @ForAll @IntRange(min = 2, max = 6) int p, @ForAll long seed) {
    int n = 100;
    double[][] x = KeyDriverAnalysisTest.correlatedDrivers(n, p, seed);
    double[] y = KeyDriverAnalysisTest.outcome(x, weights(p), 1.0, seed + 1);
    KeyDriverResult a = build(x, y, null);
    for (int i = 0; i < n; i++) {
      x[0][i] = 25 * x[0][i] - 7;
    }
    KeyDriverResult b = build(x, y, null);
    for (int j = 0; j < p; j++) {
      assertEquals(a.drivers().get(j).shapley(), b.drivers().get(j).shapley(), 1e-10);
      assertEquals(a.drivers().get(j).spearman(), b.drivers().get(j).spearman(), 1e-12);
    }
  }

  private static KeyDriverResult analyse(int p, int n, long seed, int[] perm) {
    double[][] x = KeyDriverAnalysisTest.correlatedDrivers(n, p, seed);
    double[] y = KeyDriverAnalysisTest.outcome(x, weights(p), 1.0, seed + 1);
    // Round to a 1..7-like scale so that Spearman sees ties, as survey ratings have.
    for (double[] col : x) {
      for (int i = 0; i < n; i++) {
        col[i] = Math.rint(col[i]);
      }
    }
    return build(x, y, perm);
  }

  private static KeyDriverResult build(double[][] x, double[] y, int[] perm) {
    KeyDriverAnalysis.Builder b = KeyDriverAnalysis.builder().outcome("y", permute(y, perm));
    for (int j = 0; j < x.length; j++) {
      b.driver("x" + j, permute(x[j], perm));
    }
    return b.run();
  }

  private static double[] permute(double[] v, int[] perm) {
    if (perm == null) {
      return v;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[perm[i]];
    }
    return out;
  }

  private static double[] weights(int p) {
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      w[j] = 1.0 / (j + 1);
    }
    return w;
  }
}
