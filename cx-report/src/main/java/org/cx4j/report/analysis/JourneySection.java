package org.cx4j.report.analysis;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.painpoint.PainPointReport;
import org.cx4j.journey.variant.Variants;

/**
 * The journeys in the report: the journey map (touchpoints by stage with their volumes and the
 * flows between them), the stage funnel, the most common paths, and the pain points and moments of
 * delight.
 *
 * @param journeys the number of journeys rebuilt
 * @param events the number of interactions in them
 * @param stages the stage names in order: the columns of the journey map
 * @param nodes the touchpoints, with stage, channel and volume
 * @param graph the transition graph between touchpoints
 * @param funnel the stage funnel (each stage reached, in order, then a conversion)
 * @param variants the most common paths through the touchpoints
 * @param pains the pain point analysis at touchpoint level, with feedback
 * @param painPoints the ranked pain points shown in the report (at most the report's top N)
 * @param delights the ranked moments of delight shown in the report (at most the top N)
 */
public record JourneySection(
    long journeys,
    long events,
    List<String> stages,
    List<Node> nodes,
    TransitionGraph graph,
    FunnelResult funnel,
    Variants variants,
    PainPointReport pains,
    List<NodeScore> painPoints,
    List<NodeScore> delights) {

  /**
   * A touchpoint on the journey map.
   *
   * @param id the touchpoint id
   * @param stage the stage name
   * @param channel the channel name
   * @param visits interactions at the touchpoint
   * @param journeys journeys that visit it
   */
  public record Node(String id, String stage, String channel, long visits, long journeys) {}

  /** Checks for nulls and copies the lists. */
  public JourneySection {
    stages = ImmutableList.copyOf(stages);
    nodes = ImmutableList.copyOf(nodes);
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(variants, "variants");
    Objects.requireNonNull(pains, "pains");
    painPoints = ImmutableList.copyOf(painPoints);
    delights = ImmutableList.copyOf(delights);
  }

  /** Returns a few lines: counts, the funnel, the pain points and the delights. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "%d journeys, %d interactions, %d touchpoints%n  funnel:",
                journeys,
                events,
                nodes.size()));
    for (int k = 0; k < funnel.size(); k++) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              k == 0 ? " %s %d" : " > %s %d (%.1f%%)",
              funnel.steps().get(k),
              funnel.count(k),
              100 * funnel.conversionFromPrevious(k)));
    }
    sb.append(String.format("%n  pain points:"));
    for (int i = 0; i < painPoints.size(); i++) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%s %s %.2f",
              i == 0 ? "" : ",",
              painPoints.get(i).label(),
              painPoints.get(i).pain()));
    }
    sb.append(String.format("%n  delights:"));
    for (int i = 0; i < delights.size(); i++) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%s %s %.2f",
              i == 0 ? "" : ",",
              delights.get(i).label(),
              delights.get(i).delight()));
    }
    return sb.toString();
  }
}
