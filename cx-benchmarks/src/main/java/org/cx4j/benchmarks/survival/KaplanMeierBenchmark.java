package org.cx4j.benchmarks.survival;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.survival.ConfidenceType;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.metrics.survival.MedianSurvival;
import org.cx4j.metrics.survival.SurvivalBand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaplan-Meier on {@code size} customers given as {@code double[]} times and {@code boolean[]}
 * events, single thread, including the Greenwood variance, the log-log band and the median with its
 * interval; against {@code Arrays.sort} of a {@code double[]} of the same size (the baseline, in
 * this class so that both run in the same JVM on the same machine state).
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'survival.KaplanMeierBenchmark' -f 1 -wi 2 -w 2 -i 5 -r 2
 * </pre>
 *
 * <p>{@code times = days}: integer days in 0..1825 (five years of daily churn data, many ties, the
 * usual shape); {@code times = continuous}: distinct doubles (the worst case: one curve row per
 * customer).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class KaplanMeierBenchmark {

  @Param({"10000000"})
  int size;

  @Param({"days", "continuous"})
  String times;

  double[] time;
  boolean[] event;
  double[] weight;
  double[] entry;
  double[] scratch;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    time = new double[size];
    event = new boolean[size];
    weight = new double[size];
    entry = new double[size];
    scratch = new double[size];
    boolean days = times.equals("days");
    for (int i = 0; i < size; i++) {
      double t = days ? 1 + r.nextInt(1825) : 1 + r.nextDouble() * 1825;
      time[i] = t;
      event[i] = r.nextInt(10) < 7;
      weight[i] = 0.5 + r.nextInt(4) * 0.5;
      // Late entry for a third of the customers (observed only after a data migration).
      entry[i] = r.nextInt(3) == 0 ? Math.floor(t * r.nextDouble()) : 0;
      if (entry[i] >= t) {
        entry[i] = 0;
      }
    }
  }

  /** Restores the unsorted copy before each call of the baseline (outside the measurement). */
  @Setup(Level.Invocation)
  public void copyForSort() {
    System.arraycopy(time, 0, scratch, 0, size);
  }

  @Benchmark
  public double[] baselineArraysSortDouble() {
    Arrays.sort(scratch);
    return scratch;
  }

  @Benchmark
  public MedianSurvival kaplanMeier() {
    KaplanMeier km = KaplanMeier.fit(time, event);
    return km.median(ConfidenceType.LOG_LOG, 0.95); // builds the band, reads it for the interval
  }

  @Benchmark
  public MedianSurvival kaplanMeierWeighted() {
    KaplanMeier km = KaplanMeier.fit(time, event, weight);
    return km.median(ConfidenceType.LOG_LOG, 0.95);
  }

  @Benchmark
  public MedianSurvival kaplanMeierTruncated() {
    KaplanMeier km = KaplanMeier.fitTruncated(entry, time, event, null);
    return km.median(ConfidenceType.LOG_LOG, 0.95);
  }

  @Benchmark
  public SurvivalBand kaplanMeierBandOnly() {
    return KaplanMeier.fit(time, event).confidenceBand(ConfidenceType.LOG_LOG, 0.95);
  }
}
