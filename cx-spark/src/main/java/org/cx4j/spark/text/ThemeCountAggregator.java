package org.cx4j.spark.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.ThemeDictionary;

/**
 * {@code cx_theme_counts(comment)}: per group, how many comments match each theme of a {@link
 * ThemeDictionary} (stemmed with {@code CommentTerms.english()}), the counts of {@link
 * ThemeDictionary#analyze} on one machine. The result struct ({@link #schema()}): {@code comments}
 * (with text), {@code no_comment} (null, blank or markup only), {@code unmatched} (comments
 * matching no theme), and {@code themes}, a map from every theme of the dictionary to the number of
 * comments matching it (0 included; a comment may match several). Shares are {@code themes[t] /
 * comments}.
 *
 * <p>Serializable: it ships the themes and phrases as written and builds the dictionary on first
 * use in each executor.
 */
public final class ThemeCountAggregator extends Aggregator<String, ThemeCountBuffer, Row> {

  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, ArrayList<String>> phrases;
  private transient ThemeDictionary dictionary;
  private transient List<String> names;
  private transient SentimentAnalyzer analyzer;

  /**
   * Returns the aggregate of the themes {@code phrases} (theme name to its words and phrases, as
   * {@link ThemeDictionary.Builder#theme(String, String...)}).
   *
   * @throws IllegalArgumentException if there is no theme, or as {@code ThemeDictionary.Builder}
   */
  public ThemeCountAggregator(Map<String, List<String>> phrases) {
    requireNonNull(phrases, "phrases");
    checkArgument(!phrases.isEmpty(), "theme counts need at least one theme");
    this.phrases = new LinkedHashMap<>();
    phrases.forEach((k, v) -> this.phrases.put(k, new ArrayList<>(v)));
    dictionary(); // validates now, on the driver
  }

  /** Returns the dictionary (built on first use after deserialisation). */
  public ThemeDictionary dictionary() {
    ThemeDictionary d = dictionary;
    if (d == null) {
      ThemeDictionary.Builder b = ThemeDictionary.builder();
      phrases.forEach((k, v) -> b.theme(k, v.toArray(String[]::new)));
      d = b.build();
      names = d.themes();
      analyzer = SentimentAnalyzer.vader();
      dictionary = d;
    }
    return d;
  }

  /** Returns the schema of the result struct. */
  public static StructType schema() {
    return new StructType()
        .add("comments", DataTypes.LongType, false)
        .add("no_comment", DataTypes.LongType, false)
        .add("unmatched", DataTypes.LongType, false)
        .add(
            "themes",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
            false);
  }

  @Override
  public ThemeCountBuffer zero() {
    return new ThemeCountBuffer(phrases.size());
  }

  @Override
  public ThemeCountBuffer reduce(ThemeCountBuffer b, String comment) {
    ThemeDictionary d = dictionary();
    // "No comment" exactly as ThemeDictionary.analyze counts it: nothing left to score.
    if (analyzer.score(comment).isEmpty()) {
      b.noComment++;
      return b;
    }
    b.comments++;
    Set<String> matched = d.themesOf(comment);
    if (matched.isEmpty()) {
      b.unmatched++;
    }
    for (int i = 0; i < names.size(); i++) {
      if (matched.contains(names.get(i))) {
        b.themes[i]++;
      }
    }
    return b;
  }

  @Override
  public ThemeCountBuffer merge(ThemeCountBuffer a, ThemeCountBuffer b) {
    a.merge(b);
    return a;
  }

  @Override
  public Row finish(ThemeCountBuffer b) {
    dictionary();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      counts.put(names.get(i), b.themes[i]);
    }
    return RowFactory.create(
        b.comments,
        b.noComment,
        b.unmatched,
        scala.jdk.javaapi.CollectionConverters.asScala(counts));
  }

  @Override
  public Encoder<ThemeCountBuffer> bufferEncoder() {
    return Encoders.javaSerialization(ThemeCountBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
