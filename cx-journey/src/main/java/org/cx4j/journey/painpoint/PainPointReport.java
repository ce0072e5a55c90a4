package org.cx4j.journey.painpoint;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pain points and moments of delight: every node's {@link NodeScore}, ranked by pain (highest
 * first) and by delight (highest first, nodes with feedback only). Small samples are flagged in
 * each score, never dropped. Immutable.
 */
public final class PainPointReport {

  private final ImmutableList<NodeScore> nodes;

  PainPointReport(List<NodeScore> nodes) {
    this.nodes = ImmutableList.copyOf(nodes);
  }

  /** Returns every visited node's score, in node order. */
  public List<NodeScore> nodes() {
    return nodes;
  }

  /** Returns the nodes by pain, highest first (ties by label). */
  public List<NodeScore> painPoints() {
    List<NodeScore> l = new ArrayList<>(nodes);
    l.sort(Comparator.comparingDouble(NodeScore::pain).reversed().thenComparing(NodeScore::label));
    return List.copyOf(l);
  }

  /** Returns the nodes with feedback by delight, highest first (ties by label). */
  public List<NodeScore> delights() {
    List<NodeScore> l = new ArrayList<>();
    for (NodeScore n : nodes) {
      if (!Double.isNaN(n.delight())) {
        l.add(n);
      }
    }
    l.sort(
        Comparator.comparingDouble(NodeScore::delight).reversed().thenComparing(NodeScore::label));
    return List.copyOf(l);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PainPointReport[pain points:");
    List<NodeScore> p = painPoints();
    for (int i = 0; i < Math.min(5, p.size()); i++) {
      sb.append("\n  ").append(p.get(i));
    }
    List<NodeScore> d = delights();
    if (!d.isEmpty()) {
      sb.append("\n delights:");
      for (int i = 0; i < Math.min(5, d.size()); i++) {
        sb.append("\n  ").append(d.get(i));
      }
    }
    return sb.append(']').toString();
  }
}
