package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.journey.funnel.Attribution;
import org.cx4j.journey.funnel.ConversionComparison;
import org.cx4j.journey.funnel.CountingUnit;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelBreakdown;
import org.cx4j.journey.funnel.FunnelMode;
import org.cx4j.journey.funnel.FunnelProperty;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

class FunnelTest {

  /**
   * Five journeys (no inactivity split):
   *
   * <pre>
   * a: home@0  product@60  cart@120                 full, times 60 s and 120 s
   * b: home@0  ad@10  product@20  cart@4000         ordered: full (product 20 s, cart 4000 s);
   *                                                 strict: only home (ad breaks the chain)
   * c: home@0  cart@30  product@50                  ordered: home, product; unordered: full
   * d: product@0                                    never enters
   * e: home@0  home@100  product@110  cart@130      two attempts; the first reaches cart at 130 s
   * </pre>
   */
  private static Journeys journeys() {
    return JourneyRebuilder.defaults()
        .noInactivityGap()
        .rebuild(
            log(
                List.of(
                    at("a", HOME, 0),
                    at("a", PRODUCT, 60),
                    at("a", CART, 120),
                    at("b", HOME, 0),
                    at("b", AD, 10),
                    at("b", PRODUCT, 20),
                    at("b", CART, 4000),
                    at("c", HOME, 0),
                    at("c", CART, 30),
                    at("c", PRODUCT, 50),
                    at("d", PRODUCT, 0),
                    at("e", HOME, 0),
                    at("e", HOME, 100),
                    at("e", PRODUCT, 110),
                    at("e", CART, 130))));
  }

  private static Funnel.Builder threeSteps() {
    return Funnel.builder().step("home").step("product").step("cart");
  }

  @Test
  void orderedFunnelCountsEachJourneyOnceByItsBestAttempt() {
    FunnelResult r = threeSteps().build().run(journeys());
    // home: a b c e = 4; product: a b c e = 4; cart: a b e = 3
    assertArrayEquals(new long[] {4, 4, 3}, r.counts());
    assertEquals(0.75, r.conversion());
    assertEquals(0.75, r.conversionFromPrevious(2));
    assertEquals(1, r.dropOff(2));
    // time to product: a 60, b 20, c 50, e 110 -> sorted 20 50 60 110, median (50+60)/2 = 55,
    // p90 rank ceil(3.6) = 4 -> 110
    assertEquals(55.0, r.timeToConvert(1).medianSeconds());
    assertEquals(110.0, r.timeToConvert(1).p90Seconds());
    // time to cart: a 120, b 4000, e 130 -> median 130
    assertEquals(130.0, r.timeToConvert(2).medianSeconds());
    assertEquals(java.util.Map.of(120L, 1L, 130L, 1L, 4000L, 1L), r.timeToConvert(2).frequencies());
    // Bins of 100 s: [100, 200) holds 120 and 130; [4000, 4100) holds 4000.
    assertEquals(java.util.Map.of(100L, 2L, 4000L, 1L), r.timeToConvert(2).histogram(100));
  }

  @Test
  void conversionWindowFromFirstStep() {
    // Window 1000 s: b's cart at 4000 s is too late -> cart: a e = 2
    FunnelResult r = threeSteps().window(Duration.ofSeconds(1000)).build().run(journeys());
    assertArrayEquals(new long[] {4, 4, 2}, r.counts());
    // Window 100 s: e's first attempt (home@0) reaches product@110 too late; its second attempt
    // (home@100) reaches product@110 (10 s) and cart@130 (30 s). a: product 60 in, cart 120 out.
    // b: product@20, cart out. c: product@50. -> home 4, product 4, cart 1 (e)
    FunnelResult w = threeSteps().window(Duration.ofSeconds(100)).build().run(journeys());
    assertArrayEquals(new long[] {4, 4, 1}, w.counts());
    assertEquals(30.0, w.timeToConvert(2).medianSeconds());
  }

  @Test
  void perStepWindowFromPreviousStep() {
    // cart within 50 s of product: a 60 s no, b 3980 s no, e 20 s yes -> cart 1
    FunnelResult r = threeSteps().stepWindow(2, Duration.ofSeconds(50)).build().run(journeys());
    assertArrayEquals(new long[] {4, 4, 1}, r.counts());
  }

  @Test
  void strictModeAllowsNoOtherEventsBetweenSteps() {
    // a full; b home then ad -> 1; c home then cart -> 1; e: attempt home@0 -> home@100 breaks;
    // attempt home@100 -> product -> cart: full. -> [4, 2, 2]
    FunnelResult r = threeSteps().mode(FunnelMode.STRICT).build().run(journeys());
    assertArrayEquals(new long[] {4, 2, 2}, r.counts());
  }

