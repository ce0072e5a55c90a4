package org.cx4j.spark.score;

import java.io.Serial;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.spark.NullPolicy;
import scala.Tuple2;

/**
 * The sampling-weighted form of a {@link ScoreAggregator}: {@code cx_nps_weighted(score, weight)}
 * and its siblings, each computing what the unweighted function computes, with the weights
 * cx-metrics applies (Kish's effective sample size {@code n_eff = (Σw)² / Σw²} in place of {@code
 * n} for the Wilson, adjusted-Wald and t intervals; the linearization variance for the standard
 * errors; see {@code ScoreDistribution} and the metric classes of cx-metrics).
 *
 * <p>The result struct is the unweighted function's ({@link ScoreAggregator#schema()}), in which
 * {@code n} and the counts stay numbers of responses, followed by {@code total_weight} ({@code Σw})
 * and {@code effective_sample_size}. A group whose weights are all 0 has counts but no estimate
 * (null score and interval), like an empty group.
 *
 * <p>The buffer is the same {@link ScoreBuffer}, holding a weighted cx-metrics accumulator; merge
 * is its merge. Rows: a null score or a null weight is a rejected row (counted in {@code rejected}
 * under {@link NullPolicy#LENIENT}, an error under {@link NullPolicy#STRICT}); a weight that is
 * NaN, infinite or negative, or a score outside the scale, fails the task with an {@link
 * IllegalArgumentException} naming the function and the value. A weight column of another numeric
 * type is cast to double by Spark. Immutable and serializable.
 */
public final class WeightedScoreAggregator
    extends Aggregator<Tuple2<Integer, Double>, ScoreBuffer, Row> {

  @Serial private static final long serialVersionUID = 1L;

  private final ScoreAggregator scores;
  private final String name;

  private WeightedScoreAggregator(ScoreAggregator scores) {
    this.scores = scores;
    this.name = scores.name() + "_weighted";
  }

  /**
   * Returns the weighted form of {@code scores}, named after it with {@code _weighted} appended
   * ({@code cx_nps} becomes {@code cx_nps_weighted}).
   *
   * @throws NullPointerException if {@code scores} is null
   */
  public static WeightedScoreAggregator of(ScoreAggregator scores) {
    return new WeightedScoreAggregator(Objects.requireNonNull(scores, "scores"));
  }

  /** Returns the input encoder for {@code functions.udaf}: (score int, weight double). */
  public static Encoder<Tuple2<Integer, Double>> inputEncoder() {
    return Encoders.tuple(Encoders.INT(), Encoders.DOUBLE());
  }

  /** Returns the SQL function name, e.g. {@code cx_nps_weighted}. */
  public String name() {
    return name;
  }

  /** Returns the unweighted aggregator whose figures this one weights. */
  public ScoreAggregator unweighted() {
    return scores;
  }

  /**
   * Returns the schema of the result: {@link ScoreAggregator#schema()} and then {@code
   * total_weight} and {@code effective_sample_size} (doubles, 0 for an empty group).
   */
  public StructType schema() {
    return scores
        .schema()
        .add("total_weight", DataTypes.DoubleType, false)
        .add("effective_sample_size", DataTypes.DoubleType, false);
  }

  /** Returns an empty buffer on the scale. */
  @Override
  public ScoreBuffer zero() {
    return scores.zero();
  }

  /**
   * Adds one (score, weight) row; a null in either is rejected per the {@link NullPolicy}.
   *
   * @throws IllegalArgumentException if the score is outside the scale, the weight is NaN, infinite
   *     or negative, or a value is null under {@link NullPolicy#STRICT}
   */
  @Override
  public ScoreBuffer reduce(ScoreBuffer buffer, Tuple2<Integer, Double> row) {
    Integer score = row._1();
    Double weight = row._2();
    if (score == null || weight == null) {
      if (scores.nullPolicy() == NullPolicy.STRICT) {
        throw new IllegalArgumentException(
            name
                + ": null "
                + (score == null ? "score" : "weight")
                + " in a row (score "
                + score
                + ", weight "
                + weight
                + "; null policy STRICT; use LENIENT to count such rows"
                + " in the result's 'rejected' field)");
      }
      buffer.reject();
      return buffer;
    }
    int s = score;
    double w = weight;
    if (s < scores.scale().min() || s > scores.scale().max()) {
      throw new IllegalArgumentException(
          name + ": score " + s + " is outside the scale " + scores.scale());
    }
    if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          name + ": weight " + w + " (score " + s + ") must be finite and non-negative");
    }
    buffer.add(s, w);
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
    Row r = scores.finish(buffer);
    ScoreDistribution d = buffer.distribution();
    Object[] v = new Object[r.length() + 2];
    for (int i = 0; i < r.length(); i++) {
      v[i] = r.get(i);
    }
    v[r.length()] = d.totalWeight();
    v[r.length() + 1] = d.effectiveSampleSize();
    return RowFactory.create(v);
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
    return name + "[" + scores + "]";
  }
}
