package org.cx4j.journey.painpoint;

import java.time.Duration;
import java.util.List;
import org.cx4j.journey.timing.DurationSummary;

/**
 * The evidence and the scores of one touchpoint (or stage), each score decomposed into its parts so
 * an analyst can see why it ranks where it does. All parts lie in {@code [0, 1]}.
 *
 * @param label the touchpoint id or stage name
 * @param visits events at the node
 * @param journeys journeys that visit the node
 * @param dropOffs journeys whose last event is at the node and that did not convert
 * @param rework events at the node that the same journey had visited before
 * @param timeSpent time from an event at the node to the journey's next event
 * @param target the designed target time at the node, or null
 * @param feedback feedback per instrument given at the node (responses naming the touchpoint)
 * @param dropOffPart {@code dropOffs / journeys}
 * @param reworkPart {@code rework / visits}
 * @param overTargetPart {@code min(1, max(0, (median timeSpent - target) / target))}; 0 without a
 *     target or times
 * @param feedbackPainPart {@code 1 - } the response-weighted mean of the normalized feedback means;
 *     0 without feedback
 * @param pain the weighted mean of the four pain parts
 * @param delight {@code (feedback positivity + (1 - dropOffPart)) / 2}, or {@code NaN} without
 *     feedback (a node without feedback is not ranked as a delight)
 * @param smallSample whether {@code journeys} or the number of responses (if any) is below the
 *     analysis' minimum sample
 */
public record NodeScore(
    String label,
    long visits,
    long journeys,
    long dropOffs,
    long rework,
    DurationSummary timeSpent,
    Duration target,
    List<FeedbackSummary> feedback,
    double dropOffPart,
    double reworkPart,
    double overTargetPart,
    double feedbackPainPart,
    double pain,
    double delight,
    boolean smallSample) {

  /** Copies the feedback list. */
  public NodeScore {
    feedback = List.copyOf(feedback);
  }

  @Override
  public String toString() {
    return String.format(
        "%s: pain %.3f = drop-off %.3f, rework %.3f, over target %.3f, feedback %.3f"
            + "%s (visits %d, journeys %d%s)",
        label,
        pain,
        dropOffPart,
        reworkPart,
        overTargetPart,
        feedbackPainPart,
        Double.isNaN(delight) ? "" : String.format("; delight %.3f", delight),
        visits,
        journeys,
        smallSample ? ", SMALL SAMPLE" : "");
  }
}
