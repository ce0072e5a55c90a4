package org.cx4j.spark.score;

import java.io.Serial;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.spark.NullPolicy;

/**
 * A typed Spark {@link Aggregator} of integer scores into one cx-metrics result (NPS, CSAT top-box,
 * CES, a rating distribution, or a mean with its interval), returned as a struct.
 *
 * <p>The buffer is a {@link ScoreBuffer}, i.e. a cx-metrics {@code ScoreAccumulator}: {@code
 * reduce} is its {@code add}, {@code merge} its {@code merge}, and {@code finish} applies the same
 * calculator a single-machine caller uses ({@code NetPromoterScore.of(distribution)}, ...), so a
 * Spark result equals the single-machine result on the same scores: exactly for counts, and for
 * derived figures too, since they are computed from the same counts by the same code.
 *
 * <p>Use it from the Dataset API, {@code scores.select(ScoreAggregator.nps().toColumn())}, or as a
 * SQL function: {@code functions.udaf(ScoreAggregator.nps(), Encoders.INT())}; {@link
 * org.cx4j.spark.CxFunctions#register} registers the five (and {@code cx_score}). The struct's
 * fields are listed by {@link #schema()}; every struct has {@code n} (scores aggregated), {@code
 * rejected} (null rows, see {@link NullPolicy}) and {@code level}. On an empty group ({@code n =
 * 0}) the derived fields ({@code score}, {@code standard_error}, {@code lower}, {@code upper},
 * {@code mean}, ...) are null and the counts 0.
 *
 * <p>Errors: a score outside the scale fails the task with an {@link IllegalArgumentException}
 * naming the function, the value and the scale; Spark reports it on the driver (as the cause of a
 * {@code SparkException}). Immutable and serializable, as Spark requires of an aggregator.
 */
public final class ScoreAggregator extends Aggregator<Integer, ScoreBuffer, Row> {

  @Serial private static final long serialVersionUID = 1L;

  /** What the aggregator computes. */
  public enum Kind {
    /** Net Promoter Score on 0..10 ({@link NetPromoterScore}, adjusted-Wald interval). */
    NPS,
    /** CSAT top-box share ({@link CustomerSatisfaction}, Wilson interval). */
    CSAT,
    /** Customer Effort Score: the mean with its t interval and the easy share. */
    CES,
    /** The distribution of a rating: counts per point, mean, top and bottom box. */
    RATING_DISTRIBUTION,
    /** The mean score with its t interval ({@link MeanEstimate}). */
    MEAN
  }

  private final String name;
  private final Kind kind;
  private final int min;
  private final int max;
  private final int boxes;
  private final boolean lowIsEasy;
  private final double level;
  private final NullPolicy nulls;

