package org.cx4j.spark.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.io.Serial;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.PurchaseModelFit;
import org.cx4j.metrics.clv.RepeatPurchaseData;
import org.cx4j.metrics.rfm.BtydSummarizer;
import org.cx4j.metrics.rfm.BtydSummary;
import org.cx4j.spark.SparkInputs;

/**
 * Customer lifetime value at Spark scale: per-customer BTYD summaries (frequency {@code x}, recency
 * {@code t_x}, age {@code T}, mean repeat spend, holdout purchases) computed on the executors from
 * a Dataset of transactions, a BG/NBD fit on the driver from those summaries, and per-customer
 * predictions back as a Dataset.
 *
 * <p>How it runs: the three columns (customer id, time, amount) are repartitioned by customer and
 * sorted by customer and time within each partition; each partition feeds them, in that order, to
 * one {@link BtydSummarizer.Accumulator} of the same settings, so every summary equals {@link
 * BtydSummarizer#summarize} on one machine (the same conventions, listed there). The fit collects
 * {@code (x, t_x, T)}, 20 bytes per customer, to the driver: fine for tens of millions of
 * customers. For hundreds of millions, {@link #histogram(Dataset, double)} counts the customers of
 * each distinct {@code (x, t_x, T)} on Spark and {@link Histogram#fitBgNbd()} fits the weighted
 * likelihood to those counted rows on the driver: the same fit, from far fewer rows.
 *
 * <pre>{@code
 * SparkClv clv = SparkClv.builder(LocalDate.of(1997, 9, 30)).build();
 * Dataset<Row> summaries = clv.summaries(transactions);      // customer_id, time, amount
 * PurchaseModelFit<BgNbdModel> fit = clv.fitBgNbd(summaries);
 * Dataset<Row> predictions = clv.predict(summaries, fit.model(), 39);
 * }</pre>
 *
 * <p>Bad input: a null customer id, time or amount, or a negative amount, fails the job with a
 * message naming the column (the summarizer's own errors name the customer). Immutable and
 * thread-safe.
 */
public final class SparkClv {

  /** The columns of {@link #summaries(Dataset)}. */
  public static final StructType SUMMARY_SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("first_purchase", DataTypes.DateType, false)
          .add("x", DataTypes.IntegerType, false)
          .add("t_x", DataTypes.DoubleType, false)
          .add("T", DataTypes.DoubleType, false)
          .add("monetary_value", DataTypes.DoubleType, false)
          .add("holdout_x", DataTypes.IntegerType, false)
          .add("holdout_monetary_value", DataTypes.DoubleType, false)
          .add("holdout_duration", DataTypes.DoubleType, false);

  /** The columns {@link #predict(Dataset, BgNbdModel, double)} adds. */
  public static final StructType PREDICTION_SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("x", DataTypes.IntegerType, false)
          .add("t_x", DataTypes.DoubleType, false)
          .add("T", DataTypes.DoubleType, false)
          .add("p_alive", DataTypes.DoubleType, false)
          .add("expected_purchases", DataTypes.DoubleType, false);

  private final Settings settings;
  private final String customer;
  private final String time;
  private final String amount;
  private final int partitions;

  private SparkClv(Builder b) {
    this.settings =
        new Settings(
            b.calibrationEnd, b.holdoutEnd, b.zone.getId(), b.period, b.timeUnit.toNanos());
    this.customer = b.customer;
    this.time = b.time;
    this.amount = b.amount;
    this.partitions = b.partitions;
  }

  /**
   * Returns a builder for a calibration period that ends on {@code calibrationEnd} (inclusive).
   *
   * @throws NullPointerException if {@code calibrationEnd} is null
   */
  public static Builder builder(LocalDate calibrationEnd) {
    return new Builder(Objects.requireNonNull(calibrationEnd, "calibrationEnd"));
  }

  /**
   * Returns the BTYD summary of every customer of {@code transactions} ({@link #SUMMARY_SCHEMA}),
   * equal to {@link BtydSummarizer#summarize} of the same transactions on one machine; customers
   * whose first purchase is after the calibration end are not in it.
   *
   * @throws IllegalArgumentException if a column is missing or has the wrong type
   */
  public Dataset<Row> summaries(Dataset<Row> transactions) {
    Objects.requireNonNull(transactions, "transactions");
    StructType schema = transactions.schema();
    SparkInputs.requireColumn(schema, customer, DataTypes.StringType);
    SparkInputs.requireColumn(schema, time, DataTypes.TimestampType);
    SparkInputs.requireColumn(schema, amount, DataTypes.DoubleType);
    int n = SparkInputs.partitions(transactions.sparkSession(), partitions);
    Dataset<Row> rows =
        transactions
            .select(col(customer), col(time), col(amount))
            .repartition(n, col(customer))
            .sortWithinPartitions(col(customer), col(time));
    return rows.mapPartitions(
        new Summarize(settings, customer, time, amount), encoder(SUMMARY_SCHEMA));
  }

