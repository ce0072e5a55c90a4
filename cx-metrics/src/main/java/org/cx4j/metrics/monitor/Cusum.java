package org.cx4j.metrics.monitor;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The two-sided tabular CUSUM (Page 1954; Montgomery, <i>Introduction to Statistical Quality
 * Control</i>, 7th ed., sec. 9.1.2) on standardised observations {@code z = (x - mu0) / sigma}:
 * {@code C+_i = max(0, z_i - k + C+_{i-1})}, {@code C-_i = max(0, -z_i - k + C-_{i-1})}, {@code
 * C+_0 = C-_0 = 0}; the chart signals when {@code C+ > h} (up) or {@code C- > h} (down). {@code k}
 * is usually half the shift to detect in standard deviations (0.5 for a 1 sigma shift).
 *
 * <p><b>Choosing h.</b> {@link #forArl} solves {@code ARL0(k, h) = target} for {@code h} with
 * Brent's method on Siegmund's approximation (Siegmund 1985, <i>Sequential Analysis</i>; Montgomery
 * eq. 9.20): a one-sided ARL {@code (exp(-2 D b) + 2 D b - 1) / (2 D²)} with {@code D = delta - k}
 * (upper side; {@code -delta - k} lower) and {@code b = h + 1.166}, combined as {@code 1/ARL =
 * 1/ARL+ + 1/ARL-}. For {@code k = 0.5} it gives 169 at {@code h = 4} and 469 at {@code h = 5},
 * against Montgomery's Table 9.3 values 168 and 465 (which the tests reproduce by simulation), so
 * the h it picks is within about 0.01 of the exact one.
 *
 * <p>Not thread-safe.
 */
public final class Cusum implements ControlChart {

  private final double k;
  private final double h;
  private final double mean;
  private final double sigma;
  private double upper;
  private double lower;
  private long run;

  /**
   * Returns a chart with reference value {@code k} and decision interval {@code h} (both in
   * standard deviations) on observations with in-control mean {@code mean} and standard deviation
   * {@code sigma}.
   *
   * @throws IllegalArgumentException if {@code k < 0}, {@code h <= 0}, {@code sigma <= 0} or a
   *     parameter is not finite
   */
  public Cusum(double k, double h, double mean, double sigma) {
    if (!(k >= 0 && Double.isFinite(k))) {
      throw new IllegalArgumentException("k must be finite and non-negative, got " + k);
    }
    if (!(h > 0 && Double.isFinite(h))) {
      throw new IllegalArgumentException("h must be finite and positive, got " + h);
    }
    if (!(sigma > 0 && Double.isFinite(sigma)) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "need a finite mean and a finite positive sigma, got " + mean + " and " + sigma);
    }
    this.k = k;
    this.h = h;
    this.mean = mean;
    this.sigma = sigma;
  }

  /** Returns a chart on observations already standardised (mean 0, standard deviation 1). */
  public static Cusum standardized(double k, double h) {
    return new Cusum(k, h, 0, 1);
  }

  /**
   * Returns a standardised chart with reference value {@code k} whose {@code h} gives an in-control
   * average run length of {@code arl0} by Siegmund's approximation ({@link #hForArl}).
   *
   * @throws IllegalArgumentException as {@link #hForArl}
   */
  public static Cusum forArl(double k, double arl0) {
    return standardized(k, hForArl(k, arl0));
  }

  /**
   * Returns the {@code h} at which Siegmund's approximate two-sided in-control ARL equals {@code
   * arl0}, by Brent's method on {@code h} in (0, 50].
   *
   * @throws IllegalArgumentException if {@code k} is outside [0.05, 3] or {@code arl0} is outside
   *     [2, 10^9]
   */
  public static double hForArl(double k, double arl0) {
    if (!(k >= 0.05 && k <= 3)) {
      throw new IllegalArgumentException("k must be in [0.05, 3], got " + k);
    }
    if (!(arl0 >= 2 && arl0 <= 1e9)) {
      throw new IllegalArgumentException("arl0 must be in [2, 1e9], got " + arl0);
    }
    // ARL0 increases with h; at h -> 0 it is about 1 for k below ~1.5, so the bracket starts low.
    double lo = 1e-6;
    if (siegmundArl(k, lo, 0) > arl0) {
      throw new IllegalArgumentException(
          "arl0 " + arl0 + " is below what any h > 0 gives for k = " + k);
    }
    return new BrentSolver(1e-9).solve(200, h -> Math.log(siegmundArl(k, h, 0) / arl0), lo, 50);
  }

  /**
   * Returns Siegmund's approximation to the two-sided ARL at a shift of {@code delta} standard
   * deviations (see the class comment).
   */
  public static double siegmundArl(double k, double h, double delta) {
    return 1 / (1 / oneSided(delta - k, h) + 1 / oneSided(-delta - k, h));
  }

  private static double oneSided(double d, double h) {
    double b = h + 1.166;
    if (Math.abs(d) < 1e-9) {
      return b * b;
    }
    return (Math.exp(-2 * d * b) + 2 * d * b - 1) / (2 * d * d);
  }

  /** Returns {@code k}. */
  public double k() {
    return k;
  }

  /** Returns {@code h}. */
  public double h() {
    return h;
  }

  /** Returns the upper cumulative sum {@code C+}. */
  public double upper() {
    return upper;
  }

  /** Returns the lower cumulative sum {@code C-}. */
  public double lower() {
    return lower;
  }

  @Override
  public Signal add(double x) {
    ControlChart.checkObservation(x);
    double z = (x - mean) / sigma;
    upper = Math.max(0, z - k + upper);
    lower = Math.max(0, -z - k + lower);
    run++;
    Signal s = upper > h ? Signal.UP : lower > h ? Signal.DOWN : Signal.NONE;
    if (s != Signal.NONE) {
      reset();
    }
    return s;
  }

  @Override
  public void reset() {
    upper = 0;
    lower = 0;
    run = 0;
  }

  @Override
  public long runLength() {
    return run;
  }

  @Override
  public String toString() {
    return "Cusum[k=" + k + ", h=" + h + ", C+=" + upper + ", C-=" + lower + "]";
  }
}
