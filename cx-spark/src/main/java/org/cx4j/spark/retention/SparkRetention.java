package org.cx4j.spark.retention;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.PeriodUnit;
import org.cx4j.metrics.survival.ChurnSurvival;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.spark.NullPolicy;

/**
 * Cohort retention and Kaplan-Meier survival (time from first activity to churn) from a Dataset
 * of activity rows (transactions or interactions: a customer id and a time), computed by
 * cx-metrics inside Spark.
 *
 * <p>How it runs: the observation end is the latest time in the data (unless given); the rows
 * (only the two columns) are repartitioned by customer; each partition builds a cx-metrics {@code
 * ActivityLog}, its {@code CohortRetention} observed to that common end, and its {@code
 * ChurnSurvival} records; the driver adds the tables ({@code CohortRetention.plus}, exact) and
 * feeds the survival records to one {@code KaplanMeier.Accumulator}. The results equal {@code
 * CohortRetention.of(log, unit, zone)} and {@code ChurnSurvival.fromActivity(log, gap, end,
 * timeUnit).kaplanMeier()} on one machine.
 *
 * <pre>{@code
 * RetentionAnalysis r = SparkRetention.builder()
 *     .unit(PeriodUnit.MONTH).churnGap(Duration.ofDays(90))
 *     .build().run(transactions);          // columns customer_id, time
 * r.cohorts().table(RetentionKind.CLASSIC); r.survival().median();
 * }</pre>
 *
 * <p>Memory: the driver holds the table and one survival record (9 bytes) per customer. Bad
 * input: a null customer id or time follows the {@link NullPolicy}; a time after a given
 * observation end is an error naming it. Immutable and thread-safe.
 */
public final class SparkRetention {

  private final String customer;
  private final String time;
  private final PeriodUnit unit;
  private final ZoneId zone;
  private final Instant end; // null: the latest time in the data
  private final Duration gap;
  private final Duration timeUnit;
  private final NullPolicy nulls;
  private final int partitions;

  private SparkRetention(Builder b) {
    customer = b.customer;
    time = b.time;
    unit = b.unit;
    zone = b.zone;
    end = b.end;
    gap = b.gap;
    timeUnit = b.timeUnit;
    nulls = b.nulls;
    partitions = b.partitions;
  }

