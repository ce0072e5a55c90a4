package org.cx4j.metrics.score;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.impl.Counting;
import org.cx4j.metrics.score.impl.Stats;

/**
 * A mergeable accumulator of survey scores on one scale, whose {@link #result()} is a metric (a
 * {@code NetPromoterScore}, a {@code CustomerSatisfaction}, ...) computed from the accumulated
 * {@link ScoreDistribution}. Obtain one from the metric, e.g. {@code
 * NetPromoterScore.accumulator()}.
 *
 * <p>It holds one small histogram, so {@code add(int)} is a range check and an array increment,
 * cheap enough for a service's hot path; {@code add(score, weight)} also updates Neumaier
 * compensated sums of the weights and squared weights, so merged weighted sums agree with a
 * batch sum to about 1e-15 relative. {@link #merge} adds raw state, so merge is exact for counts,
 * associative and commutative, and equals adding everything to one accumulator.
 *
 * <p><b>Not thread-safe.</b> Use one per thread and merge, or use {@link
 * ConcurrentScoreAccumulator} for many writers. Counts are {@code long}; overflow (after 2^63
 * responses) is not checked on the hot path.
 *
 * @param <R> the result type
 */
public final class ScoreAccumulator<R> {

  private final Scale scale;
  private final Instrument instrument; // may be null: any response on the scale
  private final Function<ScoreDistribution, R> finisher;
  private final int min;
  private final int span;
  // Responses of weight 1 (unweighted adds and frequencies), per score.
  private final long[] counts;
  // Allocated on the first weighted add; null while every response has weight 1.
  // weightedCounts[k]: responses added with an explicit weight. weights[4k .. 4k+3]: Neumaier
  // sum and compensation of their weights, then of their squared weights (one cache line).
  private long[] weightedCounts;
  private double[] weights;

  /**
   * Returns an accumulator on {@code scale} whose result is {@code finisher} applied to the
   * distribution; metrics use this to build theirs.
   */
  public ScoreAccumulator(Scale scale, Function<ScoreDistribution, R> finisher) {
    this(scale, null, finisher);
  }

  /**
   * Returns an accumulator for responses to {@code instrument}, whose result is {@code finisher}
   * applied to the distribution.
   */
  public ScoreAccumulator(Instrument instrument, Function<ScoreDistribution, R> finisher) {
    this(instrument.scale(), instrument, finisher);
  }

