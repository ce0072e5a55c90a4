package org.cx4j.metrics.score;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.internal.Counting;
import org.cx4j.metrics.score.impl.Stats;

/**
 * A mergeable accumulator of survey scores on one scale, whose {@link #result()} is a metric (a
 * {@code NetPromoterScore}, a {@code CustomerSatisfaction}, ...) computed from the accumulated
 * {@link ScoreDistribution}. Obtain one from the metric, e.g. {@code
 * NetPromoterScore.accumulator()}.
 *
 * <p>It holds one small histogram, so {@code add(int)} is a range check and an array increment,
 * cheap enough for a service's hot path; {@code addWeighted(score, weight)} also updates Neumaier
 * compensated sums of the weights and squared weights, so merged weighted sums agree with a batch
 * sum to about 1e-15 relative. {@link #merge} adds raw state, so merge is exact for counts,
 * associative and commutative, and equals adding everything to one accumulator.
 *
 * <p><b>Weights of any scale.</b> Weights are stored divided by a power of two {@code 2^e} (the
 * binary exponent of the first positive weight; a much larger later weight or a merge moves it up),
 * so that squared weights of 1e-200 or 1e200 neither underflow nor overflow and every estimate is
 * invariant to the scale of the weights (see {@link ScoreDistribution}).
 *
 * <p><b>Missing-value codes.</b> {@link #missingCodes(int...)} declares codes (0 = not applicable,
 * 99 = don't know) that are counted in {@link ScoreDistribution#missing()} and never scored,
 * whether or not they lie on the scale.
 *
 * <p><b>Partial results across processes.</b> {@link #writeTo} writes the raw state in a versioned
 * binary format (its first byte is {@link #FORMAT_VERSION}) and {@link #mergeFrom} adds such a
 * state to an accumulator, in another process or a later build: the same result as {@link #merge},
 * bit for bit. Version 1 is documented on {@link #writeTo}; later builds keep reading it.
 *
 * <p><b>Not thread-safe.</b> Use one per thread and merge, or use {@link
 * ConcurrentScoreAccumulator} for many writers. Counts are {@code long}; overflow (after 2^63
 * responses) is not checked on the hot path.
 *
 * @param <R> the result type
 */
public final class ScoreAccumulator<R> {

  /** The format version {@link #writeTo} writes first, and the newest {@link #mergeFrom} reads. */
  public static final byte FORMAT_VERSION = 1;

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
  // Weights are stored as w 2^-exponent; set by the first positive weight.
  private int exponent;
  private boolean exponentSet;
  // Declared missing-value codes (sorted), or null; counts of missing answers by code.
  private int[] missingCodes;
  private final TreeMap<Integer, Long> missing = new TreeMap<>();

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

  private ScoreAccumulator(
      Scale scale, Instrument instrument, Function<ScoreDistribution, R> finisher) {
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
  public static <R> Collector<SurveyResponse, ?, R> collector(
      Supplier<ScoreAccumulator<R>> accumulator) {
    Objects.requireNonNull(accumulator, "accumulator");
    return Collector.of(
        accumulator, ScoreAccumulator::add, ScoreAccumulator::merge, ScoreAccumulator::result);
  }

  /** Returns the scale. */
  public Scale scale() {
    return scale;
  }

  /**
   * Declares missing-value codes (e.g. 0 = not applicable, 99 = don't know): answers with these
   * codes are counted in {@link ScoreDistribution#missing()} and never scored (not in {@code n},
   * the counts or any estimate), whether or not a code lies on the scale. Replaces earlier codes;
   * none by default. Applies to {@code add} and {@code addAll} of scores and responses; counts of
   * missing answers travel with {@link #merge} and {@link #addAll(ScoreDistribution)}, also into a
   * {@link ConcurrentScoreAccumulator} (which has no codes of its own).
   *
   * @return this accumulator
   */
  public ScoreAccumulator<R> missingCodes(int... codes) {
    int[] c = codes.clone();
    Arrays.sort(c);
    this.missingCodes = c.length == 0 ? null : c;
    return this;
  }

  private boolean isMissing(int score) {
    return missingCodes != null && Arrays.binarySearch(missingCodes, score) >= 0;
  }

  private void countMissing(int score, long count) {
    missing.merge(score, count, Long::sum);
  }

  /**
   * Sets the exponent before any weight is added (one-shot paths normalise by the largest weight).
   */
  void presetExponent(int e) {
    if (!exponentSet) {
      exponent = e;
      exponentSet = true;
    }
  }

  /**
   * Adds one unweighted response.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public ScoreAccumulator<R> add(int score) {
    if (missingCodes != null && isMissing(score)) {
      countMissing(score, 1);
      return this;
    }
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    counts[k]++;
    return this;
  }

  /**
   * Adds {@code count} unweighted responses with the same score (a frequency: adds {@code count} to
   * n). Named apart from {@link #addWeighted} so that {@code addCount(9, 3)} never reads as a
   * weight.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code count < 0}
   */
  public ScoreAccumulator<R> addCount(int score, long count) {
    if (missingCodes != null && isMissing(score)) {
      countMissing(score, Stats.checkCount(count));
      return this;
    }
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    counts[k] += Stats.checkCount(count);
    return this;
  }

  /**
   * Adds one response with sampling weight {@code weight} (adds 1 to n and {@code weight} to the
   * total weight).
   *
   * @return this accumulator
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code weight} is
   *     NaN, infinite or negative
   */
  public ScoreAccumulator<R> addWeighted(int score, double weight) {
    if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
      Stats.checkWeight(weight);
    }
    if (missingCodes != null && isMissing(score)) {
      countMissing(score, 1);
      return this;
    }
    int k = score - min;
    if (k < 0 || k > span) {
      throw outside(score);
    }
    if (weightedCounts == null) {
      allocateWeights();
    }
    if (weight > 0) {
      int e = Math.getExponent(weight);
      if (!exponentSet) {
        exponent = e;
        exponentSet = true;
      } else if (e > exponent + 256) {
        rescaleTo(e); // keeps the squared weights finite
      }
    }
    double x = Math.scalb(weight, -exponent);
    weightedCounts[k]++;
    addCompensated(weights, 4 * k, x);
    addCompensated(weights, 4 * k + 2, x * x);
    return this;
  }

