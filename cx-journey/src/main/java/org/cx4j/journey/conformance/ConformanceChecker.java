package org.cx4j.journey.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.rebuild.Journeys;

/**
 * Checks journeys against a {@link DesignedJourney}: per journey, which required steps were
 * skipped, which events came out of order (a designed step visited after a later designed step had
 * been visited), which touchpoints were unexpected, its fitness, and where it left the designed
 * path; over many journeys, a {@link ConformanceReport}.
 *
 * <p>Repeating the current step (a self-loop) is not a deviation. Immutable and thread-safe.
 */
public final class ConformanceChecker {

  private final DesignedJourney design;

  private ConformanceChecker(DesignedJourney design) {
    this.design = design;
  }

  /** Returns a checker against {@code design}. */
  public static ConformanceChecker against(DesignedJourney design) {
    return new ConformanceChecker(Objects.requireNonNull(design, "design"));
  }

  /** Returns the design. */
  public DesignedJourney design() {
    return design;
  }

  /**
   * Returns the conformance of journey {@code j}.
   *
   * @throws IndexOutOfBoundsException if {@code j} is out of range
   */
  public JourneyConformance check(Journeys journeys, int j) {
    Objects.checkIndex(j, journeys.journeyCount());
    int[] pos = positions(journeys);
    return check(journeys, j, pos);
  }

  /** Returns the report over all {@code journeys}. */
  public ConformanceReport report(Journeys journeys) {
    return accumulator().addAll(journeys).result();
  }

  /** Returns an empty report accumulator for this design. */
  public ConformanceReport.Accumulator accumulator() {
    return new ConformanceReport.Accumulator(this);
  }

  int[] positions(Journeys journeys) {
    int[] pos = new int[journeys.dictionary().size()];
    for (int t = 0; t < pos.length; t++) {
      pos[t] = design.position(journeys.dictionary().touchpoint(t).id());
    }
    return pos;
  }

  JourneyConformance check(Journeys js, int j, int[] pos) {
    int from = js.eventStart(j);
    int to = js.eventEnd(j);
    List<DesignedJourney.Step> steps = design.steps();
    boolean[] seen = new boolean[steps.size()];
    List<String> outOfOrder = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    String leftAt = null;
    int max = -1;
    for (int e = from; e < to; e++) {
      int t = js.touchpointCode(e);
      int p = pos[t];
      Touchpoint tp = js.dictionary().touchpoint(t);
      if (p < 0) {
        unexpected.add(tp.id());
        leftAt = leftAt == null ? tp.stage().name() : leftAt;
      } else {
        seen[p] = true;
        if (p < max) {
          outOfOrder.add(tp.id());
          leftAt = leftAt == null ? steps.get(p).stage().name() : leftAt;
        }
        max = Math.max(max, p);
      }
    }
    List<String> skipped = new ArrayList<>();
    for (int p = 0; p < steps.size(); p++) {
      if (steps.get(p).required() && !seen[p]) {
        skipped.add(steps.get(p).touchpointId());
        leftAt = leftAt == null ? steps.get(p).stage().name() : leftAt;
      }
    }
    return new JourneyConformance(
        j, to - from, skipped, outOfOrder, unexpected, leftAt, design.requiredSteps());
  }

  @Override
  public String toString() {
    return "ConformanceChecker[" + design + "]";
  }
}
