package org.cx4j.metrics.driver;

import java.util.Arrays;

/**
 * Spearman rank correlations of each driver with the outcome, over the respondents who have both,
 * with average ranks for ties.
 *
 * <p>Two routes, both linear per (re)sample once set up, and neither sorts per replicate:
 *
 * <ul>
 *   <li>Complete columns of small integers (survey ratings, the common case): the average rank of a
 *       value follows from the column's histogram, {@code rank(v) = #below(v) + (#v + 1) / 2}, so
 *       each (re)sample builds one histogram per column and then correlates all drivers' ranks with
 *       the outcome's in one fused pass over the rows.
 *   <li>Anything else: each column is sorted once; a replicate then ranks by walking the sorted
 *       order with its case multiplicities.
 * </ul>
 *
 * A row drawn c times by the bootstrap counts as c tied observations.
 */
final class RankCorrelation {

  private final double[][] cols;
  private final int p;

  /** Per-column order for the general route, or null on the histogram route. */
  private final int[][] order;

  /** Per-column minimum and number of integer values for the histogram route, else null. */
  private final int[] min;

  private final int[] range;

  RankCorrelation(double[][] cols) {
    this(cols, true);
  }

  /** With {@code allowHistogram} false, always takes the sorted-order route (for tests). */
  RankCorrelation(double[][] cols, boolean allowHistogram) {
    this.cols = cols;
    this.p = cols.length - 1;
    int[] mins = new int[cols.length];
    int[] ranges = new int[cols.length];
    boolean small = allowHistogram;
    for (int k = 0; k < cols.length && small; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean integral = true;
      for (double v : cols[k]) {
        lo = Math.min(lo, v); // NaN propagates through min/max and fails the test below
        hi = Math.max(hi, v);
        integral &= v == Math.rint(v);
      }
      small = integral && hi - lo < COUNTING_RANGE && lo >= Integer.MIN_VALUE / 2;
      mins[k] = small ? (int) lo : 0;
      ranges[k] = small ? (int) (hi - lo) + 1 : 0;
    }
    if (small) {
      this.min = mins;
      this.range = ranges;
      this.order = null;
    } else {
      this.min = null;
      this.range = null;
      this.order = new int[cols.length][];
      for (int k = 0; k < cols.length; k++) {
        order[k] = sortedPresent(cols[k]);
      }
    }
  }

  /** Returns Spearman's rho of each driver with the outcome; counts null means 1 each. */
  double[] spearman(int[] counts) {
    return order == null ? spearmanByHistogram(counts) : spearmanBySortedOrder(counts);
  }

  private double[] spearmanByHistogram(int[] counts) {
    int rows = cols[0].length;
    double[][] rank = new double[cols.length][];
    double total = 0;
    for (int k = 0; k < cols.length; k++) {
      double[] hist = new double[range[k]];
      double[] col = cols[k];
      int lo = min[k];
      for (int i = 0; i < rows; i++) {
        hist[(int) col[i] - lo] += counts == null ? 1 : counts[i];
      }
      double below = 0;
      for (int v = 0; v < hist.length; v++) {
        double h = hist[v];
        hist[v] = below + (h + 1) / 2; // the histogram becomes the rank table in place
        below += h;
      }
      rank[k] = hist;
      total = below;
    }
    double mean = (total + 1) / 2;
    double[] sxy = new double[p];
    double[] sxx = new double[p];
    double syy = 0;
    double[] ry = rank[p];
    double[] y = cols[p];
    int ylo = min[p];
    for (int i = 0; i < rows; i++) {
      int c = counts == null ? 1 : counts[i];
      if (c == 0) {
        continue;
      }
      double dy = ry[(int) y[i] - ylo] - mean;
      syy += c * dy * dy;
      double cdy = c * dy;
      for (int j = 0; j < p; j++) {
        double dx = rank[j][(int) cols[j][i] - min[j]] - mean;
        sxy[j] += cdy * dx;
        sxx[j] += c * dx * dx;
      }
    }
    double[] rho = new double[p];
    for (int j = 0; j < p; j++) {
      rho[j] =
          sxx[j] > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy[j] / Math.sqrt(sxx[j] * syy))) : 0;
    }
    return rho;
  }

  private double[] spearmanBySortedOrder(int[] counts) {
    int rows = cols[0].length;
    double[] rx = new double[rows];
    double[] ry = new double[rows];
    double[] rho = new double[p];
    double[] y = cols[p];
    boolean complete = order[p].length == rows;
    for (int j = 0; j < p; j++) {
      double[] x = cols[j];
      double wx = rank(order[j], x, y, counts, rx);
      // With every driver present (listwise data), the outcome's ranks are the same for all.
      if (j == 0 || !(complete && order[j].length == rows && order[j - 1].length == rows)) {
        rank(order[p], y, x, counts, ry);
      }
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

  /** The widest range of integer values that is ordered by counting rather than sorting. */
  private static final int COUNTING_RANGE = 1 << 16;

  /**
   * Returns the indices of the present values in ascending order of value (ties by index).
   *
   * <p>Survey ratings are small integers, so the common case is a counting sort indexed by {@code
   * value - min}: three linear passes with no data-dependent branch to mispredict. Other columns
   * take two primitive sorts: the values, then {@code (rank of value) << 32 | row} packed in longs.
   * No boxing either way.
   */
  private static int[] sortedPresent(double[] x) {
    int present = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean integral = true;
    for (double v : x) {
      if (v == v) { // not NaN
        present++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        integral &= v == Math.rint(v);
      }
    }
    if (present > 0 && integral && max - min < COUNTING_RANGE) {
      return countingOrder(x, (int) min, (int) (max - min) + 1, present);
    }
    return sortingOrder(x, present);
  }

  private static int[] countingOrder(double[] x, int min, int range, int present) {
    int[] start = new int[range + 1];
    for (double v : x) {
      if (v == v) {
        start[(int) v - min + 1]++;
      }
    }
    for (int r = 0; r < range; r++) {
      start[r + 1] += start[r];
    }
    int[] out = new int[present];
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (v == v) {
        out[start[(int) v - min]++] = i;
      }
    }
    return out;
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
