package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.cx4j.core.testing.SharedDatasets;
import org.junit.jupiter.api.Test;

/**
 * BG/BB against Fader, Hardie and Shang (2010), "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6): on the donations data ({@code
 * cdnow/donations.csv}, 22 weighted rows, 11,104 donors, n = 6) the paper reports alpha = 1.204,
 * beta = 0.750, gamma = 0.657, delta = 2.783, LL = -33,225.6. Predictions are checked against the
 * paper's closed forms (eq. 9 and 13, with their division by gamma - 1) written naively here.
 */
class BgBbModelTest {

  static DiscretePurchaseData donations() throws IOException {
    Path p = SharedDatasets.require("cdnow/donations.csv");
    List<String> lines = Files.readAllLines(p);
    int m = lines.size() - 1;
    int[] x = new int[m];
    int[] tx = new int[m];
    int[] n = new int[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      String[] f = lines.get(i + 1).trim().split(",");
      x[i] = Integer.parseInt(f[0]);
      tx[i] = Integer.parseInt(f[1]);
      n[i] = Integer.parseInt(f[2]);
      w[i] = Double.parseDouble(f[3]);
    }
    return DiscretePurchaseData.of(x, tx, n, w);
  }

  @Test
  void fitMatchesFaderHardieShang2010() throws IOException {
    DiscretePurchaseData d = donations();
    assertEquals(22, d.rows());
    assertEquals(11_104, d.totalWeight());
    BgBbModel.Fit fit = BgBbModel.fit(d);
    BgBbModel m = fit.model();
    assertEquals(1.204, m.alpha(), 0.0005 + 1e-9, "alpha");
    assertEquals(0.750, m.beta(), 0.0005 + 1e-9, "beta");
    assertEquals(0.657, m.gamma(), 0.0005 + 1e-9, "gamma");
    assertEquals(2.783, m.delta(), 0.0005 + 1e-9, "delta");
    assertEquals(-33_225.6, fit.estimates().logLikelihood(), 0.05);
    assertEquals(11_104, fit.estimates().customers());
    assertTrue(fit.estimates().standardErrorsAvailable());
    assertTrue(
        fit.toString().startsWith("BG/BB fit on 11104 customers: alpha = 1.20"), fit.toString());
  }

  /**
   * Hardie's note 010, "Implementing the BG/BB model for customer-base analysis in Excel", fits the
   * same data to alpha = 1.2035, beta = 0.7497, gamma = 0.6567, delta = 2.7834, and its "Tracking
   * Plot" sheet (cells B7:B17, as quoted by pymc-marketing's tests) gives the expected transactions
   * of a new donor in the first n = 1..11 opportunities. Four decimals: half a unit, 5e-5. (The
   * rounded parameters themselves miss n = 2 by 5.3e-5: the sheet uses the unrounded maximum, as
   * this test does.)
   */
  @Test
  void fitAndTrackingCurveMatchHardiesNote() throws IOException {
    BgBbModel m = BgBbModel.fit(donations()).model();
    assertEquals(1.2035, m.alpha(), 5e-5 + 1e-12, "alpha");
    assertEquals(0.7497, m.beta(), 5e-5 + 1e-12, "beta");
    assertEquals(0.6567, m.gamma(), 5e-5 + 1e-12, "gamma");
    assertEquals(2.7834, m.delta(), 5e-5 + 1e-12, "delta");
    double[] published = {
      0.4985, 0.9233, 1.2969, 1.6323, 1.9381, 2.2202, 2.4826, 2.7285, 2.9603, 3.1798, 3.3887
    };
    for (int n = 1; n <= 11; n++) {
      assertEquals(published[n - 1], m.expectedTransactions(n), 5e-5 + 1e-12, "n = " + n);
    }
  }

  @Test
  void probabilityAliveByHand() {
    // x = t_x = n: the sum in L is empty, L = B(a+x, b)/B(a,b) B(g, d+n)/B(g,d), and
    // P(alive) = B(g, d+n+1)/B(g, d+n) = (d+n)/(g+d+n): (2.783+6)/(0.657+2.783+6) = 0.930403...
    BgBbModel m = BgBbModel.of(1.204, 0.750, 0.657, 2.783);
    assertEquals(8.783 / 9.44, m.probabilityAlive(6, 6, 6), 1e-13);
    // Nothing after the first (x = 0, n = 6): lower, since a silent donor may have died.
    assertTrue(m.probabilityAlive(0, 0, 6) < m.probabilityAlive(6, 6, 6));
    // Same frequency, earlier last transaction: less likely alive.
    assertTrue(m.probabilityAlive(3, 3, 6) < m.probabilityAlive(3, 6, 6));
  }

