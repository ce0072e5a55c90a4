package org.cx4j.journey.timing;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.cx4j.metrics.internal.RadixSort;

/**
 * An exact histogram of durations at one-second resolution: counts per whole second, dense for
 * durations below {@value #DENSE_LIMIT} seconds (about 18 hours) and an exact sorted overflow list
 * above. Quantiles are exact (no approximation), and two histograms {@link #merge merge} into the
 * histogram of the union of their inputs, so results computed on partitions combine exactly.
 *
 * <p>Durations are recorded as {@code floor(millis / 1000)} seconds. Not thread-safe: one histogram
 * per thread, then merge. {@link #result()} returns an immutable {@link DurationSummary}.
 */
public final class SecondsHistogram {

  /** Durations below this many seconds are counted in a dense array. */
  public static final int DENSE_LIMIT = 1 << 16;

  private long[] dense = new long[0];
  private long[] overflow = new long[0]; // raw values >= DENSE_LIMIT, sorted up to overflowSorted
  private int overflowSize;
  private boolean overflowSorted = true;
  private long count;
  private long sum;

  /** Creates an empty histogram. */
  public SecondsHistogram() {}

  /**
   * Records a duration given in milliseconds, as {@code floor(millis / 1000)} seconds.
   *
   * @return this histogram
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public SecondsHistogram addMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("duration must be non-negative, got " + millis + " ms");
    }
    addSecondsUnchecked(millis / 1000);
    return this;
  }

  /**
   * Records a duration of {@code seconds}.
   *
   * @return this histogram
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public SecondsHistogram addSeconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("duration must be non-negative, got " + seconds + " s");
    }
    addSecondsUnchecked(seconds);
    return this;
  }

  /**
   * Records {@code times} durations of {@code seconds} each (a bulk add, e.g. from a count array).
   *
   * @return this histogram
   * @throws IllegalArgumentException if {@code seconds} or {@code times} is negative, or {@code
   *     times > 1} for a duration at or above {@link #DENSE_LIMIT} (kept one by one there)
   */
  public SecondsHistogram addSeconds(long seconds, long times) {
    checkArgument(seconds >= 0, "duration must be non-negative, got %s s", seconds);
    checkArgument(times >= 0, "times must be non-negative, got %s", times);
    if (times == 0) {
      return this;
    }
    if (seconds >= DENSE_LIMIT) {
      checkArgument(
          times == 1,
          "durations of %s s (>= %s) are added one at a time, got times %s",
          seconds,
          DENSE_LIMIT,
          times);
      addSecondsUnchecked(seconds);
      return this;
    }
    if (seconds >= dense.length) {
      dense =
          Arrays.copyOf(
              dense, (int) Math.min(DENSE_LIMIT, Math.max(seconds + 1, 2L * dense.length)));
    }
    dense[(int) seconds] += times;
    count += times;
    sum += seconds * times;
    return this;
  }

  private void addSecondsUnchecked(long s) {
    count++;
    sum += s;
    if (s < dense.length) {
      dense[(int) s]++;
    } else if (s < DENSE_LIMIT) {
      dense = Arrays.copyOf(dense, (int) Math.min(DENSE_LIMIT, Math.max(s + 1, 2L * dense.length)));
      dense[(int) s]++;
    } else {
      addOverflow(s, 1);
    }
  }

  private void addOverflow(long s, long times) {
    for (long k = 0; k < times; k++) {
      if (overflowSize == overflow.length) {
        overflow = Arrays.copyOf(overflow, Math.max(8, overflowSize * 2));
      }
      if (overflowSize > 0 && overflow[overflowSize - 1] > s) {
        overflowSorted = false;
      }
      overflow[overflowSize++] = s;
    }
  }

  /**
   * Adds every duration recorded in {@code other} to this histogram: the result equals the
   * histogram of both inputs. {@code other} is not changed.
   *
   * @return this histogram
   */
  public SecondsHistogram merge(SecondsHistogram other) {
    if (other.dense.length > dense.length) {
      dense = Arrays.copyOf(dense, other.dense.length);
    }
    for (int i = 0; i < other.dense.length; i++) {
      dense[i] += other.dense[i];
    }
    for (int i = 0; i < other.overflowSize; i++) {
      addOverflow(other.overflow[i], 1);
    }
    count += other.count;
    sum += other.sum;
    return this;
  }

