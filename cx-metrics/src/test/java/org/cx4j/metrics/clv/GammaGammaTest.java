package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma on CDNOW against Fader and Hardie (2013), "The Gamma-Gamma model of monetary value"
 * (http://www.brucehardie.com/notes/025/gamma_gamma.pdf), on the 946 customers with x > 0 and
 * Hardie's zbar: p = 6.25, q = 3.74, gamma = 15.44; the same figures, with LL = -4055.9177, are
 * CLVTools' reference (tests/testthat/test_correctness_gg.R), and lifetimes' documentation reports
 * p = 6.25, q = 3.74, v = 15.44.
 */
class GammaGammaTest {

  @Test
  void cdnowMatchesPublishedEstimates() {
    CdnowData d = CdnowData.load();
    GammaGammaFit fit = GammaGammaModel.fit(d.x, d.zbar);
    GammaGammaModel m = fit.model();
    BgNbdCdnowTest.assertThreeDigits(6.25, m.p(), "p");
    BgNbdCdnowTest.assertThreeDigits(3.74, m.q(), "q");
    BgNbdCdnowTest.assertThreeDigits(15.4, m.gamma(), "gamma"); // 15.44
    assertEquals(-4055.9177, fit.estimates().logLikelihood(), 0.05);
    assertEquals(946, fit.estimates().customers());
    // The correlation check against a brute-force Pearson over the 946 repeat customers.
    double sx = 0, sz = 0, sxx = 0, szz = 0, sxz = 0;
    int n = 0;
    for (int i = 0; i < d.x.length; i++) {
      if (d.x[i] > 0) {
        double a = d.x[i], b = d.zbar[i];
        sx += a;
        sz += b;
        sxx += a * a;
        szz += b * b;
        sxz += a * b;
        n++;
      }
    }
    double r = (n * sxz - sx * sz) / Math.sqrt((n * sxx - sx * sx) * (n * szz - sz * sz));
    assertEquals(r, fit.frequencySpendCorrelation(), 1e-9);
    assertTrue(Math.abs(r) < 0.2, "weak correlation supports the model: " + r);
  }

  @Test
  void logLikelihoodEqualsDirectDensity() {
    // f(zbar) = Gamma(px+q)/(Gamma(px)Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x
    // zbar)^(px+q)
    double p = 6.25, q = 3.74, g = 15.44;
    int x = 2;
    double z = 22.35;
    double f =
        Gamma.value(p * x + q)
            / (Gamma.value(p * x) * Gamma.value(q))
            * Math.pow(g, q)
            * Math.pow(z, p * x - 1)
            * Math.pow(x, p * x)
            / Math.pow(g + x * z, p * x + q);
    assertEquals(
        Math.log(f),
        GammaGammaModel.of(p, q, g).logLikelihood(new int[] {x}, new double[] {z}),
        1e-12);
  }

  @Test
  void conditionalSpendIsTheCredibilityWeightedMean() {
    GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
    double population = 6.25 * 15.44 / 2.74;
    assertEquals(population, m.expectedSpend(), 1e-12);
    assertEquals(population, m.conditionalExpectedSpend(0, 0), 1e-12);
    int x = 4;
    double zbar = 50;
    double w = 6.25 * x / (6.25 * x + 3.74 - 1);
    assertEquals(w * zbar + (1 - w) * population, m.conditionalExpectedSpend(x, zbar), 1e-12);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double[] xs = {1, 2, 5, 9};
    double[] zs = {10, 22.3, 41, 7.5};
    double[] phi = {Math.log(3), Math.log(2.5), Math.log(20)};
    double[] g = new double[3];
    GammaGammaModel.logLikelihood(xs, zs, 3, 2.5, 20, g);
    for (int i = 0; i < 3; i++) {
      double[] up = phi.clone();
      double[] dn = phi.clone();
      up[i] += 1e-6;
      dn[i] -= 1e-6;
      double fd =
          (GammaGammaModel.logLikelihood(
                      xs, zs, Math.exp(up[0]), Math.exp(up[1]), Math.exp(up[2]), null)
                  - GammaGammaModel.logLikelihood(
                      xs, zs, Math.exp(dn[0]), Math.exp(dn[1]), Math.exp(dn[2]), null))
              / 2e-6;
      assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)));
    }
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GammaGammaModel.fit(new int[] {1, 2}, new double[] {Double.NaN, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> GammaGammaModel.fit(new int[] {1, 2}, new double[] {-1, 3}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GammaGammaModel.fit(new int[] {0, 0, 0}, new double[] {0, 0, 0}));
    assertTrue(
        e.getMessage().contains("at least 2 customers with a repeat purchase"), e.getMessage());
  }
}
