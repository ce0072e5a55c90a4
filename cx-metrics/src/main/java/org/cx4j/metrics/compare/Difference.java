package org.cx4j.metrics.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.impl.Stats;

/**
 * The difference {@code a - b} between two independent estimates (this month vs last, segment A vs
 * B), with its standard error, confidence interval, test statistic and two-sided p-value.
 *
 * @param metric what is compared, e.g. {@code "nps"}, {@code "share"}, {@code "mean"}
 * @param estimate {@code a - b}
 * @param standardError the standard error of the difference
 * @param interval the confidence interval of the difference, clipped to the possible range
 * @param statistic the test statistic (z or t) for "no difference"
 * @param pValue the two-sided p-value of the test, in [0, 1]
 * @param degreesOfFreedom the Welch degrees of freedom for a t test, or {@code null} for z tests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(
    String metric,
    double estimate,
    double standardError,
    Interval interval,
    double statistic,
    double pValue,
    Double degreesOfFreedom) {

  /**
   * Validates the difference.
   *
   * @throws IllegalArgumentException if the p-value is outside [0, 1] or a number is NaN
   */
  public Difference {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(interval, "interval");
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
    }
    if (Double.isNaN(estimate) || Double.isNaN(standardError) || Double.isNaN(statistic)) {
      throw new IllegalArgumentException("difference numbers must not be NaN");
    }
  }

  /** Returns whether the p-value is below {@code 1 - level}, i.e. the interval excludes 0. */
  @JsonIgnore
  public boolean isSignificant() {
    return pValue < 1 - interval.level();
  }

  @Override
  public String toString() {
    return metric
        + " difference "
        + Stats.fmt(estimate)
        + ", se "
        + Stats.fmt(standardError)
        + ", "
        + interval
        + ", "
        + (degreesOfFreedom == null ? "z " : "t(" + Stats.fmt(degreesOfFreedom) + ") ")
        + Stats.fmt(statistic)
        + ", p "
        + Stats.fmt(pValue);
  }
}
