package org.cx4j.metrics.score;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.internal.Counting;
import org.cx4j.metrics.score.impl.Stats;

/**
 * The full score distribution (histogram) of a sample on a bounded {@link Scale}: for every point
 * of the scale, the number of responses, the sum of their sampling weights and the sum of their
 * squared weights. Every cx4j survey metric (NPS, CSAT, CES, ratings) is a function of it, which is
 * why every accumulator is mergeable exactly: merging adds histograms.
 *
 * <p><b>Counts and weights.</b> Frequency counts ({@code add(score, count)}) add to {@code n};
 * sampling weights ({@code add(score, weight)}) describe how many population members one response
 * stands for. An unweighted response has weight 1. Kish's effective sample size {@code n_eff =
 * (Σw)² / Σw²} equals {@code n} when every weight is 1 (Kish 1965, <i>Survey Sampling</i>, sec.
 * 11.7).
 *
 * <p><b>Scale of the weights.</b> Standard errors, shares and {@code n_eff} do not depend on the
 * scale of the weights: multiplying every weight by 1e-200 or 1e200 changes none of them. The
 * weights are stored normalised by a power of two {@code 2^e} (exact, no rounding), {@code e} being
 * the binary exponent of the largest weight of a one-shot sample or of the first positive weight of
 * an accumulator (merges keep the larger exponent), and their sums are compensated (Neumaier).
 * {@link #weight(int)}, {@link #weightSquares(int)}, {@link #totalWeight()} and {@link
 * #totalWeightSquares()} return the true sums (which may overflow to infinity or underflow to 0, as
 * the true value does); the estimates use the normalised sums and {@link #share(int, int)} and
 * {@link #relativeWeightSquares(int)}.
 *
 * <p><b>Missing-value codes.</b> An accumulator given {@link ScoreAccumulator#missingCodes(int...)
 * missing codes} (e.g. 0 = not applicable, 99 = don't know) counts answers with those codes in
 * {@link #missing()} and never scores them: they are not in {@code n}, the counts or any estimate.
 *
 * <p><b>Empty.</b> {@code n = 0} is a valid distribution; {@link #mean()} then throws {@link
 * IllegalStateException}, as does any score of the metrics built on it. Immutable and thread-safe.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({
  "scale",
  "n",
  "counts",
  "weights",
  "weightSquares",
  "weightExponent",
  "missing"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(
    value = {"n"},
    allowGetters = true)
public final class ScoreDistribution {

  private final Scale scale;
  private final long[] counts;
  private final double[] weights; // null when every response has weight 1
  private final double[] weightSquares;
  private final long n;
  private final double totalWeight;
  private final double totalWeightSquares;
  // Weights are stored as w 2^-exponent, squared weights as w² 2^-2 exponent.
  private final int exponent;
  private final SortedMap<Integer, Long> missing;

  ScoreDistribution(Scale scale, long[] counts, double[] weights, double[] weightSquares) {
    this(scale, counts, weights, weightSquares, 0, Map.of());
  }

  ScoreDistribution(
      Scale scale,
      long[] counts,
      double[] weights,
      double[] weightSquares,
      int exponent,
      Map<Integer, Long> missing) {
    this.scale = scale;
    this.counts = counts;
    this.weights = weights;
    this.weightSquares = weightSquares;
    this.exponent = weights == null ? 0 : exponent;
    this.missing = Collections.unmodifiableSortedMap(new TreeMap<>(missing));
    long sum = 0;
    for (long c : counts) {
      sum = Math.addExact(sum, c);
    }
    this.n = sum;
    if (weights == null) {
      totalWeight = sum;
      totalWeightSquares = sum;
    } else {
      totalWeight = neumaierSum(weights);
      totalWeightSquares = neumaierSum(weightSquares);
    }
  }

  @JsonCreator
  static ScoreDistribution fromJson(
      @JsonProperty(value = "scale", required = true) Scale scale,
      @JsonProperty(value = "counts", required = true) long[] counts,
      @JsonProperty("weights") double[] weights,
      @JsonProperty("weightSquares") double[] weightSquares,
      @JsonProperty("weightExponent") Integer weightExponent,
      @JsonProperty("missing") Map<Integer, Long> missing) {
    Objects.requireNonNull(scale, "scale");
    Map<Integer, Long> m = missing == null ? Map.of() : missing;
    for (Map.Entry<Integer, Long> e : m.entrySet()) {
      Objects.requireNonNull(e.getKey(), "missing code");
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(
            "the count of missing code "
                + e.getKey()
                + " must be non-negative, got "
                + e.getValue());
      }
    }
    int exp = weightExponent == null ? 0 : weightExponent;
    checkLength("counts", counts, scale);
    for (long c : counts) {
      Stats.checkCount(c);
    }
    if ((weights == null) != (weightSquares == null)) {
      throw new IllegalArgumentException("weights and weightSquares must both be given or neither");
    }
    if (weights != null) {
      checkLength("weights", weights.length, scale);
      checkLength("weightSquares", weightSquares.length, scale);
      for (int k = 0; k < weights.length; k++) {
        Stats.checkWeight(weights[k]);
        Stats.checkWeight(weightSquares[k]);
        checkConsistent(scale.min() + k, counts[k], weights[k], weightSquares[k]);
      }
      return new ScoreDistribution(
          scale, counts.clone(), weights.clone(), weightSquares.clone(), exp, m);
    }
    return new ScoreDistribution(scale, counts.clone(), null, null, 0, m);
  }

  /**
   * Rejects per-score sums that no set of {@code count} non-negative weights can have: with {@code
   * c} weights summing to {@code W} and their squares to {@code Q}, {@code W = Q = 0} when {@code c
   * = 0}, and otherwise {@code W² / c <= Q <= W²} (Cauchy-Schwarz; all weights on one response),
   * with a relative tolerance of 1e-9 for rounding (not checked where {@code W²} is below 2^-900 or
   * overflows, too close to underflow or overflow to compare).
   */
  private static void checkConsistent(int score, long count, double w, double q) {
    String at =
        " at score "
            + score
            + " (count "
            + count
            + ", weight sum "
            + w
            + ", squared-weight sum "
            + q
            + ")";
    if (count == 0) {
      if (w != 0 || q != 0) {
        throw new IllegalArgumentException(
            "a score with no responses must have zero weight sums" + at);
      }
      return;
    }
    double tol = 1e-9;
    if (!(w * w >= 0x1p-900) || !Double.isFinite(w * w)) {
      return; // squares near underflow or overflow carry too few digits to compare
    }
    if (q > w * w * (1 + tol)) {
      throw new IllegalArgumentException(
          "the squared-weight sum exceeds the squared weight sum, impossible for non-negative weights"
              + at);
    }
    if (q * count < w * w * (1 - tol)) {
      throw new IllegalArgumentException(
          "the squared-weight sum is below (weight sum)² / count, impossible for real weights"
              + at);
    }
  }

  private static void checkLength(String what, long[] a, Scale scale) {
    Objects.requireNonNull(a, what);
    checkLength(what, a.length, scale);
  }

  private static void checkLength(String what, int length, Scale scale) {
    if (length != scale.points()) {
      throw new IllegalArgumentException(
          what + " has " + length + " entries; the scale " + scale + " has " + scale.points());
    }
  }

  /**
   * Returns the weighted distribution with {@code counts[k]} responses, total weight {@code
   * weights[k]} and total squared weight {@code weightSquares[k]} at score {@code scale.min() + k}:
   * the state a weighted accumulator ships between processes (e.g. a Spark partial aggregate). The
   * arrays are copied.
   *
   * @throws IllegalArgumentException if an array's length is not the number of points of {@code
   *     scale}, a count is negative, a weight sum is NaN, infinite or negative, or the totals of a
   *     score are inconsistent: weight at a score with no responses, or a squared-weight sum {@code
   *     Q} outside {@code [W² / count, W²]} for the weight sum {@code W} (no non-negative weights
   *     have such sums); the message names the score and the three values
   */
  public static ScoreDistribution ofWeights(
      Scale scale, long[] counts, double[] weights, double[] weightSquares) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(weightSquares, "weightSquares");
    return fromJson(scale, counts, weights, weightSquares, 0, null);
  }

  /** Returns the empty distribution on {@code scale}. */
  public static ScoreDistribution empty(Scale scale) {
    return new ScoreDistribution(
        Objects.requireNonNull(scale, "scale"), new long[scale.points()], null, null);
  }

  /**
   * Returns the distribution of unweighted {@code scores} on {@code scale}, in one pass (see {@code
   * cx-benchmarks} for its speed).
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}
   */
  public static ScoreDistribution of(Scale scale, int... scores) {
    Objects.requireNonNull(scale, "scale");
    return new ScoreDistribution(scale, Counting.histogram(scores, scale), null, null);
  }

  /**
   * Returns the distribution of unweighted {@code scores} stored one per byte on {@code scale}.
   *
   * @throws IllegalArgumentException naming the first score outside {@code scale}
   */
  public static ScoreDistribution of(Scale scale, byte[] scores) {
    Objects.requireNonNull(scale, "scale");
    return new ScoreDistribution(scale, Counting.histogram(scores, scale), null, null);
  }

  /**
   * Returns the distribution of {@code scores} with sampling {@code weights} (parallel arrays).
   *
   * @throws IllegalArgumentException if the arrays differ in length, a score is outside {@code
   *     scale}, or a weight is NaN, infinite or negative (naming the value and its index)
   */
  public static ScoreDistribution of(Scale scale, int[] scores, double[] weights) {
    Objects.requireNonNull(scale, "scale");
    if (scores.length != weights.length) {
      throw new IllegalArgumentException(
          "scores and weights must have the same length, got "
              + scores.length
              + " and "
              + weights.length);
    }
    ScoreAccumulator<ScoreDistribution> acc = accumulator(scale);
    // Normalise first: the largest weight sets the power of two by which all are stored.
    double max = 0;
    for (double w : weights) {
      if (w > max && w != Double.POSITIVE_INFINITY) {
        max = w;
      }
    }
    if (max > 0) {
      acc.presetExponent(Math.getExponent(max));
    }
    for (int i = 0; i < scores.length; i++) {
      if (!scale.contains(scores[i])) {
        throw Counting.outside(scores[i], i, scale);
      }
      double w = weights[i];
      if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weight must be finite and non-negative, got " + w + " at index " + i);
      }
      acc.addWeighted(scores[i], w);
    }
    return acc.result();
  }

  /**
   * Returns the distribution of the scores of {@code responses}, with their sampling weights (a
   * response of weight 1 counts as unweighted). All responses must use {@code instrument}.
   *
   * @throws IllegalArgumentException if a response uses another instrument (named)
   */
  public static ScoreDistribution of(Instrument instrument, Collection<SurveyResponse> responses) {
    ScoreAccumulator<ScoreDistribution> acc = accumulator(instrument.scale());
    for (SurveyResponse r : responses) {
      acc.add(instrument, r);
    }
    return acc.result();
  }

  /**
   * Returns the distribution with the given frequency {@code counts}, {@code counts[k]} being the
   * count of score {@code scale.min() + k}.
   *
   * @throws IllegalArgumentException if {@code counts} does not have one entry per point or a count
   *     is negative
   */
  public static ScoreDistribution ofCounts(Scale scale, long... counts) {
    return fromJson(scale, counts, null, null, null, null);
  }

  /** Returns a new, empty, single-threaded accumulator whose result is the distribution. */
  public static ScoreAccumulator<ScoreDistribution> accumulator(Scale scale) {
    return new ScoreAccumulator<>(scale, d -> d);
  }

  /** Returns a new, empty, thread-safe accumulator whose result is the distribution. */
  public static ConcurrentScoreAccumulator<ScoreDistribution> concurrentAccumulator(Scale scale) {
    return new ConcurrentScoreAccumulator<>(scale, d -> d);
  }

  /** Returns the scale. */
  @JsonProperty("scale")
  public Scale scale() {
    return scale;
  }

  /** Returns the number of responses, the sum of all counts. */
  @JsonProperty("n")
  public long n() {
    return n;
  }

  /** Returns whether there are no responses ({@code n == 0}). */
  public boolean isEmpty() {
    return n == 0;
  }

  /** Returns whether any response was added with an explicit sampling weight. */
  public boolean isWeighted() {
    return weights != null;
  }

  /** Returns a copy of the counts, {@code counts[k]} for score {@code scale().min() + k}. */
  @JsonProperty("counts")
  public long[] counts() {
    return counts.clone();
  }

  @JsonProperty("weights")
  private double[] weightsOrNull() {
    return weights == null ? null : weights.clone();
  }

  @JsonProperty("weightSquares")
  private double[] weightSquaresOrNull() {
    return weightSquares == null ? null : weightSquares.clone();
  }

  @JsonProperty("weightExponent")
  private Integer weightExponentOrNull() {
    return exponent == 0 ? null : exponent;
  }

  @JsonProperty("missing")
  private Map<Integer, Long> missingOrNull() {
    return missing.isEmpty() ? null : missing;
  }

  /**
   * Returns the answers given a missing-value code, by code (ascending): counted, never scored.
   * Empty when no codes were declared or none was given.
   */
  public SortedMap<Integer, Long> missing() {
    return missing;
  }

  /** Returns the number of answers given a missing-value code (not in {@link #n()}). */
  public long missingCount() {
    long m = 0;
    for (long c : missing.values()) {
      m += c;
    }
    return m;
  }

  /** Returns the binary exponent {@code e} by which weights are stored ({@code w 2^-e}). */
  int exponent() {
    return exponent;
  }

  /**
   * Returns the number of responses with {@code score}.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public long count(int score) {
    return counts[index(score)];
  }

  /**
   * Returns the number of responses with a score in {@code from..to} (inclusive).
   *
   * @throws IllegalArgumentException if either bound is outside the scale or {@code from > to}
   */
  public long count(int from, int to) {
    checkRange(from, to);
    long c = 0;
    for (int s = from; s <= to; s++) {
      c += counts[s - scale.min()];
    }
    return c;
  }

  /**
   * Returns the sum of the sampling weights of responses with {@code score} (their count when
   * unweighted).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public double weight(int score) {
    int k = index(score);
    return weights == null ? counts[k] : Math.scalb(weights[k], exponent);
  }

  /**
   * Returns the sum of the squared weights of responses with {@code score} (their count when
   * unweighted).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public double weightSquares(int score) {
    int k = index(score);
    return weightSquares == null ? counts[k] : Math.scalb(weightSquares[k], 2 * exponent);
  }

  /**
   * Returns the sum of weights of responses with a score in {@code from..to}.
   *
   * @throws IllegalArgumentException if either bound is outside the scale or {@code from > to}
   */
  public double weight(int from, int to) {
    return Math.scalb(normalizedWeight(from, to), exponent);
  }

  private double normalizedWeight(int from, int to) {
    checkRange(from, to);
    double w = 0;
    for (int s = from; s <= to; s++) {
      w += weightAt(s - scale.min());
    }
    return w;
  }

  /**
   * Returns the weighted share of responses with a score in {@code from..to}, {@code Σ_{box} w /
   * Σw}, in [0, 1], whatever the scale of the weights.
   *
   * @throws IllegalStateException if the total weight is 0 (in particular if {@code n == 0})
   * @throws IllegalArgumentException if either bound is outside the scale or {@code from > to}
   */
  public double share(int from, int to) {
    double w = checkedTotalWeight();
    // Clamped: the box sum and the compensated total may differ in the last ulp.
    return Stats.clip(normalizedWeight(from, to) / w, 0, 1);
  }

  /**
   * Returns {@code Σ_{score} w² / (Σw)²}, the squared weights of the responses with {@code score}
   * relative to the squared total weight, whatever the scale of the weights: the building block of
   * linearization standard errors ({@code 1 / n²} per response when unweighted).
   *
   * @throws IllegalStateException if the total weight is 0 (in particular if {@code n == 0})
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public double relativeWeightSquares(int score) {
    double w = checkedTotalWeight();
    return weightSquaresAt(index(score)) / w / w;
  }

  /**
   * Returns {@code Σw}, the total weight ({@code n} when unweighted); infinite if the true sum
   * overflows.
   */
  public double totalWeight() {
    return Math.scalb(totalWeight, exponent);
  }

  /**
   * Returns {@code Σw²}, the total squared weight ({@code n} when unweighted); infinite or 0 when
   * the true sum overflows or underflows (the estimates do not use it).
   */
  public double totalWeightSquares() {
    return Math.scalb(totalWeightSquares, 2 * exponent);
  }

  /**
   * Returns Kish's effective sample size {@code n_eff = (Σw)² / Σw²}: {@code n} when unweighted, 0
   * when the total weight is 0 (Kish 1965, <i>Survey Sampling</i>, sec. 11.7).
   */
  public double effectiveSampleSize() {
    if (weights == null) {
      return n;
    }
    return totalWeightSquares == 0 ? 0 : totalWeight * totalWeight / totalWeightSquares;
  }

  /**
   * Returns the weighted share of responses with {@code score}, {@code w(score) / Σw}.
   *
   * @throws IllegalStateException if the total weight is 0 (in particular if {@code n == 0})
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  public double share(int score) {
    return weightAt(index(score)) / checkedTotalWeight();
  }

  /**
   * Returns the weighted mean score {@code Σ w_i x_i / Σ w_i}.
   *
   * @throws IllegalStateException if the total weight is 0 (in particular if {@code n == 0})
   */
  public double mean() {
    double w = checkedTotalWeight();
    double s = 0;
    for (int k = 0; k < counts.length; k++) {
      s += weightAt(k) * (scale.min() + k);
    }
    return s / w;
  }

  /**
   * Returns the normalised total weight ({@code Σw 2^-e}, see the class comment), if positive.
   *
   * @throws IllegalStateException saying {@code n} otherwise
   */
  double checkedTotalWeight() {
    if (!(totalWeight > 0)) {
      throw new IllegalStateException(
          n == 0
              ? "no score: the sample is empty (n = 0)"
              : "no score: the total weight of the " + n + " responses is 0");
    }
    return totalWeight;
  }

  /** Returns the normalised total weight {@code Σw 2^-e} (0 when empty). */
  double normalizedTotalWeight() {
    return totalWeight;
  }

  /** Returns the normalised weight {@code w 2^-e} of point {@code k} (0-based). */
  double weightAt(int k) {
    return weights == null ? counts[k] : weights[k];
  }

  /** Returns the normalised squared weight {@code w² 2^-2e} of point {@code k} (0-based). */
  double weightSquaresAt(int k) {
    return weightSquares == null ? counts[k] : weightSquares[k];
  }

  long countAt(int k) {
    return counts[k];
  }

  /**
   * Returns the distribution of this and {@code other} together.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  public ScoreDistribution plus(ScoreDistribution other) {
    ScoreAccumulator<ScoreDistribution> acc = accumulator(scale);
    acc.addAll(this);
    acc.addAll(other);
    return acc.result();
  }

  private int index(int score) {
    if (!scale.contains(score)) {
      throw new IllegalArgumentException("score " + score + " is outside the scale " + scale);
    }
    return score - scale.min();
  }

  private void checkRange(int from, int to) {
    index(from);
    index(to);
    if (from > to) {
      throw new IllegalArgumentException("from (" + from + ") must not exceed to (" + to + ")");
    }
  }

  private static double neumaierSum(double[] xs) {
    double sum = 0;
    double c = 0;
    for (double x : xs) {
      double t = sum + x;
      c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
    }
    return sum + c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreDistribution
        && scale.equals(((ScoreDistribution) o).scale)
        && Arrays.equals(counts, ((ScoreDistribution) o).counts)
        && Arrays.equals(
            trueSums(weights, exponent),
            trueSums(((ScoreDistribution) o).weights, ((ScoreDistribution) o).exponent))
        && Arrays.equals(
            trueSums(weightSquares, 2 * exponent),
            trueSums(((ScoreDistribution) o).weightSquares, 2 * ((ScoreDistribution) o).exponent))
        && missing.equals(((ScoreDistribution) o).missing);
  }

  // Equality is by value: the same sums stored under different exponents are equal.
  private static double[] trueSums(double[] normalised, int e) {
    if (normalised == null) {
      return null;
    }
    double[] t = new double[normalised.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = Math.scalb(normalised[k], e);
    }
    return t;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scale, Arrays.hashCode(counts), Arrays.hashCode(trueSums(weights, exponent)));
  }

  /**
   * Returns e.g. {@code ScoreDistribution[0..10, n=10: 0:1 6:2 9:3 10:4]} (zero counts left out).
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("ScoreDistribution[").append(scale).append(", n=").append(n);
    if (weights != null) {
      sb.append(", Σw=")
          .append(Stats.fmt(totalWeight()))
          .append(", n_eff=")
          .append(Stats.fmt(effectiveSampleSize()));
    }
    sb.append(':');
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 0) {
        sb.append(' ').append(scale.min() + k).append(':').append(counts[k]);
      }
    }
    if (!missing.isEmpty()) {
      sb.append("; missing");
      missing.forEach((code, c) -> sb.append(' ').append(code).append(':').append(c));
    }
    return sb.append(']').toString();
  }
}
