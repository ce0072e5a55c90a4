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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.PeriodUnit;
import org.cx4j.metrics.survival.ChurnSurvival;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.SparkInputs;

/**
 * Cohort retention and Kaplan-Meier survival (time from first activity to churn) from a Dataset of
 * activity rows (transactions or interactions: a customer id and a time), computed by cx-metrics
 * inside Spark.
 *
 * <p>How it runs: the observation end is the latest time in the data (unless given); the rows (only
 * the two columns) are repartitioned by customer; each partition builds a cx-metrics {@code
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
 * <p>Memory: the driver holds the table and one survival record (9 bytes) per customer. Bad input:
 * a null customer id or time follows the {@link NullPolicy}; a time after a given observation end
 * is an error naming it. Immutable and thread-safe.
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
  private final String segment; // null: no breakdown

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
    segment = b.segment;
  }

  /** Returns a builder with the defaults listed on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the retention table and the churn survival curve of {@code activity}.
   *
   * @throws IllegalArgumentException if a column is missing or has the wrong type, or a task fails
   *     on bad input (see the class comment), naming the value
   */
  public RetentionAnalysis run(Dataset<Row> activity) {
    Objects.requireNonNull(activity, "activity");
    StructType schema = activity.schema();
    SparkInputs.requireColumn(schema, customer, DataTypes.StringType);
    SparkInputs.requireColumn(schema, time, DataTypes.TimestampType);
    Dataset<Row> rows;
    if (segment == null) {
      rows = activity.select(col(customer), col(time));
    } else {
      SparkInputs.requireColumn(schema, segment, DataTypes.StringType);
      rows = activity.select(col(customer), col(time), col(segment));
    }
    Instant observationEnd = end;
    if (observationEnd == null) {
      Timestamp latest = rows.agg(max(col(time))).first().getTimestamp(0);
      observationEnd = latest == null ? Instant.EPOCH : latest.toInstant();
    }
    int n = SparkInputs.partitions(activity.sparkSession(), partitions);
    PartitionFunction f =
        new PartitionFunction(
            unit,
            zone.getId(),
            observationEnd.toEpochMilli(),
            gap.toMillis(),
            timeUnit.toNanos(),
            nulls,
            customer,
            time,
            segment);
    List<byte[]> states =
        rows.repartition(n, col(customer)).mapPartitions(f, Encoders.BINARY()).collectAsList();

    CohortRetention table =
        CohortRetention.of(ActivityLog.of(new int[0], new long[0]), unit, zone, observationEnd);
    KaplanMeier.Accumulator km = KaplanMeier.accumulator();
    long customers = 0;
    long churned = 0;
    long used = 0;
    long rejected = 0;
    Map<String, CohortRetention> segmentTables = new TreeMap<>();
    Map<String, KaplanMeier.Accumulator> segmentCurves = new TreeMap<>();
    try {
      for (byte[] state : states) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        rejected += in.readLong();
        used += in.readLong();
        table = table.plus(CohortRetention.readFrom(in));
        long[] counts = readRecords(in, km);
        customers += counts[0];
        churned += counts[1];
        int segments = in.readInt();
        for (int g = 0; g < segments; g++) {
          String name = in.readUTF();
          CohortRetention part = CohortRetention.readFrom(in);
          segmentTables.merge(name, part, CohortRetention::plus);
          readRecords(in, segmentCurves.computeIfAbsent(name, k -> KaplanMeier.accumulator()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt partition state", e);
    }
    Map<String, KaplanMeier> segmentSurvival = new TreeMap<>();
    segmentCurves.forEach((name, acc) -> segmentSurvival.put(name, acc.result()));
    return new RetentionAnalysis(
        table,
        km.result(),
        customers,
        churned,
        used,
        rejected,
        observationEnd,
        segmentTables,
        segmentSurvival);
  }

  /** Reads survival records into {@code km}; returns {records, churned}. */
  private static long[] readRecords(DataInputStream in, KaplanMeier.Accumulator km)
      throws IOException {
    int records = in.readInt();
    long churned = 0;
    for (int i = 0; i < records; i++) {
      double t = in.readDouble();
      boolean e = in.readBoolean();
      km.add(t, e);
      churned += e ? 1 : 0;
    }
    return new long[] {records, churned};
  }

  private static void writeRecords(DataOutputStream out, ChurnSurvival s) throws IOException {
    double[] times = s.times();
    boolean[] churned = s.churned();
    out.writeInt(times.length);
    for (int i = 0; i < times.length; i++) {
      out.writeDouble(times[i]);
      out.writeBoolean(churned[i]);
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
    private final String segmentColumn; // null: no breakdown

    PartitionFunction(
        PeriodUnit unit,
        String zone,
        long endMilli,
        long gapMilli,
        long timeUnitNanos,
        NullPolicy nulls,
        String customerColumn,
        String timeColumn,
        String segmentColumn) {
      this.unit = unit;
      this.zone = zone;
      this.endMilli = endMilli;
      this.gapMilli = gapMilli;
      this.timeUnitNanos = timeUnitNanos;
      this.nulls = nulls;
      this.customerColumn = customerColumn;
      this.timeColumn = timeColumn;
      this.segmentColumn = segmentColumn;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Row> rows) throws IOException {
      Map<String, Integer> codes = new HashMap<>();
      int[] c = new int[1024];
      long[] t = new long[1024];
      int size = 0;
      long rejected = 0;
      boolean segmented = segmentColumn != null;
      Map<String, Integer> segmentCodes = new HashMap<>();
      List<String> segmentNames = new ArrayList<>();
      int[] segmentOf = new int[segmented ? 1024 : 0]; // by customer code
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.isNullAt(0) || r.isNullAt(1) || (segmented && r.isNullAt(2))) {
          if (nulls == NullPolicy.STRICT) {
            String column =
                r.isNullAt(0) ? customerColumn : r.isNullAt(1) ? timeColumn : segmentColumn;
            throw new IllegalArgumentException(
                "cx-spark retention: null "
                    + column
                    + " in row "
                    + r
                    + " (null policy STRICT; use LENIENT to count such rows as rejected)");
          }
          rejected++;
          continue;
        }
        long millis = r.getTimestamp(1).getTime();
        if (millis > endMilli) {
          throw new IllegalArgumentException(
              "cx-spark retention: "
                  + timeColumn
                  + " "
                  + Instant.ofEpochMilli(millis)
                  + " of customer "
                  + r.getString(0)
                  + " is after the observation end "
                  + Instant.ofEpochMilli(endMilli));
        }
        if (size == c.length) {
          c = Arrays.copyOf(c, size * 2);
          t = Arrays.copyOf(t, size * 2);
        }
        Integer code = codes.get(r.getString(0));
        boolean first = code == null;
        if (first) {
          code = codes.size();
          codes.put(r.getString(0), code);
        }
        if (segmented) {
          String name = r.getString(2);
          Integer g = segmentCodes.get(name);
          if (g == null) {
            g = segmentNames.size();
            segmentCodes.put(name, g);
            segmentNames.add(name);
          }
          if (first) {
            if (code == segmentOf.length) {
              segmentOf = Arrays.copyOf(segmentOf, code * 2);
            }
            segmentOf[code] = g;
          } else if (segmentOf[code] != g) {
            // A segment is a property of the customer; two values would count them twice.
            throw new IllegalArgumentException(
                "cx-spark retention: customer "
                    + r.getString(0)
                    + " has two values of "
                    + segmentColumn
                    + ", '"
                    + segmentNames.get(segmentOf[code])
                    + "' and '"
                    + name
                    + "'; a segment must be one per customer");
          }
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
      writeRecords(
          out,
          ChurnSurvival.fromActivity(
              log, Duration.ofMillis(gapMilli), observationEnd, Duration.ofNanos(timeUnitNanos)));
      out.writeInt(segmentNames.size());
      ActivityLog[] parts = segmentLogs(c, t, size, codes.size(), segmentOf, segmentNames.size());
      for (int g = 0; g < segmentNames.size(); g++) {
        ActivityLog part = parts[g];
        out.writeUTF(segmentNames.get(g));
        CohortRetention.of(part, unit, ZoneId.of(zone), observationEnd).writeTo(out);
        writeRecords(
            out,
            ChurnSurvival.fromActivity(
                part,
                Duration.ofMillis(gapMilli),
                observationEnd,
                Duration.ofNanos(timeUnitNanos)));
      }
      out.flush();
      return List.of(bytes.toByteArray()).iterator();
    }
  }

  /**
   * Splits the partition's rows by their customer's segment, in one pass: one log per segment,
   * customer codes renumbered densely within it (a customer is in exactly one segment).
   */
  private static ActivityLog[] segmentLogs(
      int[] c, long[] t, int size, int customers, int[] segmentOf, int segments) {
    if (segments == 0) {
      return new ActivityLog[0]; // no segment column
    }
    int[] rows = new int[segments];
    int[] dense = new int[customers];
    int[] next = new int[segments];
    Arrays.fill(dense, -1);
    for (int i = 0; i < size; i++) {
      int g = segmentOf[c[i]];
      rows[g]++;
      if (dense[c[i]] < 0) {
        dense[c[i]] = next[g]++;
      }
    }
    int[][] partCustomers = new int[segments][];
    long[][] partTimes = new long[segments][];
    for (int g = 0; g < segments; g++) {
      partCustomers[g] = new int[rows[g]];
      partTimes[g] = new long[rows[g]];
    }
    int[] filled = new int[segments];
    for (int i = 0; i < size; i++) {
      int g = segmentOf[c[i]];
      int k = filled[g]++;
      partCustomers[g][k] = dense[c[i]];
      partTimes[g][k] = t[i];
    }
    ActivityLog[] logs = new ActivityLog[segments];
    for (int g = 0; g < segments; g++) {
      logs[g] = ActivityLog.of(partCustomers[g], partTimes[g]);
    }
    return logs;
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
    private String segment;

    private Builder() {}

    /**
     * Also computes the table and the curve per segment: {@code column} is a string column whose
     * value is the customer's segment (e.g. plan or country), the same on all of a customer's rows.
     * Segments share the observation end and the churn rule of the whole. A null segment follows
     * the null policy; a customer with two values fails the task, naming both.
     */
    public Builder segment(String column) {
      this.segment = Objects.requireNonNull(column, "column");
      return this;
    }

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
