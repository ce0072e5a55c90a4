package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.journey.funnel.CountingUnit;
import org.cx4j.journey.funnel.ExclusionScope;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelMode;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.UnknownNames;
import org.cx4j.journey.path.PathAnalysis;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the funnel definition in the cx-journey README, one test per rule, with
 * the expected counts and times worked out by hand in the README. A = home, B = product, C = cart,
 * D = checkout, X = ad.
 */
class FunnelDefinitionTest {

  private static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults().noInactivityGap();

  private static Journeys journeys(Interaction... events) {
    return REBUILD.rebuild(log(List.of(events)));
  }

  private static Interaction c(int seconds, org.cx4j.core.touchpoint.Touchpoint t) {
    return at("c", t, seconds);
  }

  /** Returns the times to step {@code k} as seconds to frequency. */
  private static Map<Long, Long> times(FunnelResult r, int k) {
    return new TreeMap<>(r.timeToConvert(k).frequencies());
  }

  private static Funnel.Builder ab() {
    return Funnel.builder().step("home").step("product");
  }

  private static Funnel.Builder aOptBc() {
    return Funnel.builder()
        .step("home")
        .optionalStep(FunnelStep.touchpoint("product"))
        .step("cart");
  }

  @Test
  void rule1CustomerEventsFollowTimeNotJourneyIds() {
    // Journey "j1" = [product at 20] arrives first; journey "j2" = [home at 10].
    Journeys js = journeys(session("c", PRODUCT, 20, "j1"), session("c", HOME, 10, "j2"));
    FunnelResult byCustomer = ab().countBy(CountingUnit.CUSTOMER).build().run(js);
    assertArrayEquals(new long[] {1, 1}, byCustomer.counts());
    assertEquals(Map.of(10L, 1L), times(byCustomer, 1));
    // By journey, j2 has home only and j1 has no attempt.
    assertArrayEquals(new long[] {1, 0}, ab().build().run(js).counts());
  }

  @Test
  void rule2EveryFirstStepEventStartsAnAttempt() {
    Journeys js = journeys(c(0, HOME), c(1, PRODUCT), c(2, HOME), c(3, CART));
    FunnelResult r = Funnel.builder().step("home").step("cart").build().run(js);
    // Both attempts reach cart; the earliest is kept, so the time is 3 - 0.
    assertArrayEquals(new long[] {1, 1}, r.counts());
    assertEquals(Map.of(3L, 1L), times(r, 1));
  }

  @Test
  void rule3ChainsSkipOptionalSteps() {
    FunnelResult r = aOptBc().build().run(journeys(c(0, HOME), c(5, CART)));
    assertArrayEquals(new long[] {1, 1, 1}, r.counts());
    assertEquals(Map.of(), times(r, 1)); // product skipped: counted, no time
    assertEquals(Map.of(5L, 1L), times(r, 2));
  }

  @Test
  void rule4WindowsCompareWithLessOrEqual() {
    Funnel f = ab().window(Duration.ofSeconds(60)).build();
    assertArrayEquals(new long[] {1, 1}, f.run(journeys(c(0, HOME), c(60, PRODUCT))).counts());
    assertArrayEquals(new long[] {1, 0}, f.run(journeys(c(0, HOME), c(61, PRODUCT))).counts());
    Funnel g = ab().stepWindow(1, Duration.ofSeconds(5)).build();
    assertArrayEquals(new long[] {1, 1}, g.run(journeys(c(0, HOME), c(5, PRODUCT))).counts());
    assertArrayEquals(new long[] {1, 0}, g.run(journeys(c(0, HOME), c(6, PRODUCT))).counts());
  }

  @Test
  void rule5ExclusionsLookStrictlyBetweenMatchedSteps() {
    Funnel.Builder x = ab().exclude(0, FunnelStep.touchpoint("ad"));
    Journeys axb = journeys(c(0, HOME), c(1, AD), c(2, PRODUCT));
    assertArrayEquals(new long[] {1, 0}, x.build().run(axb).counts());
    assertArrayEquals(
        new long[] {0, 0}, x.exclusionScope(ExclusionScope.DROP_UNIT).build().run(axb).counts());
    // The step events themselves are not checked: product (web) is excluded by channel web.
    assertArrayEquals(
        new long[] {1, 1},
        ab().exclude(0, FunnelStep.channel(Channel.WEB))
            .build()
            .run(journeys(c(0, HOME), c(1, PRODUCT)))
            .counts());
    // A X A B: the second attempt is clean under both scopes.
    Journeys axab = journeys(c(0, HOME), c(1, AD), c(2, HOME), c(3, PRODUCT));
    for (ExclusionScope s : ExclusionScope.values()) {
      FunnelResult r =
          ab().exclude(0, FunnelStep.touchpoint("ad")).exclusionScope(s).build().run(axab);
      assertArrayEquals(new long[] {1, 1}, r.counts(), s.name());
      assertEquals(Map.of(1L, 1L), times(r, 1), s.name());
    }
    // Skipped gaps: X in gap 1 guards A to C even when B is skipped.
    Funnel gap1 = aOptBc().exclude(1, FunnelStep.touchpoint("ad")).build();
    assertArrayEquals(
        new long[] {1, 0, 0}, gap1.run(journeys(c(0, HOME), c(1, AD), c(2, CART))).counts());
    assertArrayEquals(
        new long[] {1, 1, 1},
        gap1.run(journeys(c(0, HOME), c(1, AD), c(2, PRODUCT), c(3, CART))).counts());
  }

