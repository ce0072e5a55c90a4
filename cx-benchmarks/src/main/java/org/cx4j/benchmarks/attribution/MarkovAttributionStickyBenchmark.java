package org.cx4j.benchmarks.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.MarkovAttribution.Solver;
import org.cx4j.journey.attribution.PathData;
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
 * Markov attribution of order 3 with all 20 removals on a sticky chain: 300 journeys of 3,000
 * touches on average (geometric lengths), each alternating between the two channels of a pair with
 * a 1 % jump to any of the 20 channels. The walks are long, so Gauss-Seidel needs tens of thousands
 * of sweeps, and {@link Solver#AUTO} solves by sparse LU. Baseline: counting the transitions of the
 * same integer-encoded paths into a dense matrix (as in {@link MarkovAttributionBenchmark}); also
 * the same fit with every solver, for the ratio of sparse to dense LU on the same chain.
 *
 * <pre>
 * java -jar cx-benchmarks/target/benchmarks.jar 'MarkovAttribution' -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MarkovAttributionStickyBenchmark {

  @Param("300")
  int paths;

  @Param("20")
  int channels;

  @Param("3000")
  int meanTouches;

  PathData data;
  long[] conversions;
  int[] offsets;
  int[] touches;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      names.add("channel_" + c);
    }
    conversions = new long[paths];
    offsets = new int[paths + 1];
    List<int[]> all = new ArrayList<>();
    int used = 0;
    PathData.Builder b = PathData.builder();
    for (int p = 0; p < paths; p++) {
      List<String> path = new ArrayList<>();
      List<Integer> codes = new ArrayList<>();
      int c = rng.nextInt(channels);
      path.add(names.get(c));
      codes.add(c);
      // Geometric length with mean meanTouches; pairs (2i, 2i + 1) alternate, 1 % jumps.
      while (rng.nextInt(meanTouches) != 0) {
        c = rng.nextInt(100) == 0 ? rng.nextInt(channels) : c ^ 1;
        path.add(names.get(c));
        codes.add(c);
      }
      long conv = rng.nextInt(3) == 0 ? 1 : 0;
      conversions[p] = conv;
      b.add(path, conv, conv * 10.0, 1 - conv);
      all.add(codes.stream().mapToInt(Integer::intValue).toArray());
      used += codes.size();
      offsets[p + 1] = used;
    }
    touches = new int[used];
    for (int p = 0; p < paths; p++) {
      System.arraycopy(all.get(p), 0, touches, offsets[p], all.get(p).length);
    }
    data = b.build();
  }

  /** Baseline: count the transitions (start, channels, conversion, null) into a dense matrix. */
  @Benchmark
  public long[] countTransitions() {
    int states = channels + 3;
    long[] counts = new long[states * states];
    for (int p = 0; p < paths; p++) {
      int from = 0;
      for (int t = offsets[p]; t < offsets[p + 1]; t++) {
        int to = touches[t] + 3;
        counts[from * states + to]++;
        from = to;
      }
      counts[from * states + (conversions[p] == 1 ? 1 : 2)]++;
    }
    return counts;
  }

  /** The default: Gauss-Seidel gives up after 1,000 sweeps, then sparse LU for all 21 solves. */
  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder3() {
    return MarkovAttribution.fit(data, 3);
  }

  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder3SparseLu() {
    return MarkovAttribution.fit(data, 3, Solver.SPARSE_LU);
  }

  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder3DenseLu() {
    return MarkovAttribution.fit(data, 3, Solver.DENSE_LU);
  }

  /** The solver before: Gauss-Seidel to a change of 1e-15, all 21 solves. */
  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder3GaussSeidel() {
    return MarkovAttribution.fit(data, 3, Solver.GAUSS_SEIDEL);
  }
}
