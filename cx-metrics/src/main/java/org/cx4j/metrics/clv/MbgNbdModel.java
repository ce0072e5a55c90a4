package org.cx4j.metrics.clv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.hipparchus.random.RandomDataGenerator;

/**
 * The modified BG/NBD (MBG/NBD) model of repeat purchasing (Batislam, Denizel and Filiztekin 2007,
 * "Empirical validation and comparison of models for customer base analysis", International Journal
 * of Research in Marketing 24(3), 201-209; Python lifetimes' {@code ModifiedBetaGeoFitter},
 * BTYDplus' {@code mbgcnbd} with {@code k = 1}).
 *
 * <p>As {@link BgNbdModel}, but a customer may also drop out right after the first purchase (time
 * 0), so a customer with no repeat purchase is no longer certainly alive. Purchases while active
 * are Poisson with rate {@code lambda ~ Gamma(r, alpha)}; at time 0 and after every repeat purchase
 * the customer drops out with probability {@code p ~ Beta(a, b)}. Likelihood:
 *
 * <pre>{@code
 * L = B(a, b+x+1)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   + B(a+1, b+x)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * }</pre>
 *
 * evaluated in log space as {@code lnGamma(r+x) - lnGamma(r) + r ln alpha + lnB(a, b+x+1) - lnB(a,
 * b) + logsumexp(-(r+x) ln(alpha+T), ln a - ln(b+x) - (r+x) ln(alpha+t_x))}, with the analytic
 * gradient ({@code w} the posterior weight of "dropped out after the last purchase"):
 *
 * <pre>{@code
 * dL/dr     = psi(r+x) - psi(r) + ln alpha - (1-w) ln(alpha+T) - w ln(alpha+t_x)
 * dL/dalpha = r/alpha - (r+x) ((1-w)/(alpha+T) + w/(alpha+t_x))
 * dL/da     = psi(a+b) - psi(a+b+x+1) + w/a
 * dL/db     = psi(b+x+1) - psi(b) + psi(a+b) - psi(a+b+x+1) - w/(b+x)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdModel extends NbdMixtureModel {

  private MbgNbdModel(double r, double alpha, double a, double b) {
    super(r, alpha, a, b);
  }

  @Override
  String modelName() {
    return "MBG/NBD";
  }

  @Override
  double likelihoodPass(RepeatPurchaseData data, double[] gradient) {
    return logLikelihood(data, r, alpha, a, b, gradient);
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static MbgNbdModel of(double r, double alpha, double a, double b) {
    return new MbgNbdModel(r, alpha, a, b);
  }

  /**
   * Fits the model by maximum likelihood over the log-parameters (conjugate gradient with the
   * analytic gradient, then Newton refinement), with standard errors from the observed information.
   *
   * @throws IllegalArgumentException if {@code data} is empty or every customer has {@code x = 0}
   * @throws FitFailedException if the optimiser does not converge
   */
  public static PurchaseModelFit<MbgNbdModel> fit(RepeatPurchaseData data) {
    BgNbdModel.requireFittable("MBG/NBD", data);
    double[] start = {0, Math.log(Math.max(data.meanAge(), 1e-6)), 0, 0};
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
    ParameterEstimates est =
        MaximumLikelihood.maximize("MBG/NBD", NAMES, objective, start, data.size());
    double[] p = est.estimates();
    return new PurchaseModelFit<>(of(p[0], p[1], p[2], p[3]), est);
  }

  /**
   * Returns the total log-likelihood and, when {@code gradient} is not null, its gradient in {@code
   * (ln r, ln alpha, ln a, ln b)} (formulas on the class). Log-gamma and digamma terms are computed
   * once per distinct frequency.
   */
  static double logLikelihood(
      RepeatPurchaseData d, double r, double alpha, double a, double b, double[] gradient) {
    int[] distinct = d.distinctX;
    int m = distinct.length;
    boolean g = gradient != null;
    double[] constant = new double[m];
    double[] logDrop = new double[m];
    double[] dR = g ? new double[m] : null;
    double[] dA = g ? new double[m] : null;
    double[] dB = g ? new double[m] : null;
    double[] invBx = new double[m];
    double lgR = LogGamma.value(r);
    double lbAb = LogBeta.value(a, b);
    double lnA = Math.log(a);
    double psiR = g ? Digamma.value(r) : 0;
    double psiB = g ? Digamma.value(b) : 0;
    double psiAb = g ? Digamma.value(a + b) : 0;
    for (int j = 0; j < m; j++) {
      int x = distinct[j];
      constant[j] = LogGamma.value(r + x) - lgR + LogBeta.value(a, b + x + 1) - lbAb;
      logDrop[j] = lnA - Math.log(b + x);
      invBx[j] = 1 / (b + x);
      if (g) {
        double psiAbx = Digamma.value(a + b + x + 1);
        dR[j] = Digamma.value(r + x) - psiR;
        dA[j] = psiAb - psiAbx;
        dB[j] = Digamma.value(b + x + 1) - psiB + psiAb - psiAbx;
      }
    }
    double lnAlpha = Math.log(alpha);
    double sum = 0;
    double gr = 0;
    double gAlpha = 0;
    double ga = 0;
    double gb = 0;
    int[] xs = d.x;
    int[] idx = d.xIndex;
    double[] ts = d.t;
    double[] txs = d.tx;
    for (int i = 0; i < xs.length; i++) {
      int j = idx[i];
      double rx = r + xs[i];
      double aT = alpha + ts[i];
      double aTx = alpha + txs[i];
      double lT = Math.log(aT);
      double lTx = Math.log(aTx);
      double alive = -rx * lT;
      double dropped = logDrop[j] - rx * lTx;
      double diff = dropped - alive;
      double e = Math.exp(-Math.abs(diff));
      sum += constant[j] + (diff > 0 ? dropped : alive) + Math.log(1 + e);
      if (g) {
        double inv = 1 / (1 + e);
        double w = diff > 0 ? inv : e * inv;
        double w1 = 1 - w;
        gr += dR[j] - w1 * lT - w * lTx;
        gAlpha -= rx * (w1 / aT + w / aTx);
        ga += dA[j] + w / a;
        gb += dB[j] - w * invBx[j];
      }
    }
    int n = xs.length;
    sum += n * r * lnAlpha;
    if (g) {
      gr += n * lnAlpha;
      gAlpha += n * r / alpha;
      gradient[0] = r * gr;
      gradient[1] = alpha * gAlpha;
      gradient[2] = a * ga;
      gradient[3] = b * gb;
    }
    return sum;
  }

  @Override
  public MbgNbdModel withParameters(double[] p) {
    four(p);
    return of(p[0], p[1], p[2], p[3]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Batislam et al. 2007: {@code E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b;
   * t/(alpha+t))]}; 0 at {@code t = 0}. Near {@code a = 1} the removable singularity is evaluated
   * by the series of {@link BgNbdModel}'s near-one branch.
   */
  @Override
  public double expectedPurchases(double t) {
    BgNbdModel.checkTime(t);
    if (t == 0) {
      return 0;
    }
    return b / (a + b) * BgNbdModel.bracket(a, r, b + 1, alpha, t);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code P(alive) = 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))}, below 1 also for {@code
   * x = 0} (the difference from BG/NBD).
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    RepeatPurchaseData.check(0, x, tx, age);
    double logOdds =
        Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code E[Y(t) | x, t_x, T] = (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x,
   * b+x+1; a+b+x; t/(alpha+T+t))] P(alive | x, t_x, T)} (lifetimes' {@code ModifiedBetaGeoFitter}),
   * with the power and 2F1 in log space and the series near {@code a = 1}.
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbdModel.checkTime(t);
    RepeatPurchaseData.check(0, x, tx, age);
    if (t == 0) {
      return 0;
    }
    return BgNbdModel.bracket(a, r + x, b + x + 1, alpha + age, t) * probabilityAlive(x, tx, age);
  }

  /**
   * Returns the unconditional probability {@code P(X(t) = x)} that a new customer makes exactly
   * {@code x} repeat purchases in {@code (0, t]}: alive through the {@code x+1} drop-out chances
   * with exactly {@code x} Poisson events, or dropped out right after the {@code x}-th purchase
   * with at least {@code x} events:
   *
   * <pre>{@code
   * P(X(t) = x) = B(a, b+x+1)/B(a, b) NB(x; r, alpha/(alpha+t))
   *             + B(a+1, b+x)/B(a, b) [x = 0 ? 1 : I_{t/(alpha+t)}(x, r)]
   * }</pre>
   *
   * with {@code NB(x; r, q) = Gamma(r+x)/(Gamma(r) x!) q^r (1-q)^x} and the regularized incomplete
   * beta from Commons Numbers. 1 for {@code x = 0} at {@code t = 0}.
   *
   * @throws IllegalArgumentException if {@code x < 0} or {@code t} is negative or not finite
   */
  public double probabilityOfPurchases(int x, double t) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be at least 0, got " + x);
    }
    BgNbdModel.checkTime(t);
    if (t == 0) {
      return x == 0 ? 1 : 0;
    }
    double lbAb = LogBeta.value(a, b);
    double logNb =
        LogGamma.value(r + x)
            - LogGamma.value(r)
            - LogGamma.value(x + 1.0)
            + r * Math.log(alpha / (alpha + t))
            + x * Math.log(t / (alpha + t));
    double p = Math.exp(LogBeta.value(a, b + x + 1) - lbAb + logNb);
    double tail = x == 0 ? 1 : RegularizedBeta.value(t / (alpha + t), x, r);
    return p + Math.exp(LogBeta.value(a + 1, b + x) - lbAb) * tail;
  }

  /**
   * Returns {@code P(Y(t) = k | x, t_x, T)}, the probability that a customer with this history
   * makes exactly {@code k} purchases in the next {@code t} time units. As for {@link
   * BgNbdModel#probabilityOfPurchases(int, double, int, double, double)}, with the alive customer's
   * drop-out posterior {@code Beta(a, b+x+1)}: with {@code q = (alpha+T)/(alpha+T+t)}, {@code N ~
   * NegBin(r+x, q)} and {@code D = B(a+1, b+x) ((alpha+T)/(alpha+t_x))^(r+x)},
   *
   * <pre>{@code
   * P(Y = k) = ( B(a, b+x+1+k) P(N = k) + [k>0] B(a+1, b+x+k) P(N >= k) + [k=0] D )
   *            / ( B(a, b+x+1) + D )
   * }</pre>
   *
   * The probabilities sum to 1 over {@code k}; their mean is {@link #conditionalExpectedPurchases}.
   *
   * @throws IllegalArgumentException if {@code k < 0}, {@code t} is negative, or the history is
   *     invalid
   */
  public double probabilityOfPurchases(int k, double t, int x, double tx, double age) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0, got " + k);
    }
    BgNbdModel.checkTime(t);
    RepeatPurchaseData.check(0, x, tx, age);
    double rx = r + x;
    double aT = alpha + age;
    double logD = LogBeta.value(a + 1, b + x) + rx * Math.log1p((age - tx) / (alpha + tx));
    double logDen = BgNbdModel.logSumExp(LogBeta.value(a, b + x + 1), logD);
    double logPmf =
        t == 0
            ? (k == 0 ? 0 : Double.NEGATIVE_INFINITY)
            : LogGamma.value(rx + k)
                - LogGamma.value(rx)
                - LogGamma.value(k + 1.0)
                + rx * Math.log(aT / (aT + t))
                + k * Math.log(t / (aT + t));
    double num = LogBeta.value(a, b + x + 1 + k) + logPmf;
    if (k > 0 && t > 0) {
      double surv = RegularizedBeta.value(t / (aT + t), k, rx);
      if (surv > 0) {
        num = BgNbdModel.logSumExp(num, LogBeta.value(a + 1, b + x + k) + Math.log(surv));
      }
    }
    if (k == 0) {
      num = BgNbdModel.logSumExp(num, logD);
    }
    return Math.exp(num - logDen);
  }

  /**
   * Returns the equal-tailed prediction interval of the customer's realized purchases in the next
   * {@code t} time units, from {@link #probabilityOfPurchases(int, double, int, double, double)}
   * (the definition of {@link BgNbdModel#predictionInterval}); the estimate is {@link
   * #conditionalExpectedPurchases}. Coverage is at least {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} is not in (0, 1), {@code t} is negative, or
   *     the history is invalid
   */
  public IntervalEstimate predictionInterval(double level, double t, int x, double tx, double age) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double mean = conditionalExpectedPurchases(t, x, tx, age);
    double cdf = 0;
    int lower = -1;
    for (int k = 0; k < 1_000_000; k++) {
      cdf += probabilityOfPurchases(k, t, x, tx, age);
      if (lower < 0 && cdf > (1 - level) / 2) {
        lower = k;
      }
      if (cdf >= (1 + level) / 2 - 1e-12) {
        return new IntervalEstimate(mean, lower, k, level);
      }
    }
    throw new ArithmeticException("prediction interval needs more than 1e6 purchase counts");
  }

  /**
   * Returns synthetic customers drawn from this model, one per entry of {@code ages}: {@code lambda
   * ~ Gamma(r, rate alpha)}, {@code p ~ Beta(a, b)}; the customer may drop out at time 0 and after
   * each repeat purchase. Deterministic for a seed (Hipparchus' Well19937c).
   *
   * @throws IllegalArgumentException if an age is not positive and finite
   */
  public RepeatPurchaseData simulate(double[] ages, long seed) {
    RandomDataGenerator rng = new RandomDataGenerator(seed);
    int n = ages.length;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      double age = ages[i];
      if (!(age > 0) || !Double.isFinite(age)) {
        throw new IllegalArgumentException(
            "age of customer " + i + " must be positive and finite, got " + age);
      }
      double lambda = rng.nextGamma(r, 1 / alpha);
      double p = rng.nextBeta(a, b);
      double now = 0;
      int count = 0;
      double last = 0;
      while (!(rng.nextUniform(0, 1) < p)) {
        now += rng.nextExponential(1 / lambda);
        if (now > age) {
          break;
        }
        count++;
        last = now;
      }
      x[i] = count;
      tx[i] = last;
      t[i] = age;
    }
    return RepeatPurchaseData.wrap(x, tx, t);
  }
}
