package org.cx4j.spark.journey;

import java.util.Arrays;

/** A stable radix sort of {@code long} keys carrying {@code int} payloads. */
final class LongRadixSort {

  private LongRadixSort() {}

  /**
   * Stable LSD radix sort (11-bit digits, constant digits skipped) of unsigned {@code keys}
   * carrying {@code payload}; leaves {@code keys} sorted and returns the payload in key order.
   */
  static int[] sort(long[] keys, int[] payload) {
    int n = keys.length;
    long[] k = keys;
    int[] p = payload;
    long[] k2 = null;
    int[] p2 = null;
    int[] counts = new int[1 << 11];
    for (int shift = 0; shift < 64 && n > 0; shift += 11) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) (k[i] >>> shift) & 0x7FF]++;
      }
      if (counts[(int) (k[0] >>> shift) & 0x7FF] == n) {
        continue;
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
        int pos = counts[(int) (k[i] >>> shift) & 0x7FF]++;
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
