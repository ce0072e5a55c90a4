package org.cx4j.benchmarks.monitor;

import java.time.Duration;
import org.cx4j.metrics.monitor.BucketSize;
import org.cx4j.metrics.monitor.MonitorConfig;
import org.cx4j.metrics.monitor.ScoreMonitor;
import org.cx4j.metrics.nps.NetPromoterScore;

/**
 * Measures the heap a {@link ScoreMonitor} of NPS holds per key and bucket: the used heap after a
 * full GC, before and after filling 1,000 keys x 48 hourly buckets, divided by the 48,000 buckets;
 * and the same for 1,000 keys with one bucket each, for the fixed cost per key.
 *
 * <pre>
 * java -cp cx-benchmarks/target/benchmarks.jar org.cx4j.benchmarks.monitor.MonitorMemory
 * </pre>
 */
public final class MonitorMemory {

  private MonitorMemory() {}

  static long used() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static ScoreMonitor<NetPromoterScore> fill(int keys, int buckets) {
    ScoreMonitor<NetPromoterScore> m =
        ScoreMonitor.of(
            MonitorConfig.sliding(BucketSize.HOUR, 24)
                .withRetainedBuckets(48)
                .withLateness(Duration.ofDays(3)),
            NetPromoterScore::accumulator);
    for (int k = 0; k < keys; k++) {
      ScoreMonitor.Key<NetPromoterScore> h = m.key("segment-" + k);
      for (int b = 0; b < buckets; b++) {
        h.add(k % 11, b * BucketSize.HOUR.millis());
      }
    }
    return m;
  }

  /** Prints bytes per key and bucket, and per key. */
  public static void main(String[] args) {
    int keys = 1000;
    long before = used();
    ScoreMonitor<NetPromoterScore> one = fill(keys, 1);
    long afterOne = used();
    ScoreMonitor<NetPromoterScore> full = fill(keys, 48);
    long afterFull = used();
    double perKeyWithOneBucket = (double) (afterOne - before) / keys;
    double perBucket = (double) (afterFull - afterOne - (afterOne - before)) / (keys * 47.0);
    System.out.printf("per key with one bucket (48 slots): %.0f bytes%n", perKeyWithOneBucket);
    System.out.printf("per further key and bucket: %.0f bytes%n", perBucket);
    System.out.println(one.keyCount() + full.keyCount() + " keys kept reachable");
  }
}
