package org.cx4j.journey.variant;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.cx4j.journey.internal.PartialStates;
import org.cx4j.journey.internal.SequenceCounts;
import org.cx4j.journey.internal.SortedSequenceCounts;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.metrics.internal.RadixSort;

/**
 * The variants of a set of journeys: the distinct sequences of nodes (touchpoints, channels,
 * stages, or renamed touchpoints), with counts, shares and cumulative coverage, most frequent first
 * (ties by sequence, lexicographically by label; two sequences with the same labels, as renamed
 * touchpoints sharing a name can give, by node code, so the order never depends on the order of
 * input or merges). Optionally repeats are collapsed first ({@code a a b} becomes {@code a b}), the
 * usual path-cleaning step.
 *
 * <p>Reference: trace variants, van der Aalst, <i>Process Mining</i>, 2nd ed. (2016), section 5.2.
 * Built by an {@link Accumulator}; accumulators over disjoint journeys merge exactly. An empty
 * result has no variants; shares are then {@code NaN}. Immutable.
 */
public final class Variants {

  /**
   * One variant.
   *
   * @param steps the node labels in order
   * @param count the number of journeys with exactly this sequence
   * @param share {@code count / total}
   * @param cumulativeShare the share of this and all more frequent variants
   */
  public record Variant(List<String> steps, long count, double share, double cumulativeShare) {
    /** Copies the steps. */
    public Variant {
      steps = List.copyOf(steps);
    }

    @Override
    public String toString() {
      return String.format(
          "%s x%d (%.1f%%, cumulative %.1f%%)",
          String.join(" > ", steps), count, 100 * share, 100 * cumulativeShare);
    }
  }

  // A read-only view that makes each Variant when it is read: results of millions of distinct
  // variants (long journeys) are usually read through top(k), and a million Variant records,
  // label lists and arrays cost more to build than the counting did.
  private final List<Variant> variants;
  private final long total;

  /** The variants of {@code sorted} in the order {@code order}, with their counts in that order. */
  private Variants(SortedSequenceCounts sorted, int[] order, long[] counts, long total) {
    long[] cumulative = new long[counts.length];
    long cum = 0;
    for (int i = 0; i < counts.length; i++) {
      cum += counts[i];
      cumulative[i] = cum;
    }
    this.variants = new View(sorted, order, counts, cumulative, total);
    this.total = total;
  }

  /** Returns the variants of {@code journeys} at {@code level}, repeats kept. */
  public static Variants of(Journeys journeys, Level level) {
    return new Accumulator(Abstraction.of(journeys.dictionary(), level), false)
        .addAll(journeys)
        .result();
  }

  /** Returns every variant, most frequent first. */
  public List<Variant> all() {
    return variants;
  }

  /** Returns the number of distinct variants. */
  public int distinct() {
    return variants.size();
  }

  /** Returns the number of journeys. */
  public long total() {
    return total;
  }

  /**
   * Returns the {@code k} most frequent variants (fewer if there are fewer).
   *
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public List<Variant> top(int k) {
    checkArgument(k >= 0, "k must be non-negative, got %s", k);
    return variants.subList(0, Math.min(k, variants.size()));
  }

  /**
   * Returns the fewest most-frequent variants that together cover at least {@code p} of the
   * journeys ({@code p} in {@code [0, 1]}, e.g. 0.8 for 80%).
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  public List<Variant> covering(double p) {
    checkArgument(p >= 0 && p <= 1, "coverage p must be in [0, 1], got %s", p);
    if (p == 0) {
      return List.of();
    }
    long cum = 0;
    for (int i = 0; i < variants.size(); i++) {
      // Compare counts, not rounded shares: cumulative count >= p * total.
      cum += variants.get(i).count();
      if (cum >= p * total - 1e-9) {
        return variants.subList(0, i + 1);
      }
    }
    return variants;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Variants
        && ((Variants) o).total == total
        && ((Variants) o).variants.equals(variants);
  }

  @Override
  public int hashCode() {
    return variants.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Variants[")
            .append(variants.size())
            .append(" distinct of ")
            .append(total)
            .append(" journeys");
    for (int i = 0; i < Math.min(10, variants.size()); i++) {
      sb.append("\n  ").append(variants.get(i));
    }
    if (variants.size() > 10) {
      sb.append("\n  ... ").append(variants.size() - 10).append(" more");
    }
    return sb.append(']').toString();
  }

  /** The variants in order, each made on access. */
  private static final class View extends AbstractList<Variant> implements RandomAccess {
    private final SortedSequenceCounts sorted;
    private final int[] order;
    private final long[] counts;
    private final long[] cumulative;
    private final long total;

    View(SortedSequenceCounts sorted, int[] order, long[] counts, long[] cumulative, long total) {
      this.sorted = sorted;
      this.order = order;
      this.counts = counts;
      this.cumulative = cumulative;
      this.total = total;
    }

