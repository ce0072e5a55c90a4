package org.cx4j.journey.painpoint;

import org.cx4j.core.feedback.Instrument;

/**
 * Simple feedback statistics for one instrument at one touchpoint or stage: the number of
 * (unweighted) responses and their mean score, and the mean rescaled to {@code [0, 1]} over the
 * instrument's scale.
 *
 * <p>This is a placeholder for cx-metrics' scores: where cx-metrics provides NPS, CSAT and CES
 * calculators with confidence intervals, {@link PainPointAnalysis} should hand the responses of
 * each node to them instead (see the seam comment in {@code PainPointAnalysis.feedback}).
 *
 * @param instrument the survey instrument
 * @param responses the number of responses
 * @param mean the mean score; {@code NaN} when there are none
 */
public record FeedbackSummary(Instrument instrument, long responses, double mean) {

  /** Returns {@code (mean - min) / (max - min)} of the scale: 0 worst, 1 best; {@code NaN} when empty. */
  public double normalizedMean() {
    return (mean - instrument.scale().min()) / (instrument.scale().max() - instrument.scale().min());
  }

  @Override
  public String toString() {
    return String.format("%s: n=%d mean=%.2f", instrument.name(), responses, mean);
  }
}
