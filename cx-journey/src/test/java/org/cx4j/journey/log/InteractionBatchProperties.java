package org.cx4j.journey.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/**
 * Rows added from a staged {@link InteractionBatch} against the same rows added one interaction at
 * a time, the path every other caller takes: the same rows refused with the same messages, and the
 * same log (codes, times, dictionaries, outcomes, journeys, attributes). The rows cover what the
 * flat form passes on to the row's own path: times in the future, a millisecond from the clock's
 * reading or outside a {@code long} of milliseconds, a touchpoint known with another channel, one
 * outside a catalog that rejects it, kept attributes; and ids outside Latin-1, of every length up
 * to 40, in batches of any size read ahead in windows of any size.
 */
class InteractionBatchProperties {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Touchpoint WEB =
      Touchpoint.of("web_visit", Channel.of("web"), JourneyStage.of("awareness"));
  private static final Touchpoint CALL =
      Touchpoint.of("call", Channel.of("phone"), JourneyStage.of("retention"));
  private static final Touchpoint WEB_AS_APP = // the id of WEB with another channel
      Touchpoint.of("web_visit", Channel.of("app"), JourneyStage.of("awareness"));
  private static final Touchpoint SHOP =
      Touchpoint.of("shop", Channel.of("store"), JourneyStage.of("purchase"));

