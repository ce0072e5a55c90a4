package org.cx4j.metrics.monitor;

import java.util.Objects;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.SurveyMetric;

/**
 * How a {@link ChangeDetector} estimates a window's metric and tests a window against its baseline:
 * the right two-sample test per metric. {@link #headline} uses the metric's own {@link
 * SurveyMetric#compare} (NPS: z test on the trinomial standard errors; CSAT, CES and rating top
 * boxes: pooled two-proportion z test); {@link #mean} uses Welch's t test on the mean score (the
 * usual choice for ratings); cx-journey's conversion monitor tests two proportions.
 *
 * @param <R> the metric of a window
 */
public interface ChangeTest<R> {

  /** Returns the name of the metric tested, e.g. {@code "NPS"} or {@code "Rating mean"}. */
  String metric();

  /** Returns the estimate of one window's metric; {@link WindowEstimate#empty()} when empty. */
  WindowEstimate estimate(R window);

  /**
   * Returns {@code after - before} with its interval at {@code level} and two-sided p-value.
   *
   * @throws IllegalStateException if a window is empty
   */
  Difference difference(R after, R before, double level);

  /**
   * Returns the test of the metric's headline score by {@link SurveyMetric#compare}; estimates
   * carry the metric's own {@link SurveyMetric#interval()} (its definition's level and method).
   */
  static <M extends SurveyMetric<M>> ChangeTest<M> headline(String metric) {
    Objects.requireNonNull(metric, "metric");
    return new ChangeTest<>() {
      @Override
      public String metric() {
        return metric;
      }

      @Override
      public WindowEstimate estimate(M window) {
        return window.isEmpty()
            ? WindowEstimate.empty()
            : new WindowEstimate(window.n(), window.score(), window.interval());
      }

      @Override
      public Difference difference(M after, M before, double level) {
        return after.compare(before, level);
      }
    };
  }

  /**
   * Returns the NPS test the monitor uses by default: the interval of {@link Comparisons#nps} with
   * the pooled z test of {@link Comparisons#npsPooled}, which keeps its level in the far tail that
   * multiple testing over many keys reaches (see the simulation results in the README). Estimates
   * carry {@link NetPromoterScore#interval()}.
   */
  static ChangeTest<NetPromoterScore> nps() {
    return new ChangeTest<>() {
      @Override
      public String metric() {
        return "NPS";
      }

      @Override
      public WindowEstimate estimate(NetPromoterScore window) {
        return window.isEmpty()
            ? WindowEstimate.empty()
            : new WindowEstimate(window.n(), window.score(), window.interval());
      }

      @Override
      public Difference difference(NetPromoterScore after, NetPromoterScore before, double level) {
        return Comparisons.npsPooled(after, before, level);
      }
    };
  }

  /**
   * Returns the test of the mean score by Welch's t test ({@link Comparisons#means}); estimates
   * carry the t interval of the mean at {@code level}. Windows need {@code n_eff > 1}: use a {@link
   * ChangeDetector.Builder#minimumN} of at least 2.
   */
  static <M extends SurveyMetric<M>> ChangeTest<M> mean(String metric, double level) {
    Objects.requireNonNull(metric, "metric");
    return new ChangeTest<>() {
      @Override
      public String metric() {
        return metric;
      }

      @Override
      public WindowEstimate estimate(M window) {
        if (window.isEmpty()) {
          return WindowEstimate.empty();
        }
        MeanEstimate m = MeanEstimate.of(window.distribution(), level);
        return new WindowEstimate(window.n(), m.mean(), m.interval());
      }

      @Override
      public Difference difference(M after, M before, double lvl) {
        return Comparisons.means(
            MeanEstimate.of(after.distribution(), lvl),
            MeanEstimate.of(before.distribution(), lvl),
            lvl);
      }
    };
  }
}
