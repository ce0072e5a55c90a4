package org.cx4j.metrics.survival;

/**
 * The scale on which a pointwise confidence interval of a survival curve is built: the three {@code
 * conf.type}s of R's {@code survfit} (package survival, {@code survfit_confint}).
 *
 * <p>With {@code se} the standard error of the cumulative hazard (Greenwood), {@code S} the
 * Kaplan-Meier estimate and {@code z} the standard normal quantile {@code 1 - (1 - level) / 2}:
 *
 * <ul>
 *   <li>{@link #PLAIN}: {@code S ± z * se * S}, clipped to {@code [0, 1]};
 *   <li>{@link #LOG}: {@code S * exp(± z * se)}, the upper limit clipped to 1; undefined where
 *       {@code S = 0} (R's default);
 *   <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) ∓ z * se / log S))}; undefined where {@code S
 *       = 0} or {@code S = 1} (Kalbfleisch and Prentice 1980; lifelines' default).
 * </ul>
 *
 * <p>Every type is undefined where the standard error is infinite (the last at-risk customer has
 * the event, so {@code S} drops to 0). Klein and Moeschberger (2003), section 4.3, give the three
 * formulas.
 */
public enum ConfidenceType {
  /** Linear interval {@code S ± z·se·S}: R's {@code conf.type = "plain"}. */
  PLAIN("plain"),
  /** Interval on {@code log S}: R's {@code conf.type = "log"}, the default of R's survfit. */
  LOG("log"),
  /** Interval on {@code log(-log S)}: R's {@code conf.type = "log-log"}. */
  LOG_LOG("log-log");

  private final String rName;

  ConfidenceType(String rName) {
    this.rName = rName;
  }

  /** Returns the name R's {@code survfit} uses for this type, e.g. {@code "log-log"}. */
  public String rName() {
    return rName;
  }

  /**
   * Returns false only if the limit on {@code side} (0 lower, 1 upper) is certainly not below
   * {@code exp(logC)}, by comparing on the log scale, which needs fewer transcendental functions
   * than the limit itself; a small slack keeps rounding from ever hiding a real crossing. Used to
   * skip rows quickly when searching where a band crosses 0.5.
   */
  boolean mayBeBelow(double s, double se, double z, int side, double logC) {
    double slack = 1e-9;
    switch (this) {
      case PLAIN:
        return true; // the limit costs no transcendental function anyway
      case LOG:
        {
          // log(S exp(-/+ z se)) = log S -/+ z se
          double ls = Math.log(s);
          return (side == 0 ? ls - z * se : ls + z * se) < logC + slack;
        }
      case LOG_LOG:
        {
          // log(exp(log S * e^(-/+1))) = log S / e or log S * e, e = exp(z se / log S)
          double ls = Math.log(s);
          double e = Math.exp(z * se / ls);
          double logY = side == 0 ? ls / e : ls * e;
          return !(logY >= logC + slack); // NaN (S = 1, undefined) is kept for the exact check
        }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Writes the lower and upper limits at one point, or NaN for both where R reports NA.
   *
   * @param s the survival estimate
   * @param se the standard error of the cumulative hazard
   * @param z the normal quantile
   * @param out receives lower at {@code [0]}, upper at {@code [1]}
   */
  void limits(double s, double se, double z, double[] out) {
    if (Double.isInfinite(se)) {
      out[0] = Double.NaN;
      out[1] = Double.NaN;
      return;
    }
    switch (this) {
      case PLAIN:
        {
          double h = se * s * z;
          out[0] = Math.max(s - h, 0.0);
          out[1] = Math.min(s + h, 1.0);
          return;
        }
      case LOG:
        {
          if (s == 0.0) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
          }
          double e = Math.exp(z * se);
          out[0] = s / e;
          out[1] = Math.min(s * e, 1.0);
          return;
        }
      case LOG_LOG:
        {
          if (s == 0.0 || s == 1.0) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
          }
          // exp(-exp(log(-log S) -/+ h)) = exp(log S * exp(-/+ h)): one log and two exps fewer.
          double ls = Math.log(s);
          double e = Math.exp(z * se / ls);
          out[0] = Math.exp(ls / e);
          out[1] = Math.exp(ls * e);
          return;
        }
      default:
        throw new AssertionError(this);
    }
  }
}
