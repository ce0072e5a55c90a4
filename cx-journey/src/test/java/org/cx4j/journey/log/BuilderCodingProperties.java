package org.cx4j.journey.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * The builder's dictionary encoding of customer and journey ids (two code tables, a customer's last
 * journey tried first, batches read ahead with {@code prefetch}) against the obvious oracle: maps
 * giving each new id the next code. Customers move between journeys and back, journeys are shared
 * by customers, ids are missing, and rows the builder refuses (timestamps in the future) fall
 * between prefetched ones: every accepted row keeps its own ids, in first-sight order.
 */
class BuilderCodingProperties {

  private static final Touchpoint TP =
      Touchpoint.of("web_visit", Channel.of("web"), JourneyStage.of("awareness"));
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Property(tries = 300, seed = "42")
  void codesAreFirstSightOrderOfAcceptedRows(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2000) int rows,
      @ForAll @IntRange(min = 1, max = 50) int customers,
      @ForAll @IntRange(min = 1, max = 9) int journeysPerCustomer,
      @ForAll @IntRange(min = 1, max = 300) int window) {
    Random rnd = new Random(seed);
    List<Interaction> all = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int c = rnd.nextInt(customers);
      String journey =
          switch (rnd.nextInt(8)) {
            case 0 -> null;
            case 1 -> "shared-" + rnd.nextInt(3); // journeys several customers name
            default -> "C" + c + "-j" + rnd.nextInt(journeysPerCustomer);
          };
      Instant at = rnd.nextInt(25) == 0 ? NOW.plusSeconds(60) : NOW.minusSeconds(rows - r);
      all.add(new Interaction(CustomerId.of("C" + c), TP, at, null, journey, Map.of()));
    }
    InteractionLog.Builder b =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    Map<String, Integer> customerOracle = new HashMap<>();
    Map<String, Integer> journeyOracle = new HashMap<>();
    List<Interaction> accepted = new ArrayList<>();
    for (int r = 0; r < all.size(); r++) {
      if (r % window == 0) {
        b.prefetch(all.subList(r, Math.min(all.size(), r + window)));
      }
      Interaction i = all.get(r);
      try {
        b.add(i);
      } catch (IllegalArgumentException e) {
        continue; // in the future: refused, and no id of it is coded
      }
      accepted.add(i);
      customerOracle.computeIfAbsent(i.customer().value(), k -> customerOracle.size());
      if (i.journeyId() != null) {
        journeyOracle.computeIfAbsent(i.journeyId(), k -> journeyOracle.size());
      }
    }
    InteractionLog log = b.build();
    assertEquals(accepted.size(), log.size());
    assertEquals(customerOracle.size(), log.customers().size());
    for (int k = 0; k < accepted.size(); k++) {
      Interaction i = accepted.get(k);
      int c = log.customerCode(k);
      assertEquals(customerOracle.get(i.customer().value()).intValue(), c, "row " + k);
      assertEquals(i.customer(), log.customers().get(c), "row " + k);
      if (log.hasJourneyIds()) {
        int j = log.journeyCode(k);
        if (i.journeyId() == null) {
          assertEquals(-1, j, "row " + k);
        } else {
          assertEquals(journeyOracle.get(i.journeyId()).intValue(), j, "row " + k);
          assertEquals(i.journeyId(), log.journeyIds().get(j), "row " + k);
        }
      }
    }
    assertEquals(journeyOracle.size(), log.journeyIds().size());
    // customerCode(id): the builder's table, kept; and a log of the same columns made by
    // ofColumns (a hash map on first call) agrees; ids never added are -1.
    InteractionLog copy =
        InteractionLog.ofColumns(
            new ArrayList<>(log.customers()),
            log.columns().customer(),
            log.columns().millis(),
            log.dictionary(),
            log.columns().touchpoint(),
            NOW);
    customerOracle.forEach(
        (id, code) -> {
          assertEquals(code.intValue(), log.customerCode(CustomerId.of(id)), id);
          assertEquals(code.intValue(), copy.customerCode(CustomerId.of(id)), id);
        });
    for (String absent : List.of("C" + customers, "C-1", "c0", "C0x")) {
      assertEquals(-1, log.customerCode(CustomerId.of(absent)), absent);
      assertEquals(-1, copy.customerCode(CustomerId.of(absent)), absent);
    }
  }
}
