package org.cx4j.metrics.clv;

import java.util.Arrays;

/**
 * Thrown when a maximum-likelihood fit does not converge or ends at non-finite parameters: cx4j
 * never presents such parameters as a fit. The exception carries what a user needs to diagnose the
 * problem: the iterations used, the last parameters and the last gradient of the log-likelihood
 * with respect to the log-parameters.
 */
public final class FitFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Optimiser iterations spent before giving up. */
  private final int iterations;

  /** The last parameters tried, on the model's natural scale. */
  private final double[] parameters;

  /** The log-likelihood gradient at the last parameters. */
  private final double[] gradient;

  FitFailedException(String message, int iterations, double[] parameters, double[] gradient) {
    super(
        message
            + " (after "
            + iterations
            + " iterations; last parameters "
            + Arrays.toString(parameters)
            + ", last gradient in log-parameters "
            + Arrays.toString(gradient)
            + ")");
    this.iterations = iterations;
    this.parameters = parameters.clone();
    this.gradient = gradient.clone();
  }

  /** Returns the number of optimiser iterations used. */
  public int iterations() {
    return iterations;
  }

  /** Returns the last parameters on the natural scale (may hold NaN or infinity). */
  public double[] parameters() {
    return parameters.clone();
  }

  /** Returns the last gradient of the total log-likelihood with respect to the log-parameters. */
  public double[] gradient() {
    return gradient.clone();
  }
}
