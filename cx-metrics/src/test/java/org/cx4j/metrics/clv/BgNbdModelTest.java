package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.numbers.gamma.Gamma;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** BG/NBD formulas against independent oracles (direct formulas, integrals, sums). */
class BgNbdModelTest {

  /** The parameters of the BTYD package's bgnbd.LL example. */
  private static final BgNbdModel MODEL = BgNbdModel.of(0.5, 6, 1.2, 3.3);

  @Test
  void logLikelihoodEqualsDirectFormula() {
    // FHL 2005 eq. 6 computed directly with Gamma (no logs): x = 3, t_x = 4, T = 6.
    double r = 0.5, alpha = 6, a = 1.2, b = 3.3;
    int x = 3;
    double tx = 4, t = 6;
    double beta = Gamma.value(a) * Gamma.value(b) / Gamma.value(a + b);
    double nbd = Gamma.value(r + x) * Math.pow(alpha, r) / Gamma.value(r);
    double l =
        Gamma.value(a)
                * Gamma.value(b + x)
                / Gamma.value(a + b + x)
                / beta
                * nbd
                / Math.pow(alpha + t, r + x)
            + Gamma.value(a + 1)
                * Gamma.value(b + x - 1)
                / Gamma.value(a + b + x)
                / beta
                * nbd
                / Math.pow(alpha + tx, r + x);
    assertEquals(Math.log(l), MODEL.logLikelihood(x, tx, t), 1e-12);
    // x = 0: only the first term, B(a, b)/B(a, b) alpha^r / (alpha+T)^r.
    assertEquals(r * Math.log(alpha / (alpha + t)), MODEL.logLikelihood(0, 0, t), 1e-14);
  }

