package org.cx4j.metrics.score.grouped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.internal.Counting;
import org.cx4j.metrics.internal.GroupedCounting;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;

/**
 * A survey metric over columns, computed in one pass: the overall result and one result per group
 * (NPS, CSAT, CES, Rating: any metric with a {@link ScoreAccumulator}). The result of each group is
 * its metric's own accumulator's result on that group's scores, so scores, intervals and
 * comparisons are those of the per-row path: counts are equal exactly, weighted sums agree to about
 * 1e-15 relative.
 *
 * <pre>{@code
 * GroupedColumns cols = GroupedColumns.of(scores, segment, 8);      // byte[] scores, byte[] codes
 * GroupedScores<NetPromoterScore> nps = GroupedScores.of(NetPromoterScore::accumulator, cols);
 * nps.overall().score(); nps.group(3).interval(); nps.n(3);
 * GroupedScores.of(CustomerSatisfaction::accumulator, cols.withWeights(w));   // weighted
 * GroupedScores.parallel(NetPromoterScore::accumulator, cols);               // fork-join, chunks
 * }</pre>
 *
 * <p>Chunked input (a stream of slices, partitions) goes through an {@link Accumulator}: {@code
 * add} slices, {@code merge} partial accumulators (exact for counts, compensated for weights),
 * {@code result()}. How fast: {@code cx-benchmarks} ({@code GroupedKernel}) and its README.
 *
 * <p><b>Empty.</b> A group without rows has {@code n(g) == 0} and its result is the metric's empty
 * result ({@code isEmpty()}; its score throws {@link IllegalStateException}); so is the overall
 * result of no rows. Immutable and thread-safe if the results are.
 *
 * @param <R> the metric type
 */
public final class GroupedScores<R> {

  private final R overall;
  private final List<R> groups;
  private final long[] n;

  private GroupedScores(R overall, List<R> groups, long[] n) {
    this.overall = overall;
    this.groups = Collections.unmodifiableList(groups);
    this.n = n;
  }

  /**
   * Returns a new, empty accumulator of {@code groupCount} groups whose results come from
   * accumulators from {@code metric} (e.g. {@code NetPromoterScore::accumulator}, or {@code () ->
   * CustomerSatisfaction.accumulator(definition)}).
   *
   * @throws IllegalArgumentException if {@code groupCount < 1}, or if {@code groupCount} times the
   *     points of the scale exceeds 2^26
   */
  public static <R> Accumulator<R> accumulator(
      Supplier<ScoreAccumulator<R>> metric, int groupCount) {
    return new Accumulator<>(metric, groupCount);
  }

  /**
   * Returns the metric of {@code columns}, overall and per group, in one pass on this thread.
   *
   * @throws IllegalArgumentException naming the index and the value of the first score outside the
   *     scale, group code outside {@code 0..groupCount - 1} or weight that is negative, NaN or
   *     infinite
   */
  public static <R> GroupedScores<R> of(
      Supplier<ScoreAccumulator<R>> metric, GroupedColumns columns) {
    return accumulator(metric, columns.groupCount()).add(columns).result();
  }

  /**
   * Returns {@link #of} computed in parallel: chunks of at least 65,536 rows in the common {@link
   * ForkJoinPool} (and the calling thread), merged. The same result as {@link #of}: equal counts,
   * and weighted sums to about 1e-15 relative (the chunks are summed in another order).
   *
   * @throws IllegalArgumentException as {@link #of}, naming the first invalid row
   */
  public static <R> GroupedScores<R> parallel(
      Supplier<ScoreAccumulator<R>> metric, GroupedColumns columns) {
    int length = columns.length();
    int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
    int chunks = (int) Math.max(1, Math.min(length / PARALLEL_MIN_CHUNK, 4L * threads));
    if (chunks == 1) {
      return of(metric, columns);
    }
    Accumulator<R> acc;
    try {
      acc =
          IntStream.range(0, chunks)
              .parallel()
              .mapToObj(
                  c ->
                      accumulator(metric, columns.groupCount())
                          .add(
                              columns,
                              (int) ((long) length * c / chunks),
                              (int) ((long) length * (c + 1) / chunks)))
              .reduce(Accumulator::merge)
              .orElseThrow();
    } catch (IllegalArgumentException e) {
      // Another chunk may have failed first: name the first invalid row, as the serial path does.
      IllegalArgumentException first = firstInvalid(columns, 0, length, metric.get().scale());
      throw first != null ? first : e;
    }
    return acc.result();
  }

