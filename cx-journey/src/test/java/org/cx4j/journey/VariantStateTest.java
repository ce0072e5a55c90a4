package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Variants.Accumulator.writeTo} / {@code mergeFrom} with node codes written as bytes (at
 * most 256 nodes) and as ints (more): the merged state equals the accumulator fed both halves.
 */
class VariantStateTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 256, 257, 300})
  void stateRoundTripsAtAnyNodeCount(int touchpoints) throws IOException {
    List<Touchpoint> tps = new ArrayList<>();
    for (int t = 0; t < touchpoints; t++) {
      tps.add(Touchpoint.of("t" + t, Channel.WEB, JourneyStage.AWARENESS));
    }
    TouchpointDictionary dict = TouchpointDictionary.of(tps);
    Random rnd = new Random(touchpoints);
    int n = 2_000;
    List<CustomerId> customers = new ArrayList<>();
    for (int c = 0; c < 100; c++) {
      customers.add(CustomerId.of("c" + c));
    }
    int[] cust = new int[n];
    long[] ms = new long[n];
    int[] tp = new int[n];
    for (int i = 0; i < n; i++) {
      cust[i] = rnd.nextInt(100);
      ms[i] = i * 1000L;
      // High codes included, so that codes above 255 are written when there are more nodes.
      tp[i] =
          rnd.nextBoolean()
              ? touchpoints - 1 - rnd.nextInt(Math.min(3, touchpoints))
              : rnd.nextInt(touchpoints);
    }
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    Journeys all =
        JourneyRebuilder.defaults()
            .noInactivityGap()
            .rebuild(InteractionLog.ofColumns(customers, cust, ms, dict, tp, now));
    Journeys half =
        JourneyRebuilder.defaults()
            .noInactivityGap()
            .rebuild(
                InteractionLog.ofColumns(
                    customers,
                    java.util.Arrays.copyOf(cust, n / 2),
                    java.util.Arrays.copyOf(ms, n / 2),
                    dict,
                    java.util.Arrays.copyOf(tp, n / 2),
                    now));
    Abstraction nodes = Abstraction.of(dict, Level.TOUCHPOINT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Variants.Accumulator(nodes, false).addAll(all).writeTo(new DataOutputStream(bytes));
    Variants.Accumulator merged = new Variants.Accumulator(nodes, false).addAll(half);
    merged.mergeFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    Variants expected =
        new Variants.Accumulator(nodes, false)
            .addAll(all)
            .merge(new Variants.Accumulator(nodes, false).addAll(half))
            .result();
    assertEquals(expected, merged.result());
    assertEquals(all.journeyCount() + half.journeyCount(), merged.result().total());
  }
}
