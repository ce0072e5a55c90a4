package org.cx4j.metrics.internal;

/**
 * The grouped score counting kernels behind {@code org.cx4j.metrics.score.grouped}: one pass over
 * a score column and a group-code column that counts every (group, score) pair, with the range
 * checks folded into the pass. Unsupported internal API: exported for the benchmarks, left out of
 * the Javadoc, and free to change in any release.
 *
 * <p><b>Table layout.</b> Bin {@code k = ((g << sh) | (s - min)) << lb | lane}: {@code 2^sh}
 * slots per group (the scale's points rounded up to a power of two), {@code 2^lb} interleaved
 * lanes. Row {@code from + r} goes to lane {@code r & lm}: consecutive rows land in different
 * lanes, so two rows with the same group and score do not wait for each other's increment (a
 * store-to-load dependency through memory of about five cycles, against one cycle per row
 * otherwise). The loops are unrolled by four, do no allocation, and their array reads are
 * counted loops whose bounds checks C2 hoists.
 *
 * <p><b>Range checks.</b> {@code x | (span - x)} has its sign bit set exactly when {@code x =
 * s - min} is outside {@code 0..span}, and {@code g | (top - g)} when a code is outside {@code
 * 0..top}; they are OR-ed into one int per pass, so the check costs a few ALU operations and no
 * branch. The bin index is masked ({@code sm}, {@code gm}) so that an invalid row cannot index
 * outside the table; the caller then undoes the pass ({@code undo*}, exact for counts) or drops
 * the block (weighted), and names the first offender.
 *
 * <p><b>Weighted.</b> The {@code weighted*} kernels also add {@code w} and {@code w * w} to
 * {@code d[2k]} and {@code d[2k + 1]}; they return bit 0 for a bad score or code and bit 1 when
 * any weight has its sign bit set (negative, {@code -0.0} or a negative NaN: the caller checks
 * exactly). NaN and infinite weights show as non-finite sums when the caller folds the block.
 * Blocks are kept short by the caller so that the plain sums stay accurate, and folded into
 * Neumaier-compensated totals.
 *
 * <p>Generated code: the variants differ only in the array types (scores {@code byte}/{@code
 * int}; codes {@code byte} and {@code short} read unsigned, {@code int}, or none for one group).
 */
public final class GroupedCounting {

  private GroupedCounting() {}

  /** Three 10-bit fields per int: bit 0 of each. */
  private static final int FIELDS = 1 | 1 << 10 | 1 << 20;

  /** Field {@code f} holds {@code y + 32 - t_f} for the thresholds 7, 9 and 11. */
  private static final int NPS_KEY = (32 - 7) | (32 - 9) << 10 | (32 - 11) << 20;

  /** Scores per block of {@link #npsCategories}: a 10-bit field holds at most 1023. */
  private static final int FIELD_BLOCK = 1023;

  /**
   * Returns {@code {#(s >= 7), #(s >= 9), #(s outside 0..10)}} of {@code scores}: the NPS
   * categories without the histogram (promoters {@code = ge9}, passives {@code = ge7 - ge9},
   * detractors {@code = n - ge7}). One {@code int} add reduction per score, which C2 vectorizes:
   * for {@code y} in 0..15, {@code y * FIELDS + NPS_KEY} puts {@code y + 32 - t} in three
   * 10-bit fields, whose bit 5 is {@code y >= t}. {@code ((y >>> 4) + 0x0FFFFFFF) >>> 28} is 1
   * exactly when {@code y} is outside 0..15, and is OR-ed into the third field, so the third
   * count is 0 exactly when every score is in 0..10. A score outside 0..15 makes the other two
   * fields meaningless, but each field still gains at most 1 per score, so no field overflows
   * within a block of 1023.
   */
  public static long[] npsCategories(int[] scores) {
    long ge7 = 0;
    long ge9 = 0;
    long bad = 0;
    int n = scores.length;
    for (int b = 0; b < n; b += FIELD_BLOCK) {
      int acc = fieldBlock(scores, b, Math.min(n, b + FIELD_BLOCK));
      ge7 += acc & 1023;
      ge9 += (acc >>> 10) & 1023;
      bad += acc >>> 20;
    }
    return new long[] {ge7, ge9, bad};
  }

