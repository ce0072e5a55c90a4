package org.cx4j.benchmarks.scores;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.internal.Counting;
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
 * The two {@code int[]} histogram routes of {@code Counting} side by side, per scale and size,
 * against the plain sum of the same array: the measurements behind the choice in {@code
 * Counting.histogram(int[], Scale)} (packed threshold fields from {@code
 * Counting.FIELDS_MIN_LENGTH} scores on, pairs of scores below). Internal API on purpose.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar IntHistogram -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class IntHistogramBenchmark {

  @Param({"0..10", "1..5", "1..7", "0..15"})
  String scale;

  @Param({"4096", "10000000"})
  int size;

  Scale s;
  int[] scores;

  @Setup
  public void setup() {
    String[] ends = scale.split("\\.\\.");
    s = Scale.of(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    SplittableRandom r = new SplittableRandom(42);
    scores = new int[size];
    for (int i = 0; i < size; i++) {
      scores[i] = s.min() + r.nextInt(s.points());
    }
  }

  @Benchmark
  public long sum() {
    long t = 0;
    for (int x : scores) {
      t += x;
    }
    return t;
  }

  @Benchmark
  public long[] fields() {
    return Counting.histogramFields(scores, s);
  }

  @Benchmark
  public long[] pairs() {
    return Counting.histogramPairs(scores, s);
  }
}
