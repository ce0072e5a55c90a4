package org.cx4j.metrics.score;

import org.cx4j.metrics.score.impl.Stats;

/**
 * The finite-population correction (FPC) for a sample of {@code n} drawn without replacement from
 * a population of {@code N}: standard errors shrink by {@code sqrt((N - n) / (N - 1))} (Cochran
 * 1977, <i>Sampling Techniques</i>, 3rd ed., sec. 2.6). Use it when the sample is a noticeable
 * share of a known population (all 400 enterprise accounts, say); for {@code n} far below {@code
 * N} it is close to 1.
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
      throw new IllegalArgumentException("populationSize must be at least 1, got " + populationSize);
    }
    if (!(n >= 0) || n > populationSize) {
      throw new IllegalArgumentException(
          "sample size " + n + " must be in 0.." + populationSize + " (the population size)");
    }
    return populationSize == 1 ? 0 : Math.sqrt((populationSize - n) / (populationSize - 1));
  }

  /**
   * Returns {@code interval} with both half-widths around {@code estimate} multiplied by the
   * factor: exact for Wald and t intervals, a close approximation for Wilson and adjusted Wald.
   *
   * @throws IllegalArgumentException as {@link #factor}, or if {@code estimate} lies outside the
   *     interval
   */
  public static Interval correct(Interval interval, double estimate, long populationSize, double n) {
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
      throw new IllegalArgumentException("populationSize must be at least 1, got " + populationSize);
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
      throw new IllegalArgumentException("margin must be in (0, " + Stats.fmt(max) + "], got " + margin);
    }
    return margin;
  }
}