  /**
   * Writes this histogram's state (its non-zero dense buckets as {@code (seconds, count)} pairs,
   * then its values at or above {@link #DENSE_LIMIT}) so that {@link #readFrom} rebuilds an equal
   * histogram, e.g. in another process: distributed engines ship partial histograms this way and
   * {@link #merge} them. The format is private to cx4j and may change between versions.
   *
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    int nonZero = 0;
    for (long c : dense) {
      if (c != 0) {
        nonZero++;
      }
    }
    out.writeInt(nonZero);
    for (int s = 0; s < dense.length; s++) {
      if (dense[s] != 0) {
        out.writeInt(s);
        out.writeLong(dense[s]);
      }
    }
    out.writeInt(overflowSize);
    for (int i = 0; i < overflowSize; i++) {
      out.writeLong(overflow[i]);
    }
  }

  /**
   * Reads a histogram written by {@link #writeTo}.
   *
   * @throws IOException if {@code in} fails or ends early
   * @throws IllegalArgumentException if the data are not a valid histogram (negative counts or
   *     durations)
   */
  public static SecondsHistogram readFrom(DataInput in) throws IOException {
    SecondsHistogram h = new SecondsHistogram();
    int nonZero = in.readInt();
    checkArgument(
        nonZero >= 0 && nonZero <= DENSE_LIMIT,
        "bucket count %s is not in 0..%s",
        nonZero,
        DENSE_LIMIT);
    for (int i = 0; i < nonZero; i++) {
      int s = in.readInt();
      checkArgument(s >= 0 && s < DENSE_LIMIT, "bucket %s s is not in 0..%s", s, DENSE_LIMIT - 1);
      h.addSeconds(s, in.readLong());
    }
    int overflowCount = in.readInt();
    checkArgument(overflowCount >= 0, "overflow count must be non-negative, got %s", overflowCount);
    for (int i = 0; i < overflowCount; i++) {
      h.addSeconds(in.readLong());
    }
    return h;
  }

  /** Returns the number of durations recorded. */
  public long count() {
    return count;
  }

  /** Returns the result so far: an immutable summary, unaffected by later additions. */
  public DurationSummary result() {
    long[] ov = Arrays.copyOf(overflow, overflowSize);
    if (!overflowSorted) {
      ov = sorted(ov);
    }
    int top = dense.length;
    while (top > 0 && dense[top - 1] == 0) {
      top--;
    }
    return new DurationSummary(Arrays.copyOf(dense, top), ov, count, sum);
  }

  /**
   * Returns the exact nearest-rank quantile: the smallest recorded value {@code v} (seconds) with
   * at least {@code ceil(q * count)} values {@code <= v}; the minimum for {@code q = 0}.
   *
   * @throws IllegalArgumentException if {@code q} is not in {@code [0, 1]}
   * @throws IllegalStateException if the histogram is empty
   */
  public long quantile(double q) {
    checkArgument(q >= 0 && q <= 1, "quantile q must be in [0, 1], got %s", q);
    if (count == 0) {
      throw new IllegalStateException("quantile of an empty histogram");
    }
    sortOverflow();
    return DurationSummary.valueAtRank(
        dense, overflow, overflowSize, DurationSummary.rank(q, count));
  }

  private void sortOverflow() {
    if (!overflowSorted) {
      System.arraycopy(sorted(Arrays.copyOf(overflow, overflowSize)), 0, overflow, 0, overflowSize);
      overflowSorted = true;
    }
  }

  /** Overflows this long are radix-sorted: millions of day-long gaps sorted several times over. */
  private static final int RADIX_FROM = 4096;

  /**
   * Returns {@code values} (non-negative) in ascending order: the array itself or the sort's other
   * buffer. A comparison sort of millions of durations (transitions days apart, in every edge, node
   * and funnel step of a large log) measured a fifth of the journey analysis.
   */
  private static long[] sorted(long[] values) {
    if (values.length < RADIX_FROM) {
      Arrays.sort(values);
      return values;
    }
    long max = 0;
    for (long v : values) {
      max |= v;
    }
    return RadixSort.sort(values, (double[]) null, Long.SIZE - Long.numberOfLeadingZeros(max))
        .keys();
  }

  @Override
  public String toString() {
    return result().toString();
  }
}
