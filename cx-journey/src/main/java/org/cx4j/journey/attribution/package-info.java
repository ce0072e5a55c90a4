/**
 * Multi-touch attribution: credit for conversions and conversion value per channel, from aggregated
 * paths ({@link org.cx4j.journey.attribution.PathData}).
 *
 * <p>Rule-based models in {@link org.cx4j.journey.attribution.HeuristicAttribution}, the Markov
 * chain removal-effect model solved exactly in {@link
 * org.cx4j.journey.attribution.MarkovAttribution}, and Shapley-value attribution in {@link
 * org.cx4j.journey.attribution.ShapleyAttribution}. Every model's credits sum to the total
 * conversions and value of the converting paths.
 *
 * <pre>{@code
 * PathData paths = PathData.readCsv(reader, ';', " > ");
 * MarkovAttribution.MarkovResult m = MarkovAttribution.fit(paths, 1);
 * System.out.println(m.attribution());
 * }</pre>
 */
package org.cx4j.journey.attribution;
