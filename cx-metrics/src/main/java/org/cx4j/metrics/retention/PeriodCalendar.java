package org.cx4j.metrics.retention;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Consecutive periods of one unit in one zone covering an interval of instants; maps an instant to
 * the index of its period in O(1) (a guess from the nominal period length, corrected against the
 * exact boundaries, which absorbs DST changes and months of different lengths).
 */
final class PeriodCalendar {

  /** Upper bound on the number of periods, so that a bad timestamp (year 9999) fails fast. */
  static final int MAX_PERIODS = 1_000_000;

  private final PeriodUnit unit;
  private final ZoneId zone;
  private final LocalDate[] starts;

  /** boundaries[i] = first millisecond of period i; boundaries[count] = end of the last. */
  private final long[] boundaries;

  private final long nominal;

  private PeriodCalendar(PeriodUnit unit, ZoneId zone, LocalDate[] starts, long[] boundaries) {
    this.unit = unit;
    this.zone = zone;
    this.starts = starts;
    this.boundaries = boundaries;
    this.nominal =
        switch (unit) {
          case DAY -> 86_400_000L;
          case ISO_WEEK -> 7 * 86_400_000L;
          case MONTH -> 2_629_746_000L; // 365.2425 / 12 days
        };
  }

  /**
   * Returns the calendar from the period holding {@code minMilli} to the one holding {@code
   * maxMilli}.
   */
  static PeriodCalendar covering(PeriodUnit unit, ZoneId zone, long minMilli, long maxMilli) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(zone, "zone");
    LocalDate first = periodStart(unit, Instant.ofEpochMilli(minMilli).atZone(zone).toLocalDate());
    LocalDate last = periodStart(unit, Instant.ofEpochMilli(maxMilli).atZone(zone).toLocalDate());
    long count =
        switch (unit) {
          case DAY -> last.toEpochDay() - first.toEpochDay() + 1;
          case ISO_WEEK -> (last.toEpochDay() - first.toEpochDay()) / 7 + 1;
          case MONTH ->
              (last.getYear() - first.getYear()) * 12L
                  + last.getMonthValue()
                  - first.getMonthValue()
                  + 1;
        };
    if (count > MAX_PERIODS) {
      throw new IllegalArgumentException(
          "activity spans "
              + count
              + " "
              + unit
              + " periods ("
              + first
              + " .. "
              + last
              + "), more than the limit "
              + MAX_PERIODS);
    }
    int n = (int) count;
    LocalDate[] starts = new LocalDate[n];
    long[] bounds = new long[n + 1];
    LocalDate d = first;
    for (int i = 0; i <= n; i++) {
      if (i < n) {
        starts[i] = d;
      }
      bounds[i] = d.atStartOfDay(zone).toInstant().toEpochMilli();
      d = next(unit, d);
    }
    return new PeriodCalendar(unit, zone, starts, bounds);
  }

  static LocalDate periodStart(PeriodUnit unit, LocalDate date) {
    return switch (unit) {
      case DAY -> date;
      case ISO_WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  private static LocalDate next(PeriodUnit unit, LocalDate d) {
    return switch (unit) {
      case DAY -> d.plusDays(1);
      case ISO_WEEK -> d.plusWeeks(1);
      case MONTH -> d.plusMonths(1);
    };
  }

  PeriodUnit unit() {
    return unit;
  }

  ZoneId zone() {
    return zone;
  }

  int count() {
    return starts.length;
  }

  LocalDate start(int index) {
    return starts[index];
  }

  /** Returns the index of the period holding {@code t}, which must lie within the calendar. */
  int index(long t) {
    long[] b = boundaries;
    int last = starts.length - 1;
    long g = Math.floorDiv(t - b[0], nominal);
    int i = g < 0 ? 0 : g > last ? last : (int) g;
    while (t < b[i]) {
      i--;
    }
    while (t >= b[i + 1]) {
      i++;
    }
    return i;
  }
}
