package org.cx4j.core.feedback;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A bounded integer rating scale {@code min..max}, both inclusive, such as 0..10 for NPS or 1..5
 * for CSAT.
 *
 * <p>At most {@value #MAX_POINTS} points, so that a score distribution is a small array.
 *
 * @param min the lowest score
 * @param max the highest score; greater than {@code min}
 */
public record Scale(int min, int max) {

  /** The most points a scale may have. */
  public static final int MAX_POINTS = 101;

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if {@code min >= max} or the scale has more than {@value
   *     #MAX_POINTS} points
   */
  public Scale {
    checkArgument(min < max, "scale min (%s) must be less than max (%s)", min, max);
    checkArgument(
        (long) max - min + 1 <= MAX_POINTS,
        "scale %s..%s has %s points; at most %s are supported",
        min,
        max,
        (long) max - min + 1,
        MAX_POINTS);
  }

  /** Returns the scale {@code min..max}. */
  public static Scale of(int min, int max) {
    return new Scale(min, max);
  }

  /** Returns the number of points, {@code max - min + 1}. */
  public int points() {
    return max - min + 1;
  }

  /** Returns whether {@code score} lies on this scale. */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }
}
