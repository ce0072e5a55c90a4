package org.cx4j.journey.variant;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts of distinct {@code int} sequences (node paths), each with a fixed number of {@code long}
 * counters, in flat arrays: the sequences back to back in one {@code int[]}, an open-addressing
 * table of entry numbers, the counters in one {@code long[]}. No object per sequence, so millions
 * of distinct sequences (variants or paths of long journeys) cost a few arrays rather than
 * millions of small objects for the garbage collector to copy. Entries are numbered {@code 0 ..
 * size() - 1} in order of first addition. Single-threaded.
 */
public final class SequenceCounts {

  private final int counters;
  private int[] arena = new int[1 << 10];
  private int used;
  private int[] start = new int[64];
  private int[] length = new int[64];
  private int[] hash = new int[64];
  private long[] counts;
  private int size;
  private int[] table = new int[128]; // entry + 1; 0 empty
  private int mask = table.length - 1;

  /**
   * Creates empty counts with {@code counters} counters per sequence.
   *
   * @throws IllegalArgumentException if {@code counters < 1}
   */
  public SequenceCounts(int counters) {
    checkArgument(counters >= 1, "counters must be at least 1, got %s", counters);
    this.counters = counters;
    this.counts = new long[64 * counters];
  }

  /** Returns the number of distinct sequences. */
  public int size() {
    return size;
  }

  /**
   * Returns the length of entry {@code e}'s sequence.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry
   */
  public int length(int e) {
    return length[Objects.checkIndex(e, size)];
  }

  /**
   * Returns element {@code k} of entry {@code e}'s sequence.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry or {@code k} not in its
   *     sequence
   */
  public int element(int e, int k) {
    return arena[start[Objects.checkIndex(e, size)] + Objects.checkIndex(k, length[e])];
  }

  /**
   * Returns a copy of entry {@code e}'s sequence.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry
   */
  public int[] sequence(int e) {
    Objects.checkIndex(e, size);
    return Arrays.copyOfRange(arena, start[e], start[e] + length[e]);
  }

  /**
   * Returns counter {@code c} of entry {@code e}.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry or {@code c} not a counter
   */
  public long count(int e, int c) {
    return counts[Objects.checkIndex(e, size) * counters + Objects.checkIndex(c, counters)];
  }

  /**
   * Adds {@code delta} to counter {@code c} of entry {@code e}.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry or {@code c} not a counter
   */
  public void add(int e, int c, long delta) {
    counts[Objects.checkIndex(e, size) * counters + Objects.checkIndex(c, counters)] += delta;
  }

  /**
   * Returns the entry of {@code seq[from .. from + len)}, adding it with zero counts if new.
   *
   * @throws IndexOutOfBoundsException if the range is outside {@code seq}
   */
  public int entry(int[] seq, int from, int len) {
    Objects.checkFromIndexSize(from, len, seq.length);
    long h = len;
    for (int k = 0; k < len; k++) {
      h = (h + seq[from + k]) * 0x9E3779B97F4A7C15L;
    }
    int hh = (int) (h ^ (h >>> 32));
    for (int i = (hh ^ (hh >>> 16)) & mask; ; i = (i + 1) & mask) {
      int t = table[i];
      if (t == 0) {
        return insert(i, seq, from, len, hh);
      }
      int e = t - 1;
      if (hash[e] == hh && length[e] == len
          && Arrays.equals(arena, start[e], start[e] + len, seq, from, from + len)) {
        return e;
      }
    }
  }

  private int insert(int slot, int[] seq, int from, int len, int hh) {
    if (used + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
    }
    System.arraycopy(seq, from, arena, used, len);
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      length = Arrays.copyOf(length, cap);
      hash = Arrays.copyOf(hash, cap);
      counts = Arrays.copyOf(counts, cap * counters);
    }
    int e = size++;
    start[e] = used;
    length[e] = len;
    hash[e] = hh;
    used += len;
    table[slot] = e + 1;
    if (2 * size > table.length) {
      table = new int[table.length * 2];
      mask = table.length - 1;
      for (int k = 0; k < size; k++) {
        int i = (hash[k] ^ (hash[k] >>> 16)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = k + 1;
      }
    }
    return e;
  }

  /**
   * Returns the indices of {@code sequences} (node codes) in the order of their label sequences:
   * compared label by label in {@code String} order, a sequence before its extensions; sequences
   * whose labels are all equal keep their index order. {@code labels.get(node)} is a node's
   * label; equal labels rank equal.
   *
   * <p>How: the labels are ranked once and each sequence's first steps packed into a {@code long}
   * of ranks (rank + 1 per step, 0 after the end), ordered by a stable {@link LongRadixSort};
   * only sequences whose packed steps tie are compared step by step. With millions of distinct
   * sequences a comparison sort of label lists takes seconds.
   *
   * @throws IndexOutOfBoundsException if a node code has no label
   */
  public static int[] labelOrder(int[][] sequences, List<String> labels) {
    int n = sequences.length;
    int[] rank = labelRanks(labels);
    int maxRank = 0;
    for (int r : rank) {
      maxRank = Math.max(maxRank, r);
    }
    int bits = 32 - Integer.numberOfLeadingZeros(maxRank + 1);
    int steps = 64 / bits;
    long[] keys = new long[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int[] nodes = sequences[i];
      long prefix = 0;
      for (int k = 0; k < steps; k++) {
        prefix = (prefix << bits) | (k < nodes.length ? rank[nodes[k]] + 1 : 0);
      }
      keys[i] = prefix;
      order[i] = i;
    }
    order = LongRadixSort.sort(keys, order);
    // Equal packed steps: order those runs by the rest of their steps.
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && keys[to] == keys[from]) {
        to++;
      }
      if (to - from > 1) {
        Integer[] run = new Integer[to - from];
        for (int k = from; k < to; k++) {
          run[k - from] = order[k];
        }
        Arrays.sort(run, (a, b) -> compareRanks(sequences[a], sequences[b], rank));
        for (int k = from; k < to; k++) {
          order[k] = run[k - from];
        }
      }
      from = to;
    }
    return order;
  }

  private static int compareRanks(int[] a, int[] b, int[] rank) {
    int m = Math.min(a.length, b.length);
    for (int k = 0; k < m; k++) {
      int c = Integer.compare(rank[a[k]], rank[b[k]]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  /** Each label's rank among the distinct labels in {@code String} order (equal labels tie). */
  private static int[] labelRanks(List<String> labels) {
    String[] sorted = labels.toArray(String[]::new);
    Arrays.sort(sorted);
    int[] rank = new int[labels.size()];
    for (int node = 0; node < rank.length; node++) {
      // The first index of the label among the sorted labels: equal labels share it.
      int r = Arrays.binarySearch(sorted, labels.get(node));
      while (r > 0 && sorted[r - 1].equals(sorted[r])) {
        r--;
      }
      rank[node] = r;
    }
    return rank;
  }
}
