package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.journey.variant.LongRadixSort;
import org.junit.jupiter.api.Test;

/** {@link LongRadixSort} against a comparison sort of boxed (key, index) pairs. */
class LongRadixSortProperties {

  @Provide
  Arbitrary<long[]> keys() {
    // Few distinct values (many ties, to test stability), and full-range values with the sign
    // bit set (to test the unsigned order), mixed.
    Arbitrary<Long> small = Arbitraries.longs().between(0, 5);
    Arbitrary<Long> any = Arbitraries.longs();
    Arbitrary<Long> high = Arbitraries.longs().between(0, 3).map(x -> x << 60);
    return Arbitraries.oneOf(small, any, high).array(long[].class).ofMaxSize(3000);
  }

  @Property(tries = 300, seed = "42")
  void sortsUnsignedAndStably(@ForAll("keys") long[] keys) {
    // Oracle: a stable comparison sort of the indices by unsigned key (Arrays.sort on objects is
    // a stable merge sort).
    Integer[] expected = new Integer[keys.length];
    for (int i = 0; i < keys.length; i++) {
      expected[i] = i;
    }
    long[] original = keys.clone();
    Arrays.sort(expected, Comparator.comparing(i -> original[i], Long::compareUnsigned));
    int[] payload = new int[keys.length];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = i;
    }
    int[] order = LongRadixSort.sort(keys, payload);
    assertEquals(keys.length, order.length);
    for (int i = 0; i < keys.length; i++) {
      assertEquals(expected[i].intValue(), order[i], "position " + i);
      assertEquals(original[expected[i]], keys[i], "keys are sorted in place");
    }
  }

  @Test
  void emptyAndMismatchedInput() {
    assertArrayEquals(new int[0], LongRadixSort.sort(new long[0], new int[0]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LongRadixSort.sort(new long[2], new int[1]));
    assertEquals("payload must have the length of keys (2), got 1", e.getMessage());
  }
}
