package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

/** Many writers, exact counts; snapshots taken while they write. */
class ScoreMonitorConcurrencyTest {

  @Test
  void manyWritersGiveExactCounts() throws Exception {
    int threads = 8;
    int perThread = 200_000;
    MonitorConfig c =
        MonitorConfig.sliding(BucketSize.MINUTE, 10)
            .withRetainedBuckets(120)
            .withLateness(Duration.ofHours(3));
    ScoreMonitor<NetPromoterScore> m = ScoreMonitor.of(c, NetPromoterScore::accumulator);
    // Expected counts per key and score, tallied by each writer in its own array.
    long[][][] expected = new long[threads][20][11];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      done.add(
          pool.submit(
              () -> {
                SplittableRandom r = new SplittableRandom(id);
                ScoreMonitor.Key<NetPromoterScore>[] handles = handles(m);
                start.await();
                for (int i = 0; i < perThread; i++) {
                  int k = r.nextInt(20);
                  int s = r.nextInt(11);
                  long time = r.nextLong(90 * 60_000L); // 90 minutes, out of order across threads
                  if (i % 2 == 0) {
                    handles[k].add(s, time);
                  } else {
                    m.add("key" + k, s, time);
                  }
                  expected[id][k][s]++;
                }
                return null;
              }));
    }
    start.countDown();
    // Snapshots while writing never see more than was written.
    for (int i = 0; i < 20; i++) {
      MonitorSnapshot<NetPromoterScore> s = m.snapshot();
      long n = 0;
      for (String k : s.keys()) {
        n += s.result(k, 0, 90).n();
      }
      assertEquals(true, n <= (long) threads * perThread);
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    assertEquals(0, s.lateCount());
    for (int k = 0; k < 20; k++) {
      long[] counts = s.result("key" + k, 0, 90).distribution().counts();
      for (int score = 0; score <= 10; score++) {
        long e = 0;
        for (int t = 0; t < threads; t++) {
          e += expected[t][k][score];
        }
        assertEquals(e, counts[score], "key" + k + " score " + score);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static ScoreMonitor.Key<NetPromoterScore>[] handles(ScoreMonitor<NetPromoterScore> m) {
    ScoreMonitor.Key<NetPromoterScore>[] h = new ScoreMonitor.Key[20];
    for (int k = 0; k < 20; k++) {
      h[k] = m.key("key" + k);
    }
    return h;
  }
}
