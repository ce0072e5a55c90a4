package org.cx4j.metrics.clv;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The shifted beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1), 76-90).
 *
 * <p>Each customer renews at the end of every period with a constant probability {@code 1 - theta}
 * until the first non-renewal; the churn probability {@code theta} varies across customers as
 * {@code Beta(alpha, beta)}. The lifetime {@code T} (in periods, {@code T >= 1}: the period in
 * which the customer churns) then has
 *
 * <pre>{@code
 * P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta)                                 (FH 2007 eq. 7)
 * S(t)     = P(T > t) = B(alpha, beta+t) / B(alpha, beta)                          (eq. 8)
 * r_t      = S(t) / S(t-1) = (beta+t-1) / (alpha+beta+t-1)                         (eq. 9)
 * }</pre>
 *
 * evaluated by the recursions {@code P(1) = alpha/(alpha+beta)}, {@code P(t) = P(t-1)
 * (beta+t-2)/(alpha+beta+t-1)}, {@code S(0) = 1}, {@code S(t) = S(t-1) r_t} in log space. Periods
 * are the model's only time unit (years for the published example); parameters are {@code alpha,
 * beta > 0}. The retention rate increases with tenure: the heterogeneity, not a change in any
 * customer, that makes cohort survival curves flatten.
 *
 * <p>Fitted by maximum likelihood on cohort survivor counts ({@link #fitSurvivors(long[])}) or on
 * individual, right-censored lifetimes ({@link #fitLifetimes(int[], boolean[])}); the optimiser is
 * the one of {@link BgNbdModel} (log-parameters, analytic gradient, Newton polish, standard errors
 * from the observed information). Valuation follows Fader and Hardie (2010), "Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science
 * 29(1), 85-93: {@link #discountedExpectedLifetime(double)} (DEL) and {@link
 * #discountedExpectedResidualLifetime(double, int)} (DERL).
 *
 * <p>Immutable and thread-safe.
 */
public final class SbgModel {

  private static final List<String> NAMES = List.of("alpha", "beta");

  /** The largest lifetime {@link #fitLifetimes(int[], boolean[])} accepts, in periods. */
  public static final int MAX_PERIOD = 1_000_000;

  private final double alpha;
  private final double beta;

  private SbgModel(double alpha, double beta) {
    this.alpha = BgNbdModel.positive("alpha", alpha);
    this.beta = BgNbdModel.positive("beta", beta);
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static SbgModel of(double alpha, double beta) {
    return new SbgModel(alpha, beta);
  }

  /**
   * A fitted sBG model with its estimates (standard errors, log-likelihood, optimiser diagnostics).
   *
   * @param model the fitted model
   * @param estimates the estimates of {@code alpha, beta}
   */
  public record Fit(SbgModel model, ParameterEstimates estimates) {

    /**
     * Returns the delta-method confidence interval (on the log scale, see {@link PurchaseModelFit})
     * of any positive, finite prediction of the model, for example {@code f -> f.survival(12)} or
     * {@code f -> f.clv(100, 0.1)}.
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1) or the prediction is not
     *     positive and finite at the estimates
     * @throws IllegalStateException if standard errors are not available
     */
    public IntervalEstimate interval(ToDoubleFunction<SbgModel> prediction, double level) {
      return deltaInterval(
          model.parameters(),
          estimates,
          level,
          theta -> prediction.applyAsDouble(of(theta[0], theta[1])));
    }

    @Override
    public String toString() {
      return estimates.toString();
    }
  }

  static IntervalEstimate deltaInterval(
      double[] theta,
      ParameterEstimates estimates,
      double level,
      ToDoubleFunction<double[]> prediction) {
    double z = ParameterEstimates.normalQuantile(level);
    if (!estimates.standardErrorsAvailable()) {
      throw new IllegalStateException(
          "standard errors of the " + estimates.model() + " fit are not available");
    }
    double g0 = prediction.applyAsDouble(theta);
    if (!(g0 > 0) || !Double.isFinite(g0)) {
      throw new IllegalArgumentException(
          "prediction must be positive and finite for a log-scale interval, got " + g0);
    }
    double var =
        DeltaMethod.logVariance(
            phi -> prediction.applyAsDouble(MaximumLikelihood.exp(phi)),
            theta,
            estimates.logCovarianceUnsafe());
    double sd = Math.sqrt(var);
    return new IntervalEstimate(g0, g0 * Math.exp(-z * sd), g0 * Math.exp(z * sd), level);
  }

  /**
   * Fits the model to the survivor counts of one cohort: {@code survivors[t]} customers are still
   * subscribed at the start of period {@code t} ({@code survivors[0]}, the cohort size, at
   * acquisition). The {@code survivors[t-1] - survivors[t]} customers lost in period {@code t}
   * contribute {@code ln P(T = t)} each and the last count's customers, still active, {@code ln
   * S(t_max)} each (FH 2007 eq. 10).
   *
   * @param survivors non-increasing, non-negative counts, at least three of them (periods 0, 1 and
   *     2: with one period of data only {@code alpha / (alpha + beta)} is identified)
   * @throws IllegalArgumentException if fewer than 3 counts are given, a count is negative or
   *     larger than the one before (naming the period), the cohort is empty or larger than {@code
   *     Integer.MAX_VALUE}, or no customer churns
   * @throws FitFailedException if the optimiser does not converge, or when retention is so
   *     homogeneous that a single churn probability (the geometric limit, {@code alpha, beta ->
   *     infinity}) fits at least as well: then there is no finite maximum
   */
  public static Fit fitSurvivors(long[] survivors) {
    if (survivors.length < 3) {
      throw new IllegalArgumentException(
          "sBG needs survivor counts for at least periods 0, 1 and 2, got "
              + survivors.length
              + " counts");
    }
    int horizon = survivors.length - 1;
    double[] churned = new double[horizon + 1];
    double[] alive = new double[horizon + 1];
    for (int t = 0; t <= horizon; t++) {
      if (survivors[t] < 0) {
        throw new IllegalArgumentException(
            "survivors must be at least 0, got " + survivors[t] + " in period " + t);
      }
      if (t > 0) {
        if (survivors[t] > survivors[t - 1]) {
          throw new IllegalArgumentException(
              "survivors must not increase, got "
                  + survivors[t]
                  + " in period "
                  + t
                  + " after "
                  + survivors[t - 1]
                  + " in period "
                  + (t - 1));
        }
        churned[t] = survivors[t - 1] - survivors[t];
      }
    }
    if (survivors[0] == 0 || survivors[0] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "cohort size survivors[0] must be in [1, "
              + Integer.MAX_VALUE
              + "], got "
              + survivors[0]);
    }
    alive[horizon] = survivors[horizon];
    return fit(churned, alive, (int) survivors[0]);
  }

  /**
   * Fits the model to individual lifetimes with right-censoring: customer {@code i} churned in
   * period {@code periods[i]} ({@code T = periods[i] >= 1}) when {@code churned[i]}, otherwise was
   * still subscribed after {@code periods[i] >= 0} periods ({@code T > periods[i]}, censored).
   * Cohorts of different ages can be pooled this way. With a single cohort this is the same
   * likelihood as {@link #fitSurvivors(long[])}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty, a period is out
   *     of range (above {@link #MAX_PERIOD}; naming the customer index), no customer churns, or no
   *     customer is observed beyond period 1
   * @throws FitFailedException if the optimiser does not converge or the geometric limit fits at
   *     least as well (see {@link #fitSurvivors(long[])})
   */
  public static Fit fitLifetimes(int[] periods, boolean[] churned) {
    if (periods.length != churned.length) {
      throw new IllegalArgumentException(
          "periods and churned must have the same length, got "
              + periods.length
              + " and "
              + churned.length);
    }
    if (periods.length == 0) {
      throw new IllegalArgumentException("sBG needs at least 1 customer, got 0");
    }
    int max = 0;
    for (int i = 0; i < periods.length; i++) {
      int min = churned[i] ? 1 : 0;
      if (periods[i] < min || periods[i] > MAX_PERIOD) {
        throw new IllegalArgumentException(
            "periods["
                + i
                + "] must be in ["
                + min
                + ", "
                + MAX_PERIOD
                + "] for a "
                + (churned[i] ? "churned" : "censored")
                + " customer, got "
                + periods[i]);
      }
      max = Math.max(max, periods[i]);
    }
    double[] ch = new double[max + 1];
    double[] al = new double[max + 1];
    for (int i = 0; i < periods.length; i++) {
      if (churned[i]) {
        ch[periods[i]]++;
      } else {
        al[periods[i]]++;
      }
    }
    return fit(ch, al, periods.length);
  }

  private static Fit fit(double[] churned, double[] alive, int n) {
    double lost = 0;
    int last = 0;
    for (int t = 0; t < churned.length; t++) {
      lost += churned[t];
      if (churned[t] > 0 || alive[t] > 0) {
        last = t;
      }
    }
    if (lost == 0) {
      throw new IllegalArgumentException(
          "sBG cannot be fitted when no customer churns: the likelihood grows without bound as "
              + "alpha goes to 0");
    }
    if (last < 2) {
      throw new IllegalArgumentException(
          "sBG needs customers observed for at least 2 periods, got data up to period "
              + last
              + ": with one period only alpha / (alpha + beta) is identified");
    }
    MaximumLikelihood.Objective objective =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] gradient) {
            return logLikelihood(churned, alive, Math.exp(phi[0]), Math.exp(phi[1]), gradient);
          }

          @Override
          public boolean hasGradient() {
            return true;
          }
        };
    ParameterEstimates est =
        MaximumLikelihood.maximize("sBG", NAMES, objective, new double[] {0, 0}, n);
    double[] p = est.estimates();
    // The geometric model (one churn probability for all) is the limit alpha, beta -> infinity
    // with alpha/(alpha+beta) fixed. When it fits at least as well, the optimiser has only walked
    // up that ridge: there is no heterogeneity to estimate, and no finite maximum.
    double exposure = 0;
    for (int t = 1; t < churned.length; t++) {
      exposure += t * (churned[t] + alive[t]);
    }
    double q = lost / exposure;
    double geometric = lost * Math.log(q) + (exposure - lost) * Math.log1p(-q);
    if (q >= 1 || geometric >= est.logLikelihood() - 1e-9 * Math.abs(est.logLikelihood())) {
      throw new FitFailedException(
          "sBG has no finite maximum: a single churn probability "
              + q
              + " for every customer (the"
              + " geometric limit, LL = "
              + geometric
              + ") fits at least as well as any "
              + "heterogeneous sBG (LL = "
              + est.logLikelihood()
              + ")",
          est.iterations(),
          p,
          est.gradient());
    }
    return new Fit(of(p[0], p[1]), est);
  }

  /**
   * Returns {@code Σ_t churned[t] ln P(T = t) + Σ_t alive[t] ln S(t)} and, when {@code gradient} is
   * not null, its gradient in {@code (ln alpha, ln beta)}. With {@code c = alpha + beta}:
   *
   * <pre>{@code
   * d ln S(t)/d alpha = -Σ_{i=1..t} 1/(c+i-1)
   * d ln S(t)/d beta  =  Σ_{i=1..t} [1/(beta+i-1) - 1/(c+i-1)]
   * ln P(t) = ln S(t-1) + ln alpha - ln(c+t-1)
   * }</pre>
   */
  static double logLikelihood(
      double[] churned, double[] alive, double alpha, double beta, double[] gradient) {
    double c = alpha + beta;
    double lnAlpha = Math.log(alpha);
    double lnS = 0;
    double dSa = 0;
    double dSb = 0;
    double sum = 0;
    double ga = 0;
    double gb = 0;
    for (int t = 0; t < churned.length; t++) {
      if (t > 0) {
        double lnCt = Math.log(c + t - 1);
        if (churned[t] > 0) {
          // P(t) = S(t-1) alpha / (c + t - 1)
          sum += churned[t] * (lnS + lnAlpha - lnCt);
          ga += churned[t] * (dSa + 1 / alpha - 1 / (c + t - 1));
          gb += churned[t] * (dSb - 1 / (c + t - 1));
        }
        lnS += Math.log(beta + t - 1) - lnCt;
        dSa -= 1 / (c + t - 1);
        dSb += 1 / (beta + t - 1) - 1 / (c + t - 1);
      }
      if (alive[t] > 0) {
        sum += alive[t] * lnS;
        ga += alive[t] * dSa;
        gb += alive[t] * dSb;
      }
    }
    if (gradient != null) {
      gradient[0] = alpha * ga;
      gradient[1] = beta * gb;
    }
    return sum;
  }

  /**
   * Returns the log-likelihood of a cohort's survivor counts under this model (see {@link
   * #fitSurvivors(long[])}).
   *
   * @throws IllegalArgumentException if {@code survivors} is empty, or a count is negative or
   *     larger than the one before (naming the period); unlike fitting, one or two counts are
   *     allowed
   */
  public double logLikelihood(long[] survivors) {
    if (survivors.length < 1 || survivors[0] < 0) {
      throw new IllegalArgumentException(
          "survivors must hold at least a non-negative cohort size, got "
              + java.util.Arrays.toString(survivors));
    }
    double[] churned = new double[survivors.length];
    double[] alive = new double[survivors.length];
    for (int t = 1; t < survivors.length; t++) {
      if (survivors[t] < 0 || survivors[t] > survivors[t - 1]) {
        throw new IllegalArgumentException(
            "survivors must be non-negative and non-increasing, got "
                + survivors[t]
                + " in period "
                + t
                + " after "
                + survivors[t - 1]);
      }
      churned[t] = survivors[t - 1] - survivors[t];
    }
    alive[survivors.length - 1] = survivors[survivors.length - 1];
    return logLikelihood(churned, alive, alpha, beta, null);
  }

  /** Returns the parameter {@code alpha}. */
  public double alpha() {
    return alpha;
  }

  /** Returns the parameter {@code beta}. */
  public double beta() {
    return beta;
  }

  /** Returns {@code [alpha, beta]}. */
  public double[] parameters() {
    return new double[] {alpha, beta};
  }

  /** Returns {@code [alpha, beta]}, the parameter names. */
  public List<String> parameterNames() {
    return NAMES;
  }

  private static void checkPeriod(String name, int t, int min) {
    if (t < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + t);
    }
  }

  private double logSurvival(int t) {
    double c = alpha + beta;
    double s = 0;
    for (int i = 1; i <= t; i++) {
      s += Math.log((beta + i - 1) / (c + i - 1));
    }
    return s;
  }

  /**
   * Returns {@code S(t) = P(T > t) = B(alpha, beta+t) / B(alpha, beta)}, the share of a cohort
   * still subscribed after {@code t} periods (at the start of period {@code t}); 1 at {@code t =
   * 0}. Cost O(t).
   *
   * @throws IllegalArgumentException if {@code t < 0}
   */
  public double survival(int t) {
    checkPeriod("t", t, 0);
    return Math.exp(logSurvival(t));
  }

  /**
   * Returns {@code S(0), ..., S(horizon)}: the survival curve to project a cohort (multiply by its
   * size for expected survivors).
   *
   * @throws IllegalArgumentException if {@code horizon < 0}
   */
  public double[] survivalCurve(int horizon) {
    checkPeriod("horizon", horizon, 0);
    double[] s = new double[horizon + 1];
    double c = alpha + beta;
    double ln = 0;
    s[0] = 1;
    for (int t = 1; t <= horizon; t++) {
      ln += Math.log((beta + t - 1) / (c + t - 1));
      s[t] = Math.exp(ln);
    }
    return s;
  }

  /**
   * Returns {@code P(T = t) = S(t-1) - S(t)}, the probability that a new customer churns in period
   * {@code t} (FH 2007 eq. 7).
   *
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double churnProbability(int t) {
    checkPeriod("t", t, 1);
    return Math.exp(logSurvival(t - 1)) * alpha / (alpha + beta + t - 1);
  }

  /**
   * Returns the retention rate of period {@code t}, {@code r_t = S(t)/S(t-1) = (beta+t-1) /
   * (alpha+beta+t-1)} (FH 2007 eq. 9): the share of the customers active at the start of period
   * {@code t-1}... precisely, of those who survived {@code t-1} periods, who also survive period
   * {@code t}. Increasing in {@code t}, towards 1.
   *
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double retentionRate(int t) {
    checkPeriod("t", t, 1);
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * Returns the expected lifetime of a new customer in periods, {@code E[T] = Σ_{t>=0} S(t) =
   * (alpha+beta-1)/(alpha-1)}.
   *
   * <p><b>Infinite when {@code alpha <= 1}</b>, as for both published segments of FH 2007: the
   * density of {@code theta} near 0 is then heavy enough that the mean lifetime diverges, and this
   * method returns {@link Double#POSITIVE_INFINITY}. The discounted value {@link
   * #discountedExpectedLifetime(double)} and the truncated {@link #expectedPeriods(int)} are finite
   * for every {@code alpha}; prefer them for valuation.
   */
  public double expectedLifetime() {
    return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * Returns {@code Σ_{t=0}^{horizon-1} S(t)}, the expected number of periods a new customer is
   * subscribed (payments made, the first included) within the first {@code horizon} periods; 0 for
   * {@code horizon = 0}. Finite for every {@code alpha}.
   *
   * @throws IllegalArgumentException if {@code horizon < 0}
   */
  public double expectedPeriods(int horizon) {
    checkPeriod("horizon", horizon, 0);
    if (horizon == 0) {
      return 0;
    }
    double[] s = survivalCurve(horizon - 1);
    double sum = 0;
    for (int i = s.length - 1; i >= 0; i--) {
      sum += s[i]; // smallest first
    }
    return sum;
  }

  /**
   * Returns the discounted expected lifetime of a new customer, in payments (FH 2010 eq. 3):
   *
   * <pre>{@code DEL = Σ_{t>=0} S(t) / (1+d)^t = 2F1(1, beta; alpha+beta; 1/(1+d))}</pre>
   *
   * a payment at the start of each period subscribed, the first one at acquisition undiscounted.
   * Summed term by term (the term ratio is below {@code 1/(1+d)}, cost about {@code 40/d} terms at
   * worst).
   *
   * @param d the discount rate per period, positive and finite (at 0 the sum is {@link
   *     #expectedLifetime()}, infinite for {@code alpha <= 1})
   * @throws IllegalArgumentException if {@code d} is not positive and finite
   * @throws ArithmeticException if {@code d} is so small (below about 1e-6) that the sum needs more
   *     than {@code 1e8} terms
   */
  public double discountedExpectedLifetime(double d) {
    checkDiscount(d);
    return series(beta, alpha + beta, 1 / (1 + d));
  }

  /**
   * Returns the discounted expected residual lifetime of a customer who has made {@code renewals}
   * contract renewals ({@code n - 1} in FH 2010, i.e. has been a customer for {@code n = renewals +
   * 1} periods), evaluated just before the next renewal decision, in payments (FH 2010 eq. 6):
   *
   * <pre>{@code
   * DERL = Σ_{t>=n} S(t)/S(n-1) / (1+d)^(t-n)
   *      = (beta+n-1)/(alpha+beta+n-1) 2F1(1, beta+n; alpha+beta+n; 1/(1+d))
   * }</pre>
   *
   * The first term, the probability of the coming renewal, is undiscounted. Increases with {@code
   * renewals}: a customer who has stayed longer is more likely one with a low churn probability.
   *
   * @throws IllegalArgumentException if {@code d} is not positive and finite or {@code renewals <
   *     0}
   * @throws ArithmeticException if {@code d} is below about 1e-6 (see {@link
   *     #discountedExpectedLifetime(double)})
   */
  public double discountedExpectedResidualLifetime(double d, int renewals) {
    checkDiscount(d);
    checkPeriod("renewals", renewals, 0);
    double n = renewals + 1.0;
    double first = (beta + n - 1) / (alpha + beta + n - 1);
    return first * series(beta + n, alpha + beta + n, 1 / (1 + d));
  }

  /**
   * Returns the expected discounted value of a new subscriber who pays {@code margin} at the start
   * of every period subscribed: {@code margin * DEL(d)} ({@link
   * #discountedExpectedLifetime(double)}).
   *
   * @throws IllegalArgumentException if {@code margin} is not finite or {@code d} is not positive
   *     and finite
   * @throws ArithmeticException if {@code d} is below about 1e-6
   */
  public double clv(double margin, double d) {
    checkMargin(margin);
    return margin * discountedExpectedLifetime(d);
  }

  /**
   * Returns the expected discounted residual value of an existing subscriber with {@code renewals}
   * renewals, paying {@code margin} per period: {@code margin * DERL(d, renewals)} ({@link
   * #discountedExpectedResidualLifetime(double, int)}); summed over a customer base's tenure counts
   * this is the FH 2010 customer-base value.
   *
   * @throws IllegalArgumentException if {@code margin} is not finite, {@code d} is not positive and
   *     finite, or {@code renewals < 0}
   * @throws ArithmeticException if {@code d} is below about 1e-6
   */
  public double residualClv(double margin, double d, int renewals) {
    checkMargin(margin);
    return margin * discountedExpectedResidualLifetime(d, renewals);
  }

  private static void checkMargin(double margin) {
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite, got " + margin);
    }
  }

  static void checkDiscount(double d) {
    if (!(d > 0) || !Double.isFinite(d)) {
      throw new IllegalArgumentException("discount rate d must be positive and finite, got " + d);
    }
  }

  /**
   * {@code 2F1(1, bb; c; z) = Σ_k (bb)_k/(c)_k z^k} for {@code 0 < bb < c}, {@code 0 <= z < 1}:
   * term ratios {@code (bb+k)/(c+k) z} are below {@code z}, so the tail after a term {@code u} is
   * at most {@code u z/(1-z)}. Compensated (Neumaier) summation.
   */
  /** Terms of {@link #series} before giving up: enough for any discount rate above about 1e-6. */
  static final long MAX_TERMS = 100_000_000L;

  static double series(double bb, double c, double z) {
    // (1)_k / k! = 1.
    double term = 1;
    double sum = 1;
    double comp = 0;
    for (long k = 0; k < MAX_TERMS; k++) {
      double ratio = (bb + k) / (c + k) * z;
      term *= ratio;
      double t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
      if (term * ratio / (1 - ratio) <= 1e-17 * sum || term == 0) {
        return sum + comp;
      }
    }
    throw new ArithmeticException(
        "the discounted sum did not converge in "
            + MAX_TERMS
            + " terms (discount factor "
            + z
            + "); use a larger discount rate");
  }

  /**
   * Returns {@code n} lifetimes drawn from the model, each observed for at most {@code horizon}
   * periods: {@code theta ~ Beta(alpha, beta)}, then the churn period is geometric; lifetimes
   * beyond {@code horizon} are censored at {@code horizon}. Deterministic for a seed (Hipparchus'
   * Well19937c); {@code churned[i]} tells which lifetimes ended in churn.
   *
   * @throws IllegalArgumentException if {@code n < 0} or {@code horizon < 1}
   */
  public Lifetimes simulate(int n, int horizon, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, got " + n);
    }
    checkPeriod("horizon", horizon, 1);
    org.hipparchus.random.RandomDataGenerator rng =
        new org.hipparchus.random.RandomDataGenerator(seed);
    int[] periods = new int[n];
    boolean[] churned = new boolean[n];
    for (int i = 0; i < n; i++) {
      double theta = rng.nextBeta(alpha, beta);
      int t = 1;
      while (t <= horizon && !(rng.nextUniform(0, 1) < theta)) {
        t++;
      }
      churned[i] = t <= horizon;
      periods[i] = churned[i] ? t : horizon;
    }
    return new Lifetimes(periods, churned);
  }

  /**
   * Individual lifetimes for {@link #fitLifetimes(int[], boolean[])}.
   *
   * @param periods the churn period ({@code churned}) or the periods survived (censored)
   * @param churned whether each lifetime ended in churn
   */
  public record Lifetimes(int[] periods, boolean[] churned) {
    /** Copies the arrays. */
    public Lifetimes {
      periods = periods.clone();
      churned = churned.clone();
    }

    /** Returns a copy of the periods. */
    @Override
    public int[] periods() {
      return periods.clone();
    }

    /** Returns a copy of the churn flags. */
    @Override
    public boolean[] churned() {
      return churned.clone();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SbgModel m
        && Double.compare(alpha, m.alpha) == 0
        && Double.compare(beta, m.beta) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(parameters());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "sBG[alpha=%.4g, beta=%.4g]", alpha, beta);
  }
}
