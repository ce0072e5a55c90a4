package org.cx4j.metrics.retention;

/**
 * Which customers of a cohort count as retained in the {@code k}-th period after the cohort's first
 * one (period {@code k = 0} is the cohort's own period, where every kind counts the whole cohort).
 */
public enum RetentionKind {
  /** Active exactly in period {@code k} ("classic", "N-day" or "bracket" retention). */
  CLASSIC,
  /** Active in period {@code k} or any later period ("rolling", "unbounded" retention). */
  ROLLING,
  /**
   * Active in at least one of the periods {@code 1 .. k}: the cumulative share of the cohort that
   * has come back by period {@code k} (non-decreasing in {@code k}).
   */
  CUMULATIVE
}
