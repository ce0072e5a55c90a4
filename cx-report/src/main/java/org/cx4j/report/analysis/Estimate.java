package org.cx4j.report.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * One headline figure of the report in display units (NPS points, or a percentage), with its
 * confidence interval and sample size: the row behind every bar, point and table cell.
 *
 * @param label what it is the figure of: "overall", a segment, a channel, a period start
 * @param n the number of responses
 * @param value the figure, or {@code NaN} when {@code n == 0}
 * @param lower the interval's lower limit, or {@code NaN} when {@code n == 0}
 * @param upper the interval's upper limit, or {@code NaN} when {@code n == 0}
 * @param small whether {@code n} is below the report's minimum group size, or the figure lies
 *     outside its own interval (the adjusted-Wald NPS interval is centred on the adjusted score):
 *     the figure is unstable, shown, flagged, never hidden
 */
public record Estimate(
    String label, long n, double value, double lower, double upper, boolean small) {

  /**
   * Checks the label and the count.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Estimate {
    Objects.requireNonNull(label, "label");
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative, got " + n);
    }
  }

  /** Returns an estimate of no responses: value and limits are {@code NaN}. */
  public static Estimate empty(String label) {
    return new Estimate(label, 0, Double.NaN, Double.NaN, Double.NaN, true);
  }

  /** Returns whether there were no responses. */
  public boolean isEmpty() {
    return n == 0;
  }

  @Override
  public String toString() {
    if (n == 0) {
      return label + ": n/a (n 0)";
    }
    return String.format(
        Locale.ROOT,
        "%s: %.1f [%.1f, %.1f] (n %d%s)",
        label,
        value,
        lower,
        upper,
        n,
        small ? ", small" : "");
  }
}
