package org.cx4j.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.cx4j.core.feedback.Scale;

/**
 * The one-shot hot loops: score histograms over primitive arrays, in one pass, with the range check
 * folded into the same pass; measured in {@code cx-benchmarks} ({@code
 * org.cx4j.benchmarks.scores}). Unsupported internal API (moved here from {@code
 * org.cx4j.metrics.score.impl}): exported for the benchmarks, left out of the Javadoc, and free to
 * change in any release.
 */
public final class Counting {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  private Counting() {}

  /**
   * Returns the histogram of {@code scores} on {@code scale}: {@code counts[s - min]}.
   *
   * <p>Scales of up to {@value #FIELDS_MAX_POINTS} points, on at least {@value #FIELDS_MIN_LENGTH}
   * scores, count thresholds in packed fields with loops that C2 vectorizes (see {@link
   * #histogramFields}); shorter arrays, where that method's fixed setup cost shows, and scales of
   * up to 16 points count pairs of scores (see {@link #histogramPairs}). Larger scales use four
   * independent count arrays, which break the store-to-load dependency when consecutive scores are
   * equal. Every array has the constant length 128 and the index is {@code (s - min) & 127}, so the
   * JIT can drop the bounds checks and an invalid score cannot throw inside the loop. The range
   * check costs one OR per score: {@code (s - min)} OR-reduced has bits above 127 (or the sign bit)
   * if any score is below {@code min} or more than 127 above it, and scores between {@code max + 1}
   * and {@code min + 127} land in bins above the scale that must stay empty. A second pass then
   * finds and names the first offender.
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}
   */
  public static long[] histogram(int[] scores, Scale scale) {
    final int min = scale.min();
    final int span = scale.max() - min; // at most 100 (Scale.MAX_POINTS)
    if (span < FIELDS_MAX_POINTS && scores.length >= FIELDS_MIN_LENGTH) {
      return histogramFields(scores, scale);
    }
    if (span <= 15) {
      return pairs(scores, scale);
    }
    final int[] c0 = new int[128]; // int is safe: each array sees at most 2^29 scores
    final int[] c1 = new int[128];
    final int[] c2 = new int[128];
    final int[] c3 = new int[128];
    final int n = scores.length;
    int bad = singleLoop(scores, min, c0, c1, c2, c3);
    for (int i = n & ~3; i < n; i++) {
      int x = scores[i] - min;
      bad |= x;
      c0[x & 127]++;
    }
    long[] counts = new long[span + 1];
    for (int k = 0; k < 128; k++) {
      long c = (long) c0[k] + c1[k] + c2[k] + c3[k];
      if (k <= span) {
        counts[k] = c;
      } else if (c != 0) {
        bad = -1;
      }
    }
    if ((bad & ~127) != 0) {
      throw outside(scores, scale);
    }
    return counts;
  }

  /**
   * Returns the histogram of {@code scores} on {@code scale} by counting pairs of scores, the route
   * of {@link #histogram(int[], Scale)} for arrays shorter than {@link #FIELDS_MIN_LENGTH}; public
   * so that {@code cx-benchmarks} can compare it with {@link #histogramFields}.
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}, or if the scale
   *     has more than 16 points
   */
  public static long[] histogramPairs(int[] scores, Scale scale) {
    if (scale.max() - scale.min() > 15) {
      throw new IllegalArgumentException("scale must have at most 16 points, got " + scale);
    }
    return pairs(scores, scale);
  }