  private ScoreAccumulator(Scale scale, Instrument instrument, Function<ScoreDistribution, R> finisher) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.instrument = instrument;
    this.finisher = Objects.requireNonNull(finisher, "finisher");
    this.min = scale.min();
    this.span = scale.max() - scale.min();
    this.counts = new long[span + 1];
  }

  /**
   * Returns a collector of survey responses into accumulators from {@code accumulator}; its
   * combiner is {@link #merge}, so parallel streams give the sequential result.
   */
  public static <R> Collector<SurveyResponse, ?, R> collector(Supplier<ScoreAccumulator<R>> accumulator) {
    Objects.requireNonNull(accumulator, "accumulator");
    return Collector.of(
        accumulator,
        ScoreAccumulator::add,
        (a, b) -> {
          a.merge(b);
          return a;
        },
        ScoreAccumulator::result);
  }

  /** Returns the scale. */
  public Scale scale() {
    return scale;
  }

  /**
   * Adds one unweighted response.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public void add(int score) {
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    counts[k]++;
  }

  /**
   * Adds {@code count} unweighted responses with the same score (a frequency: adds to n).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code count < 0}
   */
  public void add(int score, long count) {
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    counts[k] += Stats.checkCount(count);
  }

  /**
   * Adds one response with sampling weight {@code weight} (adds 1 to n and {@code weight} to the
   * total weight).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code weight} is
   *     NaN, infinite or negative
   */
  public void add(int score, double weight) {
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
      Stats.checkWeight(weight);
    }
    if (weightedCounts == null) {
      allocateWeights();
    }
    weightedCounts[k]++;
    addCompensated(weights, 4 * k, weight);
    addCompensated(weights, 4 * k + 2, weight * weight);
  }

  /**
   * Adds one response: its score, with its sampling weight unless that is 1.
   *
   * @throws IllegalArgumentException if the response's instrument is not this accumulator's, or
   *     (when this accumulator has no instrument) its score is outside the scale
   */
  public void add(SurveyResponse response) {
    add(instrument, response);
  }

  void add(Instrument expected, SurveyResponse response) {
    if (expected != null && !expected.equals(response.instrument())) {
      throw new IllegalArgumentException(
          "response instrument " + response.instrument() + " is not " + expected + ": " + response);
    }
    if (response.weight() == 1.0) {
      add(response.score());
    } else {
      add(response.score(), response.weight());
    }
  }

  /**
   * Adds every response of {@code responses}.
   *
   * @throws IllegalArgumentException as {@link #add(SurveyResponse)}
   */
  public void addAll(Iterable<SurveyResponse> responses) {
    for (SurveyResponse r : responses) {
      add(r);
    }
  }

  /**
   * Adds unweighted {@code scores}, using the fast one-pass histogram.
   *
   * @throws IllegalArgumentException naming the first score outside the scale (nothing is added)
   */
  public void addAll(int[] scores) {
    addCounts(Counting.histogram(scores, scale));
  }

  /**
   * Adds unweighted {@code scores} stored one per byte, using the fast one-pass histogram.
   *
   * @throws IllegalArgumentException naming the first score outside the scale (nothing is added)
   */
  public void addAll(byte[] scores) {
    addCounts(Counting.histogram(scores, scale));
  }

  /**
   * Adds a whole distribution.
   *
   * @throws IllegalArgumentException if its scale differs
   */
  public void addAll(ScoreDistribution distribution) {
    checkScale(distribution.scale());
    if (!distribution.isWeighted()) {
      for (int k = 0; k <= span; k++) {
        counts[k] += distribution.countAt(k);
      }
      return;
    }
    if (weightedCounts == null) {
      allocateWeights();
    }
    for (int k = 0; k <= span; k++) {
      weightedCounts[k] += distribution.countAt(k);
      addCompensated(weights, 4 * k, distribution.weightAt(k));
      addCompensated(weights, 4 * k + 2, distribution.weightSquaresAt(k));
    }
  }

  /**
   * Adds everything {@code other} has accumulated; {@code other} is unchanged. Exact for counts;
   * weighted sums are merged with their compensation terms.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  public void merge(ScoreAccumulator<?> other) {
    checkScale(other.scale);
    for (int k = 0; k <= span; k++) {
      counts[k] += other.counts[k];
    }
    if (other.weightedCounts != null) {
      if (weightedCounts == null) {
        allocateWeights();
      }
      for (int k = 0; k <= span; k++) {
        weightedCounts[k] += other.weightedCounts[k];
        addCompensated(weights, 4 * k, other.weights[4 * k]);
        addCompensated(weights, 4 * k, other.weights[4 * k + 1]);
        addCompensated(weights, 4 * k + 2, other.weights[4 * k + 2]);
        addCompensated(weights, 4 * k + 2, other.weights[4 * k + 3]);
      }
    }
  }

  /** Returns a new accumulator with the same scale, instrument, result type and contents. */
  public ScoreAccumulator<R> copy() {
    ScoreAccumulator<R> c = new ScoreAccumulator<>(scale, instrument, finisher);
    c.merge(this);
    return c;
  }

  /** Returns the distribution accumulated so far (a snapshot: later adds do not change it). */
  public ScoreDistribution distribution() {
    if (weightedCounts == null) {
      return new ScoreDistribution(scale, counts.clone(), null, null);
    }
    long[] all = new long[span + 1];
    double[] w = new double[span + 1];
    double[] w2 = new double[span + 1];
    for (int k = 0; k <= span; k++) {
      all[k] = counts[k] + weightedCounts[k];
      w[k] = counts[k] + (weights[4 * k] + weights[4 * k + 1]);
      w2[k] = counts[k] + (weights[4 * k + 2] + weights[4 * k + 3]);
    }
    return new ScoreDistribution(scale, all, w, w2);
  }

  /**
   * Returns the metric for everything added so far (a snapshot). For an empty accumulator, the
   * result reports {@code n = 0}; its score accessors throw {@link IllegalStateException}.
   */
  public R result() {
    return finisher.apply(distribution());
  }

  /** Returns the number of responses added so far. */
  public long n() {
    long n = 0;
    for (int k = 0; k <= span; k++) {
      n += counts[k] + (weightedCounts == null ? 0 : weightedCounts[k]);
    }
    return n;
  }

  private void addCounts(long[] h) {
    for (int k = 0; k <= span; k++) {
      counts[k] += h[k];
    }
  }

  private void allocateWeights() {
    weightedCounts = new long[span + 1];
    weights = new double[4 * (span + 1)];
  }

  // Neumaier's improved Kahan summation: the compensation keeps merged sums within ~1 ulp.
  // state[i] is the running sum, state[i + 1] its compensation.
  private static void addCompensated(double[] state, int i, double x) {
    double s = state[i];
    double t = s + x;
    state[i + 1] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
    state[i] = t;
  }

  private void checkScale(Scale other) {
    if (!scale.equals(other)) {
      throw new IllegalArgumentException(
          "cannot combine scores on " + other + " with scores on " + scale);
    }
  }

  private IllegalArgumentException outside(int score) {
    return new IllegalArgumentException(
        "score " + score + " is outside the "
            + (instrument == null ? "scale " + scale : instrument.name() + " scale " + scale));
  }

  @Override
  public String toString() {
    return "ScoreAccumulator[" + distribution() + "]";
  }
}
