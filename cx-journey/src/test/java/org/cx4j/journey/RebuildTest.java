package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.UnknownTouchpoints;
import org.cx4j.journey.rebuild.Duplicates;
import org.cx4j.journey.rebuild.Journey;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

class RebuildTest {

  private static final JourneyRebuilder GAP_30M = JourneyRebuilder.defaults();

  @Test
  void groupsByCustomerOrdersByTimeAndSplitsOnInactivity() {
    // Arrival order is scrambled. Customer a: home@0, product@60, cart@120, then 31 minutes idle,
    // home@120+1860=1980 -> two journeys [home product cart] [home].
    // Customer b: ad@10, home@10 (equal time: arrival order ad then home), checkout@1810 (gap
    // exactly 1800 s = 30 min: not more than the gap, same journey) -> one journey.
    InteractionLog log =
        log(
            List.of(
                at("a", CART, 120),
                at("b", AD, 10),
                at("a", HOME, 1980),
                at("a", HOME, 0),
                at("b", HOME, 10),
                at("b", CHECKOUT, 1810),
                at("a", PRODUCT, 60)));
    Journeys js = GAP_30M.rebuild(log);
    assertEquals(3, js.journeyCount());
    assertEquals(7, js.eventCount());
    List<Journey> l = js.asList();
    assertEquals(List.of("home", "product", "cart"), l.get(0).path());
    assertEquals(List.of("home"), l.get(1).path());
    assertEquals(List.of("ad", "home", "checkout"), l.get(2).path());
    assertEquals(CustomerId.of("a"), l.get(0).customer());
    assertEquals(CustomerId.of("b"), l.get(2).customer());
    assertEquals(Duration.ofSeconds(120), l.get(0).duration());
    assertEquals(T0.plusSeconds(10), l.get(2).start());
    assertEquals(T0.plusSeconds(1810), l.get(2).end());
    assertEquals(List.of(Channel.SOCIAL, Channel.WEB), List.copyOf(l.get(2).channels()));
    assertEquals(
        List.of(JourneyStage.AWARENESS, JourneyStage.PURCHASE), List.copyOf(l.get(2).stages()));
    assertEquals(Optional.empty(), l.get(0).outcome());
  }

  @Test
  void splitsAfterAnEndEventAndReportsTheOutcome() {
    // a: home@0, checkout@10 converted, home@20 -> [home checkout] (converted), [home]
    InteractionLog log =
        log(List.of(at("a", HOME, 0), at("a", CHECKOUT, 10, Outcome.CONVERTED), at("a", HOME, 20)));
    Journeys js = GAP_30M.endOn(Outcome.CONVERTED).rebuild(log);
    assertEquals(2, js.journeyCount());
    assertEquals(Optional.of(Outcome.CONVERTED), js.journey(0).outcome());
    assertEquals(List.of("home"), js.journey(1).path());
    // Same split by touchpoint instead of outcome.
    assertEquals(2, GAP_30M.endOnTouchpoint("checkout").rebuild(log).journeyCount());
    // Without end rules: one journey.
    assertEquals(1, GAP_30M.rebuild(log).journeyCount());
  }

  @Test
  void splitsOnExplicitJourneyIdsEvenWhenInterleaved() {
    // a: s1 home@0, s2 ad@5, s1 product@10, s2 cart@15 -> s1 [home product], s2 [ad cart]
    InteractionLog log =
        log(
            List.of(
                session("a", HOME, 0, "s1"),
                session("a", AD, 5, "s2"),
                session("a", PRODUCT, 10, "s1"),
                session("a", CART, 15, "s2")));
    Journeys js = GAP_30M.rebuild(log);
    assertEquals(2, js.journeyCount());
    assertEquals(List.of("home", "product"), js.journey(0).path());
    assertEquals(List.of("ad", "cart"), js.journey(1).path());
    Journeys ignoring = GAP_30M.useJourneyIds(false).rebuild(log);
    assertEquals(List.of("home", "ad", "product", "cart"), ignoring.journey(0).path());
  }

