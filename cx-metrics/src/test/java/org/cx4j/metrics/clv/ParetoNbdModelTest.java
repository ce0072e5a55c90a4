package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.numbers.gamma.Gamma;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** Pareto/NBD formulas against independent oracles. */
class ParetoNbdModelTest {

  @Test
  void upperIncompleteGammaForNegativeOrder() {
    // Gamma(-0.5, z) = 2 (e^-z / sqrt z - sqrt(pi) erfc(sqrt z)) (A&S 6.5.22 with Gamma(1/2, z)
    // = sqrt(pi) erfc(sqrt z)); erfc from Commons Numbers.
    for (double z : new double[] {0.05, 0.5, 3}) {
      double expected =
          2
              * (Math.exp(-z) / Math.sqrt(z)
                  - Math.sqrt(Math.PI) * org.apache.commons.numbers.gamma.Erfc.value(Math.sqrt(z)));
      assertEquals(Math.log(expected), ParetoNbdModel.logUpperGamma(-0.5, z), 1e-10);
    }
    // a > 0: Gamma(2, z) = (1 + z) e^-z.
    assertEquals(Math.log(1.5 * Math.exp(-0.5)), ParetoNbdModel.logUpperGamma(2, 0.5), 1e-13);
  }

  @Test
  void discountedExpectedTransactionsEqualsDiscountedIntegralOfExpectations() {
    // DET = int_0^inf e^(-delta t) dE[Y(t)] = delta int_0^inf e^(-delta t) E[Y(t)] dt, integrated
    // numerically over E[Y(t) | x, t_x, T] (a different route: P(alive) and the 2F1-based
    // likelihood instead of the incomplete gamma). Both s < 1 and s > 1.
    for (double s : new double[] {0.606, 1.7}) {
      ParetoNbdModel m = ParetoNbdModel.of(0.553, 10.58, s, 11.67);
      double delta = Math.log(1.15) / 52;
      int x = 2;
      double tx = 30.43;
      double age = 38.86;
      IterativeLegendreGaussIntegrator quad =
          new IterativeLegendreGaussIntegrator(32, 1e-11, 1e-13);
      // t = u / (1 - u) maps (0, 1) onto (0, inf); dt = du / (1 - u)^2.
      double integral =
          quad.integrate(
              10_000_000,
              u -> {
                if (u >= 1) {
                  return 0;
                }
                double t = u / (1 - u);
                return delta
                    * Math.exp(-delta * t)
                    * m.conditionalExpectedPurchases(t, x, tx, age)
                    / ((1 - u) * (1 - u));
              },
              0,
              1);
      assertEquals(
          integral, m.discountedExpectedTransactions(delta, x, tx, age), 1e-6 * integral, "s=" + s);
    }
  }

  @Test
  void likelihoodOfNoRepeatCustomerByHand() {
    // x = 0, t_x = 0: A0 = F(0) - F(T). With alpha = beta the 2F1 argument is 0, F(y) = (alpha +
    // y)^-(r+s), so L = (alpha/(alpha+T))^r (beta/(beta+T))^s
    //   + alpha^r beta^s s/(r+s) (alpha^-(r+s) - (alpha+T)^-(r+s)).
    double r = 0.5, a = 3, s = 0.8, t = 10;
    double expected =
        Math.pow(a / (a + t), r + s)
            + Math.pow(a, r + s)
                * s
                / (r + s)
                * (Math.pow(a, -(r + s)) - Math.pow(a + t, -(r + s)));
    assertEquals(Math.log(expected), ParetoNbdModel.of(r, a, s, a).logLikelihood(0, 0, t), 1e-13);
    // Cross-check the Gamma prefactor with x = 1 against a direct evaluation (alpha = beta again).
    double tx = 4;
    double l1 =
        Gamma.value(r + 1)
            / Gamma.value(r)
            * Math.pow(a, r + s)
            * (1 / Math.pow(a + t, r + 1 + s)
                + s
                    / (r + s + 1)
                    * (Math.pow(a + tx, -(r + s + 1)) - Math.pow(a + t, -(r + s + 1))));
    assertEquals(Math.log(l1), ParetoNbdModel.of(r, a, s, a).logLikelihood(1, tx, t), 1e-13);
  }

  @Test
  void badInput() {
    ParetoNbdModel m = ParetoNbdModel.of(0.5, 10, 0.6, 11);
    assertThrows(
        IllegalArgumentException.class, () -> m.discountedExpectedTransactions(0, 1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> m.probabilityAlive(2, 5, 4));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ParetoNbdModel.fit(
                RepeatPurchaseData.of(new int[] {0}, new double[] {0}, new double[] {5})));
  }
}
