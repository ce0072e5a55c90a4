package org.cx4j.metrics.survival;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.internal.ActivityColumns;

/**
 * Survival data (time to churn) derived from customer activity: a customer has churned when it has
 * had no activity for at least a user-chosen gap before the observation end.
 *
 * <p>For each customer with first activity {@code f} and last activity {@code l}, observed until
 * {@code end}:
 *
 * <ul>
 *   <li>if {@code end - l >= gap}: churned (event), time {@code l - f}: the event time is the last
 *       activity;
 *   <li>otherwise (the last activity falls within the gap before {@code end}): censored, time
 *       {@code end - f}.
 * </ul>
 *
 * <p>Times are measured from each customer's first activity in units of {@code timeUnit} (e.g.
 * {@code Duration.ofDays(1)} for days), as doubles. Gaps between earlier activities do not count: a
 * customer who paused for longer than the gap and came back is not churned. Customers with no
 * activity (codes without rows) are left out.
 *
 * @param customers the customer code of each row of the survival data, ascending
 * @param times the time from first activity to churn or censoring, in {@code timeUnit}
 * @param churned whether the customer churned (true) or was censored (false)
 */
public record ChurnSurvival(int[] customers, double[] times, boolean[] churned) {

  /**
   * Derives survival data from activity.
   *
   * @param log the activity
   * @param gap the inactivity after which a customer counts as churned, positive
   * @param observationEnd the end of observation, not before any activity
   * @param timeUnit the unit of the returned times, positive
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code gap} or {@code timeUnit} is not positive, or some
   *     activity lies after {@code observationEnd} (the row and instant are named)
   */
  public static ChurnSurvival fromActivity(
      ActivityLog log, Duration gap, Instant observationEnd, Duration timeUnit) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(observationEnd, "observationEnd");
    Objects.requireNonNull(timeUnit, "timeUnit");
    if (gap.isNegative() || gap.isZero()) {
      throw new IllegalArgumentException("gap must be positive, got " + gap);
    }
    if (timeUnit.isNegative() || timeUnit.isZero()) {
      throw new IllegalArgumentException("timeUnit must be positive, got " + timeUnit);
    }
    long end = observationEnd.toEpochMilli();
    long gapMs = gap.toMillis();
    double unitMs = timeUnit.toNanos() / 1e6;
    ActivityColumns.View cols = ActivityColumns.of(log);
    int[] cust = cols.customers();
    long[] when = cols.epochMillis();
    int m = log.customerCount();
    long[] first = new long[m];
    long[] last = new long[m];
    Arrays.fill(first, Long.MAX_VALUE);
    Arrays.fill(last, Long.MIN_VALUE);
    for (int i = 0; i < cust.length; i++) {
      long t = when[i];
      if (t > end) {
        throw new IllegalArgumentException(
            "activity of customer "
                + log.customerId(cust[i])
                + " at "
                + Instant.ofEpochMilli(t)
                + " (row "
                + i
                + ") is after observationEnd "
                + observationEnd);
      }
      int c = cust[i];
      first[c] = Math.min(first[c], t);
      last[c] = Math.max(last[c], t);
    }
    int active = 0;
    for (int c = 0; c < m; c++) {
      if (first[c] != Long.MAX_VALUE) {
        active++;
      }
    }
    int[] ids = new int[active];
    double[] times = new double[active];
    boolean[] churned = new boolean[active];
    int k = 0;
    for (int c = 0; c < m; c++) {
      if (first[c] == Long.MAX_VALUE) {
        continue;
      }
      ids[k] = c;
      boolean gone = end - last[c] >= gapMs;
      churned[k] = gone;
      times[k] = ((gone ? last[c] : end) - first[c]) / unitMs;
      k++;
    }
    return new ChurnSurvival(ids, times, churned);
  }

  /**
   * Copies the arrays.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public ChurnSurvival {
    customers = customers.clone();
    times = times.clone();
    churned = churned.clone();
    if (times.length != customers.length || churned.length != customers.length) {
      throw new IllegalArgumentException(
          "customers, times and churned must have one length, got "
              + customers.length
              + ", "
              + times.length
              + " and "
              + churned.length);
    }
  }

  /** Returns a copy of the customer codes. */
  @Override
  public int[] customers() {
    return customers.clone();
  }

  /** Returns a copy of the times. */
  @Override
  public double[] times() {
    return times.clone();
  }

  /** Returns a copy of the churn flags. */
  @Override
  public boolean[] churned() {
    return churned.clone();
  }

  /** Returns the number of customers. */
  public int size() {
    return times.length;
  }

  /** Returns the number of churned customers. */
  public int churnCount() {
    int n = 0;
    for (boolean b : churned) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** Returns the Kaplan-Meier estimate of the time to churn. */
  public KaplanMeier kaplanMeier() {
    return KaplanMeier.fit(times, churned);
  }

  /**
   * Returns the log-rank test comparing segments, given the segment code of each customer code.
   *
   * @throws IllegalArgumentException as {@link LogRankTest#of(double[], boolean[], int[])}, or if
   *     {@code segmentOfCustomer} does not cover every customer code
   */
  public LogRankTest logRank(int[] segmentOfCustomer) {
    int[] groups = new int[customers.length];
    for (int i = 0; i < customers.length; i++) {
      int c = customers[i];
      if (c >= segmentOfCustomer.length) {
        throw new IllegalArgumentException(
            "segmentOfCustomer has length " + segmentOfCustomer.length + ", needs customer " + c);
      }
      groups[i] = segmentOfCustomer[c];
    }
    return LogRankTest.of(times, churned, groups);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChurnSurvival s
        && Arrays.equals(customers, s.customers)
        && Arrays.equals(times, s.times)
        && Arrays.equals(churned, s.churned);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(customers) * 31 * 31
        + Arrays.hashCode(times) * 31
        + Arrays.hashCode(churned);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "ChurnSurvival[%d customers, %d churned]", size(), churnCount());
  }
}
