package org.cx4j.metrics.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A calendar period for time series. Weeks are ISO-8601 weeks, starting on Monday. */
public enum Period {
  /** A calendar day. */
  DAY,
  /** An ISO-8601 week, Monday to Sunday. */
  WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter (January, April, July, October). */
  QUARTER;

  /** Returns the first day of the period containing {@code date}. */
  public LocalDate start(LocalDate date) {
    switch (this) {
      case DAY:
        return date;
      case WEEK:
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      default:
        return LocalDate.of(date.getYear(), date.getMonth().firstMonthOfQuarter(), 1);
    }
  }

  /** Returns the first day of the period after the one starting on {@code start}. */
  public LocalDate next(LocalDate start) {
    switch (this) {
      case DAY:
        return start.plusDays(1);
      case WEEK:
        return start.plusWeeks(1);
      case MONTH:
        return start.plusMonths(1);
      default:
        return start.plusMonths(3);
    }
  }
}
