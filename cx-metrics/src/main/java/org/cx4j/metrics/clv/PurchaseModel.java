package org.cx4j.metrics.clv;

/**
 * A fitted "buy till you die" model of repeat purchasing with latent attrition: {@link BgNbdModel},
 * {@link MbgNbdModel} or {@link ParetoNbdModel}. Times are in the unit of the data the model was
 * fitted on (weeks for CDNOW). {@link ModelComparison} sets them side by side.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface PurchaseModel permits NbdMixtureModel, ParetoNbdModel {

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
   * Returns {@code E[X(t)]}, the expected number of purchases of a randomly chosen new customer in
   * {@code (0, t]}.
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

  /**
   * Returns the tracking curve of a cohort: the expected cumulative number of repeat purchases of
   * all its customers by each calendar time in {@code times}, {@code Σ_i E[X(τ - s_i)]} over the
   * customers with acquisition time {@code s_i < τ} ({@link #expectedPurchases}; FHL 2005, fig. 2
   * and BTYD's {@code bgnbd.ExpectedCumulativeTransactions}). Times are in the model's unit on one
   * calendar axis (e.g. weeks since the cohort's first day). Customers with equal acquisition times
   * are evaluated once; sums are compensated (Neumaier).
   *
   * @param acquisitionTimes each customer's first-purchase time, finite
   * @param times the calendar times at which to evaluate, finite
   * @return the expected cumulative repeat purchases at each of {@code times}, 0 before the first
   *     acquisition; an empty array for empty {@code times}
   * @throws IllegalArgumentException if a time is NaN or infinite, naming its index
   */
  default double[] trackingCurve(double[] acquisitionTimes, double[] times) {
    double[] s = acquisitionTimes.clone();
    for (int i = 0; i < s.length; i++) {
      if (!Double.isFinite(s[i])) {
        throw new IllegalArgumentException(
            "acquisition time must be finite, got " + s[i] + " at index " + i);
      }
    }
    java.util.Arrays.sort(s);
    double[] out = new double[times.length];
    for (int k = 0; k < times.length; k++) {
      double tau = times[k];
      if (!Double.isFinite(tau)) {
        throw new IllegalArgumentException("time must be finite, got " + tau + " at index " + k);
      }
      double sum = 0;
      double comp = 0;
      for (int i = 0; i < s.length && s[i] < tau; ) {
        int j = i;
        while (j < s.length && s[j] == s[i]) {
          j++;
        }
        double x = (j - i) * expectedPurchases(tau - s[i]);
        double t = sum + x;
        comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
        i = j;
      }
      out[k] = sum + comp;
    }
    return out;
  }
}