  private static int fieldBlock(int[] scores, int from, int to) {
    int acc = 0;
    for (int i = from; i < to; i++) {
      int y = scores[i];
      acc += (((y * FIELDS + NPS_KEY) >>> 5) & FIELDS) | ((((y >>> 4) + 0x0FFFFFFF) >>> 28) << 20);
    }
    return acc;
  }
  /** Counts of byte scores by byte codes; see the class comment. */
  public static int countBytesBytes(
      byte[] s, byte[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFF;
      int g1 = c[i + 1] & 0xFF;
      int g2 = c[i + 2] & 0xFF;
      int g3 = c[i + 3] & 0xFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countBytesBytes} added for rows {@code from .. to - 1}. */
  public static void undoBytesBytes(
      byte[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of byte scores by byte codes; see the class comment. */
  public static int weightedBytesBytes(
      byte[] s, byte[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFF;
      int g1 = c[i + 1] & 0xFF;
      int g2 = c[i + 2] & 0xFF;
      int g3 = c[i + 3] & 0xFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of byte scores by byte codes; see the class comment. */
  public static int countBytesNone(
      byte[] s, byte[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = 0;
      int g1 = 0;
      int g2 = 0;
      int g3 = 0;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= 0 | 0 | 0 | 0;
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      bad |= x | (span - x) | 0;
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countBytesNone} added for rows {@code from .. to - 1}. */
  public static void undoBytesNone(
      byte[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of byte scores by byte codes; see the class comment. */
  public static int weightedBytesNone(
      byte[] s, byte[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = 0;
      int g1 = 0;
      int g2 = 0;
      int g3 = 0;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= 0 | 0 | 0 | 0;
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      bad |= x | (span - x) | 0;
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of byte scores by short codes; see the class comment. */
  public static int countBytesShorts(
      byte[] s, short[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFFFF;
      int g1 = c[i + 1] & 0xFFFF;
      int g2 = c[i + 2] & 0xFFFF;
      int g3 = c[i + 3] & 0xFFFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countBytesShorts} added for rows {@code from .. to - 1}. */
  public static void undoBytesShorts(
      byte[] s, short[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of byte scores by short codes; see the class comment. */
  public static int weightedBytesShorts(
      byte[] s, short[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFFFF;
      int g1 = c[i + 1] & 0xFFFF;
      int g2 = c[i + 2] & 0xFFFF;
      int g3 = c[i + 3] & 0xFFFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of byte scores by int codes; see the class comment. */
  public static int countBytesInts(
      byte[] s, int[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i];
      int g1 = c[i + 1];
      int g2 = c[i + 2];
      int g3 = c[i + 3];
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= g0 | (top - g0) | g1 | (top - g1) | g2 | (top - g2) | g3 | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      bad |= x | (span - x) | g | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countBytesInts} added for rows {@code from .. to - 1}. */
  public static void undoBytesInts(
      byte[] s, int[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of byte scores by int codes; see the class comment. */
  public static int weightedBytesInts(
      byte[] s, int[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i];
      int g1 = c[i + 1];
      int g2 = c[i + 2];
      int g3 = c[i + 3];
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= g0 | (top - g0) | g1 | (top - g1) | g2 | (top - g2) | g3 | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      bad |= x | (span - x) | g | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of int scores by byte codes; see the class comment. */
  public static int countIntsBytes(
      int[] s, byte[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFF;
      int g1 = c[i + 1] & 0xFF;
      int g2 = c[i + 2] & 0xFF;
      int g3 = c[i + 3] & 0xFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countIntsBytes} added for rows {@code from .. to - 1}. */
  public static void undoIntsBytes(
      int[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of int scores by byte codes; see the class comment. */
  public static int weightedIntsBytes(
      int[] s, byte[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFF;
      int g1 = c[i + 1] & 0xFF;
      int g2 = c[i + 2] & 0xFF;
      int g3 = c[i + 3] & 0xFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of int scores by byte codes; see the class comment. */
  public static int countIntsNone(
      int[] s, byte[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = 0;
      int g1 = 0;
      int g2 = 0;
      int g3 = 0;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= 0 | 0 | 0 | 0;
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      bad |= x | (span - x) | 0;
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countIntsNone} added for rows {@code from .. to - 1}. */
  public static void undoIntsNone(
      int[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of int scores by byte codes; see the class comment. */
  public static int weightedIntsNone(
      int[] s, byte[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = 0;
      int g1 = 0;
      int g2 = 0;
      int g3 = 0;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= 0 | 0 | 0 | 0;
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = 0;
      bad |= x | (span - x) | 0;
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of int scores by short codes; see the class comment. */
  public static int countIntsShorts(
      int[] s, short[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFFFF;
      int g1 = c[i + 1] & 0xFFFF;
      int g2 = c[i + 2] & 0xFFFF;
      int g3 = c[i + 3] & 0xFFFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countIntsShorts} added for rows {@code from .. to - 1}. */
  public static void undoIntsShorts(
      int[] s, short[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of int scores by short codes; see the class comment. */
  public static int weightedIntsShorts(
      int[] s, short[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i] & 0xFFFF;
      int g1 = c[i + 1] & 0xFFFF;
      int g2 = c[i + 2] & 0xFFFF;
      int g3 = c[i + 3] & 0xFFFF;
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= (top - g0) | (top - g1) | (top - g2) | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      bad |= x | (span - x) | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

  /** Counts of int scores by int codes; see the class comment. */
  public static int countIntsInts(
      int[] s, int[] c, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i];
      int g1 = c[i + 1];
      int g2 = c[i + 2];
      int g3 = c[i + 3];
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= g0 | (top - g0) | g1 | (top - g1) | g2 | (top - g2) | g3 | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      bad |= x | (span - x) | g | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      t[k]++;
    }
    return bad;
  }

  /** Takes back what {@code countIntsInts} added for rows {@code from .. to - 1}. */
  public static void undoIntsInts(
      int[] s, int[] c, int from, int to, int min, int sh, int sm, int gm, int lb, int lm,
      int[] t) {
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      t[(((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm)]--;
    }
  }

  /** Weighted counts of int scores by int codes; see the class comment. */
  public static int weightedIntsInts(
      int[] s, int[] c, double[] w, int from, int to, int min, int span, int top, int sh,
      int sm, int gm, int lb, int lm, int[] t, double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int x1 = s[i + 1] - min;
      int x2 = s[i + 2] - min;
      int x3 = s[i + 3] - min;
      int g0 = c[i];
      int g1 = c[i + 1];
      int g2 = c[i + 2];
      int g3 = c[i + 3];
      bad |= x0 | (span - x0) | x1 | (span - x1) | x2 | (span - x2) | x3 | (span - x3);
      bad |= g0 | (top - g0) | g1 | (top - g1) | g2 | (top - g2) | g3 | (top - g3);
      int k0 = (((g0 & gm) << sh) | (x0 & sm)) << lb;
      int k1 = (((g1 & gm) << sh) | (x1 & sm)) << lb | l1;
      int k2 = (((g2 & gm) << sh) | (x2 & sm)) << lb | l2;
      int k3 = (((g3 & gm) << sh) | (x3 & sm)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[k0 << 1] += w0;
      d[(k0 << 1) | 1] += w0 * w0;
      t[k1]++;
      d[k1 << 1] += w1;
      d[(k1 << 1) | 1] += w1 * w1;
      t[k2]++;
      d[k2 << 1] += w2;
      d[(k2 << 1) | 1] += w2 * w2;
      t[k3]++;
      d[k3 << 1] += w3;
      d[(k3 << 1) | 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      bad |= x | (span - x) | g | (top - g);
      int k = (((g & gm) << sh) | (x & sm)) << lb | ((i - from) & lm);
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[k << 1] += v;
      d[(k << 1) | 1] += v * v;
    }
    return (bad >>> 31) | (int) (wb >>> 63) << 1;
  }

}
