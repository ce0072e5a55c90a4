package org.cx4j.metrics.survival;

/**
 * Least-significant-digit radix sort of unsigned 64-bit keys with an optional {@code double}
 * payload that moves with its key. Stable, {@code O(n)} per non-constant 11-bit digit; digits that
 * are the same in every key (the sign and most of the exponent of survival times, the low mantissa
 * bits of times in whole days) cost one histogram count and no pass. For the Kaplan-Meier fits,
 * where keys are time bits and payloads are case weights, this replaces an index sort the JDK does
 * not offer for primitives.
 */
final class RadixSort {

  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;
  private static final int DIGITS = (64 + BITS - 1) / BITS; // 6

  private RadixSort() {}

  /** Sorted keys and the payload in the same order (payload null when none was given). */
  record Sorted(long[] keys, double[] payload) {}

  /**
   * Returns {@code keys} sorted as unsigned longs with {@code payload} permuted alike. The input
   * arrays may be reused as scratch space and must not be read afterwards.
   */
  static Sorted sort(long[] keys, double[] payload) {
    int n = keys.length;
    if (n < 2) {
      return new Sorted(keys, payload);
    }
    int[][] counts = new int[DIGITS][BUCKETS];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      for (int d = 0; d < DIGITS; d++) {
        counts[d][(int) ((k >>> (d * BITS)) & (BUCKETS - 1))]++;
      }
    }
    long[] src = keys;
    long[] dst = null;
    double[] vs = payload;
    double[] vd = null;
    for (int d = 0; d < DIGITS; d++) {
      int[] c = counts[d];
      int shift = d * BITS;
      if (c[(int) ((src[0] >>> shift) & (BUCKETS - 1))] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int t = c[b];
        c[b] = sum;
        sum += t;
      }
      if (dst == null) {
        dst = new long[n];
        vd = payload == null ? null : new double[n];
      }
      if (vs == null) {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          dst[c[(int) ((k >>> shift) & (BUCKETS - 1))]++] = k;
        }
      } else {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          int pos = c[(int) ((k >>> shift) & (BUCKETS - 1))]++;
          dst[pos] = k;
          vd[pos] = vs[i];
        }
      }
      long[] tk = src;
      src = dst;
      dst = tk;
      double[] tv = vs;
      vs = vd;
      vd = tv;
    }
    return new Sorted(src, vs);
  }

}
