package org.cx4j.spark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.sample.SampleData;
import org.cx4j.core.transaction.Transaction;

/**
 * Shared fixtures: one local[2] session per JVM (tests in a class share it; surefire runs the
 * classes in one JVM), and the bundled sample data as Spark DataFrames.
 */
public final class SparkTesting {

  /** Tolerance for derived figures: the Spark and single-machine results must agree to 1e-12. */
  public static final double TOLERANCE = 1e-12;

  private static SparkSession spark;
  private static SampleData sample;

  private SparkTesting() {}

  /** Returns the shared local[2] session (UI off, 4 shuffle partitions). */
  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("cx-spark tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate();
      CxFunctions.register(spark);
    }
    return spark;
  }

  /** Returns {@code SampleData.standard()}, generated once. */
  public static synchronized SampleData sample() {
    if (sample == null) {
      sample = SampleData.standard();
    }
    return sample;
  }

  /** Returns the plan of every sample customer (the segment used by the tests), "none" if null. */
  public static Map<String, String> plans() {
    Map<String, String> plans = new HashMap<>();
    for (Customer c : sample().customers()) {
      plans.put(c.id().value(), c.plan() == null ? "none" : c.plan());
    }
    return plans;
  }

  /** Returns the sample responses as (customer_id, segment, instrument, score). */
  public static Dataset<Row> responses() {
    Map<String, String> plans = plans();
    List<Row> rows = new ArrayList<>();
    for (SurveyResponse r : sample().responses()) {
      rows.add(
          RowFactory.create(
              r.customer().value(),
              plans.get(r.customer().value()),
              r.instrument().name(),
              r.score()));
    }
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("instrument", DataTypes.StringType)
            .add("score", DataTypes.IntegerType);
    return spark().createDataFrame(rows, schema);
  }

  /**
   * Returns the sample interactions as (customer_id, touchpoint, channel, stage, time, outcome).
   */
  public static Dataset<Row> interactions() {
    List<Row> rows = new ArrayList<>();
    for (Interaction i : sample().interactions()) {
      rows.add(
          RowFactory.create(
              i.customer().value(),
              i.touchpoint().id(),
              i.touchpoint().channel().name(),
              i.touchpoint().stage().name(),
              Timestamp.from(i.timestamp()),
              i.outcome() == null ? null : i.outcome().name()));
    }
    return spark().createDataFrame(rows, interactionSchema());
  }

  /** Returns the schema of {@link #interactions()}. */
  public static StructType interactionSchema() {
    return new StructType()
        .add("customer_id", DataTypes.StringType)
        .add("touchpoint", DataTypes.StringType)
        .add("channel", DataTypes.StringType)
        .add("stage", DataTypes.StringType)
        .add("time", DataTypes.TimestampType)
        .add("outcome", DataTypes.StringType);
  }

  /** Returns the sample transactions as (customer_id, time, amount). */
  public static Dataset<Row> transactions() {
    List<Row> rows = new ArrayList<>();
    for (Transaction t : sample().transactions()) {
      rows.add(RowFactory.create(t.customer().value(), Timestamp.from(t.timestamp()), t.amount()));
    }
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("amount", DataTypes.DoubleType);
    return spark().createDataFrame(rows, schema);
  }
}
