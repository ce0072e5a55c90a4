package org.cx4j.metrics.retention;

/**
 * The calendar period customers are grouped by: day, ISO week (Monday to Sunday) or month, each
 * taken in an explicit {@link java.time.ZoneId}.
 */
public enum PeriodUnit {
  /** A calendar day, midnight to midnight in the zone (23 or 25 hours on a DST change). */
  DAY,
  /** An ISO-8601 week: starts Monday 00:00 in the zone. */
  ISO_WEEK,
  /** A calendar month: starts on the 1st at 00:00 in the zone. */
  MONTH
}
