package org.cx4j.metrics.monitor;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * The EWMA control chart (Roberts 1959; Lucas and Saccucci 1990, Technometrics 32:1-12) on
 * standardised observations {@code z = (x - mu0) / sigma}: {@code E_i = lambda z_i + (1 - lambda)
 * E_{i-1}}, {@code E_0 = 0}, signalling when {@code |E_i| > L sqrt(lambda / (2 - lambda))}, the
 * asymptotic limits of Lucas and Saccucci's tables.
 *
 * <p><b>Choosing L.</b> {@link #lForArl} solves {@code ARL0(lambda, L) = target} for {@code L} by
 * Brent's method on the Markov-chain ARL of Brook and Evans (1972) as used by Lucas and Saccucci:
 * the in-control region is cut into 2m+1 = 201 states, the transition probabilities come from the
 * normal distribution, and the ARL from state 0 is the solution of {@code (I - Q) a = 1} ({@link
 * #markovArl}). For {@code lambda = 0.1} it gives {@code L = 2.814} at ARL0 = 500, the published
 * pair.
 *
 * <p>Not thread-safe.
 */
public final class Ewma implements ControlChart {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private final double lambda;
  private final double width;
  private final double limit;
  private final double mean;
  private final double sigma;
  private double e;
  private long run;

  /**
   * Returns a chart with smoothing {@code lambda} and limit width {@code width} (L, in standard
   * deviations of the EWMA statistic) on observations with in-control mean {@code mean} and
   * standard deviation {@code sigma}.
   *
   * @throws IllegalArgumentException if {@code lambda} is outside (0, 1], {@code width <= 0},
   *     {@code sigma <= 0} or a parameter is not finite
   */
  public Ewma(double lambda, double width, double mean, double sigma) {
    if (!(lambda > 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
    }
    if (!(width > 0 && Double.isFinite(width))) {
      throw new IllegalArgumentException("L must be finite and positive, got " + width);
    }
    if (!(sigma > 0 && Double.isFinite(sigma)) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "need a finite mean and a finite positive sigma, got " + mean + " and " + sigma);
    }
    this.lambda = lambda;
    this.width = width;
    this.limit = width * Math.sqrt(lambda / (2 - lambda));
    this.mean = mean;
    this.sigma = sigma;
  }

  /** Returns a chart on standardised observations. */
  public static Ewma standardized(double lambda, double width) {
    return new Ewma(lambda, width, 0, 1);
  }

  /**
   * Returns a standardised chart with smoothing {@code lambda} whose L gives an in-control ARL of
   * {@code arl0} ({@link #lForArl}).
   */
  public static Ewma forArl(double lambda, double arl0) {
    return standardized(lambda, lForArl(lambda, arl0));
  }

  /**
   * Returns the L at which the Markov-chain in-control ARL equals {@code arl0}, by Brent's method
   * on L in [0.5, 6].
   *
   * @throws IllegalArgumentException if {@code lambda} is outside [0.01, 1] or {@code arl0} outside
   *     [5, 10^7]
   */
  public static double lForArl(double lambda, double arl0) {
    if (!(lambda >= 0.01 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in [0.01, 1], got " + lambda);
    }
    if (!(arl0 >= 5 && arl0 <= 1e7)) {
      throw new IllegalArgumentException("arl0 must be in [5, 1e7], got " + arl0);
    }
    return new BrentSolver(1e-7).solve(200, l -> Math.log(markovArl(lambda, l, 0) / arl0), 0.5, 6);
  }

  /**
   * Returns the ARL of the chart at a shift of {@code delta} standard deviations, starting from
   * {@code E_0 = 0}, by the Brook-Evans Markov chain with 201 states (see the class comment).
   */
  public static double markovArl(double lambda, double width, double delta) {
    int m = 100;
    int states = 2 * m + 1;
    double c = width * Math.sqrt(lambda / (2 - lambda));
    double w = 2 * c / states;
    double[][] a = new double[states][states];
    for (int j = 0; j < states; j++) {
      double sj = -c + (j + 0.5) * w;
      for (int i = 0; i < states; i++) {
        double si = -c + (i + 0.5) * w;
        // P(E_next in state i | E = s_j) = P(s_i - w/2 < lambda z + (1 - lambda) s_j < s_i + w/2).
        double hi = (si + w / 2 - (1 - lambda) * sj) / lambda - delta;
        double lo = (si - w / 2 - (1 - lambda) * sj) / lambda - delta;
        double p = STANDARD.cumulativeProbability(hi) - STANDARD.cumulativeProbability(lo);
        a[j][i] = (i == j ? 1 : 0) - p;
      }
    }
    RealVector ones = new ArrayRealVector(states, 1.0);
    RealVector arl =
        new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(ones);
    return arl.getEntry(m);
  }

  /** Returns lambda. */
  public double lambda() {
    return lambda;
  }

  /** Returns L, the limit width in standard deviations of the EWMA statistic. */
  public double width() {
    return width;
  }

  /** Returns the EWMA statistic in standard deviations of the observations. */
  public double statistic() {
    return e;
  }

  @Override
  public Signal add(double x) {
    ControlChart.checkObservation(x);
    e = lambda * (x - mean) / sigma + (1 - lambda) * e;
    run++;
    Signal s = e > limit ? Signal.UP : e < -limit ? Signal.DOWN : Signal.NONE;
    if (s != Signal.NONE) {
      reset();
    }
    return s;
  }

  @Override
  public void reset() {
    e = 0;
    run = 0;
  }

  @Override
  public long runLength() {
    return run;
  }

  @Override
  public String toString() {
    return "Ewma[lambda=" + lambda + ", L=" + width + ", E=" + e + "]";
  }
}
