package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Themes a CX team maintains: each theme is a name and a list of words or phrases ("delivery":
 * {@code delivery}, {@code shipping}, {@code arrived late}). Phrases are analysed exactly like
 * comments ({@link CommentTerms}: lower case, stop words removed, Porter stems), so "deliveries" in
 * a comment matches the phrase "delivery". A comment matches a theme when the stems of one of its
 * phrases occur consecutively among the comment's stems; a comment may match several themes.
 *
 * <p>{@link #analyze} counts themes per group with sentiment and verbatims ({@link ThemeTable}).
 * Immutable and thread-safe.
 */
public final class ThemeDictionary {

  private final CommentTerms terms;
  private final Map<String, List<List<String>>> themes;

  private ThemeDictionary(CommentTerms terms, Map<String, List<List<String>>> themes) {
    this.terms = terms;
    this.themes = themes;
  }

  /** Returns a builder with English terms ({@link CommentTerms#english()}). */
  public static Builder builder() {
    return new Builder(CommentTerms.english());
  }

  /** Returns a builder with the given term extraction. */
  public static Builder builder(CommentTerms terms) {
    return new Builder(requireNonNull(terms, "terms"));
  }

  /** Returns the theme names in the order they were added. */
  public List<String> themes() {
    return List.copyOf(themes.keySet());
  }

  /** Returns the stemmed phrases of {@code theme}; empty for an unknown theme. */
  public List<List<String>> phrases(String theme) {
    return themes.getOrDefault(theme, List.of());
  }

  /** Returns the themes {@code comment} matches, in dictionary order; empty for no comment. */
  public Set<String> themesOf(String comment) {
    return themesOfStems(terms.words(comment));
  }

  Set<String> themesOfStems(List<String> stems) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, List<List<String>>> e : themes.entrySet()) {
      for (List<String> phrase : e.getValue()) {
        if (java.util.Collections.indexOfSubList(stems, phrase) >= 0) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  CommentTerms terms() {
    return terms;
  }

  /**
   * Returns the theme table of {@code items}: per group (from {@code group}) and theme, the number
   * of comments that match, their share of the group's comments, their sentiment (mean compound
   * with interval) and the shortest verbatims; per group the comments matching no theme, with their
   * most frequent stems as suggested themes. Items whose text is null or blank count as "no
   * comment" of their group.
   *
   * @param verbatims how many example comments to keep per theme and group
   * @throws IllegalArgumentException if {@code verbatims < 0}
   * @throws NullPointerException if a group key is null
   */
  public <T> ThemeTable analyze(
      Iterable<T> items,
      Function<? super T, String> text,
      Function<? super T, String> group,
      SentimentAnalyzer sentiment,
      int verbatims) {
    requireNonNull(text, "text");
    requireNonNull(sentiment, "sentiment");
    return analyze(
        items, text, item -> sentiment.score(text.apply(item)), group, sentiment, verbatims);
  }

  /**
   * As {@link #analyze(Iterable, Function, Function, SentimentAnalyzer, int)}, for items whose
   * comments are scored already (by the caller, for something else): {@code score} gives an item's
   * sentiment, empty for no comment, and is used instead of scoring the text again; it should be
   * what {@code sentiment} gives for the item's text.
   *
   * @throws IllegalArgumentException if {@code verbatims < 0}
   * @throws NullPointerException if a group key or a score is null
   */
  public <T> ThemeTable analyze(
      Iterable<T> items,
      Function<? super T, String> text,
      Function<? super T, Optional<SentimentScore>> score,
      Function<? super T, String> group,
      SentimentAnalyzer sentiment,
      int verbatims) {
    requireNonNull(items, "items");
    requireNonNull(text, "text");
    requireNonNull(score, "score");
    requireNonNull(group, "group");
    requireNonNull(sentiment, "sentiment");
    checkArgument(verbatims >= 0, "verbatims must be >= 0, got %s", verbatims);
    ThemeTable.Builder table = new ThemeTable.Builder(this, sentiment, verbatims);
    for (T item : items) {
      String g = group.apply(item);
      if (g == null) { // the message only then: an item's text per row was a tenth of the time
        throw new NullPointerException("group of " + item);
      }
      Optional<SentimentScore> s = score.apply(item);
      if (s == null) {
        throw new NullPointerException("score of " + item);
      }
      table.add(text.apply(item), s, g);
    }
    return table.build();
  }

  @Override
  public String toString() {
    return "ThemeDictionary" + themes;
  }

  /** Builds a {@link ThemeDictionary}; single-threaded. */
  public static final class Builder {
    private final CommentTerms terms;
    private final Map<String, List<List<String>>> themes = new LinkedHashMap<>();

    private Builder(CommentTerms terms) {
      this.terms = terms;
    }

    /**
     * Adds {@code theme} with its words and phrases (or more phrases to a theme already added).
     *
     * @throws IllegalArgumentException naming the theme and the phrase if the name is blank, no
     *     phrase is given, or a phrase has nothing left after stop-word removal ("the", "it")
     */
    public Builder theme(String theme, String... phrases) {
      checkArgument(
          theme != null && !theme.isBlank(), "theme name must not be blank, got '%s'", theme);
      checkArgument(phrases.length > 0, "theme '%s' needs at least one word or phrase", theme);
      List<List<String>> list = themes.computeIfAbsent(theme, k -> new ArrayList<>());
      for (String p : phrases) {
        List<String> stems = terms.words(p);
        checkArgument(
            !stems.isEmpty(),
            "phrase '%s' of theme '%s' has no word left after stop words are removed",
            p,
            theme);
        list.add(List.copyOf(stems));
      }
      return this;
    }

    /** Returns the dictionary. */
    public ThemeDictionary build() {
      Map<String, List<List<String>>> copy = new LinkedHashMap<>();
      themes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new ThemeDictionary(terms, java.util.Collections.unmodifiableMap(copy));
    }
  }
}
