package org.cx4j.spark.journey;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.SequenceCounts;

/**
 * Attribution paths counted by node sequence, the partition-side half of {@code
 * PathData.fromJourneys}: a journey's path is its nodes up to and including its first event with
 * the conversion outcome (all its nodes if none), counted as converted (worth 1) or not. Paths are
 * kept and shipped as node-code sequences, one entry per distinct path, and merged by adding
 * counts; {@link #result} orders them by their label sequences, so the merged {@link PathData}
 * does not depend on the partitioning. Single-threaded.
 */
final class Paths {

  private final List<String> labels;
  private final SequenceCounts counts = new SequenceCounts(2); // conversions, nulls

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

  /** Writes the node labels, then each path's nodes, conversions and nulls. */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(labels.size());
    for (String l : labels) {
      out.writeUTF(l);
    }
    out.writeInt(counts.size());
    // Nodes as one byte each when there are at most 256 labels (the usual case): a quarter of
    // the bytes to ship, serialize and read.
    boolean small = labels.size() <= 256;
    for (int e = 0; e < counts.size(); e++) {
      int len = counts.length(e);
      out.writeInt(len);
      for (int k = 0; k < len; k++) {
        writeNode(out, counts.element(e, k), small);
      }
      out.writeLong(counts.count(e, 0));
      out.writeLong(counts.count(e, 1));
    }
  }

  /**
   * Adds what {@link #writeTo} wrote.
   *
   * @throws IllegalArgumentException if the labels differ or a node or count is out of range
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
    int[] nodes = new int[64];
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
        if (nodes[k] < 0 || nodes[k] >= nl) {
          throw new IllegalArgumentException("corrupt partition state: node " + nodes[k]);
        }
      }
      long conv = in.readLong();
      long nul = in.readLong();
      if (conv < 0 || nul < 0) {
        throw new IllegalArgumentException(
            "corrupt partition state: counts " + conv + ", " + nul);
      }
      int e = counts.entry(nodes, 0, len);
      counts.add(e, 0, conv);
      counts.add(e, 1, nul);
    }
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
    return counts.size() == 0;
  }

  /**
   * Returns the paths as {@link PathData}, ordered by their label sequences (compared label by
   * label, a path before its extensions), the channels numbered in order of first appearance;
   * each conversion is worth 1.
   */
  PathData result() {
    int n = counts.size();
    int[][] seqs = new int[n][];
    int touches = 0;
    for (int i = 0; i < n; i++) {
      seqs[i] = counts.sequence(i);
      touches += seqs[i].length;
    }
    // By label sequence, a path before its extensions (cx-journey's order of variants).
    int[] order = SequenceCounts.labelOrder(seqs, labels);
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
      int o = order[p];
      for (int node : seqs[o]) {
        if (channelOf[node] < 0) {
          channelOf[node] = channels.size();
          channels.add(labels.get(node));
        }
        touch[used++] = channelOf[node];
      }
      offsets[p + 1] = used;
      conversions[p] = counts.count(o, 0);
      value[p] = conversions[p];
      nulls[p] = counts.count(o, 1);
    }
    return PathData.ofColumns(channels, offsets, touch, conversions, value, nulls);
  }
}
