package org.cx4j.metrics.clv;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Maximum-likelihood estimates of a model's positive parameters with their standard errors from the
 * observed information, and the diagnostics of the fit.
 *
 * <p>The fitters work on the log-parameters {@code phi = ln theta}, so every estimate is positive.
 * The covariance of {@code phi} is the inverse of the observed information {@code -H}, the negative
 * Hessian of the total log-likelihood in {@code phi} at the maximum. The natural-scale covariance
 * follows by the delta method: {@code Cov(theta_i, theta_j) = theta_i theta_j Cov(phi_i, phi_j)},
 * so {@code se(theta_i) = theta_i se(phi_i)}. Confidence intervals are built on the log scale,
 * {@code exp(phi_i +- z se(phi_i))}, which keeps them positive (Wald intervals for {@code phi}):
 * the default. {@link IntervalScale#NATURAL} gives the symmetric {@code theta_i +- z se(theta_i)}
 * that Python lifetimes reports, for comparison.
 *
 * <p>Immutable. When the observed information is not positive definite (a flat or boundary maximum)
 * the standard errors are NaN and {@link #standardErrorsAvailable()} is false; the estimates
 * themselves are still a converged maximum.
 */
public final class ParameterEstimates {

  private final String model;
  private final List<String> names;
  private final double[] estimates;
  private final double[][] logCovariance;
  private final double logLikelihood;
  private final int customers;
  private final int iterations;
  private final int evaluations;
  private final double[] gradient;
  private final String optimizer;

  ParameterEstimates(
      String model,
      List<String> names,
      double[] estimates,
      double[][] logCovariance,
      double logLikelihood,
      int customers,
      int iterations,
      int evaluations,
      double[] gradient,
      String optimizer) {
    this.model = model;
    this.names = List.copyOf(names);
    this.estimates = estimates.clone();
    this.logCovariance = deepCopy(logCovariance);
    this.logLikelihood = logLikelihood;
    this.customers = customers;
    this.iterations = iterations;
    this.evaluations = evaluations;
    this.gradient = gradient.clone();
    this.optimizer = optimizer;
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Returns the model name, for example {@code "BG/NBD"}. */
  public String model() {
    return model;
  }

  /** Returns the parameter names in order, for example {@code [r, alpha, a, b]}. */
  public List<String> names() {
    return names;
  }

  /** Returns a copy of the estimates in the order of {@link #names()}. */
  public double[] estimates() {
    return estimates.clone();
  }

  /**
   * Returns the estimate of the named parameter.
   *
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public double estimate(String name) {
    return estimates[index(name)];
  }

  /**
   * Returns the standard error of the named parameter, {@code theta se(ln theta)}; NaN when the
   * observed information is not positive definite.
   *
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public double standardError(String name) {
    int i = index(name);
    return estimates[i] * Math.sqrt(logCovariance[i][i]);
  }

  /** Returns whether the observed information was positive definite (standard errors exist). */
  public boolean standardErrorsAvailable() {
    return !Double.isNaN(logCovariance[0][0]);
  }

  /** On which scale a parameter's Wald interval is built. */
  public enum IntervalScale {
    /**
     * {@code exp(ln θ ± z se(ln θ))}: positive, asymmetric; the default of {@link
     * #confidenceInterval(String, double)}.
     */
    LOG,
    /**
     * {@code θ ± z se(θ)} with the delta-method {@code se(θ) = θ se(ln θ)}: symmetric, may go below
     * 0; the interval Python lifetimes reports ({@code summary}'s lower and upper 95% bounds).
     */
    NATURAL
  }

  /**
   * Returns the Wald confidence interval of the named parameter on {@code scale}: {@link
   * IntervalScale#LOG} is {@link #confidenceInterval(String, double)}; {@link
   * IntervalScale#NATURAL} is {@code θ ± z_{(1+level)/2} se(θ)}, to compare with lifetimes.
   *
   * @throws IllegalArgumentException if there is no such parameter or {@code level} is not in (0,
   *     1)
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate confidenceInterval(String name, double level, IntervalScale scale) {
    if (scale == IntervalScale.LOG) {
      return confidenceInterval(name, level);
    }
    double z = normalQuantile(level);
    int i = index(name);
    if (!standardErrorsAvailable()) {
      throw new IllegalStateException("standard errors of the " + model + " fit are not available");
    }
    double se = standardError(name);
    return new IntervalEstimate(estimates[i], estimates[i] - z * se, estimates[i] + z * se, level);
  }

  /**
   * Returns the Wald confidence interval of the named parameter built on the log scale (the
   * default; see {@link IntervalScale}), {@code exp(ln theta +- z_{(1+level)/2} se(ln theta))}.
   *
   * @throws IllegalArgumentException if there is no such parameter or {@code level} is not in (0,
   *     1)
   * @throws IllegalStateException if standard errors are not available
   */
  public IntervalEstimate confidenceInterval(String name, double level) {
    double z = normalQuantile(level);
    int i = index(name);
    if (!standardErrorsAvailable()) {
      throw new IllegalStateException("standard errors of the " + model + " fit are not available");
    }
    double se = Math.sqrt(logCovariance[i][i]);
    double phi = Math.log(estimates[i]);
    return new IntervalEstimate(
        estimates[i], Math.exp(phi - z * se), Math.exp(phi + z * se), level);
  }

  /** Returns the covariance matrix of the estimates on the natural scale (delta method). */
  public double[][] covariance() {
    int k = estimates.length;
    double[][] c = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i][j] = estimates[i] * estimates[j] * logCovariance[i][j];
      }
    }
    return c;
  }

  /** Returns the covariance matrix of the log-parameters, the inverse observed information. */
  public double[][] logParameterCovariance() {
    return deepCopy(logCovariance);
  }

  double[][] logCovarianceUnsafe() {
    return logCovariance;
  }

  /** Returns the maximised total log-likelihood. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** Returns the number of customers the model was fitted on. */
  public int customers() {
    return customers;
  }

  /**
   * Returns the optimiser iterations used (global search plus Newton refinement; BOBYQA reports no
   * iterations of its own, see {@link #evaluations()}).
   */
  public int iterations() {
    return iterations;
  }

  /** Returns the log-likelihood evaluations used. */
  public int evaluations() {
    return evaluations;
  }

  /**
   * Returns the gradient of the total log-likelihood with respect to the log-parameters at the
   * estimates; near zero at a converged maximum.
   */
  public double[] gradient() {
    return gradient.clone();
  }

  /** Returns the name of the optimiser that found the maximum. */
  public String optimizer() {
    return optimizer;
  }

  private int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "parameter must be one of " + names + " for " + model + ", got '" + name + "'");
    }
    return i;
  }

  static double normalQuantile(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    return NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(model).append(" fit on ").append(customers).append(" customers: ");
    for (int i = 0; i < estimates.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names.get(i))
          .append(" = ")
          .append(String.format(Locale.ROOT, "%.4g", estimates[i]));
      if (standardErrorsAvailable()) {
        sb.append(String.format(Locale.ROOT, " (se %.3g)", standardError(names.get(i))));
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "; LL = %.4f, %d iterations, %d evaluations, |gradient| = %.2g",
            logLikelihood,
            iterations,
            evaluations,
            MaximumLikelihood.maxAbs(gradient)));
    return sb.toString();
  }
}
