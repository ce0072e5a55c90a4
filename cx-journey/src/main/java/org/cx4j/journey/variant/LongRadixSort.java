package org.cx4j.journey.variant;

import java.util.Arrays;

/**
 * A stable least-significant-digit radix sort of unsigned {@code long} keys carrying {@code int}
 * payloads: the order behind {@link Variants} (variants by packed label ranks, then by count) and
 * behind cx-spark's path and customer-id coding. 11-bit digits, so at most six passes; a pass whose
 * digit is the same for every key is skipped. {@code O(n)} time per pass and {@code 12n} bytes of
 * buffers, against {@code O(n log n)} comparisons of boxed keys.
 */
public final class LongRadixSort {

  private static final int BITS = 11;
  private static final int MASK = (1 << BITS) - 1;

  private LongRadixSort() {}

  /**
   * Sorts {@code keys} in place in unsigned ascending order, stably, and returns {@code payload}
   * permuted the same way (the returned array may be {@code payload} itself or a new array; the
   * caller must use the returned one). Empty arrays are returned as they are.
   *
   * @throws IllegalArgumentException if the lengths differ
   * @throws NullPointerException if an array is null
   */
  public static int[] sort(long[] keys, int[] payload) {
    int n = keys.length;
    if (payload.length != n) {
      throw new IllegalArgumentException(
          "payload must have the length of keys (" + n + "), got " + payload.length);
    }
    long[] k = keys;
    int[] p = payload;
    long[] k2 = null;
    int[] p2 = null;
    int[] counts = new int[1 << BITS];
    for (int shift = 0; shift < 64 && n > 0; shift += BITS) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) (k[i] >>> shift) & MASK]++;
      }
      if (counts[(int) (k[0] >>> shift) & MASK] == n) {
        continue; // the same digit everywhere: this pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < counts.length; d++) {
        int c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      if (k2 == null) {
        k2 = new long[n];
        p2 = new int[n];
      }
      for (int i = 0; i < n; i++) {
        int pos = counts[(int) (k[i] >>> shift) & MASK]++;
        k2[pos] = k[i];
        p2[pos] = p[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] tp = p;
      p = p2;
      p2 = tp;
    }
    if (k != keys) {
      System.arraycopy(k, 0, keys, 0, n);
    }
    return p;
  }
}
