package org.cx4j.metrics.clv;

import java.util.List;
import java.util.Locale;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * The Pareto/NBD model of repeat purchasing (Schmittlein, Morrison and Colombo 1987, "Counting your
 * customers: who are they and what will they do next?", Management Science 33(1), 1-24).
 *
 * <p>While active, a customer buys as a Poisson process with rate {@code lambda ~ Gamma(r, alpha)};
 * the lifetime is exponential with rate {@code mu ~ Gamma(s, beta)}. Parameters {@code r, alpha, s,
 * beta > 0}, {@code alpha} and {@code beta} in the time unit of the data.
 *
 * <p>Individual likelihood in the form of Fader and Hardie (2005, "A note on deriving the
 * Pareto/NBD model and related expressions", eq. 22), evaluated in log space:
 *
 * <pre>{@code
 * L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [ 1/((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0 ]
 * A0 = F(t_x) - F(T),  with, for alpha >= beta,
 *   F(y) = 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+y)) / (alpha+y)^(r+s+x)
 * and for alpha < beta
 *   F(y) = 2F1(r+s+x, r+x; r+s+x+1; (beta-alpha)/(beta+y)) / (beta+y)^(r+s+x)
 * }</pre>
 *
 * The branch keeps the 2F1 argument in {@code [0, 1)} with positive parameters, where the series of
 * {@link Hypergeometric} has only positive terms; {@code ln A0 = ln F(t_x) + ln(-expm1(ln F(T) - ln
 * F(t_x)))} and the two bracketed terms are combined by log-sum-exp.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdModel implements PurchaseModel {

  private static final List<String> NAMES = List.of("r", "alpha", "s", "beta");

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;

  private ParetoNbdModel(double r, double alpha, double s, double beta) {
    this.r = BgNbdModel.positive("r", r);
    this.alpha = BgNbdModel.positive("alpha", alpha);
    this.s = BgNbdModel.positive("s", s);
    this.beta = BgNbdModel.positive("beta", beta);
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
    return new ParetoNbdModel(r, alpha, s, beta);
  }

  /**
   * Fits the model by maximum likelihood over the log-parameters (BOBYQA, then Newton refinement
   * with a finite-difference Hessian), with standard errors from the observed information.
   *
   * @throws IllegalArgumentException if {@code data} is empty or every customer has {@code x = 0}
   * @throws FitFailedException if the optimiser does not converge
   */
  public static PurchaseModelFit<ParetoNbdModel> fit(RepeatPurchaseData data) {
    BgNbdModel.requireFittable("Pareto/NBD", data);
    double meanT = data.meanAge();
    double lnScale = Math.log(Math.max(meanT, 1e-6));
    double[] start = {0, lnScale, 0, lnScale};
    MaximumLikelihood.Objective objective =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] gradient) {
            return logLikelihood(
                data, Math.exp(phi[0]), Math.exp(phi[1]), Math.exp(phi[2]), Math.exp(phi[3]));
          }

          @Override
          public boolean hasGradient() {
            return false;
          }
        };
    ParameterEstimates est =
        MaximumLikelihood.maximize("Pareto/NBD", NAMES, objective, start, data.size());
    double[] p = est.estimates();
    return new PurchaseModelFit<>(of(p[0], p[1], p[2], p[3]), est);
  }

  static double logLikelihood(RepeatPurchaseData d, double r, double alpha, double s, double beta) {
    int[] distinct = d.distinctX;
    double[] constant = new double[distinct.length];
    double lgR = LogGamma.value(r);
    for (int j = 0; j < distinct.length; j++) {
      constant[j] = LogGamma.value(r + distinct[j]) - lgR;
    }
    double sum = 0;
    int n = d.x.length;
    try {
      for (int i = 0; i < n; i++) {
        sum += constant[d.xIndex[i]] + logBracket(r, alpha, s, beta, d.x[i], d.tx[i], d.t[i]);
      }
    } catch (ArithmeticException e) {
      return Double.NaN;
    }
    return sum + n * (r * Math.log(alpha) + s * Math.log(beta));
  }

  /**
   * Returns ln of the bracket of the likelihood: ln(1/((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0).
   */
  private static double logBracket(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double first = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    double logA0 = logA0(r, alpha, s, beta, x, tx, age);
    return BgNbdModel.logSumExp(first, Math.log(s / (r + s + x)) + logA0);
  }

  private static double logA0(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    if (tx >= age) {
      return Double.NEGATIVE_INFINITY;
    }
    double rsx = r + s + x;
    double lFtx;
    double lFt;
    if (alpha >= beta) {
      lFtx =
          Hypergeometric.log2F1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + tx))
              - rsx * Math.log(alpha + tx);
      lFt =
          Hypergeometric.log2F1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + age))
              - rsx * Math.log(alpha + age);
    } else {
      lFtx =
          Hypergeometric.log2F1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + tx))
              - rsx * Math.log(beta + tx);
      lFt =
          Hypergeometric.log2F1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + age))
              - rsx * Math.log(beta + age);
    }
    double diff = lFt - lFtx;
    return diff >= 0 ? Double.NEGATIVE_INFINITY : lFtx + Math.log(-Math.expm1(diff));
  }

  /** Returns the parameter {@code r}. */
  public double r() {
    return r;
  }

  /** Returns the parameter {@code alpha}. */
  public double alpha() {
    return alpha;
  }

  /** Returns the parameter {@code s}. */
  public double s() {
    return s;
  }

  /** Returns the parameter {@code beta}. */
  public double beta() {
    return beta;
  }

  @Override
  public double[] parameters() {
    return new double[] {r, alpha, s, beta};
  }

  @Override
  public List<String> parameterNames() {
    return NAMES;
  }

  @Override
  public ParetoNbdModel withParameters(double[] p) {
    if (p.length != 4) {
      throw new IllegalArgumentException("Pareto/NBD needs 4 parameters, got " + p.length);
    }
    return of(p[0], p[1], p[2], p[3]);
  }

  @Override
  public double logLikelihood(RepeatPurchaseData data) {
    return logLikelihood(data, r, alpha, s, beta);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]} (SMC 1987; Fader and
   * Hardie 2005 note, eq. 17), evaluated as {@code -expm1((s-1) ln(beta/(beta+t)))/(s-1)} so that
   * {@code s} near 1 (limit {@code r beta/alpha ln(1 + t/beta)}) loses no precision.
   */
  @Override
  public double expectedPurchases(double t) {
    BgNbdModel.checkTime(t);
    return r * beta / alpha * powerBracket(s - 1, -Math.log1p(t / beta));
  }

  /** Returns {@code (1 - exp(k L)) / k}, with its limit {@code -L} at {@code k = 0}. */
  private static double powerBracket(double k, double logRatio) {
    return Math.abs(k) < 1e-12 ? -logRatio : -Math.expm1(k * logRatio) / k;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code P(alive) = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)} (Fader and Hardie 2005
   * note, eq. 18), in log space.
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    RepeatPurchaseData.check(0, x, tx, age);
    double logOdds =
        Math.log(s / (r + s + x))
            + (r + x) * Math.log(alpha + age)
            + s * Math.log(beta + age)
            + logA0(r, alpha, s, beta, x, tx, age);
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code E[Y(t) | x, t_x, T] = (r+x)(beta+T) / ((alpha+T)(s-1)) [1 -
   * ((beta+T)/(beta+T+t))^(s-1)] P(alive | x, t_x, T)} (Fader and Hardie 2005 note, eq. 19).
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbdModel.checkTime(t);
    double alive = probabilityAlive(x, tx, age);
    return (r + x)
        * (beta + age)
        / (alpha + age)
        * powerBracket(s - 1, -Math.log1p(t / (beta + age)))
        * alive;
  }

  /**
   * Returns the log-likelihood of one customer, {@code ln L(r, alpha, s, beta | x, t_x, T)}.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double logLikelihood(int x, double tx, double age) {
    RepeatPurchaseData.check(0, x, tx, age);
    return LogGamma.value(r + x)
        - LogGamma.value(r)
        + r * Math.log(alpha)
        + s * Math.log(beta)
        + logBracket(r, alpha, s, beta, x, tx, age);
  }

  /**
   * Returns the discounted expected transactions of a customer in closed form (Fader, Hardie and
   * Lee 2005, JMR 42(4), eq. 2), with continuous discounting at rate {@code delta} per time unit
   * (for an annual rate {@code d} and weekly data, {@code delta = ln(1 + d) / 52}):
   *
   * <pre>{@code
   * DET = alpha^r beta^s delta^(s-1) Gamma(r+x+1) U(s, s; delta (beta+T))
   *       / (Gamma(r) (alpha+T)^(r+x+1) L(r, alpha, s, beta | x, t_x, T))
   * }</pre>
   *
   * that is {@code integral_0^inf e^(-delta t) dE[Y(t) | x, t_x, T]} over the customer's whole
   * future. {@code U(s, s; z) = e^z Gamma(1-s, z)} (Abramowitz and Stegun 13.6.28) is computed from
   * Commons Numbers' regularized incomplete gamma for {@code s < 1}; for {@code s >= 1} the
   * recurrence {@code Gamma(a, z) = (Gamma(a+1, z) - z^a e^(-z)) / a} (A&amp;S 6.5.22) steps down
   * from {@code a} in (0, 1]; integer {@code s} is nudged by 1e-9 (the function is continuous in
   * {@code s}). Multiply by {@link GammaGammaModel#conditionalExpectedSpend} for a CLV.
   *
   * @throws IllegalArgumentException if {@code delta} is not positive and finite or the history is
   *     invalid
   */
  public double discountedExpectedTransactions(double delta, int x, double tx, double age) {
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
    }
    double logL = logLikelihood(x, tx, age);
    double z = delta * (beta + age);
    double logU = z + logUpperGamma(1 - s, z);
    double logDet =
        r * Math.log(alpha)
            + s * Math.log(beta)
            + (s - 1) * Math.log(delta)
            + LogGamma.value(r + x + 1)
            + logU
            - LogGamma.value(r)
            - (r + x + 1) * Math.log(alpha + age)
            - logL;
    return Math.exp(logDet);
  }

  /** Returns {@code ln Gamma(a, z)} for {@code z > 0} and any real {@code a} (see above). */
  static double logUpperGamma(double a, double z) {
    if (a > 0) {
      return LogGamma.value(a) + Math.log(RegularizedGamma.Q.value(a, z));
    }
    if (Math.abs(a - Math.rint(a)) < 1e-9) {
      a = Math.rint(a) - 1e-9;
    }
    int steps = (int) Math.ceil(-a + 1e-12);
    double top = a + steps; // in (0, 1]
    if (top <= 0) {
      steps++;
      top += 1;
    }
    double g = Math.exp(LogGamma.value(top) + Math.log(RegularizedGamma.Q.value(top, z)));
    double e = Math.exp(-z);
    for (double b = top - 1; b >= a - 1e-12; b -= 1) {
      g = (g - Math.pow(z, b) * e) / b;
    }
    return Math.log(g);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParetoNbdModel m
        && Double.compare(r, m.r) == 0
        && Double.compare(alpha, m.alpha) == 0
        && Double.compare(s, m.s) == 0
        && Double.compare(beta, m.beta) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(parameters());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Pareto/NBD[r=%.4g, alpha=%.4g, s=%.4g, beta=%.4g]", r, alpha, s, beta);
  }
}
