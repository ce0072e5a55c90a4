package org.cx4j.metrics.clv;

import java.util.Objects;

/**
 * Per-customer discounted customer lifetime value from a purchase model and a spend model:
 *
 * <pre>{@code
 * CLV(x, t_x, T, zbar) = margin * E[Z | x, zbar]
 *                        * sum_{k=1..H} (E[Y(k L) | x, t_x, T] - E[Y((k-1) L) | x, t_x, T]) (1+d)^(-k)
 * }</pre>
 *
 * with {@code H} periods of length {@code L} and discount rate {@code d} per period ({@link
 * ClvHorizon}); the bracket is the expected number of purchases in period {@code k}, so purchases
 * are discounted at the end of the period in which they fall. Spend and purchases are independent
 * by the Gamma-Gamma assumption, so the expected value is the product (Fader, Hardie and Lee 2005,
 * JMR, section "Computing CLV"; the lifetimes {@code customer_lifetime_value} convention).
 *
 * <p>Immutable and thread-safe.
 */
public final class DiscountedClv {

  private final PurchaseModel purchases;
  private final GammaGammaModel spend;
  private final ClvHorizon horizon;

  private DiscountedClv(PurchaseModel purchases, GammaGammaModel spend, ClvHorizon horizon) {
    this.purchases = Objects.requireNonNull(purchases, "purchases");
    this.spend = Objects.requireNonNull(spend, "spend");
    this.horizon = Objects.requireNonNull(horizon, "horizon");
  }

  /**
   * Returns the calculator.
   *
   * @throws NullPointerException if an argument is null
   */
  public static DiscountedClv of(
      PurchaseModel purchases, GammaGammaModel spend, ClvHorizon horizon) {
    return new DiscountedClv(purchases, spend, horizon);
  }

  /**
   * Returns {@code sum_k (E[Y(kL)] - E[Y((k-1)L)]) (1+d)^(-k)}, the discounted expected number of
   * purchases of a customer over the horizon.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double discountedPurchases(int x, double tx, double age) {
    return discountedPurchases(purchases, horizon, x, tx, age);
  }

  static double discountedPurchases(PurchaseModel m, ClvHorizon h, int x, double tx, double age) {
    double previous = 0;
    double sum = 0;
    double factor = 1;
    double discount = 1 / (1 + h.discountRate());
    for (int k = 1; k <= h.periods(); k++) {
      double cumulative = m.conditionalExpectedPurchases(k * h.periodLength(), x, tx, age);
      factor *= discount;
      sum += (cumulative - previous) * factor;
      previous = cumulative;
    }
    return sum;
  }

  /**
   * Returns the discounted CLV of one customer (see the class formula).
   *
   * @throws IllegalArgumentException if the history is invalid or {@code x > 0} and {@code zbar} is
   *     not positive and finite
   */
  public double value(int x, double tx, double age, double zbar) {
    return horizon.margin()
        * spend.conditionalExpectedSpend(x, zbar)
        * discountedPurchases(x, tx, age);
  }

  /**
   * Returns the discounted CLV of every customer.
   *
   * @throws IllegalArgumentException if the lengths differ or a value is invalid
   */
  public double[] values(RepeatPurchaseData data, double[] monetaryValue) {
    if (monetaryValue.length != data.size()) {
      throw new IllegalArgumentException(
          "monetaryValue must have one entry per customer ("
              + data.size()
              + "), got "
              + monetaryValue.length);
    }
    double[] out = new double[data.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(data.x[i], data.tx[i], data.t[i], monetaryValue[i]);
    }
    return out;
  }

  /**
   * Returns the delta-method confidence interval of one customer's CLV from the uncertainty of both
   * fits. The two models are fitted on separate likelihoods, so the joint covariance of their
   * log-parameters is block diagonal and {@code Var(ln CLV) = Var(ln E[Z|x,zbar]) + Var(ln
   * discountedPurchases)}; the interval is {@code CLV exp(+- z sd)}.
   *
   * @throws IllegalArgumentException if the history is invalid or {@code level} not in (0, 1)
   * @throws IllegalStateException if either fit has no standard errors
   */
  public static IntervalEstimate interval(
      PurchaseModelFit<?> purchaseFit,
      GammaGammaFit spendFit,
      ClvHorizon horizon,
      int x,
      double tx,
      double age,
      double zbar,
      double level) {
    double zq = ParameterEstimates.normalQuantile(level);
    if (!purchaseFit.estimates().standardErrorsAvailable()
        || !spendFit.estimates().standardErrorsAvailable()) {
      throw new IllegalStateException("both fits need standard errors for a CLV interval");
    }
    PurchaseModel pm = purchaseFit.model();
    GammaGammaModel gm = spendFit.model();
    double value = of(pm, gm, horizon).value(x, tx, age, zbar);
    double v1 =
        DeltaMethod.logVariance(
            phi ->
                discountedPurchases(
                    pm.withParameters(MaximumLikelihood.exp(phi)), horizon, x, tx, age),
            pm.parameters(),
            purchaseFit.estimates().logCovarianceUnsafe());
    double v2 =
        DeltaMethod.logVariance(
            phi -> gm.withParameters(MaximumLikelihood.exp(phi)).conditionalExpectedSpend(x, zbar),
            gm.parameters(),
            spendFit.estimates().logCovarianceUnsafe());
    double sd = Math.sqrt(v1 + v2);
    return new IntervalEstimate(
        value, value * Math.exp(-zq * sd), value * Math.exp(zq * sd), level);
  }

  /** Returns the purchase model. */
  public PurchaseModel purchases() {
    return purchases;
  }

  /** Returns the spend model. */
  public GammaGammaModel spend() {
    return spend;
  }

  /** Returns the horizon. */
  public ClvHorizon horizon() {
    return horizon;
  }

  @Override
  public String toString() {
    return "DiscountedClv[" + purchases + ", " + spend + ", " + horizon + "]";
  }
}
