package org.cx4j.journey.path;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.UnknownNames;
import org.cx4j.journey.rebuild.Journeys;

/**
 * Path analysis (a "path explorer"): the most common next steps after a start node, or previous
 * steps before an end node, step by step, as a tree of flows. At each depth only the {@code
 * edgeLimit} heaviest edges with at least {@code minEdgeWeight} journeys are kept (equal weights by
 * the node code nearer the anchor, then the farther one, in the abstraction's order with the
 * pseudo-node last); journeys through a dropped edge leave the analysis there. A journey that stops
 * is shown as an edge to {@value #END} (forward) or from {@value #START} (backward), so drop-off is
 * visible.
 *
 * <p>Forward analysis anchors each journey at its <em>first</em> visit to the start node; backward
 * analysis at its <em>last</em> visit to the end node. Path cleaning: pass an {@link Abstraction}
 * that renames or merges touchpoints, and {@link #collapseRepeats(boolean)}. Immutable
 * configuration; {@link #forward}/{@link #backward} compute a {@link PathFlow}.
 */
public final class PathAnalysis {

  /** Pseudo-node: the journey ended. */
  public static final String END = "(end)";

  /** Pseudo-node: the journey started. */
  public static final String START = "(start)";

  private final Abstraction abstraction;
  private final int steps;
  private final int edgeLimit;
  private final long minEdgeWeight;
  private final boolean collapseRepeats;
  private final UnknownNames unknownNames;

  private PathAnalysis(
      Abstraction a, int steps, int edgeLimit, long minEdgeWeight, boolean collapse) {
    this(a, steps, edgeLimit, minEdgeWeight, collapse, UnknownNames.REJECT);
  }

  private PathAnalysis(
      Abstraction a,
      int steps,
      int edgeLimit,
      long minEdgeWeight,
      boolean collapse,
      UnknownNames unknownNames) {
    this.abstraction = a;
    this.steps = steps;
    this.edgeLimit = edgeLimit;
    this.minEdgeWeight = minEdgeWeight;
    this.collapseRepeats = collapse;
    this.unknownNames = unknownNames;
  }

  /**
   * Returns an analysis over {@code abstraction}: 5 steps, 10 edges per step, weight at least 1,
   * repeats kept.
   */
  public static PathAnalysis over(Abstraction abstraction) {
    return new PathAnalysis(Objects.requireNonNull(abstraction, "abstraction"), 5, 10, 1, false);
  }

  /**
   * Returns a copy that follows {@code steps} steps from the anchor.
   *
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public PathAnalysis steps(int steps) {
    checkArgument(steps >= 1, "steps must be at least 1, got %s", steps);
    return new PathAnalysis(
        abstraction, steps, edgeLimit, minEdgeWeight, collapseRepeats, unknownNames);
  }

  /**
   * Returns a copy that keeps at most {@code edgeLimit} edges per step.
   *
   * @throws IllegalArgumentException if {@code edgeLimit < 1}
   */
  public PathAnalysis edgeLimit(int edgeLimit) {
    checkArgument(edgeLimit >= 1, "edgeLimit must be at least 1, got %s", edgeLimit);
    return new PathAnalysis(
        abstraction, steps, edgeLimit, minEdgeWeight, collapseRepeats, unknownNames);
  }

  /**
   * Returns a copy that drops edges with fewer than {@code minEdgeWeight} journeys.
   *
   * @throws IllegalArgumentException if {@code minEdgeWeight < 1}
   */
  public PathAnalysis minEdgeWeight(long minEdgeWeight) {
    checkArgument(minEdgeWeight >= 1, "minEdgeWeight must be at least 1, got %s", minEdgeWeight);
    return new PathAnalysis(
        abstraction, steps, edgeLimit, minEdgeWeight, collapseRepeats, unknownNames);
  }

  /** Returns a copy that does or does not collapse runs of the same node into one step. */
  public PathAnalysis collapseRepeats(boolean collapse) {
    return new PathAnalysis(abstraction, steps, edgeLimit, minEdgeWeight, collapse, unknownNames);
  }

