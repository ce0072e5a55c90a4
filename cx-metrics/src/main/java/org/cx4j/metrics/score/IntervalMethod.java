package org.cx4j.metrics.score;

/**
 * How a confidence interval is computed. Each metric documents which methods it supports; asking a
 * metric for a method it does not support is an {@link IllegalArgumentException}.
 */
public enum IntervalMethod {
  /**
   * Wald (normal approximation): {@code estimate ± z * se}, with the linearization standard error
   * under sampling weights. Simple, but too narrow near the ends of the range.
   */
  WALD,
  /**
   * Adjusted Wald for the Net Promoter Score: add 3/4 to the promoter and the detractor counts and
   * 3 to n, then apply Wald around the adjusted estimate (Rocks 2016, "Interval estimation for the
   * net promoter score", arXiv:1601.07235, sec. 3). Weighted samples use Kish's n_eff.
   */
  ADJUSTED_WALD,
  /**
   * Wilson score interval for a proportion (Wilson 1927; Agresti and Coull 1998). Weighted samples
   * use Kish's n_eff in place of n.
   */
  WILSON,
  /**
   * Student t interval for a mean: {@code mean ± t(n - 1) * s / sqrt(n)}; weighted samples use
   * Kish's n_eff for n.
   */
  T,
  /**
   * Percentile bootstrap with a fixed, user-settable seed. The unweighted bootstrap resamples the
   * score histogram, so it depends only on the merged counts, never on how data were partitioned.
   */
  BOOTSTRAP
}
