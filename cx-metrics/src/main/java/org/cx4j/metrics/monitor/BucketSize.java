package org.cx4j.metrics.monitor;

import java.time.Instant;

/** The width of a monitor's time buckets. Buckets are aligned to the epoch (UTC). */
public enum BucketSize {
  /** One minute. */
  MINUTE(60_000L),
  /** One hour. */
  HOUR(3_600_000L),
  /** One day (UTC). */
  DAY(86_400_000L);

  private final long millis;

  BucketSize(long millis) {
    this.millis = millis;
  }

  /** Returns the bucket width in milliseconds. */
  public long millis() {
    return millis;
  }

  /** Returns the number of the bucket holding {@code epochMillis}: {@code floor(t / width)}. */
  public long bucketOf(long epochMillis) {
    return Math.floorDiv(epochMillis, millis);
  }

  /** Returns the number of the bucket holding {@code time}. */
  public long bucketOf(Instant time) {
    return bucketOf(time.toEpochMilli());
  }

  /** Returns when bucket {@code bucket} starts: {@code bucket * width}. */
  public Instant start(long bucket) {
    return Instant.ofEpochMilli(Math.multiplyExact(bucket, millis));
  }

  /** Returns the number of buckets in seven days (10,080 minutes, 168 hours, 7 days). */
  public long bucketsPerWeek() {
    return 7 * DAY.millis / millis;
  }
}
