package org.cx4j.metrics.survival;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The median survival time of a Kaplan-Meier curve and its confidence interval, read where the
 * curve and its band cross 0.5 (R's {@code print.survfit}; Brookmeyer and Crowley 1982). See {@link
 * KaplanMeier#median(ConfidenceType, double)} for the rule.
 *
 * @param estimate the median, or empty when the curve never falls to 0.5 (for example every
 *     customer censored)
 * @param lower the lower limit, or empty when the lower band never falls to 0.5 (R's NA)
 * @param upper the upper limit, or empty when the upper band never falls to 0.5 (R's NA)
 * @param type the band the interval was read from
 * @param level the confidence level
 */
public record MedianSurvival(
    OptionalDouble estimate,
    OptionalDouble lower,
    OptionalDouble upper,
    ConfidenceType type,
    double level) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   */
  public MedianSurvival {
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(type, "type");
  }

  String toShortString() {
    return String.format(
        Locale.ROOT,
        "%s (%s%% %s CI %s..%s)",
        show(estimate),
        KaplanMeier.fmt(level * 100),
        type.rName(),
        show(lower),
        show(upper));
  }

  private static String show(OptionalDouble x) {
    return x.isPresent() ? KaplanMeier.fmt(x.getAsDouble()) : "NA";
  }

  @Override
  public String toString() {
    return "MedianSurvival[" + toShortString() + "]";
  }
}
