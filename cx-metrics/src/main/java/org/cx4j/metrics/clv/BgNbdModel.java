package org.cx4j.metrics.clv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.hipparchus.random.RandomDataGenerator;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "'Counting your customers' the
 * easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284).
 *
 * <p>While active, a customer buys as a Poisson process with rate {@code lambda ~ Gamma(r, alpha)}
 * (shape {@code r}, rate {@code alpha}); after every repeat purchase the customer drops out with
 * probability {@code p ~ Beta(a, b)}. Parameters: {@code r, alpha, a, b > 0}; {@code alpha} is in
 * the time unit of the data.
 *
 * <p>Individual likelihood (FHL 2005, eq. 6), evaluated in log space:
 *
 * <pre>{@code
 * L = B(a, b+x)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   + [x > 0] B(a+1, b+x-1)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * }</pre>
 *
 * as {@code ln L = lnGamma(r+x) - lnGamma(r) + r ln alpha + lnB(a, b+x) - lnB(a, b) +
 * logsumexp(-(r+x) ln(alpha+T), [x>0](ln a - ln(b+x-1) - (r+x) ln(alpha+t_x)))}, so customers with
 * hundreds of purchases or long ages neither overflow nor underflow (the "#NUM!" problem of Fader
 * and Hardie's 2013 note). The log-gamma and digamma terms depend on {@code x} only and are
 * computed once per distinct frequency per evaluation.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel extends NbdMixtureModel {

  private BgNbdModel(double r, double alpha, double a, double b) {
    super(r, alpha, a, b);
  }

  @Override
  String modelName() {
    return "BG/NBD";
  }

  @Override
  double likelihoodPass(RepeatPurchaseData data, double[] gradient) {
    return logLikelihood(data, r, alpha, a, b, gradient);
  }

  static double positive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
    return v;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BgNbdModel of(double r, double alpha, double a, double b) {
    return new BgNbdModel(r, alpha, a, b);
  }

  /**
   * Fits the model by maximum likelihood over the log-parameters (see {@code MaximumLikelihood}:
   * conjugate gradient with the analytic gradient, then Newton refinement), with standard errors
   * from the observed information.
   *
   * @throws IllegalArgumentException if {@code data} is empty or every customer has {@code x = 0}
   *     (then {@code a} and {@code b} are not identified and the likelihood has no interior
   *     maximum)
   * @throws FitFailedException if the optimiser does not converge
   */
  public static PurchaseModelFit<BgNbdModel> fit(RepeatPurchaseData data) {
    requireFittable("BG/NBD", data);
    return maximize(data);
  }

  /**
   * Fits the model to counted histories: row {@code i} of {@code rows} stands for {@code counts[i]}
   * customers with that {@code (x, t_x, T)}, and the log-likelihood maximized is the weighted sum
   * {@code Σ counts[i] ln L(x_i, t_x_i, T_i)}. This is the likelihood of {@link
   * #fit(RepeatPurchaseData)} on the data with each row repeated {@code counts[i]} times, so the
   * estimates and standard errors are those of that fit (to rounding: the sums run in another
   * order); a customer base of hundreds of millions fits from its histogram of distinct histories,
   * whose size is bounded by the distinct {@code (x, t_x, T)}, not the customers. {@link
   * ParameterEstimates#customers()} is the sum of the counts. Rows with count 0 are ignored.
   *
   * @throws IllegalArgumentException if the lengths differ, a count is negative, the counts sum to
   *     0 or to more than {@code Integer.MAX_VALUE}, or every counted customer has {@code x = 0}
   * @throws FitFailedException if the optimiser does not converge
   */
  public static PurchaseModelFit<BgNbdModel> fit(RepeatPurchaseData rows, long[] counts) {
    if (counts.length != rows.size()) {
      throw new IllegalArgumentException(
          "counts must have one entry per row of the data ("
              + rows.size()
              + "), got "
              + counts.length);
    }
    long total = 0;
    int kept = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "count of row " + i + " must be at least 0, got " + counts[i]);
      }
      total += counts[i];
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "counts must sum to at most " + Integer.MAX_VALUE + " customers, got more by row " + i);
      }
      kept += counts[i] > 0 ? 1 : 0;
    }
    int[] x = new int[kept];
    double[] tx = new double[kept];
    double[] t = new double[kept];
    long[] c = new long[kept];
    for (int i = 0, k = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        x[k] = rows.x[i];
        tx[k] = rows.tx[i];
        t[k] = rows.t[i];
        c[k++] = counts[i];
      }
    }
    RepeatPurchaseData data = RepeatPurchaseData.wrapCounts(RepeatPurchaseData.wrap(x, tx, t), c);
    requireFittable("BG/NBD", data);
    return maximize(data);
  }

  private static PurchaseModelFit<BgNbdModel> maximize(RepeatPurchaseData data) {
    double meanT = data.meanAge();
    double[] start = {0, Math.log(Math.max(meanT, 1e-6)), 0, 0};
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
        MaximumLikelihood.maximize("BG/NBD", NAMES, objective, start, (int) data.customers);
    double[] p = est.estimates();
    return new PurchaseModelFit<>(of(p[0], p[1], p[2], p[3]), est);
  }

  static void requireFittable(String model, RepeatPurchaseData data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(model + " needs at least 1 customer, got 0");
    }
    if (data.zeroRepeaters() == data.size()) {
      throw new IllegalArgumentException(
          model
              + " cannot be fitted when all "
              + data.size()
              + " customers have frequency x = 0: the drop-out parameters are not identified");
    }
  }

  /**
   * Returns the total log-likelihood of {@code data} at the given parameters, and, when {@code
   * gradient} is not null, writes into it the gradient with respect to the log-parameters {@code
   * (ln r, ln alpha, ln a, ln b)}. One primitive pass over the customers; the log-gamma and digamma
   * terms are computed once per distinct frequency. Counted rows ({@link
   * RepeatPurchaseData#wrapCounts}) add their terms times their counts.
   *
   * <p>The gradient in the natural parameters, with {@code w} the posterior weight of the "dropped
   * out after the last purchase" term:
   *
   * <pre>{@code
   * dL/dr     = psi(r+x) - psi(r) + ln alpha - (1-w) ln(alpha+T) - w ln(alpha+t_x)
   * dL/dalpha = r/alpha - (r+x) ((1-w)/(alpha+T) + w/(alpha+t_x))
   * dL/da     = psi(a+b) - psi(a+b+x) + w/a
   * dL/db     = psi(a+b) + psi(b+x) - psi(b) - psi(a+b+x) - w/(b+x-1)
   * }</pre>
   *
   * @return the log-likelihood; NaN only for invalid parameters
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
    double[] invB1 = g ? new double[m] : null;
    double lgR = LogGamma.value(r);
    double lgB = LogGamma.value(b);
    double lgAb = LogGamma.value(a + b);
    double lnA = Math.log(a);
    double psiR = g ? Digamma.value(r) : 0;
    double psiB = g ? Digamma.value(b) : 0;
    double psiAb = g ? Digamma.value(a + b) : 0;
    for (int j = 0; j < m; j++) {
      int x = distinct[j];
      constant[j] =
          LogGamma.value(r + x)
              - lgR
              + lgAb
              + LogGamma.value(b + x)
              - lgB
              - LogGamma.value(a + b + x);
      logDrop[j] = x > 0 ? lnA - Math.log(b + x - 1) : 0;
      if (g) {
        double psiAbx = Digamma.value(a + b + x);
        dR[j] = Digamma.value(r + x) - psiR;
        dA[j] = psiAb - psiAbx;
        dB[j] = psiAb + Digamma.value(b + x) - psiB - psiAbx;
        invB1[j] = x > 0 ? 1 / (b + x - 1) : 0;
      }
    }
    double n = d.customers;
    double[] zeroCount = d.zeroCount;
    double[] repCount = d.repCount;
    double sum = 0;
    double gr = 0;
    double gAlpha = 0;
    double ga = 0;
    double gb = 0;
    // Customers with x = 0: ln L = r ln alpha - r ln(alpha + T); one log each.
    double[] zeroAge = d.zeroAge;
    double sumLogZero = 0;
    double sumInvZero = 0;
    for (int i = 0; i < zeroAge.length; i++) {
      double aT = alpha + zeroAge[i];
      double c = zeroCount == null ? 1 : zeroCount[i];
      sumLogZero += c * Math.log(aT);
      if (g) {
        sumInvZero += c / aT;
      }
    }
    sum -= r * sumLogZero;
    gr -= sumLogZero;
    gAlpha -= r * sumInvZero;
    int[] xs = d.repX;
    int[] idx = d.repIndex;
    double[] ts = d.repAge;
    double[] txs = d.repTx;
    for (int i = 0; i < xs.length; i++) {
      int j = idx[i];
      double rx = r + xs[i];
      double aT = alpha + ts[i];
      double aTx = alpha + txs[i];
      double lT = Math.log(aT);
      double lTx = Math.log(aTx);
      double alive = -rx * lT;
      double dropped = logDrop[j] - rx * lTx;
      // log(e^alive + e^dropped) = max + log(1 + e^(min - max)), written without a data-dependent
      // branch; e is in (0, 1], where Math.log(1 + e) is accurate to an ulp of the result and,
      // unlike Math.log1p, an intrinsic. e also gives the posterior weight w of "dropped out".
      double diff = dropped - alive;
      double e = Math.exp(-Math.abs(diff));
      double ll = (diff > 0 ? dropped : alive) + Math.log(1 + e);
      double c = repCount == null ? 1 : repCount[i];
      sum += c * (constant[j] + ll);
      if (g) {
        double inv = 1 / (1 + e);
        double w = diff > 0 ? inv : e * inv;
        double w1 = 1 - w;
        gr += c * (dR[j] - w1 * lT - w * lTx);
        gAlpha -= c * rx * (w1 / aT + w / aTx);
        ga += c * (dA[j] + w / a);
        gb += c * (dB[j] - w * invB1[j]);
      }
    }
    double lnAlpha = Math.log(alpha);
    sum += n * r * lnAlpha;
    if (g) {
      // x = 0 customers contribute psi terms of zero, already skipped in the loop.
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
  public BgNbdModel withParameters(double[] p) {
    four(p);
    return of(p[0], p[1], p[2], p[3]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>FHL 2005 eq. 9: {@code E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1;
   * t/(alpha+t))]}; 0 at {@code t = 0}. Needs {@code a + b > 1} (always so for published fits).
   * Near {@code a = 1} (within {@link #A_NEAR_ONE}) the removable singularity is evaluated without
   * cancellation by {@link #bracket}'s series, whose {@code a = 1} value is the analytic limit.
   *
   * @throws ArithmeticException if {@code a + b <= 1}
   */
  @Override
  public double expectedPurchases(double t) {
    checkTime(t);
    if (t == 0) {
      return 0;
    }
    requireAb(0);
    return bracket(a, r, b, alpha, t);
  }

  /**
   * Within this distance of 1, {@code a} is handled by the series of {@link #bracket} instead of
   * the closed form divided by {@code a - 1} (whose cancellation would cost {@code eps / |a - 1|}
   * of relative accuracy).
   */
  static final double A_NEAR_ONE = 1e-2;

  /**
   * Returns {@code B = (c / (a-1)) [1 - q^rr 2F1(rr, bb; c; 1-q)]} with {@code c = a + bb - 1} and
   * {@code q = s / (s + t)}: FHL 2005 eq. 9 ({@code rr = r, bb = b, s = alpha}) and the bracket of
   * eq. 10 ({@code rr = r+x, bb = b+x, s = alpha+T}).
   *
   * <p>Near {@code a = 1}: Euler's transformation (A&S 15.3.3) gives {@code q^rr 2F1(rr, bb; c; z)
   * = q^(a-1) 2F1(c-rr, a-1; c; z)}, and {@code (a-1)_n = (a-1) (a)_(n-1)}, so with {@code S =
   * Σ_{n>=1} (c-rr)_n (a)_(n-1) / ((c)_n n!) z^n}:
   *
   * <pre>{@code B = c [ -expm1((a-1) ln q) / (a-1) - q^(a-1) S ]}</pre>
   *
   * which has no singularity; at {@code a = 1} the first term is its limit {@code -ln q}. The
   * series has positive terms after at most {@code |c - rr|} sign changes and converges for {@code
   * z < 1}.
   */
  static double bracket(double a, double rr, double bb, double s, double t) {
    double c = a + bb - 1;
    double logQ = Math.log(s / (s + t));
    if (Math.abs(a - 1) >= A_NEAR_ONE) {
      double logTerm = rr * logQ + Hypergeometric.log2F1(rr, bb, c, t / (s + t));
      return c / (a - 1) * -Math.expm1(logTerm);
    }
    double am1 = a - 1;
    double first = am1 == 0 ? -logQ : -Math.expm1(am1 * logQ) / am1;
    return c * (first - Math.exp(am1 * logQ) * nearOneSeries(c - rr, a, c, t / (s + t)));
  }

  /** {@code S = Σ_{n>=1} (u)_n (a)_(n-1) / ((c)_n n!) z^n}, summed with Neumaier compensation. */
  static double nearOneSeries(double u, double a, double c, double z) {
    if (!(z < Hypergeometric.MAX_Z)) {
      throw new IllegalArgumentException(
          "the series needs z below " + Hypergeometric.MAX_Z + ", got " + z);
    }
    double term = u / c * z; // n = 1: (u)_1 (a)_0 / ((c)_1 1!) z
    double sum = term;
    double comp = 0;
    long maxTerms = (long) Math.min(1e10, (200 + Math.abs(u) * a / c) / (1 - z) * 4 + 1000);
    for (long n = 1; n < maxTerms; n++) {
      double ratio = (u + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      double t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
      // Past the sign changes (n > -u), the ratio tends to z from below or above; stop when the
      // geometric bound of the tail is negligible.
      double rho = Math.max(Math.abs(ratio), z);
      if (n > -u && rho < 1 && Math.abs(term) * rho / (1 - rho) <= 1e-17 * Math.abs(sum + comp)) {
        return sum + comp;
      }
      if (term == 0) {
        return sum + comp;
      }
    }
    throw new ArithmeticException(
        "the BG/NBD series near a = 1 did not converge in " + maxTerms + " terms");
  }

  private void requireAb(int x) {
    if (!(a + b + x - 1 > 0)) {
      throw new ArithmeticException(
          "BG/NBD expectations need a + b + x > 1, got a=" + a + ", b=" + b + ", x=" + x);
    }
  }

  static void checkTime(double t) {
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be finite and at least 0, got " + t);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>FHL 2005 eq. 11 in log form: {@code P(alive) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/
   * (alpha+t_x))^(r+x))}; 1 when {@code x = 0} (the model lets customers drop out only after a
   * repeat purchase).
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    RepeatPurchaseData.check(0, x, tx, age);
    if (x == 0) {
      return 1;
    }
    double logOdds =
        Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@inheritDoc}
   *
   * <p>FHL 2005 eq. 10:
   *
   * <pre>{@code
   * E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
   *                        2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] * P(alive | x, t_x, T)
   * }</pre>
   *
   * with the power and 2F1 combined in log space (the series is scaled, so {@code x} in the
   * hundreds is fine). Near {@code a = 1} the same non-recursive series as {@link
   * #expectedPurchases} replaces the division by {@code a - 1}.
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    checkTime(t);
    RepeatPurchaseData.check(0, x, tx, age);
    if (t == 0) {
      return 0;
    }
    requireAb(x);
    return bracket(a, r + x, b + x, alpha + age, t) * probabilityAlive(x, tx, age);
  }

  /**
   * Returns {@code P(Y(t) = k | x, t_x, T)}, the probability that a customer with this history
   * makes exactly {@code k} purchases in the next {@code t} time units.
   *
   * <p>Derived by integrating FHL 2005 eq. 3 for the future window against the posterior of {@code
   * (lambda, p)} and of being alive at {@code T}. With {@code q = (alpha+T)/(alpha+T+t)}, {@code N
   * ~ NegBin(r+x, q)} (failures before the {@code (r+x)}-th success) and {@code D = [x>0] B(a+1,
   * b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)}:
   *
   * <pre>{@code
   * P(Y = k) = ( B(a, b+x+k) P(N = k) + [k>0] B(a+1, b+x+k-1) P(N >= k) + [k=0] D )
   *            / ( B(a, b+x) + D )
   * }</pre>
   *
   * where {@code P(N >= k) = I_{1-q}(k, r+x)} (regularized incomplete beta, Commons Numbers). The
   * probabilities sum to 1 over {@code k} and their mean is {@link #conditionalExpectedPurchases}.
   *
   * @throws IllegalArgumentException if {@code k < 0}, {@code t} is negative, or the history is
   *     invalid
   */
  public double probabilityOfPurchases(int k, double t, int x, double tx, double age) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0, got " + k);
    }
    checkTime(t);
    RepeatPurchaseData.check(0, x, tx, age);
    double rx = r + x;
    double aT = alpha + age;
    double logQ = Math.log(aT / (aT + t));
    double log1mQ = Math.log(t / (aT + t));
    double logD =
        x > 0
            ? LogBeta.value(a + 1, b + x - 1) + rx * Math.log1p((age - tx) / (alpha + tx))
            : Double.NEGATIVE_INFINITY;
    double logDen = logSumExp(LogBeta.value(a, b + x), logD);
    double logPmf =
        t == 0
            ? (k == 0 ? 0 : Double.NEGATIVE_INFINITY)
            : LogGamma.value(rx + k)
                - LogGamma.value(rx)
                - LogGamma.value(k + 1.0)
                + rx * logQ
                + k * log1mQ;
    double num = LogBeta.value(a, b + x + k) + logPmf;
    if (k > 0 && t > 0) {
      double surv = RegularizedBeta.value(t / (aT + t), k, rx);
      if (surv > 0) {
        num = logSumExp(num, LogBeta.value(a + 1, b + x + k - 1) + Math.log(surv));
      }
    }
    if (k == 0) {
      num = logSumExp(num, logD);
    }
    return Math.exp(num - logDen);
  }

  /**
   * Returns the unconditional probability {@code P(X(t) = x)} that a randomly chosen customer makes
   * exactly {@code x} repeat purchases in {@code (0, t]} after the first (FHL 2005 eq. 8;
   * lifetimes' {@code probability_of_n_purchases_up_to_time}):
   *
   * <pre>{@code
   * P(X(t) = x) = B(a, b+x)/B(a, b) Γ(r+x)/(Γ(r) x!) (α/(α+t))^r (t/(α+t))^x
   *             + [x > 0] B(a+1, b+x-1)/B(a, b) [1 - (α/(α+t))^r Σ_{j<x} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
   * }</pre>
   *
   * where the bracket is the negative-binomial tail {@code I_{t/(α+t)}(x, r)} (regularized
   * incomplete beta, Commons Numbers), evaluated in log space. 1 for {@code x = 0} at {@code t =
   * 0}. For the probability given a customer's history, see {@link #probabilityOfPurchases(int,
   * double, int, double, double)}.
   *
   * @throws IllegalArgumentException if {@code x < 0} or {@code t} is negative or not finite
   */
  public double probabilityOfPurchases(int x, double t) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be at least 0, got " + x);
    }
    checkTime(t);
    if (t == 0) {
      return x == 0 ? 1 : 0;
    }
    double logBetaAb = LogBeta.value(a, b);
    double logQ = Math.log(alpha / (alpha + t));
    double logZ = Math.log(t / (alpha + t));
    double first =
        LogBeta.value(a, b + x)
            - logBetaAb
            + LogGamma.value(r + x)
            - LogGamma.value(r)
            - LogGamma.value(x + 1.0)
            + r * logQ
            + x * logZ;
    double p = Math.exp(first);
    if (x > 0) {
      double tail = RegularizedBeta.value(t / (alpha + t), x, r);
      p += Math.exp(LogBeta.value(a + 1, b + x - 1) - logBetaAb) * tail;
    }
    return p;
  }

  /**
   * Returns the equal-tailed prediction interval of the customer's realized purchases in the next
   * {@code t} time units: the smallest {@code lower} with {@code P(Y <= lower) > (1-level)/2} and
   * the smallest {@code upper} with {@code P(Y <= upper) >= (1+level)/2}, from {@link
   * #probabilityOfPurchases}; the estimate is {@link #conditionalExpectedPurchases}. Coverage is at
   * least {@code level} (the distribution is discrete).
   *
   * @throws IllegalArgumentException if {@code level} is not in (0, 1), {@code t} is negative, or
   *     the history is invalid
   */
  public IntervalEstimate predictionInterval(double level, double t, int x, double tx, double age) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double mean = conditionalExpectedPurchases(t, x, tx, age);
    double lowTail = (1 - level) / 2;
    double highTail = (1 + level) / 2;
    double cdf = 0;
    int lower = -1;
    for (int k = 0; k < 1_000_000; k++) {
      cdf += probabilityOfPurchases(k, t, x, tx, age);
      if (lower < 0 && cdf > lowTail) {
        lower = k;
      }
      if (cdf >= highTail - 1e-12) {
        return new IntervalEstimate(mean, lower, k, level);
      }
    }
    throw new ArithmeticException("prediction interval needs more than 1e6 purchase counts");
  }

  static double logSumExp(double u, double v) {
    if (u == Double.NEGATIVE_INFINITY) {
      return v;
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    return Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /**
   * Returns synthetic customers drawn from this model, one per entry of {@code ages} ({@code T},
   * each positive): each customer's {@code lambda ~ Gamma(r, rate alpha)} and {@code p ~ Beta(a,
   * b)} are drawn, purchases follow a Poisson process from time 0 (the first purchase) and after
   * each repeat purchase the customer drops out with probability {@code p} (FHL 2005, section 3).
   * Deterministic for a given {@code seed} (Hipparchus' Well19937c generator); useful for
   * parametric bootstraps and benchmarks.
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
      while (true) {
        now += rng.nextExponential(1 / lambda);
        if (now > age) {
          break;
        }
        count++;
        last = now;
        if (rng.nextUniform(0, 1) < p) {
          break;
        }
      }
      x[i] = count;
      tx[i] = last;
      t[i] = age;
    }
    return RepeatPurchaseData.wrap(x, tx, t);
  }

  /**
   * Returns a parametric-bootstrap percentile interval of any prediction of a fitted BG/NBD model:
   * {@code replicates} data sets are simulated from {@code fit}'s model with the ages {@code T} of
   * {@code data}, the model is refitted on each, and the interval is the empirical {@code
   * (1-level)/2} and {@code (1+level)/2} quantiles of the refitted predictions (the point estimate
   * is the prediction of {@code fit}). Deterministic for a given {@code seed}; replicates whose
   * refit fails are skipped and counted against {@code replicates}. The alternative to {@link
   * PurchaseModelFit#interval}'s delta method when the sample is small.
   *
   * @throws IllegalArgumentException if {@code replicates < 10}, {@code level} is not in (0, 1), or
   *     {@code data} is empty
   * @throws ArithmeticException if fewer than half the refits succeed
   */
  public static IntervalEstimate bootstrapInterval(
      PurchaseModelFit<BgNbdModel> fit,
      RepeatPurchaseData data,
      java.util.function.ToDoubleFunction<PurchaseModel> prediction,
      int replicates,
      long seed,
      double level) {
    if (replicates < 10) {
      throw new IllegalArgumentException("replicates must be at least 10, got " + replicates);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("data must hold at least 1 customer, got 0");
    }
    double[] ages = data.age();
    double[] values = new double[replicates];
    int ok = 0;
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
    for (int b = 0; b < replicates; b++) {
      RepeatPurchaseData sim = fit.model().simulate(ages, seeds.nextLong());
      try {
        values[ok] = prediction.applyAsDouble(fit(sim).model());
        ok++;
      } catch (FitFailedException | IllegalArgumentException e) {
        // A degenerate replicate (for example no repeat buyer): skipped, as documented.
      }
    }
    if (ok < replicates / 2) {
      throw new ArithmeticException(
          "only " + ok + " of " + replicates + " bootstrap refits succeeded");
    }
    double[] v = java.util.Arrays.copyOf(values, ok);
    java.util.Arrays.sort(v);
    double lo = v[(int) Math.floor((1 - level) / 2 * (ok - 1))];
    double hi = v[(int) Math.ceil((1 + level) / 2 * (ok - 1))];
    double estimate = prediction.applyAsDouble(fit.model());
    return new IntervalEstimate(estimate, Math.min(lo, estimate), Math.max(hi, estimate), level);
  }
}