  /** L written as a plain sum of beta-function ratios (FHS 2010 eq. 5). */
  static double naiveL(double a, double b, double g, double d, int x, int tx, int n) {
    double l =
        Math.exp(
            LogBeta.value(a + x, b + n - x)
                - LogBeta.value(a, b)
                + LogBeta.value(g, d + n)
                - LogBeta.value(g, d));
    for (int i = 0; i <= n - tx - 1; i++) {
      l +=
          Math.exp(
              LogBeta.value(a + x, b + tx - x + i)
                  - LogBeta.value(a, b)
                  + LogBeta.value(g + 1, d + tx + i)
                  - LogBeta.value(g, d));
    }
    return l;
  }

  /** FHS 2010 eq. 13, with its division by gamma - 1. */
  static double paperConditional(
      double a, double b, double g, double d, int nStar, int x, int tx, int n) {
    double lead =
        Math.exp(LogBeta.value(a + x + 1, b + n - x) - LogBeta.value(a, b))
            * d
            / (g - 1)
            * Math.exp(LogGamma.value(g + d) - LogGamma.value(1 + d));
    double bracket =
        Math.exp(LogGamma.value(1 + d + n) - LogGamma.value(g + d + n))
            - Math.exp(LogGamma.value(1 + d + n + nStar) - LogGamma.value(g + d + n + nStar));
    return lead * bracket / naiveL(a, b, g, d, x, tx, n);
  }

  @Property(tries = 500, seed = "42")
  void predictionsEqualThePapersClosedForms(
      @ForAll @DoubleRange(min = 0.1, max = 10) double a,
      @ForAll @DoubleRange(min = 0.1, max = 10) double b,
      @ForAll @DoubleRange(min = 0.1, max = 10) double g,
      @ForAll @DoubleRange(min = 0.1, max = 10) double d,
      @ForAll @IntRange(min = 1, max = 20) int n,
      @ForAll @IntRange(min = 0, max = 20) int xRaw,
      @ForAll @IntRange(min = 0, max = 20) int txRaw,
      @ForAll @IntRange(min = 0, max = 30) int nStar) {
    if (Math.abs(g - 1) < 1e-3) {
      return; // the paper's form divides by gamma - 1
    }
    int x = xRaw % (n + 1);
    int tx = x == 0 ? 0 : x + txRaw % (n - x + 1);
    BgBbModel m = BgBbModel.of(a, b, g, d);
    double expected = paperConditional(a, b, g, d, nStar, x, tx, n);
    assertEquals(
        expected, m.conditionalExpectedTransactions(nStar, x, tx, n), 1e-9 * (1 + expected));
    double eq9 =
        a
            / (a + b)
            * d
            / (g - 1)
            * (1
                - Math.exp(
                    LogGamma.value(g + d)
                        + LogGamma.value(1 + d + n)
                        - LogGamma.value(g + d + n)
                        - LogGamma.value(1 + d)));
    assertEquals(eq9, m.expectedTransactions(n), 1e-9 * (1 + eq9));
    double alive =
        Math.exp(
                LogBeta.value(a + x, b + n - x)
                    - LogBeta.value(a, b)
                    + LogBeta.value(g, d + n + 1)
                    - LogBeta.value(g, d))
            / naiveL(a, b, g, d, x, tx, n);
    assertEquals(alive, m.probabilityAlive(x, tx, n), 1e-10);
    assertEquals(Math.log(naiveL(a, b, g, d, x, tx, n)), m.logLikelihood(x, tx, n), 1e-9);
    // A new customer: the frequency distribution sums to 1 and its mean is E[X(n)].
    double total = 0;
    double mean = 0;
    for (int k = 0; k <= n; k++) {
      double p = m.probabilityOfTransactions(k, n);
      total += p;
      mean += k * p;
    }
    assertEquals(1, total, 1e-10);
    assertEquals(m.expectedTransactions(n), mean, 1e-9 * (1 + mean));
  }