  @Test
  void unorderedModeAcceptsAnyOrder() {
    // a b c e all do home, product and cart; d does product only and so never completes step 0.
    FunnelResult r = threeSteps().mode(FunnelMode.UNORDERED).build().run(journeys());
    assertArrayEquals(new long[] {4, 4, 4}, r.counts());
  }

  @Test
  void exclusionStepsStopTheAttempt() {
    // Exclude ad between home and product: b is stopped at home -> product: a c e = 3, cart a e = 2
    FunnelResult r = threeSteps().exclude(0, FunnelStep.touchpoint("ad")).build().run(journeys());
    assertArrayEquals(new long[] {4, 3, 2}, r.counts());
  }

  @Test
  void optionalStepsMayBeSkipped() {
    // home > ad? > cart: a skips ad -> cart; b home ad ... cart; c home cart; e home cart.
    // cart: a b c e = 4; step 1 counts as passed for all 4.
    FunnelResult r =
        Funnel.builder()
            .step("home")
            .optionalStep(FunnelStep.touchpoint("ad"))
            .step("cart")
            .build()
            .run(journeys());
    assertArrayEquals(new long[] {4, 4, 4}, r.counts());
    // Only b actually visited ad: its time to ad is 10 s, the only value.
    assertEquals(1, r.timeToConvert(1).count());
    assertEquals(10.0, r.timeToConvert(1).medianSeconds());
  }

  @Test
  void stageChannelAndPredicateSteps() {
    // awareness (ad, home) > consideration (product) > converted outcome
    Journeys js =
        JourneyRebuilder.defaults()
            .rebuild(
                log(
                    List.of(
                        at("a", AD, 0),
                        at("a", PRODUCT, 10),
                        at("a", CHECKOUT, 20, Outcome.CONVERTED),
                        at("b", HOME, 0),
                        at("b", PRODUCT, 10))));
    FunnelResult r =
        Funnel.builder()
            .step(FunnelStep.stage(JourneyStage.AWARENESS))
            .step(FunnelStep.channel(Channel.WEB))
            .step(FunnelStep.matching("converted", i -> Outcome.CONVERTED.equals(i.outcome())))
            .build()
            .run(js);
    // a: ad (awareness), product (web), checkout converted -> 3; b: home (awareness, and web),
    // product (web) -> 2 steps.
    assertArrayEquals(new long[] {2, 2, 1}, r.counts());
  }

  @Test
  void customersCountOnceOverAllTheirJourneys() {
    // x: journey 1 home, journey 2 (after 2 h) product cart.
    Journeys js =
        JourneyRebuilder.defaults()
            .rebuild(log(List.of(at("x", HOME, 0), at("x", PRODUCT, 7200), at("x", CART, 7260))));
    assertEquals(2, js.journeyCount());
    Funnel byJourney = threeSteps().build();
    // By journey: journey 1 reaches home; journey 2 never starts -> [1, 0, 0]
    assertArrayEquals(new long[] {1, 0, 0}, byJourney.run(js).counts());
    Funnel byCustomer = threeSteps().countBy(CountingUnit.CUSTOMER).build();
    assertArrayEquals(new long[] {1, 1, 1}, byCustomer.run(js).counts());
  }

