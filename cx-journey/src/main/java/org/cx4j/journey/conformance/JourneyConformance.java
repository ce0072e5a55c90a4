package org.cx4j.journey.conformance;

import java.util.List;

/**
 * How one journey conforms to a {@link DesignedJourney}.
 *
 * <p>{@code fitness = 1 - (skipped + outOfOrder + unexpected) / (requiredSteps + events)}: 1 for a
 * journey that visits every required step, in designed order, and nothing else; 0 at worst (every
 * required step skipped and every event a deviation). This is a count-based simplification of
 * token-replay fitness, {@code 1/2 (1 - missing/consumed) + 1/2 (1 - remaining/produced)} (Rozinat
 * and van der Aalst, "Conformance checking of processes based on monitoring real behavior",
 * Information Systems 33(1), 2008): skipped steps play the missing tokens, out-of-order and
 * unexpected events the remaining ones.
 *
 * @param journey the journey's index in its {@code Journeys}
 * @param events the number of events
 * @param skipped required designed steps never visited, in designed order
 * @param outOfOrder touchpoints of events that came after a later designed step, in time order
 * @param unexpected touchpoints of events not in the design, in time order
 * @param leftAtStage the stage where the journey first left the designed path (of the first
 *     out-of-order or unexpected event, else of the first skipped step), or null if it conforms
 * @param requiredSteps the number of required steps in the design
 */
public record JourneyConformance(
    int journey,
    int events,
    List<String> skipped,
    List<String> outOfOrder,
    List<String> unexpected,
    String leftAtStage,
    int requiredSteps) {

  /** Copies the lists. */
  public JourneyConformance {
    skipped = List.copyOf(skipped);
    outOfOrder = List.copyOf(outOfOrder);
    unexpected = List.copyOf(unexpected);
  }

  /** Returns whether the journey follows the design exactly (no deviation). */
  public boolean conforms() {
    return skipped.isEmpty() && outOfOrder.isEmpty() && unexpected.isEmpty();
  }

  /** Returns the fitness in {@code [0, 1]} (see the class comment). */
  public double fitness() {
    int bad = skipped.size() + outOfOrder.size() + unexpected.size();
    return 1.0 - (double) bad / (requiredSteps + events);
  }

  @Override
  public String toString() {
    return String.format(
        "JourneyConformance[#%d fitness %.3f%s%s%s%s]",
        journey,
        fitness(),
        skipped.isEmpty() ? "" : ", skipped " + skipped,
        outOfOrder.isEmpty() ? "" : ", out of order " + outOfOrder,
        unexpected.isEmpty() ? "" : ", unexpected " + unexpected,
        leftAtStage == null ? "" : ", left at " + leftAtStage);
  }
}
