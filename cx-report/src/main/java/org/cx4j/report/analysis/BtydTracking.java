package org.cx4j.report.analysis;

import java.util.Objects;
import org.cx4j.metrics.clv.PurchaseModel;

/**
 * The arithmetic of the BTYD tracking plot (Fader, Hardie and Lee 2005, figure 2; Python lifetimes'
 * {@code expected_cumulative_transactions}): actual and expected cumulative repeat transactions of
 * all customers by calendar day.
 *
 * <p>Days are counted from an origin (day 0, the first purchase of anyone). A customer acquired on
 * day {@code s} has, by the end of day {@code D >= s}, been observed for {@code (D - s) / u} model
 * time units ({@code u} days per unit: 7 for weeks), the same convention as {@code
 * BtydSummarizer}'s {@code T}. Repeat purchases by then are {@code X((D - s) / u)}, whose
 * expectation under the model, for a customer about whom nothing else is known, is the
 * unconditional {@link PurchaseModel#expectedPurchases(double) E[X(t)]} (FHL 2005 eq. 9 for
 * BG/NBD). Summing over customers by linearity of expectation:
 *
 * <pre>{@code
 * expected(D) = sum_{s <= D} n_s E[X((D - s) / u)]
 * }</pre>
 *
 * with {@code n_s} the customers acquired on day {@code s}, computed by cx-metrics' {@link
 * PurchaseModel#trackingCurve} with times {@code s / u} and {@code D / u} (customers acquired on
 * the same day are evaluated once).
 *
 * <p>Actual repeat transactions are counted as the model counts them: a customer's purchase days
 * after the first (several purchases on one day are one).
 */
public final class BtydTracking {

  private BtydTracking() {}

  /**
   * Returns {@code expected(D)} (class formula) at each of {@code endDays}.
   *
   * @param model the fitted purchase model
   * @param birthsByDay {@code birthsByDay[s]}: the customers whose first purchase is on day {@code
   *     s}
   * @param endDays the days {@code D} at whose end the cumulative count is wanted, each at least 0
   * @param daysPerUnit days per model time unit (7 for weeks), positive
   * @return one expected cumulative count per end day; 0 for a day before every acquisition
   * @throws IllegalArgumentException if a count or an end day is negative, or {@code daysPerUnit}
   *     is not positive and finite
   */
  public static double[] expectedCumulative(
      PurchaseModel model, long[] birthsByDay, int[] endDays, double daysPerUnit) {
    Objects.requireNonNull(model, "model");
    if (!(daysPerUnit > 0) || !Double.isFinite(daysPerUnit)) {
      throw new IllegalArgumentException(
          "daysPerUnit must be positive and finite, got " + daysPerUnit);
    }
    for (int d : endDays) {
      if (d < 0) {
        throw new IllegalArgumentException("end days must be at least 0, got " + d);
      }
    }
    for (int s = 0; s < birthsByDay.length; s++) {
      if (birthsByDay[s] < 0) {
        throw new IllegalArgumentException(
            "birthsByDay[" + s + "] must be at least 0, got " + birthsByDay[s]);
      }
    }
    long n = 0;
    for (long c : birthsByDay) {
      n += c;
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "at most " + (Integer.MAX_VALUE - 8) + " customers, got " + n);
    }
    // cx-metrics' tracking curve on one calendar axis in model time units.
    double[] acquisitions = new double[(int) n];
    int k = 0;
    for (int s = 0; s < birthsByDay.length; s++) {
      for (long c = 0; c < birthsByDay[s]; c++) {
        acquisitions[k++] = s / daysPerUnit;
      }
    }
    double[] times = new double[endDays.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = endDays[i] / daysPerUnit;
    }
    return model.trackingCurve(acquisitions, times);
  }

  /**
   * Returns the running total of {@code perDay} at the end of each of {@code endDays}: {@code
   * sum_{d <= D} perDay[d]}.
   *
   * @throws IllegalArgumentException if an end day is negative
   */
  public static long[] cumulative(long[] perDay, int[] endDays) {
    long[] running = new long[perDay.length];
    long sum = 0;
    for (int d = 0; d < perDay.length; d++) {
      sum += perDay[d];
      running[d] = sum;
    }
    long[] out = new long[endDays.length];
    for (int k = 0; k < endDays.length; k++) {
      if (endDays[k] < 0) {
        throw new IllegalArgumentException("end days must be at least 0, got " + endDays[k]);
      }
      out[k] = perDay.length == 0 ? 0 : running[Math.min(endDays[k], perDay.length - 1)];
    }
    return out;
  }

  /**
   * Returns the last day of each calendar week of {@code days} days counted from day 0: {@code 6,
   * 13, 20, ...}, the last (possibly partial) week ending on day {@code days - 1}.
   *
   * @throws IllegalArgumentException if {@code days < 1}
   */
  public static int[] weekEnds(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, got " + days);
    }
    int weeks = (days + 6) / 7;
    int[] out = new int[weeks];
    for (int k = 0; k < weeks; k++) {
      out[k] = Math.min(7 * k + 6, days - 1);
    }
    return out;
  }
}