    @Override
    public Variant get(int i) {
      int e = order[Objects.checkIndex(i, order.length)];
      List<String> labels = sorted.labels();
      String[] s = new String[sorted.length(e)];
      for (int k = 0; k < s.length; k++) {
        s[k] = labels.get(sorted.element(e, k));
      }
      return new Variant(
          List.of(s), counts[i], (double) counts[i] / total, (double) cumulative[i] / total);
    }

    @Override
    public int size() {
      return order.length;
    }
  }

  /**
   * Counts journeys by variant, in flat arrays ({@link SequenceCounts} and {@link
   * SortedSequenceCounts}: no object per variant). Single-threaded.
   */
  public static final class Accumulator {
    private final Abstraction abstraction;
    private final boolean collapseRepeats;
    // Fan-in at which merged states are combined before a result is asked for.
    private static final int MAX_PARTS = 64;

    // Journeys added since the last result or state written, by hashing; and merged states, in
    // label order (never changed once made), combined by a k-way merge when needed.
    private SequenceCounts counts = new SequenceCounts(1);
    private final List<SortedSequenceCounts> parts = new ArrayList<>();
    private long total;
    private int[] buffer = new int[64];

    /**
     * Creates an accumulator over the nodes of {@code abstraction}; {@code collapseRepeats} merges
     * runs of the same node into one step.
     */
    public Accumulator(Abstraction abstraction, boolean collapseRepeats) {
      this.abstraction = Objects.requireNonNull(abstraction, "abstraction");
      this.collapseRepeats = collapseRepeats;
    }

    /**
     * Adds every journey.
     *
     * @throws IllegalArgumentException if {@code journeys} uses another touchpoint dictionary
     */
    public Accumulator addAll(Journeys journeys) {
      checkArgument(
          journeys.dictionary().equals(abstraction.dictionary()),
          "journeys use touchpoint dictionary %s, the variants' abstraction %s",
          journeys.dictionary(),
          abstraction.dictionary());
      for (int j = 0, m = journeys.journeyCount(); j < m; j++) {
        int from = journeys.eventStart(j);
        int to = journeys.eventEnd(j);
        if (buffer.length < to - from) {
          buffer = new int[Math.max(to - from, buffer.length * 2)];
        }
        int len = 0;
        for (int e = from; e < to; e++) {
          int node = abstraction.node(journeys.touchpointCode(e));
          if (!collapseRepeats || len == 0 || buffer[len - 1] != node) {
            buffer[len++] = node;
          }
        }
        counts.add(counts.entry(buffer, 0, len), 0, 1);
        total++;
      }
      return this;
    }

    /**
     * Adds everything {@code other} counted; {@code other} is not changed.
     *
     * @throws IllegalArgumentException if the abstractions or repeat handling differ
     */
    public Accumulator merge(Accumulator other) {
      checkArgument(
          other.abstraction.equals(abstraction) && other.collapseRepeats == collapseRepeats,
          "cannot merge variants over different nodes or repeat handling: %s and %s",
          abstraction,
          other.abstraction);
      // Parts are never changed once made, so other's can be shared.
      parts.addAll(other.parts);
      if (other.counts.size() > 0) {
        parts.add(SortedSequenceCounts.of(other.counts, abstraction.labels()));
      }
      total += other.total;
      compactParts();
      return this;
    }

