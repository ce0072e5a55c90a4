package org.cx4j.metrics.clv;

import java.util.Locale;

/**
 * The historical (descriptive) customer lifetime value of a group of customers:
 *
 * <pre>{@code
 * CLV = average order value * purchase frequency * expected lifespan * margin
 * }</pre>
 *
 * with average order value = revenue / orders, purchase frequency = orders per customer per period,
 * and the expected lifespan in the same periods (often {@code 1 / churn rate} per period). No
 * discounting, no heterogeneity: a quick benchmark figure, not a forecast for one customer; use
 * {@link DiscountedClv} for that.
 *
 * @param averageOrderValue revenue per order, at least 0
 * @param purchaseFrequency orders per customer per period, at least 0
 * @param expectedLifespan periods a customer stays, at least 0
 * @param margin share of revenue that is profit, in (0, 1]; 1 for revenue-based CLV
 */
public record HistoricalClv(
    double averageOrderValue, double purchaseFrequency, double expectedLifespan, double margin) {

  /**
   * Validates the inputs.
   *
   * @throws IllegalArgumentException if a value is NaN, infinite or out of its range
   */
  public HistoricalClv {
    nonNegative("averageOrderValue", averageOrderValue);
    nonNegative("purchaseFrequency", purchaseFrequency);
    nonNegative("expectedLifespan", expectedLifespan);
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin must be in (0, 1], got " + margin);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and at least 0, got " + v);
    }
  }

  /**
   * Returns the historical CLV from totals: {@code AOV = revenue / orders}, {@code frequency =
   * orders / (customers * periods)}; margin 1. With no orders, AOV and frequency are 0.
   *
   * @param revenue total revenue of the customers in the observation window, at least 0
   * @param orders number of orders in the window, at least 0
   * @param customers number of distinct customers, at least 1
   * @param periods the window length in periods, positive
   * @param expectedLifespan expected lifespan in the same periods, at least 0
   * @throws IllegalArgumentException if a value is out of range
   */
  public static HistoricalClv fromTotals(
      double revenue, long orders, long customers, double periods, double expectedLifespan) {
    nonNegative("revenue", revenue);
    if (orders < 0) {
      throw new IllegalArgumentException("orders must be at least 0, got " + orders);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1, got " + customers);
    }
    if (!(periods > 0) || !Double.isFinite(periods)) {
      throw new IllegalArgumentException("periods must be positive and finite, got " + periods);
    }
    double aov = orders == 0 ? 0 : revenue / orders;
    double frequency = orders / ((double) customers * periods);
    return new HistoricalClv(aov, frequency, expectedLifespan, 1);
  }

  /**
   * Returns the expected lifespan {@code 1 / churnRate} for a constant churn rate per period.
   *
   * @throws IllegalArgumentException if {@code churnRate} is not in (0, 1]
   */
  public static double lifespanFromChurn(double churnRate) {
    if (!(churnRate > 0 && churnRate <= 1)) {
      throw new IllegalArgumentException("churnRate must be in (0, 1], got " + churnRate);
    }
    return 1 / churnRate;
  }

  /**
   * Returns a copy with the given margin.
   *
   * @throws IllegalArgumentException if {@code margin} is not in (0, 1]
   */
  public HistoricalClv withMargin(double margin) {
    return new HistoricalClv(averageOrderValue, purchaseFrequency, expectedLifespan, margin);
  }

  /** Returns {@code averageOrderValue * purchaseFrequency * expectedLifespan}, before margin. */
  public double revenueValue() {
    return averageOrderValue * purchaseFrequency * expectedLifespan;
  }

  /** Returns {@code revenueValue() * margin}. */
  public double value() {
    return revenueValue() * margin;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "HistoricalClv[%.2f = AOV %.2f x %.4g/period x %.4g periods x margin %.2f]",
        value(),
        averageOrderValue,
        purchaseFrequency,
        expectedLifespan,
        margin);
  }
}
