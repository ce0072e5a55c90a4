package org.cx4j.metrics.survival;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The log-rank test that two or more groups (segments) of customers have the same survival
 * (time-to-churn) curve, as R's {@code survdiff(Surv(time, status) ~ group)} (Mantel 1966; Peto and
 * Peto 1972; Klein and Moeschberger 2003, section 7.3).
 *
 * <p>At each distinct event time with {@code n} at risk, {@code d} events, and {@code n_g} at risk
 * in group {@code g}:
 *
 * <pre>{@code
 * E_g    += d * n_g / n
 * V_gh   += d (n - d) / (n - 1) * (n_g / n) * (delta_gh - n_h / n)        (n > 1)
 * chi^2   = (O - E)' V^-1 (O - E)   over the groups with E_g > 0, the first of them dropped
 * df      = (number of groups with E_g > 0) - 1;   p = P(chi^2_df > chi^2)
 * }</pre>
 *
 * <p>This reproduces R's {@code survdiff} with {@code rho = 0} on the {@code aml} and {@code lung}
 * data to 1e-6 (see the tests). Immutable.
 */
public final class LogRankTest {

  private final int[] groups;
  private final long[] sizes;
  private final double[] observed;
  private final double[] expected;
  private final double[][] variance;
  private final double chiSquare;
  private final int degreesOfFreedom;
  private final double pValue;

  private LogRankTest(
      int[] groups,
      long[] sizes,
      double[] observed,
      double[] expected,
      double[][] variance,
      double chiSquare,
      int degreesOfFreedom) {
    this.groups = groups;
    this.sizes = sizes;
    this.observed = observed;
    this.expected = expected;
    this.variance = variance;
    this.chiSquare = chiSquare;
    this.degreesOfFreedom = degreesOfFreedom;
    this.pValue = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(chiSquare);
  }

