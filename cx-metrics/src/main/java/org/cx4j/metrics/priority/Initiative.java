package org.cx4j.metrics.priority;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * Something a CX team could improve (a touchpoint, a driver, a project), with its expected impact
 * and the effort it takes.
 *
 * <p>Impact and effort are in the user's units, compared only with other initiatives of the same
 * matrix: impact might be a driver's share of R-squared, a pain-point score or an attribution
 * share; effort person-weeks or t-shirt sizes as numbers.
 *
 * @param name the initiative's name
 * @param impact the expected impact; finite and non-negative
 * @param effort the effort; finite and positive
 */
public record Initiative(String name, double impact, double effort) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the name is blank, impact is negative or not finite, or
   *     effort is not positive and finite
   */
  public Initiative {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "initiative name must not be blank");
    checkArgument(
        Double.isFinite(impact) && impact >= 0,
        "impact of '%s' must be finite and >= 0, got %s",
        name,
        impact);
    checkArgument(
        Double.isFinite(effort) && effort > 0,
        "effort of '%s' must be finite and > 0, got %s",
        name,
        effort);
  }

  /** Returns {@code impact / effort}, the ranking key within a quadrant. */
  public double impactPerEffort() {
    return impact / effort;
  }
}