  /** Returns a builder with the defaults listed on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the retention table and the churn survival curve of {@code activity}.
   *
   * @throws IllegalArgumentException if a column is missing or has the wrong type, or a task
   *     fails on bad input (see the class comment), naming the value
   */
  public RetentionAnalysis run(Dataset<Row> activity) {
    Objects.requireNonNull(activity, "activity");
    StructType schema = activity.schema();
    requireColumn(schema, customer, DataTypes.StringType);
    requireColumn(schema, time, DataTypes.TimestampType);
    Dataset<Row> rows = activity.select(col(customer), col(time));
    Instant observationEnd = end;
    if (observationEnd == null) {
      Timestamp latest = rows.agg(max(col(time))).first().getTimestamp(0);
      observationEnd = latest == null ? Instant.EPOCH : latest.toInstant();
    }
    int n = partitions > 0
        ? partitions
        : Integer.parseInt(activity.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    PartitionFunction f = new PartitionFunction(
        unit, zone.getId(), observationEnd.toEpochMilli(), gap.toMillis(), timeUnit.toNanos(),
        nulls, customer, time);
    List<byte[]> states =
        rows.repartition(n, col(customer)).mapPartitions(f, Encoders.BINARY()).collectAsList();

    CohortRetention table = CohortRetention.of(
        ActivityLog.of(new int[0], new long[0]), unit, zone, observationEnd);
    KaplanMeier.Accumulator km = KaplanMeier.accumulator();
    long customers = 0;
    long churned = 0;
    long used = 0;
    long rejected = 0;
    try {
      for (byte[] state : states) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        rejected += in.readLong();
        used += in.readLong();
        table = table.plus(CohortRetention.readFrom(in));
        int records = in.readInt();
        customers += records;
        for (int i = 0; i < records; i++) {
          double t = in.readDouble();
          boolean e = in.readBoolean();
          km.add(t, e);
          churned += e ? 1 : 0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt partition state", e);
    }
    return new RetentionAnalysis(
        table, km.result(), customers, churned, used, rejected, observationEnd);
  }

  private static void requireColumn(StructType schema, String name, DataType type) {
    if (!List.of(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(
          "column '" + name + "' is missing; the columns are " + List.of(schema.fieldNames()));
    }
    DataType actual = schema.apply(name).dataType();
    if (!actual.equals(type)) {
      throw new IllegalArgumentException(
          "column '" + name + "' must be " + type.simpleString() + ", got "
              + actual.simpleString());
    }
  }

  /** Runs in each task: one partition's activity to one state. */
  private static final class PartitionFunction implements MapPartitionsFunction<Row, byte[]> {
    @Serial private static final long serialVersionUID = 1L;

    private final PeriodUnit unit;
    private final String zone;
    private final long endMilli;
    private final long gapMilli;
    private final long timeUnitNanos;
    private final NullPolicy nulls;
    private final String customerColumn;
    private final String timeColumn;

    PartitionFunction(PeriodUnit unit, String zone, long endMilli, long gapMilli,
        long timeUnitNanos, NullPolicy nulls, String customerColumn, String timeColumn) {
      this.unit = unit;
      this.zone = zone;
      this.endMilli = endMilli;
      this.gapMilli = gapMilli;
      this.timeUnitNanos = timeUnitNanos;
      this.nulls = nulls;
      this.customerColumn = customerColumn;
      this.timeColumn = timeColumn;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Row> rows) throws IOException {
      Map<String, Integer> codes = new HashMap<>();
      int[] c = new int[1024];
      long[] t = new long[1024];
      int size = 0;
      long rejected = 0;
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.isNullAt(0) || r.isNullAt(1)) {
          if (nulls == NullPolicy.STRICT) {
            throw new IllegalArgumentException(
                "cx-spark retention: null " + (r.isNullAt(0) ? customerColumn : timeColumn)
                    + " in row " + r
                    + " (null policy STRICT; use LENIENT to count such rows as rejected)");
          }
          rejected++;
          continue;
        }
        long millis = r.getTimestamp(1).getTime();
        if (millis > endMilli) {
          throw new IllegalArgumentException(
              "cx-spark retention: " + timeColumn + " " + Instant.ofEpochMilli(millis)
                  + " of customer " + r.getString(0) + " is after the observation end "
                  + Instant.ofEpochMilli(endMilli));
        }
        if (size == c.length) {
          c = Arrays.copyOf(c, size * 2);
          t = Arrays.copyOf(t, size * 2);
        }
        Integer code = codes.get(r.getString(0));
        if (code == null) {
          code = codes.size();
          codes.put(r.getString(0), code);
        }
        c[size] = code;
        t[size] = millis;
        size++;
      }
      ActivityLog log = ActivityLog.of(Arrays.copyOf(c, size), Arrays.copyOf(t, size));
      Instant observationEnd = Instant.ofEpochMilli(endMilli);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(rejected);
      out.writeLong(size);
      CohortRetention.of(log, unit, ZoneId.of(zone), observationEnd).writeTo(out);
      ChurnSurvival s = ChurnSurvival.fromActivity(
          log, Duration.ofMillis(gapMilli), observationEnd, Duration.ofNanos(timeUnitNanos));
      double[] times = s.times();
      boolean[] churned = s.churned();
      out.writeInt(times.length);
      for (int i = 0; i < times.length; i++) {
        out.writeDouble(times[i]);
        out.writeBoolean(churned[i]);
      }
      out.flush();
      return List.of(bytes.toByteArray()).iterator();
    }
  }

  /** Configures a {@link SparkRetention}. Not thread-safe. */
  public static final class Builder {
    private String customer = "customer_id";
    private String time = "time";
    private PeriodUnit unit = PeriodUnit.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private Instant end;
    private Duration gap = Duration.ofDays(90);
    private Duration timeUnit = Duration.ofDays(1);
    private NullPolicy nulls = NullPolicy.LENIENT;
    private int partitions;

    private Builder() {}

    /** Sets the column names (defaults {@code customer_id} and {@code time}). */
    public Builder columns(String customer, String time) {
      this.customer = Objects.requireNonNull(customer, "customer");
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** Sets the cohort period (default {@link PeriodUnit#MONTH}). */
    public Builder unit(PeriodUnit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /** Sets the zone in which periods start (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the observation end (default: the latest time in the data). */
    public Builder observationEnd(Instant end) {
      this.end = Objects.requireNonNull(end, "end");
      return this;
    }

    /**
     * Sets the inactivity before the observation end after which a customer counts as churned
     * (default 90 days).
     *
     * @throws IllegalArgumentException if {@code gap} is not positive
     */
    public Builder churnGap(Duration gap) {
      if (gap.isNegative() || gap.isZero()) {
        throw new IllegalArgumentException("gap must be positive, got " + gap);
      }
      this.gap = gap;
      return this;
    }

    /**
     * Sets the unit of the survival times (default one day).
     *
     * @throws IllegalArgumentException if {@code timeUnit} is not positive
     */
    public Builder timeUnit(Duration timeUnit) {
      if (timeUnit.isNegative() || timeUnit.isZero()) {
        throw new IllegalArgumentException("timeUnit must be positive, got " + timeUnit);
      }
      this.timeUnit = timeUnit;
      return this;
    }

    /** Sets the null policy (default {@link NullPolicy#LENIENT}). */
    public Builder nullPolicy(NullPolicy nulls) {
      this.nulls = Objects.requireNonNull(nulls, "nulls");
      return this;
    }

    /**
     * Sets the number of partitions (default {@code spark.sql.shuffle.partitions}).
     *
     * @throws IllegalArgumentException if {@code partitions < 1}
     */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /** Returns the configured analysis. */
    public SparkRetention build() {
      return new SparkRetention(this);
    }
  }
}
