package org.cx4j.metrics.monitor;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;

/**
 * An immutable copy of a {@link ScoreMonitor}: per key, its retained buckets and late count, and
 * the watermark. Windows of any key can be computed from it, it merges with the snapshots of other
 * instances, and it serialises ({@link #writeTo}, {@link #readFrom}).
 *
 * <p>Bucket numbers are {@link BucketSize#bucketOf} of the event times; a window {@code [from, to)}
 * holds the buckets {@code from <= b < to}. A key or window without responses gives an empty result
 * ({@code n = 0}).
 *
 * @param <R> the metric each bucket computes
 */
public final class MonitorSnapshot<R> {

  /** The format version {@link #writeTo} writes first, and the newest {@link #readFrom} reads. */
  public static final byte FORMAT_VERSION = 1;

  record KeyState<R>(long late, NavigableMap<Long, ScoreAccumulator<R>> buckets) {}

  private final MonitorConfig config;
  private final Supplier<ScoreAccumulator<R>> factory;
  private final long watermark;
  private final SortedMap<String, KeyState<R>> states;

  MonitorSnapshot(
      MonitorConfig config,
      Supplier<ScoreAccumulator<R>> factory,
      long watermark,
      SortedMap<String, KeyState<R>> states) {
    this.config = config;
    this.factory = factory;
    this.watermark = watermark;
    this.states = states;
  }

  /** Returns the configuration of the monitor that took the snapshot. */
  public MonitorConfig config() {
    return config;
  }

  /** Returns the scale of the scores. */
  public org.cx4j.core.feedback.Scale scale() {
    return factory.get().scale();
  }

  SortedMap<String, KeyState<R>> states() {
    return states;
  }

