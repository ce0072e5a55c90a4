package org.cx4j.metrics.clv;

import java.util.Arrays;

/**
 * The "buy till you die" sufficient statistics of a customer base, in columns: for each customer
 * {@code x} (frequency, the number of repeat purchases), {@code t_x} (recency, the time of the last
 * purchase measured from the first) and {@code T} (age, the time from the first purchase to the end
 * of calibration), all times in one unit (weeks for CDNOW). This is the input of {@link
 * BgNbdModel#fit(RepeatPurchaseData)} and {@link ParetoNbdModel#fit(RepeatPurchaseData)}.
 *
 * <p>Immutable: the factories copy the arrays and the accessors return copies. The distinct
 * frequencies are indexed once here, so that a likelihood evaluation computes the log-gamma terms
 * once per distinct {@code x}, not once per customer.
 *
 * <p>An empty data set (no customers) is allowed here; the fitters reject it.
 */
public final class RepeatPurchaseData {

  final int[] x;
  final double[] tx;
  final double[] t;

  /** The distinct frequencies, ascending. */
  final int[] distinctX;

  /** For each customer, the index of its frequency in {@link #distinctX}. */
  final int[] xIndex;

  /**
   * The same customers split for the likelihood's hot loop: ages of the {@code x = 0} customers,
   * and {@code x, t_x, T} and the distinct-x index of the others. Two branch-free loops beat one
   * loop whose {@code x == 0} test is unpredictable (about half the customers of a typical base).
   */
  final double[] zeroAge;

  final int[] repX;
  final int[] repIndex;
  final double[] repTx;
  final double[] repAge;

  /**
   * Counted rows only ({@link #wrapCounts}, for {@link BgNbdModel#fit(RepeatPurchaseData,
   * long[])}): the number of customers each row of {@link #zeroAge} and of the {@code rep} columns
   * stands for; null when every row is one customer.
   */
  final double[] zeroCount;

  final double[] repCount;

  /** The number of customers: the rows, or the sum of the counts. */
  final long customers;

  private RepeatPurchaseData(int[] x, double[] tx, double[] t) {
    this(x, tx, t, null);
  }

  private RepeatPurchaseData(int[] x, double[] tx, double[] t, long[] counts) {
    this.x = x;
    this.tx = tx;
    this.t = t;
    int[] sorted = x.clone();
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    this.distinctX = Arrays.copyOf(sorted, k);
    this.xIndex = new int[x.length];
    int zeros = 0;
    for (int i = 0; i < x.length; i++) {
      xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
      if (x[i] == 0) {
        zeros++;
      }
    }
    int reps = x.length - zeros;
    this.zeroAge = new double[zeros];
    this.repX = new int[reps];
    this.repIndex = new int[reps];
    this.repTx = new double[reps];
    this.repAge = new double[reps];
    this.zeroCount = counts == null ? null : new double[zeros];
    this.repCount = counts == null ? null : new double[reps];
    long total = counts == null ? x.length : 0;
    int z = 0;
    int q = 0;
    for (int i = 0; i < x.length; i++) {
      if (counts != null) {
        total += counts[i];
        if (x[i] == 0) {
          zeroCount[z] = counts[i];
        } else {
          repCount[q] = counts[i];
        }
      }
      if (x[i] == 0) {
        zeroAge[z++] = t[i];
      } else {
        repX[q] = x[i];
        repIndex[q] = xIndex[i];
        repTx[q] = tx[i];
        repAge[q++] = t[i];
      }
    }
    this.customers = total;
  }

