package org.cx4j.metrics.internal;

/**
 * The grouped score counting kernels behind {@code org.cx4j.metrics.score.grouped}: one pass over
 * a score column and a group-code column that counts every (group, score) pair, with the range
 * checks folded into the pass. Unsupported internal API: exported for the benchmarks, left out of
 * the Javadoc, and free to change in any release.
 *
 * <p><b>Table layout.</b> Row {@code (g, s)} increments bin {@code SLACK + (g << sh) + (s -
 * min)}: {@code 2^sh} slots per group (the scale's points rounded up to a power of two), with
 * {@link #SLACK} spare bins before and after. There are four count tables ({@code t0 .. t3}, the
 * lanes): row {@code from + 4q + j} of the unrolled loop goes to table {@code j} and the rows of
 * the tail to {@code t0}, so two consecutive rows with the same group and score do not wait for
 * each other's increment (a store-to-load dependency through memory of several cycles, against
 * about two cycles per row otherwise). With many bins the caller passes one table four times:
 * collisions are then rare and one table stays in cache. The loops are unrolled by four, allocate
 * nothing, and read the columns in counted loops whose bounds checks C2 hoists.
 *
 * <p><b>Range checks, after the pass.</b> Per row only {@code bad |= s - min} (and for {@code
 * short} and {@code int} codes {@code gbad |= g}): a score outside {@code 0 .. 2^sh - 1} after
 * subtracting {@code min}, or a code with bits above the table's, shows in the returned bits. A
 * score between {@code max + 1} and {@code min + 2^sh - 1}, or a code between {@code groupCount}
 * and the table's groups, lands in a bin outside the scale or the groups; the caller finds them by
 * checking that the bins inside add up to the rows counted. {@code byte} scores index without a
 * mask (a byte minus {@code min} stays within {@link #SLACK} of the table; the caller makes sure
 * {@code |min| <= 228}), {@code byte} codes too (the caller makes the table 256 groups or more);
 * {@code short} and {@code int} codes and {@code int} scores are masked with {@code gm} and
 * {@code sm}. So an invalid row never indexes outside the table; the caller then undoes the pass
 * ({@code undo*}, exact for counts) or drops the block (weighted), and names the first offender.
 * SWAR (eight bytes per {@code long}) is not used here: taking a byte out of a word costs two ALU
 * operations, a byte load one.
 *
 * <p><b>Weighted.</b> The {@code weighted*} kernels also add {@code w} and {@code w * w} to
 * {@code d[2k]} and {@code d[2k + 1]} of the row's lane; they return bit 0 for a bad score or
 * code and bit 1 when any weight has its sign bit set (negative, {@code -0.0} or a negative NaN:
 * the caller checks exactly). NaN and infinite weights show as non-finite sums when the caller
 * folds the block. The caller keeps blocks short, so that the plain sums stay accurate, and folds
 * each block into Neumaier-compensated totals.
 *
 * <p>Generated code: the variants differ only in the array types (scores {@code byte}/{@code
 * int}; codes {@code byte} and {@code short} read unsigned, {@code int}, or none for one group).
 */
public final class GroupedCounting {

  private GroupedCounting() {}