  /**
   * Runs the log-rank test.
   *
   * @param times observed times, finite and {@code >= 0}
   * @param events true for churn, false for censored
   * @param groups the group (segment) code of each customer; any ints, reported in ascending order
   * @return the test
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, a time is out of range, fewer than two
   *     groups have an expected event count above 0 (no test is possible), or the variance matrix
   *     is singular
   */
  public static LogRankTest of(double[] times, boolean[] events, int[] groups) {
    int n = times.length;
    if (events.length != n || groups.length != n) {
      throw new IllegalArgumentException(
          "events and groups must have the length of times ("
              + n
              + "), got "
              + events.length
              + " and "
              + groups.length);
    }
    int[] labels = groups.clone();
    Arrays.sort(labels);
    int gCount = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || labels[i] != labels[gCount - 1]) {
        labels[gCount++] = labels[i];
      }
    }
    labels = Arrays.copyOf(labels, gCount);
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      double t = times[i];
      if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("times[" + i + "] must be finite and >= 0, got " + t);
      }
      sorted[i] = t + 0.0;
    }
    Arrays.sort(sorted);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[m - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    int gc = gCount;
    double[] dead = new double[m * gc];
    double[] leaving = new double[m * gc];
    long[] sizes = new long[gc];
    double[] observed = new double[gc];
    for (int i = 0; i < n; i++) {
      int j = Arrays.binarySearch(sorted, 0, m, times[i] + 0.0);
      int g = Arrays.binarySearch(labels, groups[i]);
      sizes[g]++;
      leaving[j * gc + g] += 1;
      if (events[i]) {
        dead[j * gc + g] += 1;
        observed[g] += 1;
      }
    }
    double[] risk = new double[gc];
    double[] expected = new double[gc];
    double[][] v = new double[gc][gc];
    for (int j = m - 1; j >= 0; j--) {
      double nTotal = 0;
      double d = 0;
      for (int g = 0; g < gc; g++) {
        risk[g] += leaving[j * gc + g];
        nTotal += risk[g];
        d += dead[j * gc + g];
      }
      if (d == 0) {
        continue;
      }
      for (int g = 0; g < gc; g++) {
        expected[g] += d * risk[g] / nTotal;
      }
      if (nTotal > 1) {
        double kt = d * (nTotal - d) / (nTotal * (nTotal - 1));
        for (int g = 0; g < gc; g++) {
          v[g][g] += kt * risk[g];
          for (int h = 0; h < gc; h++) {
            v[g][h] -= kt * risk[g] * risk[h] / nTotal;
          }
        }
      }
    }
    // As R's survdiff: keep the groups with E > 0, drop the first of them, solve.
    int[] keep = new int[gc];
    int k = 0;
    for (int g = 0; g < gc; g++) {
      if (expected[g] > 0) {
        keep[k++] = g;
      }
    }
    if (k < 2) {
      throw new IllegalArgumentException(
          "log-rank test needs at least 2 groups with customers at risk at an event time, got "
              + k
              + " (groups "
              + Arrays.toString(labels)
              + ")");
    }
    int p = k - 1;
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int r = 0; r < p; r++) {
      b[r] = observed[keep[r + 1]] - expected[keep[r + 1]];
      for (int c = 0; c < p; c++) {
        a[r][c] = v[keep[r + 1]][keep[c + 1]];
      }
    }
    double chi = quadraticForm(a, b);
    return new LogRankTest(labels, sizes, observed, expected, v, chi, p);
  }

  /**
   * Returns {@code b' A^-1 b} for a symmetric positive-definite {@code A} by Cholesky
   * factorisation. The matrix is (groups - 1) square, a handful of rows, so no linear-algebra
   * library is pulled into this module for it.
   */
  private static double quadraticForm(double[][] a, double[] b) {
    int p = b.length;
    double[][] l = new double[p][p];
    double scale = 0;
    for (int i = 0; i < p; i++) {
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int q = 0; q < j; q++) {
          s -= l[i][q] * l[j][q];
        }
        if (i == j) {
          if (!(s > 1e-12 * scale)) {
            throw new IllegalArgumentException(
                "log-rank variance matrix is singular (pivot "
                    + s
                    + " at group "
                    + (i + 2)
                    + "); groups must differ in who is at risk when events happen");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    // Solve L y = b; then b' A^-1 b = y' y.
    double sum = 0;
    double[] y = new double[p];
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int q = 0; q < i; q++) {
        s -= l[i][q] * y[q];
      }
      y[i] = s / l[i][i];
      sum += y[i] * y[i];
    }
    return sum;
  }

  /** Returns the group codes, ascending; index {@code g} of the other arrays refers to these. */
  public int[] groups() {
    return groups.clone();
  }

  /** Returns the number of customers in each group. */
  public long[] sizes() {
    return sizes.clone();
  }

  /** Returns the observed number of events (churns) in each group. */
  public double[] observed() {
    return observed.clone();
  }

  /** Returns the expected number of events in each group under the null hypothesis. */
  public double[] expected() {
    return expected.clone();
  }

  /** Returns the variance matrix of {@code O - E} over all groups (R's {@code survdiff$var}). */
  public double[][] variance() {
    double[][] copy = new double[variance.length][];
    for (int i = 0; i < variance.length; i++) {
      copy[i] = variance[i].clone();
    }
    return copy;
  }

  /** Returns the chi-square statistic, {@code >= 0}. */
  public double chiSquare() {
    return chiSquare;
  }

  /**
   * Returns the degrees of freedom: the number of groups with an expected count above 0, less 1.
   */
  public int degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /** Returns the p-value, {@code P(chi^2_df > chiSquare())}, in {@code [0, 1]}. */
  public double pValue() {
    return pValue;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("LogRankTest[");
    for (int g = 0; g < groups.length; g++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "group %d: n=%d O=%s E=%.4f; ",
              groups[g],
              sizes[g],
              KaplanMeier.fmt(observed[g]),
              expected[g]));
    }
    return sb.append(
            String.format(
                Locale.ROOT, "chisq=%.4f on %d df, p=%.4g]", chiSquare, degreesOfFreedom, pValue))
        .toString();
  }
}
