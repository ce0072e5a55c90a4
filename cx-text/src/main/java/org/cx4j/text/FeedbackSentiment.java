package org.cx4j.text;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.driver.KeyDriverAnalysis;

/**
 * Sentiment joined to the model: the comments of {@link SurveyResponse}s and a free-text attribute
 * of {@link Interaction}s (named by the caller, such as {@code "chat_transcript"}) scored by a
 * {@link SentimentAnalyzer}, summarised by touchpoint, and used as a driver beside touchpoint
 * ratings in {@link KeyDriverAnalysis}.
 *
 * <p>A response without a comment, or an interaction without the attribute, is "no comment"
 * (counted in {@link SentimentSummary#noComment()}, missing as a driver value), never neutral.
 *
 * <p>Thread-safe (stateless).
 */
public final class FeedbackSentiment {

  /** The group key of responses without a touchpoint in {@link #byTouchpoint}. */
  public static final String NO_TOUCHPOINT = "(no touchpoint)";

  private final SentimentAnalyzer analyzer;

  private FeedbackSentiment(SentimentAnalyzer analyzer) {
    this.analyzer = requireNonNull(analyzer, "analyzer");
  }

  /** Returns the joins scored by {@code analyzer}. */
  public static FeedbackSentiment with(SentimentAnalyzer analyzer) {
    return new FeedbackSentiment(analyzer);
  }

  /** Returns the sentiment of the response's comment; empty when it has none (null or blank). */
  public Optional<SentimentScore> score(SurveyResponse response) {
    return analyzer.score(requireNonNull(response, "response").comment());
  }

  /**
   * Returns the sentiment of the interaction's attribute {@code attribute}; empty when the
   * interaction has no such attribute or it is blank.
   */
  public Optional<SentimentScore> score(Interaction interaction, String attribute) {
    requireNonNull(attribute, "attribute");
    return analyzer.score(requireNonNull(interaction, "interaction").attributes().get(attribute));
  }

  /** Returns the sentiment summary of the responses' comments (null comments are "no comment"). */
  public SentimentSummary summary(Iterable<SurveyResponse> responses) {
    SentimentSummary.Accumulator acc = SentimentSummary.accumulator(analyzer);
    for (SurveyResponse r : requireNonNull(responses, "responses")) {
      acc.add(r.comment());
    }
    return acc.snapshot();
  }

  /**
   * Returns the sentiment summary of the attribute {@code attribute} of the interactions; an
   * interaction without it is "no comment".
   */
  public SentimentSummary summary(Iterable<Interaction> interactions, String attribute) {
    requireNonNull(attribute, "attribute");
    SentimentSummary.Accumulator acc = SentimentSummary.accumulator(analyzer);
    for (Interaction i : requireNonNull(interactions, "interactions")) {
      acc.add(i.attributes().get(attribute));
    }
    return acc.snapshot();
  }

  /**
   * Returns the sentiment summary of the comments per touchpoint name (responses without a
   * touchpoint under {@value #NO_TOUCHPOINT}), in the order touchpoints are first seen; each
   * summary has its mean and Student-t interval ({@link SentimentSummary#meanInterval(double)}).
   */
  public Map<String, SentimentSummary> byTouchpoint(Iterable<SurveyResponse> responses) {
    Map<String, SentimentSummary.Accumulator> acc = new LinkedHashMap<>();
    for (SurveyResponse r : requireNonNull(responses, "responses")) {
      Touchpoint t = r.touchpoint();
      String key = t == null ? NO_TOUCHPOINT : t.name();
      acc.computeIfAbsent(key, k -> SentimentSummary.accumulator(analyzer)).add(r.comment());
    }
    Map<String, SentimentSummary> out = new LinkedHashMap<>();
    acc.forEach((k, a) -> out.put(k, a.snapshot()));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Returns the compound sentiment of each comment as a driver value, in order: NaN (missing, as
   * {@link KeyDriverAnalysis} reads it) for no comment.
   */
  public double[] driverValues(List<String> comments) {
    requireNonNull(comments, "comments");
    double[] out = new double[comments.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = analyzer.score(comments.get(i)).map(SentimentScore::compound).orElse(Double.NaN);
    }
    return out;
  }

  /**
   * Adds the sentiment of the responses' comments as the driver {@code name} of {@code analysis},
   * in the responses' order (which must be the outcome's): {@code analysis.driver(name,
   * driverValues(comments))}. Respondents without a comment are missing for this driver: {@link
   * org.cx4j.metrics.driver.MissingRule#LISTWISE} drops them, {@code PAIRWISE} keeps them for the
   * other drivers.
   *
   * @return {@code analysis}, for chaining
   * @throws IllegalArgumentException as {@link KeyDriverAnalysis.Builder#driver(String, double[])}
   */
  public KeyDriverAnalysis.Builder addDriver(
      KeyDriverAnalysis.Builder analysis, String name, List<SurveyResponse> responses) {
    requireNonNull(analysis, "analysis");
    requireNonNull(responses, "responses");
    List<String> comments = responses.stream().map(SurveyResponse::comment).toList();
    return analysis.driver(name, driverValues(comments));
  }
}