    /**
     * Writes what this accumulator counted (the node labels and repeat handling, then each
     * variant's node sequence and count, in label order) so that another process can {@link
     * #mergeFrom} it into an accumulator over the same nodes: the way a distributed engine
     * (cx-spark) merges per-partition variants. The bytes are version 1 of cx4j's journey
     * partial-state format: the header of {@link org.cx4j.journey.internal.PartialStates} (format
     * version, family), then the state. Later builds keep reading version 1; {@code mergeFrom}
     * refuses other versions and other families by name.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeTo(DataOutput out) throws IOException {
      SortedSequenceCounts all = sorted();
      PartialStates.writeHeader(out, PartialStates.Family.VARIANTS);
      writeLabels(out, abstraction.labels());
      out.writeBoolean(collapseRepeats);
      out.writeLong(total);
      out.writeInt(all.size());
      // Nodes as one byte each when there are at most 256 labels (the usual case): a quarter
      // of the bytes to ship and read.
      boolean small = abstraction.labels().size() <= 256;
      for (int e = 0; e < all.size(); e++) {
        int len = all.length(e);
        out.writeInt(len);
        for (int k = 0; k < len; k++) {
          writeNode(out, all.element(e, k), small);
        }
        out.writeLong(all.count(e, 0));
      }
    }

    /**
     * Adds what a {@link #writeTo} of an accumulator over the same nodes and repeat handling wrote:
     * the result equals one accumulator fed both inputs, as with {@link #merge}.
     *
     * <p>Cost: the state is read once, in order, and kept as it is (its variants are in label
     * order); the states are combined by one k-way merge when a result is asked for, rather than by
     * a hash-table probe per variant (with millions of distinct variants, a cache miss or more
     * each).
     *
     * @return this accumulator
     * @throws IOException if {@code in} fails or ends early
     * @throws IllegalArgumentException if the nodes or the repeat handling differ, a node or count
     *     is out of range, or the variants are not in label order (not written by {@link #writeTo}
     *     of this version)
     */
    public Accumulator mergeFrom(DataInput in) throws IOException {
      PartialStates.readHeader(in, PartialStates.Family.VARIANTS);
      List<String> labels = readLabels(in);
      boolean collapse = in.readBoolean();
      checkArgument(
          labels.equals(abstraction.labels()) && collapse == collapseRepeats,
          "cannot merge variants over different nodes or repeat handling: %s and %s",
          abstraction.labels(),
          labels);
      boolean small = labels.size() <= 256;
      long otherTotal = in.readLong();
      int size = in.readInt();
      checkArgument(size >= 0, "variant count must be non-negative, got %s", size);
      // Read fully before changing anything, so a truncated state leaves this unchanged.
      SortedSequenceCounts part = new SortedSequenceCounts(labels, 1);
      int[] nodes = new int[16];
      long[] count = new long[1];
      for (int i = 0; i < size; i++) {
        int len = in.readInt();
        checkArgument(len >= 0, "variant length must be non-negative, got %s", len);
        if (nodes.length < len) {
          nodes = new int[Math.max(len, 2 * nodes.length)];
        }
        for (int k = 0; k < len; k++) {
          nodes[k] = small ? in.readUnsignedByte() : in.readInt();
        }
        count[0] = in.readLong();
        checkArgument(count[0] >= 0, "variant count must be non-negative, got %s", count[0]);
        part.append(nodes, 0, len, count); // checks the nodes and the order
      }
      parts.add(part);
      total += otherTotal;
      compactParts();
      return this;
    }

    /** Merges the parts into one when there are many, to bound the merge's fan-in and memory. */
    private void compactParts() {
      if (parts.size() >= MAX_PARTS) {
        SortedSequenceCounts m = SortedSequenceCounts.merge(parts, abstraction.labels(), 1);
        parts.clear();
        parts.add(m);
      }
    }

    /** Everything counted as one sorted part, which then replaces the parts and the counts. */
    private SortedSequenceCounts sorted() {
      if (counts.size() > 0 || parts.size() != 1) {
        List<SortedSequenceCounts> all = new ArrayList<>(parts);
        if (counts.size() > 0) {
          all.add(SortedSequenceCounts.of(counts, abstraction.labels()));
        }
        SortedSequenceCounts m =
            all.size() == 1 ? all.get(0) : SortedSequenceCounts.merge(all, abstraction.labels(), 1);
        parts.clear();
        parts.add(m);
        counts = new SequenceCounts(1);
      }
      return parts.get(0);
    }

    private static void writeNode(DataOutput out, int node, boolean small) throws IOException {
      if (small) {
        out.writeByte(node);
      } else {
        out.writeInt(node);
      }
    }

    static void writeLabels(DataOutput out, List<String> labels) throws IOException {
      out.writeInt(labels.size());
      for (String l : labels) {
        out.writeUTF(l);
      }
    }

    static List<String> readLabels(DataInput in) throws IOException {
      int n = in.readInt();
      checkArgument(n >= 0, "label count must be non-negative, got %s", n);
      List<String> labels = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        labels.add(in.readUTF());
      }
      return labels;
    }

    /**
     * Returns the variants counted so far, most frequent first, ties in label order (label by
     * label, a variant before its extensions; variants with the same labels by node code).
     *
     * <p>Cost: the variants are put in label order by a radix sort of their first steps' label
     * ranks packed into a {@code long} (see {@link SortedSequenceCounts}), merged with any merged
     * states in one k-way merge, then ordered by count with a stable radix sort. With millions of
     * distinct variants, as on long journeys, a comparison sort of label lists took seconds.
     */
    public Variants result() {
      SortedSequenceCounts all = sorted();
      int n = all.size();
      long maxCount = 0;
      for (int e = 0; e < n; e++) {
        maxCount = Math.max(maxCount, all.count(e, 0));
      }
      long[] keys = new long[n];
      int[] order = new int[n];
      // By count, descending; the stable sort keeps the label order within a count.
      for (int e = 0; e < n; e++) {
        keys[e] = maxCount - all.count(e, 0);
        order[e] = e;
      }
      RadixSort.Sorted sortedKeys = RadixSort.sort(keys, order, Long.SIZE);
      keys = sortedKeys.keys();
      order = sortedKeys.intPayload();
      long[] counts = new long[n];
      for (int i = 0; i < n; i++) {
        counts[i] = all.count(order[i], 0);
      }
      return new Variants(all, order, counts, total);
    }
  }
}