  /**
   * The {@code int[]} histogram for scales of up to 16 points (every survey scale in practice): two
   * scores {@code a, b} (minus {@code min}) index a 256-bin histogram of pairs as {@code a | b <<
   * 4}, so there is one store per two scores, into two independent arrays; this measured faster
   * than one store per score (best of 50 runs of 10 million NPS scores: 1.5x the plain sum against
   * 1.6x). The range check is one OR per score: every {@code s - min} must be below 16, and the
   * pair bins holding a value between {@code max - min + 1} and 15 must stay empty.
   */
  private static long[] pairs(int[] scores, Scale scale) {
    // On scales within 0..15 (the usual ones) the raw scores index the pairs, which saves a
    // subtraction per score that measured about 30% of the loop's time; bins below min then
    // stay empty like those above max.
    final int min = scale.min() >= 0 && scale.max() <= 15 ? 0 : scale.min();
    final int lo = scale.min() - min;
    final int hi = scale.max() - min;
    final int[] c0 = new int[256]; // int is safe: each array sees at most 2^29 pairs
    final int[] c1 = new int[256];
    final int n = scores.length;
    int bad = min == 0 ? pairLoop(scores, c0, c1) : pairLoop(scores, min, c0, c1);
    int i = n & ~3;
    long[] counts = new long[hi - lo + 1];
    boolean invalid = (bad & ~15) != 0;
    for (int k = 0; k < 256 && !invalid; k++) {
      long c = (long) c0[k] + c1[k];
      if (c == 0) {
        continue;
      }
      int a = k & 15;
      int b = k >>> 4;
      if (a < lo || a > hi || b < lo || b > hi) {
        invalid = true;
      } else {
        counts[a - lo] += c;
        counts[b - lo] += c;
      }
    }
    for (; i < n && !invalid; i++) {
      int x = scores[i] - min;
      if (x < lo || x > hi) {
        invalid = true;
      } else {
        counts[x - lo]++;
      }
    }
    if (invalid) {
      throw outside(scores, scale);
    }
    return counts;
  }

  // ------------------------------------------------------------------ int[]: packed threshold
  // fields

  /**
   * Scores per block in {@link #histogramFields}: the lanes of its field accumulators, one score
   * per lane per block. 256 measured faster than 64, 128, 512 or 1024: the copy of a block and the
   * work on it alternate, and smaller blocks keep the memory stream busier.
   */
  public static final int LANES = 256;

  /** Blocks between flushes: a 6-bit field holds at most 63 counts. */
  private static final int ROUNDS = 63;

  /** Five 6-bit fields per int: bit 0 of each field. */
  private static final int FIELD_ONES = 1 | 1 << 6 | 1 << 12 | 1 << 18 | 1 << 24;

  /** The sticky out-of-range bit of a field accumulator (above the five fields). */
  private static final int STICKY = 0x80000000;

  /** Largest scale (in points) counted by {@link #histogramFields}: three accumulators of five. */
  public static final int FIELDS_MAX_POINTS = 16;

  /**
   * Shortest array counted by {@link #histogramFields} in {@link #histogram(int[], Scale)}: below
   * it, the fixed cost of that method (up to 19 KB of zeroed buffers and a final reduction over all
   * lanes) outweighs its faster loop. Measured crossover against the pair histogram, on arrays in
   * cache: about 2,000 scores on a 5-point scale, about 6,000 on NPS.
   */
  public static final int FIELDS_MIN_LENGTH = 32 * LANES;

