package org.cx4j.report.analysis;

import java.util.Map;
import java.util.Objects;
import org.cx4j.metrics.driver.KeyDriverResult;
import org.cx4j.metrics.priority.EffortImpactMatrix;

/**
 * What drives NPS, and what to fix first.
 *
 * <p>Drivers are the touchpoints a respondent's journey visited (1 or 0) before answering the NPS
 * question; the outcome is the 0..10 score. Importance is the Shapley share of R-squared (Lindeman,
 * Merenda and Gold 1980), with Pearson correlations for direction.
 *
 * <p>The effort-impact matrix places the initiatives "fix touchpoint X" for each driver that lowers
 * NPS (negative correlation): impact is the driver's Shapley share of R-squared in percent; effort
 * is the user's estimate where given, else a default per channel (see {@link #effortSource()}).
 *
 * @param drivers the key driver analysis
 * @param matrix the effort-impact matrix, or null when no driver lowers NPS
 * @param effort the effort used per touchpoint
 * @param effortSource where the effort figures came from
 */
public record DriverSection(
    KeyDriverResult drivers,
    EffortImpactMatrix matrix,
    Map<String, Double> effort,
    String effortSource) {

  /** Checks for nulls and copies the map. */
  public DriverSection {
    Objects.requireNonNull(drivers, "drivers");
    effort = Map.copyOf(effort);
    Objects.requireNonNull(effortSource, "effortSource");
  }
}
