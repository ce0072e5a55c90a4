package org.cx4j.spark.retention;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.survival.KaplanMeier;

/**
 * The merged result of {@link SparkRetention#run}: cx-metrics' cohort retention table and
 * Kaplan-Meier curve of time to churn, equal to the single-machine results on the same activity.
 *
 * <p>Immutable. With no activity: a table with no cohorts, an empty curve (size 0), 0 customers,
 * and the observation end given to the builder (or the epoch when none was given).
 */
public final class RetentionAnalysis {

  private final CohortRetention cohorts;
  private final KaplanMeier survival;
  private final long customers;
  private final long churned;
  private final long rows;
  private final long rejectedRows;
  private final Instant observationEnd;
  private final Map<String, CohortRetention> cohortsBySegment;
  private final Map<String, KaplanMeier> survivalBySegment;

  RetentionAnalysis(
      CohortRetention cohorts,
      KaplanMeier survival,
      long customers,
      long churned,
      long rows,
      long rejectedRows,
      Instant observationEnd,
      Map<String, CohortRetention> cohortsBySegment,
      Map<String, KaplanMeier> survivalBySegment) {
    this.cohorts = Objects.requireNonNull(cohorts, "cohorts");
    this.survival = Objects.requireNonNull(survival, "survival");
    this.customers = customers;
    this.churned = churned;
    this.rows = rows;
    this.rejectedRows = rejectedRows;
    this.observationEnd = observationEnd;
    this.cohortsBySegment = Collections.unmodifiableMap(new TreeMap<>(cohortsBySegment));
    this.survivalBySegment = Collections.unmodifiableMap(new TreeMap<>(survivalBySegment));
  }

  /** Returns the cohort retention table (first-activity cohorts, observed to the end). */
  public CohortRetention cohorts() {
    return cohorts;
  }

  /**
   * Returns the Kaplan-Meier estimate of the time from first activity to churn (no activity for the
   * churn gap before the observation end), in the builder's time unit.
   */
  public KaplanMeier survival() {
    return survival;
  }

  /** Returns the number of distinct customers with activity. */
  public long customers() {
    return customers;
  }

  /** Returns the number of customers counted as churned. */
  public long churned() {
    return churned;
  }

  /** Returns the number of activity rows used (rejected rows excluded). */
  public long rows() {
    return rows;
  }

  /** Returns the number of rows with a null customer id or time skipped by the lenient policy. */
  public long rejectedRows() {
    return rejectedRows;
  }

  /** Returns the observation end used for both the table and the churn rule. */
  public Instant observationEnd() {
    return observationEnd;
  }

  /**
   * Returns the cohort table of each segment, by segment name in ascending order, when the builder
   * named a {@link SparkRetention.Builder#segment segment column} (empty otherwise). Each equals
   * the single-machine table of that segment's customers observed to the common end; the tables'
   * cohort sizes add up to the whole's.
   */
  public Map<String, CohortRetention> cohortsBySegment() {
    return cohortsBySegment;
  }

  /**
   * Returns the Kaplan-Meier curve of time to churn of each segment, by segment name (empty without
   * a segment column): e.g. for a log-rank test between plans.
   */
  public Map<String, KaplanMeier> survivalBySegment() {
    return survivalBySegment;
  }

  @Override
  public String toString() {
    return "RetentionAnalysis["
        + customers
        + " customers, "
        + churned
        + " churned, "
        + rows
        + " rows, "
        + rejectedRows
        + " rejected, end "
        + observationEnd
        + ", "
        + cohorts
        + (cohortsBySegment.isEmpty() ? "" : ", segments " + cohortsBySegment.keySet())
        + "]";
  }
}