  /**
   * Fewest table bits per packed row counted in pairs: below 32 bins, the pairs share few bins and
   * consecutive ones wait for each other's increment; the lanes of the row path serve better.
   */
  static final int PAIR_MIN_BITS = 5;

  /**
   * Rows per pair bin below which a slice is counted row by row: clearing and folding the pair
   * table ({@code 2^(2 pb)} bins) must stay small against the slice.
   */
  static final int PAIR_ROWS_PER_BIN = 16;

  /** Smallest chunk of {@link #parallel}: below it, forking costs more than it saves. */
  static final int PARALLEL_MIN_CHUNK = 1 << 16;

  /** Returns the overall result: every row. */
  public R overall() {
    return overall;
  }

  /**
   * Returns the result of group {@code code}.
   *
   * @throws IllegalArgumentException if {@code code} is outside {@code 0..groupCount() - 1}
   */
  public R group(int code) {
    return groups.get(checkCode(code));
  }

  /**
   * Returns the number of rows of group {@code code}.
   *
   * @throws IllegalArgumentException if {@code code} is outside {@code 0..groupCount() - 1}
   */
  public long n(int code) {
    return n[checkCode(code)];
  }

  /** Returns the results of every group, in code order (unmodifiable). */
  public List<R> groups() {
    return groups;
  }

  /** Returns the number of groups. */
  public int groupCount() {
    return groups.size();
  }

  private int checkCode(int code) {
    if (code < 0 || code >= groups.size()) {
      throw new IllegalArgumentException(
          "group code must be in 0.." + (groups.size() - 1) + ", got " + code);
    }
    return code;
  }

  @Override
  public String toString() {
    return "GroupedScores[" + groups.size() + " groups, overall " + overall + "]";
  }

