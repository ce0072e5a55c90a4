package org.cx4j.metrics.nps;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collector;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.internal.Counting;
import org.cx4j.metrics.internal.GroupedCounting;
import org.cx4j.metrics.score.ConcurrentScoreAccumulator;
import org.cx4j.metrics.score.FinitePopulation;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.SurveyMetric;
import org.cx4j.metrics.score.VarianceConvention;
import org.cx4j.metrics.score.impl.Stats;

/**
 * The Net Promoter Score of a sample of 0..10 answers (Reichheld 2003): promoters score 9-10,
 * passives 7-8, detractors 0-6, and {@code NPS = 100 (p_P - p_D)} in -100..100.
 *
 * <p>Three faces, as for every cx4j survey metric:
 *
 * <pre>{@code
 * NetPromoterScore nps = NetPromoterScore.of(scores);              // one-shot over int[] or byte[]
 * ScoreAccumulator<NetPromoterScore> acc = NetPromoterScore.accumulator();
 * acc.add(9).addCount(10, 250).addWeighted(3, 1.7);                  // score, count, weight
 * NetPromoterScore r = acc.result();                                // immutable result
 * r.score(); r.standardError(); r.interval(0.90, IntervalMethod.WALD);
 * }</pre>
 *
 * <p><b>Standard error.</b> {@code se = 100 sqrt(Var(p̂_P - p̂_D))}, with the trinomial variance
 * {@code Var = [p_P + p_D - (p_P - p_D)²] / n} (Rocks 2016, "Interval estimation for the net
 * promoter score", arXiv:1601.07235, sec. 2). Under sampling weights it is the linearization
 * variance {@code Σ w_i² (z_i - θ)² / (Σ w)²}, {@code z_i} being +1, 0 or -1 and {@code θ = p_P -
 * p_D}; with unit weights the two agree.
 *
 * <p><b>Intervals</b> ({@link Definition#method()}), all clipped to -100..100:
 *
 * <ul>
 *   <li>{@link IntervalMethod#WALD}: {@code NPS ± z se};
 *   <li>{@link IntervalMethod#ADJUSTED_WALD} (the default; Rocks 2016, sec. 3): add 3/4 to the
 *       promoter and the detractor counts and 3 to n, so {@code θ* = (n_P + 3/4 - n_D - 3/4) / (n +
 *       3)}, and apply Wald around {@link #adjustedScore()} {@code = 100 θ*} with the variance
 *       computed from the adjusted proportions and {@code n + 3}. Under weights {@code n_P = p̂_P
 *       n_eff} etc. with Kish's {@code n_eff} (Kish's approximation);
 *   <li>{@link IntervalMethod#BOOTSTRAP}: percentile bootstrap with {@link Definition#resamples()}
 *       resamples from a {@link SplittableRandom} seeded with {@link Definition#seed()}.
 *       Unweighted, each resample draws a multinomial from the merged 11-bin histogram (sequential
 *       binomials), so equal histograms give equal intervals however the data were partitioned.
 *       Weighted, it resamples the individual (score, weight) pairs, which only the one-shot {@link
 *       #of(Definition, int[], double[])} has: other weighted results refuse it.
 * </ul>
 *
 * <p><b>Empty.</b> With {@code n = 0} (or total weight 0), {@link #isEmpty()} is true, the counts
 * are 0, and {@link #score()}, {@link #standardError()}, {@link #adjustedScore()} and the intervals
 * throw {@link IllegalStateException}; JSON then carries the counts only.
 *
 * <p>Immutable and thread-safe. JSON through {@code CxJson.mapper()}: the counts, the score,
 * standard error, interval and options, and the distribution from which a result is read back.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(
    value = {
      "n",
      "promoters",
      "passives",
      "detractors",
      "effectiveSampleSize",
      "score",
      "standardError",
      "adjustedScore",
      "interval"
    },
    allowGetters = true)
@JsonPropertyOrder({
  "n",
  "promoters",
  "passives",
  "detractors",
  "effectiveSampleSize",
  "score",
  "standardError",
  "adjustedScore",
  "interval",
  "options",
  "distribution"
})
public final class NetPromoterScore implements SurveyMetric<NetPromoterScore> {

  /**
   * The effective sample size below which {@link #isUnstable()} flags a result and {@link
   * #toString()} says so: 30, the usual rule of thumb for the normal approximation of a share.
   */
  public static final int UNSTABLE_BELOW = 30;

  /** The NPS scale, 0..10. */
  public static final Scale SCALE = Instrument.nps().scale();

  /**
   * How intervals are computed (the configuration every cx4j survey metric calls {@code
   * Definition}; written to JSON as {@code "options"}, as before).
   *
   * @param level the confidence level, in (0, 1)
   * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link
   *     IntervalMethod#BOOTSTRAP}
   * @param seed the bootstrap seed
   * @param resamples the number of bootstrap resamples, at least 100
   */
  public record Definition(double level, IntervalMethod method, long seed, int resamples) {

    /** 95%, adjusted Wald, seed 42, 2000 resamples. */
    public static final Definition DEFAULT =
        new Definition(0.95, IntervalMethod.ADJUSTED_WALD, 42, 2000);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if {@code level} is outside (0, 1), the method is not one of
     *     the three above, or {@code resamples < 100}
     */
    public Definition {
      Stats.checkLevel(level);
      checkMethod(method);
      if (resamples < 100) {
        throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
      }
    }

    /** Returns these options at {@code level}. */
    public Definition withLevel(double level) {
      return new Definition(level, method, seed, resamples);
    }

    /** Returns these options with {@code method}. */
    public Definition withMethod(IntervalMethod method) {
      return new Definition(level, method, seed, resamples);
    }

    /** Returns these options with bootstrap {@code seed}. */
    public Definition withSeed(long seed) {
      return new Definition(level, method, seed, resamples);
    }

    /** Returns these options with {@code resamples} bootstrap resamples. */
    public Definition withResamples(int resamples) {
      return new Definition(level, method, seed, resamples);
    }
  }

  private final ScoreDistribution distribution;
  private final Definition options;
  // Bootstrap replicates of θ (sorted), computed once on demand, or given by the weighted one-shot.
  private volatile double[] replicates;

  private NetPromoterScore(
      ScoreDistribution distribution, Definition options, double[] replicates) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    if (!distribution.scale().equals(SCALE)) {
      throw new IllegalArgumentException("NPS needs the 0..10 scale, got " + distribution.scale());
    }
    this.options = Objects.requireNonNull(options, "options");
    this.replicates = replicates;
  }

  /**
   * Returns the NPS of a 0..10 distribution under {@code definition}; the JSON creator, as for
   * every cx4j survey metric ({@code "options"} holds the definition).
   *
   * @throws IllegalArgumentException if the distribution is not on 0..10
   */
  @JsonCreator
  public static NetPromoterScore of(
      @JsonProperty(value = "options", required = true) Definition definition,
      @JsonProperty(value = "distribution", required = true) ScoreDistribution distribution) {
    return new NetPromoterScore(
        distribution, Objects.requireNonNull(definition, "definition"), null);
  }

  // ---------------------------------------------------------------- one-shot factories

  /**
   * Returns the NPS of unweighted {@code scores}, with the default {@link Definition}.
   *
   * @throws IllegalArgumentException naming the first score outside 0..10
   */
  public static NetPromoterScore of(int... scores) {
    return of(ScoreDistribution.of(SCALE, scores));
  }

  /**
   * Returns the NPS of unweighted {@code scores} stored one per byte.
   *
   * @throws IllegalArgumentException naming the first score outside 0..10
   */
  public static NetPromoterScore of(byte[] scores) {
    return of(ScoreDistribution.of(SCALE, scores));
  }

  /**
   * Returns the NPS of unweighted {@code scores} under {@code definition}.
   *
   * @throws IllegalArgumentException naming the first score outside 0..10
   */
  public static NetPromoterScore of(Definition definition, int... scores) {
    return of(definition, ScoreDistribution.of(SCALE, scores));
  }

  /**
   * Returns the NPS of unweighted {@code scores} stored one per byte, under {@code definition}.
   *
   * @throws IllegalArgumentException naming the first score outside 0..10
   */
  public static NetPromoterScore of(Definition definition, byte[] scores) {
    return of(definition, ScoreDistribution.of(SCALE, scores));
  }

  /**
   * Returns the NPS of {@code scores} with sampling {@code weights}, with default options.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is outside 0..10 or a weight is
   *     NaN, infinite or negative
   */
  public static NetPromoterScore of(int[] scores, double[] weights) {
    return of(Definition.DEFAULT, scores, weights);
  }

  /**
   * Returns the NPS of {@code scores} with sampling {@code weights}; with {@link
   * IntervalMethod#BOOTSTRAP} this computes the weighted bootstrap over the individual responses.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is outside 0..10 or a weight is
   *     NaN, infinite or negative
   */
  public static NetPromoterScore of(Definition options, int[] scores, double[] weights) {
    ScoreDistribution d = ScoreDistribution.of(SCALE, scores, weights);
    double[] reps = null;
    if (options.method() == IntervalMethod.BOOTSTRAP && d.totalWeight() > 0) {
      reps = weightedBootstrap(scores, weights, options);
    }
    return new NetPromoterScore(d, options, reps);
  }

  /**
   * Returns the NPS of {@code responses}, which must all use {@link Instrument#nps()}; responses
   * with a weight other than 1 are weighted.
   *
   * @throws IllegalArgumentException if a response uses another instrument
   */
  public static NetPromoterScore of(Collection<SurveyResponse> responses) {
    return of(ScoreDistribution.of(Instrument.nps(), responses));
  }

  /**
   * Returns the NPS of {@code responses} under {@code definition}; they must all use {@link
   * Instrument#nps()}.
   *
   * @throws IllegalArgumentException if a response uses another instrument
   */
  public static NetPromoterScore of(Definition definition, Collection<SurveyResponse> responses) {
    return of(definition, ScoreDistribution.of(Instrument.nps(), responses));
  }

  /**
   * Returns the NPS of a 0..10 distribution, with default options.
   *
   * @throws IllegalArgumentException if the distribution is not on 0..10
   */
  public static NetPromoterScore of(ScoreDistribution distribution) {
    return new NetPromoterScore(distribution, Definition.DEFAULT, null);
  }

  /**
   * Returns the NPS of the frequency counts of promoters, passives and detractors.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static NetPromoterScore ofCounts(long promoters, long passives, long detractors) {
    ScoreAccumulator<NetPromoterScore> acc = accumulator();
    return acc.addCount(10, promoters).addCount(8, passives).addCount(0, detractors).result();
  }

  /**
   * Returns the NPS of unweighted 0..10 {@code scores} from their three category counts alone,
   * {@link #ofCounts}{@code (promoters, passives, detractors)}: the fastest path (one vectorized
   * pass that counts {@code s >= 7} and {@code s >= 9}, no histogram). Score, standard error and
   * the Wald and adjusted-Wald intervals equal those of {@link #of(int...)}; the distribution holds
   * the counts at 10, 8 and 0, so the bootstrap interval and distribution-based figures differ.
   * Empty {@code scores} give the empty result.
   *
   * @throws IllegalArgumentException naming the index and value of the first score outside 0..10
   */
  public static NetPromoterScore ofCategories(int[] scores) {
    long[] c = GroupedCounting.npsCategories(scores);
    if (c[2] != 0) {
      for (int i = 0; i < scores.length; i++) {
        if (!SCALE.contains(scores[i])) {
          throw Counting.outside(scores[i], i, SCALE);
        }
      }
    }
    return ofCounts(c[1], c[0] - c[1], scores.length - c[0]);
  }

  // ---------------------------------------------------------------- accumulators

  /** Returns a new single-threaded accumulator with default options. */
  public static ScoreAccumulator<NetPromoterScore> accumulator() {
    return accumulator(Definition.DEFAULT);
  }

  /** Returns a new single-threaded accumulator whose results use {@code options}. */
  public static ScoreAccumulator<NetPromoterScore> accumulator(Definition options) {
    Objects.requireNonNull(options, "options");
    return new ScoreAccumulator<>(Instrument.nps(), d -> new NetPromoterScore(d, options, null));
  }

  /** Returns a new thread-safe accumulator (for many writers) with default options. */
  public static ConcurrentScoreAccumulator<NetPromoterScore> concurrentAccumulator() {
    return concurrentAccumulator(Definition.DEFAULT);
  }

  /** Returns a new thread-safe accumulator whose results use {@code options}. */
  public static ConcurrentScoreAccumulator<NetPromoterScore> concurrentAccumulator(
      Definition options) {
    Objects.requireNonNull(options, "options");
    return new ConcurrentScoreAccumulator<>(
        Instrument.nps(), d -> new NetPromoterScore(d, options, null));
  }

  /** Returns a collector of NPS responses; its combiner is {@link ScoreAccumulator#merge}. */
  public static Collector<SurveyResponse, ?, NetPromoterScore> collector() {
    return ScoreAccumulator.collector(NetPromoterScore::accumulator);
  }

  /**
   * Returns a collector of NPS responses whose result uses {@code definition}; its combiner is
   * {@link ScoreAccumulator#merge}.
   */
  public static Collector<SurveyResponse, ?, NetPromoterScore> collector(Definition definition) {
    Objects.requireNonNull(definition, "definition");
    return ScoreAccumulator.collector(() -> accumulator(definition));
  }

  /** Returns this result with other interval options (the data are shared). */
  public NetPromoterScore with(Definition options) {
    return new NetPromoterScore(
        distribution,
        options,
        options.seed() == this.options.seed() && options.resamples() == this.options.resamples()
            ? replicates
            : null);
  }

  /** Returns this result with intervals at {@code level}. */
  public NetPromoterScore withLevel(double level) {
    return with(options.withLevel(level));
  }

  // ---------------------------------------------------------------- accessors

  /** Returns the definition (the options of {@link #interval()}). */
  @JsonProperty("options")
  public Definition definition() {
    return options;
  }

  /** Returns the 0..10 score distribution. */
  @Override
  @JsonProperty("distribution")
  public ScoreDistribution distribution() {
    return distribution;
  }

  /** Returns the number of promoters (9-10). */
  @JsonProperty("promoters")
  public long promoters() {
    return distribution.count(9, 10);
  }

  /** Returns the number of passives (7-8). */
  @JsonProperty("passives")
  public long passives() {
    return distribution.count(7, 8);
  }

  /** Returns the number of detractors (0-6). */
  @JsonProperty("detractors")
  public long detractors() {
    return distribution.count(0, 6);
  }

  /** Returns whether any response carried a sampling weight. */
  public boolean isWeighted() {
    return distribution.isWeighted();
  }

  /** Returns Kish's effective sample size {@code (Σw)² / Σw²} ({@code n} when unweighted). */
  @JsonProperty("effectiveSampleSize")
  public double effectiveSampleSize() {
    return distribution.effectiveSampleSize();
  }

  /**
   * Returns the (weighted) share of promoters, in [0, 1].
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double promoterShare() {
    total();
    return distribution.share(9, 10);
  }

  /**
   * Returns the (weighted) share of passives, in [0, 1].
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double passiveShare() {
    total();
    return distribution.share(7, 8);
  }

  /**
   * Returns the (weighted) share of detractors, in [0, 1].
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double detractorShare() {
    total();
    return distribution.share(0, 6);
  }

  /**
   * Returns the raw estimate {@code NPS = 100 (p_P - p_D)}, in -100..100.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  @Override
  public double score() {
    return 100 * theta();
  }

  /**
   * Returns the standard error of {@link #score()} in NPS points (see the class comment).
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardError() {
    return standardError(VarianceConvention.LINEARIZATION);
  }

  /**
   * Returns the standard error of {@link #score()} in NPS points under {@code convention}: {@link
   * VarianceConvention#LINEARIZATION} is {@link #standardError()}; {@link
   * VarianceConvention#SURVEY_WITH_REPLACEMENT} multiplies its variance by {@code n / (n - 1)},
   * which is R {@code survey}'s {@code svymean} of the +1/0/-1 scores under {@code svydesign(ids =
   * ~1, weights = ~w)} (NaN for {@code n = 1}). Invariant to the scale of the weights.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double standardError(VarianceConvention convention) {
    Objects.requireNonNull(convention, "convention");
    total();
    double t = theta();
    double v = 0;
    for (int s = 0; s <= 10; s++) {
      double d = z(s) - t;
      // Σ w² (z - θ)² / (Σw)² from normalised weights: no overflow or underflow at any scale.
      v += distribution.relativeWeightSquares(s) * d * d;
    }
    return 100 * Math.sqrt(v * convention.varianceFactor(n()));
  }

  /**
   * Returns the adjusted estimate on which the adjusted-Wald interval is centred, {@code 100 (n_P +
   * 3/4 - n_D - 3/4) / (n + 3)} (Rocks 2016), with {@code n_P = p̂_P n_eff} etc. under weights.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public double adjustedScore() {
    return 100 * adjusted()[0];
  }

  /**
   * Returns the interval of {@link #definition()}.
   *
   * @throws IllegalStateException if {@link #isEmpty()}, or for a weighted bootstrap without the
   *     raw responses
   */
  @Override
  public Interval interval() {
    return interval(options.level(), options.method());
  }

  /**
   * Returns the interval at {@code level} by {@code method}, in NPS points, clipped to -100..100.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or {@code method} is not
   *     WALD, ADJUSTED_WALD or BOOTSTRAP
   * @throws IllegalStateException if {@link #isEmpty()}, or for a weighted bootstrap that was not
   *     computed by {@link #of(Definition, int[], double[])}
   */
  @Override
  public Interval interval(double level, IntervalMethod method) {
    return interval(level, method, 1.0);
  }

  // f multiplies the standard error (finite-population factor) before the interval is clipped.
  private Interval interval(double level, IntervalMethod method, double f) {
    Stats.checkLevel(level);
    checkMethod(method);
    double z;
    switch (method) {
      case WALD:
        z = Stats.z(level);
        double s = score();
        double se = f * standardError();
        return clipped(s - z * se, s + z * se, level, method);
      case ADJUSTED_WALD:
        z = Stats.z(level);
        double[] a = adjusted();
        double half = z * f * Math.sqrt(a[1]);
        return clipped(100 * (a[0] - half), 100 * (a[0] + half), level, method);
      default:
        double[] r = bootstrapReplicates();
        double lo = quantile(r, (1 - level) / 2);
        double hi = quantile(r, (1 + level) / 2);
        double t = theta();
        // Replicates shrink towards the estimate by f: θ + f (θ* - θ).
        return clipped(100 * (t + f * (lo - t)), 100 * (t + f * (hi - t)), level, method);
    }
  }

  /**
   * Returns {@link #interval(double, IntervalMethod)} with the finite-population correction for a
   * sample drawn without replacement from {@code populationSize} people, {@code f = sqrt((N - n) /
   * (N - 1))} (Cochran 1977, sec. 2.6; {@code n_eff} under weights), applied before clipping to
   * -100..100: Wald {@code NPS ± z f se}; adjusted Wald {@code 100 (θ* ± z f sqrt(Var*))} around
   * {@link #adjustedScore()}; bootstrap: each replicate's distance from the estimate shrinks by
   * {@code f}. Then clipped. Example: 9 promoters and 1 detractor from {@code N = 13}, Wald at 95%:
   * {@code se = 100 sqrt((0.9 + 0.1 - 0.64) / 10) = 18.97}, {@code f = sqrt(3 / 12) = 0.5}, upper
   * bound {@code 80 + 1.96 * 0.5 * 18.97 = 98.59} (not 90, which correcting the clipped interval
   * would give).
   *
   * @throws IllegalArgumentException as {@link #interval(double, IntervalMethod)}, or if {@code
   *     populationSize} is below 1 or below the sample size
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public Interval interval(double level, IntervalMethod method, long populationSize) {
    total();
    return interval(level, method, FinitePopulation.factor(populationSize, effectiveSampleSize()));
  }

  // ---------------------------------------------------------------- internals

  /** Returns {@code "NPS"}. */
  @Override
  public String name() {
    return "NPS";
  }

  /** Returns {@code "NPS (points, -100 to 100)"}. */
  @Override
  public String measure() {
    return "NPS (points, -100 to 100)";
  }

  /** Returns {@link SurveyMetric.Unit#POINTS}. */
  @Override
  public Unit unit() {
    return Unit.POINTS;
  }

  /** Returns -100. */
  @Override
  public double minimum() {
    return -100;
  }

  /** Returns 100. */
  @Override
  public double maximum() {
    return 100;
  }

  /**
   * Returns {@code this - other} in NPS points by {@link Comparisons#nps}: Wald on the trinomial
   * standard errors, z test.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either result is empty
   */
  @Override
  public Difference compare(NetPromoterScore other, double level) {
    return Comparisons.nps(this, other, level);
  }

  /**
   * Returns the category of {@code score}: detractor (0-6, negative), passive (7-8, neutral) or
   * promoter (9-10, positive).
   *
   * @throws IllegalArgumentException if {@code score} is outside 0..10
   */
  @Override
  public ScoreCategory category(int score) {
    if (!SCALE.contains(score)) {
      throw new IllegalArgumentException("score " + score + " is outside the NPS scale " + SCALE);
    }
    return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
  }

  private static final ScoreCategory PROMOTER =
      new ScoreCategory("promoter", ScoreCategory.Tone.POSITIVE);
  private static final ScoreCategory PASSIVE =
      new ScoreCategory("passive", ScoreCategory.Tone.NEUTRAL);
  private static final ScoreCategory DETRACTOR =
      new ScoreCategory("detractor", ScoreCategory.Tone.NEGATIVE);

  private static void checkMethod(IntervalMethod method) {
    Objects.requireNonNull(method, "method");
    if (method != IntervalMethod.WALD
        && method != IntervalMethod.ADJUSTED_WALD
        && method != IntervalMethod.BOOTSTRAP) {
      throw new IllegalArgumentException(
          "NPS supports WALD, ADJUSTED_WALD and BOOTSTRAP intervals, not " + method);
    }
  }

  private static Interval clipped(double lo, double hi, double level, IntervalMethod method) {
    return new Interval(Stats.clip(lo, -100, 100), Stats.clip(hi, -100, 100), level, method);
  }

  private static int z(int score) {
    return score >= 9 ? 1 : score >= 7 ? 0 : -1;
  }

  private double total() {
    double w = distribution.totalWeight();
    if (!(w > 0)) {
      throw new IllegalStateException(
          n() == 0
              ? "no NPS: the sample is empty (n = 0)"
              : "no NPS: the total weight of the " + n() + " responses is 0");
    }
    return w;
  }

  private double theta() {
    // Clamped: the box sums and the compensated total may differ in the last ulp.
    total();
    return Stats.clip(distribution.share(9, 10) - distribution.share(0, 6), -1, 1);
  }

  /** Returns {θ*, Var*}: the adjusted-Wald centre and variance (Rocks 2016, sec. 3). */
  private double[] adjusted() {
    total();
    double ne = distribution.effectiveSampleSize();
    double np = distribution.share(9, 10) * ne + 0.75;
    double nd = distribution.share(0, 6) * ne + 0.75;
    double nn = ne + 3;
    double pp = np / nn;
    double pd = nd / nn;
    double t = pp - pd;
    return new double[] {t, (pp + pd - t * t) / nn};
  }

  private double[] bootstrapReplicates() {
    total();
    double[] r = replicates;
    if (r == null) {
      if (distribution.isWeighted()) {
        throw new IllegalStateException(
            "the weighted NPS bootstrap resamples individual responses: compute it one-shot with"
                + " NetPromoterScore.of(scores, weights, options) and method BOOTSTRAP");
      }
      r = histogramBootstrap(distribution.counts(), options);
      replicates = r;
    }
    return r;
  }

  /** Resamples n responses from the 11-bin histogram, as sequential conditional binomials. */
  private static double[] histogramBootstrap(long[] counts, Definition options) {
    long n = Arrays.stream(counts).sum();
    SplittableRandom random = new SplittableRandom(options.seed());
    double[] reps = new double[options.resamples()];
    for (int b = 0; b < reps.length; b++) {
      long remaining = n;
      long remainingCount = n;
      long p = 0;
      long d = 0;
      for (int k = 0; k < counts.length && remaining > 0; k++) {
        long x;
        if (counts[k] == 0) {
          x = 0;
        } else if (counts[k] == remainingCount) {
          x = remaining;
        } else {
          double prob = (double) counts[k] / remainingCount;
          x = binomial(remaining, prob, random);
        }
        if (k >= 9) {
          p += x;
        } else if (k <= 6) {
          d += x;
        }
        remaining -= x;
        remainingCount -= counts[k];
      }
      reps[b] = (double) (p - d) / n;
    }
    Arrays.sort(reps);
    return reps;
  }

  private static long binomial(long trials, double p, SplittableRandom random) {
    if (trials > Integer.MAX_VALUE) {
      // Beyond int trials the binomial is normal to many digits.
      double mean = trials * p;
      double sd = Math.sqrt(trials * p * (1 - p));
      double g =
          org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
              .inverseCumulativeProbability(nextOpenUnit(random));
      return Math.max(0, Math.min(trials, Math.round(mean + sd * g)));
    }
    return BinomialDistribution.of((int) trials, p)
        .inverseCumulativeProbability(nextOpenUnit(random));
  }

  private static double nextOpenUnit(SplittableRandom random) {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0);
    return u;
  }

  private static double[] weightedBootstrap(int[] scores, double[] weights, Definition options) {
    SplittableRandom random = new SplittableRandom(options.seed());
    int n = scores.length;
    double[] reps = new double[options.resamples()];
    int filled = 0;
    for (int b = 0; b < reps.length; b++) {
      double w = 0;
      double num = 0;
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        w += weights[j];
        num += weights[j] * z(scores[j]);
      }
      if (w > 0) { // a resample of only zero weights has no NPS; it is dropped
        reps[filled++] = num / w;
      }
    }
    double[] r = Arrays.copyOf(reps, filled);
    Arrays.sort(r);
    return r;
  }

  // Type-7 (linear interpolation) quantile of sorted values.
  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @JsonProperty("score")
  private Double jsonScore() {
    return isEmpty() ? null : score();
  }

  @JsonProperty("standardError")
  private Double jsonSe() {
    return isEmpty() ? null : standardError();
  }

  @JsonProperty("adjustedScore")
  private Double jsonAdjusted() {
    return isEmpty() || options.method() != IntervalMethod.ADJUSTED_WALD ? null : adjustedScore();
  }

  @JsonProperty("interval")
  private Interval jsonInterval() {
    if (isEmpty()
        || (options.method() == IntervalMethod.BOOTSTRAP && isWeighted() && replicates == null)) {
      return null;
    }
    return interval();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetPromoterScore
        && distribution.equals(((NetPromoterScore) o).distribution)
        && options.equals(((NetPromoterScore) o).options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(distribution, options);
  }

  /**
   * Returns whether the result is flagged unstable: an effective sample size below {@link
   * #UNSTABLE_BELOW} (30), where the adjusted-Wald interval is centred visibly away from the raw
   * estimate and may exclude it (one promoter: {@code NPS 100}, interval {@code [-48.5, 98.5]}
   * around the adjusted centre 25), or an estimate outside its own interval at any {@code n}.
   *
   * @throws IllegalStateException if {@link #isEmpty()}
   */
  public boolean isUnstable() {
    if (effectiveSampleSize() < UNSTABLE_BELOW) {
      return true;
    }
    if (options.method() == IntervalMethod.BOOTSTRAP && isWeighted() && replicates == null) {
      return false;
    }
    return !interval().contains(score());
  }

  /**
   * Returns e.g. {@code NPS 20 (n 10: 5 promoters, 2 passives, 3 detractors; unstable below n =
   * 30), se 27.5681, [-30.326, 61.0952] (95% adjusted wald, centre 15.3846)}: the counts (and
   * {@code n_eff} under weights), the flag of {@link #isUnstable()}, the standard error and the
   * interval with its centre when that is not the estimate (adjusted Wald), so that an estimate
   * outside its interval is never printed without the reason.
   */
  @Override
  public String toString() {
    String counts =
        "n "
            + n()
            + ": "
            + promoters()
            + " promoters, "
            + passives()
            + " passives, "
            + detractors()
            + " detractors"
            + (isWeighted() ? "; n_eff " + Stats.fmt(effectiveSampleSize()) : "")
            + (distribution.missingCount() > 0
                ? "; " + distribution.missingCount() + " missing"
                : "")
            + (!isEmpty() && isUnstable() ? "; unstable below n = " + UNSTABLE_BELOW : "");
    if (isEmpty()) {
      return "NPS undefined (" + counts + ")";
    }
    String s = "NPS " + Stats.fmt(score()) + " (" + counts + "), se " + Stats.fmt(standardError());
    if (options.method() == IntervalMethod.BOOTSTRAP && isWeighted() && replicates == null) {
      return s;
    }
    Interval i = interval();
    String centre =
        options.method() == IntervalMethod.ADJUSTED_WALD
            ? ", centre " + Stats.fmt(adjustedScore())
            : "";
    String str = i.toString();
    return s + ", " + str.substring(0, str.length() - 1) + centre + ")";
  }
}
