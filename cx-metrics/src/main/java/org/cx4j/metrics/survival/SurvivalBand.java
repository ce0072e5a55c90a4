package org.cx4j.metrics.survival;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A pointwise confidence band of a Kaplan-Meier curve: a lower and an upper limit at each distinct
 * time of the curve (see {@link ConfidenceType} for the formulas).
 *
 * <p>Where R reports {@code NA} (the {@link ConfidenceType#LOG LOG} type at {@code S = 0}, the
 * {@link ConfidenceType#LOG_LOG LOG_LOG} type at {@code S = 0} or {@code S = 1}, every type once
 * the Greenwood variance is infinite) the limits are undefined: {@link #lower(int)} and {@link
 * #upper(int)} return an empty {@code OptionalDouble} and {@link #isDefined(int)} is false.
 *
 * <p>Immutable.
 */
public final class SurvivalBand {

  private final ConfidenceType type;
  private final double level;
  private final double[] time;
  private final double[] lower;
  private final double[] upper;

  SurvivalBand(ConfidenceType type, double level, double[] time, double[] lower, double[] upper) {
    this.type = type;
    this.level = level;
    this.time = time;
    this.lower = lower;
    this.upper = upper;
  }

  /** Returns the scale the band was built on. */
  public ConfidenceType type() {
    return type;
  }

  /** Returns the confidence level, e.g. 0.95. */
  public double level() {
    return level;
  }

  /** Returns the number of points, {@link KaplanMeier#size()}. */
  public int size() {
    return time.length;
  }

  /** Returns the time of point {@code j}, {@link KaplanMeier#time(int)}. */
  public double time(int j) {
    return time[j];
  }

  /** Returns whether both limits are defined at point {@code j} (R reports numbers, not NA). */
  public boolean isDefined(int j) {
    return !Double.isNaN(lower[j]);
  }

  /** Returns the lower limit at point {@code j}, or empty where R reports NA. */
  public OptionalDouble lower(int j) {
    return isDefined(j) ? OptionalDouble.of(lower[j]) : OptionalDouble.empty();
  }

  /** Returns the upper limit at point {@code j}, or empty where R reports NA. */
  public OptionalDouble upper(int j) {
    return isDefined(j) ? OptionalDouble.of(upper[j]) : OptionalDouble.empty();
  }

  /** The raw lower limits with NaN for NA; internal, not copied. */
  double[] lowerArray() {
    return lower;
  }

  /** The raw upper limits with NaN for NA; internal, not copied. */
  double[] upperArray() {
    return upper;
  }

  static String na(double x) {
    return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%.4f", x);
  }

  @Override
  public String toString() {
    int defined = 0;
    for (double x : lower) {
      if (!Double.isNaN(x)) {
        defined++;
      }
    }
    return String.format(
        Locale.ROOT,
        "SurvivalBand[%s %s%%, %d points, %d defined]",
        type.rName(),
        KaplanMeier.fmt(level * 100),
        time.length,
        defined);
  }
}
