package org.cx4j.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cx4j.metrics.score.Interval;

/**
 * Themes per group, from {@link ThemeDictionary#analyze}: rows of (group, theme) with counts,
 * shares, sentiment and verbatims; per group the comments that had text, had none, or matched no
 * theme, with suggested new themes. Immutable.
 */
public final class ThemeTable {

  /** Suggested themes kept per group. */
  public static final int SUGGESTIONS = 10;

  private final List<Row> rows;
  private final Map<String, GroupTotals> groups;

  private ThemeTable(List<Row> rows, Map<String, GroupTotals> groups) {
    this.rows = List.copyOf(rows);
    this.groups = java.util.Collections.unmodifiableMap(groups);
  }

  /** Returns the rows, by group (first seen first) and then dictionary order of themes. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns the row of {@code group} and {@code theme}, or empty when no comment matched. */
  public Optional<Row> row(String group, String theme) {
    return rows.stream()
        .filter(r -> r.group().equals(group) && r.theme().equals(theme))
        .findFirst();
  }

  /** Returns the totals of each group, in the order groups were first seen. */
  public Map<String, GroupTotals> groups() {
    return groups;
  }

  /**
   * One theme in one group.
   *
   * @param group the group key
   * @param theme the theme name
   * @param comments the group's comments (with text) that match the theme
   * @param share {@code comments / (the group's comments with text)}
   * @param sentiment the sentiment of the matching comments (mean, interval, classes)
   * @param verbatims the shortest matching comments (distinct texts, shortest first, ties in input
   *     order), as given: escape them for the medium they are shown in
   */
  public record Row(
      String group,
      String theme,
      long comments,
      double share,
      SentimentSummary sentiment,
      List<String> verbatims) {

    /** Copies the verbatims. */
    public Row {
      verbatims = List.copyOf(verbatims);
    }

    /** Returns the mean compound sentiment of the matching comments. */
    public double meanSentiment() {
      return sentiment.meanCompound();
    }

    /** Returns its Student-t interval; empty below two comments. */
    public Optional<Interval> sentimentInterval(double level) {
      return sentiment.meanInterval(level);
    }
  }

  /**
   * The totals of one group.
   *
   * @param comments comments with text
   * @param noComment null or blank comments
   * @param unmatched comments with text that match no theme
   * @param suggestions the stems most frequent among the unmatched comments (by the number of
   *     comments containing them, then alphabetically), at most {@value #SUGGESTIONS}: candidates
   *     for new themes
   */
  public record GroupTotals(
      long comments, long noComment, long unmatched, List<TermCount> suggestions) {

    /** Copies the suggestions. */
    public GroupTotals {
      suggestions = List.copyOf(suggestions);
    }
  }

  /**
   * A stem and the number of comments that contain it.
   *
   * @param term the stem
   * @param comments the number of comments containing it
   */
  public record TermCount(String term, long comments) {}

  static final class Builder {
    private final ThemeDictionary dictionary;
    private final SentimentAnalyzer sentiment;
    private final int verbatims;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    Builder(ThemeDictionary dictionary, SentimentAnalyzer sentiment, int verbatims) {
      this.dictionary = dictionary;
      this.sentiment = sentiment;
      this.verbatims = verbatims;
    }

    private final class Group {
      long comments;
      long noComment;
      long unmatched;
      final Map<String, Long> unmatchedTerms = new HashMap<>();
      final Map<String, SentimentSummary.Accumulator> themes = new LinkedHashMap<>();
      final Map<String, Long> counts = new HashMap<>();
      final Map<String, List<String>> shortest = new HashMap<>();
    }

    /** Adds {@code text} with its sentiment {@code score} (empty for no comment). */
    void add(String text, Optional<SentimentScore> score, String groupKey) {
      Group g = groups.computeIfAbsent(groupKey, k -> new Group());
      if (score.isEmpty()) {
        g.noComment++;
        return;
      }
      g.comments++;
      List<String> stems = dictionary.terms().words(text);
      Set<String> matched = dictionary.themesOfStems(stems);
      if (matched.isEmpty()) {
        g.unmatched++;
        for (String s : new LinkedHashSet<>(stems)) {
          g.unmatchedTerms.merge(s, 1L, Long::sum);
        }
        return;
      }
      String trimmed = text.strip();
      for (String theme : matched) {
        g.themes
            .computeIfAbsent(theme, k -> SentimentSummary.accumulator(sentiment))
            .add(score.get());
        g.counts.merge(theme, 1L, Long::sum);
        keepShortest(g.shortest.computeIfAbsent(theme, k -> new ArrayList<>()), trimmed);
      }
    }

    private void keepShortest(List<String> list, String text) {
      if (verbatims == 0 || list.contains(text)) {
        return;
      }
      int at = list.size();
      while (at > 0 && list.get(at - 1).length() > text.length()) {
        at--; // stable: equal lengths keep input order
      }
      if (at < verbatims) {
        list.add(at, text);
        if (list.size() > verbatims) {
          list.remove(list.size() - 1);
        }
      }
    }

    ThemeTable build() {
      List<Row> rows = new ArrayList<>();
      Map<String, GroupTotals> totals = new LinkedHashMap<>();
      groups.forEach(
          (key, g) -> {
            for (String theme : dictionary.themes()) {
              SentimentSummary.Accumulator acc = g.themes.get(theme);
              if (acc != null) {
                long n = g.counts.get(theme);
                rows.add(
                    new Row(
                        key,
                        theme,
                        n,
                        n / (double) g.comments,
                        acc.snapshot(),
                        g.shortest.getOrDefault(theme, List.of())));
              }
            }
            List<TermCount> suggestions =
                g.unmatchedTerms.entrySet().stream()
                    .map(e -> new TermCount(e.getKey(), e.getValue()))
                    .sorted(
                        Comparator.comparingLong(TermCount::comments)
                            .reversed()
                            .thenComparing(TermCount::term))
                    .limit(SUGGESTIONS)
                    .toList();
            totals.put(key, new GroupTotals(g.comments, g.noComment, g.unmatched, suggestions));
          });
      return new ThemeTable(rows, totals);
    }
  }
}
