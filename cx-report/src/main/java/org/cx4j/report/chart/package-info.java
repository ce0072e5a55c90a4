/**
 * Inline SVG charts for the HTML report: plain data in (strings, primitive arrays and the small
 * records of each chart), a self-contained {@link org.cx4j.report.chart.Svg} out.
 *
 * <h2>The charts</h2>
 *
 * <ul>
 *   <li>{@link org.cx4j.report.chart.TrendChart}: a score over time with a confidence band, gaps
 *       for periods without responses and an optional reference line (NPS by week).
 *   <li>{@link org.cx4j.report.chart.DistributionChart}: counts per score value, coloured by
 *       category (detractor / passive / promoter, bottom / top box), with percentages.
 *   <li>{@link org.cx4j.report.chart.JourneyMapChart}: stages as columns, touchpoints as nodes,
 *       flows as a Sankey diagram, pain points and moments of delight marked.
 *   <li>{@link org.cx4j.report.chart.FunnelChart}: steps with conversion from the start and step to
 *       step, and the drop-off between steps.
 *   <li>{@link org.cx4j.report.chart.RetentionHeatmap}: cohorts by period since start, shares on a
 *       sequential colour scale, unobserved cells hatched.
 *   <li>{@link org.cx4j.report.chart.SurvivalChart}: step functions S(t) with bands and censoring
 *       marks, one curve per group.
 *   <li>{@link org.cx4j.report.chart.HorizontalBarChart}: ranked bars with optional intervals and a
 *       second value per row (driver importance).
 *   <li>{@link org.cx4j.report.chart.EffortImpactChart}: items in four named quadrants split at
 *       given thresholds, labels placed so that they never overlap (leader lines when moved away
 *       from their point).
 *   <li>{@link org.cx4j.report.chart.AttributionChart}: grouped bars, one group per channel and one
 *       bar per attribution model.
 *   <li>{@link org.cx4j.report.chart.TrackingChart}: the BTYD tracking plot, actual and expected
 *       cumulative repeat transactions by week, the end of calibration marked.
 *   <li>{@link org.cx4j.report.chart.MatrixHeatmap}: a matrix of non-negative values on the
 *       sequential scale (the frequency-recency matrices), impossible cells blank.
 * </ul>
 *
 * <h2>Usage</h2>
 *
 * Each chart has a static {@code render(...)} for the common case and a {@code builder(...)} for
 * options such as {@code size(width, height)} and axis titles:
 *
 * <pre>{@code
 * Svg funnel = FunnelChart.render("Checkout funnel",
 *     List.of("Cart", "Shipping", "Payment"), new long[] {1000, 600, 150});
 * Svg nps = TrendChart.builder("NPS by week", weeks, score)
 *     .band(lower, upper).yRange(-100, 100).referenceLine(32.5, "Overall NPS").render();
 * html.append(funnel.markup());
 * }</pre>
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>Well-formed XML with every label escaped; no scripts, no {@code href}, no {@code id} (so
 *       any number of charts can share one HTML page), no external fonts or images.
 *   <li>Accessible: {@code role="img"}, an {@code aria-label} and a first {@code <title>} child
 *       carrying the chart title, a {@code <desc>} summarising the data; tooltips ({@code <title>}
 *       children) on marks and on truncated labels.
 *   <li>Laid out for a width: every chart takes its width from its builder and lays itself out for
 *       it (narrow layouts change shape where needed: journey map as rows below {@link
 *       org.cx4j.report.chart.JourneyMapChart#ROWS_BELOW}, funnel names above bars, titles on two
 *       lines), so a page can render one chart at several widths and show the one that fits.
 *   <li>Deterministic: the same input gives the same bytes, whatever the default locale (numbers
 *       are formatted with {@link java.util.Locale#ROOT}).
 *   <li>Every coordinate is finite and inside the {@code viewBox}; the root element has {@code
 *       width}/{@code height} and scales down with {@code max-width:100%}.
 *   <li>Empty input draws the title and a "No data" message instead of failing; inconsistent input
 *       (mismatched lengths, negative counts, NaN where a value is required) throws {@link
 *       java.lang.IllegalArgumentException} naming the parameter and the value.
 *   <li>Colours: the Okabe-Ito palette for categories and series, a ColorBrewer blue scale for
 *       magnitudes; marks that differ in meaning also differ in shape (pain point triangle, delight
 *       circle).
 * </ul>
 *
 * <p>Builders are not thread-safe and may render more than once; the rendered {@code Svg} is
 * immutable.
 */
package org.cx4j.report.chart;
