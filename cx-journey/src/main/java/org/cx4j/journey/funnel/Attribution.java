package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Which event of a unit's best attempt a breakdown property is read from: the first step's
 * event, the event of the furthest step reached, or a chosen step's event (units that did not
 * reach that step fall in the group {@value #NOT_REACHED}).
 *
 * @param step the chosen step index (0-based), or {@code -1} for the first, {@code -2} for the
 *     last reached
 */
public record Attribution(int step) {

  /** The group of units that did not reach the attributed step. */
  public static final String NOT_REACHED = "(not reached)";

  /** Attribute at the first step. */
  public static final Attribution FIRST_STEP = new Attribution(-1);
  /** Attribute at the furthest step the unit reached. */
  public static final Attribution LAST_STEP = new Attribution(-2);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code step < -2}
   */
  public Attribution {
    checkArgument(step >= -2, "attribution step must be >= 0 (or FIRST_STEP/LAST_STEP), got %s", step);
  }

  /**
   * Returns the attribution at step {@code step} (0-based).
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public static Attribution atStep(int step) {
    checkArgument(step >= 0, "attribution step must be >= 0, got %s", step);
    return new Attribution(step);
  }

  @Override
  public String toString() {
    return step == -1 ? "first step" : step == -2 ? "last step reached" : "step " + step;
  }
}
