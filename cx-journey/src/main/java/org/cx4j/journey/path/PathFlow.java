package org.cx4j.journey.path;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a {@link PathAnalysis}: the kept edges, step by step from the anchor. Edges point
 * in time order: forward, depth 1 goes from the anchor to the next step; backward, depth 1 goes
 * from the step just before to the anchor. Immutable.
 */
public final class PathFlow {

  /**
   * One edge of the flow.
   *
   * @param depth the number of steps from the anchor (1 = adjacent)
   * @param from the earlier node
   * @param to the later node
   * @param journeys the number of journeys that took this edge at this depth
   */
  public record Edge(int depth, String from, String to, long journeys) {
    @Override
    public String toString() {
      return depth + ": " + from + " -> " + to + " x" + journeys;
    }
  }

  private final String anchor;
  private final boolean forward;
  private final long journeys;
  private final ImmutableList<Edge> edges;

  PathFlow(String anchor, boolean forward, long journeys, List<Edge> edges) {
    this.anchor = anchor;
    this.forward = forward;
    this.journeys = journeys;
    this.edges = ImmutableList.copyOf(edges);
  }

  /** Returns the anchor node's label. */
  public String anchor() {
    return anchor;
  }

  /** Returns whether this is a forward (next steps) analysis. */
  public boolean isForward() {
    return forward;
  }

  /** Returns the number of journeys that visit the anchor. */
  public long journeys() {
    return journeys;
  }

  /** Returns every kept edge, by depth, heaviest first within a depth. */
  public List<Edge> edges() {
    return edges;
  }

  /** Returns the kept edges at {@code depth}, heaviest first. */
  public List<Edge> atDepth(int depth) {
    List<Edge> l = new ArrayList<>();
    for (Edge e : edges) {
      if (e.depth == depth) {
        l.add(e);
      }
    }
    return List.copyOf(l);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("PathFlow[")
            .append(forward ? "after " : "before ")
            .append(anchor)
            .append(", ")
            .append(journeys)
            .append(" journeys");
    for (Edge e : edges) {
      sb.append("\n  ").append(e);
    }
    return sb.append(']').toString();
  }
}
