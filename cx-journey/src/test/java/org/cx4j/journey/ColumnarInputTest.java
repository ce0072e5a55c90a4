package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

/**
 * The columnar entry points: {@code InteractionLog.ofColumns} with outcomes, {@code
 * PathData.ofColumns}.
 */
class ColumnarInputTest {

  private static final TouchpointDictionary DICT = TouchpointDictionary.of(CATALOG.touchpoints());
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void logWithOutcomesEqualsTheBuilderLog() {
    // Customer b (code 1) arrives first out of order; a's two events share one timestamp, so the
    // rebuild keeps their arrival order (home before cart). Outcome 0 = converted on a's cart.
    List<CustomerId> customers = List.of(CustomerId.of("a"), CustomerId.of("b"));
    long t = T0.toEpochMilli();
    InteractionLog cols =
        InteractionLog.ofColumns(
            customers,
            new int[] {1, 0, 0, 1},
            new long[] {t + 5000, t, t, t},
            DICT,
            new int[] {2, 1, 4, 1},
            List.of(Outcome.CONVERTED),
            new short[] {-1, -1, 0, -1},
            NOW);
    InteractionLog built =
        log(
            List.of(
                at("b", PRODUCT, 5),
                at("a", HOME, 0),
                at("a", CART, 0, Outcome.CONVERTED),
                at("b", HOME, 0)));
    assertEquals(4, cols.size());
    assertEquals(-1, cols.outcomeCode(0));
    assertEquals(0, cols.outcomeCode(2));
    assertEquals(List.of(Outcome.CONVERTED), cols.outcomes());
    for (int i = 0; i < 4; i++) {
      // Same events; only customer codes differ (the builder numbers b first).
      assertEquals(built.interaction(i), cols.interaction(i), "event " + i);
    }
    Journeys j = JourneyRebuilder.defaults().rebuild(cols);
    assertEquals(2, j.journeyCount());
    // Journey 0 is customer code 0 = a: home then cart (arrival order at equal times).
    assertEquals(List.of(1, 4), List.of(j.touchpointCode(0), j.touchpointCode(1)));
    assertEquals(0, j.outcomeCode(1));
  }

  @Test
  void logWithoutOutcomeColumnHasNoOutcomes() {
    InteractionLog cols =
        InteractionLog.ofColumns(
            List.of(CustomerId.of("a")),
            new int[] {0},
            new long[] {0},
            DICT,
            new int[] {0},
            List.of(),
            null,
            NOW);
    assertEquals(-1, cols.outcomeCode(0));
  }

  @Test
  void logRejectsBadOutcomeCodesNamingThem() {
    List<CustomerId> one = List.of(CustomerId.of("a"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InteractionLog.ofColumns(
                    one,
                    new int[] {0},
                    new long[] {0},
                    DICT,
                    new int[] {0},
                    List.of(Outcome.CONVERTED),
                    new short[] {1},
                    NOW));
    assertTrue(e.getMessage().contains("outcomeCodes[0] = 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InteractionLog.ofColumns(
                    one,
                    new int[] {0},
                    new long[] {0},
                    DICT,
                    new int[] {0},
                    List.of(Outcome.CONVERTED),
                    new short[] {0, 0},
                    NOW));
    assertTrue(e.getMessage().contains("outcomeCodes 2"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InteractionLog.ofColumns(
                    one,
                    new int[] {0},
                    new long[] {0},
                    DICT,
                    new int[] {0},
                    List.of(Outcome.CONVERTED, Outcome.CONVERTED),
                    new short[] {0},
                    NOW));
    assertTrue(e.getMessage().contains("distinct"), e.getMessage());
  }

  @Test
  void sortedAndShuffledInputRebuildTheSame() {
    // Already sorted by customer and time (the rebuilder's sort is skipped) against the same
    // events reversed: equal journeys, ties (customer 0 at t twice) in arrival order.
    List<CustomerId> customers = List.of(CustomerId.of("a"), CustomerId.of("b"));
    InteractionLog sorted =
        InteractionLog.ofColumns(
            customers,
            new int[] {0, 0, 0, 1},
            new long[] {0, 10, 10, 3},
            DICT,
            new int[] {0, 1, 2, 3},
            NOW);
    Journeys js = JourneyRebuilder.defaults().rebuild(sorted);
    assertEquals(2, js.journeyCount());
    int[] tps = new int[4];
    for (int e = 0; e < 4; e++) {
      tps[e] = js.touchpointCode(e);
    }
    assertArrayEquals(new int[] {0, 1, 2, 3}, tps);
    InteractionLog reversed =
        InteractionLog.ofColumns(
            customers,
            new int[] {1, 0, 0, 0},
            new long[] {3, 10, 10, 0},
            DICT,
            new int[] {3, 2, 1, 0},
            NOW);
    Journeys jr = JourneyRebuilder.defaults().rebuild(reversed);
    for (int e = 0; e < 4; e++) {
      tps[e] = jr.touchpointCode(e);
    }
    // Reversed arrival: the tie at t = 10 now has touchpoint 2 before 1.
    assertArrayEquals(new int[] {0, 2, 1, 3}, tps);
  }

  @Test
  void pathDataFromColumnsEqualsTheBuilder() {
    // Paths "web > app" (1 conversion, value 1, 2 nulls) and "social" (0, 0, 4).
    PathData cols =
        PathData.ofColumns(
            List.of("web", "app", "social"),
            new int[] {0, 2, 3},
            new int[] {0, 1, 2},
            new long[] {1, 0},
            new double[] {1, 0},
            new long[] {2, 4});
    PathData built = PathData.builder().add("web > app", 1, 1, 2).add("social", 0, 0, 4).build();
    assertEquals(built.channels(), cols.channels());
    assertEquals(2, cols.size());
    assertEquals(2, cols.length(0));
    assertEquals(1, cols.touch(0, 1));
    assertEquals(1, cols.totalConversions());
    assertEquals(6, cols.totalNulls());
    assertEquals(1.0, cols.totalValue());
  }

  @Test
  void pathDataFromColumnsRejectsBadInputNamingIt() {
    List<String> ch = List.of("web");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PathData.ofColumns(
                List.of("web", "web"),
                new int[] {0, 1},
                new int[] {0},
                new long[] {0},
                new double[] {0},
                new long[] {1}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PathData.ofColumns(
                    ch,
                    new int[] {0, 0, 1},
                    new int[] {0},
                    new long[] {0, 0},
                    new double[] {0, 0},
                    new long[] {1, 1}));
    assertTrue(e.getMessage().contains("path 0 is empty"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PathData.ofColumns(
                    ch,
                    new int[] {0, 1},
                    new int[] {1},
                    new long[] {0},
                    new double[] {0},
                    new long[] {1}));
    assertTrue(e.getMessage().contains("touches[0] = 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PathData.ofColumns(
                    ch,
                    new int[] {0, 1},
                    new int[] {0},
                    new long[] {-1},
                    new double[] {0},
                    new long[] {1}));
    assertTrue(e.getMessage().contains("conversions must be >= 0"), e.getMessage());
  }
}
