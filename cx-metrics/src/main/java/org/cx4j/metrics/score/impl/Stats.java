package org.cx4j.metrics.score.impl;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Shared statistical helpers: argument checks, quantiles, p-values, formatting. Internal. */
public final class Stats {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Stats() {}

  /**
   * Returns {@code level} if it lies in the open interval (0, 1).
   *
   * @throws IllegalArgumentException naming the value otherwise (NaN included)
   */
  public static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be in (0, 1), exclusive, got " + level);
    }
    return level;
  }

  /**
   * Returns the two-sided standard normal quantile {@code z = Φ⁻¹(1 - (1 - level) / 2)}, e.g.
   * 1.959963984540054 for 0.95.
   */
  public static double z(double level) {
    checkLevel(level);
    return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }

  /**
   * Returns the two-sided Student t quantile for {@code df > 0} degrees of freedom (may be real).
   */
  public static double t(double level, double df) {
    checkLevel(level);
    return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
  }

  /** Returns the two-sided p-value {@code 2 * (1 - Φ(|z|))} of a standard normal statistic. */
  public static double normalTwoSidedP(double zStat) {
    return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(zStat)));
  }

  /** Returns the two-sided p-value of a Student t statistic with {@code df} degrees of freedom. */
  public static double tTwoSidedP(double tStat, double df) {
    return Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(tStat)));
  }

  /** Returns {@code x} clipped to {@code [lo, hi]}. */
  public static double clip(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /**
   * Returns the weight, if finite and non-negative.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static double checkWeight(double weight) {
    if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("weight must be finite and non-negative, got " + weight);
    }
    return weight;
  }

  /**
   * Returns the count, if non-negative.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static long checkCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be non-negative, got " + count);
    }
    return count;
  }

  /** Formats {@code x} with at most 4 decimals and no trailing zeros, for {@code toString()}. */
  public static String fmt(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    BigDecimal d =
        new BigDecimal(x)
            .round(MathContext.DECIMAL64)
            .setScale(4, java.math.RoundingMode.HALF_EVEN);
    String s = d.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