  /**
   * The {@code int[]} histogram for scales of up to {@value #FIELDS_MAX_POINTS} points, shaped for
   * what C2's superword pass on JDK 17 does vectorize: element-wise int arithmetic between arrays
   * indexed alike. (It does not vectorize the scatter {@code c[x]++}, conditional moves, per-lane
   * variable shifts, or mixed int/long arithmetic, and its add reductions reduce across the vector
   * on every iteration, which costs more than the scalar loop once a loop has two.)
   *
   * <p>With {@code y = s - min} and {@code span = max - min}, the counts {@code ge[t] = #{y >= t}}
   * for {@code t = 1 .. span} give the histogram by difference ({@code ge[0] = n}). One int holds
   * five 6-bit fields; field {@code f} of accumulator {@code g} counts threshold {@code t = 5g + f
   * + 1}. Per score, {@code v = s * FIELD_ONES + key_g} puts {@code y + 32 - t} in every field
   * ({@code min} is folded into the key); that lies in 16..46 for {@code 0 <= y <= 15} and {@code 1
   * <= t <= 16}, so no field carries into the next, and its bit 5 is {@code y >= t}. Thus {@code
   * ((v >>> 5) & FIELD_ONES)} is five threshold indicators, added to the accumulator with one
   * vector add: 2 accumulators for NPS (11 points), 1 for a 5- or 6-point scale.
   *
   * <p>The accumulators are arrays of {@value #LANES} lanes, one score per lane per block, and each
   * block is first copied into a scratch array with {@code System.arraycopy}: C2 vectorizes {@code
   * acc[j] += f(block[j])} but not {@code acc[j] += f(scores[from + j])}, because it must assume
   * that {@code scores} and {@code acc} may be the same array and cannot compare the two index
   * expressions. Each threshold accumulator is its own loop over the block, which stays in L1;
   * fusing them measured no faster and is less certain to vectorize. Every {@value #ROUNDS} blocks
   * the 6-bit fields are flushed, lane by lane, into int lanes of their own (again element-wise, so
   * vectorized), which are summed into longs once at the end.
   *
   * <p>The range check is folded into the last accumulator: {@code (y | (span - y))} has its sign
   * bit set exactly when {@code y} is outside {@code 0..span}, and is OR-ed into bit 31, which the
   * fields (bits 0..29, at most 63 each) never reach. An out-of-range score makes that block's
   * fields meaningless but cannot hide the sticky bit; the method then rescans for the first
   * offender.
   *
   * <p>Measured in {@code cx-benchmarks} ({@code OneShotScoresBenchmark}, {@code
   * IntHistogramBenchmark}).
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}, or if the scale
   *     has more than {@value #FIELDS_MAX_POINTS} points
   */
  public static long[] histogramFields(int[] scores, Scale scale) {
    final int min = scale.min();
    final int max = scale.max();
    final int span = max - min;
    if (span >= FIELDS_MAX_POINTS) {
      throw new IllegalArgumentException(
          "scale must have at most " + FIELDS_MAX_POINTS + " points, got " + scale);
    }
    final int accumulators = Math.max(1, (span + 4) / 5);
    final int key0 = fieldKey(1, span, min);
    final int key1 = fieldKey(6, span, min);
    final int key2 = fieldKey(11, span, min);
    final int[] block = new int[LANES];
    // The 6-bit field accumulators, LANES lanes each, and for each five int lanes for the flushed
    // fields (at most 63 per flush, and n / (63 * LANES) flushes: no overflow). Separate arrays,
    // all indexed by j alone: see the loops below.
    final int[] acc0 = new int[LANES];
    final int[] acc1 = accumulators > 1 ? new int[LANES] : acc0;
    final int[] acc2 = accumulators > 2 ? new int[LANES] : acc0;
    final int[][] wide = new int[accumulators][5 * LANES];
    final int[] last = accumulators == 1 ? acc0 : accumulators == 2 ? acc1 : acc2;
    final int n = scores.length;
    final int full = n - n % LANES;
    int rounds = 0;
    boolean invalid = false;
    for (int from = 0; from < full; from += LANES) {
      System.arraycopy(scores, from, block, 0, LANES);
      if (accumulators == 1) {
        fieldsChecked(block, acc0, key0, min, max);
      } else if (accumulators == 2) {
        fields(block, acc0, key0);
        fieldsChecked(block, acc1, key1, min, max);
      } else {
        fields(block, acc0, key0);
        fields(block, acc1, key1);
        fieldsChecked(block, acc2, key2, min, max);
      }
      if (++rounds == ROUNDS || from + LANES == full) {
        rounds = 0;
        if (sticky(last)) {
          invalid = true;
          break;
        }
        flush(acc0, wide[0]);
        if (accumulators > 1) {
          flush(acc1, wide[1]);
        }
        if (accumulators > 2) {
          flush(acc2, wide[2]);
        }
      }
    }
    long[] counts = new long[span + 1];
    if (!invalid) {
      // ge[t] for t = 1 .. span, from the wide lanes; then the tail, one score at a time.
      long[] ge = new long[span + 2];
      ge[0] = full;
      for (int t = 1; t <= span; t++) {
        int[] lanes = wide[(t - 1) / 5];
        int base = (t - 1) % 5 * LANES;
        long sum = 0;
        for (int j = 0; j < LANES; j++) {
          sum += lanes[base + j];
        }
        ge[t] = sum;
      }
      for (int t = 0; t < span; t++) {
        counts[t] = ge[t] - ge[t + 1];
      }
      counts[span] = ge[span];
      for (int i = full; i < n; i++) {
        int y = scores[i] - min;
        if (y < 0 || y > span) {
          invalid = true;
          break;
        }
        counts[y]++;
      }
    }
    if (invalid) {
      throw outside(scores, scale);
    }
    return counts;
  }

