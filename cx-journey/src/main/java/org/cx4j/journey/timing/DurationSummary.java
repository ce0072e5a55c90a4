package org.cx4j.journey.timing;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Arrays;

/**
 * An immutable, exact distribution of durations in whole seconds (a snapshot of a {@link
 * SecondsHistogram}): count, mean, median, any nearest-rank quantile, and the count at each second.
 *
 * <p>Empty summaries ({@code count() == 0}) return {@code NaN} for the mean, median and quantiles.
 */
public final class DurationSummary {

  private static final DurationSummary EMPTY = new DurationSummary(new long[0], new long[0], 0, 0);

  private final long[] dense; // dense[s] = count of durations of s seconds, s < dense.length
  private final long[] overflow; // sorted values >= SecondsHistogram.DENSE_LIMIT
  private final long count;
  private final long sum;

  DurationSummary(long[] dense, long[] overflow, long count, long sum) {
    this.dense = dense;
    this.overflow = overflow;
    this.count = count;
    this.sum = sum;
  }

  /** Returns the summary of no durations. */
  public static DurationSummary empty() {
    return EMPTY;
  }

  /** Returns the number of durations. */
  public long count() {
    return count;
  }

  /** Returns the mean in seconds, {@code sum / count}; {@code NaN} when empty. */
  public double meanSeconds() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }

  /**
   * Returns the exact median in seconds: the middle value for odd {@code count}, the mean of the
   * two middle values for even {@code count}; {@code NaN} when empty.
   */
  public double medianSeconds() {
    if (count == 0) {
      return Double.NaN;
    }
    long lo = valueAtRank(dense, overflow, overflow.length, (count + 1) / 2);
    long hi = valueAtRank(dense, overflow, overflow.length, count / 2 + 1);
    return (count & 1) == 1 ? lo : (lo + hi) / 2.0;
  }

  /**
   * Returns the exact nearest-rank quantile in seconds: the smallest value {@code v} with at least
   * {@code ceil(q * count)} durations {@code <= v} (the minimum for {@code q = 0}); {@code NaN}
   * when empty. Nearest rank: Hyndman and Fan (1996), definition 1.
   *
   * @throws IllegalArgumentException if {@code q} is not in {@code [0, 1]}
   */
  public double quantileSeconds(double q) {
    checkArgument(q >= 0 && q <= 1, "quantile q must be in [0, 1], got %s", q);
    return count == 0 ? Double.NaN : valueAtRank(dense, overflow, overflow.length, rank(q, count));
  }

  /**
   * Returns the 90th percentile in seconds, {@code quantileSeconds(0.9)}; {@code NaN} when empty.
   */
  public double p90Seconds() {
    return quantileSeconds(0.9);
  }

  /** Returns the median as a duration (rounded down to the millisecond), or null when empty. */
  public Duration median() {
    return count == 0 ? null : Duration.ofMillis((long) (medianSeconds() * 1000));
  }

  /** Returns how many durations lasted exactly {@code seconds} whole seconds. */
  public long frequency(long seconds) {
    if (seconds < 0) {
      return 0;
    }
    if (seconds < dense.length) {
      return dense[(int) seconds];
    }
    long f = 0;
    for (long v : overflow) {
      if (v == seconds) {
        f++;
      }
    }
    return f;
  }

  /**
   * Returns the exact histogram: for each whole second that occurs, how many durations lasted it,
   * in increasing order; empty when there are no durations.
   */
  public java.util.SortedMap<Long, Long> frequencies() {
    return histogram(1);
  }

  /**
   * Returns the histogram in bins of {@code binSeconds}: bin start {@code b * binSeconds} maps to
   * the number of durations in {@code [b * binSeconds, (b + 1) * binSeconds)}; only non-empty bins
   * appear, in increasing order.
   *
   * @throws IllegalArgumentException if {@code binSeconds < 1}
   */
  public java.util.SortedMap<Long, Long> histogram(long binSeconds) {
    checkArgument(binSeconds >= 1, "binSeconds must be at least 1, got %s", binSeconds);
    java.util.TreeMap<Long, Long> m = new java.util.TreeMap<>();
    for (int s = 0; s < dense.length; s++) {
      if (dense[s] != 0) {
        m.merge(s / binSeconds * binSeconds, dense[s], Long::sum);
      }
    }
    for (long v : overflow) {
      m.merge(v / binSeconds * binSeconds, 1L, Long::sum);
    }
    return java.util.Collections.unmodifiableSortedMap(m);
  }

  /** Returns the largest duration in seconds; {@code NaN} when empty. */
  public double maxSeconds() {
    return quantileSeconds(1.0);
  }

  static long rank(double q, long count) {
    // The small guard keeps q * count from rounding up past an exact integer (0.9 * 30 =
    // 27.000000000000004).
    return Math.max(1, Math.min(count, (long) Math.ceil(q * count - 1e-9)));
  }

  static long valueAtRank(long[] dense, long[] overflow, int overflowSize, long rank) {
    long cum = 0;
    for (int s = 0; s < dense.length; s++) {
      cum += dense[s];
      if (cum >= rank) {
        return s;
      }
    }
    return overflow[(int) (rank - cum - 1)];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DurationSummary)) {
      return false;
    }
    DurationSummary d = (DurationSummary) o;
    return d.count == count
        && d.sum == sum
        && Arrays.equals(d.dense, dense)
        && Arrays.equals(d.overflow, overflow);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(dense);
  }

  @Override
  public String toString() {
    if (count == 0) {
      return "DurationSummary[n=0]";
    }
    return String.format(
        "DurationSummary[n=%d, mean=%.1fs, median=%.1fs, p90=%.0fs, max=%.0fs]",
        count, meanSeconds(), medianSeconds(), p90Seconds(), maxSeconds());
  }
}
