package org.cx4j.journey.funnel;

/** How the events of a funnel attempt must be arranged. */
public enum FunnelMode {
  /** Steps in order; other events may come between them (see {@link Funnel}, rules 3 to 5). */
  ORDERED,
  /**
   * Steps in order with no other event between consecutive matched steps; every choice of step per
   * event is explored. Exclusions are rejected in this mode.
   */
  STRICT,
  /**
   * Steps in any order: step {@code k} is reached when step {@code k} and the required steps before
   * it have all occurred within the conversion window of the attempt's first event (an event counts
   * for every step it matches). Per-step windows and exclusions are rejected in this mode (see
   * {@link Funnel}, rule 7).
   */
  UNORDERED
}
