/**
 * Retention and lifecycle of customers from their activity (interactions or transactions): a
 * customer is active in a period (day, ISO week from Monday, month, in an explicit zone) when it
 * has at least one interaction or transaction in it.
 *
 * <ul>
 *   <li>{@link org.cx4j.metrics.retention.CohortRetention}: cohorts by first active period; for
 *       each later period the customers active exactly then ({@code CLASSIC}), then or later
 *       ({@code ROLLING}), or at least once so far ({@code CUMULATIVE}); counts, shares, pooled
 *       shares; by segment through int codes or a key function.
 *   <li>{@link org.cx4j.metrics.retention.Lifecycle}: new, returning, resurrecting and dormant
 *       customers per period.
 *   <li>{@link org.cx4j.metrics.retention.CustomerRetentionRate}: {@code CRR = (E - N) / S}, {@code
 *       churn = 1 - CRR}.
 * </ul>
 *
 * <pre>{@code
 * ActivityLog log = ActivityLog.fromInteractions(interactions);
 * ZoneId zone = ZoneId.of("Europe/Berlin");
 * CohortRetention weekly = CohortRetention.of(log, PeriodUnit.ISO_WEEK, zone);
 * System.out.println(weekly.table(RetentionKind.CLASSIC));
 * double month3 = CohortRetention.of(log, PeriodUnit.MONTH, zone)
 *     .pooledShare(RetentionKind.ROLLING, 3).orElseThrow();
 * Lifecycle life = Lifecycle.of(log, PeriodUnit.MONTH, zone);
 * CustomerRetentionRate crr = life.retentionRate(5);   // (E - N) / S for the 6th month
 * }</pre>
 */
package org.cx4j.metrics.retention;
