package org.cx4j.metrics.clv;

/**
 * A two-sided interval for an estimate, for example a confidence interval of a parameter or a
 * prediction interval of a customer's purchases.
 *
 * @param estimate the point estimate
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the nominal coverage, in (0, 1)
 */
public record IntervalEstimate(double estimate, double lower, double upper, double level) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if {@code lower > upper}, a bound is NaN, or {@code level} is
   *     not in (0, 1)
   */
  public IntervalEstimate {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException(
          "lower must be at most upper, got lower=" + lower + ", upper=" + upper);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
  }

  /** Returns {@code upper - lower}. */
  public double width() {
    return upper - lower;
  }

  /** Returns whether {@code lower <= value <= upper}. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "%.6g [%.6g, %.6g] (%.0f%%)", estimate, lower, upper, level * 100);
  }
}