  @Test
  void duplicatesAreKeptOrCollapsed() {
    // a: home@0 twice, product@0, home@0 again, product@5 -> keep: 5 events; collapse: home,
    // product (both @0, arrival order), product@5 (later time, not a duplicate) = 3 events.
    List<Interaction> ev =
        List.of(
            at("a", HOME, 0),
            at("a", HOME, 0),
            at("a", PRODUCT, 0),
            at("a", HOME, 0),
            at("a", PRODUCT, 5));
    assertEquals(5, GAP_30M.rebuild(log(ev)).eventCount());
    Journeys c = GAP_30M.duplicates(Duplicates.COLLAPSE).rebuild(log(ev));
    assertEquals(List.of("home", "product", "product"), c.journey(0).path());
  }

  @Test
  void keptAttributesFollowTheirEventsThroughSortAndCollapse() {
    // Arrival order scrambled; device is kept, campaign dropped. After the rebuild:
    // a: home@0 (mobile), home@0 duplicate (desktop, collapsed away), cart@5 (no device).
    Interaction home =
        new Interaction(
            CustomerId.of("a"),
            HOME,
            T0,
            null,
            null,
            java.util.Map.of("device", "mobile", "campaign", "x"));
    Interaction dup =
        new Interaction(
            CustomerId.of("a"), HOME, T0, null, null, java.util.Map.of("device", "desktop"));
    InteractionLog log =
        InteractionLog.builder()
            .catalog(CATALOG)
            .attributes("device")
            .add(at("a", CART, 5))
            .add(home)
            .add(dup)
            .build();
    assertEquals(List.of("device"), log.attributeNames());
    Journeys js = GAP_30M.duplicates(Duplicates.COLLAPSE).rebuild(log);
    List<Interaction> events = js.journey(0).interactions();
    assertEquals(2, events.size());
    assertEquals(java.util.Map.of("device", "mobile"), events.get(0).attributes());
    assertEquals(java.util.Map.of(), events.get(1).attributes());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> js.attributeIndex("campaign"));
    assertTrue(
        e.getMessage().contains("campaign") && e.getMessage().contains("[device]"), e.getMessage());
  }

  @Test
  void feedbackJoinsByCustomerAndTime() {
    InteractionLog log = log(List.of(at("a", HOME, 0), at("a", CART, 100), at("b", HOME, 50)));
    SurveyResponse during =
        SurveyResponse.of(CustomerId.of("a"), Instrument.csat(), 4, T0.plusSeconds(50));
    SurveyResponse after =
        SurveyResponse.of(CustomerId.of("a"), Instrument.nps(), 9, T0.plusSeconds(400));
    SurveyResponse late =
        SurveyResponse.of(CustomerId.of("a"), Instrument.nps(), 3, T0.plusSeconds(10_000));
    Journeys js =
        GAP_30M.rebuild(log).withFeedback(List.of(after, during, late), Duration.ofMinutes(10));
    // Journey a spans [0, 100]; with 600 s grace, [0, 700] holds "during" and "after".
    assertEquals(List.of(during, after), js.journey(0).feedback());
    assertEquals(List.of(), js.journey(1).feedback());
  }

  @Test
  void badInputIsAClearError() {
    Touchpoint kiosk = Touchpoint.of("kiosk", Channel.STORE, JourneyStage.PURCHASE);
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> log(List.of(at("a", kiosk, 0))));
    assertTrue(unknown.getMessage().contains("kiosk"), unknown.getMessage());
    InteractionLog registered =
        InteractionLog.builder()
            .catalog(CATALOG)
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .add(at("a", kiosk, 0))
            .build();
    assertEquals(8, registered.dictionary().size());

    Clock fixed = Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC);
    IllegalArgumentException future =
        assertThrows(
            IllegalArgumentException.class,
            () -> InteractionLog.builder().clock(fixed).add(at("a", HOME, 101)));
    assertTrue(future.getMessage().contains("2024-01-01T00:01:41Z"), future.getMessage());

    NullPointerException nullTime =
        assertThrows(
            NullPointerException.class, () -> InteractionLog.builder().add("a", HOME, null));
    assertTrue(nullTime.getMessage().contains("timestamp"), nullTime.getMessage());

    InteractionLog empty = InteractionLog.builder().build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GAP_30M.rebuild(empty));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());

    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> GAP_30M.inactivityGap(Duration.ZERO));
    assertTrue(zero.getMessage().contains("PT0S"), zero.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> GAP_30M.inactivityGap(Duration.ofSeconds(-1)));
  }

  @Test
  void wideTimeRangesFallBackToTheTwoPassSort() {
    // Times 0 and ~2^62 ms apart need 62 bits; with 8 customers (3 bits) the packed key would
    // need 65 bits, so the rebuild takes the two-pass path. Expected order worked by hand.
    long far = 1L << 62;
    InteractionLog log =
        InteractionLog.ofColumns(
            List.of(
                CustomerId.of("c0"),
                CustomerId.of("c1"),
                CustomerId.of("c2"),
                CustomerId.of("c3"),
                CustomerId.of("c4"),
                CustomerId.of("c5"),
                CustomerId.of("c6"),
                CustomerId.of("c7")),
            new int[] {7, 0, 7, 0},
            new long[] {far, far, 0, 0},
            org.cx4j.journey.log.TouchpointDictionary.of(CATALOG.touchpoints()),
            new int[] {1, 2, 3, 4},
            Instant.MAX);
    Journeys js = GAP_30M.noInactivityGap().rebuild(log);
    // c0: cart@0, product@far ; c7: app_product@0, home@far
    assertEquals(List.of("cart", "product"), js.journey(0).path());
    assertEquals(List.of("app_product", "home"), js.journey(1).path());
  }

  @Test
  void columnsAreValidated() {
    var dict = org.cx4j.journey.log.TouchpointDictionary.of(CATALOG.touchpoints());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InteractionLog.ofColumns(
                    List.of(CustomerId.of("a")),
                    new int[] {0},
                    new long[] {0},
                    dict,
                    new int[] {9},
                    Instant.MAX));
    assertTrue(e.getMessage().contains("touchpointCodes[0] = 9"), e.getMessage());
    IllegalArgumentException f =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InteractionLog.ofColumns(
                    List.of(CustomerId.of("a")),
                    new int[] {0},
                    new long[] {5000},
                    dict,
                    new int[] {0},
                    Instant.ofEpochMilli(4000)));
    assertTrue(f.getMessage().contains("future"), f.getMessage());
  }

  @Test
  void theDefaultInactivityGapIsNamedAsSuch() {
    assertTrue(
        JourneyRebuilder.defaults().toString().contains("gap=PT30M (default),"),
        JourneyRebuilder.defaults().toString());
    String set = JourneyRebuilder.defaults().inactivityGap(Duration.ofMinutes(30)).toString();
    assertTrue(set.contains("gap=PT30M,"), set);
    assertTrue(JourneyRebuilder.defaults().noInactivityGap().toString().contains("gap=none,"));
  }

  @Test
  void inputPositionsFollowTheLogAfterSortingAndCollapsing() {
    // Arrival order: b@10 (0), a@5 (1), a@5 duplicate (2), a@1 (3); sorted: a@1, a@5, b@10.
    Journeys js =
        JourneyRebuilder.defaults()
            .duplicates(Duplicates.COLLAPSE)
            .rebuild(
                log(
                    List.of(
                        at("c", CART, 10), at("c", HOME, 5), at("c", HOME, 5), at("c", AD, 1))));
    assertEquals(3, js.eventCount());
    assertEquals(3, js.inputPosition(0));
    assertEquals(1, js.inputPosition(1));
    assertEquals(0, js.inputPosition(2));
  }
}
