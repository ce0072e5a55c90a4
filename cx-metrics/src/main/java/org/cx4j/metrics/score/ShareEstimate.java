package org.cx4j.metrics.score;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.cx4j.metrics.score.impl.Stats;

/**
 * The share of responses whose score falls in a box {@code from..to} (top-box, bottom-box, "easy"
 * answers), with its standard error and interval. Immutable; computed on demand from a {@link
 * ScoreDistribution}.
 *
 * <ul>
 *   <li>{@code share = Σ_{box} w / Σ w} (the plain proportion {@code hits / n} when unweighted);
 *   <li>{@link #standardError()}: the linearization (Taylor) standard error {@code sqrt(Σ w_i² (z_i
 *       - p)²) / Σ w}, {@code z_i = 1} in the box, else 0; unweighted this is the textbook {@code
 *       sqrt(p (1 - p) / n)};
 *   <li>{@link #interval()}: the Wilson score interval (Wilson 1927, JASA 22:209-212; Agresti and
 *       Coull 1998, Am. Stat. 52:119-126) {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 +
 *       z²/n)}, with Kish's effective sample size {@code n_eff} in place of {@code n} under weights
 *       (Kish's approximation), clipped to [0, 1].
 * </ul>
 *
 * <p><b>Empty.</b> When {@code n = 0} (or the total weight is 0), {@link #isEmpty()} is true,
 * {@link #share()}, {@link #standardError()} and the intervals throw {@link IllegalStateException},
 * and JSON leaves them out.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "from",
  "to",
  "n",
  "hits",
  "effectiveSampleSize",
  "share",
  "standardError",
  "interval"
})
public final class ShareEstimate {

  private final ScoreDistribution distribution;
  private final int from;
  private final int to;
  private final double level;

  /**
   * Returns the share of {@code distribution} in {@code from..to}, with intervals at {@code level}.
   *
   * @throws IllegalArgumentException if a bound is outside the scale, {@code from > to}, or {@code
   *     level} is outside (0, 1)
   */
  public static ShareEstimate of(ScoreDistribution distribution, int from, int to, double level) {
    return new ShareEstimate(distribution, from, to, level);
  }

  private ShareEstimate(ScoreDistribution distribution, int from, int to, double level) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    distribution.count(from, to); // validates the box
    this.from = from;
    this.to = to;
    this.level = Stats.checkLevel(level);
  }

  /** Returns the lowest score in the box. */
  @JsonProperty("from")
  public int from() {
    return from;
  }

  /** Returns the highest score in the box. */
  @JsonProperty("to")
  public int to() {
    return to;
  }

  /** Returns the number of responses, in or out of the box. */
  @JsonProperty("n")
  public long n() {
    return distribution.n();
  }

  /** Returns the number of responses in the box. */
  @JsonProperty("hits")
  public long hits() {
    return distribution.count(from, to);
  }

  /** Returns whether there is no score: {@code n == 0} or a total weight of 0. */
  public boolean isEmpty() {
    return !(distribution.totalWeight() > 0);
  }

  /** Returns Kish's effective sample size ({@code n} when unweighted). */
  @JsonProperty("effectiveSampleSize")
  public double effectiveSampleSize() {
    return distribution.effectiveSampleSize();
  }

  /** Returns the confidence level of {@link #interval()}. */
  public double level() {
    return level;
  }

  /**
   * Returns the (weighted) share in the box, in [0, 1].
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double share() {
    return distribution.share(from, to);
  }

  /**
   * Returns the linearization standard error of the share (see the class comment).
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardError() {
    return standardError(VarianceConvention.LINEARIZATION);
  }

  /**
   * Returns the standard error of the share under {@code convention}: {@link
   * VarianceConvention#LINEARIZATION} is {@link #standardError()}; {@link
   * VarianceConvention#SURVEY_WITH_REPLACEMENT} multiplies the variance by {@code n / (n - 1)},
   * exactly R {@code survey}'s {@code svymean(~I(score in box), svydesign(ids = ~1, weights = ~w))}
   * (NaN for {@code n = 1}). Computed from weights normalised by a power of two, so invariant to
   * the scale of the weights.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardError(VarianceConvention convention) {
    Objects.requireNonNull(convention, "convention");
    double w = distribution.checkedTotalWeight();
    double p = share();
    double v = 0;
    int min = distribution.scale().min();
    for (int k = 0; k < distribution.scale().points(); k++) {
      int s = min + k;
      double z = s >= from && s <= to ? 1 : 0;
      v += distribution.weightSquaresAt(k) * (z - p) * (z - p);
    }
    return Math.sqrt(v * convention.varianceFactor(n())) / w;
  }

  /**
   * Returns the Wilson interval at the level given at construction.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval() {
    return interval(level, IntervalMethod.WILSON);
  }

  /**
   * Returns the interval at {@code level} by {@code method}: {@link IntervalMethod#WILSON} or
   * {@link IntervalMethod#WALD} ({@code p ± z se}), clipped to [0, 1].
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or the method is another
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval(double level, IntervalMethod method) {
    return interval(level, method, 1.0);
  }

  // f multiplies the standard error (finite-population factor) before clipping; Wilson takes it
  // as the effective size n_eff / f².
  private Interval interval(double level, IntervalMethod method, double f) {
    double z = Stats.z(level);
    double p = share();
    switch (method) {
      case WALD:
        double se = f * standardError();
        return new Interval(
            Stats.clip(p - z * se, 0, 1), Stats.clip(p + z * se, 0, 1), level, method);
      case WILSON:
        if (f == 0) {
          return new Interval(p, p, level, method); // a census: no sampling error
        }
        double[] b = wilson(p, effectiveSampleSize() / (f * f), z);
        return new Interval(b[0], b[1], level, method);
      default:
        throw new IllegalArgumentException(
            "a share supports WILSON and WALD intervals, not " + method);
    }
  }

  /**
   * Returns {@link #interval(double, IntervalMethod)} with the finite-population correction for a
   * sample from {@code populationSize}, {@code f = sqrt((N - n) / (N - 1))} (Cochran 1977, sec.
   * 2.6; {@code n_eff} under weights): Wald {@code p ± z f se}, then clipped to [0, 1]; Wilson with
   * the effective size {@code n* = n (N - 1) / (N - n) = n / f²} in place of {@code n} (the point
   * {@code p} for a census, {@code n = N}).
   *
   * @throws IllegalArgumentException as {@link #interval(double, IntervalMethod)}, or if {@code
   *     populationSize} is below 1 or below the sample size
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval(double level, IntervalMethod method, long populationSize) {
    share(); // throws when empty
    return interval(level, method, FinitePopulation.factor(populationSize, effectiveSampleSize()));
  }

  /**
   * Returns the Wilson score bounds {@code {lower, upper}} for proportion {@code p} on {@code n}
   * (possibly effective, non-integer) observations, clipped to [0, 1].
   */
  static double[] wilson(double p, double n, double z) {
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
    // At p = 0 or 1 the exact bound is 0 or 1; rounding must not push it past p.
    double lo = Math.min(p, Stats.clip(centre - half, 0, 1));
    double hi = Math.max(p, Stats.clip(centre + half, 0, 1));
    return new double[] {lo, hi};
  }

  @JsonProperty("share")
  private Double jsonShare() {
    return isEmpty() ? null : share();
  }

  @JsonProperty("standardError")
  private Double jsonStandardError() {
    return isEmpty() ? null : standardError();
  }

  @JsonProperty("interval")
  private Interval jsonInterval() {
    return isEmpty() ? null : interval();
  }

  /** Returns e.g. {@code 64% (32 of 50 in 4..5), se 6.79%, [50.14%, 75.86%] (95% wilson)}. */
  @Override
  public String toString() {
    String box = hits() + " of " + n() + " in " + from + ".." + to;
    if (isEmpty()) {
      return "no share (" + box + ")";
    }
    Interval i = interval();
    return pct(share())
        + " ("
        + box
        + (distribution.isWeighted() ? ", n_eff " + Stats.fmt(effectiveSampleSize()) : "")
        + "), se "
        + pct(standardError())
        + ", ["
        + pct(i.lower())
        + ", "
        + pct(i.upper())
        + "] ("
        + Stats.fmt(level * 100)
        + "% wilson)";
  }

  private static String pct(double x) {
    return Stats.fmt(x * 100) + "%";
  }
}
