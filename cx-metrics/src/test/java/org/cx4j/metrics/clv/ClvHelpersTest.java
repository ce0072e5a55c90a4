package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Gamma;
import org.junit.jupiter.api.Test;

/** Issue 19: lifetimes' and BTYD's helpers, against direct formulas and brute-force sums. */
class ClvHelpersTest {

  private static final BgNbdModel MODEL = BgNbdModel.of(0.5, 6, 1.2, 3.3);
  private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

  /** FHL 2005 eq. 8 with plain Gamma functions and the finite sum written out. */
  private static double eq8(double r, double alpha, double a, double b, int x, double t) {
    double beta = Gamma.value(a) * Gamma.value(b) / Gamma.value(a + b);
    double q = alpha / (alpha + t);
    double z = t / (alpha + t);
    double nb =
        Gamma.value(r + x)
            / (Gamma.value(r) * Gamma.value(x + 1.0))
            * Math.pow(q, r)
            * Math.pow(z, x);
    double p = Gamma.value(a) * Gamma.value(b + x) / Gamma.value(a + b + x) / beta * nb;
    if (x > 0) {
      double sum = 0;
      for (int j = 0; j < x; j++) {
        sum += Gamma.value(r + j) / (Gamma.value(r) * Gamma.value(j + 1.0)) * Math.pow(z, j);
      }
      p +=
          Gamma.value(a + 1)
              * Gamma.value(b + x - 1)
              / Gamma.value(a + b + x)
              / beta
              * (1 - Math.pow(q, r) * sum);
    }
    return p;
  }

  @Test
  void unconditionalPmfIsEquationEight() {
    for (BgNbdModel m : new BgNbdModel[] {MODEL, CDNOW}) {
      for (double t : new double[] {0.5, 39, 78}) {
        double total = 0;
        double mean = 0;
        for (int x = 0; x < 400; x++) {
          double p = m.probabilityOfPurchases(x, t);
          if (x <= 20) {
            double expected = eq8(m.r(), m.alpha(), m.a(), m.b(), x, t);
            assertEquals(expected, p, 1e-12 * Math.max(expected, 1e-3), "x=" + x + " t=" + t);
          }
          total += p;
          mean += x * p;
        }
        assertEquals(1, total, 1e-9, "t=" + t);
        // Its mean is FHL eq. 9 (the 2F1 closed form), a separate formula.
        assertEquals(m.expectedPurchases(t), mean, 1e-7 * Math.max(1, mean), "t=" + t);
      }
    }
    assertEquals(1, MODEL.probabilityOfPurchases(0, 0), 0);
    assertEquals(0, MODEL.probabilityOfPurchases(3, 0), 0);
  }

  @Test
  void trackingCurveSumsEveryCustomersExpectation() {
    // Hand: customers acquired at weeks 0, 0 and 2; at week 1 only the first two count:
    // 2 E[X(1)]; at week 3: 2 E[X(3)] + E[X(1)]; at week 0: nobody has had time.
    double[] s = {0, 2, 0};
    double[] curve = CDNOW.trackingCurve(s, new double[] {0, 1, 3});
    assertEquals(0, curve[0], 0);
    assertEquals(2 * CDNOW.expectedPurchases(1), curve[1], 1e-14);
    assertEquals(2 * CDNOW.expectedPurchases(3) + CDNOW.expectedPurchases(1), curve[2], 1e-14);
    // Brute force over 500 customers acquired over 12 weeks, one by one.
    double[] acq = new double[500];
    for (int i = 0; i < acq.length; i++) {
      acq[i] = (i * 7919 % 84) / 7.0;
    }
    double[] times = {1, 13, 39, 78};
    double[] c = CDNOW.trackingCurve(acq, times);
    for (int k = 0; k < times.length; k++) {
      double brute = 0;
      for (double a : acq) {
        if (a < times[k]) {
          brute += CDNOW.expectedPurchases(times[k] - a);
        }
      }
      assertEquals(brute, c[k], 1e-10 * brute, "tau=" + times[k]);
    }
    assertTrue(c[3] > c[2] && c[2] > c[1], Arrays.toString(c));
  }

  @Test
  void naturalScaleIntervalIsSymmetric() {
    double[] ages = new double[400];
    Arrays.fill(ages, 39);
    RepeatPurchaseData data = CDNOW.simulate(ages, 7);
    ParameterEstimates e = BgNbdModel.fit(data).estimates();
    for (String name : e.names()) {
      double theta = e.estimate(name);
      double se = e.standardError(name);
      IntervalEstimate nat =
          e.confidenceInterval(name, 0.95, ParameterEstimates.IntervalScale.NATURAL);
      assertEquals(theta - 1.959963984540054 * se, nat.lower(), 1e-12 * theta);
      assertEquals(theta + 1.959963984540054 * se, nat.upper(), 1e-12 * theta);
      IntervalEstimate log = e.confidenceInterval(name, 0.95, ParameterEstimates.IntervalScale.LOG);
      assertEquals(e.confidenceInterval(name, 0.95), log);
      // Log scale: exp(ln θ ± z se/θ).
      assertEquals(theta * Math.exp(-1.959963984540054 * se / theta), log.lower(), 1e-12 * theta);
    }
  }
}
