/**
 * The bundled sample data and the main command.
 *
 * <p>{@link org.cx4j.core.sample.SampleData} generates, in memory and from a seed, a realistic
 * customer-experience data set for a fictional retailer: customers in four segments, a year of
 * journeys across channels and stages with drop-off, channel switching, painful and delightful
 * touchpoints, NPS / CSAT / CES survey responses that follow those experiences, and repeat
 * transactions with churn. Its class Javadoc documents the generative model, so an analysis can be
 * checked against what it should find. {@link org.cx4j.core.sample.SampleSummary} is the main
 * command that prints a summary of it.
 *
 * <pre>{@code
 * jshell> var s = org.cx4j.core.sample.SampleData.standard()
 * s ==> SampleData[Larkspur Home, seed 20250101, 2025-01-01..2025-12-31: 5000 customers ...]
 * jshell> s.responses().size()
 * }</pre>
 */
package org.cx4j.core.sample;
