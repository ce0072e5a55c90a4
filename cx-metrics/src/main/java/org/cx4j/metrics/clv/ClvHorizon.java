package org.cx4j.metrics.clv;

/**
 * The horizon and economics of a discounted CLV: {@code periods} periods of {@code periodLength}
 * model time units each (for a model fitted in weeks, {@code periodLength = 4.345} is a month), a
 * discount rate per period, and a profit margin applied to spend.
 *
 * @param periods the number of future periods summed, at least 1
 * @param periodLength the length of a period in the model's time unit, positive
 * @param discountRate {@code d}, the discount rate per period (0.01 for 1% a month), at least 0
 * @param margin the share of spend that is profit, in (0, 1]; 1 for revenue
 */
public record ClvHorizon(int periods, double periodLength, double discountRate, double margin) {

  /**
   * Validates the horizon.
   *
   * @throws IllegalArgumentException if a value is outside the ranges above
   */
  public ClvHorizon {
    if (periods < 1) {
      throw new IllegalArgumentException("periods must be at least 1, got " + periods);
    }
    if (!(periodLength > 0) || !Double.isFinite(periodLength)) {
      throw new IllegalArgumentException(
          "periodLength must be positive and finite, got " + periodLength);
    }
    if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
      throw new IllegalArgumentException(
          "discountRate must be finite and at least 0, got " + discountRate);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin must be in (0, 1], got " + margin);
    }
  }

  /**
   * Returns a revenue horizon (margin 1).
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ClvHorizon of(int periods, double periodLength, double discountRate) {
    return new ClvHorizon(periods, periodLength, discountRate, 1);
  }
}