  /**
   * Returns a copy that rejects (default) or allows an anchor naming no node: with {@link
   * UnknownNames#ALLOW} such an anchor gives an empty flow instead of an error.
   */
  public PathAnalysis unknownNames(UnknownNames policy) {
    return new PathAnalysis(
        abstraction,
        steps,
        edgeLimit,
        minEdgeWeight,
        collapseRepeats,
        Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Returns the flows after the first visit to {@code start} in each journey.
   *
   * @throws IllegalArgumentException if no node is labelled {@code start} (unless {@link
   *     UnknownNames#ALLOW}), naming up to three closest labels (edit distance at most 2)
   */
  public PathFlow forward(Journeys journeys, String start) {
    return run(journeys, start, true);
  }

  /**
   * Returns the flows before the last visit to {@code end} in each journey (depth 1 is the step
   * just before {@code end}).
   *
   * @throws IllegalArgumentException if no node is labelled {@code end} (unless {@link
   *     UnknownNames#ALLOW}), naming up to three closest labels (edit distance at most 2)
   */
  public PathFlow backward(Journeys journeys, String end) {
    return run(journeys, end, false);
  }

  private PathFlow run(Journeys js, String anchorLabel, boolean forward) {
    Objects.requireNonNull(anchorLabel, forward ? "start" : "end");
    if (!abstraction.labels().contains(anchorLabel)) {
      checkArgument(
          unknownNames == UnknownNames.ALLOW,
          "%s",
          UnknownNames.message(
              "path " + (forward ? "start" : "end"), anchorLabel, abstraction.labels()));
      return new PathFlow(anchorLabel, forward, 0, List.of());
    }
    int anchor = abstraction.nodeOf(anchorLabel);
    checkArgument(
        js.dictionary().equals(abstraction.dictionary()),
        "journeys use touchpoint dictionary %s, the analysis %s",
        js.dictionary(),
        abstraction.dictionary());
    int stop = abstraction.size(); // code of the END/START pseudo-node
    List<int[]> paths = new ArrayList<>();
    int[] buf = new int[steps + 1];
    for (int j = 0; j < js.journeyCount(); j++) {
      int from = js.eventStart(j);
      int to = js.eventEnd(j);
      int at = -1;
      if (forward) {
        for (int e = from; e < to && at < 0; e++) {
          if (abstraction.node(js.touchpointCode(e)) == anchor) {
            at = e;
          }
        }
      } else {
        for (int e = to - 1; e >= from && at < 0; e--) {
          if (abstraction.node(js.touchpointCode(e)) == anchor) {
            at = e;
          }
        }
      }
      if (at < 0) {
        continue;
      }
      int len = 0;
      buf[len++] = anchor;
      int e = at;
      while (len <= steps) {
        e += forward ? 1 : -1;
        if (e < from || e >= to) {
          buf[len++] = stop;
          break;
        }
        int node = abstraction.node(js.touchpointCode(e));
        if (collapseRepeats && node == buf[len - 1]) {
          continue;
        }
        buf[len++] = node;
      }
      paths.add(Arrays.copyOf(buf, len));
    }
    // Depth by depth: count edges of the journeys still in the analysis, keep the heaviest.
    List<PathFlow.Edge> kept = new ArrayList<>();
    boolean[] active = new boolean[paths.size()];
    Arrays.fill(active, true);
    String stopLabel = forward ? END : START;
    for (int d = 1; d <= steps; d++) {
      Map<Long, long[]> counts = new HashMap<>();
      for (int p = 0; p < paths.size(); p++) {
        int[] path = paths.get(p);
        if (!active[p] || path.length <= d) {
          active[p] = false;
          continue;
        }
        long key = (long) path[d - 1] << 32 | path[d];
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
      }
      List<Map.Entry<Long, long[]>> edges = new ArrayList<>(counts.entrySet());
      edges.removeIf(x -> x.getValue()[0] < minEdgeWeight);
      edges.sort(
          Comparator.<Map.Entry<Long, long[]>>comparingLong(x -> -x.getValue()[0])
              .thenComparingLong(Map.Entry::getKey));
      if (edges.size() > edgeLimit) {
        edges = edges.subList(0, edgeLimit);
      }
      java.util.Set<Long> keep = new java.util.HashSet<>();
      for (Map.Entry<Long, long[]> x : edges) {
        keep.add(x.getKey());
        int a = (int) (x.getKey() >>> 32);
        int b = (int) (long) x.getKey();
        String la = a == stop ? stopLabel : abstraction.label(a);
        String lb = b == stop ? stopLabel : abstraction.label(b);
        kept.add(
            forward
                ? new PathFlow.Edge(d, la, lb, x.getValue()[0])
                : new PathFlow.Edge(d, lb, la, x.getValue()[0]));
      }
      for (int p = 0; p < paths.size(); p++) {
        if (active[p]) {
          int[] path = paths.get(p);
          active[p] = keep.contains((long) path[d - 1] << 32 | path[d]) && path[d] != stop;
        }
      }
    }
    return new PathFlow(anchorLabel, forward, paths.size(), kept);
  }

  @Override
  public String toString() {
    return "PathAnalysis["
        + steps
        + " steps, "
        + edgeLimit
        + " edges per step, min weight "
        + minEdgeWeight
        + (collapseRepeats ? ", repeats collapsed" : "")
        + ", over "
        + abstraction
        + "]";
  }
}
