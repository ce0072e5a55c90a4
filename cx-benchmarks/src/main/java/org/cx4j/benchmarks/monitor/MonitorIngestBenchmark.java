package org.cx4j.benchmarks.monitor;

import java.time.Duration;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.monitor.BucketSize;
import org.cx4j.metrics.monitor.MonitorConfig;
import org.cx4j.metrics.monitor.ScoreMonitor;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Responses per microsecond (= millions per second) ingested by one thread into a {@link
 * ScoreMonitor} of NPS with 100 keys and hourly buckets: through pre-resolved {@link
 * ScoreMonitor.Key} handles, and by string key; the baseline is what a user would write without the
 * monitor, a {@code HashMap<String, ScoreAccumulator>} {@code get} plus {@code add} (no time
 * buckets, not thread-safe). Each invocation ingests a block of 1,024 pre-generated (key, score,
 * time) triples; times run forward through the hour with out-of-order jitter within the lateness,
 * so a bucket boundary is crossed now and then as in a live service.
 *
 * <pre>
 * java -Djmh.ignoreLock=true -jar cx-benchmarks/target/benchmarks.jar 'monitor' -f 1 -wi 2 -i 3 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MonitorIngestBenchmark {

  static final int BLOCK = 1024;
  static final int KEYS = 100;

  /** One monitor and one baseline map per thread; the inputs. */
  @State(Scope.Thread)
  public static class Input {
    int[] keys;
    int[] scores;
    long[] times;
    long offset;
    String[] names;
    ScoreMonitor<NetPromoterScore> monitor;
    ScoreMonitor.Key<NetPromoterScore>[] handles;
    HashMap<String, ScoreAccumulator<NetPromoterScore>> map;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
      SplittableRandom r = new SplittableRandom(42);
      keys = new int[BLOCK];
      scores = new int[BLOCK];
      times = new long[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        keys[i] = r.nextInt(KEYS);
        scores[i] = r.nextInt(11);
        // 1 ms per response with up to 10 s of out-of-order jitter (lateness: 1 minute).
        times[i] = i + r.nextLong(10_000);
      }
      names = new String[KEYS];
      handles = new ScoreMonitor.Key[KEYS];
      monitor =
          ScoreMonitor.of(
              MonitorConfig.sliding(BucketSize.HOUR, 24).withLateness(Duration.ofMinutes(1)),
              NetPromoterScore::accumulator);
      map = new HashMap<>();
      for (int k = 0; k < KEYS; k++) {
        names[k] = "segment-" + k;
        handles[k] = monitor.key(names[k]);
        map.put(names[k], NetPromoterScore.accumulator());
      }
    }
  }

  // Time advances by one block per invocation (1,024 ms), so hourly buckets turn over every
  // ~3,500 invocations: the steady state of a service, not a frozen clock.
  private static long advance(Input in) {
    long base = in.offset;
    in.offset += BLOCK;
    return base;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public ScoreMonitor<NetPromoterScore> handles(Input in) {
    long base = advance(in);
    int[] k = in.keys;
    int[] s = in.scores;
    long[] t = in.times;
    ScoreMonitor.Key<NetPromoterScore>[] h = in.handles;
    for (int i = 0; i < BLOCK; i++) {
      h[k[i]].add(s[i], base + t[i]);
    }
    return in.monitor;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public ScoreMonitor<NetPromoterScore> stringKeys(Input in) {
    long base = advance(in);
    int[] k = in.keys;
    int[] s = in.scores;
    long[] t = in.times;
    String[] n = in.names;
    ScoreMonitor<NetPromoterScore> m = in.monitor;
    for (int i = 0; i < BLOCK; i++) {
      m.add(n[k[i]], s[i], base + t[i]);
    }
    return m;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public HashMap<String, ScoreAccumulator<NetPromoterScore>> baselineHashMap(Input in) {
    int[] k = in.keys;
    int[] s = in.scores;
    String[] n = in.names;
    HashMap<String, ScoreAccumulator<NetPromoterScore>> map = in.map;
    for (int i = 0; i < BLOCK; i++) {
      map.get(n[k[i]]).add(s[i]);
    }
    return map;
  }
}
