package org.cx4j.metrics.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cx4j.core.testing.SharedDatasets;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

class KeyDriverAnalysisTest {

  static final double TOL = 1e-10;

  /**
   * Orthogonal drivers, derived by hand. x1 = (1,-1,1,-1), x2 = (1,1,-1,-1) are centred and
   * orthogonal; y = 2 x1 + x2 + e with e = (1,-1,-1,1) orthogonal to both: y = (4,-2,0,-2), mean 0.
   * Sums: x1.x1 = x2.x2 = 4, y.y = 24, x1.y = 8, x2.y = 4. So r1 = 8/sqrt(96) = 2/sqrt(6), r2 =
   * 1/sqrt(6), r12 = 0. With uncorrelated drivers beta_j = r_j and R2 = r1^2 + r2^2 = 4/6 + 1/6 =
   * 5/6, and both the Shapley value and the relative weight of each driver are r_j^2: 2/3 and 1/6.
   * Spearman of x1: ranks rx = (3.5,1.5,3.5,1.5), ry = (4,1.5,3,1.5), mean 2.5, deviations
   * (1,-1,1,-1) and (1.5,-1,0.5,-1): sum of products 4, squares 4 and 4.5, rho = 4/sqrt(18) = 2
   * sqrt(2)/3.
   */
  @Test
  void orthogonalDriversByHand() {
    KeyDriverResult r =
        KeyDriverAnalysis.builder()
            .outcome("y", new double[] {4, -2, 0, -2})
            .driver("x1", new double[] {1, -1, 1, -1})
            .driver("x2", new double[] {1, 1, -1, -1})
            .run();
    assertEquals(5.0 / 6, r.rSquared(), TOL);
    DriverImportance x1 = r.driver("x1").orElseThrow();
    DriverImportance x2 = r.driver("x2").orElseThrow();
    assertEquals(2 / Math.sqrt(6), x1.pearson(), TOL);
    assertEquals(1 / Math.sqrt(6), x2.pearson(), TOL);
    assertEquals(2 / Math.sqrt(6), x1.beta(), TOL);
    assertEquals(2.0 / 3, x1.shapley(), TOL);
    assertEquals(1.0 / 6, x2.shapley(), TOL);
    assertEquals(2.0 / 3, x1.relativeWeight(), TOL);
    assertEquals(1.0 / 6, x2.relativeWeight(), TOL);
    assertEquals(0.8, x1.shapleyShare(), TOL); // (2/3) / (5/6)
    assertEquals(2 * Math.sqrt(2) / 3, x1.spearman(), TOL);
    assertEquals(4, x1.n());
    assertEquals("x1", r.ranked().get(0).name());
  }

  /**
   * Against an independent route: R2 of every subset by least squares (QR of [1, X_S]) on the raw
   * data, then Shapley values by the permutation definition (average marginal gain over all p!
   * orders of entry), not the subset-weight formula the code uses.
   */
  @Test
  void shapleyMatchesBruteForceOverAllOrders() {
    double[][] x = correlatedDrivers(200, 4, 7);
    double[] y = outcome(x, new double[] {0.5, 0.3, -0.2, 0.1}, 1.0, 8);
    KeyDriverAnalysis.Builder b = KeyDriverAnalysis.builder().outcome("y", y);
    for (int j = 0; j < 4; j++) {
      b.driver("x" + j, x[j]);
    }
    KeyDriverResult r = b.run();

    int p = 4;
    double[] r2 = new double[1 << p];
    for (int mask = 1; mask < (1 << p); mask++) {
      r2[mask] = olsRSquared(x, y, mask);
    }
    assertEquals(r2[15], r.rSquared(), 1e-9);
    double[] phi = new double[p];
    List<int[]> orders = new ArrayList<>();
    permutations(new int[] {0, 1, 2, 3}, 0, orders);
    for (int[] order : orders) {
      int mask = 0;
      for (int j : order) {
        phi[j] += r2[mask | (1 << j)] - r2[mask];
        mask |= 1 << j;
      }
    }
    double sumRw = 0;
    for (int j = 0; j < p; j++) {
      DriverImportance d = r.drivers().get(j);
      assertEquals(phi[j] / orders.size(), d.shapley(), 1e-9, "shapley of x" + j);
      sumRw += d.relativeWeight();
    }
    assertEquals(r.rSquared(), sumRw, 1e-10);

    // Standardized coefficients: b_j * sd_j / sd_y from the full least-squares fit.
    double[] coef = olsCoefficients(x, y, 15);
    for (int j = 0; j < p; j++) {
      assertEquals(
          coef[j + 1] * sd(x[j]) / sd(y), r.drivers().get(j).beta(), 1e-9, "beta of x" + j);
    }
  }

