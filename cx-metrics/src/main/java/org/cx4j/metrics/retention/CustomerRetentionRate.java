package org.cx4j.metrics.retention;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The customer retention rate of a period:
 *
 * <pre>{@code
 * CRR   = (E - N) / S
 * churn = 1 - CRR
 * }</pre>
 *
 * with {@code S} the customers at the start of the period, {@code E} at its end and {@code N} the
 * new customers acquired during it, so that {@code E - N} are the customers kept. When built from
 * activity ({@link Lifecycle#retentionRate(int)}), the customers at the start are those active in
 * the previous period, at the end those active in this one, and the new ones those active now but
 * not in the previous period (first-time and resurrected customers).
 *
 * <p>With {@code S = 0} the rate is undefined: {@link #rate()} and {@link #churnRate()} are empty,
 * never NaN.
 *
 * @param start {@code S}, customers at the start, {@code >= 0}
 * @param end {@code E}, customers at the end, {@code >= 0}
 * @param acquired {@code N}, new customers during the period, {@code 0 <= N <= E}
 */
public record CustomerRetentionRate(long start, long end, long acquired) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative, {@code acquired > end}, or more
   *     customers are kept ({@code end - acquired}) than there were at the start
   */
  public CustomerRetentionRate {
    if (start < 0 || end < 0 || acquired < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got start=" + start + ", end=" + end + ", acquired=" + acquired);
    }
    if (acquired > end) {
      throw new IllegalArgumentException(
          "acquired (" + acquired + ") must be <= end (" + end + ")");
    }
    if (end - acquired > start) {
      throw new IllegalArgumentException(
          "kept customers end - acquired = "
              + (end - acquired)
              + " must be <= start ("
              + start
              + ")");
    }
  }

  /** Returns the customers kept, {@code E - N}. */
  public long kept() {
    return end - acquired;
  }

  /** Returns {@code (E - N) / S} in {@code [0, 1]}, or empty when {@code S = 0}. */
  public OptionalDouble rate() {
    return start == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) kept() / start);
  }

  /** Returns {@code 1 - (E - N) / S} in {@code [0, 1]}, or empty when {@code S = 0}. */
  public OptionalDouble churnRate() {
    return start == 0 ? OptionalDouble.empty() : OptionalDouble.of(1.0 - (double) kept() / start);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "CustomerRetentionRate[S=%d, E=%d, N=%d, CRR=%s]",
        start,
        end,
        acquired,
        start == 0 ? "undefined" : String.format(Locale.ROOT, "%.4f", rate().getAsDouble()));
  }
}
