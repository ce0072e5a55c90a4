package org.cx4j.metrics.driver;

import java.util.Arrays;

/**
 * Spearman rank correlations of each driver with the outcome, over the respondents who have both,
 * with average ranks for ties.
 *
 * <p>Each column is sorted once; a bootstrap replicate then ranks in linear time by walking the
 * sorted order with the replicate's case multiplicities (a row drawn c times is c tied
 * observations), so no replicate sorts anything.
 */
final class RankCorrelation {

  private final double[][] cols;
  private final int[][] order;
  private final int p;

  RankCorrelation(double[][] cols) {
    this.cols = cols;
    this.p = cols.length - 1;
    this.order = new int[cols.length][];
    for (int k = 0; k < cols.length; k++) {
      order[k] = sortedPresent(cols[k]);
    }
  }

  /** Returns Spearman's rho of each driver with the outcome; counts null means 1 each. */
  double[] spearman(int[] counts) {
    int rows = cols[0].length;
    double[] rx = new double[rows];
    double[] ry = new double[rows];
    double[] rho = new double[p];
    double[] y = cols[p];
    for (int j = 0; j < p; j++) {
      double[] x = cols[j];
      double wx = rank(order[j], x, y, counts, rx);
      rank(order[p], y, x, counts, ry);
      double mean = (wx + 1) / 2; // average ranks always average (W + 1) / 2
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      for (int i = 0; i < rows; i++) {
        int c = counts == null ? 1 : counts[i];
        if (c == 0 || Double.isNaN(x[i]) || Double.isNaN(y[i])) {
          continue;
        }
        double dx = rx[i] - mean;
        double dy = ry[i] - mean;
        sxy += c * dx * dy;
        sxx += c * dx * dx;
        syy += c * dy * dy;
      }
      rho[j] = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : 0;
    }
    return rho;
  }

  /**
   * Writes into {@code ranks} the average rank of {@code a[i]} among the rows where both {@code a}
   * and {@code b} are present, weighted by counts; returns the total weight.
   */
  private static double rank(int[] order, double[] a, double[] b, int[] counts, double[] ranks) {
    double before = 0;
    int k = 0;
    int m = order.length;
    while (k < m) {
      int end = k;
      double value = a[order[k]];
      double group = 0;
      while (end < m && a[order[end]] == value) {
        int i = order[end];
        if (!Double.isNaN(b[i])) {
          group += counts == null ? 1 : counts[i];
        }
        end++;
      }
      double r = before + (group + 1) / 2;
      for (int t = k; t < end; t++) {
        ranks[order[t]] = r;
      }
      before += group;
      k = end;
    }
    return before;
  }

  /** Above this many distinct values a column is ordered by sorting instead of counting. */
  private static final int COUNTING_LIMIT = 1024;

  /**
   * Returns the indices of the present values in ascending order of value (ties by index).
   *
   * <p>Survey ratings take few distinct values, so the common case is a counting sort: collect
   * the distinct values (stopping at {@value #COUNTING_LIMIT}), sort those few, then place each
   * row by its value's rank, two linear passes. Otherwise two primitive sorts: the values, then
   * {@code (rank of value) << 32 | row} packed in longs. No boxing either way.
   */
  private static int[] sortedPresent(double[] x) {
    double[] distinct = new double[COUNTING_LIMIT];
    int d = 0;
    int present = 0;
    boolean few = true;
    double last = Double.NaN;
    for (double v : x) {
      if (Double.isNaN(v)) {
        continue;
      }
      present++;
      if (few && v != last) {
        last = v;
        int at = indexOf(distinct, d, v);
        if (at < 0) {
          if (d == COUNTING_LIMIT) {
            few = false;
          } else {
            distinct[d++] = v;
          }
        }
      }
    }
    return few ? countingOrder(x, distinct, d, present) : sortingOrder(x, present);
  }

  /**
   * Returns the position of {@code v} among the first n sorted distinct values, comparing with
   * {@code <} so that -0.0 and 0.0 are one value (Arrays.binarySearch would tell them apart).
   */
  private static int rankOf(double[] sorted, int n, double v) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int indexOf(double[] values, int n, double v) {
    for (int i = 0; i < n; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static int[] countingOrder(double[] x, double[] distinct, int d, int present) {
    double[] sorted = Arrays.copyOf(distinct, d);
    Arrays.sort(sorted);
    int[] start = new int[d + 1];
    int[] rank = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        int r = rankOf(sorted, d, x[i]);
        rank[i] = r;
        start[r + 1]++;
      }
    }
    for (int r = 0; r < d; r++) {
      start[r + 1] += start[r];
    }
    int[] out = new int[present];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        out[start[rank[i]]++] = i;
      }
    }
    return out;
  }

  private static int[] sortingOrder(double[] x, int present) {
    double[] values = new double[present];
    int k = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        values[k++] = v;
      }
    }
    Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < present; i++) {
      if (i == 0 || values[i] != values[distinct - 1]) {
        values[distinct++] = values[i];
      }
    }
    long[] keys = new long[present];
    k = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        long rank = rankOf(values, distinct, x[i]);
        keys[k++] = rank << 32 | i;
      }
    }
    Arrays.sort(keys);
    int[] out = new int[present];
    for (int i = 0; i < present; i++) {
      out[i] = (int) keys[i];
    }
    return out;
  }
}