  /**
   * Fits BG/NBD on the driver to the {@code (x, t_x, T)} of {@code summaries} (as made by {@link
   * #summaries(Dataset)}).
   *
   * @throws org.cx4j.metrics.clv.FitFailedException if the model cannot be fitted to the data
   * @throws IllegalArgumentException if there are no summaries
   */
  public PurchaseModelFit<BgNbdModel> fitBgNbd(Dataset<Row> summaries) {
    RepeatPurchaseData data = data(summaries);
    return BgNbdModel.fit(data);
  }

  /**
   * Returns the {@code (x, t_x, T)} of {@code summaries}, sorted by customer id so that the data
   * (and a fit to it) do not depend on partitioning.
   *
   * @throws IllegalArgumentException if there are no summaries
   */
  public static RepeatPurchaseData data(Dataset<Row> summaries) {
    List<Row> rows =
        summaries
            .select(col("customer_id"), col("x"), col("t_x"), col("T"))
            .orderBy(col("customer_id"))
            .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "no customer summaries to fit: the calibration period " + "holds no first purchase");
    }
    int[] x = new int[rows.size()];
    double[] tx = new double[rows.size()];
    double[] age = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      Row r = rows.get(i);
      x[i] = r.getInt(1);
      tx[i] = r.getDouble(2);
      age[i] = r.getDouble(3);
    }
    return RepeatPurchaseData.of(x, tx, age);
  }

  /**
   * Returns the histogram of {@code summaries}' {@code (x, t_x, T)}: each distinct history and its
   * number of customers, counted on Spark, with {@code t_x} and {@code T} first rounded to the
   * nearest multiple of {@code resolution} (in the summaries' time unit) when {@code resolution >
   * 0}. The rows come in {@code (x, t_x, T)} order.
   *
   * <p>Rounding: {@code v -> floor(v / resolution + 0.5) * resolution}, half up, monotone, so
   * {@code t_x <= T} still holds and {@code t_x = 0} stays 0; each time moves by at most {@code
   * resolution / 2}. With {@code resolution = 0} nothing is rounded and {@link
   * Histogram#fitBgNbd()} is the per-customer fit ({@link #fitBgNbd}) exactly, up to the order of
   * its sums. The histogram has at most (distinct x) × (distinct t_x) × (distinct T) rows: with
   * daily purchase periods over two years, times in weeks are multiples of 1/7 and the exact
   * histogram is usually far smaller than the customer base; a resolution of 1 (a week) bounds the
   * distinct times to about 105 each.
   *
   * @throws IllegalArgumentException if {@code resolution} is negative, NaN or infinite, or there
   *     are no summaries
   */
  public static Histogram histogram(Dataset<Row> summaries, double resolution) {
    Objects.requireNonNull(summaries, "summaries");
    if (!(resolution >= 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException(
          "resolution must be finite and at least 0, got " + resolution);
    }
    Column tx = col("t_x");
    Column age = col("T");
    if (resolution > 0) {
      tx =
          floor(tx.divide(lit(resolution)).plus(lit(0.5)))
              .cast(DataTypes.DoubleType)
              .multiply(lit(resolution));
      age =
          floor(age.divide(lit(resolution)).plus(lit(0.5)))
              .cast(DataTypes.DoubleType)
              .multiply(lit(resolution));
    }
    List<Row> rows =
        summaries
            .select(col("x"), tx.as("t_x"), age.as("T"))
            .groupBy(col("x"), col("t_x"), col("T"))
            .agg(count(lit(1)).as("customers"))
            .orderBy(col("x"), col("t_x"), col("T"))
            .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "no customer summaries to count: the calibration period " + "holds no first purchase");
    }
    int n = rows.size();
    int[] x = new int[n];
    double[] txs = new double[n];
    double[] ages = new double[n];
    long[] customers = new long[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      x[i] = r.getInt(0);
      txs[i] = r.getDouble(1);
      ages[i] = r.getDouble(2);
      customers[i] = r.getLong(3);
    }
    return new Histogram(RepeatPurchaseData.of(x, txs, ages), customers, resolution);
  }

  /**
   * Distinct {@code (x, t_x, T)} histories and the number of customers of each ({@link
   * #histogram}); the rows of {@code histories} match {@code customers}.
   *
   * @param histories the distinct histories
   * @param customers the customers of each history, each at least 1 (a copy is kept and given)
   * @param resolution the rounding of {@code t_x} and {@code T} (0: none)
   */
  public record Histogram(RepeatPurchaseData histories, long[] customers, double resolution) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the lengths differ or a count is below 1
     */
    public Histogram {
      Objects.requireNonNull(histories, "histories");
      customers = customers.clone();
      if (customers.length != histories.size()) {
        throw new IllegalArgumentException(
            "customers must have one count per history ("
                + histories.size()
                + "), got "
                + customers.length);
      }
      for (int i = 0; i < customers.length; i++) {
        if (customers[i] < 1) {
          throw new IllegalArgumentException(
              "customers of history " + i + " must be at least 1, got " + customers[i]);
        }
      }
    }

    /** Returns a copy of the counts. */
    @Override
    public long[] customers() {
      return customers.clone();
    }

    /** Returns the number of customers, the sum of the counts. */
    public long totalCustomers() {
      return Arrays.stream(customers).sum();
    }

    /**
     * Fits BG/NBD to the counted histories ({@link BgNbdModel#fit(RepeatPurchaseData, long[])}, the
     * weighted likelihood).
     *
     * @throws IllegalArgumentException if the counts sum to more than {@code Integer.MAX_VALUE} or
     *     every customer has {@code x = 0}
     * @throws org.cx4j.metrics.clv.FitFailedException if the model cannot be fitted
     */
    public PurchaseModelFit<BgNbdModel> fitBgNbd() {
      return BgNbdModel.fit(histories, customers);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Histogram h
          && Arrays.equals(h.customers, customers)
          && Double.compare(h.resolution, resolution) == 0
          && Arrays.equals(h.histories.frequency(), histories.frequency())
          && Arrays.equals(h.histories.recency(), histories.recency())
          && Arrays.equals(h.histories.age(), histories.age());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(customers) * 31 + Double.hashCode(resolution);
    }

    @Override
    public String toString() {
      return "Histogram["
          + customers.length
          + " histories of "
          + totalCustomers()
          + " customers, resolution "
          + resolution
          + "]";
    }
  }

  /**
   * Returns, per customer of {@code summaries}, P(alive) at the calibration end and the expected
   * number of purchases in the next {@code horizon} time units ({@link #PREDICTION_SCHEMA}),
   * computed on the executors by {@code model}.
   *
   * @throws IllegalArgumentException if {@code horizon} is negative or not finite
   */
  public Dataset<Row> predict(Dataset<Row> summaries, BgNbdModel model, double horizon) {
    Objects.requireNonNull(model, "model");
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new IllegalArgumentException("horizon must be finite and at least 0, got " + horizon);
    }
    Predict f = new Predict(model.r(), model.alpha(), model.a(), model.b(), horizon);
    return summaries
        .select(col("customer_id"), col("x"), col("t_x"), col("T"))
        .mapPartitions(f, encoder(PREDICTION_SCHEMA));
  }

  private static Encoder<Row> encoder(StructType schema) {
    return Encoders.row(schema);
  }

  @Override
  public String toString() {
    return "SparkClv[" + settings + ", columns " + customer + ", " + time + ", " + amount + "]";
  }

  /** The summarizer's settings, serializable, rebuilt into a summarizer in each task. */
  private record Settings(
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      String zone,
      BtydSummarizer.PurchasePeriod period,
      long timeUnitNanos)
      implements Serializable {
    BtydSummarizer summarizer() {
      BtydSummarizer.Builder b =
          BtydSummarizer.builder(calibrationEnd)
              .zone(ZoneId.of(zone))
              .purchasePeriod(period)
              .timeUnit(Duration.ofNanos(timeUnitNanos));
      if (holdoutEnd != null) {
        b.holdoutEnd(holdoutEnd);
      }
      return b.build();
    }
  }

  /** One partition's transactions, sorted by customer and time, to summaries. */
  private static final class Summarize implements MapPartitionsFunction<Row, Row> {
    @Serial private static final long serialVersionUID = 1L;
    private final Settings settings;
    private final String customer;
    private final String time;
    private final String amount;

    Summarize(Settings settings, String customer, String time, String amount) {
      this.settings = settings;
      this.customer = customer;
      this.time = time;
      this.amount = amount;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      BtydSummarizer.Accumulator acc = settings.summarizer().accumulator();
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
          String column = r.isNullAt(0) ? customer : r.isNullAt(1) ? time : amount;
          throw new IllegalArgumentException(
              "SparkClv: null in column '"
                  + column
                  + "'"
                  + (r.isNullAt(0) ? "" : " of customer " + r.getString(0)));
        }
        Timestamp t = r.getTimestamp(1);
        acc.add(
            new Transaction(CustomerId.of(r.getString(0)), t.toInstant(), r.getDouble(2), 1, null));
      }
      List<Row> out = new ArrayList<>();
      for (BtydSummary s : acc.result().summaries()) {
        out.add(
            RowFactory.create(
                s.customer().value(),
                Date.valueOf(s.firstPurchase()),
                s.frequency(),
                s.recency(),
                s.age(),
                s.monetaryValue(),
                s.holdoutFrequency(),
                s.holdoutMonetaryValue(),
                s.holdoutDuration()));
      }
      return out.iterator();
    }
  }

  /** Per-customer predictions with the model's four parameters. */
  private static final class Predict implements MapPartitionsFunction<Row, Row> {
    @Serial private static final long serialVersionUID = 1L;
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double horizon;

    Predict(double r, double alpha, double a, double b, double horizon) {
      this.r = r;
      this.alpha = alpha;
      this.a = a;
      this.b = b;
      this.horizon = horizon;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      BgNbdModel m = BgNbdModel.of(r, alpha, a, b);
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row s = rows.next();
        int x = s.getInt(1);
        double tx = s.getDouble(2);
        double age = s.getDouble(3);
        out.add(
            RowFactory.create(
                s.getString(0),
                x,
                tx,
                age,
                m.probabilityAlive(x, tx, age),
                m.conditionalExpectedPurchases(horizon, x, tx, age)));
      }
      return out.iterator();
    }
  }

  /** Configures a {@link SparkClv}. Not thread-safe. */
  public static final class Builder {
    private final LocalDate calibrationEnd;
    private LocalDate holdoutEnd;
    private ZoneId zone = ZoneOffset.UTC;
    private BtydSummarizer.PurchasePeriod period = BtydSummarizer.PurchasePeriod.DAY;
    private Duration timeUnit = Duration.ofDays(7);
    private String customer = "customer_id";
    private String time = "time";
    private String amount = "amount";
    private int partitions;

    private Builder(LocalDate calibrationEnd) {
      this.calibrationEnd = calibrationEnd;
    }

    /** Sets the end of the holdout period (default: none). */
    public Builder holdoutEnd(LocalDate holdoutEnd) {
      this.holdoutEnd = Objects.requireNonNull(holdoutEnd, "holdoutEnd");
      return this;
    }

    /** Sets the zone transactions are dated in (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the purchase period (default {@code DAY}; see {@link BtydSummarizer}). */
    public Builder purchasePeriod(BtydSummarizer.PurchasePeriod period) {
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /** Sets the time unit of {@code t_x} and {@code T} (default a week). */
    public Builder timeUnit(Duration unit) {
      this.timeUnit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /** Sets the column names (defaults {@code customer_id}, {@code time}, {@code amount}). */
    public Builder columns(String customer, String time, String amount) {
      this.customer = Objects.requireNonNull(customer, "customer");
      this.time = Objects.requireNonNull(time, "time");
      this.amount = Objects.requireNonNull(amount, "amount");
      return this;
    }

    /** Sets the number of partitions to summarize in (default: Spark's shuffle partitions). */
    public Builder partitions(int partitions) {
      if (partitions < 0) {
        throw new IllegalArgumentException("partitions must be at least 0, got " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /**
     * Returns the configured instance.
     *
     * @throws IllegalArgumentException if the settings are invalid for {@link BtydSummarizer}
     */
    public SparkClv build() {
      new Settings(calibrationEnd, holdoutEnd, zone.getId(), period, timeUnit.toNanos())
          .summarizer(); // validates now, with the summarizer's messages
      return new SparkClv(this);
    }
  }
}
