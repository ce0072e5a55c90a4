package org.cx4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.customer.Segment;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The domain records reject bad values with messages that name the value and the limit. */
class DomainValidationTest {

  private static final Instant T = Instant.parse("2024-03-01T09:30:00Z");
  private static final CustomerId C = CustomerId.of("c-1");

  private static void rejects(String expectedInMessage, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(expectedInMessage), x.getMessage());
  }

  @Test
  void customerIds() {
    rejects("must not be blank", () -> CustomerId.of("  "));
    rejects("at most 256 characters, got 257", () -> CustomerId.of("x".repeat(257)));
    assertEquals("x".repeat(256), CustomerId.of("x".repeat(256)).value());
    assertThrows(NullPointerException.class, () -> CustomerId.of(null));
  }

  @Test
  void scoresOutsideTheScale() {
    rejects(
        "score 11 is outside the nps scale 0..10",
        () -> SurveyResponse.of(C, Instrument.nps(), 11, T));
    rejects(
        "score -1 is outside the nps scale 0..10",
        () -> SurveyResponse.of(C, Instrument.nps(), -1, T));
    rejects(
        "score 0 is outside the csat scale 1..5",
        () -> SurveyResponse.of(C, Instrument.csat(), 0, T));
    assertEquals(10, SurveyResponse.of(C, Instrument.nps(), 10, T).score());
    rejects(
        "NPS instrument must use the 0..10 scale",
        () -> new Instrument(Instrument.Kind.NPS, "nps", Scale.of(1, 10)));
    rejects("scale min (5) must be less than max (5)", () -> Scale.of(5, 5));
    rejects("102 points", () -> Scale.of(0, 101));
  }

  @Test
  void weightsAndAmounts() {
    rejects(
        "weight must be finite and non-negative, got -0.5",
        () -> new SurveyResponse(C, null, Instrument.nps(), 9, T, -0.5, null));
    rejects("got NaN", () -> new SurveyResponse(C, null, Instrument.nps(), 9, T, Double.NaN, null));
    rejects(
        "got Infinity",
        () -> new SurveyResponse(C, null, Instrument.nps(), 9, T, Double.POSITIVE_INFINITY, null));
    assertEquals(0.0, new SurveyResponse(C, null, Instrument.nps(), 9, T, 0.0, null).weight());
    rejects("amount must be finite, got NaN", () -> Transaction.of(C, T, Double.NaN));
    rejects("quantity must be at least 1, got 0", () -> new Transaction(C, T, 1, 0, null));
    assertEquals(-3.5, Transaction.of(C, T, -3.5).amount()); // refunds are negative
  }

  @Test
  void namesAreNormalized() {
    assertSame(Channel.APP, Channel.of(" Mobile App "));
    assertEquals("call_center", Channel.of("Call  Center").name());
    assertEquals(JourneyStage.PURCHASE, JourneyStage.of("PURCHASE"));
    rejects("channel name must not be blank", () -> Channel.of(" "));
    rejects(
        "touchpoint id must not be blank",
        () -> Touchpoint.of(" ", Channel.WEB, JourneyStage.PURCHASE));
    rejects(
        "journeyId must be null or non-blank",
        () ->
            new Interaction(
                C, Touchpoint.of("t", Channel.WEB, JourneyStage.PURCHASE), T, null, " ", Map.of()));
  }

  @Test
  void catalogsStageModelsAndSegments() {
    Touchpoint a = Touchpoint.of("a", Channel.WEB, JourneyStage.PURCHASE);
    rejects(
        "touchpoint id 'a' is used twice",
        () ->
            TouchpointCatalog.of(
                List.of(a, Touchpoint.of("a", Channel.APP, JourneyStage.PURCHASE))));
    rejects(
        "not in the stage model",
        () ->
            TouchpointCatalog.of(
                List.of(Touchpoint.of("b", Channel.WEB, JourneyStage.of("onboarding")))));
    rejects(
        "stage 'buy' appears twice (positions 0 and 2)", () -> StageModel.of("buy", "use", "buy"));
    rejects("unknown touchpoint id 'zz'", () -> TouchpointCatalog.of(List.of(a)).get("zz"));
    rejects("'in' rule on 'plan' needs at least one value", () -> SegmentRule.in("plan"));
    rejects("has min 'b' greater than max 'a'", () -> SegmentRule.range("x", "b", "a"));
    SegmentRule.range(
        "age", "9", "10"); // numbers compare as numbers: 9 <= 10, though "9" > "10" as text
    rejects(
        "must be given as the record field",
        () -> new Customer(C, null, null, null, Map.of("plan", "x")));
    rejects(
        "segment name 'other' is used twice",
        () -> Segmentation.of(Segment.of("other", SegmentRule.all())));
  }
}
