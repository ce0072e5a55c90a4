package org.cx4j.journey.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cx4j.metrics.internal.RadixSort;

/**
 * Node sequences with {@code long} counters, held in <em>label order</em> and merged by a k-way
 * merge: the form in which variants and attribution paths are shipped between partitions and
 * combined. A merge of states in this form reads each state once, in order, instead of probing a
 * hash table per sequence; with a million distinct sequences that is the difference between
 * sequential reads and a cache miss or more per sequence.
 *
 * <p>Label order: sequences compare label by label (each node's label, in {@code String} order;
 * equal labels rank equal), a sequence before its extensions; sequences with the same labels
 * compare by their node codes, so the order is total and does not depend on the order in which
 * sequences were seen. Internally each sequence carries its first steps' label ranks packed in a
 * {@code long} (rank + 1 per step, 0 after the end), so most comparisons are one {@code long}
 * comparison.
 *
 * <p>Entries are numbered {@code 0 .. size() - 1} in label order; they are built by {@link #append}
 * in that order, by {@link #of} from hashed {@link SequenceCounts}, or by {@link #merge}.
 * Single-threaded; once built and no longer appended to, safe to read from many threads.
 */
public final class SortedSequenceCounts {

  private final List<String> labels;
  private final int[] rank;
  private final int bits;
  private final int steps;
  private final int counters;
  private int[] arena = new int[1 << 8];
  private int[] start = new int[33]; // start[e] .. start[e + 1]
  private long[] key = new long[32];
  private long[] counts;
  private int size;

  /**
   * Creates empty counts over nodes {@code 0 .. labels.size() - 1} with {@code counters} counters
   * per sequence.
   *
   * @throws IllegalArgumentException if {@code counters < 1}
   * @throws NullPointerException if {@code labels} or a label is null
   */
  public SortedSequenceCounts(List<String> labels, int counters) {
    checkArgument(counters >= 1, "counters must be at least 1, got %s", counters);
    this.labels = List.copyOf(labels);
    this.counters = counters;
    this.rank = labelRanks(this.labels);
    int maxRank = 0;
    for (int r : rank) {
      maxRank = Math.max(maxRank, r);
    }
    this.bits = 32 - Integer.numberOfLeadingZeros(maxRank + 1);
    this.steps = 64 / bits;
    this.counts = new long[32 * counters];
  }

  /** Returns the labels of the nodes. */
  public List<String> labels() {
    return labels;
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
    Objects.checkIndex(e, size);
    return start[e + 1] - start[e];
  }

  /**
   * Returns node {@code k} of entry {@code e}'s sequence.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry or {@code k} not in its sequence
   */
  public int element(int e, int k) {
    return arena[start[e] + Objects.checkIndex(k, length(e))];
  }

