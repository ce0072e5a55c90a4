package org.cx4j.metrics.weighting;

import java.util.Locale;
import java.util.Map;

/**
 * The raked weights and the diagnostics of a {@link Raking}: the margins achieved, the sweeps made,
 * the largest remaining margin error, how many weights sit at the trimming cap, and Kish's design
 * effect and effective sample size before (base weights) and after raking:
 *
 * <pre>{@code
 * deff = n Σw² / (Σw)² = 1 + cv²(w)        n_eff = (Σw)² / Σw² = n / deff
 * }</pre>
 *
 * (Kish 1965, section 11.7): the variance inflation from unequal weights alone. The weights sum to
 * the margins' total; pass them to the weighted estimators (for example {@code
 * NetPromoterScore.of(scores, weights)}), whose intervals use {@code n_eff}.
 *
 * <p>Immutable; the accessors return copies of arrays.
 */
public final class RakingResult {

  private final double[] weights;
  private final double[] baseWeights;
  private final Map<String, Map<String, Double>> achieved;
  private final Map<String, Map<String, Double>> targets;
  private final int iterations;
  private final double maxRelativeError;
  private final double trimMultiplier;
  private final double cap;
  private final int atCap;

  RakingResult(
      double[] weights,
      double[] baseWeights,
      Map<String, Map<String, Double>> achieved,
      Map<String, Map<String, Double>> targets,
      int iterations,
      double maxRelativeError,
      double trimMultiplier,
      double cap,
      int atCap) {
    this.weights = weights.clone();
    this.baseWeights = baseWeights.clone();
    this.achieved = achieved;
    this.targets = targets;
    this.iterations = iterations;
    this.maxRelativeError = maxRelativeError;
    this.trimMultiplier = trimMultiplier;
    this.cap = cap;
    this.atCap = atCap;
  }

  /** Returns a copy of the raked weights, in the order of the responses. */
  public double[] weights() {
    return weights.clone();
  }

  /** Returns a copy of the base weights raking started from. */
  public double[] baseWeights() {
    return baseWeights.clone();
  }

  /** Returns the number of responses. */
  public int size() {
    return weights.length;
  }

  /** Returns the weighted total of every category of every variable, in the margins' order. */
  public Map<String, Map<String, Double>> achievedMargins() {
    return achieved;
  }

  /** Returns the target margins. */
  public Map<String, Map<String, Double>> targetMargins() {
    return targets;
  }

  /** Returns the number of sweeps (one pass over every variable) made. */
  public int iterations() {
    return iterations;
  }

  /** Returns the largest margin error left, relative to the total (at most the tolerance). */
  public double maxRelativeError() {
    return maxRelativeError;
  }

  /**
   * Returns the trimming cap on a weight ({@code multiplier * total / n}); infinite when weights
   * were not trimmed.
   */
  public double cap() {
    return cap;
  }

  /** Returns the trimming multiplier; infinite when weights were not trimmed. */
  public double trimMultiplier() {
    return trimMultiplier;
  }

  /** Returns how many weights were at the cap in the last sweep (0 without trimming). */
  public int weightsAtCap() {
    return atCap;
  }

  /** Returns Kish's design effect of the base weights, {@code n Σw² / (Σw)²}: 1 if all equal. */
  public double designEffectBefore() {
    return designEffect(baseWeights);
  }

  /** Returns Kish's design effect of the raked weights, {@code n Σw² / (Σw)²}. */
  public double designEffectAfter() {
    return designEffect(weights);
  }

  /** Returns Kish's effective sample size of the base weights, {@code (Σw)² / Σw²}. */
  public double effectiveSampleSizeBefore() {
    return weights.length / designEffect(baseWeights);
  }

  /** Returns Kish's effective sample size of the raked weights, {@code (Σw)² / Σw²}. */
  public double effectiveSampleSizeAfter() {
    return weights.length / designEffect(weights);
  }

  /** Kish's deff from the mean and the coefficient of variation; scale-free. */
  static double designEffect(double[] w) {
    // Welford: the mean and the sum of squared deviations in one stable pass.
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < w.length; i++) {
      double d = w[i] - mean;
      mean += d / (i + 1);
      m2 += d * (w[i] - mean);
    }
    double cv2 = m2 / w.length / (mean * mean);
    return 1 + cv2;
  }

  private static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Raked %d responses in %d sweeps (max margin error %.2g of the total)",
                weights.length,
                iterations,
                maxRelativeError));
    if (trimMultiplier < Double.POSITIVE_INFINITY) {
      sb.append(
          String.format(
              Locale.ROOT,
              ", trimmed at %.4g x mean = %.6g (%d at the cap)",
              trimMultiplier,
              cap,
              atCap));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "; Kish deff %.4f -> %.4f, n_eff %.1f -> %.1f",
            designEffectBefore(),
            designEffectAfter(),
            effectiveSampleSizeBefore(),
            effectiveSampleSizeAfter()));
    achieved.forEach(
        (v, m) -> {
          sb.append("\n  ").append(v).append(':');
          m.forEach(
              (c, a) ->
                  sb.append(' ')
                      .append(c)
                      .append(' ')
                      .append(fmt(a))
                      .append(" (target ")
                      .append(fmt(targets.get(v).get(c)))
                      .append(')'));
        });
    return sb.toString();
  }
}