  @Test
  void airlineSatisfactionSurvey() throws IOException {
    Path csv = SharedDatasets.require("airline_satisfaction/airline_satisfaction_test.csv");
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",");
    int first = indexOf(header, "Inflight_wifi_service");
    int last = indexOf(header, "Cleanliness");
    int sat = indexOf(header, "satisfaction");
    int p = last - first + 1;
    assertEquals(14, p);
    int n = lines.size() - 1;
    assertEquals(38847, n); // SOURCES.md
    double[][] x = new double[p][n];
    double[] y = new double[n];
    int satisfied = 0;
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      for (int j = 0; j < p; j++) {
        x[j][i] = Double.parseDouble(f[first + j]);
      }
      y[i] = f[sat].equals("satisfied") ? 1 : 0;
      satisfied += (int) y[i];
    }
    assertEquals(16893, satisfied); // SOURCES.md
    KeyDriverAnalysis.Builder b =
        KeyDriverAnalysis.builder().outcome("satisfied", y).missingCode(0);
    for (int j = 0; j < p; j++) {
      b.driver(header[first + j], x[j]);
    }
    KeyDriverResult r = b.run();

    // Independent check: least squares on the complete cases (no rating is 0).
    int complete = 0;
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean ok = true;
      for (int j = 0; j < p; j++) {
        ok &= x[j][i] != 0;
      }
      keep[i] = ok;
      complete += ok ? 1 : 0;
    }
    assertEquals(complete, r.respondents());
    assertEquals(n - complete, r.dropped());
    double[][] xs = new double[p][complete];
    double[] ys = new double[complete];
    for (int i = 0, k = 0; i < n; i++) {
      if (keep[i]) {
        for (int j = 0; j < p; j++) {
          xs[j][k] = x[j][i];
        }
        ys[k++] = y[i];
      }
    }
    int all = (1 << p) - 1;
    assertEquals(olsRSquared(xs, ys, all), r.rSquared(), 1e-9);
    double[] coef = olsCoefficients(xs, ys, all);
    double shapleySum = 0;
    double rwSum = 0;
    double shareSum = 0;
    for (int j = 0; j < p; j++) {
      DriverImportance d = r.drivers().get(j);
      assertEquals(coef[j + 1] * sd(xs[j]) / sd(ys), d.beta(), 1e-9, d.name());
      assertTrue(d.shapley() >= 0 && d.relativeWeight() >= 0, d.toString());
      shapleySum += d.shapley();
      rwSum += d.relativeWeight();
      shareSum += d.shapleyShare();
    }
    assertEquals(r.rSquared(), shapleySum, 1e-10);
    assertEquals(r.rSquared(), rwSum, 1e-10);
    assertEquals(1.0, shareSum, 1e-10);
    // Online boarding is the driver the public analyses of this survey single out.
    assertEquals("Online_boarding", r.ranked().get(0).name());

    // Pairwise deletion on the same data: either a valid decomposition or a clear error.
    KeyDriverAnalysis.Builder pw =
        KeyDriverAnalysis.builder()
            .outcome("satisfied", y)
            .missingCode(0)
            .missing(MissingRule.PAIRWISE);
    for (int j = 0; j < p; j++) {
      pw.driver(header[first + j], x[j]);
    }
    KeyDriverResult rp = pw.run();
    double s = 0;
    for (DriverImportance d : rp.drivers()) {
      s += d.shapley();
    }
    assertEquals(rp.rSquared(), s, 1e-10);
    assertEquals(n, rp.respondents());
  }

  /**
   * Pairs observed on disjoint subsamples: corr(x1,x2) = 1 on rows 0-9, corr(x2,x3) = 1 on rows
   * 10-19, corr(x1,x3) = -1 on rows 20-29. No data set has such a matrix: it is not positive
   * (semi-)definite, and the analysis must refuse it.
   */
  @Test
  void pairwiseMatrixThatIsNotPositiveDefiniteIsAnError() {
    int n = 30;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] x3 = new double[n];
    double[] y = new double[n];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      double t = i % 10;
      y[i] = rng.nextDouble();
      x1[i] = i < 10 || i >= 20 ? t : Double.NaN;
      x2[i] = i < 20 ? t : Double.NaN;
      x3[i] = i >= 10 ? (i < 20 ? t : -t) : Double.NaN;
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.builder()
                    .outcome("y", y)
                    .driver("x1", x1)
                    .driver("x2", x2)
                    .driver("x3", x3)
                    .missing(MissingRule.PAIRWISE)
                    .run());
    assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
  }

  @Test
  void badInputIsAClearError() {
    double[] y = {1, 2, 3, 4, 5, 6};
    double[] a = {1, 3, 2, 5, 4, 6};
    double[] b = {2, 1, 4, 3, 6, 5};
    IllegalArgumentException constant =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.builder()
                    .outcome("y", y)
                    .driver("a", a)
                    .driver("flat", new double[] {3, 3, 3, 3, 3, 3})
                    .run());
    assertTrue(constant.getMessage().contains("'flat' has zero variance"), constant.getMessage());

    double[] sum = new double[6];
    for (int i = 0; i < 6; i++) {
      sum[i] = a[i] + 2 * b[i];
    }
    IllegalArgumentException collinear =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.builder()
                    .outcome("y", y)
                    .driver("a", a)
                    .driver("b", b)
                    .driver("a+2b", sum)
                    .run());
    assertTrue(
        collinear.getMessage().contains("'a+2b' is (numerically) a linear combination of [a, b]"),
        collinear.getMessage());

    IllegalArgumentException few =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.builder()
                    .outcome("y", new double[] {1, 2, 3})
                    .driver("a", new double[] {1, 3, 2})
                    .driver("b", new double[] {2, 1, 3})
                    .run());
    assertTrue(few.getMessage().contains("3 respondents remain"), few.getMessage());

    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyDriverAnalysis.builder().outcome("y", y).driver("a", new double[] {1}).run());
    assertTrue(length.getMessage().contains("'a' has 1 values"), length.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> KeyDriverAnalysis.builder().driver("a", a).driver("a", b));
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyDriverAnalysis.builder().outcome("y", new double[] {1, Double.POSITIVE_INFINITY}));
    assertThrows(
        IllegalArgumentException.class, () -> KeyDriverAnalysis.builder().bootstrap(10, 1, 0.95));
    assertThrows(
        IllegalArgumentException.class, () -> KeyDriverAnalysis.builder().bootstrap(1000, 1, 1.0));
    assertThrows(IllegalStateException.class, () -> KeyDriverAnalysis.builder().run());
  }

  @Test
  void bootstrapIsReproducibleAndCoversTheEstimate() {
    double[][] x = correlatedDrivers(400, 3, 11);
    double[] y = outcome(x, new double[] {0.6, 0.3, 0.1}, 1.0, 12);
    KeyDriverResult a = bootstrap(x, y, 42);
    KeyDriverResult b = bootstrap(x, y, 42);
    KeyDriverResult c = bootstrap(x, y, 43);
    assertEquals(a, b);
    assertNotEquals(a.drivers().get(0).intervals(), c.drivers().get(0).intervals());
    for (DriverImportance d : a.drivers()) {
      DriverImportance.Intervals iv = d.intervals();
      assertEquals(0.9, iv.level());
      assertTrue(iv.pearson().contains(d.pearson()), d + " " + iv);
      assertTrue(iv.shapley().contains(d.shapley()), d + " " + iv);
      assertTrue(iv.beta().contains(d.beta()), d + " " + iv);
      assertTrue(iv.spearman().contains(d.spearman()), d + " " + iv);
      assertTrue(iv.relativeWeight().contains(d.relativeWeight()), d + " " + iv);
    }
    assertEquals(0, a.failedReplicates());
  }

  @Test
  void fromCorrelationsEqualsTheDataRoute() {
    double[][] x = correlatedDrivers(300, 3, 21);
    double[] y = outcome(x, new double[] {0.2, 0.5, 0.4}, 1.0, 22);
    KeyDriverResult data =
        KeyDriverAnalysis.builder()
            .outcome("y", y)
            .driver("a", x[0])
            .driver("b", x[1])
            .driver("c", x[2])
            .run();
    double[][] all = {x[0], x[1], x[2], y};
    double[][] r = new double[3][3];
    double[] ry = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        r[i][j] = i == j ? 1 : pearson(all[i], all[j]);
      }
      ry[i] = pearson(all[i], y);
    }
    KeyDriverResult corr = KeyDriverAnalysis.fromCorrelations("y", List.of("a", "b", "c"), r, ry);
    assertEquals(data.rSquared(), corr.rSquared(), 1e-12);
    for (int j = 0; j < 3; j++) {
      assertEquals(data.drivers().get(j).shapley(), corr.drivers().get(j).shapley(), 1e-12);
    }
    r[0][1] = 0.5;
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyDriverAnalysis.fromCorrelations("y", List.of("a", "b", "c"), r, ry));
  }

  private static KeyDriverResult bootstrap(double[][] x, double[] y, long seed) {
    return KeyDriverAnalysis.builder()
        .outcome("y", y)
        .driver("a", x[0])
        .driver("b", x[1])
        .driver("c", x[2])
        .bootstrap(400, seed, 0.9)
        .run();
  }

  // ---- independent helpers -------------------------------------------------------------

  /** Drivers sharing a common factor, so that they are correlated. */
  static double[][] correlatedDrivers(int n, int p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[p][n];
    for (int i = 0; i < n; i++) {
      double common = rng.nextGaussian();
      for (int j = 0; j < p; j++) {
        x[j][i] = 3 + 0.6 * common + rng.nextGaussian();
      }
    }
    return x;
  }

  static double[] outcome(double[][] x, double[] coef, double noise, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] y = new double[x[0].length];
    for (int i = 0; i < y.length; i++) {
      double s = noise * rng.nextGaussian();
      for (int j = 0; j < coef.length; j++) {
        s += coef[j] * x[j][i];
      }
      y[i] = s;
    }
    return y;
  }

  /** Least-squares coefficients (intercept first) of y on the drivers in mask, by QR. */
  static double[] olsCoefficients(double[][] x, double[] y, int mask) {
    int n = y.length;
    int k = Integer.bitCount(mask);
    double[][] design = new double[n][k + 1];
    for (int i = 0; i < n; i++) {
      design[i][0] = 1;
      int c = 1;
      for (int j = 0; j < x.length; j++) {
        if ((mask & (1 << j)) != 0) {
          design[i][c++] = x[j][i];
        }
      }
    }
    RealVector b =
        new QRDecomposition(new Array2DRowRealMatrix(design, false))
            .getSolver()
            .solve(new ArrayRealVector(y, true));
    return b.toArray();
  }

  /** R2 = 1 - RSS / TSS of the least-squares fit. */
  static double olsRSquared(double[][] x, double[] y, int mask) {
    double[] b = olsCoefficients(x, y, mask);
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < y.length; i++) {
      double fit = b[0];
      int c = 1;
      for (int j = 0; j < x.length; j++) {
        if ((mask & (1 << j)) != 0) {
          fit += b[c++] * x[j][i];
        }
      }
      rss += (y[i] - fit) * (y[i] - fit);
      tss += (y[i] - mean) * (y[i] - mean);
    }
    return 1 - rss / tss;
  }

  static double sd(double[] v) {
    double m = 0;
    for (double x : v) {
      m += x;
    }
    m /= v.length;
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static void permutations(int[] a, int k, List<int[]> out) {
    if (k == a.length) {
      out.add(a.clone());
      return;
    }
    for (int i = k; i < a.length; i++) {
      int t = a[k];
      a[k] = a[i];
      a[i] = t;
      permutations(a, k + 1, out);
      a[i] = a[k];
      a[k] = t;
    }
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
