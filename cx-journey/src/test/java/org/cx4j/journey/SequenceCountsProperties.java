package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.journey.internal.SequenceCounts;
import org.junit.jupiter.api.Test;

/** {@link SequenceCounts} against a {@code HashMap} keyed by sequence lists (the oracle). */
class SequenceCountsProperties {

  @Property(tries = 30, seed = "42")
  void agreesWithAHashMap(
      @ForAll @IntRange(min = 0, max = 20_000) int adds,
      @ForAll @IntRange(min = 1, max = 8) int alphabet,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random rnd = new Random(seed);
    SequenceCounts counts = new SequenceCounts(2);
    Map<List<Integer>, long[]> oracle = new HashMap<>();
    List<List<Integer>> order = new ArrayList<>();
    int[] buf = new int[20];
    for (int i = 0; i < adds; i++) {
      int from = rnd.nextInt(3);
      int len = rnd.nextInt(buf.length - from);
      List<Integer> key = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        buf[from + k] = rnd.nextInt(alphabet);
        key.add(buf[from + k]);
      }
      int e = counts.entry(buf, from, len);
      long[] c = oracle.get(key);
      if (c == null) {
        c = new long[2];
        oracle.put(key, c);
        order.add(key);
      }
      assertEquals(order.indexOf(key), e, "entries are numbered in order of first addition");
      int which = rnd.nextInt(2);
      counts.add(e, which, i);
      c[which] += i;
    }
    assertEquals(oracle.size(), counts.size());
    for (int e = 0; e < counts.size(); e++) {
      List<Integer> key = order.get(e);
      int[] expected = key.stream().mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, counts.sequence(e));
      assertEquals(expected.length, counts.length(e));
      assertEquals(oracle.get(key)[0], counts.count(e, 0));
      assertEquals(oracle.get(key)[1], counts.count(e, 1));
    }
  }

  @Test
  void checksItsArguments() {
    assertThrows(IllegalArgumentException.class, () -> new SequenceCounts(0));
    SequenceCounts c = new SequenceCounts(1);
    assertThrows(IndexOutOfBoundsException.class, () -> c.entry(new int[2], 1, 2));
    // The empty sequence is a sequence like any other.
    assertEquals(0, c.entry(new int[0], 0, 0));
    assertEquals(1, c.entry(new int[] {7}, 0, 1));
    assertEquals(0, c.entry(new int[] {7}, 1, 0));
    assertArrayEquals(new int[0], c.sequence(0));
    assertEquals(2, c.size());
    assertEquals(List.of(7), Arrays.stream(c.sequence(1)).boxed().toList());
    assertThrows(IndexOutOfBoundsException.class, () -> c.count(2, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> c.count(1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> c.element(1, 1));
  }
}
