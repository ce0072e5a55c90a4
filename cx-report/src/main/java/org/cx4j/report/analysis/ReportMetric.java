package org.cx4j.report.analysis;

import java.util.List;
import java.util.Objects;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.SurveyMetric;

/**
 * A survey metric the report shows, registered once: the kind of responses it reads, the title of
 * its section, and how to score them at the report's confidence level. The report computes one
 * {@link ScoreSection} per registered metric that has responses (overall, by segment, by channel,
 * over time), reading results only through {@link SurveyMetric}; so a new metric needs its own
 * package and one entry in {@link #defaults()} (or in the list given to {@link
 * CxReport#of(org.cx4j.report.input.ReportInput, ReportOptions, List)}).
 *
 * @param kind the kind of responses scored; when a file holds several instruments of this kind, the
 *     one with the most responses
 * @param title the title of the section, e.g. {@code "Net Promoter Score (NPS)"}
 * @param scorer makes an accumulator for the responses
 * @param <M> the metric
 */
public record ReportMetric<M extends SurveyMetric<M>>(
    Instrument.Kind kind, String title, Scorer<M> scorer) {

  /** Makes the accumulator of a metric for one instrument. */
  @FunctionalInterface
  public interface Scorer<M extends SurveyMetric<M>> {

    /**
     * Returns a new accumulator of responses to {@code instrument} whose results have intervals at
     * {@code level}.
     */
    ScoreAccumulator<M> accumulator(Instrument instrument, double level);
  }

  /** NPS in points with the adjusted-Wald interval. */
  public static final ReportMetric<NetPromoterScore> NPS =
      new ReportMetric<>(
          Instrument.Kind.NPS,
          "Net Promoter Score (NPS)",
          (instrument, level) ->
              NetPromoterScore.accumulator(NetPromoterScore.Definition.DEFAULT.withLevel(level)));

  /** The CSAT top-2-box share (top box on a 2-point scale) with its Wilson interval. */
  public static final ReportMetric<CustomerSatisfaction> CSAT =
      new ReportMetric<>(
          Instrument.Kind.CSAT,
          "Customer satisfaction (CSAT)",
          (instrument, level) -> {
            Scale scale = instrument.scale();
            int top = Math.min(2, scale.max() - scale.min());
            return CustomerSatisfaction.accumulator(
                new CustomerSatisfaction.Definition(scale, top, level));
          });

  /** The CES share of easy answers (the default easy boxes) with its Wilson interval. */
  public static final ReportMetric<CustomerEffortScore> CES =
      new ReportMetric<>(
          Instrument.Kind.CES,
          "Customer effort (CES)",
          (instrument, level) -> {
            Scale scale = instrument.scale();
            CustomerEffortScore.Definition d0 = CustomerEffortScore.Definition.DEFAULT;
            int easy = Math.min(d0.easyBoxes(), scale.max() - scale.min());
            return CustomerEffortScore.accumulator(
                new CustomerEffortScore.Definition(scale, d0.direction(), easy, level));
          });

  /**
   * Checks for nulls.
   *
   * @throws NullPointerException if an argument is null
   */
  public ReportMetric {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scorer, "scorer");
  }

  /** Returns the metrics of a default report, in section order: NPS, CSAT, CES. */
  public static List<ReportMetric<?>> defaults() {
    return List.of(NPS, CSAT, CES);
  }
}
