package org.cx4j.spark.text;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF1;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.SentimentLexicon;
import org.cx4j.text.SentimentScore;

/**
 * {@code cx_sentiment(text)}: the compound sentiment of a comment, as {@link
 * SentimentAnalyzer#score(String)} computes it on one machine, or SQL {@code NULL} for "no comment"
 * (null, empty or whitespace, also after markup is stripped), never 0.
 *
 * <p>Serializable for Spark: it ships the lexicon additions and the maximum length, and builds its
 * analyzer once per executor JVM copy on first use.
 */
public final class SentimentUdf implements UDF1<String, Double> {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, Double> entries;
  private final int maxLength;
  private transient SentimentAnalyzer analyzer;

  /**
   * Returns the function with the VADER lexicon plus {@code entries} (added or overriding, as
   * {@link SentimentAnalyzer.Builder#entries(Map)}) and the maximum comment length.
   *
   * @throws IllegalArgumentException as {@link SentimentAnalyzer.Builder#entries(Map)} and {@link
   *     SentimentAnalyzer.Builder#maxLength(int)}
   */
  public SentimentUdf(Map<String, Double> entries, int maxLength) {
    this.entries = new HashMap<>(requireNonNull(entries, "entries"));
    this.maxLength = maxLength;
    this.analyzer = build(); // validates now, on the driver
  }

  /** Returns the function with the VADER lexicon and the default maximum length. */
  public static SentimentUdf vader() {
    return new SentimentUdf(Map.of(), SentimentAnalyzer.DEFAULT_MAX_LENGTH);
  }

  private SentimentAnalyzer build() {
    return SentimentAnalyzer.builder()
        .lexicon(SentimentLexicon.vader())
        .entries(entries)
        .maxLength(maxLength)
        .build();
  }

  /** Returns the analyzer this function scores with (built on first use after deserialisation). */
  public SentimentAnalyzer analyzer() {
    SentimentAnalyzer a = analyzer;
    if (a == null) {
      a = build();
      analyzer = a; // a benign race: any thread's copy is equivalent
    }
    return a;
  }

  /** Returns the compound of {@code text}, or null for no comment. */
  @Override
  public Double call(String text) {
    return analyzer().score(text).map(SentimentScore::compound).orElse(null);
  }
}
