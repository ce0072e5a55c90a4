package org.cx4j.metrics.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cx4j.metrics.compare.Difference;

/**
 * What every cx4j survey metric result has in common ({@code NetPromoterScore}, {@code
 * CustomerSatisfaction}, {@code CustomerEffortScore}, {@code Rating}): a headline {@link #score()}
 * in a {@link Unit}, its sample size, intervals, a comparison with another result of the same
 * metric, and the {@link ScoreDistribution} it was computed from. Code that reports or aggregates
 * metrics (the HTML report, the Spark aggregators) reads them through this interface, so a new
 * metric needs no casts there.
 *
 * <p>Each metric is configured by a nested {@code Definition} record (scale, boxes, level, ...)
 * with a {@code DEFAULT}, and offers the same factories: {@code of(int...)}, {@code of(byte[])},
 * {@code of(Definition, ...)}, {@code accumulator()}, {@code accumulator(Definition)}, {@code
 * concurrentAccumulator()}, {@code concurrentAccumulator(Definition)} and {@code collector()}.
 *
 * <p><b>Empty.</b> With {@code n = 0} or a total weight of 0, {@link #isEmpty()} is true, and
 * {@link #score()}, the intervals and {@link #compare} throw {@link IllegalStateException}.
 *
 * @param <M> the metric's own type, which {@link #compare} accepts
 */
public interface SurveyMetric<M extends SurveyMetric<M>> {

  /** The unit of {@link #score()}. */
  enum Unit {
    /** Points on the metric's own range, shown as they are (NPS: -100..100). */
    POINTS(1),
    /** A share in [0, 1], shown in percent. */
    SHARE(100),
    /** A mean on the raw scale, shown as it is. */
    MEAN(1);

    private final double display;

    Unit(double display) {
      this.display = display;
    }

    /** Returns {@code value} in display units: a share times 100, anything else unchanged. */
    public double toDisplay(double value) {
      return display * value;
    }
  }

  /** Returns the short name of the metric, e.g. {@code "NPS"}; the same for every result. */
  String name();

  /**
   * Returns what {@link #score()} measures, with its unit and configuration, for a reader, e.g.
   * {@code "NPS (points, -100 to 100)"} or {@code "CSAT (% satisfied, top 2 boxes)"}.
   */
  String measure();

  /** Returns the unit of {@link #score()}. */
  Unit unit();

  /** Returns the smallest value {@link #score()} can take (NPS: -100; a share: 0). */
  double minimum();

  /** Returns the largest value {@link #score()} can take (NPS: 100; a share: 1). */
  double maximum();

  /** Returns the distribution of the scores the result was computed from. */
  ScoreDistribution distribution();

  /** Returns the number of responses scored ({@code 0} when empty); JSON property {@code n}. */
  @JsonProperty("n")
  default long n() {
    return distribution().n();
  }

  /** Returns whether there is no score: {@code n == 0} or a total weight of 0. */
  default boolean isEmpty() {
    return !(distribution().totalWeight() > 0);
  }

  /**
   * Returns the headline figure in {@link #unit()}: NPS points, the CSAT top-box share, the CES
   * easy share, the rating's top-box share.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  double score();

  /**
   * Returns the interval of {@link #score()} at the level and by the method of the result's
   * definition.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  Interval interval();

  /**
   * Returns the interval of {@link #score()} at {@code level} by {@code method}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or the metric does not
   *     support {@code method}
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  Interval interval(double level, IntervalMethod method);

  /**
   * Returns the difference {@code this.score() - other.score()} between two independent samples,
   * with its interval and test at {@code level} (see {@code Comparisons} for the tests).
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either result is empty
   */
  Difference compare(M other, double level);

  /**
   * Returns the category of the scale point {@code score} (e.g. promoter, passive, detractor).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  ScoreCategory category(int score);
}
