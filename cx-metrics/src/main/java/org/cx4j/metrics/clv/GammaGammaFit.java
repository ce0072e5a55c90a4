package org.cx4j.metrics.clv;

import java.util.Locale;

/**
 * A fitted {@link GammaGammaModel} with its estimates and the check of its key assumption.
 *
 * @param model the fitted model
 * @param estimates estimates, standard errors and diagnostics (fitted on the customers with {@code
 *     x >= 1})
 * @param frequencySpendCorrelation the Pearson correlation between {@code x} and {@code zbar} over
 *     the fitted customers; the model assumes spend independent of frequency, so values far from 0
 *     (Fader and Hardie suggest checking that it is small) argue against it. NaN when either column
 *     is constant.
 */
public record GammaGammaFit(
    GammaGammaModel model, ParameterEstimates estimates, double frequencySpendCorrelation) {

  /**
   * Returns the delta-method confidence interval (log scale) of {@code E[Z | x, zbar]}.
   *
   * @throws IllegalArgumentException as {@link GammaGammaModel#conditionalExpectedSpend}, or if
   *     {@code level} is not in (0, 1)
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate conditionalExpectedSpendInterval(int x, double zbar, double level) {
    double z = ParameterEstimates.normalQuantile(level);
    if (!estimates.standardErrorsAvailable()) {
      throw new IllegalStateException("standard errors of the Gamma-Gamma fit are not available");
    }
    double e = model.conditionalExpectedSpend(x, zbar);
    double var =
        DeltaMethod.logVariance(
            phi ->
                model.withParameters(MaximumLikelihood.exp(phi)).conditionalExpectedSpend(x, zbar),
            model.parameters(),
            estimates.logCovarianceUnsafe());
    double sd = Math.sqrt(var);
    return new IntervalEstimate(e, e * Math.exp(-z * sd), e * Math.exp(z * sd), level);
  }

  @Override
  public String toString() {
    return estimates
        + String.format(Locale.ROOT, "; corr(x, zbar) = %.4f", frequencySpendCorrelation);
  }
}
