package org.cx4j.metrics.driver;

/**
 * How a key driver analysis treats respondents who skipped some ratings.
 *
 * <p>Every respondent without an outcome is dropped under either rule (there is nothing to
 * explain); the result reports how many.
 */
public enum MissingRule {
  /**
   * Listwise (complete-case) deletion: a respondent counts only if the outcome and every driver are
   * present. All figures then come from one sample, so the correlation matrix is always positive
   * semi-definite; the price is a smaller sample when many questions are skipped.
   */
  LISTWISE,
  /**
   * Pairwise deletion: each correlation uses every respondent who answered both of its two
   * questions (as R's {@code cor(use = "pairwise.complete.obs")}). Keeps more data, but the
   * correlations come from different subsamples and the matrix may not be positive definite; the
   * analysis then fails with an error rather than returning a meaningless decomposition.
   */
  PAIRWISE
}