  /** Spare bins before and after the table: a byte score minus {@code min} (|min| <= 228). */
  public static final int SLACK = 512;

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
  /** Counts of byte scores by bytes codes; see the class comment. */
  public static int countBytesBytes(byte[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + ((c[i] & 0xFF) << sh) + x0;
      int x1 = s[i + 1] - min;
      int k1 = SLACK + ((c[i + 1] & 0xFF) << sh) + x1;
      int x2 = s[i + 2] - min;
      int k2 = SLACK + ((c[i + 2] & 0xFF) << sh) + x2;
      int x3 = s[i + 3] - min;
      int k3 = SLACK + ((c[i + 3] & 0xFF) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + x;
      bad |= x;
      t0[k]++;
    }
    return (bad & ~sm);
  }

  /** Takes back what {@code countBytesBytes} added for rows {@code from .. to - 1}. */
  public static void undoBytesBytes(byte[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + x;
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of byte scores by bytes codes; see the class comment. */
  public static int weightedBytesBytes(byte[] s, byte[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + ((c[i] & 0xFF) << sh) + x0;
      int x1 = s[i + 1] - min;
      int k1 = SLACK + ((c[i + 1] & 0xFF) << sh) + x1;
      int x2 = s[i + 2] - min;
      int k2 = SLACK + ((c[i + 2] & 0xFF) << sh) + x2;
      int x3 = s[i + 3] - min;
      int k3 = SLACK + ((c[i + 3] & 0xFF) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + x;
      bad |= x;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of byte scores by shorts codes; see the class comment. */
  public static int countBytesShorts(byte[] s, short[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int gbad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i] & 0xFFFF;
      int k0 = SLACK + ((g0 & gm) << sh) + x0;
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1] & 0xFFFF;
      int k1 = SLACK + ((g1 & gm) << sh) + x1;
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2] & 0xFFFF;
      int k2 = SLACK + ((g2 & gm) << sh) + x2;
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3] & 0xFFFF;
      int k3 = SLACK + ((g3 & gm) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      int k = SLACK + ((g & gm) << sh) + x;
      bad |= x;
      gbad |= g;
      t0[k]++;
    }
    return (bad & ~sm) | (gbad & ~gm);
  }

  /** Takes back what {@code countBytesShorts} added for rows {@code from .. to - 1}. */
  public static void undoBytesShorts(byte[] s, short[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFFFF & gm) << sh) + x;
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of byte scores by shorts codes; see the class comment. */
  public static int weightedBytesShorts(byte[] s, short[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    int gbad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i] & 0xFFFF;
      int k0 = SLACK + ((g0 & gm) << sh) + x0;
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1] & 0xFFFF;
      int k1 = SLACK + ((g1 & gm) << sh) + x1;
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2] & 0xFFFF;
      int k2 = SLACK + ((g2 & gm) << sh) + x2;
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3] & 0xFFFF;
      int k3 = SLACK + ((g3 & gm) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      int k = SLACK + ((g & gm) << sh) + x;
      bad |= x;
      gbad |= g;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm) | (gbad & ~gm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of byte scores by ints codes; see the class comment. */
  public static int countBytesInts(byte[] s, int[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int gbad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i];
      int k0 = SLACK + ((g0 & gm) << sh) + x0;
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1];
      int k1 = SLACK + ((g1 & gm) << sh) + x1;
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2];
      int k2 = SLACK + ((g2 & gm) << sh) + x2;
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3];
      int k3 = SLACK + ((g3 & gm) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      int k = SLACK + ((g & gm) << sh) + x;
      bad |= x;
      gbad |= g;
      t0[k]++;
    }
    return (bad & ~sm) | (gbad & ~gm);
  }

  /** Takes back what {@code countBytesInts} added for rows {@code from .. to - 1}. */
  public static void undoBytesInts(byte[] s, int[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & gm) << sh) + x;
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of byte scores by ints codes; see the class comment. */
  public static int weightedBytesInts(byte[] s, int[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    int gbad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i];
      int k0 = SLACK + ((g0 & gm) << sh) + x0;
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1];
      int k1 = SLACK + ((g1 & gm) << sh) + x1;
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2];
      int k2 = SLACK + ((g2 & gm) << sh) + x2;
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3];
      int k3 = SLACK + ((g3 & gm) << sh) + x3;
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      int k = SLACK + ((g & gm) << sh) + x;
      bad |= x;
      gbad |= g;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm) | (gbad & ~gm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of byte scores by no codes; see the class comment. */
  public static int countBytesNone(byte[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + x0;
      int x1 = s[i + 1] - min;
      int k1 = SLACK + x1;
      int x2 = s[i + 2] - min;
      int k2 = SLACK + x2;
      int x3 = s[i + 3] - min;
      int k3 = SLACK + x3;
      bad |= x0 | x1 | x2 | x3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + x;
      bad |= x;
      t0[k]++;
    }
    return (bad & ~sm);
  }

  /** Takes back what {@code countBytesNone} added for rows {@code from .. to - 1}. */
  public static void undoBytesNone(byte[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + x;
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of byte scores by no codes; see the class comment. */
  public static int weightedBytesNone(byte[] s, byte[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + x0;
      int x1 = s[i + 1] - min;
      int k1 = SLACK + x1;
      int x2 = s[i + 2] - min;
      int k2 = SLACK + x2;
      int x3 = s[i + 3] - min;
      int k3 = SLACK + x3;
      bad |= x0 | x1 | x2 | x3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + x;
      bad |= x;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of int scores by bytes codes; see the class comment. */
  public static int countIntsBytes(int[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + ((c[i] & 0xFF) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int k1 = SLACK + ((c[i + 1] & 0xFF) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int k2 = SLACK + ((c[i + 2] & 0xFF) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int k3 = SLACK + ((c[i + 3] & 0xFF) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + (x & sm);
      bad |= x;
      t0[k]++;
    }
    return (bad & ~sm);
  }

  /** Takes back what {@code countIntsBytes} added for rows {@code from .. to - 1}. */
  public static void undoIntsBytes(int[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + (x & sm);
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of int scores by bytes codes; see the class comment. */
  public static int weightedIntsBytes(int[] s, byte[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + ((c[i] & 0xFF) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int k1 = SLACK + ((c[i + 1] & 0xFF) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int k2 = SLACK + ((c[i + 2] & 0xFF) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int k3 = SLACK + ((c[i + 3] & 0xFF) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFF) << sh) + (x & sm);
      bad |= x;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of int scores by shorts codes; see the class comment. */
  public static int countIntsShorts(int[] s, short[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int gbad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i] & 0xFFFF;
      int k0 = SLACK + ((g0 & gm) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1] & 0xFFFF;
      int k1 = SLACK + ((g1 & gm) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2] & 0xFFFF;
      int k2 = SLACK + ((g2 & gm) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3] & 0xFFFF;
      int k3 = SLACK + ((g3 & gm) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      int k = SLACK + ((g & gm) << sh) + (x & sm);
      bad |= x;
      gbad |= g;
      t0[k]++;
    }
    return (bad & ~sm) | (gbad & ~gm);
  }

  /** Takes back what {@code countIntsShorts} added for rows {@code from .. to - 1}. */
  public static void undoIntsShorts(int[] s, short[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & 0xFFFF & gm) << sh) + (x & sm);
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of int scores by shorts codes; see the class comment. */
  public static int weightedIntsShorts(int[] s, short[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    int gbad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i] & 0xFFFF;
      int k0 = SLACK + ((g0 & gm) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1] & 0xFFFF;
      int k1 = SLACK + ((g1 & gm) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2] & 0xFFFF;
      int k2 = SLACK + ((g2 & gm) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3] & 0xFFFF;
      int k3 = SLACK + ((g3 & gm) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i] & 0xFFFF;
      int k = SLACK + ((g & gm) << sh) + (x & sm);
      bad |= x;
      gbad |= g;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm) | (gbad & ~gm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of int scores by ints codes; see the class comment. */
  public static int countIntsInts(int[] s, int[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int gbad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i];
      int k0 = SLACK + ((g0 & gm) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1];
      int k1 = SLACK + ((g1 & gm) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2];
      int k2 = SLACK + ((g2 & gm) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3];
      int k3 = SLACK + ((g3 & gm) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      int k = SLACK + ((g & gm) << sh) + (x & sm);
      bad |= x;
      gbad |= g;
      t0[k]++;
    }
    return (bad & ~sm) | (gbad & ~gm);
  }

  /** Takes back what {@code countIntsInts} added for rows {@code from .. to - 1}. */
  public static void undoIntsInts(int[] s, int[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + ((c[i] & gm) << sh) + (x & sm);
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of int scores by ints codes; see the class comment. */
  public static int weightedIntsInts(int[] s, int[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    int gbad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int g0 = c[i];
      int k0 = SLACK + ((g0 & gm) << sh) + (x0 & sm);
      int x1 = s[i + 1] - min;
      int g1 = c[i + 1];
      int k1 = SLACK + ((g1 & gm) << sh) + (x1 & sm);
      int x2 = s[i + 2] - min;
      int g2 = c[i + 2];
      int k2 = SLACK + ((g2 & gm) << sh) + (x2 & sm);
      int x3 = s[i + 3] - min;
      int g3 = c[i + 3];
      int k3 = SLACK + ((g3 & gm) << sh) + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      gbad |= g0 | g1 | g2 | g3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int g = c[i];
      int k = SLACK + ((g & gm) << sh) + (x & sm);
      bad |= x;
      gbad |= g;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm) | (gbad & ~gm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

  /** Counts of int scores by no codes; see the class comment. */
  public static int countIntsNone(int[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int bad = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + (x0 & sm);
      int x1 = s[i + 1] - min;
      int k1 = SLACK + (x1 & sm);
      int x2 = s[i + 2] - min;
      int k2 = SLACK + (x2 & sm);
      int x3 = s[i + 3] - min;
      int k3 = SLACK + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      t0[k0]++;
      t1[k1]++;
      t2[k2]++;
      t3[k3]++;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + (x & sm);
      bad |= x;
      t0[k]++;
    }
    return (bad & ~sm);
  }

  /** Takes back what {@code countIntsNone} added for rows {@code from .. to - 1}. */
  public static void undoIntsNone(int[] s, byte[] c, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + (x & sm);
      int lane = i < unrolled ? (i - from) & 3 : 0;
      (lane == 0 ? t0 : lane == 1 ? t1 : lane == 2 ? t2 : t3)[k]--;
    }
  }

  /** Weighted counts of int scores by no codes; see the class comment. */
  public static int weightedIntsNone(int[] s, byte[] c, double[] w, int from, int to, int min, int sh,
      int sm, int gm, int[] t0, int[] t1, int[] t2, int[] t3,
      double[] d0, double[] d1, double[] d2, double[] d3) {
    int bad = 0;
    long wb = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int x0 = s[i] - min;
      int k0 = SLACK + (x0 & sm);
      int x1 = s[i + 1] - min;
      int k1 = SLACK + (x1 & sm);
      int x2 = s[i + 2] - min;
      int k2 = SLACK + (x2 & sm);
      int x3 = s[i + 3] - min;
      int k3 = SLACK + (x3 & sm);
      bad |= x0 | x1 | x2 | x3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      wb |= Double.doubleToRawLongBits(w0) | Double.doubleToRawLongBits(w1)
          | Double.doubleToRawLongBits(w2) | Double.doubleToRawLongBits(w3);
      t0[k0]++;
      d0[2 * k0] += w0;
      d0[2 * k0 + 1] += w0 * w0;
      t1[k1]++;
      d1[2 * k1] += w1;
      d1[2 * k1 + 1] += w1 * w1;
      t2[k2]++;
      d2[2 * k2] += w2;
      d2[2 * k2 + 1] += w2 * w2;
      t3[k3]++;
      d3[2 * k3] += w3;
      d3[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int x = s[i] - min;
      int k = SLACK + (x & sm);
      bad |= x;
      double v = w[i];
      wb |= Double.doubleToRawLongBits(v);
      t0[k]++;
      d0[2 * k] += v;
      d0[2 * k + 1] += v * v;
    }
    return (((bad & ~sm)) != 0 ? 1 : 0) | (wb < 0 ? 2 : 0);
  }

}
