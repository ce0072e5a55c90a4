package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.nps.NetPromoterScore;

/**
 * "Detractor themes": what detractors wrote, per segment, beside the segment's NPS. For each
 * segment, its NPS over all its NPS responses, and the theme table of its detractors' comments
 * (scores 0 to 6): per theme the number of detractor comments that match, their share of the
 * segment's detractor comments with text, their sentiment and the shortest verbatims; detractors
 * without a comment are counted as "no comment".
 *
 * @param nps the NPS of each segment, in the order segments are first seen
 * @param themes the theme table of the detractors' comments, grouped by segment
 */
public record DetractorThemes(Map<String, NetPromoterScore> nps, ThemeTable themes) {

  /** Copies the map. */
  public DetractorThemes {
    nps = Collections.unmodifiableMap(new LinkedHashMap<>(nps));
    requireNonNull(themes, "themes");
  }

  /**
   * Returns the detractor themes of the NPS responses among {@code responses} (other instruments
   * are skipped), by {@code segment}.
   *
   * @param verbatims example comments kept per segment and theme
   * @throws NullPointerException if an argument or a segment key is null
   * @throws IllegalArgumentException if {@code verbatims < 0}
   */
  public static DetractorThemes of(
      Iterable<SurveyResponse> responses,
      Function<? super SurveyResponse, String> segment,
      ThemeDictionary dictionary,
      SentimentAnalyzer analyzer,
      int verbatims) {
    requireNonNull(responses, "responses");
    requireNonNull(segment, "segment");
    requireNonNull(dictionary, "dictionary");
    checkArgument(verbatims >= 0, "verbatims must be >= 0, got %s", verbatims);
    Map<String, List<SurveyResponse>> bySegment = new LinkedHashMap<>();
    List<SurveyResponse> detractors = new ArrayList<>();
    for (SurveyResponse r : responses) {
      if (r.instrument().kind() != Instrument.Kind.NPS) {
        continue;
      }
      String key = requireNonNull(segment.apply(r), () -> "segment of " + r);
      bySegment.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      if (r.score() <= 6) {
        detractors.add(r);
      }
    }
    Map<String, NetPromoterScore> nps = new LinkedHashMap<>();
    bySegment.forEach((k, list) -> nps.put(k, NetPromoterScore.of(list)));
    ThemeTable table =
        dictionary.analyze(
            detractors,
            SurveyResponse::comment,
            r -> segment.apply(r),
            requireNonNull(analyzer, "analyzer"),
            verbatims);
    return new DetractorThemes(nps, table);
  }
}
