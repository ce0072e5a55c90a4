package org.cx4j.spark.text;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers cx4j's text functions (cx-text) in a Spark session:
 *
 * <pre>{@code
 * TextFunctions.register(spark);                                   // cx_sentiment (VADER)
 * TextFunctions.registerThemeCounts(spark, Map.of(
 *     "delivery", List.of("delivery", "shipping"), "refund", List.of("refund", "money back")));
 * spark.sql("SELECT touchpoint, avg(cx_sentiment(comment)) AS sentiment,"
 *     + " cx_theme_counts(comment) AS themes FROM responses GROUP BY touchpoint");
 * }</pre>
 *
 * <p>{@code cx_sentiment(text)} is a scalar function: the compound score in [-1, 1] of {@link
 * SentimentUdf}, {@code NULL} for no comment (so {@code avg} and {@code count} skip it). {@code
 * cx_theme_counts(text)} is an aggregate ({@link ThemeCountAggregator}); it needs the caller's
 * themes, so {@link org.cx4j.spark.CxFunctions#register} registers only {@code cx_sentiment}.
 */
public final class TextFunctions {

  /** The name of the sentiment function: {@code cx_sentiment}. */
  public static final String SENTIMENT = "cx_sentiment";

  /** The default name of the theme counts aggregate: {@code cx_theme_counts}. */
  public static final String THEME_COUNTS = "cx_theme_counts";

  private TextFunctions() {}

  /**
   * Registers {@code cx_sentiment} with the VADER lexicon and the default maximum length.
   *
   * @throws NullPointerException if {@code spark} is null
   */
  public static void register(SparkSession spark) {
    register(spark, SentimentUdf.vader());
  }

  /**
   * Registers {@code sentiment} as {@code cx_sentiment}, replacing a function of that name (domain
   * entries: {@code new SentimentUdf(Map.of("refund", -1.5), 2000)}).
   *
   * @throws NullPointerException if an argument is null
   */
  public static void register(SparkSession spark, SentimentUdf sentiment) {
    requireNonNull(spark, "spark");
    requireNonNull(sentiment, "sentiment");
    spark.udf().register(SENTIMENT, sentiment, DataTypes.DoubleType);
  }

  /**
   * Registers {@code cx_theme_counts} with the themes {@code phrases} (theme name to words and
   * phrases).
   *
   * @throws IllegalArgumentException as {@link ThemeCountAggregator#ThemeCountAggregator(Map)}
   */
  public static void registerThemeCounts(SparkSession spark, Map<String, List<String>> phrases) {
    registerThemeCounts(spark, THEME_COUNTS, phrases);
  }

  /**
   * Registers the theme counts of {@code phrases} under {@code name} (several dictionaries can be
   * registered under different names).
   *
   * @throws IllegalArgumentException as {@link ThemeCountAggregator#ThemeCountAggregator(Map)}
   */
  public static void registerThemeCounts(
      SparkSession spark, String name, Map<String, List<String>> phrases) {
    requireNonNull(spark, "spark");
    requireNonNull(name, "name");
    spark
        .udf()
        .register(name, functions.udaf(new ThemeCountAggregator(phrases), Encoders.STRING()));
  }
}
