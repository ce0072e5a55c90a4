package org.cx4j.report.analysis;

import java.util.Objects;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.CustomerRetentionRate;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.metrics.survival.MedianSurvival;
import org.cx4j.metrics.survival.SurvivalBand;

/**
 * Retention and churn: monthly cohorts, the customer retention rate of the last full period, and
 * the survival curve of time to churn.
 *
 * @param source what activity means: "transactions" or "interactions"
 * @param cohorts classic monthly cohort retention
 * @param retentionRate the customer retention rate {@code (E - N) / S} of the last complete month,
 *     or null when there are fewer than two months
 * @param retentionMonth the month of {@code retentionRate}, e.g. {@code 2025-11}, or null
 * @param churnAfterDays a customer counts as churned after this many days without activity
 * @param customers customers in the survival analysis
 * @param churned of whom churned (the rest are censored)
 * @param survival Kaplan-Meier estimate of time to churn, in whole days since first activity
 * @param band its pointwise confidence band (log-log)
 * @param median median time to churn with its interval
 */
public record RetentionSection(
    String source,
    CohortRetention cohorts,
    CustomerRetentionRate retentionRate,
    String retentionMonth,
    int churnAfterDays,
    int customers,
    int churned,
    KaplanMeier survival,
    SurvivalBand band,
    MedianSurvival median) {

  /** Checks for nulls. */
  public RetentionSection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cohorts, "cohorts");
    Objects.requireNonNull(survival, "survival");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(median, "median");
  }
}
