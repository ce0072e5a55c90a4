package org.cx4j.journey.conformance;

/**
 * One kind of departure from a designed journey at one touchpoint.
 *
 * @param kind what happened
 * @param touchpointId where
 */
public record Deviation(Kind kind, String touchpointId) {

  /** The kinds of deviation. */
  public enum Kind {
    /** A required designed step was never visited. */
    SKIPPED,
    /** A designed step was visited after a later designed step (backtracking or reordering). */
    OUT_OF_ORDER,
    /** A touchpoint that is not in the design was visited. */
    UNEXPECTED
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + touchpointId;
  }
}
