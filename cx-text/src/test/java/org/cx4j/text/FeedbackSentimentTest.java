package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.driver.KeyDriverAnalysis;
import org.cx4j.metrics.driver.MissingRule;
import org.junit.jupiter.api.Test;

/**
 * Sentiment joined to responses, interactions, key drivers and NPS segments. Valences from the
 * VADER lexicon: good 1.9, great 3.1, bad -2.5, terrible -2.1, nice 1.8, rude -2.0.
 */
class FeedbackSentimentTest {

  static final double TOL = 1e-12;
  static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
  static final Touchpoint DELIVERY =
      new Touchpoint("delivery", "Delivery", Channel.WEB, JourneyStage.PURCHASE);
  static final Touchpoint SUPPORT =
      new Touchpoint("support", "Support", Channel.CHAT, JourneyStage.PURCHASE);
  static final FeedbackSentiment JOIN = FeedbackSentiment.with(SentimentAnalyzer.vader());

  static double n(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  static SurveyResponse nps(String id, Touchpoint t, int score, String comment) {
    return new SurveyResponse(CustomerId.of(id), t, Instrument.nps(), score, T, 1.0, comment);
  }

  @Test
  void responseCommentsAndInteractionAttributesAreScored() {
    assertEquals(n(1.9), JOIN.score(nps("a", null, 9, "good")).orElseThrow().compound(), TOL);
    assertTrue(JOIN.score(nps("a", null, 9, null)).isEmpty());
    Interaction chat =
        new Interaction(CustomerId.of("a"), SUPPORT, T, null, null, Map.of("transcript", "rude"));
    assertEquals(n(-2.0), JOIN.score(chat, "transcript").orElseThrow().compound(), TOL);
    assertTrue(JOIN.score(chat, "email").isEmpty()); // no such attribute: no comment
    SentimentSummary s =
        JOIN.summary(List.of(chat, Interaction.of(CustomerId.of("b"), SUPPORT, T)), "transcript");
    assertEquals(1, s.scored());
    assertEquals(1, s.noComment());
  }

  @Test
  void badInputIsCountedNotScoredNeutral() {
    FeedbackSentiment join =
        FeedbackSentiment.with(SentimentAnalyzer.builder().maxLength(10).build());
    List<SurveyResponse> rs =
        List.of(
            nps("a", null, 9, null),
            nps("b", null, 9, ""),
            nps("c", null, 9, " \t\n"),
            nps("d", null, 9, "<p>&nbsp;</p>\u0007"), // markup and a control character only
            nps("e", null, 9, "good phone but terrible"), // 23 characters: cut to "good phone"
            nps("f", null, 3, "<b>bad</b>"));
    SentimentSummary s = join.summary(rs);
    assertEquals(4, s.noComment());
    assertEquals(2, s.scored());
    assertEquals(1, s.truncated());
    assertEquals(0, s.neutral());
    // good 1.9 and bad -2.5: mean of the two compounds.
    assertEquals((n(1.9) + n(-2.5)) / 2, s.meanCompound(), TOL);
  }

  @Test
  void sentimentByTouchpoint() {
    Map<String, SentimentSummary> by =
        JOIN.byTouchpoint(
            List.of(
                nps("a", DELIVERY, 9, "good"),
                nps("b", DELIVERY, 2, "bad"),
                nps("c", SUPPORT, 10, "great"),
                nps("d", null, 8, "nice")));
    assertEquals(
        List.of("Delivery", "Support", FeedbackSentiment.NO_TOUCHPOINT), List.copyOf(by.keySet()));
    assertEquals((n(1.9) + n(-2.5)) / 2, by.get("Delivery").meanCompound(), TOL);
    assertEquals(n(3.1), by.get("Support").meanCompound(), TOL);
  }

  @Test
  void sentimentIsADriverBesideTouchpointRatings() {
    String[] comments = {"good", "great", "bad", "terrible", null, "nice", "rude", "   "};
    double[] outcome = {9, 10, 2, 3, 7, 8, 1, 5};
    double[] rating = {4, 5, 2, 1, 3, 4, 2, 3};
    List<SurveyResponse> rs = new ArrayList<>();
    for (int i = 0; i < comments.length; i++) {
      rs.add(nps("c" + i, DELIVERY, (int) outcome[i], comments[i]));
    }
    double[] values = JOIN.driverValues(Arrays.asList(comments));
    assertTrue(Double.isNaN(values[4]) && Double.isNaN(values[7])); // no comment: missing
    assertEquals(n(-2.1), values[3], TOL);
    KeyDriverAnalysis.Builder b =
        KeyDriverAnalysis.builder()
            .outcome("nps", outcome)
            .driver("delivery rating", rating)
            .missing(MissingRule.PAIRWISE);
    DriverImportance d =
        JOIN.addDriver(b, "comment sentiment", rs).run().driver("comment sentiment").orElseThrow();
    // Pearson's r of outcome and compound over the six respondents with a comment, by definition.
    double[] x = {n(1.9), n(3.1), n(-2.5), n(-2.1), n(1.8), n(-2.0)};
    double[] y = {9, 10, 2, 3, 8, 1};
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    assertEquals(sxy / Math.sqrt(sxx * syy), d.pearson(), 1e-9);
  }

  @Test
  void detractorThemesExplainNpsBySegment() {
    ThemeDictionary themes =
        ThemeDictionary.builder()
            .theme("delivery", "delivery", "shipping")
            .theme("refund", "refund")
            .build();
    List<SurveyResponse> rs =
        List.of(
            nps("a1", null, 0, "Delivery was late"),
            nps("a2", null, 3, "The refund never came"),
            nps("a3", null, 9, "Great delivery"), // a promoter: not among the detractor themes
            nps("a4", null, 10, null),
            nps("b1", null, 5, null),
            nps("b2", null, 6, "Shipping was slow, no refund"),
            nps("b3", null, 8, "Fine"));
    DetractorThemes dt =
        DetractorThemes.of(
            rs, r -> r.customer().value().substring(0, 1), themes, SentimentAnalyzer.vader(), 2);
    // Segment a: 2 promoters, 2 detractors of 4: NPS 100 (2 - 2) / 4 = 0.
    assertEquals(0, dt.nps().get("a").score(), TOL);
    // Segment b: 0 promoters, 2 detractors of 3: NPS 100 (0 - 2) / 3.
    assertEquals(-200.0 / 3, dt.nps().get("b").score(), TOL);
    // a: two detractor comments, one about delivery (share 1/2), one about the refund (1/2).
    assertEquals(1, dt.themes().row("a", "delivery").orElseThrow().comments());
    assertEquals(0.5, dt.themes().row("a", "delivery").orElseThrow().share(), TOL);
    assertEquals(
        List.of("Delivery was late"), dt.themes().row("a", "delivery").orElseThrow().verbatims());
    // b: one detractor comment, matching both themes (share 1 each); one detractor without one.
    assertEquals(1.0, dt.themes().row("b", "delivery").orElseThrow().share(), TOL);
    assertEquals(1.0, dt.themes().row("b", "refund").orElseThrow().share(), TOL);
    assertEquals(1, dt.themes().groups().get("b").noComment());
    assertEquals(1, dt.themes().groups().get("b").comments());
  }
}
