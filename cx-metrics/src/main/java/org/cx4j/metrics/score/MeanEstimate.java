package org.cx4j.metrics.score;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.cx4j.metrics.score.impl.Stats;

/**
 * The mean score of a {@link ScoreDistribution} with its standard deviation, standard error and
 * Student t interval. Immutable; computed on demand.
 *
 * <ul>
 *   <li>{@code mean = Σ w x / Σ w};
 *   <li>{@link #standardDeviation()} {@code s = sqrt(v * n_eff / (n_eff - 1))} with {@code v = Σ w
 *       (x - mean)² / Σ w}: the usual sample standard deviation when unweighted;
 *   <li>{@link #standardError()} {@code s / sqrt(n_eff)};
 *   <li>{@link #interval()}: {@code mean ± t(level; n_eff - 1) * se}, clipped to the scale, with
 *       Kish's effective sample size {@code n_eff} (Kish's approximation; {@code n} unweighted).
 *       When {@code n_eff <= 1} there is no spread to estimate and the interval is the whole scale.
 * </ul>
 *
 * <p><b>Empty.</b> When {@code n = 0} (or the total weight is 0), {@link #isEmpty()} is true and
 * the estimates throw {@link IllegalStateException}; JSON leaves them out.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "n",
  "effectiveSampleSize",
  "mean",
  "standardDeviation",
  "standardError",
  "interval"
})
public final class MeanEstimate {

  private final ScoreDistribution distribution;
  private final double level;

  /**
   * Returns the mean of {@code distribution} with intervals at {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static MeanEstimate of(ScoreDistribution distribution, double level) {
    return new MeanEstimate(distribution, level);
  }

  private MeanEstimate(ScoreDistribution distribution, double level) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.level = Stats.checkLevel(level);
  }

  /** Returns the number of responses. */
  @JsonProperty("n")
  public long n() {
    return distribution.n();
  }

  /** Returns Kish's effective sample size ({@code n} when unweighted). */
  @JsonProperty("effectiveSampleSize")
  public double effectiveSampleSize() {
    return distribution.effectiveSampleSize();
  }

  /** Returns whether there is no score: {@code n == 0} or a total weight of 0. */
  public boolean isEmpty() {
    return !(distribution.totalWeight() > 0);
  }

  /** Returns the confidence level of {@link #interval()}. */
  public double level() {
    return level;
  }

  /**
   * Returns the (weighted) mean score.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double mean() {
    return distribution.mean();
  }

  /**
   * Returns the weighted population variance {@code v = Σ w (x - mean)² / Σ w}.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  double populationVariance() {
    double m = mean();
    double v = 0;
    int min = distribution.scale().min();
    for (int k = 0; k < distribution.scale().points(); k++) {
      double d = min + k - m; // two-pass: no catastrophic cancellation
      v += distribution.weightAt(k) * d * d;
    }
    return v / distribution.normalizedTotalWeight();
  }

  /**
   * Returns the sample standard deviation {@code s} (0 when {@code n_eff <= 1}).
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardDeviation() {
    double ne = effectiveSampleSize();
    double v = populationVariance();
    return ne > 1 ? Math.sqrt(v * ne / (ne - 1)) : 0;
  }

  /**
   * Returns the standard error {@code s / sqrt(n_eff)} (0 when {@code n_eff <= 1}).
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardError() {
    return standardDeviation() / Math.sqrt(effectiveSampleSize());
  }

  /**
   * Returns the t interval at the level given at construction.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval() {
    return interval(level, IntervalMethod.T);
  }

  /**
   * Returns the interval at {@code level}: {@link IntervalMethod#T} (see the class comment) or
   * {@link IntervalMethod#WALD} ({@code mean ± z * sqrt(Σ w² (x - mean)²) / Σ w}, the linearization
   * standard error), clipped to the scale.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or the method is another
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval(double level, IntervalMethod method) {
    return interval(level, method, 1.0);
  }

  /**
   * Returns the linearization standard error of the mean, {@code sqrt(Σ w_i² (x_i - mean)²) / Σ w}
   * (the one of the {@link IntervalMethod#WALD} interval; unweighted {@code s sqrt((n - 1) / n) /
   * sqrt(n)}), its variance multiplied by {@code convention}'s factor: {@link
   * VarianceConvention#SURVEY_WITH_REPLACEMENT} is R {@code survey}'s {@code svymean} standard
   * error under {@code svydesign(ids = ~1, weights = ~w)}, and unweighted equals {@link
   * #standardError()}. Invariant to the scale of the weights.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double linearizationStandardError(VarianceConvention convention) {
    Objects.requireNonNull(convention, "convention");
    double m = mean();
    double v = 0;
    int min = distribution.scale().min();
    for (int k = 0; k < distribution.scale().points(); k++) {
      double d = min + k - m;
      v += distribution.weightSquaresAt(k) * d * d;
    }
    double w = distribution.normalizedTotalWeight();
    return Math.sqrt(v * convention.varianceFactor(n())) / w;
  }

  private Interval interval(double level, IntervalMethod method, double f) {
    Stats.checkLevel(level);
    double m = mean();
    double lo = distribution.scale().min();
    double hi = distribution.scale().max();
    double half;
    switch (method) {
      case T:
        double ne = effectiveSampleSize();
        if (!(ne > 1)) {
          return new Interval(lo, hi, level, method);
        }
        half = Stats.t(level, ne - 1) * f * standardError();
        break;
      case WALD:
        half = Stats.z(level) * f * linearizationStandardError(VarianceConvention.LINEARIZATION);
        break;
      default:
        throw new IllegalArgumentException("a mean supports T and WALD intervals, not " + method);
    }
    return new Interval(Stats.clip(m - half, lo, hi), Stats.clip(m + half, lo, hi), level, method);
  }

  /**
   * Returns {@link #interval(double, IntervalMethod)} with the finite-population correction for a
   * sample from {@code populationSize}: the standard error is multiplied by {@code f = sqrt((N - n)
   * / (N - 1))} (Cochran 1977, sec. 2.6; {@code n_eff} under weights) before the interval is formed
   * and clipped to the scale.
   *
   * @throws IllegalArgumentException as {@link #interval(double, IntervalMethod)}, or if {@code
   *     populationSize} is below 1 or below the sample size
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval(double level, IntervalMethod method, long populationSize) {
    mean(); // throws when empty
    return interval(level, method, FinitePopulation.factor(populationSize, effectiveSampleSize()));
  }

  @JsonProperty("mean")
  private Double jsonMean() {
    return isEmpty() ? null : mean();
  }

  @JsonProperty("standardDeviation")
  private Double jsonSd() {
    return isEmpty() ? null : standardDeviation();
  }

  @JsonProperty("standardError")
  private Double jsonSe() {
    return isEmpty() ? null : standardError();
  }

  @JsonProperty("interval")
  private Interval jsonInterval() {
    return isEmpty() ? null : interval();
  }

  /** Returns e.g. {@code mean 4.1 (n 50), sd 0.9, se 0.127, [3.844, 4.356] (95% t)}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "no mean (n " + n() + ")";
    }
    Interval i = interval();
    return "mean "
        + Stats.fmt(mean())
        + " (n "
        + n()
        + (distribution.isWeighted() ? ", n_eff " + Stats.fmt(effectiveSampleSize()) : "")
        + "), sd "
        + Stats.fmt(standardDeviation())
        + ", se "
        + Stats.fmt(standardError())
        + ", ["
        + Stats.fmt(i.lower())
        + ", "
        + Stats.fmt(i.upper())
        + "] ("
        + Stats.fmt(level * 100)
        + "% t)";
  }
}
