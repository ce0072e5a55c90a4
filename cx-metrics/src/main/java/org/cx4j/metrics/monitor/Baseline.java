package org.cx4j.metrics.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * What a window is compared with: the previous window, the same window one week earlier, or a fixed
 * period. Ranges are bucket numbers {@code [from, to)}.
 */
public final class Baseline {

  private enum Kind {
    PREVIOUS,
    LAST_WEEK,
    FIXED
  }

  private final Kind kind;
  private final Instant from;
  private final Instant to;

  private Baseline(Kind kind, Instant from, Instant to) {
    this.kind = kind;
    this.from = from;
    this.to = to;
  }

  /** Returns the window just before: {@code [start - N, start)}. */
  public static Baseline previousWindow() {
    return new Baseline(Kind.PREVIOUS, null, null);
  }

  /**
   * Returns the same window one week earlier: {@code [start - W, end - W)} with {@code W} buckets
   * in a week; the monitor must retain them ({@link MonitorConfig#retainingAWeek()}).
   */
  public static Baseline sameWindowLastWeek() {
    return new Baseline(Kind.LAST_WEEK, null, null);
  }

  /**
   * Returns the fixed period {@code [from, to)}, rounded out to whole buckets; the monitor must
   * retain it.
   *
   * @throws IllegalArgumentException if {@code from} is not before {@code to}
   */
  public static Baseline fixed(Instant from, Instant to) {
    if (!Objects.requireNonNull(from, "from").isBefore(Objects.requireNonNull(to, "to"))) {
      throw new IllegalArgumentException(
          "baseline start " + from + " must be before its end " + to);
    }
    return new Baseline(Kind.FIXED, from, to);
  }

  /** Returns the baseline buckets {@code {from, to}} for the window {@code [start, end)}. */
  long[] range(long start, long end, BucketSize size) {
    return switch (kind) {
      case PREVIOUS -> new long[] {start - (end - start), start};
      case LAST_WEEK -> new long[] {start - size.bucketsPerWeek(), end - size.bucketsPerWeek()};
      case FIXED -> new long[] {size.bucketOf(from), size.bucketOf(to.toEpochMilli() - 1) + 1};
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case PREVIOUS -> "previous window";
      case LAST_WEEK -> "same window last week";
      case FIXED -> "fixed period " + from + " to " + to;
    };
  }
}