  @Test
  void attributionSaysWhichStepWithoutCodes() {
    assertEquals(Attribution.Anchor.FIRST_STEP, Attribution.FIRST_STEP.anchor());
    assertTrue(Attribution.FIRST_STEP.step().isEmpty());
    assertEquals(Attribution.Anchor.LAST_STEP_REACHED, Attribution.LAST_STEP.anchor());
    assertEquals(java.util.OptionalInt.of(2), Attribution.atStep(2).step());
    assertEquals("step 2", Attribution.atStep(2).toString());
    assertEquals("last step reached", Attribution.LAST_STEP.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Attribution(Attribution.Anchor.FIRST_STEP, java.util.OptionalInt.of(1)));
    assertEquals(
        "attribution step must be given exactly for CHOSEN_STEP, got FIRST_STEP with step "
            + "OptionalInt[1]",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Attribution(Attribution.Anchor.CHOSEN_STEP, java.util.OptionalInt.empty()));
    assertThrows(IllegalArgumentException.class, () -> Attribution.atStep(-1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            threeSteps()
                .build()
                .breakdown(journeys(), FunnelProperty.touchpoint(), Attribution.atStep(3)));
  }

  @Test
  void breakdownTrendAndComparison() {
    // Channel at the first step: all home (web) -> one group.
    Funnel f = threeSteps().build();
    FunnelBreakdown byChannel =
        f.breakdown(journeys(), FunnelProperty.channel(), Attribution.FIRST_STEP);
    assertEquals(List.of("web"), List.copyOf(byChannel.groups().keySet()));
    // Touchpoint at the last step reached: a b e end at cart, c at product.
    FunnelBreakdown last =
        f.breakdown(journeys(), FunnelProperty.touchpoint(), Attribution.LAST_STEP);
    assertEquals(3, last.group("cart").entered());
    assertEquals(1, last.group("product").entered());
    // Customer property: a and b in group "ab", others "rest".
    FunnelBreakdown seg =
        f.breakdown(
            journeys(),
            FunnelProperty.customer(
                c -> c.value().equals("a") || c.value().equals("b") ? "ab" : "rest"),
            Attribution.atStep(0));
    assertArrayEquals(new long[] {2, 2, 2}, seg.group("ab").counts());
    assertArrayEquals(new long[] {2, 2, 1}, seg.group("rest").counts());
    // The comparison passes the counts through the test seam unchanged.
    ConversionComparison cmp =
        seg.compare("ab", "rest", 2, (x1, n1, x2, n2) -> x1 * 1000 + n1 * 100 + x2 * 10 + n2);
    assertEquals(2 * 1000 + 2 * 100 + 10 + 2, cmp.pValue());
    assertEquals(0.5, cmp.difference());
    // Default: cx-metrics' pooled two-proportion z test. 2/2 vs 1/2: pooled p = 3/4,
    // se0 = sqrt(3/4 * 1/4 * (1/2 + 1/2)) = 0.4330, z = 0.5 / 0.4330 = 1.1547,
    // two-sided p = erfc(z / sqrt 2) = 0.248213.
    assertEquals(0.248213079, seg.compare("ab", "rest", 2).pValue(), 1e-8);
    // Trend: everything on 2024-01-01.
    FunnelBreakdown trend = f.trend(journeys(), ChronoUnit.DAYS);
    assertEquals(List.of("2024-01-01"), List.copyOf(trend.groups().keySet()));
    assertEquals(f.run(journeys()), trend.group("2024-01-01"));
  }

  @Test
  void breakdownByAKeptInteractionAttribute() {
    // x starts on mobile and converts; y starts on desktop and stops at home; z has no device.
    java.util.function.BiFunction<String, String, org.cx4j.core.interaction.Interaction> home =
        (c, d) ->
            new org.cx4j.core.interaction.Interaction(
                org.cx4j.core.customer.CustomerId.of(c),
                HOME,
                T0,
                null,
                null,
                d == null ? java.util.Map.of() : java.util.Map.of("device", d));
    Journeys js =
        JourneyRebuilder.defaults()
            .rebuild(
                org.cx4j.journey.log.InteractionLog.builder()
                    .catalog(CATALOG)
                    .attributes("device")
                    .add(home.apply("x", "mobile"))
                    .add(at("x", PRODUCT, 10))
                    .add(at("x", CART, 20))
                    .add(home.apply("y", "desktop"))
                    .add(home.apply("z", null))
                    .add(at("z", PRODUCT, 10))
                    .build());
    FunnelBreakdown b =
        threeSteps()
            .build()
            .breakdown(js, FunnelProperty.attribute("device"), Attribution.FIRST_STEP);
    assertArrayEquals(new long[] {1, 1, 1}, b.group("mobile").counts());
    assertArrayEquals(new long[] {1, 0, 0}, b.group("desktop").counts());
    assertArrayEquals(new long[] {1, 1, 0}, b.group("(none)").counts());
  }

  @Test
  void badDefinitionsAreClearErrors() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> Funnel.builder().build());
    assertTrue(none.getMessage().contains("at least one step"), none.getMessage());
    IllegalArgumentException dup =
        assertThrows(
            IllegalArgumentException.class,
            () -> Funnel.builder().step("home").step("cart").step("home").build());
    assertTrue(dup.getMessage().contains("touchpoint:home"), dup.getMessage());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Funnel.builder().window(Duration.ZERO));
    assertTrue(zero.getMessage().contains("PT0S"), zero.getMessage());
    IllegalArgumentException neg =
        assertThrows(
            IllegalArgumentException.class,
            () -> Funnel.builder().stepWindow(1, Duration.ofSeconds(-5)));
    assertTrue(neg.getMessage().contains("PT-5S"), neg.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Funnel.builder().optionalStep(FunnelStep.touchpoint("home")).step("cart").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Funnel.builder().step("home").exclude(0, FunnelStep.touchpoint("ad")).build());
  }
}