  // Moves the stored sums to exponent e > exponent: w 2^-e = (w 2^-old) 2^(old - e).
  private void rescaleTo(int e) {
    int d = exponent - e;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.scalb(weights[i], (i & 2) == 0 ? d : 2 * d);
    }
    exponent = e;
  }

  // Makes this accumulator's exponent at least e (the other's), returns the shift for its sums.
  private int alignTo(int otherExponent) {
    if (!exponentSet) {
      exponent = otherExponent;
      exponentSet = true;
    } else if (otherExponent > exponent) {
      rescaleTo(otherExponent);
    }
    return otherExponent - exponent;
  }

  /**
   * Adds one response: its score, with its sampling weight unless that is 1.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the response's instrument is not this accumulator's, or
   *     (when this accumulator has no instrument) its score is outside the scale
   */
  public ScoreAccumulator<R> add(SurveyResponse response) {
    add(instrument, response);
    return this;
  }

  void add(Instrument expected, SurveyResponse response) {
    Instrument actual = response.instrument();
    if (expected != null && expected != actual && !expected.equals(actual)) {
      throw new IllegalArgumentException(
          "response instrument " + actual + " is not " + expected + ": " + response);
    }
    if (response.weight() == 1.0) {
      add(response.score());
    } else {
      addWeighted(response.score(), response.weight());
    }
  }

  /**
   * Adds every response of {@code responses}.
   *
   * @return this accumulator
   * @throws IllegalArgumentException as {@link #add(SurveyResponse)}
   */
  public ScoreAccumulator<R> addAll(Iterable<SurveyResponse> responses) {
    for (SurveyResponse r : responses) {
      add(r);
    }
    return this;
  }

  /**
   * Adds unweighted {@code scores}, using the fast one-pass histogram.
   *
   * @return this accumulator
   * @throws IllegalArgumentException naming the first score outside the scale (nothing is added)
   */
  public ScoreAccumulator<R> addAll(int[] scores) {
    if (missingCodes != null) {
      for (int s : scores) {
        if (!isMissing(s) && !scale.contains(s)) {
          throw outside(s); // nothing is added
        }
      }
      for (int s : scores) {
        add(s);
      }
      return this;
    }
    addCounts(Counting.histogram(scores, scale));
    return this;
  }

  /**
   * Adds unweighted {@code scores} stored one per byte, using the fast one-pass histogram.
   *
   * @return this accumulator
   * @throws IllegalArgumentException naming the first score outside the scale (nothing is added)
   */
  public ScoreAccumulator<R> addAll(byte[] scores) {
    if (missingCodes != null) {
      int[] wide = new int[scores.length];
      for (int i = 0; i < scores.length; i++) {
        wide[i] = scores[i];
      }
      return addAll(wide);
    }
    addCounts(Counting.histogram(scores, scale));
    return this;
  }

  /**
   * Adds a whole distribution.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if its scale differs
   */
  public ScoreAccumulator<R> addAll(ScoreDistribution distribution) {
    checkScale(distribution.scale());
    distribution.missing().forEach(this::countMissing);
    if (!distribution.isWeighted()) {
      for (int k = 0; k <= span; k++) {
        counts[k] += distribution.countAt(k);
      }
      return this;
    }
    if (weightedCounts == null) {
      allocateWeights();
    }
    int shift = distribution.normalizedTotalWeight() > 0 ? alignTo(distribution.exponent()) : 0;
    for (int k = 0; k <= span; k++) {
      weightedCounts[k] += distribution.countAt(k);
      addCompensated(weights, 4 * k, Math.scalb(distribution.weightAt(k), shift));
      addCompensated(weights, 4 * k + 2, Math.scalb(distribution.weightSquaresAt(k), 2 * shift));
    }
    return this;
  }

  /**
   * Adds everything {@code other} has accumulated; {@code other} is unchanged. Exact for counts;
   * weighted sums are merged with their compensation terms.
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the scales differ
   */
  public ScoreAccumulator<R> merge(ScoreAccumulator<?> other) {
    checkScale(other.scale);
    for (int k = 0; k <= span; k++) {
      counts[k] += other.counts[k];
    }
    other.missing.forEach(this::countMissing);
    if (other.weightedCounts != null) {
      if (weightedCounts == null) {
        allocateWeights();
      }
      int d = other.exponentSet ? alignTo(other.exponent) : 0;
      for (int k = 0; k <= span; k++) {
        weightedCounts[k] += other.weightedCounts[k];
        addCompensated(weights, 4 * k, Math.scalb(other.weights[4 * k], d));
        addCompensated(weights, 4 * k, Math.scalb(other.weights[4 * k + 1], d));
        addCompensated(weights, 4 * k + 2, Math.scalb(other.weights[4 * k + 2], 2 * d));
        addCompensated(weights, 4 * k + 2, Math.scalb(other.weights[4 * k + 3], 2 * d));
      }
    }
    return this;
  }

  /**
   * Writes everything accumulated so far, so that {@link #mergeFrom} of an accumulator on the same
   * scale (in this process or another, in this build or a later one) adds exactly what {@link
   * #merge} of this accumulator would. Format version 1, big-endian as {@link DataOutput}:
   *
   * <ol>
   *   <li>{@code byte} 1, the format version;
   *   <li>{@code int} scale minimum, {@code int} scale maximum;
   *   <li>per point of the scale, lowest first, {@code long}: responses of weight 1;
   *   <li>{@code byte} 0 if no response carried a weight (the state ends with item 6), else 1 and
   *       then: {@code byte} 1 if the weight exponent {@code e} is set (else 0), {@code int} {@code
   *       e}, and per point {@code long} responses added with a weight, {@code double} the Neumaier
   *       sum of their weights times {@code 2^-e} and its compensation, {@code double} the sum of
   *       their squared weights times {@code 2^-2e} and its compensation;
   *   <li>(nothing: reserved for later versions, which add after item 6);
   *   <li>{@code int} m, the number of missing-value codes seen, then m pairs ({@code int} code,
   *       {@code long} count), codes increasing.
   * </ol>
   *
   * <p>The declared missing codes ({@link #missingCodes}), the instrument and the result type are
   * configuration, not state: the reading accumulator has its own. An unweighted state on 0..10
   * without missing codes is {@code 1 + 8 + 11 * 8 + 1 + 4 = 102} bytes; weights add {@code 1 + 4 +
   * 11 * 40 = 445}.
   *
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(FORMAT_VERSION);
    out.writeInt(scale.min());
    out.writeInt(scale.max());
    for (long c : counts) {
      out.writeLong(c);
    }
    if (weightedCounts == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      out.writeByte(exponentSet ? 1 : 0);
      out.writeInt(exponent);
      for (int k = 0; k <= span; k++) {
        out.writeLong(weightedCounts[k]);
        for (int j = 0; j < 4; j++) {
          out.writeDouble(weights[4 * k + j]);
        }
      }
    }
    out.writeInt(missing.size());
    for (var e : missing.entrySet()) {
      out.writeInt(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  /**
   * Adds a state written by {@link #writeTo} (format version 1): the result equals {@link #merge}
   * of the accumulator that wrote it. The state is read fully before anything changes, so a
   * truncated or invalid state leaves this accumulator as it was.
   *
   * @return this accumulator
   * @throws IOException if {@code in} fails or ends early ({@link java.io.EOFException})
   * @throws IllegalArgumentException if the version byte is not one this build reads, the scale
   *     differs from this accumulator's, or a count, a weight sum or a flag is invalid (each named
   *     with its value)
   */
  public ScoreAccumulator<R> mergeFrom(DataInput in) throws IOException {
    byte version = in.readByte();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "score state format version "
              + version
              + " is not one this build reads (it reads "
              + FORMAT_VERSION
              + ")");
    }
    Scale s = Scale.of(in.readInt(), in.readInt());
    checkScale(s);
    ScoreAccumulator<ScoreDistribution> other = new ScoreAccumulator<>(scale, d -> d);
    for (int k = 0; k <= span; k++) {
      other.counts[k] = stateCount(in.readLong(), "count of score " + (min + k));
    }
    byte weighted = in.readByte();
    if (weighted == 1) {
      byte set = in.readByte();
      if (set != 0 && set != 1) {
        throw new IllegalArgumentException("score state exponent flag must be 0 or 1, got " + set);
      }
      other.exponentSet = set == 1;
      other.exponent = in.readInt();
      other.allocateWeights();
      for (int k = 0; k <= span; k++) {
        other.weightedCounts[k] = stateCount(in.readLong(), "weighted count of score " + (min + k));
        for (int j = 0; j < 4; j++) {
          double x = in.readDouble();
          if (!Double.isFinite(x) || ((j == 0 || j == 2) && x < 0)) {
            throw new IllegalArgumentException(
                "score state weight sum "
                    + j
                    + " of score "
                    + (min + k)
                    + " must be finite"
                    + (j % 2 == 0 ? " and non-negative" : "")
                    + ", got "
                    + x);
          }
          other.weights[4 * k + j] = x;
        }
      }
    } else if (weighted != 0) {
      throw new IllegalArgumentException(
          "score state weighted flag must be 0 or 1, got " + weighted);
    }
    int m = in.readInt();
    if (m < 0) {
      throw new IllegalArgumentException(
          "score state number of missing codes must be non-negative, got " + m);
    }
    for (int i = 0; i < m; i++) {
      int code = in.readInt();
      other.missing.put(code, stateCount(in.readLong(), "count of missing code " + code));
    }
    if (weightedCounts == null && missing.isEmpty() && n() == 0) {
      // Into an empty accumulator the state is installed as written, so that writing it again
      // gives the same bytes (a merge would fold each compensation term into its sum).
      System.arraycopy(other.counts, 0, counts, 0, counts.length);
      weightedCounts = other.weightedCounts;
      weights = other.weights;
      exponent = other.exponent;
      exponentSet = other.exponentSet;
      missing.putAll(other.missing);
      return this;
    }
    return merge(other);
  }

  private static long stateCount(long c, String what) {
    if (c < 0) {
      throw new IllegalArgumentException("score state " + what + " must be non-negative, got " + c);
    }
    return c;
  }

  /** Returns a new accumulator with the same scale, instrument, result type and contents. */
  public ScoreAccumulator<R> copy() {
    ScoreAccumulator<R> c = new ScoreAccumulator<>(scale, instrument, finisher);
    c.missingCodes = missingCodes;
    c.merge(this);
    return c;
  }

  /** Returns the distribution accumulated so far (a snapshot: later adds do not change it). */
  public ScoreDistribution distribution() {
    if (weightedCounts == null) {
      return new ScoreDistribution(scale, counts.clone(), null, null, 0, missing);
    }
    boolean unit = false;
    for (long c : counts) {
      unit |= c > 0;
    }
    // Responses of weight 1 take part in the normalisation: the exponent is at least 0 then.
    int e = unit ? Math.max(0, exponent) : exponent;
    int d = exponent - e;
    long[] all = new long[span + 1];
    double[] w = new double[span + 1];
    double[] w2 = new double[span + 1];
    for (int k = 0; k <= span; k++) {
      all[k] = counts[k] + weightedCounts[k];
      w[k] =
          Math.scalb((double) counts[k], -e) + Math.scalb(weights[4 * k] + weights[4 * k + 1], d);
      w2[k] =
          Math.scalb((double) counts[k], -2 * e)
              + Math.scalb(weights[4 * k + 2] + weights[4 * k + 3], 2 * d);
    }
    return new ScoreDistribution(scale, all, w, w2, e, missing);
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
        "score "
            + score
            + " is outside the "
            + (instrument == null ? "scale " + scale : instrument.name() + " scale " + scale));
  }

  @Override
  public String toString() {
    return "ScoreAccumulator[" + distribution() + "]";
  }
}
