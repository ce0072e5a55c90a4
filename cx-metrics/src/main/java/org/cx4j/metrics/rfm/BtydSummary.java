package org.cx4j.metrics.rfm;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;

/**
 * One customer's "buy till you die" summary over a calibration period, with the literature's
 * conventions (Fader, Hardie and Lee 2005; the BTYD R package; Python lifetimes): purchases in the
 * same period (a day by default) are merged into one; the first purchase is not counted.
 *
 * @param customer the customer
 * @param firstPurchase the date (in the summarizer's zone) of the first purchase
 * @param frequency {@code x}: the number of repeat purchase periods in calibration
 * @param recency {@code t_x}: the time from the first purchase to the last one, 0 when {@code x =
 *     0}
 * @param age {@code T}: the time from the first purchase to the end of calibration
 * @param monetaryValue the mean amount of the repeat purchases (each merged period's sum), 0 when
 *     {@code x = 0}; the first purchase is excluded, as the Gamma-Gamma model requires
 * @param holdoutFrequency the number of purchase periods in the holdout period (0 without holdout)
 * @param holdoutMonetaryValue the mean amount of those holdout purchases, 0 when there are none
 * @param holdoutDuration the length of the holdout period (0 without holdout)
 */
public record BtydSummary(
    CustomerId customer,
    LocalDate firstPurchase,
    int frequency,
    double recency,
    double age,
    double monetaryValue,
    int holdoutFrequency,
    double holdoutMonetaryValue,
    double holdoutDuration) {

  /**
   * Validates the summary.
   *
   * @throws NullPointerException if {@code customer} or {@code firstPurchase} is null
   * @throws IllegalArgumentException if a count is negative, {@code recency} is negative or not
   *     finite, {@code age < recency} ("T smaller than recency"), a monetary value is negative or
   *     NaN, or {@code recency != 0} while {@code frequency == 0}
   */
  public BtydSummary {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(firstPurchase, "firstPurchase");
    if (frequency < 0 || holdoutFrequency < 0) {
      throw new IllegalArgumentException(
          "frequencies must be at least 0, got "
              + frequency
              + " and "
              + holdoutFrequency
              + " for customer "
              + customer);
    }
    if (!(recency >= 0) || !Double.isFinite(recency)) {
      throw new IllegalArgumentException(
          "recency must be finite and at least 0, got " + recency + " for customer " + customer);
    }
    if (!(age >= recency) || !Double.isFinite(age)) {
      throw new IllegalArgumentException(
          "age T must be finite and at least the recency "
              + recency
              + ", got "
              + age
              + " for customer "
              + customer);
    }
    if (frequency == 0 && recency != 0) {
      throw new IllegalArgumentException(
          "recency must be 0 when frequency is 0, got " + recency + " for customer " + customer);
    }
    if (!(monetaryValue >= 0) || !(holdoutMonetaryValue >= 0) || !(holdoutDuration >= 0)) {
      throw new IllegalArgumentException(
          "monetary values and holdout duration must be at least 0 and not NaN, got "
              + monetaryValue
              + ", "
              + holdoutMonetaryValue
              + ", "
              + holdoutDuration
              + " for customer "
              + customer);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: x=%d, t_x=%.4g, T=%.4g, m=%.2f%s",
        customer,
        frequency,
        recency,
        age,
        monetaryValue,
        holdoutDuration > 0
            ? String.format(
                Locale.ROOT, ", holdout x*=%d in %.4g", holdoutFrequency, holdoutDuration)
            : "");
  }
}