  @Property(tries = 400, seed = "42")
  void stagedRowsAreAddedExactlyAsInteractions(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 1500) int rows,
      @ForAll @IntRange(min = 1, max = 600) int batchSize,
      @ForAll @IntRange(min = 1, max = 300) int window,
      @ForAll @IntRange(min = 0, max = 2) int setting) {
    Random rnd = new Random(seed);
    List<Interaction> all = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      all.add(row(rnd, r, rows));
    }
    Builders one = builders(setting);
    List<String> oneRefused = new ArrayList<>();
    for (int r = 0; r < all.size(); r++) {
      if (r % window == 0) {
        one.a.prefetch(all.subList(r, Math.min(all.size(), r + window)));
      }
      try {
        one.a.add(all.get(r));
      } catch (IllegalArgumentException e) {
        oneRefused.add(r + ": " + e.getMessage());
      }
    }
    InteractionLog.Builder staged = one.b;
    List<String> stagedRefused = new ArrayList<>();
    InteractionBatch batch = InteractionBatch.withCapacity(rnd.nextInt(batchSize + 1));
    for (int from = 0; from < all.size(); from += batchSize) {
      batch.clear();
      int to = Math.min(all.size(), from + batchSize);
      for (int r = from; r < to; r++) {
        batch.add(all.get(r));
      }
      for (int k = 0; k < batch.size(); k++) {
        if (k % window == 0) {
          staged.prefetch(batch, k, Math.min(batch.size(), k + window));
        }
        try {
          staged.add(batch, k);
        } catch (IllegalArgumentException e) {
          stagedRefused.add((from + k) + ": " + e.getMessage());
        }
      }
    }
    assertEquals(oneRefused, stagedRefused);
    InteractionLog a = one.a.build();
    InteractionLog b = staged.build();
    assertEquals(a.size(), b.size());
    assertEquals(a.customers(), b.customers());
    assertEquals(a.journeyIds(), b.journeyIds());
    assertEquals(a.outcomes(), b.outcomes());
    assertEquals(a.dictionary().touchpoints(), b.dictionary().touchpoints());
    assertArrayEquals(a.columns().customer(), b.columns().customer());
    assertArrayEquals(a.columns().millis(), b.columns().millis());
    assertArrayEquals(a.columns().touchpoint(), b.columns().touchpoint());
    assertArrayEquals(a.columns().outcome(), b.columns().outcome());
    assertArrayEquals(a.columns().journey(), b.columns().journey());
    assertEquals(a.attributeNames(), b.attributeNames());
    for (int k = 0; k < a.attributeNames().size(); k++) {
      assertEquals(a.attributeValues(k), b.attributeValues(k));
      assertArrayEquals(a.columns().attributes()[k], b.columns().attributes()[k]);
    }
  }

  /**
   * Rows added to a batch after some of it was read ahead (and hashed), so that it grows in
   * between, are coded as rows added one at a time.
   */
  @Property(tries = 200, seed = "45")
  void aBatchReadWhileItGrowsKeepsItsHashes(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int first,
      @ForAll @IntRange(min = 1, max = 300) int more) {
    Random rnd = new Random(seed);
    InteractionLog.Builder one = builders(0).a();
    InteractionLog.Builder staged = builders(0).b();
    InteractionBatch batch = InteractionBatch.withCapacity(first);
    int rows = first + more;
    for (int r = 0; r < rows; r++) {
      Interaction i =
          new Interaction(
              CustomerId.of(id(rnd, rnd.nextInt(1 + rows / 3))),
              WEB,
              NOW.minusSeconds(rows - r),
              null,
              rnd.nextBoolean() ? null : "j" + rnd.nextInt(5),
              Map.of());
      one.add(i);
      batch.add(i);
      if (r == first - 1) {
        staged.prefetch(batch, 0, first); // hashes the first rows; the batch then grows
      }
    }
    staged.prefetch(batch, 0, rows);
    for (int r = 0; r < rows; r++) {
      staged.add(batch, r);
    }
    InteractionLog a = one.build();
    InteractionLog b = staged.build();
    assertEquals(a.customers(), b.customers());
    assertArrayEquals(a.columns().customer(), b.columns().customer());
    assertEquals(a.journeyIds(), b.journeyIds());
    assertArrayEquals(a.columns().journey(), b.columns().journey());
  }

  /** The batch's hash of an id's characters is {@link String#hashCode()}, at every length. */
  @Property(tries = 2000, seed = "43")
  void hashOfCharactersIsTheStringHash(@ForAll String s, @ForAll @IntRange(max = 5) int pad) {
    char[] a = new char[pad + s.length() + pad];
    s.getChars(0, s.length(), a, pad);
    assertEquals(s.hashCode(), InteractionBatch.hashOf(a, pad, s.length()));
  }

  /** Two builders alike: registering, keeping an attribute, or with a catalog that rejects. */
  private record Builders(InteractionLog.Builder a, InteractionLog.Builder b) {}

  private static Builders builders(int setting) {
    InteractionLog.Builder[] two = new InteractionLog.Builder[2];
    for (int i = 0; i < 2; i++) {
      InteractionLog.Builder b = InteractionLog.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
      switch (setting) {
        case 0 -> b.unknownTouchpoints(UnknownTouchpoints.REGISTER);
        case 1 -> b.unknownTouchpoints(UnknownTouchpoints.REGISTER).attributes("device");
        default -> b.catalog(TouchpointCatalog.of(List.of(WEB, CALL)));
      }
      two[i] = b;
    }
    return new Builders(two[0], two[1]);
  }

  private static Interaction row(Random rnd, int r, int rows) {
    String customer = id(rnd, rnd.nextInt(1 + rows / 4));
    String journey =
        switch (rnd.nextInt(6)) {
          case 0 -> null;
          case 1 -> "shared-" + rnd.nextInt(3);
          case 2 -> id(rnd, rnd.nextInt(1 + rows / 2)) + "-j";
          default -> customer + "-j" + rnd.nextInt(3);
        };
    Instant at =
        switch (rnd.nextInt(40)) {
          case 0 -> NOW.plusSeconds(60); // in the future: refused
          case 1 -> NOW.minusNanos(rnd.nextInt(1_000_000)); // within the clock's millisecond
          case 2 -> NOW; // the clock's instant itself
          case 3 -> Instant.MAX; // beyond a long of milliseconds: refused
          case 4 -> NOW.plusNanos(1 + rnd.nextInt(999_999)); // after now by less than 1 ms
          default -> NOW.minusSeconds(rows - r).minusNanos(rnd.nextInt(1_000_000));
        };
    Touchpoint tp =
        switch (rnd.nextInt(20)) {
          case 0 -> WEB_AS_APP; // a known id with another channel: refused
          case 1 -> SHOP; // outside the catalog, when there is one
          case 2, 3, 4 -> CALL;
          default -> WEB;
        };
    Outcome outcome =
        switch (rnd.nextInt(5)) {
          case 0 -> Outcome.CONVERTED;
          case 1 -> Outcome.of("resolved");
          case 2 -> Outcome.of("Escalated");
          default -> null;
        };
    Map<String, String> attributes =
        rnd.nextBoolean() ? Map.of() : Map.of("device", rnd.nextBoolean() ? "app" : "web");
    return new Interaction(CustomerId.of(customer), tp, at, outcome, journey, attributes);
  }

  /** Customer {@code n}'s id: lengths 1 to 40, some with characters beyond Latin-1. */
  private static String id(Random rnd, int n) {
    StringBuilder sb = new StringBuilder("C").append(n);
    int pad = n % 7 == 0 ? 30 : n % 5;
    for (int i = 0; i < pad; i++) {
      sb.append((char) ('a' + (n + i) % 26));
    }
    if (n % 11 == 0) {
      sb.append('\u4e2d');
    }
    if (n % 13 == 0) {
      sb.append('\u00e9');
    }
    return sb.toString();
  }
}
