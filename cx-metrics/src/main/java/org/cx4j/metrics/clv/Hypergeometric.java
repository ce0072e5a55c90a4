package org.cx4j.metrics.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for the arguments the BG/NBD and
 * Pareto/NBD models produce: {@code a, b, c > 0} and {@code z < 1}. Commons Numbers has no 2F1, so
 * cx4j owns this special function.
 *
 * <p><b>Method.</b> For {@code 0 <= z < 1} the defining series (Abramowitz and Stegun 15.1.1)
 *
 * <pre>{@code 2F1(a, b; c; z) = sum_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n}</pre>
 *
 * is summed with the term recurrence {@code t_{n+1} = t_n (a+n)(b+n) / ((c+n)(n+1)) z}. With {@code
 * a, b, c > 0} and {@code z >= 0} every term is positive, so there is no cancellation and the
 * relative rounding error of the sum is of the order of the number of terms times the machine
 * epsilon. The ratio of successive terms tends to {@code z}, so the series converges for every
 * {@code z < 1}; the tail after term {@code n} is bounded by {@code t_n rho / (1 - rho)} once the
 * ratio {@code rho} of successive terms has started to fall below 1 and is decreasing or bounded by
 * {@code z}, and summation stops when that bound is below {@code 1e-17} of the sum. For large
 * {@code a} or {@code b} the terms first grow (peaking near {@code n = a b z / (c (1 - z))}), so
 * the sum is carried with a running power-of-two scale (the result is returned as a logarithm) and
 * never overflows, which matters for customers with hundreds of purchases.
 *
 * <p>For {@code z < 0} Pfaff's transformation (Abramowitz and Stegun 15.3.5)
 *
 * <pre>{@code 2F1(a, b; c; z) = (1 - z)^(-b) 2F1(b, c - a; c; z / (z - 1))}</pre>
 *
 * maps the argument into {@code [0, 1)}; where {@code c - a <= 0} the transformed series may
 * alternate, so the other Pfaff form (15.3.4, {@code (1-z)^(-a) 2F1(a, c-b; c; z/(z-1))}) is used
 * when {@code c - b > 0}; if both {@code c - a} and {@code c - b} are non-positive the series of
 * the transformed function is summed with signs (it is then a terminating or well-conditioned
 * series for the parameter ranges of the models).
 *
 * <p>The number of terms is about {@code (40 + a b z / c) / (1 - z)}; {@code z} within {@code 1e-9}
 * of 1 is rejected rather than summed for minutes.
 */
final class Hypergeometric {

  /** Relative truncation target of the series. */
  private static final double TOLERANCE = 1e-17;

  /** The largest z accepted; closer to 1 the series needs more than about 1e10 terms. */
  static final double MAX_Z = 1 - 1e-9;

  private static final double SCALE_UP = 0x1p-600;
  private static final double LOG_SCALE = 600 * Math.log(2);

  private Hypergeometric() {}

  /**
   * Returns {@code ln 2F1(a, b; c; z)}.
   *
   * @throws IllegalArgumentException if {@code a, b, c} are not positive and finite, or {@code z}
   *     is not below {@link #MAX_Z}, or {@code z} is NaN
   */
  static double log2F1(double a, double b, double c, double z) {
    if (!(a > 0 && b > 0 && c > 0) || !Double.isFinite(a + b + c)) {
      throw new IllegalArgumentException(
          "2F1 parameters must be positive and finite, got a=" + a + ", b=" + b + ", c=" + c);
    }
    if (!(z <= MAX_Z)) {
      throw new IllegalArgumentException("2F1 argument z must be below " + MAX_Z + ", got " + z);
    }
    if (z >= 0) {
      return logSeriesPositive(a, b, c, z);
    }
    // Pfaff (A&S 15.3.5 / 15.3.4): maps z < 0 to w = z / (z - 1) in (0, 1).
    double w = z / (z - 1);
    double log1mz = Math.log1p(-z);
    if (c - a > 0) {
      return -b * log1mz + logSeriesPositive(b, c - a, c, w);
    }
    if (c - b > 0) {
      return -a * log1mz + logSeriesPositive(a, c - b, c, w);
    }
    double s = signedSeries(a, c - b, c, w);
    if (!(s > 0)) {
      throw new ArithmeticException(
          "2F1("
              + a
              + ", "
              + b
              + "; "
              + c
              + "; "
              + z
              + ") is not positive; outside the models' range");
    }
    return -a * log1mz + Math.log(s);
  }

  /** Returns {@code 2F1(a, b; c; z)} (may overflow to infinity for large parameters). */
  static double value(double a, double b, double c, double z) {
    return Math.exp(log2F1(a, b, c, z));
  }

  /** The series 15.1.1 for a, b, c > 0 and 0 <= z < 1, all terms positive, returned as a log. */
  private static double logSeriesPositive(double a, double b, double c, double z) {
    if (z == 0) {
      return 0;
    }
    double sum = 1;
    double term = 1;
    double logScale = 0;
    long maxTerms = (long) Math.min(1e10, (100 + a * b * z / c) / (1 - z) * 4 + 1000);
    for (long n = 0; n < maxTerms; n++) {
      double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      sum += term;
      if (sum > 0x1p600) {
        // Rescale so that a series with a huge peak (large a or b) never overflows.
        sum *= SCALE_UP;
        term *= SCALE_UP;
        logScale += LOG_SCALE;
      }
      // Once the term ratio is below 1 and no longer rising, the tail is at most a geometric
      // series with that ratio bounded by max(ratio, z).
      if (ratio < 1) {
        double rho = Math.max(ratio, z);
        if (term * rho / (1 - rho) <= TOLERANCE * sum
            && nextRatioNotAbove(a, b, c, z, n + 1, rho)) {
          return Math.log(sum) + logScale;
        }
      }
    }
    throw new ArithmeticException(
        "2F1("
            + a
            + ", "
            + b
            + "; "
            + c
            + "; "
            + z
            + ") did not converge in "
            + maxTerms
            + " terms");
  }

  /** Checks that the term ratio does not rise above rho again (it is monotone in n for n large). */
  private static boolean nextRatioNotAbove(
      double a, double b, double c, double z, long n, double rho) {
    double next = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
    return next <= rho;
  }

  /** The plain series with signed terms, for the corner where both Pfaff forms alternate. */
  private static double signedSeries(double a, double b, double c, double z) {
    double sum = 1;
    double term = 1;
    for (long n = 0; n < 10_000_000L; n++) {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      sum += term;
      if (term == 0 || Math.abs(term) <= TOLERANCE * Math.abs(sum) && n > Math.abs(a * b / c)) {
        return sum;
      }
    }
    throw new ArithmeticException("2F1 series did not converge");
  }
}
