package org.cx4j.journey.graph;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cx4j.journey.internal.PartialStates;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.DurationSummary;
import org.cx4j.journey.timing.SecondsHistogram;
import org.cx4j.metrics.internal.RadixSort;

/**
 * The transition graph, or directly-follows graph, of a set of journeys: for each ordered pair of
 * nodes (touchpoints, channels or stages) {@code a -> b}, how often {@code b} directly followed
 * {@code a} in a journey, and the exact distribution of the time between them (mean, median, p90 at
 * one-second resolution). Also per node: journeys starting and ending there, visits, and rework
 * (visits to a node already visited earlier in the same journey). Self-loops are edges {@code a ->
 * a}.
 *
 * <p>Reference: the directly-follows relation {@code a > b} of van der Aalst, <i>Process Mining:
 * Data Science in Action</i>, 2nd ed., Springer 2016, section 6.2.
 *
 * <p>Built by an {@link Accumulator}; accumulators over disjoint sets of journeys {@link
 * Accumulator#merge merge} into exactly the graph of their union. Immutable. An empty graph has no
 * edges and zero counts.
 */
public final class TransitionGraph {

  /**
   * One edge of the graph.
   *
   * @param from the source node's label
   * @param to the target node's label
   * @param count how many times {@code to} directly followed {@code from}
   * @param timing the exact distribution of the time between the two events
   */
  public record Edge(String from, String to, long count, DurationSummary timing) {
    /** Returns whether this edge is a self-loop ({@code from.equals(to)}). */
    public boolean isSelfLoop() {
      return from.equals(to);
    }

    @Override
    public String toString() {
      return from
          + " -> "
          + to
          + " x"
          + count
          + String.format(
              " (mean %.1fs, median %.1fs, p90 %.0fs)",
              timing.meanSeconds(), timing.medianSeconds(), timing.p90Seconds());
    }
  }

  private final ImmutableList<String> nodes;
  private final ImmutableList<Edge> edges;
  private final ImmutableMap<String, Long> starts;
  private final ImmutableMap<String, Long> ends;
  private final ImmutableMap<String, Long> visits;
  private final ImmutableMap<String, Long> rework;
  private final ImmutableMap<String, Long> reworkJourneys;
  private final long journeys;

  private TransitionGraph(
      List<String> nodes,
      List<Edge> edges,
      Map<String, Long> starts,
      Map<String, Long> ends,
      Map<String, Long> visits,
      Map<String, Long> rework,
      Map<String, Long> reworkJourneys,
      long journeys) {
    this.nodes = ImmutableList.copyOf(nodes);
    this.edges = ImmutableList.copyOf(edges);
    this.starts = ImmutableMap.copyOf(starts);
    this.ends = ImmutableMap.copyOf(ends);
    this.visits = ImmutableMap.copyOf(visits);
    this.rework = ImmutableMap.copyOf(rework);
    this.reworkJourneys = ImmutableMap.copyOf(reworkJourneys);
    this.journeys = journeys;
  }

  /** Returns the graph of all {@code journeys} at {@code level}. */
  public static TransitionGraph of(Journeys journeys, Level level) {
    return of(journeys, Abstraction.of(journeys.dictionary(), level));
  }

  /** Returns the graph of all {@code journeys} over the nodes of {@code abstraction}. */
  public static TransitionGraph of(Journeys journeys, Abstraction abstraction) {
    Accumulator a = new Accumulator(abstraction);
    a.addAll(journeys);
    return a.result();
  }

  /** Returns the node labels, in node-code order (nodes never visited included). */
  public List<String> nodes() {
    return nodes;
  }

  /** Returns the edges with a positive count, most frequent first (ties by labels). */
  public List<Edge> edges() {
    return edges;
  }

