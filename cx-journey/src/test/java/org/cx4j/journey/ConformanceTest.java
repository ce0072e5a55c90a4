package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.journey.conformance.ConformanceChecker;
import org.cx4j.journey.conformance.ConformanceReport;
import org.cx4j.journey.conformance.DesignedJourney;
import org.cx4j.journey.conformance.Deviation;
import org.cx4j.journey.conformance.JourneyConformance;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

class ConformanceTest {

  /** awareness: ad? home ; consideration: product ; purchase: cart checkout (4 required). */
  static final DesignedJourney DESIGN =
      DesignedJourney.builder()
          .stage(JourneyStage.AWARENESS)
          .optional("ad")
          .required("home")
          .stage(JourneyStage.CONSIDERATION, Duration.ofMinutes(10))
          .required("product")
          .stage(JourneyStage.PURCHASE)
          .required("cart")
          .required("checkout", Duration.ofMinutes(2))
          .build();

  /**
   *
   *
   * <pre>
   * a: home product cart checkout                 conforms, fitness 1
   * b: ad home home product cart checkout          conforms (repeat of the current step is fine)
   * c: home cart checkout                          skipped product -> 1 - 1/(4+3) = 6/7,
   *                                                left at consideration
   * d: home product call cart product checkout     unexpected call (retention), out of order
   *                                                product -> 1 - 2/(4+6) = 0.8, left at retention
   * e: product home                                out of order home, skipped cart and checkout
   *                                                -> 1 - 3/(4+2) = 0.5, left at awareness
   * </pre>
   */
  static Journeys journeys() {
    return JourneyRebuilder.defaults()
        .rebuild(
            log(
                List.of(
                    at("a", HOME, 0),
                    at("a", PRODUCT, 1),
                    at("a", CART, 2),
                    at("a", CHECKOUT, 3),
                    at("b", AD, 0),
                    at("b", HOME, 1),
                    at("b", HOME, 2),
                    at("b", PRODUCT, 3),
                    at("b", CART, 4),
                    at("b", CHECKOUT, 5),
                    at("c", HOME, 0),
                    at("c", CART, 1),
                    at("c", CHECKOUT, 2),
                    at("d", HOME, 0),
                    at("d", PRODUCT, 1),
                    at("d", CALL, 2),
                    at("d", CART, 3),
                    at("d", PRODUCT, 4),
                    at("d", CHECKOUT, 5),
                    at("e", PRODUCT, 0),
                    at("e", HOME, 1))));
  }

  @Test
  void perJourneyConformance() {
    Journeys js = journeys();
    ConformanceChecker c = ConformanceChecker.against(DESIGN);
    JourneyConformance a = c.check(js, 0);
    assertTrue(a.conforms());
    assertEquals(1.0, a.fitness());
    assertNull(a.leftAtStage());
    assertTrue(c.check(js, 1).conforms());
    JourneyConformance cc = c.check(js, 2);
    assertEquals(List.of("product"), cc.skipped());
    assertEquals(6.0 / 7, cc.fitness(), 1e-12);
    assertEquals("consideration", cc.leftAtStage());
    JourneyConformance d = c.check(js, 3);
    assertEquals(List.of("call"), d.unexpected());
    assertEquals(List.of("product"), d.outOfOrder());
    assertEquals(0.8, d.fitness(), 1e-12);
    assertEquals("retention", d.leftAtStage());
    JourneyConformance e = c.check(js, 4);
    assertEquals(List.of("home"), e.outOfOrder());
    assertEquals(List.of("cart", "checkout"), e.skipped());
    assertEquals(0.5, e.fitness(), 1e-12);
    assertEquals("awareness", e.leftAtStage());
  }

  @Test
  void aggregateReport() {
    ConformanceReport r = ConformanceChecker.against(DESIGN).report(journeys());
    assertEquals(5, r.journeys());
    assertEquals(2, r.conforming());
    assertEquals(0.4, r.conformingShare());
    assertEquals((1 + 1 + 6.0 / 7 + 0.8 + 0.5) / 5, r.meanFitness(), 1e-12);
    // Deviations, one journey each: skipped product (c), unexpected call (d), out of order
    // product (d), out of order home (e), skipped cart (e), skipped checkout (e) -> 6 kinds,
    // all x1; ties ordered by kind (SKIPPED, OUT_OF_ORDER, UNEXPECTED) then touchpoint.
    assertEquals(6, r.deviations().size());
    assertEquals(new Deviation(Deviation.Kind.SKIPPED, "cart"), r.deviations().get(0).deviation());
    assertEquals(Map.of("consideration", 1L, "retention", 1L, "awareness", 1L), r.leftAtStage());
    ConformanceReport twice =
        ConformanceChecker.against(DESIGN)
            .accumulator()
            .addAll(journeys())
            .merge(ConformanceChecker.against(DESIGN).accumulator().addAll(journeys()))
            .result();
    assertEquals(10, twice.journeys());
    assertEquals(2, twice.deviations().get(0).journeys());
  }

  @Test
  void badDesignsAreClearErrors() {
    IllegalArgumentException dup =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DesignedJourney.builder()
                    .stage(JourneyStage.AWARENESS)
                    .required("home")
                    .stage(JourneyStage.PURCHASE)
                    .required("home")
                    .build());
    assertTrue(dup.getMessage().contains("home"), dup.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DesignedJourney.builder().build());
    assertThrows(IllegalStateException.class, () -> DesignedJourney.builder().required("home"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DesignedJourney.builder().stage(JourneyStage.AWARENESS, Duration.ZERO));
  }
}
