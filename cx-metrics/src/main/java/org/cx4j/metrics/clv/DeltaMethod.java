package org.cx4j.metrics.clv;

import java.util.function.ToDoubleFunction;

/** The delta method on log-parameters, with central-difference gradients. */
final class DeltaMethod {

  private static final double STEP = 1e-5;

  private DeltaMethod() {}

  /**
   * Returns {@code Var(ln g(phi))} approximated by {@code d' Sigma d}, {@code d = grad ln g} by
   * central differences at {@code phi = ln theta}.
   */
  static double logVariance(ToDoubleFunction<double[]> g, double[] theta, double[][] logCov) {
    double[] d = logGradient(g, theta);
    return quadraticForm(d, logCov);
  }

  static double[] logGradient(ToDoubleFunction<double[]> g, double[] theta) {
    int k = theta.length;
    double[] phi = new double[k];
    for (int i = 0; i < k; i++) {
      phi[i] = Math.log(theta[i]);
    }
    double[] d = new double[k];
    for (int i = 0; i < k; i++) {
      double keep = phi[i];
      phi[i] = keep + STEP;
      double up = Math.log(g.applyAsDouble(phi));
      phi[i] = keep - STEP;
      double down = Math.log(g.applyAsDouble(phi));
      phi[i] = keep;
      d[i] = (up - down) / (2 * STEP);
    }
    return d;
  }

  static double quadraticForm(double[] d, double[][] cov) {
    double v = 0;
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        v += d[i] * cov[i][j] * d[j];
      }
    }
    return Math.max(v, 0);
  }
}
