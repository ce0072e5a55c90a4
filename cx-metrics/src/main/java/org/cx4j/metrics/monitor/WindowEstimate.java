package org.cx4j.metrics.monitor;

import java.util.Objects;
import org.cx4j.metrics.score.Interval;

/**
 * The metric of one window of one key: its value and interval, and the number of responses.
 *
 * @param n the responses in the window
 * @param value the metric (NPS points, a share in [0, 1], a mean); NaN when {@code n = 0}
 * @param interval its confidence interval, or {@code null} when {@code n = 0}
 */
public record WindowEstimate(long n, double value, Interval interval) {

  /** Checks {@code n >= 0} and that an empty window has no interval. */
  public WindowEstimate {
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative, got " + n);
    }
    if (n > 0) {
      Objects.requireNonNull(interval, "interval");
    }
  }

  /** Returns the estimate of an empty window: {@code n = 0}, value NaN, no interval. */
  public static WindowEstimate empty() {
    return new WindowEstimate(0, Double.NaN, null);
  }
}
