package org.cx4j.metrics.clv;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The beta-geometric/beta-binomial (BG/BB) model of discrete-time repeat transactions (Fader,
 * Hardie and Shang 2010, "Customer-base analysis in a discrete-time noncontractual setting",
 * Marketing Science 29(6), 1086-1108): for donations, annual events, renewals of a free product,
 * anything with fixed transaction opportunities.
 *
 * <p>While alive, a customer transacts at each opportunity with probability {@code p ~ Beta(alpha,
 * beta)}; at the beginning of each opportunity a living customer dies with probability {@code theta
 * ~ Beta(gamma, delta)}. For a history {@code (x, t_x, n)} (FHS 2010 eq. 5):
 *
 * <pre>{@code
 * L = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
 *   + Σ_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha,beta) B(gamma+1, delta+t_x+i)/B(gamma,delta)
 * }</pre>
 *
 * evaluated as a log-sum-exp of log-beta terms, weighted by each row's customer count. The gradient
 * in the log-parameters is analytic: each term's derivative is a difference of digamma functions
 * ({@code d lnB(u, v)/du = psi(u) - psi(u+v)}), averaged with the terms' posterior weights.
 * Parameters {@code alpha, beta, gamma, delta > 0}.
 *
 * <p>Predictions need no division by {@code gamma - 1}: sums over future opportunities use {@code
 * E[(1-theta)^t] = B(gamma, delta+t)/B(gamma, delta)} and its ratio recursion, so {@code gamma}
 * near 1 is fine.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbModel {

  private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta");

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;

  private BgBbModel(double alpha, double beta, double gamma, double delta) {
    this.alpha = BgNbdModel.positive("alpha", alpha);
    this.beta = BgNbdModel.positive("beta", beta);
    this.gamma = BgNbdModel.positive("gamma", gamma);
    this.delta = BgNbdModel.positive("delta", delta);
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
    return new BgBbModel(alpha, beta, gamma, delta);
  }

  /**
   * A fitted BG/BB model with its estimates.
   *
   * @param model the fitted model
   * @param estimates the estimates of {@code alpha, beta, gamma, delta}; {@code customers()} is the
   *     total weight rounded
   */
  public record Fit(BgBbModel model, ParameterEstimates estimates) {

    /**
     * Returns the delta-method confidence interval (log scale) of any positive prediction.
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1) or the prediction is not
     *     positive and finite at the estimates
     * @throws IllegalStateException if standard errors are not available
     */
    public IntervalEstimate interval(ToDoubleFunction<BgBbModel> prediction, double level) {
      return SbgModel.deltaInterval(
          model.parameters(),
          estimates,
          level,
          t -> prediction.applyAsDouble(of(t[0], t[1], t[2], t[3])));
    }

    @Override
    public String toString() {
      return estimates.toString();
    }
  }

  /**
   * Fits the model by maximum likelihood over the log-parameters (conjugate gradient with the
   * analytic gradient, then Newton refinement; standard errors from the observed information).
   *
   * @throws IllegalArgumentException if the total weight is below 1, or nobody or everybody
   *     transacts at every opportunity (then {@code p}'s distribution has no interior maximum)
   * @throws FitFailedException if the optimiser does not converge
   */
  public static Fit fit(DiscretePurchaseData data) {
    double total = data.totalWeight();
    if (!(total >= 1)) {
      throw new IllegalArgumentException(
          "BG/BB needs a total weight of at least 1 customer, got " + total);
    }
    double buyers = 0;
    double always = 0;
    for (int i = 0; i < data.rows(); i++) {
      if (data.x[i] > 0) {
        buyers += data.weights[i];
      }
      if (data.x[i] == data.n[i]) {
        always += data.weights[i];
      }
    }
    if (buyers == 0) {
      throw new IllegalArgumentException(
          "BG/BB cannot be fitted when no customer transacts (all x = 0)");
    }
    if (always == total) {
      throw new IllegalArgumentException(
          "BG/BB cannot be fitted when every customer transacts at every opportunity (x = n)");
    }
    MaximumLikelihood.Objective objective =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] gradient) {
            return logLikelihood(
                data,
                Math.exp(phi[0]),
                Math.exp(phi[1]),
                Math.exp(phi[2]),
                Math.exp(phi[3]),
                gradient);
          }

          @Override
          public boolean hasGradient() {
            return true;
          }
        };
    int customers = (int) Math.min(Integer.MAX_VALUE, Math.round(total));
    ParameterEstimates est =
        MaximumLikelihood.maximize("BG/BB", NAMES, objective, new double[4], customers);
    double[] p = est.estimates();
    return new Fit(of(p[0], p[1], p[2], p[3]), est);
  }

  /**
   * Returns the weighted log-likelihood and, when {@code gradient} is not null, its gradient in
   * {@code (ln alpha, ln beta, ln gamma, ln delta)}.
   */
  static double logLikelihood(
      DiscretePurchaseData d,
      double alpha,
      double beta,
      double gamma,
      double delta,
      double[] gradient) {
    boolean g = gradient != null;
    double lbAb = LogBeta.value(alpha, beta);
    double lbGd = LogBeta.value(gamma, delta);
    double psiA = g ? Digamma.value(alpha) : 0;
    double psiB = g ? Digamma.value(beta) : 0;
    double psiAb = g ? Digamma.value(alpha + beta) : 0;
    double psiG = g ? Digamma.value(gamma) : 0;
    double psiG1 = g ? Digamma.value(gamma + 1) : 0;
    double psiD = g ? Digamma.value(delta) : 0;
    double psiGd = g ? Digamma.value(gamma + delta) : 0;
    double sum = 0;
    double ga = 0;
    double gb = 0;
    double gg = 0;
    double gd = 0;
    double[] terms = new double[16];
    for (int r = 0; r < d.rows(); r++) {
      double w = d.weights[r];
      if (w == 0) {
        continue;
      }
      int x = d.x[r];
      int tx = d.tx[r];
      int n = d.n[r];
      int k = n - tx + 1;
      if (terms.length < k) {
        terms = new double[Math.max(k, 2 * terms.length)];
      }
      // Term 0: alive through n; terms 1..: died at the opportunity tx + i + 1.
      terms[0] = LogBeta.value(alpha + x, beta + n - x) + LogBeta.value(gamma, delta + n);
      double max = terms[0];
      for (int i = 0; i < k - 1; i++) {
        double v =
            LogBeta.value(alpha + x, beta + tx - x + i) + LogBeta.value(gamma + 1, delta + tx + i);
        terms[i + 1] = v;
        max = Math.max(max, v);
      }
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += Math.exp(terms[i] - max);
      }
      double logL = max + Math.log(s) - lbAb - lbGd;
      sum += w * logL;
      if (g) {
        double da = 0;
        double db = 0;
        double dg = 0;
        double dd = 0;
        double psiAx = Digamma.value(alpha + x);
        for (int i = 0; i < k; i++) {
          double post = Math.exp(terms[i] - max) / s;
          int m = i == 0 ? n - x : tx - x + i - 1; // beta shift of the p term
          double psiAbm = Digamma.value(alpha + beta + x + m);
          da += post * (psiAx - psiAbm);
          db += post * (Digamma.value(beta + m) - psiAbm);
          if (i == 0) {
            double psiGdn = Digamma.value(gamma + delta + n);
            dg += post * (psiG - psiGdn);
            dd += post * (Digamma.value(delta + n) - psiGdn);
          } else {
            int j = tx + i - 1;
            double psiGdj = Digamma.value(gamma + delta + j + 1);
            dg += post * (psiG1 - psiGdj);
            dd += post * (Digamma.value(delta + j) - psiGdj);
          }
        }
        ga += w * (da - psiA + psiAb);
        gb += w * (db - psiB + psiAb);
        gg += w * (dg - psiG + psiGd);
        gd += w * (dd - psiD + psiGd);
      }
    }
    if (g) {
      gradient[0] = alpha * ga;
      gradient[1] = beta * gb;
      gradient[2] = gamma * gg;
      gradient[3] = delta * gd;
    }
    return sum;
  }

  /** Returns the weighted log-likelihood of {@code data} under this model. */
  public double logLikelihood(DiscretePurchaseData data) {
    return logLikelihood(data, alpha, beta, gamma, delta, null);
  }

  /**
   * Returns the log-likelihood of one history, {@code ln L(alpha, beta, gamma, delta | x, t_x, n)}.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double logLikelihood(int x, int tx, int n) {
    DiscretePurchaseData.check(-1, x, tx, n);
    return logLikelihood(
        DiscretePurchaseData.of(new int[] {x}, new int[] {tx}, new int[] {n}),
        alpha,
        beta,
        gamma,
        delta,
        null);
  }

  /** Returns {@code alpha}. */
  public double alpha() {
    return alpha;
  }

  /** Returns {@code beta}. */
  public double beta() {
    return beta;
  }

  /** Returns {@code gamma}. */
  public double gamma() {
    return gamma;
  }

  /** Returns {@code delta}. */
  public double delta() {
    return delta;
  }

  /** Returns {@code [alpha, beta, gamma, delta]}. */
  public double[] parameters() {
    return new double[] {alpha, beta, gamma, delta};
  }

  /** Returns the parameter names {@code [alpha, beta, gamma, delta]}. */
  public List<String> parameterNames() {
    return NAMES;
  }

  private double logL(int x, int tx, int n) {
    return logLikelihood(x, tx, n);
  }

  /**
   * Returns {@code P(alive at opportunity n+1 | x, t_x, n)} (FHS 2010 eq. 11):
   *
   * <pre>{@code B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/B(gamma,delta) / L}</pre>
   *
   * For {@code x = t_x = n} (a transaction at every opportunity) this is {@code (delta+n) /
   * (gamma+delta+n)}.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double probabilityAlive(int x, int tx, int n) {
    double log =
        LogBeta.value(alpha + x, beta + n - x)
            - LogBeta.value(alpha, beta)
            + LogBeta.value(gamma, delta + n + 1)
            - LogBeta.value(gamma, delta);
    return Math.exp(log - logL(x, tx, n));
  }

  /**
   * Returns {@code E[X(n)]}, the expected number of transactions of a new customer in the first
   * {@code n} opportunities (FHS 2010 eq. 9, as the sum {@code alpha/(alpha+beta) Σ_{t=1}^n
   * B(gamma, delta+t)/B(gamma, delta)}, equal to the paper's {@code delta/(gamma-1)} form away from
   * {@code gamma = 1}); 0 for {@code n = 0}. Cost O(n).
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public double expectedTransactions(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, got " + n);
    }
    return alpha / (alpha + beta) * survivalSum(delta, 0, n);
  }

  /**
   * Returns {@code Σ_{t=1}^{count} B(gamma, d0+s+t)/B(gamma, d0+s)}, by the ratio {@code B(gamma,
   * v+1)/B(gamma, v) = v/(gamma+v)}.
   */
  private double survivalSum(double d0, int s, long count) {
    double term = 1;
    double sum = 0;
    double v = d0 + s;
    for (long t = 0; t < count; t++) {
      term *= (v + t) / (gamma + v + t);
      sum += term;
    }
    return sum;
  }

  /**
   * Returns {@code E[X(n, n+nStar) | x, t_x, n]}, the expected number of transactions in the next
   * {@code nStar} opportunities by a customer with this history (FHS 2010 eq. 13):
   *
   * <pre>{@code
   * (1/L) B(alpha+x+1, beta+n-x)/B(alpha,beta) Σ_{t=1}^{nStar} B(gamma, delta+n+t)/B(gamma,delta)
   * }</pre>
   *
   * (the paper's closed form divides by {@code gamma - 1}; the sum does not). 0 for {@code nStar =
   * 0}. Cost O(nStar).
   *
   * @throws IllegalArgumentException if {@code nStar < 0} or the history is invalid
   */
  public double conditionalExpectedTransactions(int nStar, int x, int tx, int n) {
    if (nStar < 0) {
      throw new IllegalArgumentException("nStar must be at least 0, got " + nStar);
    }
    double log =
        LogBeta.value(alpha + x + 1, beta + n - x)
            - LogBeta.value(alpha, beta)
            + LogBeta.value(gamma, delta + n)
            - LogBeta.value(gamma, delta)
            - logL(x, tx, n);
    return Math.exp(log) * survivalSum(delta, n, nStar);
  }

  /**
   * Returns the posterior mean of the transaction probability {@code p} among customers with this
   * history who are still alive, {@code E[p | alive at n+1, x, n] = (alpha+x)/(alpha+beta+n)}: the
   * expected number of transactions per future opportunity while alive.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double conditionalTransactionProbability(int x, int tx, int n) {
    DiscretePurchaseData.check(-1, x, tx, n);
    return (alpha + x) / (alpha + beta + n);
  }

  /**
   * Returns the discounted expected residual transactions of a customer with this history (FHS 2010
   * eq. 14), the transactions from opportunity {@code n+1} on, each discounted by {@code
   * (1+d)^-(t-n)}:
   *
   * <pre>{@code
   * DERT = (1/L) B(alpha+x+1, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/(B(gamma,delta) (1+d))
   *        2F1(1, delta+n+1; gamma+delta+n+1; 1/(1+d))
   * }</pre>
   *
   * The 2F1 is summed term by term (term ratios below {@code 1/(1+d)}). Multiply by the value of a
   * transaction for a residual lifetime value.
   *
   * @throws IllegalArgumentException if {@code d} is not positive and finite or the history is
   *     invalid
   * @throws ArithmeticException if {@code d} is so small (below about 1e-6) that the sum needs more
   *     than {@code 1e8} terms
   */
  public double discountedExpectedResidualTransactions(double d, int x, int tx, int n) {
    SbgModel.checkDiscount(d);
    double log =
        LogBeta.value(alpha + x + 1, beta + n - x)
            - LogBeta.value(alpha, beta)
            + LogBeta.value(gamma, delta + n + 1)
            - LogBeta.value(gamma, delta)
            - Math.log1p(d)
            - logL(x, tx, n);
    return Math.exp(log) * SbgModel.series(delta + n + 1, gamma + delta + n + 1, 1 / (1 + d));
  }

  /**
   * Returns {@code P(X(n) = x)}, the probability that a new customer makes exactly {@code x}
   * transactions in {@code n} opportunities (FHS 2010 eq. 8):
   *
   * <pre>{@code
   * C(n,x) B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
   * + Σ_{i=x}^{n-1} C(i,x) B(alpha+x, beta+i-x)/B(alpha,beta) B(gamma+1, delta+i)/B(gamma,delta)
   * }</pre>
   *
   * The expected histogram of a cohort's frequencies, to compare with the observed one.
   *
   * @throws IllegalArgumentException if {@code n < 0} or {@code x} is not in [0, n]
   */
  public double probabilityOfTransactions(int x, int n) {
    if (n < 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n, got x = " + x + ", n = " + n);
    }
    double lbAb = LogBeta.value(alpha, beta);
    double lbGd = LogBeta.value(gamma, delta);
    double p =
        Math.exp(
            logChoose(n, x)
                + LogBeta.value(alpha + x, beta + n - x)
                - lbAb
                + LogBeta.value(gamma, delta + n)
                - lbGd);
    for (int i = x; i < n; i++) {
      p +=
          Math.exp(
              logChoose(i, x)
                  + LogBeta.value(alpha + x, beta + i - x)
                  - lbAb
                  + LogBeta.value(gamma + 1, delta + i)
                  - lbGd);
    }
    return p;
  }

  private static double logChoose(int n, int k) {
    return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
  }

  /**
   * Returns {@code count} histories over {@code n} opportunities drawn from the model (one row per
   * customer, weight 1): {@code p} and {@code theta} from their beta distributions, then at each
   * opportunity death with probability {@code theta} and, if alive, a transaction with probability
   * {@code p}. Deterministic for a seed (Hipparchus' Well19937c).
   *
   * @throws IllegalArgumentException if {@code count < 0} or {@code n < 1}
   */
  public DiscretePurchaseData simulate(int count, int n, long seed) {
    if (count < 0 || n < 1) {
      throw new IllegalArgumentException(
          "need count >= 0 and n >= 1, got count = " + count + ", n = " + n);
    }
    org.hipparchus.random.RandomDataGenerator rng =
        new org.hipparchus.random.RandomDataGenerator(seed);
    int[] xs = new int[count];
    int[] txs = new int[count];
    int[] ns = new int[count];
    for (int c = 0; c < count; c++) {
      double p = rng.nextBeta(alpha, beta);
      double theta = rng.nextBeta(gamma, delta);
      int x = 0;
      int last = 0;
      for (int t = 1; t <= n; t++) {
        if (rng.nextUniform(0, 1) < theta) {
          break;
        }
        if (rng.nextUniform(0, 1) < p) {
          x++;
          last = t;
        }
      }
      xs[c] = x;
      txs[c] = last;
      ns[c] = n;
    }
    return DiscretePurchaseData.of(xs, txs, ns);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BgBbModel m && java.util.Arrays.equals(parameters(), m.parameters());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(parameters());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "BG/BB[alpha=%.4g, beta=%.4g, gamma=%.4g, delta=%.4g]",
        alpha,
        beta,
        gamma,
        delta);
  }
}
