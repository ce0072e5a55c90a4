package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Paths} against cx-journey's {@code PathData.fromJourneys} (the oracle: one row per
 * journey, aggregated here by path), through its state ({@code writeTo} / {@code mergeFrom}) with
 * nodes written as bytes (at most 256 nodes) and as ints (more).
 */
class PathsTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 256, 257, 300})
  void mergedPathsEqualFromJourneys(int touchpoints) throws IOException {
    List<Touchpoint> tps = new ArrayList<>();
    for (int t = 0; t < touchpoints; t++) {
      tps.add(Touchpoint.of("t" + t, Channel.WEB, JourneyStage.AWARENESS));
    }
    TouchpointDictionary dict = TouchpointDictionary.of(tps);
    Random rnd = new Random(touchpoints);
    int n = 3_000;
    List<CustomerId> customers = new ArrayList<>();
    for (int c = 0; c < 200; c++) {
      customers.add(CustomerId.of("c" + c));
    }
    int[] cust = new int[n];
    long[] ms = new long[n];
    int[] tp = new int[n];
    short[] oc = new short[n];
    for (int i = 0; i < n; i++) {
      cust[i] = rnd.nextInt(200);
      ms[i] = i * 1000L;
      tp[i] =
          rnd.nextBoolean()
              ? touchpoints - 1 - rnd.nextInt(Math.min(2, touchpoints))
              : rnd.nextInt(Math.min(2, touchpoints));
      oc[i] = (short) (rnd.nextInt(10) == 0 ? 0 : -1);
    }
    Journeys js =
        JourneyRebuilder.defaults()
            .noInactivityGap()
            .rebuild(
                InteractionLog.ofColumns(
                    customers,
                    cust,
                    ms,
                    dict,
                    tp,
                    List.of(Outcome.CONVERTED),
                    oc,
                    Instant.parse("2030-01-01T00:00:00Z")));
    Abstraction nodes = Abstraction.of(dict, Level.TOUCHPOINT);

    StateBytes.Output out = new StateBytes.Output();
    Paths.count(js, nodes, Outcome.CONVERTED).writeTo(out);
    Paths merged = new Paths(nodes.labels());
    merged.mergeFrom(new StateBytes.Input(out.toByteArray()));
    PathData actual = merged.result();

    PathData oracle = PathData.fromJourneys(js, nodes, Outcome.CONVERTED, j -> 1.0);
    java.util.Map<List<String>, long[]> expected = new java.util.HashMap<>();
    for (int i = 0; i < oracle.size(); i++) {
      List<String> path = new ArrayList<>();
      for (int k = 0; k < oracle.length(i); k++) {
        path.add(oracle.channels().get(oracle.touch(i, k)));
      }
      long[] c = expected.computeIfAbsent(path, p -> new long[2]);
      c[0] += oracle.conversions(i);
      c[1] += oracle.nulls(i);
    }
    assertEquals(expected.size(), actual.size());
    assertEquals(oracle.totalConversions(), actual.totalConversions());
    assertEquals(oracle.totalNulls(), actual.totalNulls());
    for (int i = 0; i < actual.size(); i++) {
      List<String> path = new ArrayList<>();
      for (int k = 0; k < actual.length(i); k++) {
        path.add(actual.channels().get(actual.touch(i, k)));
      }
      long[] c = expected.get(path);
      assertEquals(c[0], actual.conversions(i), path.toString());
      assertEquals(c[1], actual.nulls(i), path.toString());
      assertEquals(c[0], actual.value(i), path.toString());
    }
  }

  @Test
  void mergingOtherNodesFails() {
    Paths p = new Paths(List.of("a", "b"));
    StateBytes.Output out = new StateBytes.Output();
    assertThrows(
        IllegalArgumentException.class,
        () -> {
          new Paths(List.of("a", "c")).writeTo(out);
          p.mergeFrom(new StateBytes.Input(out.toByteArray()));
        });
  }
}
