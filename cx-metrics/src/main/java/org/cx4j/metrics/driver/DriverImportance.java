package org.cx4j.metrics.driver;

import java.util.Locale;
import java.util.Objects;

/**
 * The importance of one driver, by every measure a key driver analysis computes.
 *
 * <p>Correlations and betas are reported as they are (they do not add up to anything); relative
 * weights and Shapley values are parts of R-squared and sum to it over all drivers, and are also
 * given as shares of R-squared (summing to 1).
 *
 * @param name the driver's name
 * @param n the number of respondents with both this driver and the outcome (under listwise
 *     deletion, the complete cases)
 * @param pearson Pearson correlation with the outcome
 * @param spearman Spearman rank correlation with the outcome (average ranks for ties)
 * @param beta standardized regression coefficient in the model with all drivers
 * @param relativeWeight Johnson's (2000) relative weight, a part of R-squared
 * @param relativeWeightShare {@code relativeWeight / rSquared}
 * @param shapley Shapley value (LMG) of R-squared: the driver's average gain in R-squared over all
 *     orders of entry
 * @param shapleyShare {@code shapley / rSquared}
 * @param intervals bootstrap percentile intervals of the measures, or {@code null} when no
 *     bootstrap was run
 */
public record DriverImportance(
    String name,
    long n,
    double pearson,
    double spearman,
    double beta,
    double relativeWeight,
    double relativeWeightShare,
    double shapley,
    double shapleyShare,
    Intervals intervals) {

  /** Validates. @throws NullPointerException if {@code name} is null */
  public DriverImportance {
    Objects.requireNonNull(name, "name");
  }

  /**
   * Bootstrap percentile intervals of each measure, at the level the analysis was run with. Each
   * array is {@code {lower, upper}}.
   *
   * @param level the confidence level
   * @param pearson interval of the Pearson correlation
   * @param spearman interval of the Spearman correlation
   * @param beta interval of the standardized coefficient
   * @param relativeWeight interval of the relative weight
   * @param shapley interval of the Shapley value
   */
  public record Intervals(
      double level,
      Bounds pearson,
      Bounds spearman,
      Bounds beta,
      Bounds relativeWeight,
      Bounds shapley) {}

  /**
   * A closed interval {@code [lower, upper]}.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   */
  public record Bounds(double lower, double upper) {
    /** Returns whether {@code x} lies in the interval. */
    public boolean contains(double x) {
      return x >= lower && x <= upper;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: r=%.3f rho=%.3f beta=%.3f rw=%.4f (%.1f%%) shapley=%.4f (%.1f%%) n=%d",
        name,
        pearson,
        spearman,
        beta,
        relativeWeight,
        100 * relativeWeightShare,
        shapley,
        100 * shapleyShare,
        n);
  }
}
