package org.cx4j.metrics.score;

import java.util.Locale;
import java.util.Objects;
import org.cx4j.metrics.score.impl.Stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level, with the method
 * that produced it. Intervals produced by cx4j metrics are clipped to the metric's range.
 *
 * @param lower the lower bound
 * @param upper the upper bound; not less than {@code lower}
 * @param level the confidence level, in (0, 1)
 * @param method the method
 */
public record Interval(double lower, double upper, double level, IntervalMethod method) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if a bound is NaN, {@code lower > upper}, or {@code level} is
   *     outside (0, 1)
   * @throws NullPointerException if {@code method} is null
   */
  public Interval {
    Objects.requireNonNull(method, "method");
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "interval bounds must be ordered numbers, got [" + lower + ", " + upper + "]");
    }
    Stats.checkLevel(level);
  }

  /** Returns {@code upper - lower}. */
  public double width() {
    return upper - lower;
  }

  /** Returns whether {@code lower <= x <= upper}. */
  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "[%s, %s] (%s%% %s)",
        Stats.fmt(lower),
        Stats.fmt(upper),
        Stats.fmt(level * 100),
        method.name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }
}
