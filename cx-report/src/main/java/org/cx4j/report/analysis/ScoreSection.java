package org.cx4j.report.analysis;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.SurveyMetric;

/**
 * One survey metric (NPS, CSAT, CES or any registered {@link ReportMetric}) in the report: overall,
 * by segment, by channel and over time, with the distribution of the raw scores.
 *
 * <p>Figures are in display units: NPS in points ({@code -100..100}, adjusted-Wald interval); CSAT
 * as the top-2-box share in percent (Wilson interval); CES as the share of "easy" answers in
 * percent (Wilson interval). All intervals are at the report's confidence level.
 *
 * @param metric the metric's {@link SurveyMetric#name()}: "NPS", "CSAT", "CES", ...
 * @param title the title of the section, e.g. "Net Promoter Score (NPS)"
 * @param measure what the figure measures, with its unit, e.g. "NPS (points)"
 * @param unit the unit of the metric's score; figures here are in its display units (a share in
 *     percent)
 * @param minimum the smallest possible figure, in display units (NPS -100, a share 0)
 * @param maximum the largest possible figure, in display units (NPS 100, a share 100)
 * @param instrument the survey instrument
 * @param overall the figure over all responses
 * @param bySegment one figure per customer segment (responses of unknown customers left out and
 *     counted in {@code overall})
 * @param byChannel one figure per channel of the touchpoint the response was given at
 * @param byTouchpoint one figure per touchpoint the response was given at (responses without a
 *     touchpoint left out and counted in {@code overall}), most responses first
 * @param byStage one figure per journey stage of the touchpoint the response was given at, in the
 *     stages' order
 * @param trend one figure per period, empty periods included with {@code n = 0}
 * @param distribution the histogram of the raw scores
 * @param categories the category of each scale point for the distribution chart, e.g. detractor,
 *     passive, promoter, first point first; each with its tone
 */
public record ScoreSection(
    String metric,
    String title,
    String measure,
    SurveyMetric.Unit unit,
    double minimum,
    double maximum,
    Instrument instrument,
    Estimate overall,
    List<Estimate> bySegment,
    List<Estimate> byChannel,
    List<Estimate> byTouchpoint,
    List<Estimate> byStage,
    List<Estimate> trend,
    ScoreDistribution distribution,
    List<ScoreCategory> categories) {

  /** Checks for nulls and copies the lists. */
  public ScoreSection {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(overall, "overall");
    bySegment = ImmutableList.copyOf(bySegment);
    byChannel = ImmutableList.copyOf(byChannel);
    byTouchpoint = ImmutableList.copyOf(byTouchpoint);
    byStage = ImmutableList.copyOf(byStage);
    trend = ImmutableList.copyOf(trend);
    Objects.requireNonNull(distribution, "distribution");
    categories = ImmutableList.copyOf(categories);
  }

  /** Returns a small table: the measure, then overall, each segment and each channel. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(measure).append(", n ").append(overall.n());
    row(sb, "overall", overall);
    for (Estimate e : bySegment) {
      row(sb, "segment " + e.label(), e);
    }
    for (Estimate e : byChannel) {
      row(sb, "channel " + e.label(), e);
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, Estimate e) {
    sb.append(String.format(java.util.Locale.ROOT, "%n  %-30s ", label));
    if (e.isEmpty()) {
      sb.append("n/a (n 0)");
    } else {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%6.1f  [%6.1f, %6.1f]  n %5d%s",
              e.value(),
              e.lower(),
              e.upper(),
              e.n(),
              e.small() ? "  small" : ""));
    }
  }
}
