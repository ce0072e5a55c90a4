package org.cx4j.metrics.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ScoreMonitor} buckets and windows its stream.
 *
 * @param bucketSize the bucket width
 * @param windowBuckets N, the number of buckets in a window
 * @param windowKind whether windows slide by one bucket or tumble by N
 * @param retainedBuckets how many of the newest buckets each key keeps; older ones are evicted.
 *     Must cover the windows compared: {@code 2N} for the previous window, {@code bucketsPerWeek +
 *     N} for the same window last week
 * @param lateness how far behind the newest event time (over all keys) an event may be and still go
 *     to its bucket; later events are counted as late, not added
 * @param maxKeys the most distinct keys kept; responses for further keys go to {@code otherKey}
 * @param otherKey the key that collects responses for keys beyond {@code maxKeys}
 */
public record MonitorConfig(
    BucketSize bucketSize,
    int windowBuckets,
    WindowKind windowKind,
    int retainedBuckets,
    Duration lateness,
    int maxKeys,
    String otherKey) {

  /** Whether consecutive windows overlap. */
  public enum WindowKind {
    /** Windows of N buckets evaluated at every bucket boundary: [e - N, e) for every e. */
    SLIDING,
    /** Windows of N buckets aligned to multiples of N: [kN, (k + 1)N). */
    TUMBLING
  }

  /** The default name of the key that collects keys beyond the cap. */
  public static final String OTHER = "(other)";

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code windowBuckets < 1}, {@code retainedBuckets <
   *     windowBuckets}, {@code retainedBuckets > 1,000,000}, the lateness is negative, or {@code
   *     maxKeys < 1}
   */
  public MonitorConfig {
    Objects.requireNonNull(bucketSize, "bucketSize");
    Objects.requireNonNull(windowKind, "windowKind");
    Objects.requireNonNull(lateness, "lateness");
    Objects.requireNonNull(otherKey, "otherKey");
    if (windowBuckets < 1) {
      throw new IllegalArgumentException("windowBuckets must be at least 1, got " + windowBuckets);
    }
    if (retainedBuckets < windowBuckets || retainedBuckets > 1_000_000) {
      throw new IllegalArgumentException(
          "retainedBuckets must be between windowBuckets ("
              + windowBuckets
              + ") and 1,000,000, got "
              + retainedBuckets);
    }
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("lateness must not be negative, got " + lateness);
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
    }
  }

  /**
   * Returns sliding windows of {@code windowBuckets} buckets of {@code bucketSize}, keeping {@code
   * 2 windowBuckets + 1} buckets (enough for the previous-window baseline), no lateness and at most
   * 10,000 keys.
   *
   * @throws IllegalArgumentException if {@code windowBuckets < 1}
   */
  public static MonitorConfig sliding(BucketSize bucketSize, int windowBuckets) {
    return new MonitorConfig(
        bucketSize,
        windowBuckets,
        WindowKind.SLIDING,
        2 * windowBuckets + 1,
        Duration.ZERO,
        10_000,
        OTHER);
  }

  /** Returns {@link #sliding} with tumbling windows. */
  public static MonitorConfig tumbling(BucketSize bucketSize, int windowBuckets) {
    return sliding(bucketSize, windowBuckets).withWindowKind(WindowKind.TUMBLING);
  }

  /** Returns this configuration with {@code windowKind}. */
  public MonitorConfig withWindowKind(WindowKind windowKind) {
    return new MonitorConfig(
        bucketSize, windowBuckets, windowKind, retainedBuckets, lateness, maxKeys, otherKey);
  }

  /** Returns this configuration keeping {@code retainedBuckets} buckets per key. */
  public MonitorConfig withRetainedBuckets(int retainedBuckets) {
    return new MonitorConfig(
        bucketSize, windowBuckets, windowKind, retainedBuckets, lateness, maxKeys, otherKey);
  }

  /**
   * Returns this configuration keeping enough buckets for the same-window-last-week baseline:
   * {@code bucketsPerWeek + windowBuckets + 1}.
   */
  public MonitorConfig retainingAWeek() {
    return withRetainedBuckets(Math.toIntExact(bucketSize.bucketsPerWeek() + windowBuckets + 1));
  }

  /** Returns this configuration with {@code lateness}. */
  public MonitorConfig withLateness(Duration lateness) {
    return new MonitorConfig(
        bucketSize, windowBuckets, windowKind, retainedBuckets, lateness, maxKeys, otherKey);
  }

  /** Returns this configuration with at most {@code maxKeys} keys, the rest in {@code otherKey}. */
  public MonitorConfig withMaxKeys(int maxKeys, String otherKey) {
    return new MonitorConfig(
        bucketSize, windowBuckets, windowKind, retainedBuckets, lateness, maxKeys, otherKey);
  }
}
