/**
 * Survey weights to the population: {@link org.cx4j.metrics.weighting.Raking} (iterative
 * proportional fitting to margins on several variables, with {@code anesrake}-style trimming) and
 * its {@link org.cx4j.metrics.weighting.RakingResult} (weights, achieved margins, Kish design
 * effect and effective sample size before and after). The weights feed the weighted estimators of
 * {@code org.cx4j.metrics.score} and the NPS, CSAT and CES packages.
 */
package org.cx4j.metrics.weighting;
