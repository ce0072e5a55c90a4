package org.cx4j.metrics.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.internal.ActivityColumns;

/**
 * Customer lifecycle counts per period (growth accounting): in each period, how many customers are
 *
 * <ul>
 *   <li><b>new</b>: active for the first time;
 *   <li><b>returning</b>: active now and in the previous period;
 *   <li><b>resurrecting</b>: active now, not in the previous period, but at some earlier period;
 *   <li><b>dormant</b>: active in the previous period but not now (lost this period).
 * </ul>
 *
 * <pre>{@code
 * active(p)     = new(p) + returning(p) + resurrecting(p)
 * active(p - 1) = returning(p) + dormant(p)
 * }</pre>
 *
 * <p>Periods run from the one holding the earliest row of the log to the one holding the latest; in
 * period 0 every active customer is new. An empty log has no periods. Cost: as {@link
 * CohortRetention}, no sort. Immutable.
 */
public final class Lifecycle {

  private final PeriodUnit unit;
  private final ZoneId zone;
  private final LocalDate[] starts;
  private final long[] newCount;
  private final long[] returning;
  private final long[] resurrecting;
  private final long[] dormant;

  private Lifecycle(
      PeriodUnit unit,
      ZoneId zone,
      LocalDate[] starts,
      long[] newCount,
      long[] returning,
      long[] resurrecting,
      long[] dormant) {
    this.unit = unit;
    this.zone = zone;
    this.starts = starts;
    this.newCount = newCount;
    this.returning = returning;
    this.resurrecting = resurrecting;
    this.dormant = dormant;
  }

  /**
   * Returns the lifecycle counts of the log's customers per period.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the activity spans more than a million periods
   */
  public static Lifecycle of(ActivityLog log, PeriodUnit unit, ZoneId zone) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(zone, "zone");
    ActivityColumns.View cols = ActivityColumns.of(log);
    int n = cols.customers().length;
    if (n == 0) {
      return new Lifecycle(
          unit, zone, new LocalDate[0], new long[0], new long[0], new long[0], new long[0]);
    }
    long[] when = cols.epochMillis();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : when) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    PeriodCalendar cal = PeriodCalendar.covering(unit, zone, min, max);
    int periods = cal.count();
    long[] nw = new long[periods];
    long[] ret = new long[periods];
    long[] res = new long[periods];
    long[] dor = new long[periods];
    CustomerPeriods.forEach(
        cols.customers(),
        when,
        log.customerCount(),
        cal,
        CohortRetention.BITMAP_LIMIT_BITS,
        (c, ps, count) -> {
          nw[ps[0]]++;
          for (int q = 1; q < count; q++) {
            int p = ps[q];
            int prev = ps[q - 1];
            if (p == prev + 1) {
              ret[p]++;
            } else {
              res[p]++;
              dor[prev + 1]++;
            }
          }
          int lastActive = ps[count - 1];
          if (lastActive + 1 < periods) {
            dor[lastActive + 1]++;
          }
        });
    LocalDate[] starts = new LocalDate[periods];
    for (int p = 0; p < periods; p++) {
      starts[p] = cal.start(p);
    }
    return new Lifecycle(unit, zone, starts, nw, ret, res, dor);
  }

  /** Returns the period unit. */
  public PeriodUnit unit() {
    return unit;
  }

  /** Returns the zone in which periods start. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the number of periods. */
  public int periods() {
    return starts.length;
  }

  /** Returns the first day of period {@code p}. */
  public LocalDate periodStart(int p) {
    check(p);
    return starts[p];
  }

  /** Returns the customers active for the first time in period {@code p}. */
  public long newCustomers(int p) {
    check(p);
    return newCount[p];
  }

  /** Returns the customers active in period {@code p} and in {@code p - 1}. */
  public long returning(int p) {
    check(p);
    return returning[p];
  }

  /** Returns the customers active in {@code p}, not in {@code p - 1}, but before. */
  public long resurrecting(int p) {
    check(p);
    return resurrecting[p];
  }

  /** Returns the customers active in {@code p - 1} but not in {@code p}. */
  public long dormant(int p) {
    check(p);
    return dormant[p];
  }

  /** Returns the customers active in period {@code p}: new + returning + resurrecting. */
  public long active(int p) {
    check(p);
    return newCount[p] + returning[p] + resurrecting[p];
  }

  /**
   * Returns the customer retention rate of period {@code p}: {@code S = active(p - 1)} (0 for
   * {@code p = 0}), {@code E = active(p)}, {@code N = new(p) + resurrecting(p)}, so {@code CRR =
   * returning(p) / active(p - 1)}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p < periods()}
   */
  public CustomerRetentionRate retentionRate(int p) {
    check(p);
    long s = p == 0 ? 0 : active(p - 1);
    return new CustomerRetentionRate(s, active(p), newCount[p] + resurrecting[p]);
  }

  private void check(int p) {
    if (p < 0 || p >= starts.length) {
      throw new IllegalArgumentException("period must be in [0, " + starts.length + "), got " + p);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Lifecycle[" + unit + " in " + zone + ", " + starts.length + " periods");
    int shown = Math.min(starts.length, 6);
    for (int p = 0; p < shown; p++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "; %s new=%d ret=%d res=%d dorm=%d",
              starts[p],
              newCount[p],
              returning[p],
              resurrecting[p],
              dormant[p]));
    }
    return sb.append(starts.length > shown ? "; ...]" : "]").toString();
  }
}