  private ScoreAggregator(
      String name,
      Kind kind,
      Scale scale,
      int boxes,
      boolean lowIsEasy,
      double level,
      NullPolicy nulls) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    this.min = scale.min();
    this.max = scale.max();
    this.boxes = boxes;
    this.lowIsEasy = lowIsEasy;
    this.level = level;
    this.nulls = Objects.requireNonNull(nulls, "nulls");
    // Validates the definition now, on the driver, rather than in every task.
    finish(new ScoreBuffer(scale));
  }

  /**
   * Returns {@code cx_nps}: NPS on 0..10 with the adjusted-Wald interval at 95% ({@code
   * NetPromoterScore.Definition.DEFAULT}), lenient about nulls.
   */
  public static ScoreAggregator nps() {
    return nps(NetPromoterScore.Definition.DEFAULT.level(), NullPolicy.LENIENT);
  }

  /**
   * Returns an NPS aggregator with the adjusted-Wald interval at {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static ScoreAggregator nps(double level, NullPolicy nulls) {
    return new ScoreAggregator("cx_nps", Kind.NPS, NetPromoterScore.SCALE, 0, false, level, nulls);
  }

  /** Returns {@code cx_csat}: top-2-box share on 1..5 with its Wilson interval at 95%. */
  public static ScoreAggregator csat() {
    return csat(CustomerSatisfaction.Definition.DEFAULT, NullPolicy.LENIENT);
  }

  /** Returns a CSAT aggregator for {@code definition}. */
  public static ScoreAggregator csat(CustomerSatisfaction.Definition definition, NullPolicy nulls) {
    return new ScoreAggregator(
        "cx_csat",
        Kind.CSAT,
        definition.scale(),
        definition.topBoxes(),
        false,
        definition.level(),
        nulls);
  }

  /** Returns {@code cx_ces}: CES on 1..7, high is easy, 5..7 easy, 95%. */
  public static ScoreAggregator ces() {
    return ces(CustomerEffortScore.Definition.DEFAULT, NullPolicy.LENIENT);
  }

  /** Returns a CES aggregator for {@code definition}. */
  public static ScoreAggregator ces(CustomerEffortScore.Definition definition, NullPolicy nulls) {
    return new ScoreAggregator(
        "cx_ces",
        Kind.CES,
        definition.scale(),
        definition.easyBoxes(),
        definition.direction() == CustomerEffortScore.Direction.LOW_IS_EASY,
        definition.level(),
        nulls);
  }

  /**
   * Returns {@code cx_rating_distribution} on {@code scale}: counts per point, the mean with its t
   * interval, and top and bottom {@code boxes}-box shares, at {@code level}.
   *
   * @throws IllegalArgumentException if {@code boxes} is not in 1..points-1 or {@code level} is
   *     outside (0, 1)
   */
  public static ScoreAggregator ratingDistribution(
      Scale scale, int boxes, double level, NullPolicy nulls) {
    return new ScoreAggregator(
        "cx_rating_distribution", Kind.RATING_DISTRIBUTION, scale, boxes, false, level, nulls);
  }

  /**
   * Returns {@code cx_mean} on {@code scale}: the mean with its t interval at {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static ScoreAggregator mean(Scale scale, double level, NullPolicy nulls) {
    return new ScoreAggregator("cx_mean", Kind.MEAN, scale, 0, false, level, nulls);
  }

  /** Returns the SQL function name this aggregator reports in errors (e.g. {@code cx_nps}). */
  public String name() {
    return name;
  }

  /** Returns what it computes. */
  public Kind kind() {
    return kind;
  }

  /** Returns the scale. */
  public Scale scale() {
    return Scale.of(min, max);
  }

  /** Returns the null policy. */
  public NullPolicy nullPolicy() {
    return nulls;
  }

  /**
   * Returns the schema of the result struct. All kinds: {@code n}, {@code rejected} (bigint) and
   * {@code level} (double); NPS adds {@code score} (-100..100), {@code promoters}, {@code
   * passives}, {@code detractors}, {@code standard_error}, {@code lower}, {@code upper}; CSAT adds
   * {@code score} (top-box share in [0, 1]), {@code satisfied}, {@code mean}, {@code
   * standard_error}, {@code lower}, {@code upper} (of the share); CES adds {@code score} (the mean
   * answer), {@code easy}, {@code easy_share}, {@code standard_error}, {@code lower}, {@code upper}
   * (of the mean); the rating distribution adds {@code scale_min}, {@code scale_max}, {@code
   * counts} (array, one per point from {@code scale_min}), {@code mean}, {@code standard_error},
   * {@code lower}, {@code upper}, {@code top_box}, {@code bottom_box}; the mean adds {@code score}
   * (the mean), {@code standard_deviation}, {@code standard_error}, {@code lower}, {@code upper}.
   */
  public StructType schema() {
    List<StructField> f = new ArrayList<>();
    for (Field<?> field : LAYOUTS.get(kind).fields()) {
      f.add(DataTypes.createStructField(field.name(), field.type(), field.derived()));
    }
    f.add(DataTypes.createStructField("level", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("rejected", DataTypes.LongType, false));
    return DataTypes.createStructType(f);
  }

  /**
   * One field of a result struct: its name and type, whether it is derived (null on an empty group,
   * so nullable) or a count (always present), and how it is read from the metric. {@link #schema()}
   * and {@link #finish} both walk the same list, so they cannot disagree.
   */
  private record Field<T>(String name, DataType type, boolean derived, Function<T, Object> value) {}

  /** How a kind computes its metric from the distribution, and the fields read from it. */
  private record Layout<T>(
      BiFunction<ScoreAggregator, ScoreDistribution, T> metric, List<Field<T>> fields) {

    Layout {
      fields = List.copyOf(fields);
    }

    // Appends the field values of the metric of d; derived fields are null when empty.
    void values(ScoreAggregator agg, ScoreDistribution d, boolean empty, List<Object> out) {
      T m = metric.apply(agg, d);
      for (Field<T> f : fields) {
        out.add(f.derived() && empty ? null : f.value().apply(m));
      }
    }
  }

  private static <T> Field<T> derived(String name, ToDoubleFunction<T> value) {
    return new Field<>(name, DataTypes.DoubleType, true, m -> value.applyAsDouble(m));
  }

  private static <T> Field<T> count(String name, ToLongFunction<T> value) {
    return new Field<>(name, DataTypes.LongType, false, m -> value.applyAsLong(m));
  }

  // The standard error and the interval bounds of an estimate, in this order.
  private static <T> List<Field<T>> estimate(
      ToDoubleFunction<T> standardError, Function<T, Interval> interval) {
    return List.of(
        derived("standard_error", standardError),
        derived("lower", m -> interval.apply(m).lower()),
        derived("upper", m -> interval.apply(m).upper()));
  }

  @SafeVarargs
  private static <T> List<Field<T>> fields(List<Field<T>>... parts) {
    List<Field<T>> all = new ArrayList<>();
    for (List<Field<T>> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  // Score and interval through the SurveyMetric contract, the rest through each metric's accessors.
  private static final Map<Kind, Layout<?>> LAYOUTS =
      new EnumMap<>(
          Map.of(
              Kind.NPS,
                  new Layout<NetPromoterScore>(
                      (a, d) ->
                          NetPromoterScore.of(
                              NetPromoterScore.Definition.DEFAULT.withLevel(a.level), d),
                      fields(
                          List.of(
                              derived("score", NetPromoterScore::score),
                              count("n", NetPromoterScore::n),
                              count("promoters", NetPromoterScore::promoters),
                              count("passives", NetPromoterScore::passives),
                              count("detractors", NetPromoterScore::detractors)),
                          estimate(NetPromoterScore::standardError, NetPromoterScore::interval))),
              Kind.CSAT,
                  new Layout<CustomerSatisfaction>(
                      (a, d) ->
                          CustomerSatisfaction.of(
                              new CustomerSatisfaction.Definition(d.scale(), a.boxes, a.level), d),
                      fields(
                          List.of(
                              derived("score", CustomerSatisfaction::score),
                              count("n", CustomerSatisfaction::n),
                              count("satisfied", c -> c.topBox().hits()),
                              derived("mean", c -> c.mean().mean())),
                          estimate(
                              c -> c.topBox().standardError(), CustomerSatisfaction::interval))),
              Kind.CES,
                  new Layout<CustomerEffortScore>(
                      (a, d) ->
                          CustomerEffortScore.of(
                              new CustomerEffortScore.Definition(
                                  d.scale(),
                                  a.lowIsEasy
                                      ? CustomerEffortScore.Direction.LOW_IS_EASY
                                      : CustomerEffortScore.Direction.HIGH_IS_EASY,
                                  a.boxes,
                                  a.level),
                              d),
                      fields(
                          List.of(
                              derived("score", c -> c.mean().mean()),
                              count("n", CustomerEffortScore::n),
                              count("easy", c -> c.easyShare().hits()),
                              derived("easy_share", CustomerEffortScore::score)),
                          estimate(c -> c.mean().standardError(), c -> c.mean().interval()))),
              Kind.RATING_DISTRIBUTION,
                  new Layout<Rating>(
                      (a, d) ->
                          Rating.of(
                              new Rating.Definition(
                                  Instrument.rating("rating", d.scale()), a.boxes, a.level),
                              d),
                      fields(
                          List.of(
                              count("n", Rating::n),
                              new Field<>(
                                  "scale_min",
                                  DataTypes.IntegerType,
                                  false,
                                  r -> r.distribution().scale().min()),
                              new Field<>(
                                  "scale_max",
                                  DataTypes.IntegerType,
                                  false,
                                  r -> r.distribution().scale().max()),
                              new Field<>(
                                  "counts",
                                  DataTypes.createArrayType(DataTypes.LongType, false),
                                  false,
                                  r -> r.distribution().counts()),
                              derived("mean", r -> r.mean().mean())),
                          estimate(r -> r.mean().standardError(), r -> r.mean().interval()),
                          List.of(
                              derived("top_box", Rating::score),
                              derived("bottom_box", r -> r.bottomBox().share())))),
              Kind.MEAN,
                  new Layout<MeanEstimate>(
                      (a, d) -> MeanEstimate.of(d, a.level),
                      fields(
                          List.of(
                              derived("score", MeanEstimate::mean),
                              count("n", MeanEstimate::n),
                              derived("standard_deviation", MeanEstimate::standardDeviation)),
                          estimate(MeanEstimate::standardError, MeanEstimate::interval)))));

  /** Returns an empty buffer on the scale. */
  @Override
  public ScoreBuffer zero() {
    return new ScoreBuffer(Scale.of(min, max));
  }

  /**
   * Adds {@code score}; a null is rejected per the {@link NullPolicy}.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale, or null under {@link
   *     NullPolicy#STRICT}, naming the function and the value
   */
  @Override
  public ScoreBuffer reduce(ScoreBuffer buffer, Integer score) {
    if (score == null) {
      if (nulls == NullPolicy.STRICT) {
        throw new IllegalArgumentException(
            name
                + ": null score in a row (null policy STRICT; use LENIENT to count nulls in the"
                + " result's 'rejected' field)");
      }
      buffer.reject();
      return buffer;
    }
    int s = score;
    if (s < min || s > max) {
      throw new IllegalArgumentException(
          name + ": score " + s + " is outside the scale " + min + ".." + max);
    }
    buffer.add(s);
    return buffer;
  }

  /** Returns {@code a} after {@link ScoreBuffer#merge merging} {@code b} into it. */
  @Override
  public ScoreBuffer merge(ScoreBuffer a, ScoreBuffer b) {
    return a.merge(b);
  }

  /** Returns the result struct (see {@link #schema()}) computed by cx-metrics. */
  @Override
  public Row finish(ScoreBuffer buffer) {
    ScoreDistribution d = buffer.distribution();
    // A weighted group whose weights are all 0 has no estimate either (its counts still show).
    boolean empty = d.n() == 0 || d.totalWeight() == 0;
    List<Object> v = new ArrayList<>();
    LAYOUTS.get(kind).values(this, d, empty, v);
    v.add(level);
    v.add(buffer.rejected());
    return RowFactory.create(v.toArray());
  }

  /** Returns a Java-serialization encoder of the buffer (see {@link ScoreBuffer}). */
  @Override
  public Encoder<ScoreBuffer> bufferEncoder() {
    return Encoders.javaSerialization(ScoreBuffer.class);
  }

  /** Returns the row encoder of {@link #schema()}. */
  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }

  @Override
  public String toString() {
    return name
        + "["
        + kind
        + " on "
        + min
        + ".."
        + max
        + ", level "
        + level
        + ", nulls "
        + nulls
        + "]";
  }
}
