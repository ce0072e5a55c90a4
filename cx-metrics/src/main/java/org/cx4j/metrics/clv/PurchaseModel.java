package org.cx4j.metrics.clv;

/**
 * A fitted "buy till you die" model of repeat purchasing with latent attrition: {@link
 * BgNbdModel} or {@link ParetoNbdModel}. Times are in the unit of the data the model was fitted on
 * (weeks for CDNOW).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface PurchaseModel permits BgNbdModel, ParetoNbdModel {

  /** Returns the parameters in the model's order (see {@link #parameterNames()}). */
  double[] parameters();

  /** Returns the parameter names, for example {@code [r, alpha, a, b]}. */
  java.util.List<String> parameterNames();

  /**
   * Returns the same model with other parameters (for the delta method and bootstraps).
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  PurchaseModel withParameters(double[] parameters);

  /**
   * Returns {@code E[X(t)]}, the expected number of purchases of a randomly chosen new customer
   * in {@code (0, t]}.
   *
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  double expectedPurchases(double t);

  /**
   * Returns {@code P(alive | x, t_x, T)}, the probability that a customer with this history is
   * still active at the end of calibration.
   *
   * @throws IllegalArgumentException if the history is invalid (see {@link
   *     RepeatPurchaseData#of(int[], double[], double[])})
   */
  double probabilityAlive(int x, double tx, double age);

  /**
   * Returns {@code E[Y(t) | x, t_x, T]}, the expected number of purchases in the {@code t} time
   * units after calibration by a customer with this history.
   *
   * @throws IllegalArgumentException if {@code t} is negative or the history is invalid
   */
  double conditionalExpectedPurchases(double t, int x, double tx, double age);

  /**
   * Returns the total log-likelihood of the data under this model.
   *
   * @throws NullPointerException if {@code data} is null
   */
  double logLikelihood(RepeatPurchaseData data);
}
