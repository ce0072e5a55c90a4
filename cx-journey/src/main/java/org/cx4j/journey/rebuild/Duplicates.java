package org.cx4j.journey.rebuild;

/**
 * What the journey rebuild does with duplicate events: same customer, same touchpoint, same
 * timestamp (to the millisecond).
 */
public enum Duplicates {
  /** Keep every event. */
  KEEP,
  /**
   * Keep the first event in arrival order and drop the later ones; the kept event takes the first
   * outcome among the duplicates when it has none itself.
   */
  COLLAPSE
}
