package org.cx4j.metrics.clv;

import java.util.List;
import java.util.Locale;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", Journal of Marketing Research 42(4), 415-430; Fader
 * and Hardie 2013, "The Gamma-Gamma model of monetary value").
 *
 * <p>A customer's transaction values are {@code Gamma(p, nu)} with the customer's rate {@code nu ~
 * Gamma(q, gamma)}; the mean {@code zbar} of {@code x} transactions then has the density
 *
 * <pre>{@code
 * f(zbar | p, q, gamma, x) = Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px)
 *                            / (gamma + x zbar)^(px+q)
 * }</pre>
 *
 * which is the likelihood maximised over the customers with at least one repeat purchase ({@code x
 * >= 1}, {@code zbar} the mean of the repeat transactions). The model assumes that spend is
 * independent of frequency; {@link GammaGammaFit#frequencySpendCorrelation()} reports the check.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {

  private static final List<String> NAMES = List.of("p", "q", "gamma");

  private final double p;
  private final double q;
  private final double gamma;

  private GammaGammaModel(double p, double q, double gamma) {
    this.p = BgNbdModel.positive("p", p);
    this.q = BgNbdModel.positive("q", q);
    this.gamma = BgNbdModel.positive("gamma", gamma);
  }

  /**
   * Returns the model with the given parameters.
   *
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static GammaGammaModel of(double p, double q, double gamma) {
    return new GammaGammaModel(p, q, gamma);
  }

  /**
   * Fits the model by maximum likelihood on the customers with {@code frequency >= 1} (others are
   * skipped), over log-parameters with the analytic gradient.
   *
   * @param frequency {@code x}, repeat purchases per customer
   * @param monetaryValue {@code zbar}, the mean value of the repeat purchases; positive where
   *     {@code x >= 1}, ignored where {@code x = 0}
   * @throws IllegalArgumentException if the lengths differ, a frequency is negative, a monetary
   *     value of a repeat customer is not positive and finite (NaN, negative, zero), or fewer than
   *     two customers have {@code x >= 1}
   * @throws FitFailedException if the optimiser does not converge
   */
  public static GammaGammaFit fit(int[] frequency, double[] monetaryValue) {
    return fit(frequency, monetaryValue, i -> "the customer at index " + i);
  }

  /**
   * Returns whether a customer enters the Gamma-Gamma fit and has a spend prediction from its own
   * history: at least one repeat purchase ({@code x >= 1}) and a positive, finite mean repeat spend
   * {@code zbar}. A repeat buyer whose repeat purchases sum to 0 cannot be fitted ({@code ln zbar}
   * is undefined): leave it out of {@link #fit} and of the spend model rather than failing the
   * whole fit.
   */
  public static boolean hasSpendModel(int frequency, double monetaryValue) {
    return frequency >= 1 && monetaryValue > 0 && Double.isFinite(monetaryValue);
  }

  /**
   * Fits the model as {@link #fit(int[], double[])}, naming customers in error messages by {@code
   * customer} (e.g. {@code i -> "customer " + ids.get(i)}) rather than by index.
   *
   * @param customer the words that name the customer at an index, for messages
   * @throws IllegalArgumentException as {@link #fit(int[], double[])}, naming the customer
   * @throws FitFailedException if the optimiser does not converge
   */
  public static GammaGammaFit fit(
      int[] frequency, double[] monetaryValue, java.util.function.IntFunction<String> customer) {
    java.util.Objects.requireNonNull(customer, "customer");
    if (frequency.length != monetaryValue.length) {
      throw new IllegalArgumentException(
          "frequency and monetaryValue must have the same length, got "
              + frequency.length
              + " and "
              + monetaryValue.length);
    }
    int m = 0;
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] < 0) {
        throw new IllegalArgumentException(
            "frequency of " + customer.apply(i) + " must be at least 0, got " + frequency[i]);
      }
      if (frequency[i] > 0) {
        double z = monetaryValue[i];
        if (!(z > 0) || !Double.isFinite(z)) {
          throw new IllegalArgumentException(
              "mean repeat spend of "
                  + customer.apply(i)
                  + " ("
                  + frequency[i]
                  + " repeat purchase"
                  + (frequency[i] == 1 ? "" : "s")
                  + ") must be positive and finite, got "
                  + z
                  + "; leave such customers out of the spend model (see hasSpendModel)");
        }
        m++;
      }
    }
    if (m < 2) {
      throw new IllegalArgumentException(
          "the spend model (Gamma-Gamma) needs at least 2 "
              + "customers with a repeat purchase, got "
              + m);
    }
    double[] xs = new double[m];
    double[] zs = new double[m];
    int k = 0;
    double meanZ = 0;
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] > 0) {
        xs[k] = frequency[i];
        zs[k] = monetaryValue[i];
        meanZ += (zs[k] - meanZ) / (k + 1);
        k++;
      }
    }
    double correlation = pearson(xs, zs);
    // Start at p = 1, q = 2 and gamma matching the mean spend p gamma / (q - 1) = mean(zbar).
    double[] start = {0, Math.log(2), Math.log(meanZ)};
    MaximumLikelihood.Objective objective =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] gradient) {
            return logLikelihood(
                xs, zs, Math.exp(phi[0]), Math.exp(phi[1]), Math.exp(phi[2]), gradient);
          }

          @Override
          public boolean hasGradient() {
            return true;
          }
        };
    ParameterEstimates est = MaximumLikelihood.maximize("Gamma-Gamma", NAMES, objective, start, m);
    double[] e = est.estimates();
    return new GammaGammaFit(of(e[0], e[1], e[2]), est, correlation);
  }

  /** Pearson correlation by the two-pass formula (means first, then centred sums). */
  static double pearson(double[] u, double[] v) {
    int n = u.length;
    double mu = 0;
    double mv = 0;
    for (int i = 0; i < n; i++) {
      mu += (u[i] - mu) / (i + 1);
      mv += (v[i] - mv) / (i + 1);
    }
    double suv = 0;
    double suu = 0;
    double svv = 0;
    for (int i = 0; i < n; i++) {
      double du = u[i] - mu;
      double dv = v[i] - mv;
      suv += du * dv;
      suu += du * du;
      svv += dv * dv;
    }
    return suu == 0 || svv == 0 ? Double.NaN : suv / Math.sqrt(suu * svv);
  }

  /**
   * Returns the total log-likelihood; the gradient, when requested, is in {@code (ln p, ln q, ln
   * gamma)}:
   *
   * <pre>{@code
   * dL/dp     = x (psi(px+q) - psi(px) + ln zbar + ln x - ln(gamma + x zbar))
   * dL/dq     = psi(px+q) - psi(q) + ln gamma - ln(gamma + x zbar)
   * dL/dgamma = q/gamma - (px+q)/(gamma + x zbar)
   * }</pre>
   */
  static double logLikelihood(
      double[] xs, double[] zs, double p, double q, double gamma, double[] gradient) {
    double lgQ = LogGamma.value(q);
    double lnGamma = Math.log(gamma);
    boolean g = gradient != null;
    double psiQ = g ? Digamma.value(q) : 0;
    double sum = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      double z = zs[i];
      double px = p * x;
      double lnZ = Math.log(z);
      double lnX = Math.log(x);
      double lnGxz = Math.log(gamma + x * z);
      sum +=
          LogGamma.value(px + q)
              - LogGamma.value(px)
              - lgQ
              + q * lnGamma
              + (px - 1) * lnZ
              + px * lnX
              - (px + q) * lnGxz;
      if (g) {
        double psiPxq = Digamma.value(px + q);
        gp += x * (psiPxq - Digamma.value(px) + lnZ + lnX - lnGxz);
        gq += psiPxq - psiQ + lnGamma - lnGxz;
        gg += q / gamma - (px + q) / (gamma + x * z);
      }
    }
    if (g) {
      gradient[0] = p * gp;
      gradient[1] = q * gq;
      gradient[2] = gamma * gg;
    }
    return sum;
  }

  /**
   * Returns the total log-likelihood of the customers with {@code x >= 1}.
   *
   * @throws IllegalArgumentException if the lengths differ or a repeat customer's monetary value is
   *     not positive and finite
   */
  public double logLikelihood(int[] frequency, double[] monetaryValue) {
    if (frequency.length != monetaryValue.length) {
      throw new IllegalArgumentException(
          "frequency and monetaryValue must have the same length, got "
              + frequency.length
              + " and "
              + monetaryValue.length);
    }
    double sum = 0;
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] > 0) {
        if (!(monetaryValue[i] > 0) || !Double.isFinite(monetaryValue[i])) {
          throw new IllegalArgumentException(
              "mean repeat spend of the customer at index "
                  + i
                  + " must be positive and finite, got "
                  + monetaryValue[i]);
        }
        sum +=
            logLikelihood(
                new double[] {frequency[i]}, new double[] {monetaryValue[i]}, p, q, gamma, null);
      }
    }
    return sum;
  }

  /** Returns {@code p}, the shape of a transaction's value. */
  public double p() {
    return p;
  }

  /** Returns {@code q}, the shape of the heterogeneity of the rate {@code nu}. */
  public double q() {
    return q;
  }

  /** Returns {@code gamma}, the scale of the heterogeneity of the rate {@code nu}. */
  public double gamma() {
    return gamma;
  }

  /** Returns {@code (p, q, gamma)}. */
  public double[] parameters() {
    return new double[] {p, q, gamma};
  }

  /** Returns {@code [p, q, gamma]}. */
  public List<String> parameterNames() {
    return NAMES;
  }

  /**
   * Returns the same model with other parameters.
   *
   * @throws IllegalArgumentException if there are not 3 positive, finite parameters
   */
  public GammaGammaModel withParameters(double[] params) {
    if (params.length != 3) {
      throw new IllegalArgumentException("Gamma-Gamma needs 3 parameters, got " + params.length);
    }
    return of(params[0], params[1], params[2]);
  }

  /**
   * Returns the expected spend per transaction of a new customer, {@code E[Z] = p gamma / (q - 1)}.
   *
   * @throws ArithmeticException if {@code q <= 1} (the mean is infinite)
   */
  public double expectedSpend() {
    if (!(q > 1)) {
      throw new ArithmeticException("the population mean spend needs q > 1, got q = " + q);
    }
    return p * gamma / (q - 1);
  }

  /**
   * Returns {@code E[Z | x, zbar] = p (gamma + x zbar) / (p x + q - 1)}, the expected value of the
   * customer's future transactions (FHL 2005 JMR, eq. 5): a weighted mean of the population mean
   * {@code p gamma / (q - 1)} and the customer's {@code zbar}, with weight {@code p x / (p x + q -
   * 1)} on {@code zbar}. With {@code x = 0} it is the population mean ({@code zbar} is ignored).
   *
   * @throws IllegalArgumentException if {@code x < 0}, or {@code x > 0} and {@code zbar} is not
   *     positive and finite
   * @throws ArithmeticException if {@code p x + q <= 1}
   */
  public double conditionalExpectedSpend(int x, double zbar) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be at least 0, got " + x);
    }
    if (x > 0 && (!(zbar > 0) || !Double.isFinite(zbar))) {
      throw new IllegalArgumentException(
          "zbar must be positive and finite when x > 0, got " + zbar);
    }
    double den = p * x + q - 1;
    if (!(den > 0)) {
      throw new ArithmeticException("E[Z | x, zbar] needs p x + q > 1, got " + (den + 1));
    }
    return p * (gamma + (x == 0 ? 0 : x * zbar)) / den;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GammaGammaModel m
        && Double.compare(p, m.p) == 0
        && Double.compare(q, m.q) == 0
        && Double.compare(gamma, m.gamma) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(parameters());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Gamma-Gamma[p=%.4g, q=%.4g, gamma=%.4g]", p, q, gamma);
  }
}
