package org.cx4j.report.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.text.FeedbackSentiment;
import org.cx4j.text.FightinWords;
import org.cx4j.text.FightinWords.TermScore;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.SentimentScore;
import org.cx4j.text.SentimentSummary;
import org.cx4j.text.ThemeDictionary;
import org.cx4j.text.ThemeTable;

/**
 * "What customers say": the comments of the survey responses, scored and grouped (cx-text).
 *
 * <ul>
 *   <li>Sentiment by touchpoint: the VADER compound of each comment ({@link
 *       SentimentAnalyzer#vader()}), its mean per touchpoint with a Student-t interval at the
 *       report's level, and the positive/negative counts.
 *   <li>Distinguishing phrases: Fightin' Words (Monroe, Colaresi &amp; Quinn 2008, weighted
 *       log-odds with an informative Dirichlet prior, α₀ = 100) of NPS detractors' comments (scores
 *       0 to 6) against promoters' (9, 10), words and two-word phrases together, the {@value
 *       #TOP_TERMS} with the highest z for each side (z above {@value #MIN_Z} only).
 *   <li>Themes: the {@link #DEFAULT_THEMES} dictionary over the NPS comments by NPS group, with
 *       counts, shares, mean sentiment and the {@value #VERBATIMS} shortest verbatims (as written;
 *       the HTML escapes them).
 * </ul>
 *
 * <p>When no response has a comment (no comment column, or an empty one), {@link #hasComments()} is
 * false and the report says so.
 *
 * @param responses the survey responses
 * @param comments the responses with a comment (text left after markup is stripped)
 * @param byTouchpoint the sentiment of comments per touchpoint name, largest first
 * @param detractorTerms words and phrases most typical of detractors, highest z first
 * @param promoterTerms words and phrases most typical of promoters, lowest (most negative) z first
 * @param themes the theme table of NPS comments by NPS group (Detractors, Passives, Promoters)
 * @param level the confidence level of the intervals
 */
public record TextSection(
    long responses,
    long comments,
    Map<String, SentimentSummary> byTouchpoint,
    List<TermScore> detractorTerms,
    List<TermScore> promoterTerms,
    ThemeTable themes,
    double level) {

  /** Terms shown per side. */
  public static final int TOP_TERMS = 8;

  /** The smallest |z| shown: 1.96, a two-sided 5% test per term. */
  public static final double MIN_Z = 1.96;

  /** Verbatims per theme and group. */
  public static final int VERBATIMS = 2;

  /**
   * The report's theme dictionary: themes common to customer feedback, a starting point (the API,
   * {@link ThemeDictionary}, takes a team's own).
   */
  public static final ThemeDictionary DEFAULT_THEMES =
      ThemeDictionary.builder()
          .theme("Delivery", "delivery", "shipping", "parcel", "arrived late")
          .theme("Waiting", "wait", "waiting", "on hold", "queue", "took forever", "slow")
          .theme("Payment", "payment", "checkout", "card", "declined", "billing", "charged")
          .theme("Returns and refunds", "return", "returns", "refund", "money back")
          .theme(
              "Staff and support",
              "staff",
              "agent",
              "support",
              "service",
              "helpful",
              "rude",
              "friendly")
          .theme("Price and value", "price", "value", "expensive", "cheap")
          .theme("Quality", "quality", "broken", "damaged")
          .theme("Website and app", "website", "app", "page", "login", "error")
          .build();

  /** Copies the collections. */
  public TextSection {
    byTouchpoint = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTouchpoint));
    detractorTerms = List.copyOf(detractorTerms);
    promoterTerms = List.copyOf(promoterTerms);
    requireNonNull(themes, "themes");
  }

  /** Returns whether any response has a comment. */
  public boolean hasComments() {
    return comments > 0;
  }

  /** Returns the section of {@code responses} with intervals at {@code level}. */
  public static TextSection of(List<SurveyResponse> responses, double level) {
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    // Each comment is scored once, here, and the score reused by every part below (scoring was
    // four passes over the comments, and most of this section's time).
    SentimentSummary.Accumulator all = SentimentSummary.accumulator(vader);
    Map<String, SentimentSummary.Accumulator> byName = new LinkedHashMap<>();
    List<Scored> nps = new ArrayList<>();
    for (SurveyResponse r : responses) {
      SentimentScore s = vader.score(r.comment()).orElse(null);
      Touchpoint t = r.touchpoint();
      SentimentSummary.Accumulator touchpoint =
          byName.computeIfAbsent(
              t == null ? FeedbackSentiment.NO_TOUCHPOINT : t.name(),
              k -> SentimentSummary.accumulator(vader));
      if (s == null) {
        all.addNoComment();
        touchpoint.addNoComment();
      } else {
        all.add(s);
        touchpoint.add(s);
      }
      if (r.instrument().kind() == Instrument.Kind.NPS) {
        nps.add(new Scored(r, s));
      }
    }
    Map<String, SentimentSummary> by = new LinkedHashMap<>();
    byName.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().snapshot()))
        .filter(e -> e.getValue().scored() > 0)
        .sorted(
            Comparator.comparingLong(
                    (Map.Entry<String, SentimentSummary> e) -> e.getValue().scored())
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> by.put(e.getKey(), e.getValue()));
    List<String> detractors = comments(nps, 0, 6);
    List<String> promoters = comments(nps, 9, 10);
    List<TermScore> dTerms = new ArrayList<>();
    List<TermScore> pTerms = new ArrayList<>();
    if (!detractors.isEmpty() && !promoters.isEmpty()) {
      List<TermScore> terms = new ArrayList<>(FightinWords.english().words(detractors, promoters));
      terms.addAll(FightinWords.english().bigrams(detractors, promoters));
      terms.sort(Comparator.comparingDouble(TermScore::z).reversed());
      terms.stream().filter(t -> t.z() > MIN_Z).limit(TOP_TERMS).forEach(dTerms::add);
      for (int i = terms.size() - 1; i >= 0 && pTerms.size() < TOP_TERMS; i--) {
        if (terms.get(i).z() < -MIN_Z) {
          pTerms.add(terms.get(i));
        }
      }
    }
    ThemeTable themes =
        DEFAULT_THEMES.analyze(
            nps,
            x -> x.response().comment(),
            x -> Optional.ofNullable(x.score()),
            x -> {
              int score = x.response().score();
              return score <= 6 ? "Detractors" : score >= 9 ? "Promoters" : "Passives";
            },
            vader,
            VERBATIMS);
    return new TextSection(
        responses.size(), all.snapshot().scored(), by, dTerms, pTerms, themes, level);
  }

  /** A response and the sentiment of its comment (null for none). */
  private record Scored(SurveyResponse response, SentimentScore score) {}

  private static List<String> comments(List<Scored> nps, int min, int max) {
    List<String> out = new ArrayList<>();
    for (Scored x : nps) {
      int score = x.response().score();
      if (x.score() != null && score >= min && score <= max) {
        out.add(x.response().comment());
      }
    }
    return out;
  }
}
