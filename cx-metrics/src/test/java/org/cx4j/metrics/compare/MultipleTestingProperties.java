package org.cx4j.metrics.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.metrics.compare.MultipleTesting.Method;
import org.cx4j.metrics.compare.MultipleTesting.Result;

/** The one-pass adjustments against naive O(n²) definitions. */
class MultipleTestingProperties {

  @Provide
  Arbitrary<double[]> pValues() {
    // A mix of continuous p-values and a coarse grid, so that ties are common.
    Arbitrary<Double> continuous = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> grid = Arbitraries.integers().between(0, 20).map(i -> i / 20.0);
    return Arbitraries.oneOf(continuous, grid).array(double[].class).ofMinSize(0).ofMaxSize(60);
  }

  // q_i = min over j with p_j >= p_i of min(1, n p_j / rank_j), rank_j = #{k : p_k <= p_j}.
  static double[] naiveBh(double[] p) {
    int n = p.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      double best = 1;
      for (int j = 0; j < n; j++) {
        if (p[j] >= p[i]) {
          int rank = 0;
          for (double pk : p) {
            rank += pk <= p[j] ? 1 : 0;
          }
          best = Math.min(best, Math.min(1, n * p[j] / rank));
        }
      }
      q[i] = best;
    }
    return q;
  }

  // a_i = max over j with p_j <= p_i of min(1, (n - rank_j + 1) p_j), rank_j = 1 + #{k : p_k <
  // p_j}.
  static double[] naiveHolm(double[] p) {
    int n = p.length;
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      double best = 0;
      for (int j = 0; j < n; j++) {
        if (p[j] <= p[i]) {
          int rank = 1;
          for (double pk : p) {
            rank += pk < p[j] ? 1 : 0;
          }
          best = Math.max(best, Math.min(1, (n - rank + 1) * p[j]));
        }
      }
      a[i] = best;
    }
    return a;
  }

  @Property(tries = 2000, seed = "42")
  void benjaminiHochbergEqualsNaiveDefinition(@ForAll("pValues") double[] p) {
    double[] q = MultipleTesting.benjaminiHochberg(p);
    double[] expected = naiveBh(p);
    for (int i = 0; i < p.length; i++) {
      assertEquals(expected[i], q[i], 1e-12, "index " + i);
      assertTrue(q[i] >= p[i] - 1e-15 && q[i] <= 1);
    }
  }

  @Property(tries = 2000, seed = "42")
  void holmEqualsNaiveDefinition(@ForAll("pValues") double[] p) {
    double[] a = MultipleTesting.holm(p);
    double[] expected = naiveHolm(p);
    double[] q = MultipleTesting.benjaminiHochberg(p);
    for (int i = 0; i < p.length; i++) {
      assertEquals(expected[i], a[i], 1e-12, "index " + i);
      // n / i <= n - i + 1 for 1 <= i <= n, so BH never adjusts more than Holm.
      assertTrue(q[i] <= a[i] + 1e-12);
    }
  }

  @Property(tries = 1000, seed = "42")
  void benjaminiHochbergRejectsLikeTheStepUpRule(
      @ForAll("pValues") double[] p, @ForAll("levels") double level) {
    // Step-up: k = max{i : p_(i) <= i level / n}; reject every p <= p_(k). Written as n p_(i) / i
    // <= level: grid p-values land exactly on the boundary, where the two forms round apart.
    double[] sorted = p.clone();
    java.util.Arrays.sort(sorted);
    int n = p.length;
    double threshold = -1;
    for (int i = n; i >= 1; i--) {
      if ((double) n * sorted[i - 1] / i <= level) {
        threshold = sorted[i - 1];
        break;
      }
    }
    Result r = MultipleTesting.test(Method.BENJAMINI_HOCHBERG, level, p);
    for (int i = 0; i < n; i++) {
      assertEquals(p[i] <= threshold, r.get(i).rejected(), "index " + i);
    }
  }

  @Provide
  Arbitrary<Double> levels() {
    return Arbitraries.of(0.01, 0.05, 0.1, 0.25);
  }
}
