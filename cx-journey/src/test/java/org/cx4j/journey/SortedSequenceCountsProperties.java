package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.journey.internal.SequenceCounts;
import org.cx4j.journey.internal.SortedSequenceCounts;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedSequenceCounts} against a brute-force oracle: sequences counted in a map keyed by
 * node lists, sorted by a comparator written here (labels as strings element by element, a list
 * before its extensions, then node codes). Labels repeat (different nodes with one label), so the
 * node tie-break is exercised; journeys share long stems, so ties are decided past the packed first
 * steps; up to 600 labels, so that a step takes more than 8 bits. Checks that sorting equals the
 * oracle, and that the k-way merge equals the batch result whatever the order and grouping of the
 * parts (commutative and associative).
 */
class SortedSequenceCountsProperties {

  @Property(tries = 40, seed = "42")
  void sortAndMergeAgreeWithTheOracle(
      @ForAll @IntRange(min = 1, max = 600) int nodes,
      @ForAll @IntRange(min = 1, max = 6) int partCount,
      @ForAll @IntRange(min = 0, max = 3_000) int adds,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random rnd = new Random(seed);
    List<String> labels = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      // Few distinct labels when nodes are few: labels repeat across nodes.
      StringBuilder l = new StringBuilder();
      for (int k = rnd.nextInt(3); k >= 0; k--) {
        l.append((char) ('a' + rnd.nextInt(3)));
      }
      labels.add(nodes > 50 ? l.toString() + n : l.toString());
    }
    int[] stem = new int[40];
    for (int k = 0; k < stem.length; k++) {
      stem[k] = rnd.nextInt(nodes);
    }
    List<SequenceCounts> hashed = new ArrayList<>();
    Map<List<Integer>, long[]> oracle = new HashMap<>();
    for (int p = 0; p < partCount; p++) {
      hashed.add(new SequenceCounts(2));
    }
    int[] buf = new int[stem.length + 3];
    for (int i = 0; i < adds; i++) {
      int len = rnd.nextInt(stem.length + 1);
      System.arraycopy(stem, 0, buf, 0, len);
      for (int t = rnd.nextInt(4); t > 0; t--) {
        buf[len++] = rnd.nextInt(Math.min(nodes, 4));
      }
      List<Integer> key = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        key.add(buf[k]);
      }
      SequenceCounts part = hashed.get(rnd.nextInt(partCount));
      int which = rnd.nextInt(2);
      part.add(part.entry(buf, 0, len), which, i + 1);
      oracle.computeIfAbsent(key, k -> new long[2])[which] += i + 1;
    }
    List<SortedSequenceCounts> sorted = new ArrayList<>();
    for (SequenceCounts h : hashed) {
      SortedSequenceCounts s = SortedSequenceCounts.of(h, labels);
      assertInOrderWith(s, labels, h);
      // Every other part rebuilt by append (as a state is read): both forms must merge alike.
      if (sorted.size() % 2 == 1) {
        SortedSequenceCounts appended = new SortedSequenceCounts(labels, 2);
        for (int e = 0; e < s.size(); e++) {
          appended.append(s.sequence(e), 0, s.length(e), new long[] {s.count(e, 0), s.count(e, 1)});
        }
        assertInOrderWith(appended, labels, h);
        s = appended;
      }
      sorted.add(s);
    }
    SortedSequenceCounts merged = SortedSequenceCounts.merge(sorted);
    assertMatches(oracle, labels, merged);
    // Commutative: any order of the parts; associative: any grouping.
    List<SortedSequenceCounts> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, rnd);
    assertMatches(oracle, labels, SortedSequenceCounts.merge(shuffled));
    int cut = rnd.nextInt(partCount + 1);
    SortedSequenceCounts left = SortedSequenceCounts.merge(shuffled.subList(0, cut), labels, 2);
    SortedSequenceCounts right =
        SortedSequenceCounts.merge(shuffled.subList(cut, partCount), labels, 2);
    assertMatches(oracle, labels, SortedSequenceCounts.merge(List.of(right, left)));
  }

  /** {@code s} holds exactly the entries of {@code h}, in the oracle's order. */
  private static void assertInOrderWith(
      SortedSequenceCounts s, List<String> labels, SequenceCounts h) {
    Map<List<Integer>, long[]> expected = new HashMap<>();
    for (int e = 0; e < h.size(); e++) {
      List<Integer> key = new ArrayList<>();
      for (int k = 0; k < h.length(e); k++) {
        key.add(h.element(e, k));
      }
      expected.put(key, new long[] {h.count(e, 0), h.count(e, 1)});
    }
    assertMatches(expected, labels, s);
  }

  private static void assertMatches(
      Map<List<Integer>, long[]> oracle, List<String> labels, SortedSequenceCounts actual) {
    List<List<Integer>> keys = new ArrayList<>(oracle.keySet());
    keys.sort((a, b) -> compare(a, b, labels));
    assertEquals(keys.size(), actual.size());
    for (int e = 0; e < keys.size(); e++) {
      int[] nodes = keys.get(e).stream().mapToInt(Integer::intValue).toArray();
      assertArrayEquals(nodes, actual.sequence(e), "entry " + e);
      assertEquals(nodes.length, actual.length(e));
      assertArrayEquals(
          oracle.get(keys.get(e)),
          new long[] {actual.count(e, 0), actual.count(e, 1)},
          "entry " + e);
    }
  }

  private static int compare(List<Integer> a, List<Integer> b, List<String> labels) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = labels.get(a.get(i)).compareTo(labels.get(b.get(i)));
      if (c != 0) {
        return c;
      }
    }
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void appendKeepsLabelOrderAndAddsEqualSequences() {
    // Labels out of node order: node 0 is "b", node 1 is "a", node 2 is "a" too.
    SortedSequenceCounts s = new SortedSequenceCounts(List.of("b", "a", "a"), 1);
    s.append(new int[] {1}, 0, 1, new long[] {1});
    s.append(new int[] {1, 0}, 0, 2, new long[] {2}); // an extension after its prefix
    s.append(new int[] {1, 0}, 0, 2, new long[] {3}); // the same sequence: counts added
    s.append(new int[] {2, 0}, 0, 2, new long[] {4}); // same labels as {1, 0}, larger nodes
    s.append(new int[] {0}, 0, 1, new long[] {5});
    assertEquals(4, s.size());
    assertEquals(5, s.count(1, 0));
    assertArrayEquals(new int[] {2, 0}, s.sequence(2));
    // Before the last ("b" > "a"), a node without a label, a bad range, no counter.
    assertThrows(IllegalArgumentException.class, () -> s.append(new int[] {1}, 0, 1, new long[1]));
    assertThrows(IllegalArgumentException.class, () -> s.append(new int[] {3}, 0, 1, new long[1]));
    assertThrows(IndexOutOfBoundsException.class, () -> s.append(new int[1], 1, 1, new long[1]));
    assertThrows(IndexOutOfBoundsException.class, () -> s.append(new int[] {0}, 0, 1, new long[0]));
    assertThrows(IllegalArgumentException.class, () -> new SortedSequenceCounts(List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> SortedSequenceCounts.merge(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SortedSequenceCounts.merge(
                List.of(s, new SortedSequenceCounts(List.of("b", "a", "a"), 2))));
    assertEquals(0, SortedSequenceCounts.merge(List.of(), List.of("x"), 1).size());
  }
}
