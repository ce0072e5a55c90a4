package org.cx4j.benchmarks.scores;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.ConcurrentScoreAccumulator;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per {@code add} of the NPS accumulators: single-threaded {@code add(int)} and {@code
 * add(int, double)}, and the thread-safe variant at 1 and 2 writer threads. Each invocation adds a
 * block of 1024 pre-generated scores, so the figures are per add. The baseline is the plain sum of
 * the same block.
 *
 * <pre>
 * java -jar cx-benchmarks/target/benchmarks.jar ScoreAccumulator -prof gc -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoreAccumulatorBenchmark {

  static final int BLOCK = 1024;

  /** Per-thread scores, weights and single-threaded accumulators. */
  @State(Scope.Thread)
  public static class Local {
    int[] scores;
    double[] weights;
    ScoreAccumulator<NetPromoterScore> acc;

    @Setup
    public void setup() {
      SplittableRandom r = new SplittableRandom(Thread.currentThread().getId());
      scores = new int[BLOCK];
      weights = new double[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        scores[i] = r.nextInt(11);
        weights[i] = 0.5 + r.nextDouble();
      }
      acc = NetPromoterScore.accumulator();
    }
  }

  /** One accumulator shared by all writer threads. */
  @State(Scope.Benchmark)
  public static class Shared {
    ConcurrentScoreAccumulator<NetPromoterScore> acc;

    @Setup
    public void setup() {
      acc = NetPromoterScore.concurrentAccumulator();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public long baselineSum(Local l) {
    long s = 0;
    int[] a = l.scores;
    for (int i = 0; i < BLOCK; i++) {
      s += a[i];
    }
    return s;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public ScoreAccumulator<NetPromoterScore> add(Local l) {
    int[] a = l.scores;
    ScoreAccumulator<NetPromoterScore> acc = l.acc;
    for (int i = 0; i < BLOCK; i++) {
      acc.add(a[i]);
    }
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public ScoreAccumulator<NetPromoterScore> addWeighted(Local l) {
    int[] a = l.scores;
    double[] w = l.weights;
    ScoreAccumulator<NetPromoterScore> acc = l.acc;
    for (int i = 0; i < BLOCK; i++) {
      acc.addWeighted(a[i], w[i]);
    }
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  @Threads(1)
  public ConcurrentScoreAccumulator<NetPromoterScore> concurrentAdd1Thread(Local l, Shared s) {
    return concurrentBlock(l, s);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  @Threads(2)
  public ConcurrentScoreAccumulator<NetPromoterScore> concurrentAdd2Threads(Local l, Shared s) {
    return concurrentBlock(l, s);
  }

  private static ConcurrentScoreAccumulator<NetPromoterScore> concurrentBlock(Local l, Shared s) {
    int[] a = l.scores;
    ConcurrentScoreAccumulator<NetPromoterScore> acc = s.acc;
    for (int i = 0; i < BLOCK; i++) {
      acc.add(a[i]);
    }
    return acc;
  }
}
