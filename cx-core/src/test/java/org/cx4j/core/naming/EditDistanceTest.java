package org.cx4j.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link EditDistance} against its recursive definition and hand-worked pairs. */
class EditDistanceTest {

  @Test
  void handWorkedPairs() {
    assertEquals(0, EditDistance.levenshtein("", ""));
    assertEquals(3, EditDistance.levenshtein("", "abc"));
    assertEquals(3, EditDistance.levenshtein("kitten", "sitting")); // k->s, e->i, +g
    assertEquals(2, EditDistance.levenshtein("ordr_valu", "order_value")); // +e, +e
    assertEquals(1, EditDistance.levenshtein("web_chekout", "web_checkout"));
  }

  /** The definition, literally: the cheapest of the three edits on the first characters. */
  private static int naive(String a, String b) {
    if (a.isEmpty()) {
      return b.length();
    }
    if (b.isEmpty()) {
      return a.length();
    }
    int cost = a.charAt(0) == b.charAt(0) ? 0 : 1;
    return Math.min(
        naive(a.substring(1), b.substring(1)) + cost,
        Math.min(naive(a.substring(1), b) + 1, naive(a, b.substring(1)) + 1));
  }

  @Property(tries = 1000, seed = "42")
  void matchesItsDefinition(
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'd') String a,
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'd') String b) {
    assertEquals(naive(a, b), EditDistance.levenshtein(a, b));
  }
}
