package org.cx4j.metrics.driver;

import java.util.List;

/**
 * One pass over the respondents that yields the correlation matrix of the drivers and the outcome,
 * under either missing-data rule, with optional integer case multiplicities (the bootstrap's
 * resample counts, so that a replicate never copies the data).
 *
 * <p>Column {@code p} of the data is the outcome; missing values are NaN. Rows without an outcome
 * have already been removed by the caller.
 */
final class CorrelationPass {

  /** Correlations, {@code (p+1) x (p+1)}, outcome last. */
  final double[][] corr;

  /** Weighted number of respondents behind each correlation. */
  final long[][] n;

  private CorrelationPass(double[][] corr, long[][] n) {
    this.corr = corr;
    this.n = n;
  }

  /**
   * Listwise: two passes over the complete rows (means, then centred cross-products), which is
   * accurate where one-pass sums of squares would cancel catastrophically.
   *
   * @param cols the p+1 columns, outcome last, only complete rows present
   * @param counts case multiplicities, or null for 1 each
   */
  static CorrelationPass listwise(double[][] cols, int[] counts, List<String> names) {
    int v = cols.length;
    int rows = cols[0].length;
    long total = 0;
    double[] mean = new double[v];
    for (int i = 0; i < rows; i++) {
      int c = counts == null ? 1 : counts[i];
      if (c == 0) {
        continue;
      }
      total += c;
      for (int k = 0; k < v; k++) {
        mean[k] += c * cols[k][i];
      }
    }
    for (int k = 0; k < v; k++) {
      mean[k] /= total;
    }
    double[][] cov = new double[v][v];
    double[] d = new double[v];
    for (int i = 0; i < rows; i++) {
      int c = counts == null ? 1 : counts[i];
      if (c == 0) {
        continue;
      }
      for (int k = 0; k < v; k++) {
        d[k] = cols[k][i] - mean[k];
      }
      for (int a = 0; a < v; a++) {
        double cda = c * d[a];
        double[] row = cov[a];
        for (int b = a; b < v; b++) {
          row[b] += cda * d[b];
        }
      }
    }
    long[][] n = new long[v][v];
    for (long[] row : n) {
      java.util.Arrays.fill(row, total);
    }
    return new CorrelationPass(normalize(cov, n, names), n);
  }

  /**
   * Pairwise: each pair of columns accumulates its own weighted co-moments over the rows where both
   * are present, by West's (1979) weighted incremental update, so means and variances of a
   * correlation come from exactly the respondents behind it (as R's {@code
   * cor(use="pairwise.complete.obs")}).
   */
  static CorrelationPass pairwise(double[][] cols, int[] counts, List<String> names) {
    int v = cols.length;
    int rows = cols[0].length;
    double[][] cxy = new double[v][v];
    double[][] cxx = new double[v][v];
    double[][] cyy = new double[v][v];
    double[][] mx = new double[v][v];
    double[][] my = new double[v][v];
    long[][] n = new long[v][v];
    for (int i = 0; i < rows; i++) {
      int c = counts == null ? 1 : counts[i];
      if (c == 0) {
        continue;
      }
      for (int a = 0; a < v; a++) {
        double x = cols[a][i];
        if (Double.isNaN(x)) {
          continue;
        }
        for (int b = a + 1; b < v; b++) {
          double y = cols[b][i];
          if (Double.isNaN(y)) {
            continue;
          }
          long nn = n[a][b] + c;
          n[a][b] = nn;
          double f = (double) c / nn;
          double dx = x - mx[a][b];
          double dyOld = y - my[a][b];
          mx[a][b] += f * dx;
          my[a][b] += f * dyOld;
          double dyNew = y - my[a][b];
          cxy[a][b] += c * dx * dyNew;
          cxx[a][b] += c * dx * (x - mx[a][b]);
          cyy[a][b] += c * dyOld * dyNew;
        }
      }
    }
    double[][] corr = new double[v][v];
    for (int a = 0; a < v; a++) {
      corr[a][a] = 1;
      for (int b = a + 1; b < v; b++) {
        if (n[a][b] < 3) {
          throw new IllegalArgumentException(
              "only "
                  + n[a][b]
                  + " respondents answered both '"
                  + names.get(a)
                  + "' and '"
                  + names.get(b)
                  + "'; a correlation needs at least 3");
        }
        if (!(cxx[a][b] > 0) || !(cyy[a][b] > 0)) {
          String constant = !(cxx[a][b] > 0) ? names.get(a) : names.get(b);
          throw new IllegalArgumentException(
              "'"
                  + constant
                  + "' has zero variance among the "
                  + n[a][b]
                  + " respondents who answered both '"
                  + names.get(a)
                  + "' and '"
                  + names.get(b)
                  + "': a constant rating explains nothing");
        }
        double r = cxy[a][b] / Math.sqrt(cxx[a][b] * cyy[a][b]);
        corr[a][b] = corr[b][a] = clamp(r);
        n[b][a] = n[a][b];
      }
    }
    return new CorrelationPass(corr, n);
  }

  private static double[][] normalize(double[][] cov, long[][] n, List<String> names) {
    int v = cov.length;
    if (n[0][0] < 3) {
      throw new IllegalArgumentException(
          "only " + n[0][0] + " complete respondents; correlations need at least 3");
    }
    double[] sd = new double[v];
    for (int k = 0; k < v; k++) {
      if (!(cov[k][k] > 0)) {
        throw new IllegalArgumentException(
            "'"
                + names.get(k)
                + "' has zero variance among the "
                + n[0][0]
                + " complete respondents: a constant rating explains nothing");
      }
      sd[k] = Math.sqrt(cov[k][k]);
    }
    double[][] corr = new double[v][v];
    for (int a = 0; a < v; a++) {
      corr[a][a] = 1;
      for (int b = a + 1; b < v; b++) {
        corr[a][b] = corr[b][a] = clamp(cov[a][b] / (sd[a] * sd[b]));
      }
    }
    return corr;
  }

  private static double clamp(double r) {
    // Rounding can push |r| a hair past 1 for (near-)identical columns.
    return Math.max(-1, Math.min(1, r));
  }
}
