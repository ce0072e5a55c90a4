package org.cx4j.metrics.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the infinitesimal-jackknife variance of the weighted Kaplan-Meier estimate, against its
 * definition: {@code Var S(t) = Σ_i (w_i ∂S(t)/∂w_i)²}, each derivative taken here by a central
 * finite difference of refits with one weight nudged.
 */
class KaplanMeierRobustTest {

  private static double[] bruteForceSe(double[] t, boolean[] e, double[] w, KaplanMeier km) {
    int m = km.size();
    double[] var = new double[m];
    for (int i = 0; i < t.length; i++) {
      double h = 1e-5 * w[i];
      double[] up = w.clone();
      double[] down = w.clone();
      up[i] += h;
      down[i] -= h;
      KaplanMeier a = KaplanMeier.fit(t, e, up);
      KaplanMeier b = KaplanMeier.fit(t, e, down);
      for (int j = 0; j < m; j++) {
        double d = (a.survivalAt(km.time(j)) - b.survivalAt(km.time(j))) / (2 * h);
        var[j] += (w[i] * d) * (w[i] * d);
      }
    }
    double[] se = new double[m];
    for (int j = 0; j < m; j++) {
      se[j] = Math.sqrt(var[j]);
    }
    return se;
  }

  @Property(tries = 60, seed = "42")
  void robustVarianceIsTheSumOfSquaredWeightedInfluences(@ForAll @LongRange(max = 1000) long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(30);
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1 + r.nextInt(8); // ties on purpose
      e[i] = r.nextDouble() < 0.6;
      w[i] = 0.2 + 3 * r.nextDouble();
    }
    KaplanMeier km = KaplanMeier.fit(t, e, w, KaplanMeier.Variance.ROBUST);
    assertEquals(KaplanMeier.Variance.ROBUST, km.variance());
    double[] expected = bruteForceSe(t, e, w, km);
    for (int j = 0; j < km.size(); j++) {
      if (km.survival(j) == 0) {
        continue; // the curve has dropped to 0: no spread, se of log S infinite
      }
      assertEquals(
          expected[j],
          km.survivalStandardError(j),
          1e-6 * Math.max(1e-3, expected[j]),
          "j=" + j + " seed=" + seed);
      assertEquals(
          expected[j] / km.survival(j),
          km.standardError(j),
          1e-6 * Math.max(1e-3, expected[j] / km.survival(j)));
    }
  }

  @Test
  void handExample() {
    // Times 1 (event, w 1), 2 (event, w 2), 3 (censored, w 1). n = 4, 3, 1.
    // S(1) = 1 - 1/4 = 3/4; S(2) = 3/4 (1 - 2/3) = 1/4.
    // G(1) = 1 / (4 * 3) = 1/12; G(2) = 1/12 + 2 / (3 * 1) = 3/4.
    // U_i / S(t_1): case 1 (event at t_1): G(0) - 1/n_1 = -1/4; cases 2, 3 at risk: G(1) = 1/12.
    // Var S(t_1) = (3/4)² [1 (-1/4)² + 4 (1/12)² + 1 (1/12)²] = (9/16)(1/16 + 5/144) =
    // (9/16)(14/144).
    // At t_2: case 1: -1/4; case 2 (event at t_2): G(1) - 1/3 = -1/4; case 3: G(2) = 3/4.
    // Var S(t_2) = (1/16) [1/16 + 4/16 + 9/16] = 14/256.
    KaplanMeier km =
        KaplanMeier.fit(
            new double[] {1, 2, 3},
            new boolean[] {true, true, false},
            new double[] {1, 2, 1},
            KaplanMeier.Variance.ROBUST);
    assertEquals(Math.sqrt(9.0 / 16 * 14 / 144), km.survivalStandardError(0), 1e-14);
    assertEquals(Math.sqrt(14.0 / 256), km.survivalStandardError(1), 1e-14);
    assertTrue(km.confidenceBand().upper(0).orElse(1) <= 1);
  }
}
