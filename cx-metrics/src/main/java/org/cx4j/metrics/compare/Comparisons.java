package org.cx4j.metrics.compare;

import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ShareEstimate;
import org.cx4j.metrics.score.impl.Stats;

/**
 * Differences between two independent samples: NPS (z test on the trinomial standard errors),
 * shares (two-proportion z test) and means (Welch's t test). Under sampling weights the three
 * differ: {@link #nps} uses each result's linearization standard error {@link
 * NetPromoterScore#standardError()}; {@link #shares} uses the binomial {@code p (1 - p) / n_eff}
 * with Kish's {@code n_eff} (not {@link ShareEstimate#standardError()}), and its pooled test the
 * same {@code n_eff}; {@link #means} uses {@link MeanEstimate#standardError()} {@code = s /
 * sqrt(n_eff)} and {@code n_eff - 1} in Welch's degrees of freedom. Unweighted, all are the
 * textbook tests with {@code n}.
 *
 * <p>When a standard error of the difference is 0 (both samples constant), the statistic is 0 and
 * the p-value 1 if the estimates are equal, else the statistic is infinite and the p-value 0.
 */
public final class Comparisons {

  private Comparisons() {}

  /**
   * Returns {@code a - b} in NPS points: {@code se = sqrt(se_a² + se_b²)} with each standard error
   * from the trinomial variance (Rocks 2016, sec. 2), a Wald interval clipped to -200..200 and the
   * z test {@code z = (NPS_a - NPS_b) / se}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either sample is empty
   */
  public static Difference nps(NetPromoterScore a, NetPromoterScore b, double level) {
    double z = Stats.z(level);
    double d = a.score() - b.score();
    double se = Math.hypot(a.standardError(), b.standardError());
    Interval i =
        new Interval(
            Stats.clip(d - z * se, -200, 200),
            Stats.clip(d + z * se, -200, 200),
            level,
            IntervalMethod.WALD);
    double stat = statistic(d, se);
    return new Difference("nps", d, se, i, stat, Stats.normalTwoSidedP(stat), null);
  }

  /**
   * Returns {@code a - b} in NPS points with the interval of {@link #nps} but a <em>pooled</em> z
   * test, the NPS analogue of the pooled two-proportion test: under "no difference" both samples
   * share one trinomial distribution, so its per-response variance {@code v = 10⁴ [pP + pD - (pP -
   * pD)²]} is estimated from the two samples combined and {@code z = (NPS_a - NPS_b) / sqrt(v
   * (1/n_a + 1/n_b))} (Kish's {@code n_eff} under weights). It keeps its level further into the
   * tail (p near 1e-4, where multiple-testing thresholds over hundreds of keys lie) than the
   * unpooled test of {@link #nps}, whose standard error shrinks when a sample's variance happens to
   * be low: with 100 answers per sample, 500 unchanged keys and Benjamini-Hochberg at q = 0.1, the
   * share of evaluations with any rejection was 0.16 with the unpooled test and 0.11 with this one
   * (cx-metrics {@code MonitorSimulationTest}, 2,000 evaluations).
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either sample is empty
   */
  public static Difference npsPooled(NetPromoterScore a, NetPromoterScore b, double level) {
    Difference wald = nps(a, b, level);
    NetPromoterScore pooled = NetPromoterScore.of(a.distribution().plus(b.distribution()));
    double perResponse =
        pooled.standardError() * pooled.standardError() * pooled.effectiveSampleSize();
    double se0 =
        Math.sqrt(perResponse * (1 / a.effectiveSampleSize() + 1 / b.effectiveSampleSize()));
    double stat = statistic(wald.estimate(), se0);
    return new Difference(
        "nps",
        wald.estimate(),
        wald.standardError(),
        wald.interval(),
        stat,
        Stats.normalTwoSidedP(stat),
        null);
  }

