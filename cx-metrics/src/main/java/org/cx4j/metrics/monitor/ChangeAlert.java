package org.cx4j.metrics.monitor;

import java.time.Instant;
import java.util.Objects;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.compare.MultipleTesting;

/**
 * A significant change of one key's metric between its baseline and its window, raised once per
 * change (see {@link ChangeDetector} for the re-arm rule).
 *
 * @param key the key
 * @param metric the metric tested, e.g. {@code "NPS"}
 * @param windowStart the start of the window
 * @param windowEnd the end of the window (exclusive)
 * @param baselineStart the start of the baseline
 * @param baselineEnd the end of the baseline (exclusive)
 * @param before the baseline's estimate, with its interval and n
 * @param after the window's estimate, with its interval and n
 * @param difference {@code after - before} with its interval, statistic and p-value
 * @param effectSize the standardised difference {@code z sqrt(1/n_after + 1/n_before)}: the
 *     difference in per-response standard deviations implied by the test (Cohen's d for means)
 * @param pValue the two-sided p-value of the key's test
 * @param qValue the adjusted value across the keys tested ({@link #method})
 * @param method the multiple-testing procedure
 */
public record ChangeAlert(
    String key,
    String metric,
    Instant windowStart,
    Instant windowEnd,
    Instant baselineStart,
    Instant baselineEnd,
    WindowEstimate before,
    WindowEstimate after,
    Difference difference,
    double effectSize,
    double pValue,
    double qValue,
    MultipleTesting.Method method) {

  /** Checks that nothing is null. */
  public ChangeAlert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(method, "method");
  }

  /** Returns whether the metric went up. */
  public boolean isIncrease() {
    return difference.estimate() > 0;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%s %s %s: %.3g (n=%d) -> %.3g (n=%d), effect %.2f, p=%.2g, q=%.2g (%s, %s to %s)",
        key,
        metric,
        isIncrease() ? "up" : "down",
        before.value(),
        before.n(),
        after.value(),
        after.n(),
        effectSize,
        pValue,
        qValue,
        method,
        windowStart,
        windowEnd);
  }
}
