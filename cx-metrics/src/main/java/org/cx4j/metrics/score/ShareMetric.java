package org.cx4j.metrics.score;

import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;

/**
 * A survey metric whose headline is a share of answers: the CSAT and Rating top boxes, the CES easy
 * boxes. Its score, intervals and comparisons are those of that {@link ShareEstimate}, so a metric
 * says only which share is its headline ({@link #headlineShare()}).
 *
 * @param <M> the metric's own type
 */
public interface ShareMetric<M extends ShareMetric<M>> extends SurveyMetric<M> {

  /**
   * Returns the share of answers that is this metric's headline (top boxes, easy boxes).
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  ShareEstimate headlineShare();

  /** Returns {@link SurveyMetric.Unit#SHARE}. */
  @Override
  default Unit unit() {
    return Unit.SHARE;
  }

  /** Returns 0, the smallest share. */
  @Override
  default double minimum() {
    return 0;
  }

  /** Returns 1, the largest share. */
  @Override
  default double maximum() {
    return 1;
  }

  /**
   * Returns the headline share, in [0, 1].
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  @Override
  default double score() {
    return headlineShare().share();
  }

  /**
   * Returns the Wilson interval of {@link #score()} at the definition's level.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  @Override
  default Interval interval() {
    return headlineShare().interval();
  }

  /**
   * Returns the interval of {@link #score()}: {@link IntervalMethod#WILSON} or {@link
   * IntervalMethod#WALD}, clipped to [0, 1] (see {@link ShareEstimate#interval(double,
   * IntervalMethod)}).
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or the method is another
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  @Override
  default Interval interval(double level, IntervalMethod method) {
    return headlineShare().interval(level, method);
  }

  /**
   * Returns {@code this - other} for the two headline shares by {@link Comparisons#shares} (Wald
   * interval, pooled two-proportion z test; Kish's n_eff under weights).
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either result is empty
   */
  @Override
  default Difference compare(M other, double level) {
    return Comparisons.shares(headlineShare(), other.headlineShare(), level);
  }
}