  /**
   * Returns {@code p_a - p_b} for two shares (e.g. top-box): the Wald interval with the unpooled
   * {@code se = sqrt(p_a(1-p_a)/n_a + p_b(1-p_b)/n_b)} clipped to [-1, 1], and the classical
   * two-proportion z test with the pooled {@code p = (p_a n_a + p_b n_b) / (n_a + n_b)}, {@code z =
   * (p_a - p_b) / sqrt(p (1-p) (1/n_a + 1/n_b))} (e.g. Agresti 2013, <i>Categorical Data
   * Analysis</i>, sec. 3.1.3). Kish's {@code n_eff} replaces {@code n} under weights.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if either sample is empty
   */
  public static Difference shares(ShareEstimate a, ShareEstimate b, double level) {
    return twoProportions(
        a.share(), a.effectiveSampleSize(), b.share(), b.effectiveSampleSize(), level);
  }

  /**
   * Returns {@code p_a - p_b} for two proportions given as counts (conversions of two funnel
   * groups, churned customers of two segments), by the same Wald interval and pooled two-proportion
   * z test as {@link #shares}, with {@code p = successes / trials}.
   *
   * @throws IllegalArgumentException if a count is negative, successes exceed trials, a group has
   *     no trials, or {@code level} is outside (0, 1)
   */
  public static Difference proportions(
      long successesA, long trialsA, long successesB, long trialsB, double level) {
    checkCounts("a", successesA, trialsA);
    checkCounts("b", successesB, trialsB);
    return twoProportions(
        (double) successesA / trialsA, trialsA, (double) successesB / trialsB, trialsB, level);
  }

  private static void checkCounts(String group, long successes, long trials) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "group "
              + group
              + " needs 0 <= successes <= trials and trials > 0, got "
              + successes
              + " of "
              + trials);
    }
  }

  private static Difference twoProportions(
      double pa, double na, double pb, double nb, double level) {
    double z = Stats.z(level);
    double d = pa - pb;
    double se = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
    Interval i =
        new Interval(
            Stats.clip(d - z * se, -1, 1),
            Stats.clip(d + z * se, -1, 1),
            level,
            IntervalMethod.WALD);
    double pooled = (pa * na + pb * nb) / (na + nb);
    double se0 = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
    double stat = statistic(d, se0);
    return new Difference("share", d, se, i, stat, Stats.normalTwoSidedP(stat), null);
  }

  /**
   * Returns {@code mean_a - mean_b} with Welch's t test: {@code se = sqrt(s_a²/n_a + s_b²/n_b)},
   * Welch-Satterthwaite {@code df = se⁴ / [(s_a²/n_a)²/(n_a-1) + (s_b²/n_b)²/(n_b-1)]} (Welch 1947,
   * Biometrika 34:28-35), interval {@code d ± t(df) se}. Kish's {@code n_eff} replaces {@code n}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), or either sample has
   *     {@code n_eff <= 1} (no variance to estimate)
   * @throws IllegalStateException if either sample is empty
   */
  public static Difference means(MeanEstimate a, MeanEstimate b, double level) {
    Stats.checkLevel(level);
    double na = a.effectiveSampleSize();
    double nb = b.effectiveSampleSize();
    if (!(na > 1) || !(nb > 1)) {
      throw new IllegalArgumentException(
          "Welch's test needs n_eff > 1 in both samples, got "
              + Stats.fmt(na)
              + " and "
              + Stats.fmt(nb));
    }
    double va = a.standardError() * a.standardError(); // s_a² / n_a
    double vb = b.standardError() * b.standardError();
    double d = a.mean() - b.mean();
    double se = Math.sqrt(va + vb);
    double stat = statistic(d, se);
    if (se == 0) {
      Interval i = new Interval(d, d, level, IntervalMethod.T);
      return new Difference("mean", d, 0, i, stat, d == 0 ? 1 : 0, null);
    }
    double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
    double half = Stats.t(level, df) * se;
    Interval i = new Interval(d - half, d + half, level, IntervalMethod.T);
    return new Difference("mean", d, se, i, stat, Stats.tTwoSidedP(stat, df), df);
  }

  private static double statistic(double d, double se) {
    if (se > 0) {
      return d / se;
    }
    return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
  }
}
