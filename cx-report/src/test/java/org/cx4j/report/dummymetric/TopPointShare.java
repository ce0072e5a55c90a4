package org.cx4j.report.dummymetric;

import java.util.Objects;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.ShareEstimate;
import org.cx4j.metrics.score.SurveyMetric;

/**
 * A made-up survey metric for tests: the share of answers on the highest point of the scale. It
 * lives in its own package and is known to the report only through one registration (a {@code
 * ReportMetric}), which is what the test of the metric contract proves.
 */
public final class TopPointShare implements SurveyMetric<TopPointShare> {

  private static final ScoreCategory TOP = new ScoreCategory("top", ScoreCategory.Tone.POSITIVE);
  private static final ScoreCategory OTHER = new ScoreCategory("other", ScoreCategory.Tone.NEUTRAL);

  private final ScoreDistribution distribution;
  private final double level;

  private TopPointShare(ScoreDistribution distribution, double level) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.level = level;
  }

  /** Returns an accumulator of responses to {@code instrument}, intervals at {@code level}. */
  public static ScoreAccumulator<TopPointShare> accumulator(Instrument instrument, double level) {
    return new ScoreAccumulator<>(instrument, d -> new TopPointShare(d, level));
  }

  private ShareEstimate top() {
    int max = distribution.scale().max();
    return ShareEstimate.of(distribution, max, max, level);
  }

  @Override
  public String name() {
    return "TOP";
  }

  @Override
  public String measure() {
    return "TOP (% on the highest point)";
  }

  @Override
  public Unit unit() {
    return Unit.SHARE;
  }

  @Override
  public double minimum() {
    return 0;
  }

  @Override
  public double maximum() {
    return 1;
  }

  @Override
  public ScoreDistribution distribution() {
    return distribution;
  }

  @Override
  public double score() {
    return top().share();
  }

  @Override
  public Interval interval() {
    return top().interval();
  }

  @Override
  public Interval interval(double level, IntervalMethod method) {
    return top().interval(level, method);
  }

  @Override
  public Difference compare(TopPointShare other, double level) {
    return Comparisons.shares(top(), other.top(), level);
  }

  @Override
  public ScoreCategory category(int score) {
    return score == distribution.scale().max() ? TOP : OTHER;
  }
}
