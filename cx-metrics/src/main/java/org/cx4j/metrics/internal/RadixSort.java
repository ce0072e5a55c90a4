package org.cx4j.metrics.internal;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The one radix sort of cx4j: a stable least-significant-digit sort of unsigned keys, 11 bits per
 * pass, with an optional payload moving with its key. Used by the Kaplan-Meier fits (time bits with
 * case weights), journey rebuild (customer and time packed, row index riding along), variants and
 * path coding (packed label ranks), and the transition graph's buffered counts.
 *
 * <p>Cost, {@code long} keys: one read of the keys counts every digit at once; then one scatter
 * pass per digit that is not the same in every key (a constant digit, such as the sign and most of
 * the exponent of survival times, costs nothing more), so at most {@code ceil(keyBits / 11)} passes
 * of {@code O(n)}. Keys already in order are detected by a scan that stops at the first descent and
 * are returned as they are. {@code int} keys: a count and a scatter per digit, a constant digit
 * skipped after its count. Stability is what makes equal keys keep their input order without
 * packing the index into the key.
 *
 * <p>Buffers: the input arrays are used as scratch space; the sorted data is in the arrays the
 * result names (the inputs or new arrays), and the inputs must not be read afterwards except
 * through the result. Unsupported internal API.
 */
public final class RadixSort {

  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;

  private RadixSort() {}

  /**
   * The sorted keys and their payload. Not a record on purpose: it hands out its arrays, which are
   * the sort's buffers (possibly the caller's input arrays).
   */
  public static final class Sorted {
    private final long[] keys;
    private final int[] ints;
    private final double[] doubles;

    Sorted(long[] keys, int[] ints, double[] doubles) {
      this.keys = keys;
      this.ints = ints;
      this.doubles = doubles;
    }

    /** Returns the keys in unsigned ascending order. */
    public long[] keys() {
      return keys;
    }

    /** Returns the {@code int} payload in key order, or null if the sort had none. */
    public int[] intPayload() {
      return ints;
    }

    /** Returns the {@code double} payload in key order, or null if the sort had none. */
    public double[] doublePayload() {
      return doubles;
    }
  }

  /**
   * Sorts {@code keys} (compared as unsigned, all 64 bits) with no payload.
   *
   * @throws NullPointerException if {@code keys} is null
   */
  public static Sorted sort(long[] keys) {
    return sort(keys, null, null, Long.SIZE);
  }

  /**
   * Sorts {@code keys} (unsigned; only the low {@code keyBits} bits may be set) with {@code
   * payload} permuted alike.
   *
   * @throws IllegalArgumentException if the lengths differ or {@code keyBits} is not in [0, 64]
   * @throws NullPointerException if an array is null
   */
  public static Sorted sort(long[] keys, int[] payload, int keyBits) {
    checkLength(keys, payload.length);
    return sort(keys, payload, null, keyBits);
  }

  /**
   * Sorts {@code keys} (unsigned; only the low {@code keyBits} bits may be set) with {@code
   * payload} permuted alike; a null payload sorts the keys alone.
   *
   * @throws IllegalArgumentException if the lengths differ or {@code keyBits} is not in [0, 64]
   * @throws NullPointerException if {@code keys} is null
   */
  public static Sorted sort(long[] keys, double[] payload, int keyBits) {
    if (payload != null) {
      checkLength(keys, payload.length);
    }
    return sort(keys, null, payload, keyBits);
  }

  private static void checkLength(long[] keys, int payloadLength) {
    checkArgument(
        payloadLength == keys.length,
        "payload must have the length of keys (%s), got %s",
        keys.length,
        payloadLength);
  }

