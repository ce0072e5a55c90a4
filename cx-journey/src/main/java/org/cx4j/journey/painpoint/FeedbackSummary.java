package org.cx4j.journey.painpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.ShareEstimate;

/**
 * The feedback given at one touchpoint or stage on one instrument: the number of responses, their
 * plain mean (which the pain-point scoring rule uses, rescaled to {@code [0, 1]}), and the
 * instrument's headline metric from cx-metrics with its 95% confidence interval:
 *
 * <ul>
 *   <li>NPS: the Net Promoter Score, -100..100, adjusted-Wald interval ({@link NetPromoterScore});
 *   <li>CSAT: the top-2-box share, Wilson interval ({@link CustomerSatisfaction});
 *   <li>CES: the share of "easy" answers (the top 3 boxes of a 7-point scale, fewer on shorter
 *       scales; high is easy), Wilson interval ({@link CustomerEffortScore});
 *   <li>any other rating: the top-box share, Wilson interval ({@link Rating}).
 * </ul>
 *
 * The metrics apply the responses' sampling weights; the plain mean does not.
 *
 * @param instrument the survey instrument
 * @param responses the number of responses
 * @param mean the plain mean score
 * @param metric the headline metric's name: {@code nps}, {@code top-2-box}, {@code easy-share} or
 *     {@code top-box}
 * @param score the headline metric's value
 * @param interval its 95% confidence interval
 */
public record FeedbackSummary(
    Instrument instrument,
    long responses,
    double mean,
    String metric,
    double score,
    Interval interval) {

  /** Validates. */
  public FeedbackSummary {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(interval, "interval");
  }

  /**
   * Returns the summary of {@code responses}, all on {@code instrument}.
   *
   * @throws IllegalArgumentException if the list is empty or a response is on another instrument
   */
  public static FeedbackSummary of(Instrument instrument, List<SurveyResponse> responses) {
    checkArgument(!responses.isEmpty(), "no responses for %s", instrument);
    double sum = 0;
    for (SurveyResponse r : responses) {
      checkArgument(
          r.instrument().equals(instrument),
          "response on %s among %s responses",
          r.instrument(),
          instrument);
      sum += r.score();
    }
    double mean = sum / responses.size();
    int points = instrument.scale().points();
    switch (instrument.kind()) {
      case NPS -> {
        NetPromoterScore nps = NetPromoterScore.of(responses);
        return new FeedbackSummary(
            instrument, responses.size(), mean, "nps", nps.score(), nps.interval());
      }
      case CSAT -> {
        ShareEstimate top =
            CustomerSatisfaction.of(
                    new CustomerSatisfaction.Definition(instrument.scale(), 2, 0.95), responses)
                .topBox();
        return new FeedbackSummary(
            instrument, responses.size(), mean, "top-2-box", top.share(), top.interval());
      }
      case CES -> {
        ShareEstimate easy =
            CustomerEffortScore.of(
                    new CustomerEffortScore.Definition(
                        instrument.scale(),
                        CustomerEffortScore.Direction.HIGH_IS_EASY,
                        Math.min(3, points - 1),
                        0.95),
                    responses)
                .easyShare();
        return new FeedbackSummary(
            instrument, responses.size(), mean, "easy-share", easy.share(), easy.interval());
      }
      default -> {
        ShareEstimate top =
            Rating.of(new Rating.Definition(instrument, 1, 0.95), responses).topBox();
        return new FeedbackSummary(
            instrument, responses.size(), mean, "top-box", top.share(), top.interval());
      }
    }
  }

  /** Returns {@code (mean - min) / (max - min)} of the scale: 0 worst, 1 best. */
  public double normalizedMean() {
    return (mean - instrument.scale().min())
        / (instrument.scale().max() - instrument.scale().min());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: n=%d mean=%.2f %s=%.3g %s",
        instrument.name(),
        responses,
        mean,
        metric,
        score,
        interval);
  }
}
