package org.cx4j.metrics.priority;

/**
 * The four cells of an effort-impact matrix, in the order a team usually works through them. "High"
 * impact means at or above the impact threshold; "high" effort means above the effort threshold.
 */
public enum Quadrant {
  /** High impact, low effort: do these first. */
  QUICK_WIN,
  /** High impact, high effort: plan and fund them. */
  MAJOR_PROJECT,
  /** Low impact, low effort: do them when there is slack. */
  FILL_IN,
  /** Low impact, high effort: avoid. */
  THANKLESS_TASK
}