  @Test
  void rule6StrictExploresEveryChoice() {
    // app_product is both "consideration" (optional step 1) and "app" (step 2).
    Funnel f =
        Funnel.builder()
            .mode(FunnelMode.STRICT)
            .step("home")
            .optionalStep(FunnelStep.stage(JourneyStage.CONSIDERATION))
            .step(FunnelStep.channel(Channel.APP))
            .step("cart")
            .build();
    FunnelResult r = f.run(journeys(c(0, HOME), c(1, APP_PRODUCT), c(2, CART)));
    assertArrayEquals(new long[] {1, 1, 1, 1}, r.counts());
    assertEquals(Map.of(1L, 1L), times(r, 1)); // the chain home, app_product as step 1 is valid
    assertEquals(Map.of(2L, 1L), times(r, 3));
    assertArrayEquals(
        new long[] {1, 0, 0, 0}, f.run(journeys(c(0, HOME), c(1, CALL), c(2, CART))).counts());
  }

  @Test
  void rule7UnorderedStepsAnyOrder() {
    Funnel f =
        Funnel.builder()
            .mode(FunnelMode.UNORDERED)
            .step("home")
            .step("product")
            .step("cart")
            .build();
    FunnelResult r = f.run(journeys(c(0, CART), c(5, HOME), c(9, PRODUCT)));
    assertArrayEquals(new long[] {1, 1, 1}, r.counts());
    assertEquals(Map.of(5L, 1L), times(r, 0));
    assertEquals(Map.of(9L, 1L), times(r, 1));
    assertEquals(Map.of(9L, 1L), times(r, 2));
  }

  @Test
  void rule8BestAttemptIsFurthestThenEarliest() {
    Funnel f =
        Funnel.builder()
            .step("home")
            .step("product")
            .step("cart")
            .window(Duration.ofSeconds(10))
            .build();
    FunnelResult r = f.run(journeys(c(0, HOME), c(8, HOME), c(12, PRODUCT), c(15, CART)));
    assertArrayEquals(new long[] {1, 1, 1}, r.counts());
    assertEquals(Map.of(7L, 1L), times(r, 2)); // from the second attempt: 15 - 8
  }

  @Test
  void rule9TimeToStepIsTheMinimumOverValidChains() {
    FunnelResult r = aOptBc().build().run(journeys(c(0, HOME), c(5, CART), c(7, PRODUCT)));
    assertArrayEquals(new long[] {1, 1, 1}, r.counts());
    assertEquals(Map.of(7L, 1L), times(r, 1));
    assertEquals(Map.of(5L, 1L), times(r, 2));
    // Of two valid chains through product, the earlier one gives the time.
    FunnelResult two =
        aOptBc().build().run(journeys(c(0, HOME), c(3, PRODUCT), c(8, PRODUCT), c(10, CART)));
    assertEquals(Map.of(3L, 1L), times(two, 1));
  }

  @Test
  void unknownTouchpointNamesAreRejectedWithTheClosestKnownOnes() {
    Journeys js = journeys(c(0, HOME), c(1, CART));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Funnel.builder().step("home").step("crat").build().run(js));
    assertTrue(e.getMessage().contains("funnel step 1 names 'crat'"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "closest known: cart. Pass UnknownNames.ALLOW to accept "
                    + "names that match no event."),
        e.getMessage());
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> ab().exclude(0, FunnelStep.touchpoint("addd")).build().run(js));
    assertTrue(x.getMessage().contains("exclusion after step 0 names 'addd'"), x.getMessage());
    assertTrue(x.getMessage().contains("closest known: ad"), x.getMessage());
    assertArrayEquals(
        new long[] {1, 0},
        Funnel.builder()
            .step("home")
            .step("crat")
            .unknownTouchpoints(UnknownNames.ALLOW)
            .build()
            .run(js)
            .counts());
    PathAnalysis p = PathAnalysis.over(Abstraction.of(js.dictionary(), Level.TOUCHPOINT));
    IllegalArgumentException pe =
        assertThrows(IllegalArgumentException.class, () -> p.forward(js, "hme"));
    assertTrue(pe.getMessage().contains("closest known: home"), pe.getMessage());
    assertEquals(0, p.unknownNames(UnknownNames.ALLOW).forward(js, "hme").journeys());
  }

  @Test
  void closestNamesAreWithinTwoEditsClosestFirstAtMostThree() {
    // Levenshtein distances from "cat": cart 1 (insert r), chat 1 (insert h), call 2 (t to l,
    // insert l), ad 2 (delete c, t to d), home 4: the three closest, catalogue order on ties.
    assertEquals(
        List.of("cart", "chat", "call"),
        UnknownNames.closest("cat", List.of("home", "cart", "chat", "call", "ad")));
    assertEquals(List.of(), UnknownNames.closest("zzzzzz", List.of("home", "cart")));
  }

  @Test
  void modesRejectWhatTheyCannotApply() {
    IllegalArgumentException s =
        assertThrows(
            IllegalArgumentException.class,
            () -> ab().mode(FunnelMode.STRICT).exclude(0, FunnelStep.touchpoint("ad")).build());
    assertTrue(s.getMessage().contains("STRICT"), s.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ab().mode(FunnelMode.UNORDERED).exclude(0, FunnelStep.touchpoint("ad")).build());
    IllegalArgumentException w =
        assertThrows(
            IllegalArgumentException.class,
            () -> ab().mode(FunnelMode.UNORDERED).stepWindow(1, Duration.ofSeconds(5)).build());
    assertTrue(w.getMessage().contains("UNORDERED"), w.getMessage());
  }
}
