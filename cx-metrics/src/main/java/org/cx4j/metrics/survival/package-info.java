/**
 * Survival of customers (time to churn): the Kaplan-Meier estimator with right censoring, case
 * weights and left truncation, Greenwood variance, plain / log / log-log confidence bands, the
 * median survival time with its interval, the restricted mean survival time, the log-rank test
 * between segments, and a bridge from activity to survival data.
 *
 * <p>Every number here reproduces R's {@code survival} package (R 4.2.2, survival 3.5-3) to 1e-6 on
 * the public {@code aml} and {@code lung} data: {@code survfit} with {@code conf.type = "plain"},
 * {@code "log"}, {@code "log-log"}, {@code print(fit, rmean = h)}, and {@code survdiff}. With case
 * weights the variance is Greenwood's on the weighted counts, R's {@code robust = FALSE}, by
 * default; {@code KaplanMeier.Variance.ROBUST} gives the infinitesimal-jackknife variance of R's
 * {@code robust = TRUE}.
 *
 * <pre>{@code
 * // From primitive columns:
 * KaplanMeier km = KaplanMeier.fit(daysObserved, churned);
 * MedianSurvival median = km.median(ConfidenceType.LOG_LOG, 0.95);
 * SurvivalBand band = km.confidenceBand(ConfidenceType.LOG, 0.95);
 * RestrictedMean rmst = km.restrictedMean(365);
 * LogRankTest test = LogRankTest.of(daysObserved, churned, segmentCodes);
 *
 * // Record by record, or merged from partial accumulators (one per thread):
 * KaplanMeier.Accumulator acc = KaplanMeier.accumulator();
 * acc.add(12.0, true).add(30.0, false, 2.0).add(5.0, 40.0, true, 1.0);  // entry 5, left-truncated
 * KaplanMeier viaStream = customers.parallelStream()
 *     .collect(KaplanMeier.toKaplanMeier(Customer::days, Customer::churned));
 *
 * // From interactions: churn = 60 days without activity, observed until the end of 2025.
 * ChurnSurvival data = ChurnSurvival.fromActivity(ActivityLog.fromInteractions(interactions),
 *     Duration.ofDays(60), Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(1));
 * KaplanMeier churnCurve = data.kaplanMeier();
 * }</pre>
 */
package org.cx4j.metrics.survival;
