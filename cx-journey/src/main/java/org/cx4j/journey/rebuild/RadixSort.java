package org.cx4j.journey.rebuild;

/**
 * Stable least-significant-digit radix sort of unsigned 64-bit keys carrying an int payload,
 * 11 bits per pass, skipping passes whose digit is the same for every key, and every pass when the
 * keys are already in order. Stability is what
 * makes equal timestamps keep their arrival order without packing the index into the key.
 */
final class RadixSort {

  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;

  private RadixSort() {}

  /** The sorted keys and payloads (possibly the input arrays, reused as buffers). */
  static final class Result {
    final long[] keys;
    final int[] payload;

    Result(long[] keys, int[] payload) {
      this.keys = keys;
      this.payload = payload;
    }
  }

  /**
   * Sorts {@code keys} (unsigned, only the low {@code bits} bits set) with {@code payload} riding
   * along. Both input arrays are used as buffers and must not be used afterwards except through
   * the result.
   */
  static Result sort(long[] keys, int[] payload, int bits) {
    int n = keys.length;
    // Already in order (e.g. rows an engine sorted by customer and time): the identity is the
    // stable order, and one pass, stopping at the first descent, is all it costs.
    int i0 = 1;
    while (i0 < n && Long.compareUnsigned(keys[i0 - 1], keys[i0]) <= 0) {
      i0++;
    }
    if (i0 >= n) {
      return new Result(keys, payload);
    }
    int passes = Math.max(1, (bits + BITS - 1) / BITS);
    int[][] counts = new int[passes][RADIX];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      for (int p = 0; p < passes; p++) {
        counts[p][(int) (k >>> (p * BITS)) & MASK]++;
      }
    }
    long[] srcK = keys;
    int[] srcP = payload;
    long[] dstK = null;
    int[] dstP = null;
    for (int p = 0; p < passes; p++) {
      int[] c = counts[p];
      boolean trivial = false;
      for (int d = 0; d < RADIX && !trivial; d++) {
        trivial = c[d] == n;
      }
      if (trivial) {
        continue;
      }
      if (dstK == null) {
        dstK = new long[n];
        dstP = new int[n];
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int t = c[d];
        c[d] = sum;
        sum += t;
      }
      int shift = p * BITS;
      for (int i = 0; i < n; i++) {
        long k = srcK[i];
        int pos = c[(int) (k >>> shift) & MASK]++;
        dstK[pos] = k;
        dstP[pos] = srcP[i];
      }
      long[] tk = srcK;
      srcK = dstK;
      dstK = tk;
      int[] tp = srcP;
      srcP = dstP;
      dstP = tp;
    }
    return new Result(srcK, srcP);
  }
}
