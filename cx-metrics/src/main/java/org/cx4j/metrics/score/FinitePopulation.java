package org.cx4j.metrics.score;

import org.cx4j.metrics.score.impl.Stats;

/**
 * The finite-population correction (FPC) for a sample of {@code n} drawn without replacement from a
 * population of {@code N}: standard errors shrink by {@code sqrt((N - n) / (N - 1))} (Cochran 1977,
 * <i>Sampling Techniques</i>, 3rd ed., sec. 2.6). Use it when the sample is a noticeable share of a
 * known population (all 400 enterprise accounts, say); for {@code n} far below {@code N} it is
 * close to 1.
 *
 * <p><b>How each interval is corrected.</b> The correction multiplies the standard error, and the
 * interval is formed from the corrected standard error and only then clipped to the scale (never
 * the other way round: shrinking an interval already clipped at 100 around its estimate gives too
 * narrow an upper half). Wald and t intervals: {@code θ ± z f se}. Adjusted Wald (NPS): the
 * adjusted variance times {@code f²} around the adjusted centre. Wilson, which has no plain
 * standard error: the Wilson formula with the effective size {@code n* = n (N - 1) / (N - n)} (for
 * which {@code p (1 - p) / n* = f² p (1 - p) / n}), the point {@code p} itself for a census.
 * Percentile bootstrap: every replicate's distance from the estimate shrinks by {@code f} ({@code θ
 * + f (θ*_b - θ)}), i.e. both half-widths shrink by {@code f}. Under sampling weights {@code n} is
 * Kish's {@code n_eff}.
 */
public final class FinitePopulation {

  private FinitePopulation() {}

  /**
   * Returns the factor {@code sqrt((N - n) / (N - 1))}, 0 for a census ({@code n == N}).
   *
   * @throws IllegalArgumentException if {@code populationSize < 1} or {@code n} is negative or
   *     exceeds it
   */
  public static double factor(long populationSize, double n) {
    if (populationSize < 1) {
      throw new IllegalArgumentException(
          "populationSize must be at least 1, got " + populationSize);
    }
    if (!(n >= 0) || n > populationSize) {
      throw new IllegalArgumentException(
          "sample size " + n + " must be in 0.." + populationSize + " (the population size)");
    }
    return populationSize == 1 ? 0 : Math.sqrt((populationSize - n) / (populationSize - 1));
  }

  /**
   * Returns the effective sample size {@code n* = n (N - 1) / (N - n)} with which the Wilson
   * interval carries the correction: {@code p (1 - p) / n*} is the corrected variance. Infinite for
   * a census ({@code n == N}).
   *
   * @throws IllegalArgumentException as {@link #factor}
   */
  public static double effectiveSize(long populationSize, double n) {
    double f = factor(populationSize, n);
    return f == 0 ? Double.POSITIVE_INFINITY : n / (f * f);
  }

  /**
   * Returns {@code interval} with both half-widths around {@code estimate} multiplied by the
   * factor. Exact for an interval that was not clipped (a Wald or t interval inside the scale, a
   * percentile bootstrap); for a clipped interval it is too narrow: the metrics' own {@code
   * interval(level, method, populationSize)} correct the standard error before clipping instead.
   *
   * @throws IllegalArgumentException as {@link #factor}, or if {@code estimate} lies outside the
   *     interval
   */
  public static Interval correct(
      Interval interval, double estimate, long populationSize, double n) {
    if (!interval.contains(estimate)) {
      throw new IllegalArgumentException("estimate " + estimate + " lies outside " + interval);
    }
    double f = factor(populationSize, n);
    return new Interval(
        estimate - f * (estimate - interval.lower()),
        estimate + f * (interval.upper() - estimate),
        interval.level(),
        interval.method());
  }

  /**
   * Returns the sample size needed from a population of {@code N} when {@code n0} would be needed
   * from an infinite one: {@code n = n0 / (1 + (n0 - 1) / N)}, rounded up (Cochran 1977, eq. 4.2).
   *
   * @throws IllegalArgumentException if {@code populationSize < 1} or {@code n0 < 0}
   */
  public static long sampleSize(double n0, long populationSize) {
    if (populationSize < 1) {
      throw new IllegalArgumentException(
          "populationSize must be at least 1, got " + populationSize);
    }
    if (!(n0 >= 0)) {
      throw new IllegalArgumentException("n0 must be non-negative, got " + n0);
    }
    return Math.min(populationSize, (long) Math.ceil(n0 / (1 + (n0 - 1) / populationSize) - 1e-9));
  }

  /**
   * Returns {@code margin} if it lies in {@code (0, max]}.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static double checkMargin(double margin, double max) {
    if (!(margin > 0 && margin <= max)) {
      throw new IllegalArgumentException(
          "margin must be in (0, " + Stats.fmt(max) + "], got " + margin);
    }
    return margin;
  }
}
