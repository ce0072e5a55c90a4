package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which event of a unit's best attempt a breakdown property is read from: the first step's event,
 * the event of the furthest step reached, or a chosen step's event (units that did not reach that
 * step fall in the group {@value #NOT_REACHED}).
 *
 * @param anchor which step the attribution reads
 * @param step the chosen step index (0-based) when {@code anchor} is {@link Anchor#CHOSEN_STEP},
 *     empty otherwise
 */
public record Attribution(Anchor anchor, OptionalInt step) {

  /** The group of units that did not reach the attributed step. */
  public static final String NOT_REACHED = "(not reached)";

  /** Attribute at the first step. */
  public static final Attribution FIRST_STEP =
      new Attribution(Anchor.FIRST_STEP, OptionalInt.empty());

  /** Attribute at the furthest step the unit reached. */
  public static final Attribution LAST_STEP =
      new Attribution(Anchor.LAST_STEP_REACHED, OptionalInt.empty());

  /** Which step of the best attempt an attribution reads. */
  public enum Anchor {
    /** The first step. */
    FIRST_STEP,
    /** The furthest step the unit reached. */
    LAST_STEP_REACHED,
    /** A chosen step, given by {@link Attribution#step()}. */
    CHOSEN_STEP
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code step} is present for another anchor than {@code
   *     CHOSEN_STEP}, absent for {@code CHOSEN_STEP}, or negative
   * @throws NullPointerException if an argument is null
   */
  public Attribution {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(step, "step");
    checkArgument(
        step.isPresent() == (anchor == Anchor.CHOSEN_STEP),
        "attribution step must be given exactly for CHOSEN_STEP, got %s with step %s",
        anchor,
        step);
    checkArgument(step.orElse(0) >= 0, "attribution step must be >= 0, got %s", step);
  }

  /**
   * Returns the attribution at step {@code step} (0-based).
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public static Attribution atStep(int step) {
    checkArgument(step >= 0, "attribution step must be >= 0, got %s", step);
    return new Attribution(Anchor.CHOSEN_STEP, OptionalInt.of(step));
  }

  /** Returns the step this attribution reads for a unit whose furthest step is {@code furthest}. */
  int stepFor(int furthest) {
    return switch (anchor) {
      case FIRST_STEP -> 0;
      case LAST_STEP_REACHED -> furthest;
      case CHOSEN_STEP -> step.getAsInt();
    };
  }

  @Override
  public String toString() {
    return switch (anchor) {
      case FIRST_STEP -> "first step";
      case LAST_STEP_REACHED -> "last step reached";
      case CHOSEN_STEP -> "step " + step.getAsInt();
    };
  }
}
