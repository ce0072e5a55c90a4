package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.report.input.ReportInput;
import org.cx4j.text.FeedbackSentiment;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.SentimentSummary;
import org.cx4j.text.ThemeTable;
import org.junit.jupiter.api.Test;

class TextSectionTest {

  // The section scores each comment once and shares the scores; cx-text's separate analyses,
  // each scoring the comments itself, are the oracle: the same figures, group for group.
  @Test
  void scoringOnceGivesWhatTheSeparateAnalysesGive() {
    List<SurveyResponse> rs = ReportInput.sample().responses();
    TextSection t = TextSection.of(rs, 0.95);
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    FeedbackSentiment join = FeedbackSentiment.with(vader);
    assertEquals(join.summary(rs).scored(), t.comments());
    Map<String, SentimentSummary> by = join.byTouchpoint(rs);
    assertEquals(
        by.entrySet().stream().filter(e -> e.getValue().scored() > 0).count(),
        t.byTouchpoint().size());
    t.byTouchpoint().forEach((k, s) -> assertEquals(by.get(k).toString(), s.toString(), k));
    List<SurveyResponse> nps =
        rs.stream().filter(r -> r.instrument().kind() == Instrument.Kind.NPS).toList();
    ThemeTable themes =
        TextSection.DEFAULT_THEMES.analyze(
            nps,
            SurveyResponse::comment,
            r -> r.score() <= 6 ? "Detractors" : r.score() >= 9 ? "Promoters" : "Passives",
            vader,
            TextSection.VERBATIMS);
    assertEquals(themes.groups(), t.themes().groups());
    assertEquals(themes.rows().toString(), t.themes().rows().toString());
  }
}