  /**
   * Returns the key of the accumulator whose five fields count thresholds {@code first .. first +
   * 4}: field {@code f} holds {@code 32 - t} (so that {@code y + 32 - t} has bit 5 set exactly when
   * {@code y >= t}), less {@code min} in every field. Thresholds above {@code span} get {@code t =
   * 16}, which no valid {@code y} reaches; their fields stay zero.
   */
  private static int fieldKey(int first, int span, int min) {
    int key = 0;
    for (int f = 0; f < 5; f++) {
      int t = first + f <= span ? first + f : 16;
      key |= (32 - t) << (6 * f);
    }
    return key
        - min * FIELD_ONES; // (s - min) * FIELD_ONES + k == s * FIELD_ONES + (k - min * FIELD_ONES)
  }

  // The loops below are element-wise over arrays all indexed by j alone, or at constant offsets
  // from j into one array, with the constant trip count LANES: this is what C2 of JDK 17
  // vectorizes. (Two arrays of the same type indexed j and at + j with a variable at it cannot
  // prove apart, and then it does not vectorize.)

  private static void fields(int[] block, int[] acc, int key) {
    for (int j = 0; j < LANES; j++) {
      acc[j] += ((block[j] * FIELD_ONES + key) >>> 5) & FIELD_ONES;
    }
  }

  private static void fieldsChecked(int[] block, int[] acc, int key, int min, int max) {
    for (int j = 0; j < LANES; j++) {
      int s = block[j];
      acc[j] =
          (acc[j] + (((s * FIELD_ONES + key) >>> 5) & FIELD_ONES))
              | ((s - min) | (max - s)) & STICKY;
    }
  }

  /** Returns whether any lane of {@code acc} has its sticky bit set. */
  private static boolean sticky(int[] acc) {
    // Scalar on purpose (once per 63 blocks, and a loop with an early exit is not vectorized): an
    // int OR reduction next to other vector work made C2 of JDK 17.0.15 crash (TypeVect::xmeet)
    // in an experimental version of the flush.
    for (int j = 0; j < LANES; j++) {
      if (acc[j] < 0) {
        return true;
      }
    }
    return false;
  }

  /** Moves the five 6-bit fields of each lane of {@code acc} into {@code wide}, and clears it. */
  private static void flush(int[] acc, int[] wide) {
    for (int j = 0; j < LANES; j++) {
      int v = acc[j];
      wide[j] += v & 63;
      wide[LANES + j] += (v >>> 6) & 63;
      wide[2 * LANES + j] += (v >>> 12) & 63;
      wide[3 * LANES + j] += (v >>> 18) & 63;
      wide[4 * LANES + j] += (v >>> 24) & 63;
      acc[j] = 0;
    }
  }

  // The hot loops live in small methods of their own: the JIT compiled them measurably better
  // there (1.5x the plain sum instead of 2.4x for the same loop inlined in a larger method).

  private static int singleLoop(int[] scores, int min, int[] c0, int[] c1, int[] c2, int[] c3) {
    int bad = 0;
    int n = scores.length;
    for (int i = 0; i + 3 < n; i += 4) {
      int x0 = scores[i] - min;
      int x1 = scores[i + 1] - min;
      int x2 = scores[i + 2] - min;
      int x3 = scores[i + 3] - min;
      bad |= x0 | x1 | x2 | x3;
      c0[x0 & 127]++;
      c1[x1 & 127]++;
      c2[x2 & 127]++;
      c3[x3 & 127]++;
    }
    return bad;
  }

