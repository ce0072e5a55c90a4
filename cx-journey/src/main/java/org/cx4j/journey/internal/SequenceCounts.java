package org.cx4j.journey.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of distinct {@code int} sequences (node paths), each with a fixed number of {@code long}
 * counters, in flat arrays: the sequences back to back in one {@code int[]}, an open-addressing
 * table of entry numbers, the counters in one {@code long[]}. No object per sequence, so millions
 * of distinct sequences (variants or paths of long journeys) cost a few arrays rather than millions
 * of small objects for the garbage collector to copy. Entries are numbered {@code 0 .. size() - 1}
 * in order of first addition; {@link SortedSequenceCounts#of} puts them in label order, the form in
 * which they are shipped and merged. Single-threaded.
 */
public final class SequenceCounts {

  private final int counters;
  // Package-private for SortedSequenceCounts.of, which copies them in bulk.
  int[] arena = new int[1 << 10];
  private int used;
  int[] start = new int[64];
  int[] length = new int[64];
  private int[] hash = new int[64];
  long[] counts;
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

  /** Returns the number of counters per sequence. */
  public int counters() {
    return counters;
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
   * @throws IndexOutOfBoundsException if {@code e} is not an entry or {@code k} not in its sequence
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
      if (hash[e] == hh
          && length[e] == len
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
}
