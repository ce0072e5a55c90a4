package org.cx4j.spark.journey;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Runs a function over the partitions of a Dataset's Spark-internal rows ({@link InternalRow}),
 * skipping the conversion of every row to a {@link Row} and of every string to a {@code String}.
 *
 * <p>This relies on Spark's unstable developer API: {@code
 * org.apache.spark.sql.classic.Dataset#queryExecution()} and {@code QueryExecution#toRdd()}
 * (annotated {@code @Unstable}), the way Delta Lake and Iceberg read rows; cx-spark is built and
 * tested against Spark 4.2.x. Only the classic (in-process) Dataset has a query execution: for any
 * other Dataset (Spark Connect) {@link #supports} is false and the caller reads {@code Row}s
 * through the public API instead.
 */
final class InternalRows {

  private static final boolean CLASSIC = classicPresent();

  private InternalRows() {}

  private static boolean classicPresent() {
    try {
      Class.forName("org.apache.spark.sql.classic.Dataset", false,
          InternalRows.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Returns whether {@code ds} is a classic Dataset whose internal rows can be read. */
  static boolean supports(Dataset<Row> ds) {
    return CLASSIC && ds instanceof org.apache.spark.sql.classic.Dataset;
  }

  /**
   * Runs {@code f} on each partition of {@code ds}'s internal rows (which Spark may reuse between
   * calls to {@code next()}: {@code f} must copy what it keeps) and collects its outputs in
   * partition order.
   *
   * @throws IllegalArgumentException if {@code ds} is not a classic Dataset ({@link #supports})
   */
  static <T> List<T> mapPartitions(Dataset<Row> ds, FlatMapFunction<Iterator<InternalRow>, T> f) {
    if (!supports(ds)) {
      throw new IllegalArgumentException(
          "cx-spark reads internal rows only of a classic Dataset, got " + ds.getClass().getName()
              + "; read Rows through the public API instead");
    }
    org.apache.spark.sql.classic.Dataset<Row> classic =
        (org.apache.spark.sql.classic.Dataset<Row>) ds;
    return classic.queryExecution().toRdd().toJavaRDD().mapPartitions(f).collect();
  }
}
