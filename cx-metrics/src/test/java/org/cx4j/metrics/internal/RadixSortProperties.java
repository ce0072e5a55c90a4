package org.cx4j.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link RadixSort} against the oracle of a stable comparison sort: {@code Arrays.sort} on boxed
 * indices (a stable merge sort) by unsigned key, so equal keys keep their input order.
 */
class RadixSortProperties {

  @Provide
  Arbitrary<long[]> keys() {
    // Few distinct values (many ties, to test stability), full-range values with the sign bit set
    // (to test the unsigned order), and keys differing in high digits only (skipped passes), mixed.
    Arbitrary<Long> small = Arbitraries.longs().between(0, 5);
    Arbitrary<Long> any = Arbitraries.longs();
    Arbitrary<Long> high = Arbitraries.longs().between(0, 3).map(x -> x << 60);
    Arbitrary<Long> middle = Arbitraries.longs().between(0, 7).map(x -> x << 22 | 5);
    return Arbitraries.oneOf(small, any, high, middle).array(long[].class).ofMaxSize(3000);
  }

  /** Returns the indices of {@code keys} in stable unsigned order (the oracle). */
  private static int[] stableOrder(long[] keys) {
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> keys[i], Long::compareUnsigned));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private static long mask(int bits) {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  @Property(tries = 300, seed = "42")
  void intPayloadMovesWithItsKeyStably(
      @ForAll("keys") long[] raw, @ForAll @IntRange(min = 0, max = 64) int keyBits) {
    long[] keys = Arrays.stream(raw).map(k -> k & mask(keyBits)).toArray();
    long[] original = keys.clone();
    int[] expected = stableOrder(original);
    int[] payload = new int[keys.length];
    Arrays.setAll(payload, i -> i);
    RadixSort.Sorted s = RadixSort.sort(keys, payload, keyBits);
    assertNull(s.doublePayload());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(expected[i], s.intPayload()[i], "payload at position " + i);
      assertEquals(original[expected[i]], s.keys()[i], "key at position " + i);
    }
  }

  @Property(tries = 300, seed = "42")
  void doublePayloadMovesWithItsKeyStably(@ForAll("keys") long[] keys) {
    long[] original = keys.clone();
    int[] expected = stableOrder(original);
    double[] payload = new double[keys.length];
    Arrays.setAll(payload, i -> i + 0.5);
    RadixSort.Sorted s = RadixSort.sort(keys, payload, 64);
    assertNull(s.intPayload());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(expected[i] + 0.5, s.doublePayload()[i], "payload at position " + i);
      assertEquals(original[expected[i]], s.keys()[i], "key at position " + i);
    }
  }

  @Property(tries = 300, seed = "42")
  void keysAloneMatchTheUnsignedOrder(@ForAll("keys") long[] keys) {
    // Oracle: Arrays.sort of signed longs with the sign bit flipped is the unsigned order.
    long[] expected =
        Arrays.stream(keys)
            .map(k -> k ^ Long.MIN_VALUE)
            .sorted()
            .map(k -> k ^ Long.MIN_VALUE)
            .toArray();
    assertArrayEquals(expected, RadixSort.sort(keys).keys());
    assertArrayEquals(expected, RadixSort.sort(keys.clone(), (double[]) null, 64).keys());
  }

  @Property(tries = 300, seed = "42")
  void intKeysInTwoBuffers(
      @ForAll("keys") long[] raw,
      @ForAll @IntRange(min = 0, max = 32) int keyBits,
      @ForAll @IntRange(min = 0, max = 7) int slack) {
    int size = raw.length;
    int[] keys = new int[size + slack];
    for (int i = 0; i < size; i++) {
      keys[i] = (int) (raw[i] & mask(keyBits));
    }
    Arrays.fill(keys, size, keys.length, -1); // beyond size: must stay out of the sort
    long[] expected = new long[size];
    for (int i = 0; i < size; i++) {
      expected[i] = Integer.toUnsignedLong(keys[i]);
    }
    Arrays.sort(expected);
    int[] sorted = RadixSort.sort(keys, size, new int[size + slack], keyBits);
    for (int i = 0; i < size; i++) {
      assertEquals(expected[i], Integer.toUnsignedLong(sorted[i]), "position " + i);
    }
  }

  @Test
  void sortedInputIsReturnedAsItIs() {
    long[] keys = {1, 2, 2, -1};
    int[] payload = {0, 1, 2, 3};
    RadixSort.Sorted s = RadixSort.sort(keys, payload, 64);
    assertSame(keys, s.keys());
    assertSame(payload, s.intPayload());
    // int keys whose only digit is constant: the pass is skipped, the keys stay where they are.
    int[] ints = {4, 4, 4};
    assertSame(ints, RadixSort.sort(ints, 3, new int[3], 3));
  }

  @Test
  void badArgumentsNameTheValue() {
    assertEquals(0, RadixSort.sort(new long[0], new int[0], 64).keys().length);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RadixSort.sort(new long[2], new int[1], 64));
    assertEquals("payload must have the length of keys (2), got 1", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> RadixSort.sort(new long[2], new int[2], 65));
    assertEquals("keyBits must be in [0, 64], got 65", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> RadixSort.sort(new int[2], 3, new int[3], 8));
    assertEquals("size must be in [0, 2], got 3", e.getMessage());
  }
}
