package org.cx4j.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The grouped score counting kernels behind {@code org.cx4j.metrics.score.grouped}: passes over a
 * score column and a group-code column that count every (group, score) pair. Unsupported internal
 * API: exported for the benchmarks, left out of the Javadoc, and free to change in any release.
 *
 * <p><b>Blocks, checked first.</b> The caller walks the columns in blocks of {@value #BLOCK} rows.
 * Each block is first range-checked by a cheap OR pass ({@link #bytesOutside} and friends): on
 * {@code byte} columns eight values per {@code long} (SWAR: {@code word - min * ONES} has no borrow
 * when every byte is at least {@code min}, and then every byte must fit the mask), on the others
 * one OR per value, which C2 vectorizes. Then the block, now in the L1/L2 cache, is counted with no
 * check at all; that split measured about twice as fast on 10 million rows as checking inside the
 * counting loop, where the stores of the increments fill the out-of-order window and starve the
 * loads of the next rows. Values that pass the mask but lie beyond the scale ({@code max + 1 .. min
 * + 2^sh - 1}) or the groups ({@code groupCount .. 2^gbits - 1}) land in bins outside the scale or
 * the groups, which the caller checks are empty.
 *
 * <p><b>Table layout.</b> Row {@code (g, s)} increments {@code t[((g << sh) + s - min) << lb |
 * lane]}: {@code 2^sh} slots per group (the scale's points rounded up to a power of two) and {@code
 * 2^lb} interleaved lanes (4 or 1). Row {@code from + 4q + j} of the unrolled loop goes to lane
 * {@code j & lm} and the rows of the tail to lane 0, so that consecutive rows with the same group
 * and score do not wait for each other's increment (a store-to-load dependency through memory); on
 * skewed data (90% of rows in one bin) four lanes measured 1.6x faster than one. With many bins the
 * caller uses one lane: collisions are then rare and the table stays in the L1 cache. The loops are
 * unrolled by four, allocate nothing, and read the columns in counted loops whose bounds checks C2
 * hoists.
 *
 * <p><b>Weighted.</b> The {@code weighted*} kernels also add {@code w} and {@code w * w} to {@code
 * d[2k]} and {@code d[2k + 1]}; the caller folds each block into Neumaier-compensated totals, so
 * the plain sums run over at most one block.
 *
 * <p>Errors: the caller undoes what it counted ({@code undo*}, exact for counts, row for row the
 * lanes of the count) or drops the block (weighted), and names the first offender.
 *
 * <p>Generated code: the variants differ only in the array types (scores {@code byte}/{@code int};
 * codes {@code byte} and {@code short} read unsigned, {@code int}, or none for one group).
 */
public final class GroupedCounting {

  private GroupedCounting() {}

  /** Rows per block: checked, then counted while in the L1/L2 cache. A multiple of 4. */
  public static final int BLOCK = 16384;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;

  /**
   * Returns whether some {@code a[i] - min}, {@code from <= i < to}, is outside {@code 0 .. mask};
   * exact. Eight bytes per {@code long} when {@code 0 <= min} and {@code min + mask <= 127}: no
   * borrow crosses a byte unless a byte is below {@code min}, and then that byte has its bit 7 set;
   * a negative byte {@code b} (bit 7 set) gives {@code b - min > mask}.
   */
  public static boolean bytesOutside(byte[] a, int from, int to, int min, int mask) {
    int i = from;
    long bad = 0;
    if (min >= 0 && min + mask <= 127) {
      long sub = min * ONES;
      for (; i + 7 < to; i += 8) {
        bad |= (long) LONGS.get(a, i) - sub;
      }
      bad &= ~(mask * ONES);
    }
    int tail = 0;
    for (; i < to; i++) {
      tail |= a[i] - min;
    }
    return bad != 0 || (tail & ~mask) != 0;
  }

  /** Returns whether some unsigned byte {@code a[i] & 0xFF} is above {@code mask} (< 256). */
  public static boolean bytesAbove(byte[] a, int from, int to, int mask) {
    int i = from;
    long bad = 0;
    for (; i + 7 < to; i += 8) {
      bad |= (long) LONGS.get(a, i);
    }
    int tail = 0;
    for (; i < to; i++) {
      tail |= a[i] & 0xFF;
    }
    return (bad & ~(mask * ONES)) != 0 || (tail & ~mask) != 0;
  }

  /** Returns whether some unsigned short {@code a[i] & 0xFFFF} has bits outside {@code mask}. */
  public static boolean shortsAbove(short[] a, int from, int to, int mask) {
    int bad = 0;
    for (int i = from; i < to; i++) {
      bad |= a[i];
    }
    return (bad & 0xFFFF & ~mask) != 0;
  }

  /** Returns whether some {@code a[i] - min} is outside {@code 0 .. mask} ({@code 2^k - 1}). */
  public static boolean intsOutside(int[] a, int from, int to, int min, int mask) {
    int bad = 0;
    for (int i = from; i < to; i++) {
      bad |= a[i] - min;
    }
    return (bad & ~mask) != 0;
  }

  /**
   * Checks rows {@code from .. to - 1} of byte scores and byte codes and packs each row into one
   * byte {@code (g << sh) | (s - min)} of {@code p[0 .. to - from)}, eight rows per {@code long}
   * (SWAR): {@code x = S - min * ONES} (no borrow while every score is at least {@code min}) and
   * {@code (C << sh) | x}, which stays within each byte while every code is at most {@code gm} and
   * {@code (gm + 1) << sh <= 256}. Requires {@code 0 <= min} and {@code min + sm <= 127} (see
   * {@link #bytesOutside}). Returns whether some score minus {@code min} is outside {@code 0 .. sm}
   * or some code above {@code gm} (exact); {@code p} is then meaningless.
   */
  public static boolean packBytes(
      byte[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, byte[] p) {
    long sub = min * ONES;
    long bad = 0;
    long gbad = 0;
    int i = from;
    int o = 0;
    for (; i + 7 < to; i += 8, o += 8) {
      long x = (long) LONGS.get(s, i) - sub;
      long g = (long) LONGS.get(c, i);
      bad |= x;
      gbad |= g;
      LONGS.set(p, o, (g << sh) | x);
    }
    bad = (bad & ~(sm * ONES)) | (gbad & ~(gm * ONES));
    int tail = 0;
    int gtail = 0;
    for (; i < to; i++, o++) {
      int x = s[i] - min;
      int g = c[i] & 0xFF;
      tail |= x;
      gtail |= g;
      p[o] = (byte) ((g << sh) | x);
    }
    return bad != 0 || (tail & ~sm) != 0 || (gtail & ~gm) != 0;
  }

  /**
   * Counts the packed rows {@code p[0 .. n)} into four interleaved lanes: {@code t[(p[i] & 0xFF) <<
   * 2 | lane]}, the layout of the other kernels with {@code lb = 2}.
   */
  public static void countPacked(byte[] p, int n, int[] t) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      t[(p[i] & 0xFF) << 2]++;
      t[(p[i + 1] & 0xFF) << 2 | 1]++;
      t[(p[i + 2] & 0xFF) << 2 | 2]++;
      t[(p[i + 3] & 0xFF) << 2 | 3]++;
    }
    for (; i < n; i++) {
      t[(p[i] & 0xFF) << 2]++;
    }
  }

  /**
   * {@link #countPacked}, adding {@code w[from + i]} and its square to {@code d[2k], d[2k+1]};
   * returns whether some weight has its sign bit set (as {@link #signSet}, here in the same pass: a
   * separate pass first read the weights from memory, a fifth of the weighted kernel's time).
   */
  public static boolean weightedPacked(byte[] p, int n, double[] w, int from, int[] t, double[] d) {
    long bits = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      int k0 = (p[i] & 0xFF) << 2;
      int k1 = (p[i + 1] & 0xFF) << 2 | 1;
      int k2 = (p[i + 2] & 0xFF) << 2 | 2;
      int k3 = (p[i + 3] & 0xFF) << 2 | 3;
      double w0 = w[from + i];
      double w1 = w[from + i + 1];
      double w2 = w[from + i + 2];
      double w3 = w[from + i + 3];
      bits |=
          Double.doubleToRawLongBits(w0)
              | Double.doubleToRawLongBits(w1)
              | Double.doubleToRawLongBits(w2)
              | Double.doubleToRawLongBits(w3);
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < n; i++) {
      int k = (p[i] & 0xFF) << 2;
      double v = w[from + i];
      bits |= Double.doubleToRawLongBits(v);
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
    return bits < 0;
  }

  /** Returns whether some weight has its sign bit set (negative, -0.0, or a negative NaN). */
  public static boolean signSet(double[] w, int from, int to) {
    long bits = 0;
    for (int i = from; i < to; i++) {
      bits |= Double.doubleToRawLongBits(w[i]);
    }
    return bits < 0;
  }

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
   * for {@code y} in 0..15, {@code y * FIELDS + NPS_KEY} puts {@code y + 32 - t} in three 10-bit
   * fields, whose bit 5 is {@code y >= t}. {@code ((y >>> 4) + 0x0FFFFFFF) >>> 28} is 1 exactly
   * when {@code y} is outside 0..15, and is OR-ed into the third field, so the third count is 0
   * exactly when every score is in 0..10. A score outside 0..15 makes the other two fields
   * meaningless, but each field still gains at most 1 per score, so no field overflows within a
   * block of 1023.
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

  /** Counts byte scores by byte codes; see the class comment. */
  public static void countBytesBytes(
      byte[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /**
   * {@code countBytesBytes} for one lane ({@code lb = 0}), for rows already checked. When {@code 0
   * <= min} and {@code min + sm <= 127}, eight rows per iteration from one {@code long} of scores
   * and one of codes, {@code x = S - min * ONES} (no borrow, as the rows passed {@link
   * #bytesOutside}); each index is masked by {@code gm} and {@code sm}, which changes no checked
   * row and keeps every index within {@code t}'s {@code (gm + 1) << sh} bins. Measured 1.14x faster
   * than a byte at a time (256 groups, NPS, 10 million rows, AMD EPYC); sign-extending each byte
   * instead of subtracting {@code min} from the word measured slower than a byte at a time.
   */
  public static void countBytesBytesOneLane(
      byte[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int[] t) {
    int i = from;
    if (min >= 0 && min + sm <= 127) {
      final long sub = min * ONES;
      for (; i + 7 < to; i += 8) {
        long x = (long) LONGS.get(s, i) - sub;
        long g = (long) LONGS.get(c, i);
        t[((int) g & gm) << sh | ((int) x & sm)]++;
        t[((int) (g >>> 8) & gm) << sh | ((int) (x >>> 8) & sm)]++;
        t[((int) (g >>> 16) & gm) << sh | ((int) (x >>> 16) & sm)]++;
        t[((int) (g >>> 24) & gm) << sh | ((int) (x >>> 24) & sm)]++;
        t[((int) (g >>> 32) & gm) << sh | ((int) (x >>> 32) & sm)]++;
        t[((int) (g >>> 40) & gm) << sh | ((int) (x >>> 40) & sm)]++;
        t[((int) (g >>> 48) & gm) << sh | ((int) (x >>> 48) & sm)]++;
        t[((int) (g >>> 56) & gm) << sh | ((int) (x >>> 56) & sm)]++;
      }
    } else {
      for (; i + 3 < to; i += 4) {
        t[(((c[i] & 0xFF) << sh) + (s[i] - min))]++;
        t[(((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min))]++;
        t[(((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min))]++;
        t[(((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min))]++;
      }
    }
    for (; i < to; i++) {
      t[(((c[i] & 0xFF) << sh) + (s[i] - min))]++;
    }
  }

  /** Most bits of a packed row ({@code (g << sh) | (s - min)}) that {@link #countPairs} takes. */
  public static final int PAIR_MAX_BITS = 7;

  /**
   * Counts byte scores by byte codes in pairs of rows: rows {@code 2q} and {@code 2q + 1} (from
   * {@code from}), packed as in {@link #packBytes} into {@code pb} bits each ({@code (gm + 1) << sh
   * == 1 << pb}), increment {@code pairs[p0 | p1 << pb]}, a table of {@code 2^(2 pb)} bins (64 KB
   * for 8 groups on an 11-point scale). One increment per two rows instead of one per row, straight
   * from one {@code long} of scores and one of codes (eight rows): measured 1.24x faster than
   * {@link #packBytes} and {@link #countPacked} (8 groups, NPS, 10 million rows, AMD EPYC).
   * Consecutive pairs rarely share a bin (with 88 valid rows there are 7,744 valid pairs), so one
   * lane serves. Every index is masked into the table, whatever the bytes; the caller folds the
   * table into row counts, which it checks for bins outside the scale and the groups.
   *
   * <p>Requires {@code (to - from) % 8 == 0}, {@code 0 <= min}, {@code min + sm <= 127} and {@code
   * pb <= }{@value #PAIR_MAX_BITS}. Returns whether some score minus {@code min} is outside {@code
   * 0 .. sm} or some code above {@code gm} (exact); the table is then meaningless.
   */
  public static boolean countPairs(
      byte[] s, byte[] c, int from, int to, int min, int sh, int sm, int gm, int pb, int[] pairs) {
    final long sub = min * ONES;
    final int m = (1 << pb) - 1;
    final int high = m << pb;
    final int down = 8 - pb;
    long bad = 0;
    long gbad = 0;
    for (int i = from; i < to; i += 8) {
      long x = (long) LONGS.get(s, i) - sub;
      long g = (long) LONGS.get(c, i);
      bad |= x;
      gbad |= g;
      long p = (g << sh) | x;
      pairs[((int) p & m) | ((int) (p >>> down) & high)]++;
      pairs[((int) (p >>> 16) & m) | ((int) (p >>> (16 + down)) & high)]++;
      pairs[((int) (p >>> 32) & m) | ((int) (p >>> (32 + down)) & high)]++;
      pairs[((int) (p >>> 48) & m) | ((int) (p >>> (48 + down)) & high)]++;
    }
    return ((bad & ~(sm * ONES)) | (gbad & ~(gm * ONES))) != 0;
  }

  /** Takes back what {@code countBytesBytes} added for rows {@code from .. to - 1}. */
  public static void undoBytesBytes(
      byte[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(((c[i] & 0xFF) << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of byte scores by byte codes; see the class comment. */
  public static void weightedBytesBytes(
      byte[] s,
      byte[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts byte scores by short codes; see the class comment. */
  public static void countBytesShorts(
      byte[] s, short[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /** {@code countBytesShorts} for one lane ({@code lb = 0}): no lane arithmetic. */
  public static void countBytesShortsOneLane(
      byte[] s, short[] c, int from, int to, int min, int sh, int[] t) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min))]++;
      t[(((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min))]++;
      t[(((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min))]++;
      t[(((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min))]++;
    }
    for (; i < to; i++) {
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min))]++;
    }
  }

  /** Takes back what {@code countBytesShorts} added for rows {@code from .. to - 1}. */
  public static void undoBytesShorts(
      byte[] s, short[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of byte scores by short codes; see the class comment. */
  public static void weightedBytesShorts(
      byte[] s,
      short[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts byte scores by int codes; see the class comment. */
  public static void countBytesInts(
      byte[] s, int[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = ((c[i] << sh) + (s[i] - min)) << lb;
      int k1 = ((c[i + 1] << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = ((c[i + 2] << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = ((c[i + 3] << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = ((c[i] << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /** {@code countBytesInts} for one lane ({@code lb = 0}): no lane arithmetic. */
  public static void countBytesIntsOneLane(
      byte[] s, int[] c, int from, int to, int min, int sh, int[] t) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      t[((c[i] << sh) + (s[i] - min))]++;
      t[((c[i + 1] << sh) + (s[i + 1] - min))]++;
      t[((c[i + 2] << sh) + (s[i + 2] - min))]++;
      t[((c[i + 3] << sh) + (s[i + 3] - min))]++;
    }
    for (; i < to; i++) {
      t[((c[i] << sh) + (s[i] - min))]++;
    }
  }

  /** Takes back what {@code countBytesInts} added for rows {@code from .. to - 1}. */
  public static void undoBytesInts(
      byte[] s, int[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[((c[i] << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of byte scores by int codes; see the class comment. */
  public static void weightedBytesInts(
      byte[] s,
      int[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = ((c[i] << sh) + (s[i] - min)) << lb;
      int k1 = ((c[i + 1] << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = ((c[i + 2] << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = ((c[i + 3] << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = ((c[i] << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts byte scores by no codes (one group); see the class comment. */
  public static void countBytesNone(
      byte[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (s[i] - min) << lb;
      int k1 = (s[i + 1] - min) << lb | l1;
      int k2 = (s[i + 2] - min) << lb | l2;
      int k3 = (s[i + 3] - min) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (s[i] - min) << lb;
      t[k]++;
    }
  }

  /** Takes back what {@code countBytesNone} added for rows {@code from .. to - 1}. */
  public static void undoBytesNone(
      byte[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(s[i] - min) << lb | lane]--;
    }
  }

  /** Adds the weights of byte scores by no codes (one group); see the class comment. */
  public static void weightedBytesNone(
      byte[] s,
      byte[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (s[i] - min) << lb;
      int k1 = (s[i + 1] - min) << lb | l1;
      int k2 = (s[i + 2] - min) << lb | l2;
      int k3 = (s[i + 3] - min) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (s[i] - min) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts int scores by byte codes; see the class comment. */
  public static void countIntsBytes(
      int[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /** {@code countIntsBytes} for one lane ({@code lb = 0}): no lane arithmetic. */
  public static void countIntsBytesOneLane(
      int[] s, byte[] c, int from, int to, int min, int sh, int[] t) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      t[(((c[i] & 0xFF) << sh) + (s[i] - min))]++;
      t[(((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min))]++;
      t[(((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min))]++;
      t[(((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min))]++;
    }
    for (; i < to; i++) {
      t[(((c[i] & 0xFF) << sh) + (s[i] - min))]++;
    }
  }

  /** Takes back what {@code countIntsBytes} added for rows {@code from .. to - 1}. */
  public static void undoIntsBytes(
      int[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(((c[i] & 0xFF) << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of int scores by byte codes; see the class comment. */
  public static void weightedIntsBytes(
      int[] s,
      byte[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFF) << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFF) << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts int scores by short codes; see the class comment. */
  public static void countIntsShorts(
      int[] s, short[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /** {@code countIntsShorts} for one lane ({@code lb = 0}): no lane arithmetic. */
  public static void countIntsShortsOneLane(
      int[] s, short[] c, int from, int to, int min, int sh, int[] t) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min))]++;
      t[(((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min))]++;
      t[(((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min))]++;
      t[(((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min))]++;
    }
    for (; i < to; i++) {
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min))]++;
    }
  }

  /** Takes back what {@code countIntsShorts} added for rows {@code from .. to - 1}. */
  public static void undoIntsShorts(
      int[] s, short[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of int scores by short codes; see the class comment. */
  public static void weightedIntsShorts(
      int[] s,
      short[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      int k1 = (((c[i + 1] & 0xFFFF) << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = (((c[i + 2] & 0xFFFF) << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = (((c[i + 3] & 0xFFFF) << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (((c[i] & 0xFFFF) << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts int scores by int codes; see the class comment. */
  public static void countIntsInts(
      int[] s, int[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = ((c[i] << sh) + (s[i] - min)) << lb;
      int k1 = ((c[i + 1] << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = ((c[i + 2] << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = ((c[i + 3] << sh) + (s[i + 3] - min)) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = ((c[i] << sh) + (s[i] - min)) << lb;
      t[k]++;
    }
  }

  /** {@code countIntsInts} for one lane ({@code lb = 0}): no lane arithmetic. */
  public static void countIntsIntsOneLane(
      int[] s, int[] c, int from, int to, int min, int sh, int[] t) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      t[((c[i] << sh) + (s[i] - min))]++;
      t[((c[i + 1] << sh) + (s[i + 1] - min))]++;
      t[((c[i + 2] << sh) + (s[i + 2] - min))]++;
      t[((c[i + 3] << sh) + (s[i + 3] - min))]++;
    }
    for (; i < to; i++) {
      t[((c[i] << sh) + (s[i] - min))]++;
    }
  }

  /** Takes back what {@code countIntsInts} added for rows {@code from .. to - 1}. */
  public static void undoIntsInts(
      int[] s, int[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[((c[i] << sh) + (s[i] - min)) << lb | lane]--;
    }
  }

  /** Adds the weights of int scores by int codes; see the class comment. */
  public static void weightedIntsInts(
      int[] s,
      int[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = ((c[i] << sh) + (s[i] - min)) << lb;
      int k1 = ((c[i + 1] << sh) + (s[i + 1] - min)) << lb | l1;
      int k2 = ((c[i + 2] << sh) + (s[i + 2] - min)) << lb | l2;
      int k3 = ((c[i + 3] << sh) + (s[i + 3] - min)) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = ((c[i] << sh) + (s[i] - min)) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }

  /** Counts int scores by no codes (one group); see the class comment. */
  public static void countIntsNone(
      int[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (s[i] - min) << lb;
      int k1 = (s[i + 1] - min) << lb | l1;
      int k2 = (s[i + 2] - min) << lb | l2;
      int k3 = (s[i + 3] - min) << lb | l3;
      t[k0]++;
      t[k1]++;
      t[k2]++;
      t[k3]++;
    }
    for (; i < to; i++) {
      int k = (s[i] - min) << lb;
      t[k]++;
    }
  }

  /** Takes back what {@code countIntsNone} added for rows {@code from .. to - 1}. */
  public static void undoIntsNone(
      int[] s, byte[] c, int from, int to, int min, int sh, int lb, int lm, int[] t) {
    int unrolled = from + ((to - from) & ~3);
    for (int i = from; i < to; i++) {
      int lane = i < unrolled ? (i - from) & lm : 0;
      t[(s[i] - min) << lb | lane]--;
    }
  }

  /** Adds the weights of int scores by no codes (one group); see the class comment. */
  public static void weightedIntsNone(
      int[] s,
      byte[] c,
      double[] w,
      int from,
      int to,
      int min,
      int sh,
      int lb,
      int lm,
      int[] t,
      double[] d) {
    final int l1 = 1 & lm;
    final int l2 = 2 & lm;
    final int l3 = 3 & lm;
    int i = from;
    for (; i + 3 < to; i += 4) {
      int k0 = (s[i] - min) << lb;
      int k1 = (s[i + 1] - min) << lb | l1;
      int k2 = (s[i + 2] - min) << lb | l2;
      int k3 = (s[i + 3] - min) << lb | l3;
      double w0 = w[i];
      double w1 = w[i + 1];
      double w2 = w[i + 2];
      double w3 = w[i + 3];
      t[k0]++;
      d[2 * k0] += w0;
      d[2 * k0 + 1] += w0 * w0;
      t[k1]++;
      d[2 * k1] += w1;
      d[2 * k1 + 1] += w1 * w1;
      t[k2]++;
      d[2 * k2] += w2;
      d[2 * k2 + 1] += w2 * w2;
      t[k3]++;
      d[2 * k3] += w3;
      d[2 * k3 + 1] += w3 * w3;
    }
    for (; i < to; i++) {
      int k = (s[i] - min) << lb;
      double v = w[i];
      t[k]++;
      d[2 * k] += v;
      d[2 * k + 1] += v * v;
    }
  }
}
