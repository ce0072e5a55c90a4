package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.journey.conformance.DesignedJourney;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.painpoint.PainPointAnalysis;
import org.cx4j.journey.painpoint.PainPointReport;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

class PainPointTest {

  /**
   *
   *
   * <pre>
   * a: home@0 cart@100 checkout@130 (converted)
   * b: home@0 cart@400 cart@460                  ends at cart, not converted; cart rework 1
   * c: home@0 cart@20                             ends at cart, not converted
   * </pre>
   *
   * cart: visits 4, journeys 3, drop-offs 2 (b, c), rework 1. Time spent at cart (to the next
   * event): a 30 s, b 60 s (the last cart has no next event) -> median 45 s; target 30 s -> over
   * target (45 - 30) / 30 = 0.5. Feedback at cart: CSAT 2 and 3 on 1..5 -> mean 2.5, normalized
   * (2.5 - 1) / 4 = 0.375 -> feedback part 0.625. pain(cart) = (2/3 + 1/4 + 0.5 + 0.625) / 4;
   * delight(cart) = (0.375 + 1/3) / 2. home: visits 3, journeys 3, drop-offs 0, rework 0, spent
   * 100, 400, 20 -> median 100 s, no target, feedback NPS 10 -> normalized 1, part 0. pain 0;
   * delight (1 + 1) / 2 = 1.
   */
  @Test
  void scoresAreDecomposedAndRanked() {
    Journeys js =
        JourneyRebuilder.defaults()
            .rebuild(
                log(
                    List.of(
                        at("a", HOME, 0),
                        at("a", CART, 100),
                        at("a", CHECKOUT, 130, Outcome.CONVERTED),
                        at("b", HOME, 0),
                        at("b", CART, 400),
                        at("b", CART, 460),
                        at("c", HOME, 0),
                        at("c", CART, 20))));
    DesignedJourney design =
        DesignedJourney.builder()
            .stage(JourneyStage.AWARENESS)
            .required("home")
            .stage(JourneyStage.PURCHASE)
            .required("cart", Duration.ofSeconds(30))
            .required("checkout")
            .build();
    List<SurveyResponse> fb =
        List.of(
            SurveyResponse.of(CustomerId.of("b"), CART, Instrument.csat(), 2, T0.plusSeconds(500)),
            SurveyResponse.of(CustomerId.of("c"), CART, Instrument.csat(), 3, T0.plusSeconds(50)),
            SurveyResponse.of(CustomerId.of("a"), HOME, Instrument.nps(), 10, T0.plusSeconds(5)));
    PainPointReport r =
        PainPointAnalysis.at(Level.TOUCHPOINT).design(design).feedback(fb).minSample(3).analyze(js);
    NodeScore cart = r.painPoints().get(0);
    assertEquals("cart", cart.label());
    assertEquals(4, cart.visits());
    assertEquals(3, cart.journeys());
    assertEquals(2, cart.dropOffs());
    assertEquals(1, cart.rework());
    assertEquals(2.0 / 3, cart.dropOffPart(), 1e-12);
    assertEquals(0.25, cart.reworkPart(), 1e-12);
    assertEquals(0.5, cart.overTargetPart(), 1e-12);
    assertEquals(0.625, cart.feedbackPainPart(), 1e-12);
    assertEquals((2.0 / 3 + 0.25 + 0.5 + 0.625) / 4, cart.pain(), 1e-12);
    assertEquals((0.375 + 1.0 / 3) / 2, cart.delight(), 1e-12);
    assertTrue(cart.smallSample()); // 2 responses < 3
    NodeScore home = r.delights().get(0);
    assertEquals("home", home.label());
    assertEquals(1.0, home.delight(), 1e-12);
    assertEquals(0.0, home.pain(), 1e-12);
    assertEquals(100.0, home.timeSpent().medianSeconds());
    // checkout: 1 visit, the converted end: no drop-off, no feedback -> pain 0, no delight.
    assertTrue(
        Double.isNaN(
            r.nodes().stream()
                .filter(n -> n.label().equals("checkout"))
                .findFirst()
                .orElseThrow()
                .delight()));
    assertEquals(2, r.delights().size());
    // Stage level: purchase = cart and checkout. Visits 5 (a cart, a checkout, b cart x2,
    // c cart), journeys 3, drop-offs 2 (b, c), rework 2 (a checkout, b second cart) -> 2/5;
    // no stage target -> 0; CSAT 2 and 3 -> feedback part 0.625.
    NodeScore purchase =
        PainPointAnalysis.at(Level.STAGE).design(design).feedback(fb).analyze(js).nodes().stream()
            .filter(x -> x.label().equals("purchase"))
            .findFirst()
            .orElseThrow();
    assertEquals(5, purchase.visits());
    assertEquals(2, purchase.rework());
    assertEquals(0.4, purchase.reworkPart(), 1e-12);
    assertEquals(0.0, purchase.overTargetPart());
    assertEquals((2.0 / 3 + 0.4 + 0 + 0.625) / 4, purchase.pain(), 1e-12);
    assertTrue(purchase.smallSample()); // 3 journeys < 30 (the default minimum)
    assertThrows(IllegalArgumentException.class, () -> PainPointAnalysis.at(Level.CHANNEL));
    assertThrows(
        IllegalArgumentException.class,
        () -> PainPointAnalysis.at(Level.STAGE).weights(0, 0, 0, 0));
  }
}
