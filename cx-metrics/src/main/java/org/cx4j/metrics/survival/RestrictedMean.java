package org.cx4j.metrics.survival;

import java.util.Locale;

/**
 * The restricted mean survival time (RMST) up to a horizon: the expected time a customer stays
 * before churning, counting at most {@code horizon}. See {@link
 * KaplanMeier#restrictedMean(double)}.
 *
 * @param horizon the upper limit of the integral
 * @param estimate {@code integral_0^horizon S(t) dt}, in {@code [0, horizon]}
 * @param standardError its standard error (R's {@code se(rmean)}), {@code >= 0}
 */
public record RestrictedMean(double horizon, double estimate, double standardError) {

  /**
   * Returns the normal-approximation confidence interval {@code estimate ± z * standardError} as
   * {@code {lower, upper}}.
   *
   * @param level the confidence level, in {@code (0, 1)}
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public double[] confidenceInterval(double level) {
    double h = KaplanMeier.zValue(level) * standardError;
    return new double[] {estimate - h, estimate + h};
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RestrictedMean[horizon=%s, rmst=%.6g, se=%.6g]",
        KaplanMeier.fmt(horizon),
        estimate,
        standardError);
  }
}
