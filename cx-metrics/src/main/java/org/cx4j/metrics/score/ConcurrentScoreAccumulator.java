package org.cx4j.metrics.score;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;

/**
 * The thread-safe variant of {@link ScoreAccumulator}, for many writers: unweighted adds go to one
 * {@link LongAdder} per score (contention spreads over cells instead of retrying a CAS); weighted
 * adds go to one of several lock-striped {@link ScoreAccumulator}s chosen by the writing thread, so
 * writers on different stripes do not contend.
 *
 * <p>{@link #result()} is a snapshot. Like {@link LongAdder#sum()}, it is exact when no writer is
 * active; with concurrent writers it includes some subset of the adds in flight. Counts are exact:
 * after all writers finish, the result equals the batch result.
 *
 * @param <R> the result type
 */
public final class ConcurrentScoreAccumulator<R> {

  private final Scale scale;
  private final Instrument instrument;
  private final Function<ScoreDistribution, R> finisher;
  private final int min;
  private final int span;
  private final LongAdder[] counts;
  private final ScoreAccumulator<ScoreDistribution>[] stripes;
  private final int mask;

  /**
   * Returns an accumulator on {@code scale} whose result is {@code finisher} of the distribution.
   */
  public ConcurrentScoreAccumulator(Scale scale, Function<ScoreDistribution, R> finisher) {
    this(scale, null, finisher);
  }

  /** Returns an accumulator for responses to {@code instrument}. */
  public ConcurrentScoreAccumulator(
      Instrument instrument, Function<ScoreDistribution, R> finisher) {
    this(instrument.scale(), instrument, finisher);
  }

  @SuppressWarnings("unchecked")
  private ConcurrentScoreAccumulator(
      Scale scale, Instrument instrument, Function<ScoreDistribution, R> finisher) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.instrument = instrument;
    this.finisher = Objects.requireNonNull(finisher, "finisher");
    this.min = scale.min();
    this.span = scale.max() - scale.min();
    this.counts = new LongAdder[span + 1];
    for (int k = 0; k <= span; k++) {
      counts[k] = new LongAdder();
    }
    int n =
        Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1)) << 1;
    stripes = new ScoreAccumulator[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new ScoreAccumulator<>(scale, d -> d);
    }
    mask = n - 1;
  }

  /** Returns the scale. */
  public Scale scale() {
    return scale;
  }

  /**
   * Adds one unweighted response. Thread-safe.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public ConcurrentScoreAccumulator<R> add(int score) {
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    counts[k].increment();
    return this;
  }

  /**
   * Adds {@code count} unweighted responses with the same score. Thread-safe.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code count < 0}
   */
  public ConcurrentScoreAccumulator<R> addCount(int score, long count) {
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be non-negative, got " + count);
    }
    counts[k].add(count);
    return this;
  }

  /**
   * Adds one response with sampling weight {@code weight}. Thread-safe (lock-striped).
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code weight} is
   *     NaN, infinite or negative
   */
  public ConcurrentScoreAccumulator<R> addWeighted(int score, double weight) {
    ScoreAccumulator<ScoreDistribution> s = stripe();
    synchronized (s) {
      s.addWeighted(score, weight);
    }
    return this;
  }

  /**
   * Adds one response with its weight (unless 1). Thread-safe.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the response's instrument is not this accumulator's
   */
  public ConcurrentScoreAccumulator<R> add(SurveyResponse response) {
    if (response.weight() == 1.0) {
      if (instrument != null && !instrument.equals(response.instrument())) {
        throw new IllegalArgumentException(
            "response instrument "
                + response.instrument()
                + " is not "
                + instrument
                + ": "
                + response);
      }
      add(response.score());
    } else {
      ScoreAccumulator<ScoreDistribution> s = stripe();
      synchronized (s) {
        s.add(instrument, response);
      }
    }
    return this;
  }

  /**
   * Adds unweighted {@code scores} (one histogram pass, then one add per score value).
   *
   * @return this accumulator
   * @throws IllegalArgumentException naming the first score outside the scale (nothing is added)
   */
  public ConcurrentScoreAccumulator<R> addAll(int[] scores) {
    return addAll(ScoreDistribution.of(scale, scores));
  }

  /**
   * Adds a whole distribution. Thread-safe.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if its scale differs
   */
  public ConcurrentScoreAccumulator<R> addAll(ScoreDistribution distribution) {
    ScoreAccumulator<ScoreDistribution> s = stripe();
    synchronized (s) {
      s.addAll(distribution);
    }
    return this;
  }

  /**
   * Adds everything a single-threaded accumulator holds. Thread-safe with respect to this
   * accumulator; {@code other} must not be modified concurrently.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the scales differ
   */
  public ConcurrentScoreAccumulator<R> merge(ScoreAccumulator<?> other) {
    ScoreAccumulator<ScoreDistribution> s = stripe();
    synchronized (s) {
      s.merge(other);
    }
    return this;
  }

  /**
   * Adds a snapshot of everything {@code other} holds.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the scales differ
   */
  public ConcurrentScoreAccumulator<R> merge(ConcurrentScoreAccumulator<?> other) {
    return addAll(other.distribution());
  }

  /** Returns a snapshot of the distribution (see the class comment on concurrent writers). */
  public ScoreDistribution distribution() {
    ScoreAccumulator<ScoreDistribution> all = new ScoreAccumulator<>(scale, d -> d);
    for (int k = 0; k <= span; k++) {
      all.addCount(min + k, counts[k].sum());
    }
    for (ScoreAccumulator<ScoreDistribution> s : stripes) {
      synchronized (s) {
        all.merge(s);
      }
    }
    return all.distribution();
  }

  /** Returns the metric for a snapshot of everything added so far. */
  public R result() {
    return finisher.apply(distribution());
  }

  private ScoreAccumulator<ScoreDistribution> stripe() {
    // Fibonacci hashing of the thread id spreads consecutive ids over the stripes.
    long h = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
    return stripes[(int) (h >>> 40) & mask];
  }

  private IllegalArgumentException outside(int score) {
    return new IllegalArgumentException(
        "score "
            + score
            + " is outside the "
            + (instrument == null ? "scale " + scale : instrument.name() + " scale " + scale));
  }

  @Override
  public String toString() {
    return "ConcurrentScoreAccumulator[" + distribution() + "]";
  }
}