  private static Sorted sort(long[] keys, int[] ints, double[] doubles, int keyBits) {
    checkArgument(
        keyBits >= 0 && keyBits <= Long.SIZE, "keyBits must be in [0, 64], got %s", keyBits);
    int n = keys.length;
    // Already in order (e.g. rows an engine sorted by customer and time): the identity is the
    // stable order, and one scan, stopping at the first descent, is all it costs.
    int i0 = 1;
    while (i0 < n && Long.compareUnsigned(keys[i0 - 1], keys[i0]) <= 0) {
      i0++;
    }
    if (i0 >= n) {
      return new Sorted(keys, ints, doubles);
    }
    int passes = (keyBits + BITS - 1) / BITS;
    int[][] counts = new int[passes][RADIX];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      for (int p = 0; p < passes; p++) {
        counts[p][(int) (k >>> (p * BITS)) & MASK]++;
      }
    }
    long[] srcK = keys;
    int[] srcI = ints;
    double[] srcD = doubles;
    long[] dstK = null;
    int[] dstI = null;
    double[] dstD = null;
    for (int p = 0; p < passes; p++) {
      int[] c = counts[p];
      int shift = p * BITS;
      if (c[(int) (srcK[0] >>> shift) & MASK] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int t = c[d];
        c[d] = sum;
        sum += t;
      }
      if (dstK == null) {
        dstK = new long[n];
        dstI = ints == null ? null : new int[n];
        dstD = doubles == null ? null : new double[n];
      }
      // One loop per payload kind, each its own small method for the JIT, so that the hot loop
      // tests nothing but the digit.
      if (srcI != null) {
        scatter(srcK, srcI, dstK, dstI, c, shift);
      } else if (srcD != null) {
        scatter(srcK, srcD, dstK, dstD, c, shift);
      } else {
        scatter(srcK, dstK, c, shift);
      }
      long[] tk = srcK;
      srcK = dstK;
      dstK = tk;
      int[] ti = srcI;
      srcI = dstI;
      dstI = ti;
      double[] td = srcD;
      srcD = dstD;
      dstD = td;
    }
    return new Sorted(srcK, srcI, srcD);
  }

  private static void scatter(
      long[] srcK, int[] srcI, long[] dstK, int[] dstI, int[] c, int shift) {
    for (int i = 0, n = srcK.length; i < n; i++) {
      long k = srcK[i];
      int pos = c[(int) (k >>> shift) & MASK]++;
      dstK[pos] = k;
      dstI[pos] = srcI[i];
    }
  }

  private static void scatter(
      long[] srcK, double[] srcD, long[] dstK, double[] dstD, int[] c, int shift) {
    for (int i = 0, n = srcK.length; i < n; i++) {
      long k = srcK[i];
      int pos = c[(int) (k >>> shift) & MASK]++;
      dstK[pos] = k;
      dstD[pos] = srcD[i];
    }
  }

  private static void scatter(long[] srcK, long[] dstK, int[] c, int shift) {
    for (int i = 0, n = srcK.length; i < n; i++) {
      long k = srcK[i];
      dstK[c[(int) (k >>> shift) & MASK]++] = k;
    }
  }

  /**
   * Sorts the first {@code size} entries of {@code keys} (unsigned; only the low {@code keyBits}
   * bits may be set), using {@code scratch} as the second buffer, and returns the array, {@code
   * keys} or {@code scratch}, whose first {@code size} entries are the sorted keys. The {@code int}
   * keys suit a caller that packs small keys and reuses its two buffers.
   *
   * @throws IllegalArgumentException if {@code size} exceeds a buffer's length or {@code keyBits}
   *     is not in [0, 32]
   * @throws NullPointerException if an array is null
   */
  public static int[] sort(int[] keys, int size, int[] scratch, int keyBits) {
    checkArgument(
        keyBits >= 0 && keyBits <= Integer.SIZE, "keyBits must be in [0, 32], got %s", keyBits);
    checkArgument(
        size >= 0 && size <= keys.length && size <= scratch.length,
        "size must be in [0, %s], got %s",
        Math.min(keys.length, scratch.length),
        size);
    // Per-pass counting over the current order (not all digits up front): the buffers of the
    // callers (about 2^20 keys) stay in cache between the count and the scatter of a pass, which
    // measured faster for this case in the transition graph.
    int[] src = keys;
    int[] dst = scratch;
    int[] c = new int[RADIX];
    for (int shift = 0; shift < keyBits; shift += BITS) {
      java.util.Arrays.fill(c, 0);
      for (int i = 0; i < size; i++) {
        c[(src[i] >>> shift) & MASK]++;
      }
      if (size == 0 || c[(src[0] >>> shift) & MASK] == size) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int t = c[d];
        c[d] = sum;
        sum += t;
      }
      for (int i = 0; i < size; i++) {
        int k = src[i];
        dst[c[(k >>> shift) & MASK]++] = k;
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    return src;
  }
}
