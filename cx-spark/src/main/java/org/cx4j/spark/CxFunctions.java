package org.cx4j.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.spark.score.InstrumentScoreAggregator;
import org.cx4j.spark.score.ScoreAggregator;
import org.cx4j.spark.score.WeightedScoreAggregator;
import org.cx4j.spark.text.TextFunctions;

/**
 * Registers cx4j's SQL aggregate functions in a Spark session:
 *
 * <pre>{@code
 * CxFunctions.register(spark);
 * spark.sql("SELECT segment, cx_nps(score) AS nps FROM responses GROUP BY segment");
 * }</pre>
 *
 * <table>
 *   <caption>Functions and their defaults</caption>
 *   <tr><th>Function</th><th>Computes</th><th>Defaults</th></tr>
 *   <tr><td>{@code cx_nps(score)}</td><td>NPS, promoters/passives/detractors, interval</td>
 *       <td>0..10, adjusted-Wald, 95%</td></tr>
 *   <tr><td>{@code cx_csat(score)}</td><td>top-box share, Wilson interval, mean</td>
 *       <td>1..5, top 2 boxes, 95%</td></tr>
 *   <tr><td>{@code cx_ces(score)}</td><td>mean effort with t interval, easy share</td>
 *       <td>1..7, high is easy, 5..7 easy, 95%</td></tr>
 *   <tr><td>{@code cx_rating_distribution(score)}</td><td>counts per point, mean, boxes</td>
 *       <td>1..5, top/bottom 1 box, 95%</td></tr>
 *   <tr><td>{@code cx_mean(score)}</td><td>mean, standard deviation, t interval</td>
 *       <td>0..100, 95%</td></tr>
 *   <tr><td>{@code cx_score(instrument, score)}</td><td>the score of the group's instrument
 *       ({@code nps}, {@code csat} or {@code ces}); an error if a group mixes instruments</td>
 *       <td>as the instrument's function</td></tr>
 *   <tr><td>{@code cx_nps_weighted(score, weight)}, {@code cx_csat_weighted}, {@code
 *       cx_ces_weighted}, {@code cx_rating_distribution_weighted}, {@code cx_mean_weighted}</td>
 *       <td>the same with sampling weights, plus {@code total_weight} and {@code
 *       effective_sample_size} ({@link WeightedScoreAggregator})</td>
 *       <td>as the unweighted function</td></tr>
 *   <tr><td>{@code cx_sentiment(text)}</td><td>compound sentiment in [-1, 1], {@code NULL} for no
 *       comment (a scalar function; {@link TextFunctions})</td>
 *       <td>VADER lexicon, 5000 chars</td></tr>
 * </table>
 *
 * <p>Each returns a struct; its fields are documented by {@link ScoreAggregator#schema()}. Null
 * scores follow the session's {@link NullPolicy} (default lenient: counted in {@code rejected}).
 */
public final class CxFunctions {

  /** The names registered by {@link #register(SparkSession)}, in the order of the table above. */
  public static final List<String> NAMES =
      List.of(
          "cx_nps",
          "cx_csat",
          "cx_ces",
          "cx_rating_distribution",
          "cx_mean",
          "cx_score",
          "cx_nps_weighted",
          "cx_csat_weighted",
          "cx_ces_weighted",
          "cx_rating_distribution_weighted",
          "cx_mean_weighted",
          TextFunctions.SENTIMENT);

  /** The default scale of {@code cx_rating_distribution}: 1..5. */
  public static final Scale RATING_SCALE = Scale.of(1, 5);

  /** The default scale of {@code cx_mean}: 0..100, which holds every cx4j instrument's scale. */
  public static final Scale MEAN_SCALE = Scale.of(0, 100);

  private CxFunctions() {}

  /**
   * Registers the twelve functions with their defaults and the lenient null policy.
   *
   * @throws NullPointerException if {@code spark} is null
   */
  public static void register(SparkSession spark) {
    register(spark, NullPolicy.LENIENT);
  }

  /**
   * Registers the twelve functions with their defaults and null policy {@code nulls}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static void register(SparkSession spark, NullPolicy nulls) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(nulls, "nulls");
    List<ScoreAggregator> aggregators =
        List.of(
            ScoreAggregator.nps(0.95, nulls),
            ScoreAggregator.csat(CustomerSatisfaction.Definition.DEFAULT, nulls),
            ScoreAggregator.ces(CustomerEffortScore.Definition.DEFAULT, nulls),
            ScoreAggregator.ratingDistribution(RATING_SCALE, 1, 0.95, nulls),
            ScoreAggregator.mean(MEAN_SCALE, 0.95, nulls));
    for (ScoreAggregator a : aggregators) {
      register(spark, a);
    }
    spark
        .udf()
        .register(
            InstrumentScoreAggregator.NAME,
            functions.udaf(
                new InstrumentScoreAggregator(nulls), InstrumentScoreAggregator.inputEncoder()));
    for (ScoreAggregator a : aggregators) {
      register(spark, WeightedScoreAggregator.of(a));
    }
    TextFunctions.register(spark);
  }

  /**
   * Registers {@code aggregator} under its {@link ScoreAggregator#name() name}, replacing a
   * function of that name: e.g. {@code register(spark, ScoreAggregator.csat(new
   * CustomerSatisfaction.Definition(Scale.of(1, 7), 2, 0.90), NullPolicy.STRICT))}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static void register(SparkSession spark, ScoreAggregator aggregator) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(aggregator, "aggregator");
    spark.udf().register(aggregator.name(), functions.udaf(aggregator, Encoders.INT()));
  }

  /**
   * Registers the weighted {@code aggregator} under its {@link WeightedScoreAggregator#name() name}
   * (two arguments: score, weight), replacing a function of that name.
   *
   * @throws NullPointerException if an argument is null
   */
  public static void register(SparkSession spark, WeightedScoreAggregator aggregator) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(aggregator, "aggregator");
    spark
        .udf()
        .register(
            aggregator.name(), functions.udaf(aggregator, WeightedScoreAggregator.inputEncoder()));
  }
}
