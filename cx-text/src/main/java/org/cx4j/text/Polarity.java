package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The decision rule from a compound score to a class, VADER's convention (Hutto &amp; Gilbert 2014,
 * and the reference implementation's documentation): positive when {@code compound >= 0.05},
 * negative when {@code compound <= -0.05}, neutral between.
 *
 * <p>For two-class evaluation (labelled data with positive and negative only) use {@link
 * #twoClassPositive(double)}: positive when {@code compound > 0}, so a comment at exactly 0 counts
 * as negative; report the share of exact zeros beside any two-class accuracy ({@link
 * SentimentSummary#exactZeros()}).
 */
public enum Polarity {
  /** {@code compound >= 0.05}. */
  POSITIVE,
  /** {@code -0.05 < compound < 0.05}. */
  NEUTRAL,
  /** {@code compound <= -0.05}. */
  NEGATIVE;

  /** The threshold of the three-class rule: 0.05. */
  public static final double THRESHOLD = 0.05;

  /**
   * Returns the class of {@code compound} under the three-class rule.
   *
   * @throws IllegalArgumentException if {@code compound} is NaN or outside [-1, 1]
   */
  public static Polarity of(double compound) {
    checkCompound(compound);
    if (compound >= THRESHOLD) {
      return POSITIVE;
    }
    return compound <= -THRESHOLD ? NEGATIVE : NEUTRAL;
  }

  /**
   * Returns whether {@code compound} counts as positive in a two-class evaluation: {@code compound
   * > 0} (exact zeros count as negative).
   *
   * @throws IllegalArgumentException if {@code compound} is NaN or outside [-1, 1]
   */
  public static boolean twoClassPositive(double compound) {
    checkCompound(compound);
    return compound > 0;
  }

  private static void checkCompound(double compound) {
    checkArgument(compound >= -1 && compound <= 1, "compound must be in [-1, 1], got %s", compound);
  }
}
