package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;

/**
 * The order of {@link Variants#all()} against a brute-force oracle: variants counted in a map keyed
 * by their label lists, sorted by count descending, then by the labels compared as strings, element
 * by element, a list before its extensions. Labels are random strings, so their string order
 * differs from the node codes; journeys share long prefixes (up to 70 steps), so that ties are
 * decided past the packed prefix the accumulator compares first.
 */
class VariantOrderProperties {

  @Property(tries = 40, seed = "42")
  void orderIsCountThenLabelSequence(
      @ForAll @IntRange(min = 1, max = 40) int touchpoints,
      @ForAll @IntRange(min = 1, max = 70) int maxLength,
      @ForAll @IntRange(min = 0, max = 10_000) int seed,
      @ForAll boolean collapse) {
    Random rnd = new Random(seed);
    List<Touchpoint> tps = new ArrayList<>();
    for (int t = 0; t < touchpoints; t++) {
      // Distinct ids of random letters; the index suffix keeps them distinct.
      StringBuilder id = new StringBuilder();
      for (int k = rnd.nextInt(3); k >= 0; k--) {
        id.append((char) ('a' + rnd.nextInt(3)));
      }
      tps.add(Touchpoint.of(id.append(t).toString(), Channel.WEB, JourneyStage.AWARENESS));
    }
    InteractionLog.Builder b = InteractionLog.builder().catalog(TouchpointCatalog.of(tps));
    int customers = 1 + rnd.nextInt(300);
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    // Each journey is a prefix of one shared stem plus one to three random steps: long common
    // prefixes (decided past the packed prefix) and repeated variants (ties on count).
    int[] stem = new int[maxLength];
    for (int k = 0; k < stem.length; k++) {
      stem[k] = rnd.nextInt(touchpoints);
    }
    for (int c = 0; c < customers; c++) {
      int p = rnd.nextInt(maxLength + 1);
      int e = 0;
      for (; e < p; e++) {
        b.add("c" + c, tps.get(stem[e]), t0.plusSeconds(e));
      }
      for (int tail = 1 + rnd.nextInt(3); tail > 0; tail--, e++) {
        b.add("c" + c, tps.get(rnd.nextInt(Math.min(3, touchpoints))), t0.plusSeconds(e));
      }
    }
    Journeys js = JourneyRebuilder.defaults().noInactivityGap().rebuild(b.build());
    Abstraction nodes = Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
    Variants v = new Variants.Accumulator(nodes, collapse).addAll(js).result();

    Map<List<String>, Long> oracle = new HashMap<>();
    for (int j = 0; j < js.journeyCount(); j++) {
      List<String> steps = new ArrayList<>();
      for (int e = js.eventStart(j); e < js.eventEnd(j); e++) {
        String label = nodes.label(nodes.node(js.touchpointCode(e)));
        if (!collapse || steps.isEmpty() || !steps.get(steps.size() - 1).equals(label)) {
          steps.add(label);
        }
      }
      oracle.merge(steps, 1L, Long::sum);
    }
    List<Map.Entry<List<String>, Long>> expected = new ArrayList<>(oracle.entrySet());
    expected.sort(
        Comparator.<Map.Entry<List<String>, Long>>comparingLong(e -> -e.getValue())
            .thenComparing(Map.Entry::getKey, VariantOrderProperties::compareLabels));
    assertEquals(expected.size(), v.distinct());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getKey(), v.all().get(i).steps(), "variant " + i);
      assertEquals(expected.get(i).getValue(), v.all().get(i).count(), "variant " + i);
    }
  }

  private static int compareLabels(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
