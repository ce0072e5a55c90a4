package org.cx4j.benchmarks.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.journey.attribution.MarkovAttribution;
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
 * Markov attribution on one million single-journey paths over 20 channels (lengths 1 to 8), against
 * the baseline of only counting the transitions of the same integer-encoded paths into a dense
 * matrix. Also parsing the paths from strings, and order 3 with all 20 removals.
 *
 * <pre>
 * java -Xmx2g -jar cx-benchmarks/target/benchmarks.jar MarkovAttributionBenchmark -f 1 -wi 2 -w 1 -i 3 -r 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MarkovAttributionBenchmark {

  @Param("1000000")
  int paths;

  @Param("20")
  int channels;

  PathData data;
  String[] strings;
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
    strings = new String[paths];
    conversions = new long[paths];
    offsets = new int[paths + 1];
    touches = new int[paths * 8];
    PathData.Builder b = PathData.builder();
    int used = 0;
    for (int p = 0; p < paths; p++) {
      int len = 1 + rng.nextInt(8);
      List<String> path = new ArrayList<>(len);
      StringBuilder sb = new StringBuilder();
      int prev = rng.nextInt(channels);
      for (int t = 0; t < len; t++) {
        // Sticky channels: half the time the customer stays where they were.
        int c = t > 0 && rng.nextBoolean() ? prev : rng.nextInt(channels);
        prev = c;
        path.add(names.get(c));
        sb.append(t == 0 ? "" : " > ").append(names.get(c));
        touches[used++] = c;
      }
      offsets[p + 1] = used;
      long conv = rng.nextInt(10) < 2 + (prev % 3) ? 1 : 0;
      conversions[p] = conv;
      b.add(path, conv, conv * 10.0, 1 - conv);
      strings[p] = sb.toString();
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

  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder1() {
    return MarkovAttribution.fit(data, 1);
  }

  @Benchmark
  public MarkovAttribution.MarkovResult markovOrder3() {
    return MarkovAttribution.fit(data, 3);
  }

  @Benchmark
  public PathData parsePathStrings() {
    PathData.Builder b = PathData.builder();
    for (int p = 0; p < paths; p++) {
      long conv = conversions[p];
      b.add(strings[p], conv, conv * 10.0, 1 - conv);
    }
    return b.build();
  }
}