  /**
   * Returns the data for the given columns (copied).
   *
   * @param frequency {@code x}: repeat purchases, each at least 0
   * @param recency {@code t_x}: time of the last purchase since the first, finite, at least 0, and
   *     0 where {@code x == 0}
   * @param age {@code T}: time from the first purchase to the end of calibration, finite, at least
   *     {@code t_x}
   * @throws IllegalArgumentException if the lengths differ or a value breaks the rules above (the
   *     message names the customer index and the values)
   * @throws NullPointerException if an array is null
   */
  public static RepeatPurchaseData of(int[] frequency, double[] recency, double[] age) {
    int n = frequency.length;
    if (recency.length != n || age.length != n) {
      throw new IllegalArgumentException(
          "frequency, recency and age must have the same length, got "
              + n
              + ", "
              + recency.length
              + ", "
              + age.length);
    }
    for (int i = 0; i < n; i++) {
      check(i, frequency[i], recency[i], age[i]);
    }
    return new RepeatPurchaseData(frequency.clone(), recency.clone(), age.clone());
  }

  /** Trusted factory for arrays built in this package (not copied). */
  static RepeatPurchaseData wrap(int[] frequency, double[] recency, double[] age) {
    return new RepeatPurchaseData(frequency, recency, age);
  }

  /**
   * Trusted factory for counted rows (row {@code i} stands for {@code counts[i]} customers, each at
   * least 1): only the BG/NBD likelihood reads the counts, so such data never leave the package.
   */
  static RepeatPurchaseData wrapCounts(RepeatPurchaseData rows, long[] counts) {
    return new RepeatPurchaseData(rows.x, rows.tx, rows.t, counts);
  }

  static void check(int i, int x, double tx, double t) {
    if (x < 0) {
      throw new IllegalArgumentException(
          "frequency of customer " + i + " must be at least 0, got " + x);
    }
    if (!(tx >= 0) || !Double.isFinite(tx)) {
      throw new IllegalArgumentException(
          "recency of customer " + i + " must be finite and at least 0, got " + tx);
    }
    if (!Double.isFinite(t) || !(t >= tx)) {
      throw new IllegalArgumentException(
          "age T of customer "
              + i
              + " must be finite and at least its recency "
              + tx
              + ", got "
              + t);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException(
          "recency of customer " + i + " must be 0 when its frequency is 0, got " + tx);
    }
  }

  /** Returns the number of customers. */
  public int size() {
    return x.length;
  }

  /** Returns a copy of the frequencies {@code x}. */
  public int[] frequency() {
    return x.clone();
  }

  /** Returns a copy of the recencies {@code t_x}. */
  public double[] recency() {
    return tx.clone();
  }

  /** Returns a copy of the ages {@code T}. */
  public double[] age() {
    return t.clone();
  }

  /** Returns the frequency of customer {@code i}. */
  public int frequency(int i) {
    return x[i];
  }

  /** Returns the recency of customer {@code i}. */
  public double recency(int i) {
    return tx[i];
  }

  /** Returns the age {@code T} of customer {@code i}. */
  public double age(int i) {
    return t[i];
  }

  /** Returns the number of customers with no repeat purchase ({@code x == 0}). */
  public int zeroRepeaters() {
    return zeroAge.length;
  }

  /**
   * Returns the mean age {@code T} (running mean), or 0 when empty; sets the fitters' time scale.
   */
  double meanAge() {
    double mean = 0;
    if (zeroCount != null) {
      // West's weighted running mean over the counted rows.
      double seen = 0;
      for (int i = 0; i < zeroAge.length; i++) {
        if (zeroCount[i] > 0) {
          seen += zeroCount[i];
          mean += zeroCount[i] * (zeroAge[i] - mean) / seen;
        }
      }
      for (int i = 0; i < repAge.length; i++) {
        if (repCount[i] > 0) {
          seen += repCount[i];
          mean += repCount[i] * (repAge[i] - mean) / seen;
        }
      }
      return mean;
    }
    for (int i = 0; i < t.length; i++) {
      mean += (t[i] - mean) / (i + 1);
    }
    return mean;
  }

  /** Returns the largest frequency, or 0 when empty. */
  public int maxFrequency() {
    return distinctX.length == 0 ? 0 : distinctX[distinctX.length - 1];
  }

  @Override
  public String toString() {
    return "RepeatPurchaseData["
        + x.length
        + " customers, "
        + zeroRepeaters()
        + " with x = 0, max x = "
        + maxFrequency()
        + "]";
  }
}
