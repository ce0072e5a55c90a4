package org.cx4j.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Checks shared by cx-spark's Dataset analyses ({@code SparkJourneys}, {@code SparkRetention}):
 * that an input column exists with the type the analysis reads, and how many partitions to shuffle
 * into.
 */
public final class SparkInputs {

  private SparkInputs() {}

  /**
   * Checks that {@code schema} has a column {@code name} of type {@code type}.
   *
   * @throws IllegalArgumentException naming the column and the columns there are, or the column and
   *     its actual type
   */
  public static void requireColumn(StructType schema, String name, DataType type) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!List.of(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(
          "column '" + name + "' is missing; the columns are " + List.of(schema.fieldNames()));
    }
    DataType actual = schema.apply(name).dataType();
    if (!actual.equals(type)) {
      throw new IllegalArgumentException(
          "column '"
              + name
              + "' must be "
              + type.simpleString()
              + ", got "
              + actual.simpleString());
    }
  }

  /**
   * Returns {@code requested} if it is positive, else the session's {@code
   * spark.sql.shuffle.partitions}.
   */
  public static int partitions(SparkSession spark, int requested) {
    return requested > 0
        ? requested
        : Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
  }
}
