package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD on CDNOW against the published estimates: Fader, Hardie and Lee (2005), "'Counting your
 * customers' the easy way", Marketing Science 24(2), 275-284, section 5 (and Hardie's note
 * "Implementing the BG/NBD model in Excel"): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
 * LL = -9582.4. The same figures are the reference of CLVTools' test suite
 * (tests/testthat/test_correctness_bgnbd.R: r = 0.2425945, alpha = 4.4136019, a = 0.7929199,
 * b = 2.4258881, LL = -9582.429).
 */
class BgNbdCdnowTest {

  private static PurchaseModelFit<BgNbdModel> fit;

  @BeforeAll
  static void fitOnce() {
    fit = BgNbdModel.fit(CdnowData.load().data());
  }

  /** Three significant digits: |estimate - published| <= half a unit in the third digit. */
  static void assertThreeDigits(double published, double actual, String name) {
    double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(published))) - 2);
    assertEquals(published, actual, unit / 2 + 1e-12, name);
  }

  @Test
  void parametersMatchFaderHardieLee2005() {
    BgNbdModel m = fit.model();
    assertThreeDigits(0.243, m.r(), "r");
    assertThreeDigits(4.41, m.alpha(), "alpha"); // 4.414 to three significant digits
    assertThreeDigits(0.793, m.a(), "a");
    assertThreeDigits(2.43, m.b(), "b"); // 2.426
    // The four-decimal CLVTools figures pin the maximum more tightly.
    assertEquals(0.2425945, m.r(), 5e-5);
    assertEquals(4.4136019, m.alpha(), 5e-4);
    assertEquals(0.7929199, m.a(), 5e-4);
    assertEquals(2.4258881, m.b(), 2e-3);
  }

  @Test
  void logLikelihoodMatchesPublished() {
    assertEquals(-9582.4, fit.estimates().logLikelihood(), 0.05);
    assertEquals(-9582.429, fit.estimates().logLikelihood(), 0.005);
  }

  @Test
  void converged() {
    assertTrue(ParameterEstimates.maxAbs(fit.estimates().gradient()) / 2357 <= 1e-6);
    assertTrue(fit.estimates().standardErrorsAvailable());
  }
}
