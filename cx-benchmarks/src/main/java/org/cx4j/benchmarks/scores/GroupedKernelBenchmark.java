package org.cx4j.benchmarks.scores;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.grouped.GroupedColumns;
import org.cx4j.metrics.score.grouped.GroupedScores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grouped columnar NPS ({@link GroupedScores}) over 10 million rows: overall plus 8 or 256 groups
 * from {@code byte[]} scores and codes, weighted, in parallel, and one group over {@code int[]};
 * against the plain sums of the same arrays ({@code byte[]}, {@code int[]}, {@code double[]}), in
 * the same run, and the per-row accumulators a user would write today.
 *
 * <pre>
 * ./mvnw -o -q -pl cx-benchmarks -am -Dmaven.javadoc.skip -Dmaven.source.skip -DskipTests package
 * java -Djmh.ignoreLock=true -jar cx-benchmarks/target/benchmarks.jar 'GroupedKernel' -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class GroupedKernelBenchmark {

  @Param("10000000")
  int size;

  byte[] scores;
  int[] intScores;
  byte[] codes8;
  byte[] codes256;
  double[] weights;
  GroupedColumns by8;
  GroupedColumns by256;
  GroupedColumns by8Weighted;
  GroupedColumns oneGroupInts;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    scores = new byte[size];
    intScores = new int[size];
    codes8 = new byte[size];
    codes256 = new byte[size];
    weights = new double[size];
    for (int i = 0; i < size; i++) {
      scores[i] = (byte) r.nextInt(11);
      intScores[i] = scores[i];
      codes8[i] = (byte) r.nextInt(8);
      codes256[i] = (byte) r.nextInt(256);
      weights[i] = 0.5 + r.nextDouble();
    }
    by8 = GroupedColumns.of(scores, codes8, 8);
    by256 = GroupedColumns.of(scores, codes256, 256);
    by8Weighted = by8.withWeights(weights);
    oneGroupInts = GroupedColumns.of(intScores);
  }

  // ------------------------------------------------------------------ baselines: read the data

  @Benchmark
  public long sumBytes() {
    long s = 0;
    for (byte x : scores) {
      s += x;
    }
    return s;
  }

  @Benchmark
  public long sumInts() {
    long s = 0;
    for (int x : intScores) {
      s += x;
    }
    return s;
  }

  @Benchmark
  public double sumDoubles() {
    double s = 0;
    for (double x : weights) {
      s += x;
    }
    return s;
  }

  // ------------------------------------------------------------------ grouped kernels

  @Benchmark
  public GroupedScores<NetPromoterScore> nps8Groups() {
    return GroupedScores.of(NetPromoterScore::accumulator, by8);
  }

  @Benchmark
  public GroupedScores<NetPromoterScore> nps256Groups() {
    return GroupedScores.of(NetPromoterScore::accumulator, by256);
  }

  @Benchmark
  public GroupedScores<NetPromoterScore> nps8GroupsWeighted() {
    return GroupedScores.of(NetPromoterScore::accumulator, by8Weighted);
  }

  @Benchmark
  public GroupedScores<NetPromoterScore> nps8GroupsParallel() {
    return GroupedScores.parallel(NetPromoterScore::accumulator, by8);
  }

  @Benchmark
  public GroupedScores<NetPromoterScore> npsIntsOneGroup() {
    return GroupedScores.of(NetPromoterScore::accumulator, oneGroupInts);
  }

  @Benchmark
  public NetPromoterScore npsIntsCategories() {
    return NetPromoterScore.ofCategories(intScores);
  }

  // ------------------------------------------------------------------ what a user writes today

  @Benchmark
  public NetPromoterScore nps8GroupsPerRow() {
    @SuppressWarnings("unchecked")
    ScoreAccumulator<NetPromoterScore>[] parts = new ScoreAccumulator[8];
    for (int g = 0; g < 8; g++) {
      parts[g] = NetPromoterScore.accumulator();
    }
    ScoreAccumulator<NetPromoterScore> all = NetPromoterScore.accumulator();
    for (int i = 0; i < scores.length; i++) {
      all.add(scores[i]);
      parts[codes8[i]].add(scores[i]);
    }
    for (ScoreAccumulator<NetPromoterScore> p : parts) {
      p.result();
    }
    return all.result();
  }
}