  private static int pairLoop(int[] scores, int[] c0, int[] c1) {
    // Sixteen scores per iteration: besides unrolling, this keeps the method above the JIT's
    // inlining limit (FreqInlineSize, 325 bytes), and the loop measured 2x faster compiled on
    // its own than inlined into its caller.
    int bad = 0;
    int n = scores.length;
    int i = 0;
    for (; i + 15 < n; i += 16) {
      int x0 = scores[i];
      int x1 = scores[i + 1];
      int x2 = scores[i + 2];
      int x3 = scores[i + 3];
      int x4 = scores[i + 4];
      int x5 = scores[i + 5];
      int x6 = scores[i + 6];
      int x7 = scores[i + 7];
      int x8 = scores[i + 8];
      int x9 = scores[i + 9];
      int x10 = scores[i + 10];
      int x11 = scores[i + 11];
      int x12 = scores[i + 12];
      int x13 = scores[i + 13];
      int x14 = scores[i + 14];
      int x15 = scores[i + 15];
      bad |= x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7;
      bad |= x8 | x9 | x10 | x11 | x12 | x13 | x14 | x15;
      c0[(x0 | (x1 << 4)) & 255]++;
      c1[(x2 | (x3 << 4)) & 255]++;
      c0[(x4 | (x5 << 4)) & 255]++;
      c1[(x6 | (x7 << 4)) & 255]++;
      c0[(x8 | (x9 << 4)) & 255]++;
      c1[(x10 | (x11 << 4)) & 255]++;
      c0[(x12 | (x13 << 4)) & 255]++;
      c1[(x14 | (x15 << 4)) & 255]++;
    }
    for (; i + 3 < n; i += 4) {
      int x0 = scores[i];
      int x1 = scores[i + 1];
      int x2 = scores[i + 2];
      int x3 = scores[i + 3];
      bad |= x0 | x1 | x2 | x3;
      c0[(x0 | (x1 << 4)) & 255]++;
      c1[(x2 | (x3 << 4)) & 255]++;
    }
    return bad;
  }

  private static int pairLoop(int[] scores, int min, int[] c0, int[] c1) {
    int bad = 0;
    int n = scores.length;
    for (int i = 0; i + 3 < n; i += 4) {
      int x0 = scores[i] - min;
      int x1 = scores[i + 1] - min;
      int x2 = scores[i + 2] - min;
      int x3 = scores[i + 3] - min;
      bad |= x0 | x1 | x2 | x3;
      c0[(x0 | (x1 << 4)) & 255]++;
      c1[(x2 | (x3 << 4)) & 255]++;
    }
    return bad;
  }

