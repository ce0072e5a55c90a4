package org.cx4j.spark.journey;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.internal.SequenceCounts;
import org.cx4j.journey.internal.SortedSequenceCounts;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.rebuild.Journeys;

/**
 * Attribution paths counted by node sequence, the partition-side half of {@code
 * PathData.fromJourneys}: a journey's path is its nodes up to and including its first event with
 * the conversion outcome (all its nodes if none), counted as converted (worth 1) or not. Paths are
 * kept and shipped as node-code sequences, one entry per distinct path, and merged by adding
 * counts; they are shipped in label order and merged by a k-way merge ({@link
 * SortedSequenceCounts}), so the merged {@link PathData}, in that order, does not depend on the
 * partitioning. Single-threaded.
 */
final class Paths {

  private final List<String> labels;
  // Paths counted here, by hashing (conversions, nulls); and merged states, in label order.
  private SequenceCounts counts = new SequenceCounts(2);
  private final List<SortedSequenceCounts> parts = new ArrayList<>();

  Paths(List<String> labels) {
    this.labels = List.copyOf(labels);
  }

  /** Counts the paths of {@code journeys} over {@code nodes}. */
  static Paths count(Journeys journeys, Abstraction nodes, Outcome conversion) {
    Paths p = new Paths(nodes.labels());
    int target = journeys.outcomes().indexOf(conversion);
    int[] buffer = new int[64];
    for (int j = 0, m = journeys.journeyCount(); j < m; j++) {
      int from = journeys.eventStart(j);
      int to = journeys.eventEnd(j);
      if (buffer.length < to - from) {
        buffer = new int[Math.max(to - from, 2 * buffer.length)];
      }
      int len = 0;
      boolean converted = false;
      for (int e = from; e < to && !converted; e++) {
        buffer[len++] = nodes.node(journeys.touchpointCode(e));
        converted = target >= 0 && journeys.outcomeCode(e) == target;
      }
      p.counts.add(p.counts.entry(buffer, 0, len), converted ? 0 : 1, 1);
    }
    return p;
  }

  /** Writes the node labels, then each path's nodes, conversions and nulls, in label order. */
  void writeTo(DataOutput out) throws IOException {
    SortedSequenceCounts all = sorted();
    out.writeInt(labels.size());
    for (String l : labels) {
      out.writeUTF(l);
    }
    out.writeInt(all.size());
    // Nodes as one byte each when there are at most 256 labels (the usual case): a quarter of
    // the bytes to ship, serialize and read.
    boolean small = labels.size() <= 256;
    for (int e = 0; e < all.size(); e++) {
      int len = all.length(e);
      out.writeInt(len);
      for (int k = 0; k < len; k++) {
        writeNode(out, all.element(e, k), small);
      }
      out.writeLong(all.count(e, 0));
      out.writeLong(all.count(e, 1));
    }
  }

  /**
   * Adds what {@link #writeTo} wrote: read once, in order, and combined with the rest by one k-way
   * merge in {@link #result} (see {@link SortedSequenceCounts}).
   *
   * @throws IllegalArgumentException if the labels differ, a node or count is out of range, or the
   *     paths are not in label order
   */
  void mergeFrom(DataInput in) throws IOException {
    int nl = in.readInt();
    List<String> theirs = new ArrayList<>();
    for (int i = 0; i < nl; i++) {
      theirs.add(in.readUTF());
    }
    if (!theirs.equals(labels)) {
      throw new IllegalArgumentException(
          "cannot merge paths over nodes " + theirs + " into paths over " + labels);
    }
    boolean small = nl <= 256;
    int size = in.readInt();
    SortedSequenceCounts part = new SortedSequenceCounts(labels, 2);
    int[] nodes = new int[64];
    long[] c = new long[2];
    for (int i = 0; i < size; i++) {
      int len = in.readInt();
      if (len < 1) {
        throw new IllegalArgumentException("corrupt partition state: path length " + len);
      }
      if (nodes.length < len) {
        nodes = new int[Math.max(len, 2 * nodes.length)];
      }
      for (int k = 0; k < len; k++) {
        nodes[k] = small ? in.readUnsignedByte() : in.readInt();
      }
      c[0] = in.readLong();
      c[1] = in.readLong();
      if (c[0] < 0 || c[1] < 0) {
        throw new IllegalArgumentException("corrupt partition state: counts " + c[0] + ", " + c[1]);
      }
      part.append(nodes, 0, len, c); // checks the nodes and the order
    }
    parts.add(part);
  }

  /** Everything counted as one sorted part, which then replaces the parts and the counts. */
  private SortedSequenceCounts sorted() {
    if (counts.size() > 0 || parts.size() != 1) {
      List<SortedSequenceCounts> all = new ArrayList<>(parts);
      if (counts.size() > 0) {
        all.add(SortedSequenceCounts.of(counts, labels));
      }
      SortedSequenceCounts m =
          all.size() == 1 ? all.get(0) : SortedSequenceCounts.merge(all, labels, 2);
      parts.clear();
      parts.add(m);
      counts = new SequenceCounts(2);
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

  /** Returns whether no path was counted. */
  boolean isEmpty() {
    return sorted().size() == 0;
  }

  /**
   * Returns the paths as {@link PathData}, ordered by their label sequences (compared label by
   * label, a path before its extensions; paths with the same labels by node code), the channels
   * numbered in order of first appearance; each conversion is worth 1.
   */
  PathData result() {
    SortedSequenceCounts all = sorted();
    int n = all.size();
    int touches = 0;
    for (int p = 0; p < n; p++) {
      touches += all.length(p);
    }
    int[] channelOf = new int[labels.size()];
    Arrays.fill(channelOf, -1);
    List<String> channels = new ArrayList<>();
    int[] offsets = new int[n + 1];
    int[] touch = new int[touches];
    long[] conversions = new long[n];
    double[] value = new double[n];
    long[] nulls = new long[n];
    int used = 0;
    for (int p = 0; p < n; p++) {
      for (int k = 0, len = all.length(p); k < len; k++) {
        int node = all.element(p, k);
        if (channelOf[node] < 0) {
          channelOf[node] = channels.size();
          channels.add(labels.get(node));
        }
        touch[used++] = channelOf[node];
      }
      offsets[p + 1] = used;
      conversions[p] = all.count(p, 0);
      value[p] = conversions[p];
      nulls[p] = all.count(p, 1);
    }
    return PathData.ofColumns(channels, offsets, touch, conversions, value, nulls);
  }
}
