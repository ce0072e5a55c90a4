package org.cx4j.benchmarks.survival;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.PeriodUnit;
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
 * A cohort retention table (classic, rolling and cumulative counts) over {@code size} interactions
 * from columnar input (the {@link ActivityLog} is built in the setup: parsing excluded), against
 * {@code Arrays.sort(long[])} on {@code size} keys, the baseline in this class.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'survival.CohortRetentionBenchmark' -f 1 -wi 2 -w 2 -i 5 -r 2
 * </pre>
 *
 * <p>One million customers with their interactions over one year (2024) in Europe/Berlin, arrival
 * spread over the year, by day, ISO week and month.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class CohortRetentionBenchmark {

  @Param({"10000000"})
  int size;

  @Param({"1000000"})
  int customers;

  @Param({"DAY", "ISO_WEEK", "MONTH"})
  PeriodUnit unit;

  ActivityLog log;
  ZoneId zone;
  long[] keys;
  long[] scratch;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    long year = 366L * 86_400_000L;
    long[] arrival = new long[customers];
    for (int c = 0; c < customers; c++) {
      arrival[c] = start + (long) (r.nextDouble() * year * 0.9);
    }
    int[] who = new int[size];
    long[] when = new long[size];
    keys = new long[size];
    for (int i = 0; i < size; i++) {
      int c = r.nextInt(customers);
      who[i] = c;
      when[i] = arrival[c] + (long) (r.nextDouble() * (start + year - arrival[c]));
      keys[i] = ((long) c << 32) | (when[i] >>> 20);
    }
    log = ActivityLog.of(who, when);
    zone = ZoneId.of("Europe/Berlin");
    scratch = new long[size];
  }

  /** Restores the unsorted keys before each call of the baseline (outside the measurement). */
  @Setup(Level.Invocation)
  public void copyForSort() {
    System.arraycopy(keys, 0, scratch, 0, size);
  }

  @Benchmark
  public long[] baselineArraysSortLong() {
    Arrays.sort(scratch);
    return scratch;
  }

  @Benchmark
  public CohortRetention cohortRetention() {
    return CohortRetention.of(log, unit, zone);
  }
}