  /** Returns the newest event time seen, or empty if the monitor saw no event. */
  public Optional<Instant> watermark() {
    return watermark == Long.MIN_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(watermark));
  }

  /**
   * Returns the first bucket not yet closed at the watermark: buckets before it end at or before
   * {@code watermark - lateness}, so no more events can arrive for them. {@code Long.MIN_VALUE}
   * when the monitor saw no event.
   */
  public long closedBefore() {
    if (watermark == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return config.bucketSize().bucketOf(watermark - config.lateness().toMillis());
  }

  /** Returns the keys, in order (the other key included if it received responses). */
  public SortedSet<String> keys() {
    return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(states.keySet()));
  }

  /** Returns the number of late responses for {@code key} (0 for an unknown key). */
  public long lateCount(String key) {
    KeyState<R> s = states.get(key);
    return s == null ? 0 : s.late();
  }

  /** Returns the number of late responses over all keys. */
  public long lateCount() {
    long n = 0;
    for (KeyState<R> s : states.values()) {
      n += s.late();
    }
    return n;
  }

  /**
   * Returns the distribution of each retained bucket of {@code key} that received responses, by
   * bucket number; empty for an unknown key.
   */
  public SortedMap<Long, ScoreDistribution> buckets(String key) {
    TreeMap<Long, ScoreDistribution> m = new TreeMap<>();
    KeyState<R> s = states.get(key);
    if (s != null) {
      s.buckets().forEach((b, acc) -> m.put(b, acc.distribution()));
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /**
   * Returns the accumulated buckets {@code from <= b < to} of {@code key}, merged; empty ({@code n
   * = 0}) for an unknown key or a window without responses.
   *
   * @throws IllegalArgumentException if {@code from > to}
   */
  public ScoreAccumulator<R> accumulator(String key, long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("window start " + from + " is after its end " + to);
    }
    ScoreAccumulator<R> acc = factory.get();
    KeyState<R> s = states.get(key);
    if (s != null) {
      for (ScoreAccumulator<R> b : s.buckets().subMap(from, true, to, false).values()) {
        acc.merge(b);
      }
    }
    return acc;
  }

  /**
   * Returns the metric of {@code key} over buckets {@code from <= b < to}; see {@link
   * #accumulator}.
   */
  public R result(String key, long from, long to) {
    return accumulator(key, from, to).result();
  }

  /**
   * Returns the metric of {@code key} over the window of {@link MonitorConfig#windowBuckets()} N
   * buckets ending before bucket {@code end}: buckets {@code end - N <= b < end}.
   */
  public R window(String key, long end) {
    return result(key, end - config.windowBuckets(), end);
  }

  /**
   * Returns the union of this snapshot and {@code other}: per key, bucket by bucket, the merged
   * accumulators ({@link ScoreAccumulator#merge}), the sum of the late counts, and the newer
   * watermark. No retention is applied. Neither snapshot changes.
   *
   * @throws IllegalArgumentException if the bucket sizes differ
   */
  public MonitorSnapshot<R> merge(MonitorSnapshot<R> other) {
    if (other.config.bucketSize() != config.bucketSize()) {
      throw new IllegalArgumentException(
          "cannot merge "
              + other.config.bucketSize()
              + " buckets with "
              + config.bucketSize()
              + " buckets");
    }
    TreeMap<String, KeyState<R>> merged = new TreeMap<>();
    for (var src : java.util.List.of(states, other.states)) {
      for (Map.Entry<String, KeyState<R>> e : src.entrySet()) {
        KeyState<R> have = merged.get(e.getKey());
        TreeMap<Long, ScoreAccumulator<R>> buckets =
            have == null ? new TreeMap<>() : (TreeMap<Long, ScoreAccumulator<R>>) have.buckets();
        e.getValue()
            .buckets()
            .forEach((b, acc) -> buckets.merge(b, acc.copy(), (x, y) -> x.merge(y)));
        merged.put(
            e.getKey(),
            new KeyState<>((have == null ? 0 : have.late()) + e.getValue().late(), buckets));
      }
    }
    return new MonitorSnapshot<>(config, factory, Math.max(watermark, other.watermark), merged);
  }

  /**
   * Writes the snapshot in format version 1, big-endian as {@link DataOutput}:
   *
   * <ol>
   *   <li>{@code byte} 1, the format version;
   *   <li>{@code long} the bucket width in milliseconds;
   *   <li>{@code long} the watermark in epoch milliseconds ({@code Long.MIN_VALUE}: no event);
   *   <li>{@code int} the number of keys, then per key in increasing order: the key as {@link
   *       DataOutput#writeUTF}, {@code long} its late count, {@code int} its number of buckets, and
   *       per bucket in increasing order {@code long} the bucket number followed by the bucket's
   *       {@link ScoreAccumulator#writeTo} state (its own version byte first).
   * </ol>
   *
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(FORMAT_VERSION);
    out.writeLong(config.bucketSize().millis());
    out.writeLong(watermark);
    out.writeInt(states.size());
    for (Map.Entry<String, KeyState<R>> e : states.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue().late());
      out.writeInt(e.getValue().buckets().size());
      for (Map.Entry<Long, ScoreAccumulator<R>> b : e.getValue().buckets().entrySet()) {
        out.writeLong(b.getKey());
        b.getValue().writeTo(out);
      }
    }
  }

  /**
   * Reads a snapshot written by {@link #writeTo} into buckets from {@code factory}, for a monitor
   * with {@code config}.
   *
   * @throws IOException if {@code in} fails or ends early
   * @throws IllegalArgumentException if the version is not one this build reads, the bucket width
   *     differs from {@code config}'s, a count is negative, buckets are not increasing, or a bucket
   *     state is invalid (see {@link ScoreAccumulator#mergeFrom}); the message names the key and
   *     bucket
   */
  public static <R> MonitorSnapshot<R> readFrom(
      DataInput in, MonitorConfig config, Supplier<ScoreAccumulator<R>> factory)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(factory, "factory");
    byte version = in.readByte();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "monitor snapshot format version "
              + version
              + " is not one this build reads (it reads "
              + FORMAT_VERSION
              + ")");
    }
    long width = in.readLong();
    if (width != config.bucketSize().millis()) {
      throw new IllegalArgumentException(
          "monitor snapshot has buckets of "
              + width
              + " ms, this monitor "
              + config.bucketSize().millis()
              + " ms ("
              + config.bucketSize()
              + ")");
    }
    long watermark = in.readLong();
    int keys = in.readInt();
    if (keys < 0) {
      throw new IllegalArgumentException(
          "monitor snapshot key count must be non-negative, got " + keys);
    }
    TreeMap<String, KeyState<R>> states = new TreeMap<>();
    for (int i = 0; i < keys; i++) {
      String key = in.readUTF();
      long late = in.readLong();
      int n = in.readInt();
      if (late < 0 || n < 0) {
        throw new IllegalArgumentException(
            "monitor snapshot key '"
                + key
                + "' late count and bucket count must be non-negative, got "
                + late
                + " and "
                + n);
      }
      TreeMap<Long, ScoreAccumulator<R>> buckets = new TreeMap<>();
      for (int j = 0; j < n; j++) {
        long b = in.readLong();
        if (!buckets.isEmpty() && b <= buckets.lastKey()) {
          throw new IllegalArgumentException(
              "monitor snapshot key '"
                  + key
                  + "' bucket "
                  + b
                  + " is not after bucket "
                  + buckets.lastKey());
        }
        try {
          buckets.put(b, factory.get().mergeFrom(in));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "monitor snapshot key '" + key + "' bucket " + b + ": " + e.getMessage(), e);
        }
      }
      states.put(key, new KeyState<>(late, buckets));
    }
    return new MonitorSnapshot<>(config, factory, watermark, states);
  }

  @Override
  public String toString() {
    return "MonitorSnapshot["
        + states.size()
        + " keys, watermark "
        + watermark().map(Instant::toString).orElse("none")
        + "]";
  }
}
