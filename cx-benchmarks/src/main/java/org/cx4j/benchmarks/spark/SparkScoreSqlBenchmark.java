package org.cx4j.benchmarks.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
 * {@code cx_nps(score)} grouped by segment against its baseline, Spark's built-in {@code
 * avg(score)} grouped the same way, on the same cached rows in local[2]. The target is a ratio
 * within 4x.
 *
 * <pre>
 * ./mvnw -q -Pspark-bench -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip \
 *     -pl cx-benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx8g -cp cx-benchmarks/target/classes:$(cat cx-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main SparkScoreSql -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Spark's avg took 2.5-4 s per operation in warm-up iterations 2 to 5 and 0.8 s from the sixth
// on (2026-12-04), so eight warm-up iterations.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 6, time = 2)
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
public class SparkScoreSqlBenchmark {

  @Param("10000000")
  long rows;

  @Param("8")
  int segments;

  SparkSession spark;
  Dataset<Row> responses;

  @Setup(Level.Trial)
  public void setUp() {
    spark = SparkSessions.start();
    // Seeded and deterministic: the score is a hash of the row id (seed 42) mod 11.
    responses =
        spark
            .range(rows)
            .selectExpr(
                "concat('segment-', cast(id % " + segments + " as string)) as segment",
                "cast(pmod(hash(id, 42), 11) as int) as score")
            .cache();
    // Materialize the cache before measuring: both benchmarks then read the same in-memory
    // columns, and neither pays for generating them.
    if (responses.count() != rows) {
      throw new IllegalStateException("cache holds the wrong number of rows");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    responses.unpersist();
    spark.stop();
  }

  /** The baseline: Spark's own code-generated average per segment. */
  @Benchmark
  public List<Row> avgBySegment() {
    return responses.groupBy(col("segment")).agg(avg(col("score"))).collectAsList();
  }

  /** NPS, counts and adjusted-Wald interval per segment, through the SQL function. */
  @Benchmark
  public List<Row> cxNpsBySegment() {
    return responses.groupBy(col("segment")).agg(expr("cx_nps(score)")).collectAsList();
  }
}
