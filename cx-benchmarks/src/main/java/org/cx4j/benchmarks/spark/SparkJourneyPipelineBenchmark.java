package org.cx4j.benchmarks.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.spark.journey.JourneyAnalysis;
import org.cx4j.spark.journey.SparkJourneys;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cx-spark journey pipeline (rebuild per customer, funnel, variants, transition graph and
 * Markov attribution, merged) against its baseline, {@code
 * repartition(customer).sortWithinPartitions(customer, time).count()} on the same cached
 * interactions in local[2]. The target is a ratio within 2x. A second baseline forces the sort and
 * reads every row ({@code count()} lets Spark's optimizer drop a sort under an aggregate, and prune
 * the shuffled columns to the customer id).
 *
 * <pre>
 * (build and class path as in SparkScoreSqlBenchmark)
 * java -Xmx8g -cp cx-benchmarks/target/classes:$(cat cx-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main SparkJourneyPipeline -f 1 -wi 5 -i 8
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// One operation takes seconds and runs hundreds of methods once each; with the heap's size fixed
// (SparkSessions.HEAP_MIN) the pipeline reaches its steady state after about three operations
// (measured: 4.8, 3.2, 2.3, then 2.2-2.5 s), so five warm-up iterations.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      SparkSessions.O1,
      SparkSessions.O2,
      SparkSessions.O3,
      SparkSessions.O4,
      SparkSessions.O5,
      SparkSessions.O6,
      SparkSessions.O7,
      SparkSessions.O8,
      SparkSessions.O9,
      SparkSessions.O10,
      SparkSessions.O11,
      SparkSessions.O12,
      SparkSessions.O13,
      SparkSessions.O14,
      SparkSessions.HEAP,
      SparkSessions.HEAP_MIN
    })
@State(Scope.Benchmark)
public class SparkJourneyPipelineBenchmark {

  private static final int TOUCHPOINTS = 20;
  private static final int PARTITIONS = 4;

  @Param("10000000")
  long rows;

  @Param("1000000")
  long customers;

  SparkSession spark;
  Dataset<Row> interactions;
  SparkJourneys pipeline;
  SparkJourneys pipelineSparkSorted;

  @Setup(Level.Trial)
  public void setUp() {
    spark = SparkSessions.start();
    // Seeded and deterministic: customer id mod customers; the k-th event of a customer comes
    // 1..600 s after the previous one (hash of the id, seed 42), so each customer has about
    // rows / customers events over a few hours; touchpoint and a 3% conversion from hashes.
    interactions =
        spark
            .range(rows)
            .selectExpr(
                "concat('c', cast(id % " + customers + " as string)) as customer_id",
                "concat('t', cast(pmod(hash(id, 7), " + TOUCHPOINTS + ") as string)) as touchpoint",
                "'web' as channel",
                "'consideration' as stage",
                "timestamp_seconds(1700000000 + cast(id / "
                    + customers
                    + " as bigint) * 600"
                    + " + pmod(hash(id, 42), 600)) as time",
                "case when pmod(hash(id, 11), 100) < 3 then 'converted' end as outcome")
            .cache();
    if (interactions.count() != rows) {
      throw new IllegalStateException("cache holds the wrong number of rows");
    }
    List<Touchpoint> tps = new ArrayList<>();
    for (int t = 0; t < TOUCHPOINTS; t++) {
      tps.add(Touchpoint.of("t" + t, Channel.WEB, JourneyStage.CONSIDERATION));
    }
    SparkJourneys.Builder b =
        SparkJourneys.builder()
            .catalog(TouchpointCatalog.of(tps))
            .funnel(() -> Funnel.builder().step("t0").step("t1").step("t2").build())
            .attribution(org.cx4j.journey.log.Level.TOUCHPOINT, Outcome.CONVERTED, 1)
            .partitions(PARTITIONS);
    pipeline = b.build();
    pipelineSparkSorted = b.sortWithinPartitions(true).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    interactions.unpersist();
    spark.stop();
  }

  /** The baseline named by the target: shuffle by customer, sort, count. */
  @Benchmark
  public long baselineRepartitionSortCount() {
    return interactions
        .repartition(PARTITIONS, col("customer_id"))
        .sortWithinPartitions(col("customer_id"), col("time"))
        .count();
  }

  /** A stricter baseline: the same shuffle and sort of all columns, every row read once. */
  @Benchmark
  public List<Long> baselineSortedRowsRead() {
    return interactions
        .repartition(PARTITIONS, col("customer_id"))
        .sortWithinPartitions(col("customer_id"), col("time"))
        .mapPartitions(
            (MapPartitionsFunction<Row, Long>) SparkJourneyPipelineBenchmark::countRows,
            Encoders.LONG())
        .collectAsList();
  }

  private static Iterator<Long> countRows(Iterator<Row> it) {
    long n = 0;
    while (it.hasNext()) {
      n += it.next().length();
    }
    return List.of(n).iterator();
  }

  /**
   * Rebuild, funnel, variants, graph and Markov attribution, merged on the driver, with the
   * defaults (internal rows read, no Spark sort: the rebuilder sorts each partition).
   */
  @Benchmark
  public JourneyAnalysis pipeline() {
    return pipeline.run(interactions);
  }

  /** The same with Spark sorting each partition by customer and time first (not the default). */
  @Benchmark
  public JourneyAnalysis pipelineWithSparkSort() {
    return pipelineSparkSorted.run(interactions);
  }
}
