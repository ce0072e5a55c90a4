package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD on CDNOW against the published estimates: Fader, Hardie and Lee (2005), "'Counting your
 * customers' the easy way", Marketing Science 24(2), 275-284, section 5 (and Hardie's note
 * "Implementing the BG/NBD model in Excel"): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL =
 * -9582.4. The same figures are the reference of CLVTools' test suite
 * (tests/testthat/test_correctness_bgnbd.R: r = 0.2425945, alpha = 4.4136019, a = 0.7929199, b =
 * 2.4258881, LL = -9582.429).
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
  void changingTheTimeUnitOnlyRescalesAlpha() {
    // Times in days (c = 7) or in a unit 1000 times finer: lambda scales by 1/c, so alpha scales
    // by c, r, a and b are unchanged, and the log-likelihood shifts by -sum(x) ln c (it is a
    // density in the sum(x) repeat-purchase times). Also exercises large t_x and T.
    CdnowData d = CdnowData.load();
    int sumX = 0;
    for (int v : d.x) {
      sumX += v;
    }
    for (double c : new double[] {7, 1000}) {
      double[] tx = d.tx.clone();
      double[] t = d.t.clone();
      for (int i = 0; i < t.length; i++) {
        tx[i] *= c;
        t[i] *= c;
      }
      PurchaseModelFit<BgNbdModel> scaled = BgNbdModel.fit(RepeatPurchaseData.of(d.x, tx, t));
      BgNbdModel m = scaled.model();
      assertEquals(fit.model().r(), m.r(), 1e-6, "r, c=" + c);
      assertEquals(fit.model().alpha() * c, m.alpha(), 1e-5 * c, "alpha, c=" + c);
      assertEquals(fit.model().a(), m.a(), 1e-5, "a, c=" + c);
      assertEquals(fit.model().b(), m.b(), 1e-4, "b, c=" + c);
      assertEquals(
          fit.estimates().logLikelihood() - sumX * Math.log(c),
          scaled.estimates().logLikelihood(),
          1e-6,
          "LL, c=" + c);
    }
  }

  @Test
  void deltaMethodAgreesWithParametricBootstrap() {
    // Two independent routes to the uncertainty of E[X(39)]: the delta method on the observed
    // information, and refits on 40 data sets simulated from the fit (seeded). With 40 replicates
    // the bootstrap width is itself uncertain by roughly 10-25%, hence the wide band.
    RepeatPurchaseData data = CdnowData.load().data();
    IntervalEstimate delta = fit.expectedPurchasesInterval(39, 0.9);
    IntervalEstimate boot =
        BgNbdModel.bootstrapInterval(fit, data, m -> m.expectedPurchases(39), 40, 2005, 0.9);
    assertEquals(delta.estimate(), boot.estimate(), 1e-12);
    double ratio = boot.width() / delta.width();
    assertTrue(ratio > 0.5 && ratio < 2, "delta " + delta + " vs bootstrap " + boot);
  }

  @Test
  void converged() {
    assertTrue(MaximumLikelihood.maxAbs(fit.estimates().gradient()) / 2357 <= 1e-6);
    assertTrue(fit.estimates().standardErrorsAvailable());
  }
}