  /** Returns the edge {@code from -> to}, if it occurred. */
  public Optional<Edge> edge(String from, String to) {
    for (Edge e : edges) {
      if (e.from.equals(from) && e.to.equals(to)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Returns how often {@code to} directly followed {@code from}; 0 if never. */
  public long count(String from, String to) {
    return edge(from, to).map(Edge::count).orElse(0L);
  }

  /** Returns, per node, the number of journeys whose first event is there. */
  public Map<String, Long> starts() {
    return starts;
  }

  /** Returns, per node, the number of journeys whose last event is there. */
  public Map<String, Long> ends() {
    return ends;
  }

  /** Returns, per node, the number of events there. */
  public Map<String, Long> visits() {
    return visits;
  }

  /**
   * Returns, per node, the rework: events at a node the same journey had already visited (so a
   * journey {@code a b a a} has rework 2 at {@code a}).
   */
  public Map<String, Long> rework() {
    return rework;
  }

  /** Returns, per node, the number of journeys with at least one rework event there. */
  public Map<String, Long> reworkJourneys() {
    return reworkJourneys;
  }

  /** Returns the total count of self-loop transitions {@code a -> a}. */
  public long selfLoops() {
    long s = 0;
    for (Edge e : edges) {
      if (e.isSelfLoop()) {
        s += e.count;
      }
    }
    return s;
  }

  /** Returns the number of journeys in the graph. */
  public long journeys() {
    return journeys;
  }

  /** Returns the total number of transitions (sum of edge counts). */
  public long transitions() {
    long s = 0;
    for (Edge e : edges) {
      s += e.count;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TransitionGraph)) {
      return false;
    }
    TransitionGraph g = (TransitionGraph) o;
    return g.journeys == journeys
        && g.nodes.equals(nodes)
        && g.edges.equals(edges)
        && g.starts.equals(starts)
        && g.ends.equals(ends)
        && g.visits.equals(visits)
        && g.rework.equals(rework)
        && g.reworkJourneys.equals(reworkJourneys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodes, edges, starts, ends, journeys);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("TransitionGraph[")
            .append(journeys)
            .append(" journeys, ")
            .append(nodes.size())
            .append(" nodes, ")
            .append(edges.size())
            .append(" edges, ")
            .append(transitions())
            .append(" transitions");
    for (int i = 0; i < Math.min(10, edges.size()); i++) {
      sb.append("\n  ").append(edges.get(i));
    }
    if (edges.size() > 10) {
      sb.append("\n  ... ").append(edges.size() - 10).append(" more");
    }
    return sb.append(']').toString();
  }

  /**
   * Accumulates journeys into a transition graph. Single-threaded: use one per thread and {@link
   * #merge} them. Memory: {@code nodes^2} edge slots; for each edge that occurs, an {@code int}
   * count per second up to the longest gap seen (below {@link SecondsHistogram#DENSE_LIMIT}).
   */
  public static final class Accumulator {
    // Counts per bucket are ints to halve the footprint; a bucket that reaches SPILL moves its
    // count to the edge's exact SecondsHistogram, so nothing overflows.
    private static final int SPILL = 1 << 30;
    // Why a buffer: incrementing dense[edge][second] directly is a random access into megabytes
    // of counters, which costs a cache miss per event on a loaded machine. Instead, transitions
    // are packed as (edge << SEC_BITS | second) into a buffer of up to 2^20 entries, radix-
    // sorted and counted in runs, so memory is touched in order (one sweep of the counters per
    // flush, amortized over a million transitions). Gaps of SEC_CAP seconds or more, and graphs
    // too large to pack, take the direct path.
    private static final int SEC_BITS = 11;
    private static final int SEC_CAP = 1 << SEC_BITS;
    private static final int BUFFER = 1 << 20;

    private final Abstraction abstraction;
    private final int n;
    private final int[][] dense; // dense[edge][seconds] = count
    private final SecondsHistogram[] spill; // long gaps and spilled buckets; null until needed
    private final long[] starts;
    private final long[] ends;
    private final long[] visits;
    private final long[] rework;
    private final long[] reworkJourneys;
    private final long[] seenIn; // serial of the last journey that visited the node
    private final long[] reworkIn; // serial of the last journey that reworked the node
    private long serial;
    private long journeys;
    private final boolean packed;
    private final int keyBits;
    private int[] buffer;
    private int[] scratch;
    private int buffered;

    /**
     * Creates an empty accumulator over the nodes of {@code abstraction}.
     *
     * @throws IllegalArgumentException if the abstraction has more than 46340 nodes (edge slots
     *     would overflow an int)
     */
    public Accumulator(Abstraction abstraction) {
      this.abstraction = Objects.requireNonNull(abstraction, "abstraction");
      this.n = abstraction.size();
      checkArgument(n <= 46340, "too many nodes for a dense transition matrix: %s > 46340", n);
      dense = new int[n * n][];
      spill = new SecondsHistogram[n * n];
      starts = new long[n];
      ends = new long[n];
      visits = new long[n];
      rework = new long[n];
      reworkJourneys = new long[n];
      seenIn = new long[n];
      reworkIn = new long[n];
      int edgeBits = n * n <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n * n - 1);
      keyBits = edgeBits + SEC_BITS;
      packed = keyBits <= 31;
    }

    /**
     * Adds every journey of {@code journeys}.
     *
     * @throws IllegalArgumentException if {@code journeys} uses another touchpoint dictionary
     */
    public Accumulator addAll(Journeys journeys) {
      checkDictionary(journeys);
      for (int j = 0, m = journeys.journeyCount(); j < m; j++) {
        addUnchecked(journeys, j);
      }
      return this;
    }

    /**
     * Adds journey {@code j} of {@code journeys}.
     *
     * @throws IllegalArgumentException if {@code journeys} uses another touchpoint dictionary
     * @throws IndexOutOfBoundsException if {@code j} is out of range
     */
    public Accumulator add(Journeys journeys, int j) {
      checkDictionary(journeys);
      Objects.checkIndex(j, journeys.journeyCount());
      addUnchecked(journeys, j);
      return this;
    }

    private void checkDictionary(Journeys journeys) {
      checkArgument(
          journeys.dictionary() == abstraction.dictionary()
              || journeys.dictionary().equals(abstraction.dictionary()),
          "journeys use touchpoint dictionary %s, the graph's abstraction %s",
          journeys.dictionary(),
          abstraction.dictionary());
    }

    private void addUnchecked(Journeys js, int j) {
      int from = js.eventStart(j);
      int to = js.eventEnd(j);
      long s = ++serial;
      journeys++;
      int prev = abstraction.node(js.touchpointCode(from));
      long prevT = js.epochMillis(from);
      starts[prev]++;
      visits[prev]++;
      seenIn[prev] = s;
      for (int e = from + 1; e < to; e++) {
        int node = abstraction.node(js.touchpointCode(e));
        long t = js.epochMillis(e);
        visits[node]++;
        if (seenIn[node] == s) {
          rework[node]++;
          if (reworkIn[node] != s) {
            reworkIn[node] = s;
            reworkJourneys[node]++;
          }
        } else {
          seenIn[node] = s;
        }
        int edge = prev * n + node;
        // Journeys are time-ordered, so t >= prevT and the gap is non-negative.
        long sec = (t - prevT) / 1000;
        if (packed && sec < SEC_CAP) {
          if (buffer == null || buffered == buffer.length) {
            flushOrGrow();
          }
          buffer[buffered++] = edge << SEC_BITS | (int) sec;
        } else {
          addSlow(edge, sec, 1);
        }
        prev = node;
        prevT = t;
      }
      ends[prev]++;
    }

    private void flushOrGrow() {
      if (buffer == null) {
        buffer = new int[1024];
      } else if (buffer.length < BUFFER) {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 4);
      } else {
        flush();
      }
    }

    /** Sorts the buffered transitions (radix sort of the packed key) and adds them in runs. */
    private void flush() {
      int size = buffered;
      if (size == 0) {
        return;
      }
      if (scratch == null || scratch.length < size) {
        scratch = new int[buffer.length];
      }
      int[] src = RadixSort.sort(buffer, size, scratch, keyBits);
      int[] dst = src == buffer ? scratch : buffer;
      int i = 0;
      while (i < size) {
        int k = src[i];
        int r = i + 1;
        while (r < size && src[r] == k) {
          r++;
        }
        addSlow(k >>> SEC_BITS, k & (SEC_CAP - 1), r - i);
        i = r;
      }
      buffer = src;
      scratch = dst;
      buffered = 0;
    }

    private void addSlow(int edge, long sec, long times) {
      if (sec >= SecondsHistogram.DENSE_LIMIT) {
        SecondsHistogram h = spill(edge);
        for (long k = 0; k < times; k++) {
          h.addSeconds(sec);
        }
        return;
      }
      int[] d = dense[edge];
      if (d == null || sec >= d.length) {
        int len = d == null ? 0 : d.length;
        d =
            dense[edge] =
                java.util.Arrays.copyOf(
                    d == null ? new int[0] : d,
                    (int) Math.min(SecondsHistogram.DENSE_LIMIT, Math.max(sec + 1, 2L * len)));
      }
      long v = d[(int) sec] + times;
      if (v >= SPILL) {
        spill(edge).addSeconds(sec, v);
        d[(int) sec] = 0;
      } else {
        d[(int) sec] = (int) v;
      }
    }

    private SecondsHistogram spill(int edge) {
      SecondsHistogram h = spill[edge];
      if (h == null) {
        h = spill[edge] = new SecondsHistogram();
      }
      return h;
    }

    /**
     * Adds everything {@code other} accumulated; the result equals one accumulator fed both inputs.
     *
     * @throws IllegalArgumentException if {@code other} has a different abstraction
     */
    public Accumulator merge(Accumulator other) {
      checkArgument(
          other.abstraction.equals(abstraction),
          "cannot merge graphs over different nodes: %s and %s",
          abstraction,
          other.abstraction);
      flush();
      other.flush(); // changes only other's internal layout, not what it counted
      for (int i = 0; i < dense.length; i++) {
        int[] od = other.dense[i];
        if (od != null) {
          for (int sec = od.length - 1; sec >= 0; sec--) {
            if (od[sec] != 0) {
              addSlow(i, sec, od[sec]);
            }
          }
          if (dense[i] == null) {
            dense[i] = new int[0]; // the edge occurred, even if all its counts spilled
          }
        }
        if (other.spill[i] != null) {
          spill(i).merge(other.spill[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        starts[i] += other.starts[i];
        ends[i] += other.ends[i];
        visits[i] += other.visits[i];
        rework[i] += other.rework[i];
        reworkJourneys[i] += other.reworkJourneys[i];
      }
      journeys += other.journeys;
      return this;
    }

    /**
     * Writes what this accumulator counted (the node labels; each occurring edge with its gap
     * histogram; starts, ends, visits and rework per node; the journey count) so that another
     * process can {@link #mergeFrom} it into an accumulator over the same nodes: the way a
     * distributed engine (cx-spark) merges per-partition graphs. The bytes are version 1 of cx4j's
     * journey partial-state format: the header of {@link org.cx4j.journey.internal.PartialStates}
     * (format version, family), then the state. Later builds keep reading version 1; {@code
     * mergeFrom} refuses other versions and other families by name.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeTo(DataOutput out) throws IOException {
      flush();
      PartialStates.writeHeader(out, PartialStates.Family.TRANSITION_GRAPH);
      List<String> labels = abstraction.labels();
      out.writeInt(labels.size());
      for (String l : labels) {
        out.writeUTF(l);
      }
      int edges = 0;
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != null || spill[i] != null) {
          edges++;
        }
      }
      out.writeInt(edges);
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != null || spill[i] != null) {
          out.writeInt(i);
          edgeHistogram(i).writeTo(out);
        }
      }
      for (long[] v : new long[][] {starts, ends, visits, rework, reworkJourneys}) {
        for (long x : v) {
          out.writeLong(x);
        }
      }
      out.writeLong(journeys);
    }

    /**
     * Adds what a {@link #writeTo} of an accumulator over the same nodes wrote: the result equals
     * one accumulator fed both inputs, as with {@link #merge}.
     *
     * @return this accumulator
     * @throws IOException if {@code in} fails or ends early
     * @throws IllegalArgumentException if the nodes differ or an edge is out of range
     */
    public Accumulator mergeFrom(DataInput in) throws IOException {
      PartialStates.readHeader(in, PartialStates.Family.TRANSITION_GRAPH);
      int size = in.readInt();
      checkArgument(size >= 0, "label count must be non-negative, got %s", size);
      List<String> labels = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        labels.add(in.readUTF());
      }
      checkArgument(
          labels.equals(abstraction.labels()),
          "cannot merge graphs over different nodes: %s and %s",
          abstraction.labels(),
          labels);
      int edges = in.readInt();
      checkArgument(
          edges >= 0 && edges <= dense.length,
          "edge count %s is not in 0..%s",
          edges,
          dense.length);
      int[] index = new int[edges];
      SecondsHistogram[] hist = new SecondsHistogram[edges];
      for (int e = 0; e < edges; e++) {
        index[e] = in.readInt();
        checkArgument(
            index[e] >= 0 && index[e] < dense.length,
            "edge %s is not in 0..%s",
            index[e],
            dense.length - 1);
        hist[e] = SecondsHistogram.readFrom(in);
      }
      long[][] perNode = new long[5][n];
      for (long[] v : perNode) {
        for (int i = 0; i < n; i++) {
          v[i] = in.readLong();
        }
      }
      long otherJourneys = in.readLong();
      // Read fully before changing anything, so a truncated state leaves this unchanged. The
      // edge histograms join the spill histograms, which result() adds to the dense counts.
      for (int e = 0; e < edges; e++) {
        spill(index[e]).merge(hist[e]);
      }
      long[][] mine = {starts, ends, visits, rework, reworkJourneys};
      for (int v = 0; v < 5; v++) {
        for (int i = 0; i < n; i++) {
          mine[v][i] += perNode[v][i];
        }
      }
      journeys += otherJourneys;
      return this;
    }

    private SecondsHistogram edgeHistogram(int i) {
      SecondsHistogram h = new SecondsHistogram();
      int[] d = dense[i];
      if (d != null) {
        for (int sec = d.length - 1; sec >= 0; sec--) {
          h.addSeconds(sec, d[sec]);
        }
      }
      if (spill[i] != null) {
        h.merge(spill[i]);
      }
      return h;
    }

    /** Returns the graph of everything added so far; later additions do not change it. */
    public TransitionGraph result() {
      flush();
      List<String> labels = abstraction.labels();
      List<Edge> edges = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          int i = a * n + b;
          if (dense[i] == null && spill[i] == null) {
            continue;
          }
          SecondsHistogram h = edgeHistogram(i);
          if (h.count() > 0) {
            edges.add(new Edge(labels.get(a), labels.get(b), h.count(), h.result()));
          }
        }
      }
      edges.sort(
          Comparator.comparingLong(Edge::count)
              .reversed()
              .thenComparing(Edge::from)
              .thenComparing(Edge::to));
      return new TransitionGraph(
          labels,
          edges,
          perNode(starts),
          perNode(ends),
          perNode(visits),
          perNode(rework),
          perNode(reworkJourneys),
          journeys);
    }

    private Map<String, Long> perNode(long[] v) {
      Map<String, Long> m = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        m.put(abstraction.label(i), v[i]);
      }
      return m;
    }
  }
}
