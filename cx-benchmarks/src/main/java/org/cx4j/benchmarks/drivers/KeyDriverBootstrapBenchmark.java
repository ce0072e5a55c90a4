package org.cx4j.benchmarks.drivers;

import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.driver.KeyDriverAnalysis;
import org.cx4j.metrics.driver.KeyDriverResult;
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
 * A 1,000-replicate bootstrap of a 12-driver analysis of 100,000 respondents, end to end, on all
 * cores (replicates run in parallel). One shot per iteration: the target is wall time.
 *
 * <pre>
 * java -jar cx-benchmarks/target/benchmarks.jar KeyDriverBootstrapBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class KeyDriverBootstrapBenchmark {

  @Param("100000")
  int respondents;

  @Param("1000")
  int replicates;

  double[][] columns;

  @Setup
  public void setUp() {
    columns = KeyDriverBenchmark.ratings(respondents, 12, 42);
  }

  @Benchmark
  public KeyDriverResult bootstrap() {
    KeyDriverAnalysis.Builder b = KeyDriverAnalysis.builder().outcome("y", columns[12]);
    for (int j = 0; j < 12; j++) {
      b.driver("d" + j, columns[j]);
    }
    return b.bootstrap(replicates, 1, 0.95).run();
  }
}
