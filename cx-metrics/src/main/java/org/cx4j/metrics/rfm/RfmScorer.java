package org.cx4j.metrics.rfm;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;

/**
 * Marketing RFM scores: recency (days since the last purchase at the analysis date), frequency
 * (number of purchases) and monetary value (total spend), each turned into a quintile score 1..5,
 * and a {@link RfmSegment named segment}.
 *
 * <p><b>Quintile rule.</b> For a value {@code v} among {@code n} customers, with {@code below} the
 * number of customers with a smaller value and {@code tied} the number with an equal value (itself
 * included), the mid-percentile is {@code p = (below + tied / 2) / n} and the score is {@code
 * min(5, 1 + floor(5 p))}. Equal values therefore always get equal scores; with distinct values
 * each fifth of the customers gets one score. Recency is scored on the negated number of days, so
 * the most recent customers score 5. A single customer scores 3 on each dimension.
 *
 * <p>Transactions after the analysis date are ignored; dates are taken in the given zone.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmScorer {

  private final LocalDate analysisDate;
  private final ZoneId zone;

  private RfmScorer(LocalDate analysisDate, ZoneId zone) {
    this.analysisDate = Objects.requireNonNull(analysisDate, "analysisDate");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * Returns a scorer at {@code analysisDate}, dating transactions in {@code zone}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static RfmScorer at(LocalDate analysisDate, ZoneId zone) {
    return new RfmScorer(analysisDate, zone);
  }

  /**
   * Returns the scores of every customer with a purchase on or before the analysis date, sorted by
   * customer id; empty for no such transactions.
   *
   * @throws IllegalArgumentException if an amount is negative (net refunds first)
   * @throws NullPointerException if {@code transactions} or an element is null
   */
  public List<RfmScore> score(Collection<Transaction> transactions) {
    Map<CustomerId, long[]> counts = new HashMap<>();
    Map<CustomerId, double[]> spend = new HashMap<>();
    for (Transaction t : transactions) {
      if (!(t.amount() >= 0)) {
        throw new IllegalArgumentException(
            "amount must be at least 0, got "
                + t.amount()
                + " for customer "
                + t.customer()
                + " at "
                + t.timestamp());
      }
      LocalDate d = t.timestamp().atZone(zone).toLocalDate();
      if (d.isAfter(analysisDate)) {
        continue;
      }
      long[] c = counts.computeIfAbsent(t.customer(), k -> new long[] {Long.MIN_VALUE, 0});
      c[0] = Math.max(c[0], d.toEpochDay());
      c[1]++;
      // Neumaier-compensated: [sum, compensation], so totals keep their cents.
      double[] m = spend.computeIfAbsent(t.customer(), k -> new double[2]);
      double sum = m[0] + t.amount();
      m[1] +=
          Math.abs(m[0]) >= Math.abs(t.amount())
              ? (m[0] - sum) + t.amount()
              : (t.amount() - sum) + m[0];
      m[0] = sum;
    }
    List<CustomerId> ids = new ArrayList<>(counts.keySet());
    ids.sort(Comparator.naturalOrder());
    int n = ids.size();
    double[] negRecency = new double[n];
    double[] freq = new double[n];
    double[] money = new double[n];
    for (int i = 0; i < n; i++) {
      long[] c = counts.get(ids.get(i));
      negRecency[i] = -(analysisDate.toEpochDay() - c[0]);
      freq[i] = c[1];
      double[] m = spend.get(ids.get(i));
      money[i] = m[0] + m[1];
    }
    int[] rs = quintiles(negRecency);
    int[] fs = quintiles(freq);
    int[] ms = quintiles(money);
    List<RfmScore> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long last = counts.get(ids.get(i))[0];
      out.add(
          new RfmScore(
              ids.get(i),
              LocalDate.ofEpochDay(last),
              ChronoUnit.DAYS.between(LocalDate.ofEpochDay(last), analysisDate),
              (long) freq[i],
              money[i],
              rs[i],
              fs[i],
              ms[i],
              RfmSegment.of(rs[i], fs[i])));
    }
    return List.copyOf(out);
  }

  /**
   * Returns the quintile score 1..5 of each value by the mid-percentile rule of the class
   * documentation; {@code O(n log n)}.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public static int[] quintiles(double[] values) {
    int n = values.length;
    double[] sorted = values.clone();
    for (double v : sorted) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values must not be NaN");
      }
    }
    Arrays.sort(sorted);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int below = lowerBound(sorted, values[i]);
      int tied = lowerBound(sorted, Math.nextUp(values[i])) - below;
      double p = (below + tied / 2.0) / n;
      out[i] = Math.min(5, 1 + (int) Math.floor(5 * p));
    }
    return out;
  }

  /** Returns the number of elements of {@code sorted} strictly less than {@code v}. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
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

  @Override
  public String toString() {
    return "RfmScorer[at " + analysisDate + ", " + zone + "]";
  }
}