  /**
   * Returns a copy of entry {@code e}'s sequence.
   *
   * @throws IndexOutOfBoundsException if {@code e} is not an entry
   */
  public int[] sequence(int e) {
    Objects.checkIndex(e, size);
    return Arrays.copyOfRange(arena, start[e], start[e + 1]);
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
   * Appends {@code seq[from .. from + len)} with the counters {@code deltas[0 .. counters)}: a new
   * last entry, or, when the sequence equals the last entry's, added to its counters.
   *
   * @throws IllegalArgumentException if the sequence comes before the last entry in label order, or
   *     a node is not in {@code 0 .. labels().size() - 1}
   * @throws IndexOutOfBoundsException if the range is outside {@code seq} or {@code deltas} is
   *     shorter than {@link #counters()}
   */
  public void append(int[] seq, int from, int len, long[] deltas) {
    Objects.checkFromIndexSize(from, len, seq.length);
    Objects.checkIndex(counters - 1, deltas.length);
    long k = 0;
    for (int s = 0; s < steps; s++) {
      int r = 0;
      if (s < len) {
        int node = seq[from + s];
        checkArgument(
            node >= 0 && node < rank.length, "node %s is not in 0..%s", node, rank.length - 1);
        r = rank[node] + 1;
      }
      k = (k << bits) | r;
    }
    for (int s = steps; s < len; s++) {
      int node = seq[from + s];
      checkArgument(
          node >= 0 && node < rank.length, "node %s is not in 0..%s", node, rank.length - 1);
    }
    if (size > 0) {
      int c = compare(k, seq, from, len, this, size - 1);
      if (c < 0) {
        throw new IllegalArgumentException(
            "sequence "
                + Arrays.toString(Arrays.copyOfRange(seq, from, from + len))
                + " comes before the last entry "
                + Arrays.toString(sequence(size - 1))
                + " in label order");
      }
      if (c == 0) {
        for (int i = 0; i < counters; i++) {
          counts[(size - 1) * counters + i] += deltas[i];
        }
        return;
      }
    }
    int e = newEntry(k, len);
    System.arraycopy(seq, from, arena, start[e], len);
    System.arraycopy(deltas, 0, counts, e * counters, counters);
  }

  /** Adds an entry with key {@code k} and room for {@code len} nodes; returns its number. */
  private int newEntry(long k, int len) {
    if (size + 1 == start.length) {
      int cap = Math.max(2 * size, 16) + 1;
      start = Arrays.copyOf(start, cap);
      key = Arrays.copyOf(key, cap - 1);
      counts = Arrays.copyOf(counts, (cap - 1) * counters);
    }
    int at = start[size];
    if (at + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(2 * arena.length, at + len));
    }
    int e = size++;
    key[e] = k;
    start[e + 1] = at + len;
    return e;
  }

  /** Compares a sequence (with packed key {@code k}) with entry {@code e} of {@code c}. */
  private int compare(long k, int[] seq, int from, int len, SortedSequenceCounts c, int e) {
    int cmp = Long.compareUnsigned(k, c.key[e]);
    if (cmp != 0) {
      return cmp;
    }
    int eFrom = c.start[e];
    int eLen = c.start[e + 1] - eFrom;
    int m = Math.min(len, eLen);
    for (int s = steps; s < m; s++) {
      cmp = Integer.compare(rank[seq[from + s]], rank[c.arena[eFrom + s]]);
      if (cmp != 0) {
        return cmp;
      }
    }
    cmp = Integer.compare(len, eLen);
    if (cmp != 0) {
      return cmp;
    }
    // The same labels: by node codes, so that the order is total.
    return Arrays.compare(seq, from, from + len, c.arena, eFrom, eFrom + eLen);
  }

  /** Compares entry {@code i} of {@code a} with entry {@code j} of {@code b} (same labels). */
  private static int compare(SortedSequenceCounts a, int i, SortedSequenceCounts b, int j) {
    return a.compare(a.key[i], a.arena, a.start[i], a.start[i + 1] - a.start[i], b, j);
  }

  /**
   * Returns the entries of {@code counts} in label order, with their counters.
   *
   * @throws IllegalArgumentException if a node of {@code counts} has no label
   * @throws NullPointerException if an argument is null
   */
  public static SortedSequenceCounts of(SequenceCounts counts, List<String> labels) {
    int n = counts.size();
    int c = counts.counters();
    // One entry per sequence, in first-appearance order; then sorted by packed key, and runs of
    // equal keys (long sequences sharing their first steps) by the full comparison.
    SortedSequenceCounts unsorted = new SortedSequenceCounts(labels, c);
    long cells = 0;
    for (int e = 0; e < n; e++) {
      cells += counts.length[e];
    }
    unsorted.start = new int[n + 1];
    unsorted.key = new long[n];
    unsorted.counts = Arrays.copyOf(counts.counts, n * c);
    unsorted.arena = new int[(int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, cells))];
    for (int e = 0; e < n; e++) {
      unsorted.newEntryFor(counts.arena, counts.start[e], counts.length[e]);
    }
    long[] keys = Arrays.copyOf(unsorted.key, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    RadixSort.Sorted sortedKeys = RadixSort.sort(keys, order, Long.SIZE);
    keys = sortedKeys.keys();
    order = sortedKeys.intPayload();
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && keys[to] == keys[from]) {
        to++;
      }
      if (to - from > 1) {
        List<Integer> run = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          run.add(order[i]);
        }
        run.sort((x, y) -> compare(unsorted, x, unsorted, y));
        for (int i = from; i < to; i++) {
          order[i] = run.get(i - from);
        }
      }
      from = to;
    }
    // Copied in order: distinct and sorted, so no comparison is needed.
    SortedSequenceCounts sorted = new SortedSequenceCounts(labels, c);
    sorted.start = new int[n + 1];
    sorted.key = new long[n];
    sorted.counts = new long[n * c];
    sorted.arena = new int[Math.max(1, unsorted.start[n])];
    for (int e : order) {
      int from = unsorted.start[e];
      int len = unsorted.start[e + 1] - from;
      int at = sorted.newEntry(unsorted.key[e], len);
      System.arraycopy(unsorted.arena, from, sorted.arena, sorted.start[at], len);
      System.arraycopy(unsorted.counts, e * c, sorted.counts, at * c, c);
    }
    return sorted;
  }

  /** Copies {@code nodes[from .. from + len)} as a new entry, out of order. */
  private void newEntryFor(int[] nodes, int from, int len) {
    int at = newEntry(0, len);
    int to = start[at];
    long k = 0;
    for (int s = 0; s < len; s++) {
      int node = nodes[from + s];
      checkArgument(
          node >= 0 && node < rank.length, "node %s has no label (%s labels)", node, rank.length);
      arena[to + s] = node;
      if (s < steps) {
        k = (k << bits) | (rank[node] + 1);
      }
    }
    // Steps past the end pack as 0.
    key[at] = len >= steps ? k : k << (bits * (steps - len));
  }

  /**
   * Merges sorted counts into one, in label order: the union of their sequences, the counters of a
   * sequence in several parts added. Each part is read once, in order (a k-way merge over a heap of
   * the parts' next entries: {@code O(n log k)} for {@code n} entries in {@code k} parts). An empty
   * list gives empty counts only through the other overload.
   *
   * @throws IllegalArgumentException if {@code parts} is empty or the parts differ in labels or
   *     number of counters
   * @throws NullPointerException if {@code parts} or a part is null
   */
  public static SortedSequenceCounts merge(List<SortedSequenceCounts> parts) {
    checkArgument(!parts.isEmpty(), "no parts to merge");
    SortedSequenceCounts first = parts.get(0);
    return merge(parts, first.labels, first.counters);
  }

  /**
   * Merges sorted counts over {@code labels} with {@code counters} counters into one; an empty
   * {@code parts} gives empty counts.
   *
   * @throws IllegalArgumentException if a part has other labels or another number of counters
   * @throws NullPointerException if an argument or a part is null
   */
  public static SortedSequenceCounts merge(
      List<SortedSequenceCounts> parts, List<String> labels, int counters) {
    SortedSequenceCounts out = new SortedSequenceCounts(labels, counters);
    SortedSequenceCounts[] p = parts.toArray(SortedSequenceCounts[]::new);
    int total = 0;
    long cells = 0;
    for (SortedSequenceCounts part : p) {
      checkArgument(
          part.labels.equals(out.labels) && part.counters == counters,
          "cannot merge sequences over %s with %s counters into sequences over %s with %s",
          part.labels,
          part.counters,
          out.labels,
          counters);
      total += part.size;
      cells += part.start[part.size];
    }
    out.start = new int[total + 1];
    out.key = new long[total];
    out.counts = new long[total * counters];
    out.arena = new int[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(cells, 1))];
    int[] pos = new int[p.length];
    int[] heap = new int[p.length];
    int heapSize = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i].size > 0) {
        heap[heapSize++] = i;
        siftUp(heap, heapSize - 1, p, pos);
      }
    }
    while (heapSize > 0) {
      int i = heap[0];
      SortedSequenceCounts part = p[i];
      int e = pos[i];
      int last = out.size - 1;
      if (last >= 0 && compare(part, e, out, last) == 0) {
        for (int c = 0; c < counters; c++) {
          out.counts[last * counters + c] += part.counts[e * counters + c];
        }
      } else {
        int from = part.start[e];
        int len = part.start[e + 1] - from;
        int at = out.newEntry(part.key[e], len);
        System.arraycopy(part.arena, from, out.arena, out.start[at], len);
        System.arraycopy(part.counts, e * counters, out.counts, at * counters, counters);
      }
      if (++pos[i] == part.size) {
        heap[0] = heap[--heapSize];
      }
      if (heapSize > 0) {
        siftDown(heap, heapSize, p, pos);
      }
    }
    return out;
  }

  private static boolean less(int a, int b, SortedSequenceCounts[] p, int[] pos) {
    int c = compare(p[a], pos[a], p[b], pos[b]);
    return c < 0 || (c == 0 && a < b);
  }

  private static void siftUp(int[] heap, int i, SortedSequenceCounts[] p, int[] pos) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(heap[i], heap[parent], p, pos)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int n, SortedSequenceCounts[] p, int[] pos) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= n) {
        return;
      }
      int m = l + 1 < n && less(heap[l + 1], heap[l], p, pos) ? l + 1 : l;
      if (!less(heap[m], heap[i], p, pos)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
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

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("SortedSequenceCounts[")
            .append(size)
            .append(" sequences over ")
            .append(labels.size())
            .append(" labels");
    for (int e = 0; e < Math.min(size, 5); e++) {
      sb.append("\n  ");
      for (int k = 0; k < length(e); k++) {
        sb.append(k == 0 ? "" : " > ").append(labels.get(element(e, k)));
      }
      sb.append(" ")
          .append(Arrays.toString(Arrays.copyOfRange(counts, e * counters, (e + 1) * counters)));
    }
    if (size > 5) {
      sb.append("\n  ... ").append(size - 5).append(" more");
    }
    return sb.append(']').toString();
  }
}