  @Property(tries = 200, seed = "42")
  void dertEqualsTheDiscountedSumOfFutureExpectations(
      @ForAll @DoubleRange(min = 0.2, max = 5) double a,
      @ForAll @DoubleRange(min = 0.2, max = 5) double b,
      @ForAll @DoubleRange(min = 0.2, max = 5) double g,
      @ForAll @DoubleRange(min = 0.2, max = 5) double d,
      @ForAll @DoubleRange(min = 0.05, max = 1) double rate,
      @ForAll @IntRange(min = 0, max = 6) int x) {
    int n = 6;
    int tx = x == 0 ? 0 : Math.max(x, 4);
    BgBbModel m = BgBbModel.of(a, b, g, d);
    // Σ_{t>=1} (E[X(n, n+t)] - E[X(n, n+t-1)]) / (1+rate)^t, each increment one future
    // opportunity's expected transaction, written out with beta functions.
    double lead =
        Math.exp(LogBeta.value(a + x + 1, b + n - x) - LogBeta.value(a, b))
            / naiveL(a, b, g, d, x, tx, n);
    double sum = 0;
    for (int t = 1; t < 5_000; t++) {
      sum +=
          lead * Math.exp(LogBeta.value(g, d + n + t) - LogBeta.value(g, d) - t * Math.log1p(rate));
    }
    assertEquals(sum, m.discountedExpectedResidualTransactions(rate, x, tx, n), 1e-10 * sum);
  }

  @Test
  void recoversSimulatedParameters() {
    BgBbModel truth = BgBbModel.of(1.2, 0.75, 0.66, 2.8);
    BgBbModel.Fit fit = BgBbModel.fit(truth.simulate(40_000, 8, 2010));
    for (String name : truth.parameterNames()) {
      IntervalEstimate ci = fit.estimates().confidenceInterval(name, 0.999);
      double value = truth.parameters()[truth.parameterNames().indexOf(name)];
      assertTrue(ci.contains(value), name + " " + ci);
    }
    IntervalEstimate e = fit.interval(m -> m.conditionalExpectedTransactions(5, 3, 8, 8), 0.999);
    assertTrue(e.contains(truth.conditionalExpectedTransactions(5, 3, 8, 8)), e.toString());
  }

  @Property(tries = 100, seed = "42")
  void gradientMatchesCentralDifferences(
      @ForAll @DoubleRange(min = 0.2, max = 5) double a,
      @ForAll @DoubleRange(min = 0.2, max = 5) double b,
      @ForAll @DoubleRange(min = 0.2, max = 5) double g,
      @ForAll @DoubleRange(min = 0.2, max = 5) double d) {
    DiscretePurchaseData data =
        DiscretePurchaseData.of(
            new int[] {0, 1, 2, 3, 5, 6},
            new int[] {0, 1, 4, 3, 6, 6},
            new int[] {6, 6, 6, 6, 6, 7},
            new double[] {30, 10, 5, 2.5, 7, 12});
    double[] grad = new double[4];
    BgBbModel.logLikelihood(data, a, b, g, d, grad);
    double[] theta = {a, b, g, d};
    double h = 1e-6;
    for (int i = 0; i < 4; i++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] *= Math.exp(h);
      down[i] *= Math.exp(-h);
      double fd =
          (BgBbModel.logLikelihood(data, up[0], up[1], up[2], up[3], null)
                  - BgBbModel.logLikelihood(data, down[0], down[1], down[2], down[3], null))
              / (2 * h);
      assertEquals(fd, grad[i], 1e-5 * (1 + Math.abs(fd)), "component " + i);
    }
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DiscretePurchaseData.of(new int[] {1, 2}, new int[] {1, 1}, new int[] {6, 6}));
    assertTrue(
        e.getMessage().contains("t_x must be in [x = 2, n = 6] in row 1, got 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DiscretePurchaseData.of(
                    new int[] {0}, new int[] {0}, new int[] {6}, new double[] {-1}));
    assertTrue(e.getMessage().contains("weight of row 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BgBbModel.fit(
                    DiscretePurchaseData.of(new int[] {0, 0}, new int[] {0, 0}, new int[] {6, 6})));
    assertTrue(e.getMessage().contains("no customer transacts"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BgBbModel.fit(
                    DiscretePurchaseData.of(new int[] {6}, new int[] {6}, new int[] {6})));
    assertTrue(e.getMessage().contains("every opportunity"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> BgBbModel.of(1, 1, 1, 1).discountedExpectedResidualTransactions(0, 1, 1, 6));
    assertThrows(
        IllegalArgumentException.class,
        () -> BgBbModel.of(1, 1, 1, 1).conditionalExpectedTransactions(-1, 1, 1, 6));
  }
}