  /**
   * Returns the exception for the first invalid row of {@code columns} in {@code from .. to - 1}
   * (score, code or weight), or null if there is none.
   */
  static IllegalArgumentException firstInvalid(
      GroupedColumns columns, int from, int to, Scale scale) {
    double[] w = columns.weights();
    int top = columns.groupCount() - 1;
    for (int i = from; i < to; i++) {
      int s = columns.scoreAt(i);
      if (scale != null && !scale.contains(s)) {
        return Counting.outside(s, i, scale);
      }
      int g = columns.codeAt(i);
      if (g < 0 || g > top) {
        return new IllegalArgumentException(
            "group code "
                + g
                + " at index "
                + i
                + " is outside 0.."
                + top
                + " (groupCount "
                + (top + 1)
                + ")");
      }
      if (w != null && !(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
        return new IllegalArgumentException(
            "weight " + w[i] + " at index " + i + " must be finite and non-negative");
      }
    }
    return null;
  }

  /**
   * A mergeable accumulator of grouped columns, whose {@link #result()} is a {@link GroupedScores}:
   * {@code add} slices of columns in any order and {@code merge} partial accumulators; the result
   * equals one {@code add} of all rows (counts exactly, weighted sums to about 1e-15 relative).
   *
   * <p><b>State and cost.</b> Unweighted rows are counted in a table of {@code int} counts per
   * (group, score), with four interleaved lanes when the table is small (up to 1,024 bins; see
   * {@code GroupedCounting}), moved into {@code long} totals before a lane could overflow; no
   * allocation per row or per slice. Weighted rows are summed ({@code Σw}, {@code Σw²} per group
   * and score) in plain blocks of {@code max(16384, groupCount × points)} rows, each block then
   * added to Neumaier-compensated totals. A slice that fails a check adds nothing.
   *
   * <p><b>Limits.</b> Squared weights must not overflow a double (weights below about 1e150);
   * counts are {@code long}, unchecked after 2^63 rows.
   *
   * <p><b>Not thread-safe.</b> Use one per thread and {@link #merge}, or {@link
   * GroupedScores#parallel}.
   *
   * @param <R> the metric type
   */
  public static final class Accumulator<R> {

    private final Supplier<ScoreAccumulator<R>> metric;
    private final Scale scale;
    private final int min;
    private final int points;
    private final int groups;
    private final int sh;
    private final int sm;
    private final int gm;
    private final int lb;
    private final int lm;
    // Unweighted: int counts per bin and lane since the last flush, long totals per (group, score).
    private final int[] t;
    private long sinceFlush;
    private final long[] counts;
    // Weighted, allocated on the first weighted slice: totals, per (group, score): count, and
    // Σw, its compensation, Σw², its compensation; per-slice pending totals; one block's sums.
    private long[] weightedCounts;
    private double[] weightSums;
    private long[] pendingCounts;
    private double[] pendingSums;
    private int[] blockCounts;
    private double[] blockSums;
    // Byte scores by byte codes on at most 256 bins (table groups × 2^sh), four lanes: each
    // block is checked and packed into one byte per row, then counted (allocated on first use).
    private final boolean packs;
    private byte[] packed;
    // Long slices of such columns with 32 to 128 table bins are counted in pairs of rows instead
    // (GroupedCounting.countPairs): pb bits per packed row, 2^(2 pb) pair bins (allocated on first
    // use, zero between slices).
    private final int pb;
    private int[] pairs;

    Accumulator(Supplier<ScoreAccumulator<R>> metric, int groupCount) {
      this.metric = Objects.requireNonNull(metric, "metric");
      if (groupCount < 1) {
        throw new IllegalArgumentException("groupCount must be at least 1, got " + groupCount);
      }
      this.scale = Objects.requireNonNull(metric.get(), "metric.get()").scale();
      this.min = scale.min();
      this.points = scale.points();
      this.groups = groupCount;
      if ((long) groupCount * Integer.highestOneBit(2 * points - 1) > 1 << 26) {
        throw new IllegalArgumentException(
            "groupCount times the points of the scale must be at"
                + " most 2^26, got "
                + groupCount
                + " groups on "
                + scale);
      }
      this.sh = 32 - Integer.numberOfLeadingZeros(points - 1);
      this.sm = (1 << sh) - 1;
      // Byte codes are not masked: with 256 groups or fewer, the check holds them to gm.
      int tableGroups = Integer.highestOneBit(2 * groupCount - 1);
      this.gm = tableGroups - 1;
      // Lanes pay where consecutive rows often share a bin (few bins); with many bins they only
      // spread the counts beyond the L1 cache.
      this.lb = tableGroups << sh <= 1024 ? 2 : 0;
      this.lm = (1 << lb) - 1;
      this.t = new int[(tableGroups << sh) << lb];
      this.packs = tableGroups << sh <= 256 && min >= 0 && min + sm <= 127;
      this.pb = Integer.numberOfTrailingZeros(tableGroups << sh);
      this.counts = new long[groups * points];
    }

    /** Returns the scale of the metric. */
    public Scale scale() {
      return scale;
    }

    /** Returns the number of groups. */
    public int groupCount() {
      return groups;
    }

    /**
     * Adds every row of {@code columns}.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the columns have another group count, or naming the index
     *     and value of the first invalid score, code or weight (nothing is added)
     */
    public Accumulator<R> add(GroupedColumns columns) {
      return add(columns, 0, columns.length());
    }

    /**
     * Adds rows {@code from .. to - 1} of {@code columns}: a chunk. Costs, besides the rows, a
     * check of every (group, score) bin, so chunks should be much longer than {@code groupCount ×
     * points}.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the columns have another group count, {@code from .. to}
     *     is not within the rows, or naming the index and value of the first invalid score, code or
     *     weight in the chunk (nothing is added)
     */
    public Accumulator<R> add(GroupedColumns columns, int from, int to) {
      if (columns.groupCount() != groups) {
        throw new IllegalArgumentException(
            "columns have " + columns.groupCount() + " groups, this accumulator " + groups);
      }
      if (from < 0 || from > to || to > columns.length()) {
        throw new IllegalArgumentException(
            "rows " + from + ".." + to + " are not within 0.." + columns.length());
      }
      if (from == to) {
        return this;
      }
      if (columns.isWeighted()) {
        addWeighted(columns, from, to);
      } else {
        addCounts(columns, from, to);
      }
      return this;
    }

    /**
     * Returns whether rows {@code from .. to - 1} may hold a score or a code beyond the masks
     * (exact for the masks; values beyond the scale or the groups but within the masks pass).
     */
    private boolean outside(GroupedColumns c, int from, int to) {
      Object s = c.scores();
      Object g = c.groups();
      boolean bad =
          s instanceof byte[] b
              ? GroupedCounting.bytesOutside(b, from, to, min, sm)
              : GroupedCounting.intsOutside((int[]) s, from, to, min, sm);
      if (g instanceof byte[] gb) {
        bad |= gm < 255 && GroupedCounting.bytesAbove(gb, from, to, gm);
      } else if (g instanceof short[] gs) {
        bad |= GroupedCounting.shortsAbove(gs, from, to, gm);
      } else if (g instanceof int[] gi) {
        bad |= GroupedCounting.intsOutside(gi, from, to, 0, gm);
      }
      return bad;
    }

    private void addCounts(GroupedColumns c, int from, int to) {
      Object s = c.scores();
      Object g = c.groups();
      if (g == null && from == 0 && to == c.length()) {
        // One group, whole arrays: the one-shot histograms (pairs for bytes, fields for ints).
        long[] h =
            s instanceof byte[] b
                ? Counting.histogram(b, scale)
                : Counting.histogram((int[]) s, scale);
        for (int k = 0; k < points; k++) {
          counts[k] += h[k];
        }
        return;
      }
      int n = to - from;
      if (sinceFlush + n > Integer.MAX_VALUE) {
        flush();
      }
      boolean pack = packs && s instanceof byte[] && g instanceof byte[];
      if (pack
          && pb >= PAIR_MIN_BITS
          && pb <= GroupedCounting.PAIR_MAX_BITS
          && n >= PAIR_ROWS_PER_BIN << (2 * pb)) {
        addPairs((byte[]) s, (byte[]) g, c, from, to);
        return;
      }
      if (pack && packed == null) {
        packed = new byte[GroupedCounting.BLOCK];
      }
      for (int lo = from, hi; lo < to; lo = hi) {
        hi = (int) Math.min(to, (long) lo + GroupedCounting.BLOCK);
        if (pack) {
          if (GroupedCounting.packBytes((byte[]) s, (byte[]) g, lo, hi, min, sh, sm, gm, packed)) {
            undo(s, g, from, lo);
            throw Objects.requireNonNull(firstInvalid(c, lo, hi, scale), "invalid row not found");
          }
          GroupedCounting.countPacked(packed, hi - lo, t);
          continue;
        }
        if (outside(c, lo, hi)) {
          IllegalArgumentException e = firstInvalid(c, lo, hi, scale);
          if (e != null) {
            undo(s, g, from, lo);
            throw e;
          }
        }
        count(s, g, lo, hi);
      }
      // Rows beyond the scale or the groups but within the masks sit outside the bins read here.
      if (sum() != sinceFlush + n) {
        undo(s, g, from, to);
        throw Objects.requireNonNull(firstInvalid(c, from, to, scale), "invalid row not found");
      }
      sinceFlush += n;
    }

    /**
     * Counts rows {@code from .. to - 1} of byte scores and byte codes in pairs of rows ({@link
     * GroupedCounting#countPairs}) and adds them to the long totals; the last rows that do not fill
     * a {@code long} one by one. Checks everything before adding anything: on an invalid row the
     * pair table is cleared and the first offender named.
     */
    private void addPairs(byte[] s, byte[] g, GroupedColumns c, int from, int to) {
      if (pairs == null) {
        pairs = new int[1 << (2 * pb)];
      }
      int end = from + ((to - from) & ~7);
      boolean bad = false;
      for (int lo = from, hi; lo < end; lo = hi) {
        hi = Math.min(end, lo + GroupedCounting.BLOCK);
        bad |= GroupedCounting.countPairs(s, g, lo, hi, min, sh, sm, gm, pb, pairs);
      }
      // Row counts per packed value (g << sh | s - min), from both halves of every pair.
      final int m = (1 << pb) - 1;
      long[] rows = new long[1 << pb];
      for (int k = 0; k < pairs.length; k++) {
        int v = pairs[k];
        if (v != 0) {
          rows[k & m] += v;
          rows[k >>> pb] += v;
          pairs[k] = 0;
        }
      }
      for (int i = end; i < to; i++) {
        int x = s[i] - min;
        int code = g[i] & 0xFF;
        if (x < 0 || x > sm || code > gm) {
          bad = true;
          break;
        }
        rows[code << sh | x]++;
      }
      // Packed values beyond the scale or the groups must not occur.
      for (int k = 0; k < rows.length && !bad; k++) {
        bad = rows[k] != 0 && ((k & sm) >= points || (k >>> sh) >= groups);
      }
      if (bad) {
        throw Objects.requireNonNull(firstInvalid(c, from, to, scale), "invalid row not found");
      }
      for (int grp = 0; grp < groups; grp++) {
        for (int x = 0; x < points; x++) {
          counts[grp * points + x] += rows[grp << sh | x];
        }
      }
    }

    private void count(Object s, Object g, int from, int to) {
      if (lb == 0 && g != null) {
        countOneLane(s, g, from, to);
        return;
      }
      if (s instanceof byte[] v) {
        if (g instanceof byte[] gb) {
          GroupedCounting.countBytesBytes(v, gb, from, to, min, sh, lb, lm, t);
        } else if (g instanceof short[] gs) {
          GroupedCounting.countBytesShorts(v, gs, from, to, min, sh, lb, lm, t);
        } else if (g instanceof int[] gi) {
          GroupedCounting.countBytesInts(v, gi, from, to, min, sh, lb, lm, t);
        } else {
          GroupedCounting.countBytesNone(v, null, from, to, min, sh, lb, lm, t);
        }
        return;
      }
      int[] v = (int[]) s;
      if (g instanceof byte[] gb) {
        GroupedCounting.countIntsBytes(v, gb, from, to, min, sh, lb, lm, t);
      } else if (g instanceof short[] gs) {
        GroupedCounting.countIntsShorts(v, gs, from, to, min, sh, lb, lm, t);
      } else if (g instanceof int[] gi) {
        GroupedCounting.countIntsInts(v, gi, from, to, min, sh, lb, lm, t);
      } else {
        GroupedCounting.countIntsNone(v, null, from, to, min, sh, lb, lm, t);
      }
    }

    private void countOneLane(Object s, Object g, int from, int to) {
      if (s instanceof byte[] v) {
        if (g instanceof byte[] gb) {
          GroupedCounting.countBytesBytesOneLane(v, gb, from, to, min, sh, sm, gm, t);
        } else if (g instanceof short[] gs) {
          GroupedCounting.countBytesShortsOneLane(v, gs, from, to, min, sh, t);
        } else {
          GroupedCounting.countBytesIntsOneLane(v, (int[]) g, from, to, min, sh, t);
        }
        return;
      }
      int[] v = (int[]) s;
      if (g instanceof byte[] gb) {
        GroupedCounting.countIntsBytesOneLane(v, gb, from, to, min, sh, t);
      } else if (g instanceof short[] gs) {
        GroupedCounting.countIntsShortsOneLane(v, gs, from, to, min, sh, t);
      } else {
        GroupedCounting.countIntsIntsOneLane(v, (int[]) g, from, to, min, sh, t);
      }
    }

    private void undo(Object s, Object g, int from, int to) {
      if (s instanceof byte[] v) {
        if (g instanceof byte[] gb) {
          GroupedCounting.undoBytesBytes(v, gb, from, to, min, sh, lb, lm, t);
        } else if (g instanceof short[] gs) {
          GroupedCounting.undoBytesShorts(v, gs, from, to, min, sh, lb, lm, t);
        } else if (g instanceof int[] gi) {
          GroupedCounting.undoBytesInts(v, gi, from, to, min, sh, lb, lm, t);
        } else {
          GroupedCounting.undoBytesNone(v, null, from, to, min, sh, lb, lm, t);
        }
        return;
      }
      int[] v = (int[]) s;
      if (g instanceof byte[] gb) {
        GroupedCounting.undoIntsBytes(v, gb, from, to, min, sh, lb, lm, t);
      } else if (g instanceof short[] gs) {
        GroupedCounting.undoIntsShorts(v, gs, from, to, min, sh, lb, lm, t);
      } else if (g instanceof int[] gi) {
        GroupedCounting.undoIntsInts(v, gi, from, to, min, sh, lb, lm, t);
      } else {
        GroupedCounting.undoIntsNone(v, null, from, to, min, sh, lb, lm, t);
      }
    }

    /** Returns the index of lane 0 of bin (group, score - min). */
    private int bin(int g, int x) {
      return ((g << sh) + x) << lb;
    }

    /** Returns the sum of the lane counts inside the groups and the scale. */
    private long sum() {
      long sum = 0;
      for (int g = 0; g < groups; g++) {
        for (int x = 0; x < points; x++) {
          int k = bin(g, x);
          for (int l = 0; l <= lm; l++) {
            sum += t[k + l];
          }
        }
      }
      return sum;
    }

    /** Moves the lane counts into the long totals. */
    private void flush() {
      for (int g = 0; g < groups; g++) {
        for (int x = 0; x < points; x++) {
          int k = bin(g, x);
          for (int l = 0; l <= lm; l++) {
            counts[g * points + x] += t[k + l];
            t[k + l] = 0;
          }
        }
      }
      sinceFlush = 0;
    }

    private void allocateWeighted() {
      int bins = groups * points;
      weightedCounts = new long[bins];
      weightSums = new double[4 * bins];
      pendingCounts = new long[bins];
      pendingSums = new double[4 * bins];
      blockCounts = new int[t.length];
      blockSums = new double[2 * t.length];
    }

    private void addWeighted(GroupedColumns c, int from, int to) {
      if (weightedCounts == null) {
        allocateWeighted();
      }
      // Blocks of at least groupCount × points rows, so that folding a block costs at most about
      // one operation per row; the plain sums within a block run over at most that many terms.
      int block = Math.max(GroupedCounting.BLOCK, groups * points);
      double[] w = c.weights();
      try {
        for (int lo = from, hi; lo < to; lo = hi) {
          hi = (int) Math.min(to, (long) lo + block);
          // Packed blocks are checked while they are packed and counted; the others by one OR
          // pass first. A weight with its sign bit set is invalid unless it is -0.0; the block is
          // then dropped (see the catch below) and its first invalid row named.
          boolean pack = packs && c.scores() instanceof byte[] && c.groups() instanceof byte[];
          if (pack) {
            // groupCount × points <= 256 here, so the block is GroupedCounting.BLOCK rows.
            if (packed == null) {
              packed = new byte[GroupedCounting.BLOCK];
            }
            if (GroupedCounting.packBytes(
                (byte[]) c.scores(), (byte[]) c.groups(), lo, hi, min, sh, sm, gm, packed)) {
              throw Objects.requireNonNull(firstInvalid(c, lo, hi, scale), "invalid row not found");
            }
            if (GroupedCounting.weightedPacked(packed, hi - lo, w, lo, blockCounts, blockSums)) {
              throwIfInvalid(c, lo, hi);
            }
          } else {
            if (GroupedCounting.signSet(w, lo, hi) || outside(c, lo, hi)) {
              throwIfInvalid(c, lo, hi);
            }
            weightedBlock(c, lo, hi);
          }
          if (blockSum() != hi - lo) {
            throw Objects.requireNonNull(firstInvalid(c, lo, hi, scale), "invalid row not found");
          }
          if (!foldBlock()) {
            IllegalArgumentException e = firstInvalid(c, lo, hi, scale); // a NaN or infinity
            throw e != null
                ? e
                : new IllegalArgumentException(
                    "the squared weights of rows "
                        + lo
                        + ".."
                        + hi
                        + " overflow a double; scale the weights down");
          }
        }
      } catch (RuntimeException e) {
        Arrays.fill(blockCounts, 0);
        Arrays.fill(blockSums, 0);
        Arrays.fill(pendingCounts, 0);
        Arrays.fill(pendingSums, 0);
        throw e;
      }
      for (int k = 0; k < pendingCounts.length; k++) {
        weightedCounts[k] += pendingCounts[k];
        pendingCounts[k] = 0;
        for (int j = 0; j < 4; j += 2) {
          addCompensated(weightSums, 4 * k + j, pendingSums[4 * k + j]);
          addCompensated(weightSums, 4 * k + j, pendingSums[4 * k + j + 1]);
          pendingSums[4 * k + j] = 0;
          pendingSums[4 * k + j + 1] = 0;
        }
      }
    }

    /**
     * Throws the error for the first invalid row in {@code from .. to - 1}, if there is one; there
     * is none when the only sign bits set are those of {@code -0.0} weights, which are valid.
     */
    private void throwIfInvalid(GroupedColumns c, int from, int to) {
      IllegalArgumentException e = firstInvalid(c, from, to, scale);
      if (e != null) {
        throw e;
      }
    }

    private void weightedBlock(GroupedColumns c, int from, int to) {
      Object s = c.scores();
      Object g = c.groups();
      double[] w = c.weights();
      int[] k = blockCounts;
      double[] d = blockSums;
      if (s instanceof byte[] v) {
        if (g instanceof byte[] gb) {
          GroupedCounting.weightedBytesBytes(v, gb, w, from, to, min, sh, lb, lm, k, d);
        } else if (g instanceof short[] gs) {
          GroupedCounting.weightedBytesShorts(v, gs, w, from, to, min, sh, lb, lm, k, d);
        } else if (g instanceof int[] gi) {
          GroupedCounting.weightedBytesInts(v, gi, w, from, to, min, sh, lb, lm, k, d);
        } else {
          GroupedCounting.weightedBytesNone(v, null, w, from, to, min, sh, lb, lm, k, d);
        }
        return;
      }
      int[] v = (int[]) s;
      if (g instanceof byte[] gb) {
        GroupedCounting.weightedIntsBytes(v, gb, w, from, to, min, sh, lb, lm, k, d);
      } else if (g instanceof short[] gs) {
        GroupedCounting.weightedIntsShorts(v, gs, w, from, to, min, sh, lb, lm, k, d);
      } else if (g instanceof int[] gi) {
        GroupedCounting.weightedIntsInts(v, gi, w, from, to, min, sh, lb, lm, k, d);
      } else {
        GroupedCounting.weightedIntsNone(v, null, w, from, to, min, sh, lb, lm, k, d);
      }
    }

    private long blockSum() {
      long sum = 0;
      for (int g = 0; g < groups; g++) {
        for (int x = 0; x < points; x++) {
          int k = bin(g, x);
          for (int l = 0; l <= lm; l++) {
            sum += blockCounts[k + l];
          }
        }
      }
      return sum;
    }

    /**
     * Adds the block's plain sums (lanes summed) to the pending compensated totals and clears the
     * block; returns false if a sum is not finite (a NaN or infinite weight, or an overflow).
     */
    private boolean foldBlock() {
      boolean finite = true;
      for (int g = 0; g < groups; g++) {
        for (int x = 0; x < points; x++) {
          int b = bin(g, x);
          long cnt = 0;
          double sw = 0;
          double sw2 = 0;
          for (int k = b; k <= b + lm; k++) {
            cnt += blockCounts[k];
            sw += blockSums[2 * k];
            sw2 += blockSums[2 * k + 1];
            blockCounts[k] = 0;
            blockSums[2 * k] = 0;
            blockSums[2 * k + 1] = 0;
          }
          if (cnt != 0) {
            int i = g * points + x;
            pendingCounts[i] += cnt;
            addCompensated(pendingSums, 4 * i, sw);
            addCompensated(pendingSums, 4 * i + 2, sw2);
            finite &= Double.isFinite(sw2) && Double.isFinite(sw);
          }
        }
      }
      return finite;
    }

    /**
     * Adds everything {@code other} has accumulated; {@code other} is unchanged. Exact for counts;
     * weighted sums are merged with their compensation terms.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the scales or the group counts differ
     */
    public Accumulator<R> merge(Accumulator<?> other) {
      if (!scale.equals(other.scale) || groups != other.groups) {
        throw new IllegalArgumentException(
            "cannot merge "
                + other.groups
                + " groups on "
                + other.scale
                + " into "
                + groups
                + " groups on "
                + scale);
      }
      long[] theirs = other.unitCounts();
      for (int k = 0; k < counts.length; k++) {
        counts[k] += theirs[k];
      }
      if (other.weightedCounts != null) {
        if (weightedCounts == null) {
          allocateWeighted();
        }
        double[] ws = other.weightSums.clone(); // other may be this
        for (int k = 0; k < counts.length; k++) {
          weightedCounts[k] += other.weightedCounts[k];
          for (int j = 0; j < 4; j++) {
            addCompensated(weightSums, 4 * k + (j & 2), ws[4 * k + j]);
          }
        }
      }
      return this;
    }

    /** Returns the unweighted counts per (group, score): totals plus lanes. */
    private long[] unitCounts() {
      long[] all = counts.clone();
      for (int g = 0; g < groups; g++) {
        for (int x = 0; x < points; x++) {
          int k = bin(g, x);
          for (int l = 0; l <= lm; l++) {
            all[g * points + x] += t[k + l];
          }
        }
      }
      return all;
    }

    /** Returns the number of rows added so far. */
    public long n() {
      long n = 0;
      for (long c : unitCounts()) {
        n += c;
      }
      if (weightedCounts != null) {
        for (long c : weightedCounts) {
          n += c;
        }
      }
      return n;
    }

    /**
     * Returns the results so far (a snapshot): each group's from a fresh accumulator of the metric
     * given that group's counts and weight sums, and the overall one their merge.
     *
     * @throws IllegalStateException if the metric's accumulators change scale between calls
     */
    public GroupedScores<R> result() {
      long[] unit = unitCounts();
      ScoreAccumulator<R> all = newMetric();
      List<R> results = new ArrayList<>(groups);
      long[] n = new long[groups];
      for (int g = 0; g < groups; g++) {
        ScoreAccumulator<R> acc = newMetric();
        long[] c = Arrays.copyOfRange(unit, g * points, (g + 1) * points);
        acc.addAll(ScoreDistribution.ofCounts(scale, c));
        if (weightedCounts != null) {
          long[] wc = Arrays.copyOfRange(weightedCounts, g * points, (g + 1) * points);
          if (Arrays.stream(wc).anyMatch(x -> x > 0)) {
            double[] w = new double[points];
            double[] w2 = new double[points];
            for (int x = 0; x < points; x++) {
              int i = 4 * (g * points + x);
              w[x] = weightSums[i] + weightSums[i + 1];
              w2[x] = weightSums[i + 2] + weightSums[i + 3];
            }
            acc.addAll(ScoreDistribution.ofWeights(scale, wc, w, w2));
          }
        }
        n[g] = acc.n();
        results.add(acc.result());
        all.merge(acc);
      }
      return new GroupedScores<>(all.result(), results, n);
    }

    private ScoreAccumulator<R> newMetric() {
      ScoreAccumulator<R> acc = metric.get();
      if (!acc.scale().equals(scale)) {
        throw new IllegalStateException(
            "the metric's accumulators changed scale from " + scale + " to " + acc.scale());
      }
      return acc;
    }

    // Neumaier's improved Kahan summation: state[i] the sum, state[i + 1] its compensation.
    private static void addCompensated(double[] state, int i, double x) {
      double s = state[i];
      double t = s + x;
      state[i + 1] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      state[i] = t;
    }

    @Override
    public String toString() {
      return "GroupedScores.Accumulator[" + groups + " groups on " + scale + ", n " + n() + "]";
    }
  }
}
