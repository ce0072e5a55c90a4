package org.cx4j.spark.journey;

import java.util.Objects;
import java.util.Optional;
import org.cx4j.journey.attribution.MarkovAttribution.MarkovResult;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.variant.Variants;

/**
 * The merged result of {@link SparkJourneys#run}: cx-journey's own result types, equal to what
 * cx-journey computes on one machine from the same interactions.
 *
 * <p>Immutable. An analysis of no interactions has zero journeys, an empty funnel (all counts 0),
 * no variants and an empty graph; attribution is then absent.
 */
public final class JourneyAnalysis {

  private final long events;
  private final long journeys;
  private final long rejectedRows;
  private final int partitions;
  private final FunnelResult funnel;
  private final Variants variants;
  private final TransitionGraph graph;
  private final PathData paths;
  private final MarkovResult attribution;

  JourneyAnalysis(
      long events,
      long journeys,
      long rejectedRows,
      int partitions,
      FunnelResult funnel,
      Variants variants,
      TransitionGraph graph,
      PathData paths,
      MarkovResult attribution) {
    this.events = events;
    this.journeys = journeys;
    this.rejectedRows = rejectedRows;
    this.partitions = partitions;
    this.funnel = funnel;
    this.variants = Objects.requireNonNull(variants, "variants");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.paths = paths;
    this.attribution = attribution;
  }

  /** Returns the number of interactions rebuilt into journeys (rejected rows excluded). */
  public long events() {
    return events;
  }

  /** Returns the number of journeys rebuilt. */
  public long journeys() {
    return journeys;
  }

  /**
   * Returns the number of rows with a null customer id, touchpoint or time that the lenient {@link
   * org.cx4j.spark.NullPolicy} skipped (0 under the strict policy, which fails instead).
   */
  public long rejectedRows() {
    return rejectedRows;
  }

  /** Returns the number of partitions whose states were merged. */
  public int partitions() {
    return partitions;
  }

  /** Returns the funnel result, if a funnel was given. */
  public Optional<FunnelResult> funnel() {
    return Optional.ofNullable(funnel);
  }

  /** Returns the journey variants. */
  public Variants variants() {
    return variants;
  }

  /** Returns the transition graph. */
  public TransitionGraph graph() {
    return graph;
  }

  /**
   * Returns the merged attribution paths (one row per distinct path, sorted by path), if
   * attribution was requested.
   */
  public Optional<PathData> paths() {
    return Optional.ofNullable(paths);
  }

  /**
   * Returns the Markov attribution fitted to the merged paths, if attribution was requested and the
   * data hold at least one conversion.
   */
  public Optional<MarkovResult> attribution() {
    return Optional.ofNullable(attribution);
  }

  @Override
  public String toString() {
    return "JourneyAnalysis["
        + journeys
        + " journeys of "
        + events
        + " events, "
        + rejectedRows
        + " rejected rows, "
        + partitions
        + " partitions, "
        + variants.distinct()
        + " variants, "
        + graph.edges().size()
        + " edges"
        + (funnel == null ? "" : ", funnel " + funnel.counts().length + " steps")
        + (attribution == null ? "" : ", attribution " + attribution.attribution())
        + "]";
  }
}