  @Property(tries = 50, seed = "42")
  void gradientMatchesFiniteDifferences(
      @ForAll @DoubleRange(min = -1.5, max = 1.5) double lr,
      @ForAll @DoubleRange(min = -1, max = 3) double lalpha,
      @ForAll @DoubleRange(min = -1.5, max = 1.5) double la,
      @ForAll @DoubleRange(min = -1, max = 2) double lb) {
    RepeatPurchaseData d =
        RepeatPurchaseData.of(
            new int[] {0, 1, 2, 7, 40, 1},
            new double[] {0, 3, 10, 20, 38, 0.5},
            new double[] {5, 30, 38, 39, 39, 0.5});
    double[] phi = {lr, lalpha, la, lb};
    double[] g = new double[4];
    BgNbdModel.logLikelihood(d, Math.exp(lr), Math.exp(lalpha), Math.exp(la), Math.exp(lb), g);
    double h = 1e-6;
    for (int i = 0; i < 4; i++) {
      double[] up = phi.clone();
      double[] dn = phi.clone();
      up[i] += h;
      dn[i] -= h;
      double fd = (ll(d, up) - ll(d, dn)) / (2 * h);
      assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), "component " + i);
    }
  }

  private static double ll(RepeatPurchaseData d, double[] p) {
    return BgNbdModel.logLikelihood(
        d, Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), null);
  }

  @Test
  void expectedPurchasesEqualsIntegralOverDropoutProbability() {
    // FHL 2005 eq. 8: E[X(t) | lambda, p] = (1 - e^(-lambda p t)) / p; integrating lambda gives
    // (1 - (alpha/(alpha + p t))^r) / p, then integrate p ~ Beta(a, b) numerically with
    // p = u^(1/a), so that p^(a-1) dp = du/a (removes the endpoint singularity).
    double r = 0.243, alpha = 4.414, a = 0.793, b = 2.426;
    BgNbdModel m = BgNbdModel.of(r, alpha, a, b);
    double logBeta = org.apache.commons.numbers.gamma.LogBeta.value(a, b);
    IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-15);
    for (double t : new double[] {1, 39, 78, 520}) {
      double integral =
          quad.integrate(
              1_000_000,
              u -> {
                double p = Math.pow(u, 1 / a);
                double f =
                    p == 0 ? r * t / alpha : -Math.expm1(r * Math.log(alpha / (alpha + p * t))) / p;
                return f * Math.pow(1 - p, b - 1) / a * Math.exp(-logBeta);
              },
              0,
              1);
      assertEquals(integral, m.expectedPurchases(t), 1e-9 * integral, "t=" + t);
    }
  }

  @Property(tries = 60, seed = "42")
  void conditionalPmfSumsToOneAndHasTheConditionalMean(
      @ForAll @IntRange(min = 0, max = 60) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 1, max = 80) double age,
      @ForAll @DoubleRange(min = 0.5, max = 52) double t) {
    double tx = x == 0 ? 0 : recencyShare * age;
    BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    double total = 0;
    double mean = 0;
    for (int k = 0; k < 5000; k++) {
      double p = m.probabilityOfPurchases(k, t, x, tx, age);
      total += p;
      mean += k * p;
      if (p < 1e-18 && k > 10 * (x + 1)) {
        break;
      }
    }
    assertEquals(1, total, 1e-9);
    // The mean of the pmf (incomplete beta path) against eq. 10 (2F1 path): independent routes.
    double expected = m.conditionalExpectedPurchases(t, x, tx, age);
    assertEquals(expected, mean, 1e-8 * Math.max(1, expected));
  }

  @Test
  void newCustomerAtTimeZeroHasTheUnconditionalExpectation() {
    // With x = 0, t_x = 0, T = 0 nothing has been observed: E[Y(t) | 0, 0, 0] = E[X(t)].
    assertEquals(
        MODEL.expectedPurchases(10), MODEL.conditionalExpectedPurchases(10, 0, 0, 0), 1e-12);
  }

  @Test
  void probabilityAliveByHand() {
    // x = 3, t_x = 4, T = 6: 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
    double expected = 1 / (1 + 1.2 / (3.3 + 2) * Math.pow(12.0 / 10, 3.5));
    assertEquals(expected, MODEL.probabilityAlive(3, 4, 6), 1e-15);
    assertEquals(1, MODEL.probabilityAlive(0, 0, 6));
  }

  @Test
  void heavyBuyersStayFinite() {
    // Plain formulas overflow or underflow here: (alpha+T)^(r+x) = 1006^500.5 ~ 1e1501.
    BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    double ll = m.logLikelihood(500, 999, 1000);
    assertTrue(Double.isFinite(ll));
    double e = m.conditionalExpectedPurchases(52, 500, 999, 1000);
    // About 0.5 purchases a week for an active customer who is almost surely alive.
    assertTrue(e > 20 && e < 30, "E[Y] = " + e);
    assertTrue(m.probabilityAlive(500, 999, 1000) > 0.99);
    assertTrue(m.probabilityAlive(500, 10, 1000) < 1e-100);
  }

  @Test
  void predictionIntervalCoversAtLeastTheLevel() {
    IntervalEstimate pi = MODEL.predictionInterval(0.9, 39, 3, 4, 6);
    double inside = 0;
    for (int k = (int) pi.lower(); k <= pi.upper(); k++) {
      inside += MODEL.probabilityOfPurchases(k, 39, 3, 4, 6);
    }
    assertTrue(inside >= 0.9 - 1e-12, "coverage " + inside);
    assertTrue(pi.contains(pi.estimate()));
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> BgNbdModel.of(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BgNbdModel.of(1, Double.NaN, 1, 1));
    // T smaller than recency
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RepeatPurchaseData.of(new int[] {2}, new double[] {10}, new double[] {9}));
    assertTrue(e.getMessage().contains("at least its recency"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MODEL.probabilityAlive(1, 5, 4));
    // all customers with x = 0
    RepeatPurchaseData zeros =
        RepeatPurchaseData.of(new int[] {0, 0}, new double[] {0, 0}, new double[] {3, 4});
    e = assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(zeros));
    assertTrue(e.getMessage().contains("frequency x = 0"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> BgNbdModel.fit(RepeatPurchaseData.of(new int[0], new double[0], new double[0])));
  }

  @Test
  void recoversSimulationParametersWithinThreeStandardErrors() {
    // The benchmark's generating process at 1/10th of its size (100,000 customers).
    BgNbdModel truth = BgNbdModel.of(0.5, 5, 0.7, 2.5);
    int n = 100_000;
    double[] ages = new double[n];
    java.util.SplittableRandom u = new java.util.SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      ages[i] = 52 * (1 - u.nextDouble()); // uniform on (0, 52]
    }
    RepeatPurchaseData d = truth.simulate(ages, 42);
    PurchaseModelFit<BgNbdModel> fit = BgNbdModel.fit(d);
    ParameterEstimates est = fit.estimates();
    double[] want = truth.parameters();
    for (int i = 0; i < 4; i++) {
      String name = est.names().get(i);
      double z = (est.estimate(name) - want[i]) / est.standardError(name);
      assertTrue(Math.abs(z) < 3, name + ": " + est + " z=" + z);
    }
  }
}
