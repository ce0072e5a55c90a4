package org.cx4j.metrics.score;

/**
 * How the linearization (Taylor) variance of a weighted share, NPS or mean is scaled. With {@code
 * z_i} the response's value (1 in the box or 0; +1, 0, -1 for NPS; the score for a mean) and {@code
 * θ = Σ w z / Σ w}, the residual sum is {@code S = Σ w_i² (z_i - θ)² / (Σ w)²}.
 *
 * <ul>
 *   <li>{@link #LINEARIZATION} (the default everywhere): {@code Var = S}. Unweighted it is the
 *       textbook {@code p (1 - p) / n} (and Rocks 2016's trinomial NPS variance), so weighted and
 *       unweighted results agree at unit weights. It equals R {@code survey}'s {@code svymean}
 *       under a with-replacement design ({@code svydesign(ids = ~1, weights = ~w)}) times {@code (n
 *       - 1) / n}, {@code n} being the number of responses.
 *   <li>{@link #SURVEY_WITH_REPLACEMENT}: {@code Var = n / (n - 1) S}, exactly R {@code survey}'s
 *       {@code svymean(~z, svydesign(ids = ~1, weights = ~w))} (Lumley 2010, <i>Complex
 *       Surveys</i>, sec. 2.2; the with-replacement estimator of a ratio mean); undefined (NaN) for
 *       {@code n = 1}.
 * </ul>
 */
public enum VarianceConvention {
  /** {@code Var = Σ w_i² (z_i - θ)² / (Σ w)²}: textbook unweighted; R's times {@code (n-1)/n}. */
  LINEARIZATION,
  /** {@code Var = n / (n - 1) Σ w_i² (z_i - θ)² / (Σ w)²}: R {@code survey}'s {@code svymean}. */
  SURVEY_WITH_REPLACEMENT;

  /** Returns the factor by which this convention multiplies the linearization variance. */
  double factor(long n) {
    return this == LINEARIZATION ? 1 : n > 1 ? (double) n / (n - 1) : Double.NaN;
  }

  /** Returns the factor for {@code n} responses (public for the metric packages). */
  public double varianceFactor(long n) {
    return factor(n);
  }
}
