package org.cx4j.metrics.clv;

import java.util.function.ToDoubleFunction;

/**
 * A fitted purchase model with its parameter estimates, and delta-method confidence intervals for
 * anything computed from the model.
 *
 * <p>The delta method works on the log-parameters {@code phi}: for a prediction {@code g(phi)},
 * {@code Var(ln g) = grad(ln g)' Sigma grad(ln g)} with {@code Sigma} the inverse observed
 * information and the gradient from central differences (step {@code 1e-5}); the interval is {@code
 * g exp(+- z sd(ln g))}, which keeps positive predictions positive.
 *
 * @param <M> the model type
 * @param model the fitted model
 * @param estimates the estimates, standard errors and diagnostics
 */
public record PurchaseModelFit<M extends PurchaseModel>(M model, ParameterEstimates estimates) {

  /**
   * Returns the delta-method confidence interval of {@code E[X(t)]}.
   *
   * @throws IllegalArgumentException if {@code t <= 0} or {@code level} is not in (0, 1)
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate expectedPurchasesInterval(double t, double level) {
    if (!(t > 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be positive and finite, got " + t);
    }
    return interval(m -> m.expectedPurchases(t), level);
  }

  /**
   * Returns the delta-method confidence interval of {@code E[Y(t) | x, t_x, T]} (parameter
   * uncertainty only; for the spread of the customer's realized purchases see {@link
   * BgNbdModel#predictionInterval(double, double, int, double, double)}).
   *
   * @throws IllegalArgumentException if {@code t <= 0}, the history is invalid, or {@code level} is
   *     not in (0, 1)
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate conditionalExpectedPurchasesInterval(
      double t, int x, double tx, double age, double level) {
    if (!(t > 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be positive and finite, got " + t);
    }
    RepeatPurchaseData.check(0, x, tx, age);
    return interval(m -> m.conditionalExpectedPurchases(t, x, tx, age), level);
  }

  /**
   * Returns the delta-method confidence interval of any positive prediction of the model.
   *
   * @throws IllegalArgumentException if {@code level} is not in (0, 1) or the prediction is not
   *     positive at the estimates
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate interval(ToDoubleFunction<PurchaseModel> prediction, double level) {
    double z = ParameterEstimates.normalQuantile(level);
    if (!estimates.standardErrorsAvailable()) {
      throw new IllegalStateException("standard errors of the fit are not available");
    }
    double[] theta = model.parameters();
    double g0 = prediction.applyAsDouble(model);
    if (!(g0 > 0)) {
      throw new IllegalArgumentException(
          "prediction must be positive for a log-scale interval, got " + g0);
    }
    double var =
        DeltaMethod.logVariance(
            phi -> prediction.applyAsDouble(model.withParameters(MaximumLikelihood.exp(phi))),
            theta,
            estimates.logCovarianceUnsafe());
    double sd = Math.sqrt(var);
    return new IntervalEstimate(g0, g0 * Math.exp(-z * sd), g0 * Math.exp(z * sd), level);
  }

  @Override
  public String toString() {
    return estimates.toString();
  }
}
