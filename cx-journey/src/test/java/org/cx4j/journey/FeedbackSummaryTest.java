package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.journey.painpoint.FeedbackSummary;
import org.junit.jupiter.api.Test;

class FeedbackSummaryTest {

  static List<SurveyResponse> responses(Instrument instrument, int... scores) {
    List<SurveyResponse> out = new ArrayList<>();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < scores.length; i++) {
      out.add(SurveyResponse.of(CustomerId.of("c" + i), instrument, scores[i], t));
    }
    return out;
  }

  /** 10, 9, 3: two promoters, one detractor of three: NPS = 100 (2 - 1) / 3; mean 22/3. */
  @Test
  void npsHeadline() {
    FeedbackSummary s = FeedbackSummary.of(Instrument.nps(), responses(Instrument.nps(), 10, 9, 3));
    assertEquals("nps", s.metric());
    assertEquals(100.0 / 3, s.score(), 1e-12);
    assertEquals(22.0 / 3, s.mean(), 1e-12);
    assertTrue(s.interval().lower() <= s.score() && s.score() <= s.interval().upper());
  }

  /** CSAT 5, 4, 2, 1: top-2-box (4 and 5) holds two of four, 0.5; normalized mean (3 - 1) / 4. */
  @Test
  void csatAndCesHeadlines() {
    FeedbackSummary csat =
        FeedbackSummary.of(Instrument.csat(), responses(Instrument.csat(), 5, 4, 2, 1));
    assertEquals("top-2-box", csat.metric());
    assertEquals(0.5, csat.score(), 1e-12);
    assertEquals(0.5, csat.normalizedMean(), 1e-12);
    // CES 7, 5, 4, 1 on 1..7: easy = top three boxes (5, 6, 7): two of four.
    FeedbackSummary ces =
        FeedbackSummary.of(Instrument.ces(), responses(Instrument.ces(), 7, 5, 4, 1));
    assertEquals("easy-share", ces.metric());
    assertEquals(0.5, ces.score(), 1e-12);
    assertThrows(
        IllegalArgumentException.class, () -> FeedbackSummary.of(Instrument.nps(), List.of()));
  }
}