  /**
   * Returns the histogram of {@code scores} on {@code scale}: {@code counts[s - min]}.
   *
   * <p>For scales within 0..127 this reads eight scores per {@code long} (SWAR): for each threshold
   * {@code t}, adding {@code 0x80 - t} to every byte sets its high bit exactly when the byte is at
   * least {@code t} (no carry crosses bytes because bytes are below 128), and the high bits are
   * summed in byte lanes that are flushed every 255 words. {@code count(>= t)} for {@code t = min+1
   * .. max+1} gives the histogram and the upper range check; a byte with its sign bit set, or fewer
   * than {@code n} bytes at least {@code min}, fails the lower check. Scales of 6 to 16 points
   * (NPS, 1..7, 1..10) instead count pairs of scores (see {@code histogramPairs}), which measured
   * faster there; scales outside 0..126 use a per-byte histogram.
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}
   */
  public static long[] histogram(byte[] scores, Scale scale) {
    int min = scale.min();
    int max = scale.max();
    if (min < 0 || max > 126) {
      return histogramScalar(scores, scale);
    }
    if (max - min <= 15 && max - min >= 5) {
      return histogramPairs(scores, scale);
    }
    // Thresholds t = min .. max + 1; ge[j] = number of bytes >= min + j.
    final int nt = max - min + 2;
    final long[] add = new long[nt];
    for (int j = 0; j < nt; j++) {
      add[j] = (0x80L - (min + j)) * ONES;
    }
    final long[] ge = new long[Math.max(nt, 12)];
    final int n = scores.length;
    final int words = n >>> 3;
    long sign = 0;
    if (nt <= 6) {
      // Lanes in locals so that the JIT keeps them in registers; unused thresholds add 0.
      final long a0 = nt > 0 ? add[0] : 0;
      final long a1 = nt > 1 ? add[1] : 0;
      final long a2 = nt > 2 ? add[2] : 0;
      final long a3 = nt > 3 ? add[3] : 0;
      final long a4 = nt > 4 ? add[4] : 0;
      final long a5 = nt > 5 ? add[5] : 0;
      int w = 0;
      while (w < words) {
        int end = Math.min(words, w + 255);
        long l0 = 0;
        long l1 = 0;
        long l2 = 0;
        long l3 = 0;
        long l4 = 0;
        long l5 = 0;
        for (; w < end; w++) {
          long v = (long) LONGS.get(scores, w << 3);
          sign |= v;
          l0 += ((v + a0) >>> 7) & ONES;
          l1 += ((v + a1) >>> 7) & ONES;
          l2 += ((v + a2) >>> 7) & ONES;
          l3 += ((v + a3) >>> 7) & ONES;
          l4 += ((v + a4) >>> 7) & ONES;
          l5 += ((v + a5) >>> 7) & ONES;
        }
        ge[0] += sumBytes(l0);
        ge[1] += sumBytes(l1);
        ge[2] += sumBytes(l2);
        ge[3] += sumBytes(l3);
        ge[4] += sumBytes(l4);
        ge[5] += sumBytes(l5);
      }
    } else if (nt <= 12) {
      // Lanes in locals so that the JIT keeps them in registers; unused thresholds add 0.
      final long a0 = nt > 0 ? add[0] : 0;
      final long a1 = nt > 1 ? add[1] : 0;
      final long a2 = nt > 2 ? add[2] : 0;
      final long a3 = nt > 3 ? add[3] : 0;
      final long a4 = nt > 4 ? add[4] : 0;
      final long a5 = nt > 5 ? add[5] : 0;
      final long a6 = nt > 6 ? add[6] : 0;
      final long a7 = nt > 7 ? add[7] : 0;
      final long a8 = nt > 8 ? add[8] : 0;
      final long a9 = nt > 9 ? add[9] : 0;
      final long a10 = nt > 10 ? add[10] : 0;
      final long a11 = nt > 11 ? add[11] : 0;
      int w = 0;
      while (w < words) {
        int end = Math.min(words, w + 255);
        long l0 = 0;
        long l1 = 0;
        long l2 = 0;
        long l3 = 0;
        long l4 = 0;
        long l5 = 0;
        long l6 = 0;
        long l7 = 0;
        long l8 = 0;
        long l9 = 0;
        long l10 = 0;
        long l11 = 0;
        for (; w < end; w++) {
          long v = (long) LONGS.get(scores, w << 3);
          sign |= v;
          l0 += ((v + a0) >>> 7) & ONES;
          l1 += ((v + a1) >>> 7) & ONES;
          l2 += ((v + a2) >>> 7) & ONES;
          l3 += ((v + a3) >>> 7) & ONES;
          l4 += ((v + a4) >>> 7) & ONES;
          l5 += ((v + a5) >>> 7) & ONES;
          l6 += ((v + a6) >>> 7) & ONES;
          l7 += ((v + a7) >>> 7) & ONES;
          l8 += ((v + a8) >>> 7) & ONES;
          l9 += ((v + a9) >>> 7) & ONES;
          l10 += ((v + a10) >>> 7) & ONES;
          l11 += ((v + a11) >>> 7) & ONES;
        }
        ge[0] += sumBytes(l0);
        ge[1] += sumBytes(l1);
        ge[2] += sumBytes(l2);
        ge[3] += sumBytes(l3);
        ge[4] += sumBytes(l4);
        ge[5] += sumBytes(l5);
        ge[6] += sumBytes(l6);
        ge[7] += sumBytes(l7);
        ge[8] += sumBytes(l8);
        ge[9] += sumBytes(l9);
        ge[10] += sumBytes(l10);
        ge[11] += sumBytes(l11);
      }
    } else {
      final long[] lanes = new long[nt];
      int w = 0;
      while (w < words) {
        int end = Math.min(words, w + 255);
        for (; w < end; w++) {
          long v = (long) LONGS.get(scores, w << 3);
          sign |= v;
          for (int j = 0; j < nt; j++) {
            lanes[j] += ((v + add[j]) >>> 7) & ONES;
          }
        }
        for (int j = 0; j < nt; j++) {
          ge[j] += sumBytes(lanes[j]);
          lanes[j] = 0;
        }
      }
    }
    for (int i = words << 3; i < n; i++) {
      int x = scores[i];
      sign |= x & 0x80;
      for (int j = 0; j < nt; j++) {
        if (x >= min + j) {
          ge[j]++;
        }
      }
    }
    if ((sign & HIGH) != 0 || ge[0] != n || ge[nt - 1] != 0) {
      throw outside(scores, scale);
    }
    long[] counts = new long[nt - 1];
    for (int k = 0; k < nt - 1; k++) {
      counts[k] = ge[k] - ge[k + 1];
    }
    return counts;
  }

