package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: BG/NBD expectations at {@code a} within 1e-7 of 1, where the closed forms divide by
 * {@code a - 1}, against numeric integration of the model's definition (FHL 2005 eqs. 7 and 9 and
 * the posterior of eq. 10), which has no singularity at {@code a = 1}.
 */
class BgNbdNearOneTest {

  private static final double R = 0.243;
  private static final double ALPHA = 4.414;
  private static final double B = 2.426;
  private static final double[] AS = {
    1 - 1e-7, 1 - 1e-9, 1 - 1e-12, 1, 1 + 1e-12, 1 + 1e-9, 1 + 1e-7, 1 + 2e-4, 1 - 2e-4, 1.011,
    0.989, 1.5
  };

  /** Tanh-sinh (double-exponential) quadrature on (0, 1), good for endpoint singularities. */
  private static final class TanhSinh {
    double integrate(int ignored, DoubleUnaryOperator f, double lo, double hi) {
      double previous = Double.NaN;
      for (int level = 4; level <= 12; level++) {
        double h = Math.pow(2, -level) * 4;
        double sum = 0;
        for (int k = -(int) (4.5 / h); k <= (int) (4.5 / h); k++) {
          double t = k * h;
          double u = Math.PI / 2 * Math.sinh(t);
          double x = (Math.tanh(u) + 1) / 2; // node in (0, 1)
          double oneMinusX = 1 / (Math.exp(2 * u) + 1); // 1 - x without cancellation
          double w = Math.PI / 2 * Math.cosh(t) / (Math.cosh(u) * Math.cosh(u)) / 2;
          if (x <= 0 || oneMinusX <= 0 || !(w > 0)) {
            continue;
          }
          sum += w * f.applyAsDouble(x);
        }
        sum *= h;
        if (Math.abs(sum - previous) <= 1e-14 * Math.abs(sum)) {
          return sum;
        }
        previous = sum;
      }
      return previous;
    }
  }

  private static final TanhSinh QUAD = new TanhSinh();

  /**
   * E[X(t)] = ∫ (1/p) (1 - (alpha / (alpha + p t))^r) p^(a-1) (1-p)^(b-1) / B(a, b) dp (E over
   * lambda of FHL eq. 7, then over p); with u = p^a, p^(a-1) dp = du / a.
   */
  private static double expectedByIntegral(double a, double t) {
    double logBeta = LogBeta.value(a, B);
    return QUAD.integrate(
        1_000_000,
        u -> {
          double p = Math.pow(u, 1 / a);
          double f =
              p == 0 ? R * t / ALPHA : -Math.expm1(R * Math.log(ALPHA / (ALPHA + p * t))) / p;
          return f * Math.pow(1 - p, B - 1) / a * Math.exp(-logBeta);
        },
        0,
        1);
  }

  /**
   * E[Y(t) | x, t_x, T]: integrating lambda out analytically (Gamma prior times lambda^x e^(-lambda
   * T)) leaves, per unit of the common factor Γ(r+x) alpha^r / Γ(r) (alpha+T)^-(r+x),
   *
   * <pre>
   * num = ∫ (1/p) [1 - ((alpha+T) / (alpha+T+p t))^(r+x)] p^(a-1) (1-p)^(b+x-1) dp
   * den = B(a, b+x) + [x > 0] B(a+1, b+x-1) ((alpha+T) / (alpha+t_x))^(r+x)
   * </pre>
   *
   * (the alive branch (1-p)^x lambda^x e^(-lambda T) in the numerator, both branches of the
   * likelihood in the denominator; B(a, b) cancels).
   */
  private static double conditionalByIntegral(double a, double t, int x, double tx, double age) {
    double rx = R + x;
    double s = ALPHA + age;
    double num =
        QUAD.integrate(
            1_000_000,
            u -> {
              double p = Math.pow(u, 1 / a);
              double f = p == 0 ? rx * t / s : -Math.expm1(rx * Math.log(s / (s + p * t))) / p;
              return f * Math.pow(1 - p, B + x - 1) / a;
            },
            0,
            1);
    double den = Math.exp(LogBeta.value(a, B + x));
    if (x > 0) {
      den += Math.exp(LogBeta.value(a + 1, B + x - 1) + rx * Math.log(s / (ALPHA + tx)));
    }
    return num / den;
  }

  @Test
  void expectedPurchasesNearAEqualsOneMatchesTheIntegral() {
    for (double a : AS) {
      BgNbdModel m = BgNbdModel.of(R, ALPHA, a, B);
      for (double t : new double[] {1, 39, 78, 520}) {
        double expected = expectedByIntegral(a, t);
        assertEquals(expected, m.expectedPurchases(t), 1e-10 * expected, "a=" + a + " t=" + t);
      }
    }
  }

  @Test
  void conditionalExpectationNearAEqualsOneMatchesTheIntegral() {
    int[] xs = {0, 2, 7};
    double[] txs = {0, 30.43, 35};
    for (double a : AS) {
      BgNbdModel m = BgNbdModel.of(R, ALPHA, a, B);
      for (int i = 0; i < xs.length; i++) {
        double expected = conditionalByIntegral(a, 39, xs[i], txs[i], 38.86);
        assertEquals(
            expected,
            m.conditionalExpectedPurchases(39, xs[i], txs[i], 38.86),
            1e-10 * expected,
            "a=" + a + " x=" + xs[i]);
      }
    }
  }

  @Test
  void theLimitIsContinuous() {
    // Exactly 1 lies between 1 - 1e-12 and 1 + 1e-12 to ~1e-12 relative (the a-derivative is O(1)).
    double at1 = BgNbdModel.of(R, ALPHA, 1, B).expectedPurchases(39);
    double below = BgNbdModel.of(R, ALPHA, 1 - 1e-12, B).expectedPurchases(39);
    double above = BgNbdModel.of(R, ALPHA, 1 + 1e-12, B).expectedPurchases(39);
    assertEquals(at1, below, 1e-10 * at1);
    assertEquals(at1, above, 1e-10 * at1);
  }
}
