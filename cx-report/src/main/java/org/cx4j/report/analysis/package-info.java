/**
 * The CX report's analyses: {@link org.cx4j.report.analysis.CxReport} computes every section
 * (survey scores with intervals by segment, channel and period; journeys, funnel, pain points;
 * retention, churn and lifetime value; drivers of NPS with an effort-impact matrix; attribution by
 * channel) from a {@link org.cx4j.report.input.ReportInput}, using cx-metrics and cx-journey.
 */
package org.cx4j.report.analysis;
