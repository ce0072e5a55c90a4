/**
 * Key driver analysis: which ratings (drivers) move an outcome such as overall satisfaction,
 * likelihood to recommend, or a 0/1 such as "promoter" or "churned".
 *
 * <p>{@link org.cx4j.metrics.driver.KeyDriverAnalysis} computes, for each driver, Pearson and
 * Spearman correlation with the outcome, the standardized regression coefficient, Johnson's
 * relative weight and the Shapley-value (LMG) share of R-squared, optionally with bootstrap
 * percentile intervals from a fixed seed.
 *
 * <pre>{@code
 * KeyDriverResult r = KeyDriverAnalysis.builder()
 *     .outcome("satisfied", satisfied)          // double[]; NaN = missing
 *     .driver("wifi", wifi)
 *     .driver("seat_comfort", seat)
 *     .missingCode(0)                           // 0 means "not applicable"
 *     .missing(MissingRule.LISTWISE)
 *     .run();
 * }</pre>
 */
package org.cx4j.metrics.driver;
