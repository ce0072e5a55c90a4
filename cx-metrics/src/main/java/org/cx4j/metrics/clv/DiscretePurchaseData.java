package org.cx4j.metrics.clv;

import java.util.Arrays;
import java.util.Locale;

/**
 * Discrete-time repeat-transaction histories for {@link BgBbModel}: rows of frequency {@code x}
 * (transactions in the {@code n} opportunities after the first), recency {@code t_x} (the
 * opportunity of the last transaction, 0 when {@code x = 0}) and {@code n} (opportunities
 * observed), each with a weight: the number of customers sharing the row (for example the donations
 * data of Fader, Hardie and Shang 2010: 22 rows, 11,104 donors) or 1 per customer.
 *
 * <p>Immutable: the factory copies the arrays and the accessors return copies. An empty data set is
 * allowed here; the fitter rejects it.
 */
public final class DiscretePurchaseData {

  final int[] x;
  final int[] tx;
  final int[] n;
  final double[] weights;
  private final double totalWeight;

  private DiscretePurchaseData(int[] x, int[] tx, int[] n, double[] weights) {
    this.x = x;
    this.tx = tx;
    this.n = n;
    this.weights = weights;
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    this.totalWeight = s;
  }

  /**
   * Returns weighted rows (arrays copied).
   *
   * @param x frequencies, {@code 0 <= x <= n}
   * @param tx recencies: 0 when {@code x = 0}, otherwise {@code x <= t_x <= n}
   * @param n opportunities, at least 1
   * @param weights customers per row, non-negative and finite (0 keeps a row without effect)
   * @throws IllegalArgumentException if the arrays differ in length or a row is invalid, naming the
   *     row index, the field and the value
   */
  public static DiscretePurchaseData of(int[] x, int[] tx, int[] n, double[] weights) {
    if (x.length != tx.length || x.length != n.length || x.length != weights.length) {
      throw new IllegalArgumentException(
          "x, tx, n and weights must have the same length, got "
              + x.length
              + ", "
              + tx.length
              + ", "
              + n.length
              + " and "
              + weights.length);
    }
    for (int i = 0; i < x.length; i++) {
      check(i, x[i], tx[i], n[i]);
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            "weight of row " + i + " must be non-negative and finite, got " + weights[i]);
      }
    }
    return new DiscretePurchaseData(x.clone(), tx.clone(), n.clone(), weights.clone());
  }

  /**
   * Returns one row per customer (weight 1).
   *
   * @throws IllegalArgumentException as {@link #of(int[], int[], int[], double[])}
   */
  public static DiscretePurchaseData of(int[] x, int[] tx, int[] n) {
    double[] w = new double[x.length];
    Arrays.fill(w, 1);
    return of(x, tx, n, w);
  }

  static void check(int row, int x, int tx, int n) {
    String where = row < 0 ? "" : " in row " + row;
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1" + where + ", got " + n);
    }
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("x must be in [0, n = " + n + "]" + where + ", got " + x);
    }
    if (x == 0 ? tx != 0 : (tx < x || tx > n)) {
      throw new IllegalArgumentException(
          (x == 0 ? "t_x must be 0 when x = 0" : "t_x must be in [x = " + x + ", n = " + n + "]")
              + where
              + ", got "
              + tx);
    }
  }

  /** Returns the number of rows. */
  public int rows() {
    return x.length;
  }

  /** Returns the sum of the weights: the number of customers for frequency weights. */
  public double totalWeight() {
    return totalWeight;
  }

  /** Returns a copy of the frequencies. */
  public int[] frequency() {
    return x.clone();
  }

  /** Returns a copy of the recencies. */
  public int[] recency() {
    return tx.clone();
  }

  /** Returns a copy of the opportunity counts. */
  public int[] opportunities() {
    return n.clone();
  }

  /** Returns a copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "DiscretePurchaseData[%d rows, total weight %.6g]", x.length, totalWeight);
  }
}
