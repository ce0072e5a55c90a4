package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.sample.SampleData;
import org.cx4j.metrics.score.Interval;
import org.cx4j.text.FightinWords.TermScore;
import org.junit.jupiter.api.Test;

/** Survey comments of the bundled sample feed the text analyses directly. */
class SampleDataTextTest {

  static final List<SurveyResponse> NPS =
      SampleData.standard().responses().stream()
          .filter(r -> r.instrument().equals(Instrument.nps()))
          .toList();

  static List<String> comments(int min, int max) {
    return NPS.stream()
        .filter(r -> r.score() >= min && r.score() <= max)
        .map(SurveyResponse::comment)
        .toList();
  }

  @Test
  void promotersWriteMorePositivelyThanDetractors() {
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    SentimentSummary detractors =
        comments(0, 6).stream().collect(SentimentSummary.collector(vader));
    SentimentSummary promoters =
        comments(9, 10).stream().collect(SentimentSummary.collector(vader));
    long withoutComment = NPS.stream().filter(r -> r.score() <= 6 && r.comment() == null).count();
    assertEquals(withoutComment, detractors.noComment());
    assertTrue(detractors.scored() > 10 && promoters.scored() > 10);
    Interval d = detractors.meanInterval(0.95).orElseThrow();
    Interval p = promoters.meanInterval(0.95).orElseThrow();
    assertTrue(d.upper() < p.lower(), () -> detractors + " vs " + promoters);
  }

  @Test
  void detractorWordsComeFromTheirComplaints() {
    List<TermScore> words =
        FightinWords.english()
            .words(
                comments(0, 6).stream().filter(c -> c != null).toList(),
                comments(9, 10).stream().filter(c -> c != null).toList());
    TermScore top = words.get(0);
    TermScore bottom = words.get(words.size() - 1);
    assertTrue(top.z() > 1 && top.countA() > top.countB(), top::toString);
    assertTrue(bottom.z() < -1 && bottom.countB() > bottom.countA(), bottom::toString);
  }
}
