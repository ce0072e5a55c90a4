package org.cx4j.benchmarks.scores;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.MeanEstimate;
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
 * One-shot NPS, CSAT top-box and mean over 10 million scores held as {@code int[]} and {@code
 * byte[]}, against the plain sum of the same array (the cost of just reading it) and the
 * straightforward {@code IntStream} version a user would write.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar OneShotScores -prof gc -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OneShotScoresBenchmark {

  @Param("10000000")
  int size;

  int[] npsInts;
  byte[] npsBytes;
  int[] csatInts;
  byte[] csatBytes;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    npsInts = new int[size];
    npsBytes = new byte[size];
    csatInts = new int[size];
    csatBytes = new byte[size];
    for (int i = 0; i < size; i++) {
      npsInts[i] = r.nextInt(11);
      npsBytes[i] = (byte) npsInts[i];
      csatInts[i] = 1 + r.nextInt(5);
      csatBytes[i] = (byte) csatInts[i];
    }
  }

  // ------------------------------------------------------------------ baselines: read the data

  @Benchmark
  public long sumInts() {
    long s = 0;
    for (int x : npsInts) {
      s += x;
    }
    return s;
  }

  @Benchmark
  public long sumBytes() {
    long s = 0;
    for (byte x : npsBytes) {
      s += x;
    }
    return s;
  }

  // ------------------------------------------------------------------ cx4j one-shot calculators

  @Benchmark
  public double npsInts() {
    return NetPromoterScore.of(npsInts).score();
  }

  @Benchmark
  public double npsBytes() {
    return NetPromoterScore.of(npsBytes).score();
  }

  @Benchmark
  public double csatTopBoxInts() {
    return CustomerSatisfaction.of(csatInts).topBox().share();
  }

  @Benchmark
  public double csatTopBoxBytes() {
    return CustomerSatisfaction.of(csatBytes).topBox().share();
  }

  @Benchmark
  public double csatMeanInts() {
    return CustomerSatisfaction.of(csatInts).mean().mean();
  }

  @Benchmark
  public double csatMeanBytes() {
    return CustomerSatisfaction.of(csatBytes).mean().mean();
  }

  // ------------------------------------------------------------------ what a user would write

  @Benchmark
  public double npsIntStream() {
    long p = IntStream.of(npsInts).filter(x -> x >= 9).count();
    long d = IntStream.of(npsInts).filter(x -> x <= 6).count();
    return 100.0 * (p - d) / npsInts.length;
  }

  @Benchmark
  public double csatTopBoxIntStream() {
    return (double) IntStream.of(csatInts).filter(x -> x >= 4).count() / csatInts.length;
  }

  @Benchmark
  public double csatMeanIntStream() {
    return IntStream.of(csatInts).average().orElse(Double.NaN);
  }

  // The wording of the straightforward version, "filter(...).count() per category", taken
  // literally: NPS counts its three categories (the result reports passives too), top-box its two
  // (satisfied and the rest); the mean, whose
  // t-interval needs the spread, counts each of the five scale points and derives mean and
  // standard deviation from those counts, as cx4j's result does. npsIntStream (two passes),
  // csatTopBoxIntStream (one pass) and csatMeanIntStreamWithDeviation (two passes: summary
  // statistics, then squared deviations) are
  // the stricter comparisons.

  @Benchmark
  public double npsIntStreamPerCategory() {
    long p = IntStream.of(npsInts).filter(x -> x >= 9).count();
    long q = IntStream.of(npsInts).filter(x -> x == 7 || x == 8).count();
    long d = IntStream.of(npsInts).filter(x -> x <= 6).count();
    return 100.0 * (p - d) / (p + q + d);
  }

  @Benchmark
  public double csatTopBoxIntStreamPerCategory() {
    long top = IntStream.of(csatInts).filter(x -> x >= 4).count();
    long rest = IntStream.of(csatInts).filter(x -> x <= 3).count();
    return (double) top / (top + rest);
  }

  @Benchmark
  public double csatMeanIntStreamPerCategory() {
    long n = 0;
    double sum = 0;
    double sumSquares = 0;
    for (int k = 1; k <= 5; k++) {
      final int point = k;
      long c = IntStream.of(csatInts).filter(x -> x == point).count();
      n += c;
      sum += (double) c * k;
      sumSquares += (double) c * k * k;
    }
    double mean = sum / n;
    return mean + Math.sqrt((sumSquares - n * mean * mean) / (n - 1));
  }

  @Benchmark
  public double csatMeanIntStreamWithDeviation() {
    double mean = IntStream.of(csatInts).average().orElse(Double.NaN);
    double squares = IntStream.of(csatInts).mapToDouble(x -> (x - mean) * (x - mean)).sum();
    return mean + Math.sqrt(squares / (csatInts.length - 1));
  }

  @Benchmark
  public double csatMeanWithDeviationInts() {
    MeanEstimate m = CustomerSatisfaction.of(csatInts).mean();
    return m.mean() + m.standardDeviation();
  }
}