  /**
   * The byte histogram for scales of 6 to 16 points within 0..126, where the threshold SWAR would
   * need too many thresholds: each {@code long} holds four pairs of scores; a pair {@code (a, b)},
   * both below 16 after subtracting {@code min} from every byte, indexes a 256-bin histogram of
   * pairs as {@code a | b << 4}, so there is one store per two scores, into four independent
   * arrays. The range check is one OR per eight scores: every byte minus {@code min} must be below
   * 16 (a byte below {@code min} borrows and sets its high nibble), and the pair bins holding a
   * value between {@code max - min + 1} and 15 must stay empty.
   */
  private static long[] histogramPairs(byte[] scores, Scale scale) {
    final int min = scale.min();
    final int span = scale.max() - min;
    final long sub = min * ONES;
    final int[] c0 = new int[256];
    final int[] c1 = new int[256];
    final int[] c2 = new int[256];
    final int[] c3 = new int[256];
    final int n = scores.length;
    final int words = n >>> 3;
    long bad = bytePairLoop(scores, words, sub, c0, c1, c2, c3);
    long[] counts = new long[span + 1];
    boolean invalid = (bad & 0xF0F0F0F0F0F0F0F0L) != 0;
    for (int k = 0; k < 256 && !invalid; k++) {
      long c = (long) c0[k] + c1[k] + c2[k] + c3[k];
      if (c == 0) {
        continue;
      }
      int a = k & 15;
      int b = k >>> 4;
      if (a > span || b > span) {
        invalid = true;
      } else {
        counts[a] += c;
        counts[b] += c;
      }
    }
    for (int i = words << 3; i < n && !invalid; i++) {
      int x = scores[i] - min;
      if (x < 0 || x > span) {
        invalid = true;
      } else {
        counts[x]++;
      }
    }
    if (invalid) {
      throw outside(scores, scale);
    }
    return counts;
  }

  private static long bytePairLoop(
      byte[] scores, int words, long sub, int[] c0, int[] c1, int[] c2, int[] c3) {
    long bad = 0;
    for (int w = 0; w < words; w++) {
      long v = (long) LONGS.get(scores, w << 3) - sub;
      bad |= v;
      int p0 = (int) v & 0xFFFF;
      int p1 = (int) (v >>> 16) & 0xFFFF;
      int p2 = (int) (v >>> 32) & 0xFFFF;
      int p3 = (int) (v >>> 48);
      c0[(p0 | (p0 >>> 4)) & 255]++;
      c1[(p1 | (p1 >>> 4)) & 255]++;
      c2[(p2 | (p2 >>> 4)) & 255]++;
      c3[(p3 | (p3 >>> 4)) & 255]++;
    }
    return bad;
  }

  /** Returns the sum of the eight byte lanes of {@code lanes}. */
  static long sumBytes(long lanes) {
    long pairs = (lanes & 0x00FF00FF00FF00FFL) + ((lanes >>> 8) & 0x00FF00FF00FF00FFL);
    return (pairs * 0x0001000100010001L) >>> 48;
  }

  private static long[] histogramScalar(byte[] scores, Scale scale) {
    int min = scale.min();
    int span = scale.max() - min;
    long[] counts = new long[span + 1];
    for (byte b : scores) {
      int x = b - min;
      if (x < 0 || x > span) {
        throw outside(scores, scale);
      }
      counts[x]++;
    }
    return counts;
  }

  private static IllegalArgumentException outside(int[] scores, Scale scale) {
    for (int i = 0; i < scores.length; i++) {
      if (!scale.contains(scores[i])) {
        return outside(scores[i], i, scale);
      }
    }
    throw new AssertionError("no invalid score found");
  }

  private static IllegalArgumentException outside(byte[] scores, Scale scale) {
    for (int i = 0; i < scores.length; i++) {
      if (!scale.contains(scores[i])) {
        return outside(scores[i], i, scale);
      }
    }
    throw new AssertionError("no invalid score found");
  }

  /** Returns the exception for a score outside the scale, naming value, index and scale. */
  public static IllegalArgumentException outside(int score, int index, Scale scale) {
    return new IllegalArgumentException(
        "score " + score + " at index " + index + " is outside the scale " + scale);
  }
}
