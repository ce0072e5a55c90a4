package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD on CDNOW against the published estimates, as reported alongside BG/NBD by Fader,
 * Hardie and Lee (2005, Marketing Science 24(2)) and reproduced by the BTYD and lifetimes
 * documentation: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0. CLVTools' test
 * suite (tests/testthat/test_correctness_pnbd.R) holds the same data's fit to more digits (r =
 * 0.55315, alpha = 10.57633, s = 0.60625, beta = 11.67150, LL = -9594.976) and its standard errors
 * (r 0.0476264, alpha 0.8427222, s 0.1872594, beta 6.2105448).
 */
class ParetoNbdCdnowTest {

  private static PurchaseModelFit<ParetoNbdModel> fit;

  @BeforeAll
  static void fitOnce() {
    fit = ParetoNbdModel.fit(CdnowData.load().data());
  }

  @Test
  void parametersMatchPublished() {
    ParetoNbdModel m = fit.model();
    BgNbdCdnowTest.assertThreeDigits(0.553, m.r(), "r");
    BgNbdCdnowTest.assertThreeDigits(10.6, m.alpha(), "alpha"); // 10.578
    BgNbdCdnowTest.assertThreeDigits(0.606, m.s(), "s");
    BgNbdCdnowTest.assertThreeDigits(11.7, m.beta(), "beta"); // 11.669
    assertEquals(-9595.0, fit.estimates().logLikelihood(), 0.05);
  }

  @Test
  void standardErrorsMatchClvTools() {
    ParameterEstimates e = fit.estimates();
    // Both are inverse observed information; 2% allows for different Hessian approximations.
    assertEquals(0.0476264, e.standardError("r"), 0.02 * 0.0476264);
    assertEquals(0.8427222, e.standardError("alpha"), 0.02 * 0.8427222);
    assertEquals(0.1872594, e.standardError("s"), 0.02 * 0.1872594);
    assertEquals(6.2105448, e.standardError("beta"), 0.02 * 6.2105448);
  }

  @Test
  void predictionsAreConsistent() {
    ParetoNbdModel m = fit.model();
    // Nothing observed (x = 0, t_x = 0, T = 0): the conditional expectation is E[X(t)].
    assertEquals(m.expectedPurchases(39), m.conditionalExpectedPurchases(39, 0, 0, 0), 1e-12);
    double alive = m.probabilityAlive(2, 30.43, 38.86);
    assertTrue(alive > 0 && alive < 1);
    // Heavy buyer long silent: almost surely gone, and no NaN (CLVTools' regression case).
    double gone =
        ParetoNbdModel.of(0.5143, 2.8845, 0.2856, 14.1087).probabilityAlive(161, 94.71429, 98.0);
    assertTrue(Double.isFinite(gone) && gone >= 0 && gone <= 1, "P(alive) = " + gone);
  }
}
