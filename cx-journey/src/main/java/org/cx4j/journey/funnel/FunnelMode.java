package org.cx4j.journey.funnel;

/** How the events of a funnel attempt must be arranged. */
public enum FunnelMode {
  /** Steps in order; other events may come between them. */
  ORDERED,
  /** Steps in order with no other event between consecutive steps. */
  STRICT,
  /**
   * Steps in any order: step {@code k} is reached when steps {@code 0..k} (the required ones)
   * have all occurred within the conversion window of the attempt's first matching event.
   * Per-step windows and exclusions do not apply in this mode.
   */
  UNORDERED
}
