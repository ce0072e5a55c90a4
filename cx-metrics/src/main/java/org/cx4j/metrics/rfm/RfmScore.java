package org.cx4j.metrics.rfm;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;

/**
 * One customer's marketing RFM values and quintile scores at an analysis date.
 *
 * <p>Marketing recency is the time <em>since</em> the last purchase at the analysis date, unlike
 * the BTYD recency {@code t_x} of {@link BtydSummary} (time of the last purchase since the first).
 *
 * @param customer the customer
 * @param lastPurchase the date of the last purchase
 * @param recencyDays days from the last purchase to the analysis date, at least 0
 * @param frequency the number of purchases (transactions) up to the analysis date, at least 1
 * @param monetary the total spend up to the analysis date, at least 0
 * @param recencyScore 1..5, 5 for the most recent fifth
 * @param frequencyScore 1..5, 5 for the most frequent fifth
 * @param monetaryScore 1..5, 5 for the highest-spending fifth
 * @param segment the named segment from R and F ({@link RfmSegment#of(int, int)})
 */
public record RfmScore(
    CustomerId customer,
    LocalDate lastPurchase,
    long recencyDays,
    long frequency,
    double monetary,
    int recencyScore,
    int frequencyScore,
    int monetaryScore,
    RfmSegment segment) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if an object field is null
   * @throws IllegalArgumentException if a value is out of its range
   */
  public RfmScore {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(lastPurchase, "lastPurchase");
    Objects.requireNonNull(segment, "segment");
    if (recencyDays < 0 || frequency < 1 || !(monetary >= 0)) {
      throw new IllegalArgumentException(
          "need recencyDays >= 0, frequency >= 1, monetary >= 0; got "
              + recencyDays
              + ", "
              + frequency
              + ", "
              + monetary
              + " for "
              + customer);
    }
    for (int s : new int[] {recencyScore, frequencyScore, monetaryScore}) {
      if (s < 1 || s > 5) {
        throw new IllegalArgumentException("scores must be in 1..5, got " + s + " for " + customer);
      }
    }
  }

  /** Returns the three scores as a code such as {@code "545"}. */
  public String code() {
    return "" + recencyScore + frequencyScore + monetaryScore;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s %s (%d days, %d purchases, %.2f)",
        customer,
        code(),
        segment,
        recencyDays,
        frequency,
        monetary);
  }
}
