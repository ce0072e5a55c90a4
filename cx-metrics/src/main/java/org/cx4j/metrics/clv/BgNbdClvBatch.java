package org.cx4j.metrics.clv;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link DiscountedClv#value} and {@link DiscountedClv#interval} for many customers under BG/NBD
 * and Gamma-Gamma, with the expensive part computed once per {@code (x, T)} rather than once per
 * customer.
 *
 * <p>Under BG/NBD (FHL 2005 eq. 10) {@code E[Y(t) | x, t_x, T] = B(t; x, T) P(alive | x, t_x, T)},
 * where the bracket {@code B} (a Gauss hypergeometric function) does not depend on {@code t_x}. So
 * the discounted expected purchases of {@link DiscountedClv} factor as
 *
 * <pre>{@code
 * D(x, t_x, T) = P(alive | x, t_x, T) * S(x, T),   S = sum_{k=1..H} (B(k L) - B((k-1) L)) (1+d)^(-k)
 * }</pre>
 *
 * and {@code ln D = ln P(alive) + ln S}: the delta method's gradient of {@code ln D} (central
 * differences on the log-parameters, as {@link DiscountedClv#interval}) is the sum of the two
 * gradients. {@code S} and its gradient (the {@code 9 H} hypergeometric evaluations) are cached by
 * {@code (x, T)}; {@code P(alive)} is closed form. With purchase data in days, the number of
 * distinct {@code (x, T)} is at most the distinct frequencies times the days observed, however many
 * customers there are. Results equal {@link DiscountedClv}'s up to rounding.
 *
 * <p>Not thread-safe (the cache); use one per thread. The cache holds at most {@link #CACHE_MAX}
 * entries and is cleared when full.
 */
public final class BgNbdClvBatch {

  /** The cache is cleared when it reaches this many {@code (x, T)} entries. */
  public static final int CACHE_MAX = 1 << 18;

  private record Key(int x, double age) {}

  private final PurchaseModelFit<BgNbdModel> purchases;
  private final GammaGammaFit spend;
  private final ClvHorizon horizon;
  private final BgNbdModel model;
  private final boolean standardErrors;
  private final Map<Key, double[]> cache = new HashMap<>();

  private BgNbdClvBatch(
      PurchaseModelFit<BgNbdModel> purchases, GammaGammaFit spend, ClvHorizon horizon) {
    this.purchases = Objects.requireNonNull(purchases, "purchases");
    this.spend = Objects.requireNonNull(spend, "spend");
    this.horizon = Objects.requireNonNull(horizon, "horizon");
    this.model = purchases.model();
    this.standardErrors =
        purchases.estimates().standardErrorsAvailable()
            && spend.estimates().standardErrorsAvailable();
  }

  /**
   * Returns a calculator for the two fits and the horizon.
   *
   * @throws NullPointerException if an argument is null
   */
  public static BgNbdClvBatch of(
      PurchaseModelFit<BgNbdModel> purchases, GammaGammaFit spend, ClvHorizon horizon) {
    return new BgNbdClvBatch(purchases, spend, horizon);
  }

  /** Returns whether both fits have standard errors, so that {@link #interval} works. */
  public boolean hasIntervals() {
    return standardErrors;
  }

  /**
   * Returns the discounted CLV, as {@link DiscountedClv#value(int, double, double, double)}.
   *
   * @throws IllegalArgumentException if the history is invalid or {@code x > 0} and {@code zbar} is
   *     not positive and finite
   * @throws ArithmeticException if {@code a + b + x <= 1}
   */
  public double value(int x, double tx, double age, double zbar) {
    RepeatPurchaseData.check(0, x, tx, age);
    return horizon.margin()
        * spend.model().conditionalExpectedSpend(x, zbar)
        * model.probabilityAlive(x, tx, age)
        * cached(x, age)[0];
  }

  /**
   * Returns the delta-method interval of the CLV at {@code level}, as {@link
   * DiscountedClv#interval}: from parameter uncertainty only, {@code CLV exp(+- z sd(ln CLV))}.
   *
   * @throws IllegalArgumentException as {@link #value}, or if {@code level} is not in (0, 1)
   * @throws IllegalStateException if either fit has no standard errors
   */
  public IntervalEstimate interval(int x, double tx, double age, double zbar, double level) {
    double zq = ParameterEstimates.normalQuantile(level);
    if (!standardErrors) {
      throw new IllegalStateException("both fits need standard errors for a CLV interval");
    }
    double value = value(x, tx, age, zbar);
    double[] s = cached(x, age);
    double[] alive =
        DeltaMethod.logGradient(
            phi -> model.withParameters(MaximumLikelihood.exp(phi)).probabilityAlive(x, tx, age),
            model.parameters());
    double[] d = new double[alive.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = alive[i] + s[i + 1];
    }
    double v1 = DeltaMethod.quadraticForm(d, purchases.estimates().logCovarianceUnsafe());
    GammaGammaModel gm = spend.model();
    double v2 =
        DeltaMethod.logVariance(
            phi -> gm.withParameters(MaximumLikelihood.exp(phi)).conditionalExpectedSpend(x, zbar),
            gm.parameters(),
            spend.estimates().logCovarianceUnsafe());
    double sd = Math.sqrt(v1 + v2);
    return new IntervalEstimate(
        value, value * Math.exp(-zq * sd), value * Math.exp(zq * sd), level);
  }

  /** Returns {@code [S, d ln S / d phi_1..4]} for {@code (x, T)}, from the cache. */
  private double[] cached(int x, double age) {
    Key k = new Key(x, age);
    double[] s = cache.get(k);
    if (s == null) {
      if (cache.size() >= CACHE_MAX) {
        cache.clear();
      }
      double s0 = discountedBracket(model, x, age);
      double[] g =
          standardErrors
              ? DeltaMethod.logGradient(
                  phi ->
                      discountedBracket(model.withParameters(MaximumLikelihood.exp(phi)), x, age),
                  model.parameters())
              : new double[model.parameters().length];
      s = new double[g.length + 1];
      s[0] = s0;
      System.arraycopy(g, 0, s, 1, g.length);
      cache.put(k, s);
    }
    return s;
  }

  /** {@code S(x, T)} of the class formula. */
  private double discountedBracket(BgNbdModel m, int x, double age) {
    if (!(m.a() + m.b() + x - 1 > 0)) {
      throw new ArithmeticException(
          "BG/NBD expectations need a + b + x > 1, got a=" + m.a() + ", b=" + m.b() + ", x=" + x);
    }
    double previous = 0;
    double sum = 0;
    double factor = 1;
    double discount = 1 / (1 + horizon.discountRate());
    for (int k = 1; k <= horizon.periods(); k++) {
      double cumulative =
          BgNbdModel.bracket(
              m.a(), m.r() + x, m.b() + x, m.alpha() + age, k * horizon.periodLength());
      factor *= discount;
      sum += (cumulative - previous) * factor;
      previous = cumulative;
    }
    return sum;
  }

  @Override
  public String toString() {
    return "BgNbdClvBatch["
        + model
        + ", "
        + spend.model()
        + ", "
        + horizon
        + ", "
        + cache.size()
        + " cached]";
  }
}
