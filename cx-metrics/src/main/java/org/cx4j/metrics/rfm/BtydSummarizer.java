package org.cx4j.metrics.rfm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collector;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;

/**
 * Turns transactions into per-customer {@link BtydSummary BTYD summaries} (frequency, recency, age,
 * monetary value) over a calibration period, with an optional holdout period.
 *
 * <p><b>Conventions</b> (those of the BTYD R package and of Python lifetimes' {@code
 * summary_data_from_transaction_data} / {@code calibration_and_holdout_data}):
 *
 * <ul>
 *   <li>each transaction is dated in {@link Builder#zone(ZoneId) the zone} (UTC by default) and
 *       mapped to its <em>purchase period</em>: the day by default, or the ISO week (starting
 *       Monday) or the calendar month; all transactions of a customer in one period are one
 *       purchase whose amount is their sum;
 *   <li>the customer's first period is the acquisition, not a repeat purchase; {@code x} counts the
 *       later periods up to and including {@code calibrationEnd};
 *   <li>times are measured between the start dates of the periods, in days divided by the length of
 *       {@link Builder#timeUnit(Duration) the time unit} (a week by default): {@code t_x} is the
 *       time from the first to the last period. {@code T} depends on the period:
 *       <ul>
 *         <li>{@code DAY} (the default, continuous time): from the first day to {@code
 *             calibrationEnd}, which matches the published CDNOW tables ({@code T = 38.86} weeks
 *             for a customer acquired on 1 January 1997);
 *         <li>{@code WEEK} and {@code MONTH} (discrete periods, Python lifetimes' {@code freq='W'}
 *             or {@code 'M'}): from the start of the first period to the start of the period
 *             holding {@code calibrationEnd}, i.e. whole periods ({@code T = 39} weeks for the same
 *             customer: Monday 30 December 1996 to Monday 29 September 1997). The holdout duration
 *             is likewise measured between the starts of the periods holding {@code calibrationEnd}
 *             and {@code holdoutEnd}. With {@code MONTH}, a time between month starts counts {@link
 *             #AVERAGE_MONTH} per month, so that with that time unit {@code t_x} and {@code T} are
 *             whole months as in lifetimes;
 *       </ul>
 *   <li>monetary value is the mean of the repeat purchases only (0 when {@code x = 0}); amounts are
 *       summed with Neumaier compensation, so totals over millions of transactions keep their
 *       cents;
 *   <li>customers whose first purchase is after {@code calibrationEnd} are not in the cohort;
 *       transactions after {@code holdoutEnd} (or after {@code calibrationEnd} without a holdout)
 *       are ignored; holdout purchases are counted by period, the same way.
 * </ul>
 *
 * <p>For CDNOW (Fader, Hardie and Lee 2005): daily periods, weeks as the time unit, calibration end
 * 1997-09-30, which reproduces their {@code x, t_x, T, zbar} for all 2357 customers.
 *
 * <p>Immutable and thread-safe; {@link Accumulator} is the single-threaded streaming form.
 */
public final class BtydSummarizer {

  /**
   * The average Gregorian month, 365.2425 / 12 = 30.436875 days: the length of one month between
   * month starts under {@link PurchasePeriod#MONTH}, and the time unit that makes those times whole
   * months.
   */
  public static final Duration AVERAGE_MONTH = Duration.ofSeconds(2_629_746);

  /** The purchase period within which transactions are merged. */
  public enum PurchasePeriod {
    /** A calendar day (the BTYD convention). */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH;

    LocalDate start(LocalDate date) {
      return switch (this) {
        case DAY -> date;
        case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> date.withDayOfMonth(1);
      };
    }
  }

  private final LocalDate calibrationEnd;
  private final LocalDate holdoutEnd;
  private final ZoneId zone;
  // The zone's offset in seconds when it never changes (UTC, +02:00), else Integer.MIN_VALUE.
  private final int fixedOffsetSeconds;
  private final PurchasePeriod period;
  private final double unitDays;

  private BtydSummarizer(Builder b) {
    this.calibrationEnd = Objects.requireNonNull(b.calibrationEnd, "calibrationEnd");
    this.holdoutEnd = b.holdoutEnd;
    this.zone = b.zone;
    this.fixedOffsetSeconds =
        b.zone.getRules().isFixedOffset()
            ? b.zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds()
            : Integer.MIN_VALUE;
    this.period = b.period;
    this.unitDays = b.timeUnit.toNanos() / 86_400e9;
  }

  /**
   * Returns a builder for the calibration period ending (inclusive) on {@code calibrationEnd}.
   *
   * @throws NullPointerException if {@code calibrationEnd} is null
   */
  public static Builder builder(LocalDate calibrationEnd) {
    return new Builder(Objects.requireNonNull(calibrationEnd, "calibrationEnd"));
  }

  /** Options of a {@link BtydSummarizer}. */
  public static final class Builder {
    private final LocalDate calibrationEnd;
    private LocalDate holdoutEnd;
    private ZoneId zone = ZoneOffset.UTC;
    private PurchasePeriod period = PurchasePeriod.DAY;
    private Duration timeUnit = Duration.ofDays(7);

    private Builder(LocalDate calibrationEnd) {
      this.calibrationEnd = calibrationEnd;
    }

    /**
     * Sets the end (inclusive) of the holdout period that follows calibration.
     *
     * @throws IllegalArgumentException if {@code holdoutEnd} is not after the calibration end
     */
    public Builder holdoutEnd(LocalDate holdoutEnd) {
      if (!holdoutEnd.isAfter(calibrationEnd)) {
        throw new IllegalArgumentException(
            "holdoutEnd must be after calibrationEnd " + calibrationEnd + ", got " + holdoutEnd);
      }
      this.holdoutEnd = holdoutEnd;
      return this;
    }

    /** Sets the zone in which timestamps are dated (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the purchase period within which transactions are merged (default {@code DAY}). */
    public Builder purchasePeriod(PurchasePeriod period) {
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * Sets the time unit of recency and age (default 7 days, as for CDNOW).
     *
     * @throws IllegalArgumentException if {@code unit} is not positive
     */
    public Builder timeUnit(Duration unit) {
      if (unit.isNegative() || unit.isZero()) {
        throw new IllegalArgumentException("timeUnit must be positive, got " + unit);
      }
      this.timeUnit = unit;
      return this;
    }

    /** Returns the summarizer. */
    public BtydSummarizer build() {
      return new BtydSummarizer(this);
    }
  }

  /**
   * Returns the summaries of the customers acquired by the calibration end, in any input order
   * (transactions are sorted by time first).
   *
   * @throws IllegalArgumentException if an amount is negative (net refunds against purchases before
   *     summarizing)
   * @throws NullPointerException if {@code transactions} or an element is null
   */
  public BtydSummaries summarize(Collection<Transaction> transactions) {
    Accumulator acc = accumulator();
    // Exports usually come in time order already: check in one pass, sort a copy only if not.
    Iterable<Transaction> inOrder = transactions;
    Instant previous = Instant.MIN;
    for (Transaction t : transactions) {
      if (t.timestamp().isBefore(previous)) {
        List<Transaction> sorted = new ArrayList<>(transactions);
        sorted.sort(Comparator.comparing(Transaction::timestamp));
        inOrder = sorted;
        break;
      }
      previous = t.timestamp();
    }
    for (Transaction t : inOrder) {
      acc.add(t);
    }
    return acc.result();
  }

  /**
   * Returns a collector of a stream of transactions that is in time order per customer (for example
   * sorted by timestamp); its combiner is {@link Accumulator#merge}, which is exact for the
   * consecutive chunks of an ordered stream, so parallel ordered streams work too.
   */
  public Collector<Transaction, Accumulator, BtydSummaries> collector() {
    return Collector.of(
        this::accumulator, Accumulator::add, Accumulator::merge, Accumulator::result);
  }

  /** Returns a new, empty streaming accumulator with this summarizer's options. */
  public Accumulator accumulator() {
    return new Accumulator();
  }

  @Override
  public String toString() {
    return "BtydSummarizer[calibration to "
        + calibrationEnd
        + (holdoutEnd == null ? "" : ", holdout to " + holdoutEnd)
        + ", "
        + period
        + " periods, "
        + unitDays
        + "-day time unit, "
        + zone
        + "]";
  }

  /** The calendar date of {@code instant} in the zone; without a time-zone lookup for offsets. */
  private LocalDate localDate(Instant instant) {
    if (fixedOffsetSeconds != Integer.MIN_VALUE) {
      return LocalDate.ofEpochDay(
          Math.floorDiv(instant.getEpochSecond() + fixedOffsetSeconds, 86_400L));
    }
    return instant.atZone(zone).toLocalDate();
  }

  private double time(LocalDate from, LocalDate to) {
    if (period == PurchasePeriod.MONTH) {
      // Both dates are month starts here: whole months of the average length.
      return ChronoUnit.MONTHS.between(from, to)
          * (AVERAGE_MONTH.getSeconds() / 86_400.0)
          / unitDays;
    }
    return ChronoUnit.DAYS.between(from, to) / unitDays;
  }

  /** The end of the age: calibrationEnd itself for days, else the start of its period. */
  private LocalDate ageEnd(LocalDate date) {
    return period == PurchasePeriod.DAY ? date : period.start(date);
  }

  /**
   * A streaming, single-threaded builder of summaries. Transactions of one customer must arrive in
   * time order (different customers may interleave), so that memory stays one small record per
   * customer; {@link BtydSummarizer#summarize(Collection)} sorts for you.
   */
  public final class Accumulator {

    private final Map<CustomerId, State> states = new HashMap<>();

    private Accumulator() {}

    /**
     * Adds one transaction.
     *
     * @throws IllegalArgumentException if the amount is negative, or the transaction is in a period
     *     before the customer's last recorded one (for example before the customer's first
     *     transaction): the message names the customer, the date and the last period
     * @throws NullPointerException if {@code t} is null
     */
    public Accumulator add(Transaction t) {
      double amount = t.amount();
      if (!(amount >= 0)) {
        throw new IllegalArgumentException(
            "amount must be at least 0, got "
                + amount
                + " for customer "
                + t.customer()
                + " at "
                + t.timestamp()
                + "; net refunds against their purchases before summarizing");
      }
      LocalDate date = localDate(t.timestamp());
      LocalDate limit = holdoutEnd != null ? holdoutEnd : calibrationEnd;
      if (date.isAfter(limit)) {
        return this;
      }
      boolean calibration = !date.isAfter(calibrationEnd);
      LocalDate key = period.start(date);
      State s = states.computeIfAbsent(t.customer(), c -> new State());
      s.add(t.customer(), date, key, calibration, amount);
      return this;
    }

    /**
     * Adds all transactions, in iteration order.
     *
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public Accumulator addAll(Iterable<Transaction> transactions) {
      for (Transaction t : transactions) {
        add(t);
      }
      return this;
    }

    /**
     * Merges {@code later} into this accumulator: the result is as if {@code later}'s transactions
     * had been added here after this one's (for example two consecutive months of a stream). {@code
     * later} is not changed.
     *
     * @throws IllegalArgumentException if {@code later} has other options, or holds a purchase of
     *     some customer in a period before that customer's last period here
     */
    public Accumulator merge(Accumulator later) {
      if (later.owner() != BtydSummarizer.this) {
        throw new IllegalArgumentException(
            "can only merge accumulators of the same summarizer, got one of " + later.owner());
      }
      for (Map.Entry<CustomerId, State> e : later.states.entrySet()) {
        State mine = states.get(e.getKey());
        if (mine == null) {
          states.put(e.getKey(), e.getValue().copy());
        } else {
          mine.append(e.getKey(), e.getValue());
        }
      }
      return this;
    }

    private BtydSummarizer owner() {
      return BtydSummarizer.this;
    }

    /** Returns the summaries so far, sorted by customer id; later adds do not change it. */
    public BtydSummaries result() {
      List<BtydSummary> out = new ArrayList<>();
      double holdoutDuration =
          holdoutEnd == null ? 0 : time(ageEnd(calibrationEnd), ageEnd(holdoutEnd));
      for (Map.Entry<CustomerId, State> e : states.entrySet()) {
        State s = e.getValue();
        if (s.first == null) {
          continue; // first purchase after calibration: not in the cohort
        }
        int x = s.calPeriods - 1;
        double repeatSum = (s.calTotal + s.calTotalC) - (s.firstAmount + s.firstAmountC);
        double hoSum = s.hoTotal + s.hoTotalC;
        out.add(
            new BtydSummary(
                e.getKey(),
                s.first,
                x,
                x == 0 ? 0 : time(s.first, s.lastCal),
                time(s.first, ageEnd(calibrationEnd)),
                x == 0 ? 0 : repeatSum / x,
                s.hoPeriods,
                s.hoPeriods == 0 ? 0 : hoSum / s.hoPeriods,
                holdoutDuration));
      }
      out.sort(Comparator.comparing(BtydSummary::customer));
      return new BtydSummaries(out);
    }
  }

  /**
   * Per-customer streaming state. The repeat spend is {@code calTotal - firstAmount}: the first
   * period's amount is tracked separately because a merge may extend it (same day on both sides).
   */
  private static final class State {
    LocalDate first;
    LocalDate lastCal;
    LocalDate firstHo;
    LocalDate lastHo;
    int calPeriods;
    int hoPeriods;
    // Neumaier sums of money: value and compensation.
    double firstAmount;
    double firstAmountC;
    double calTotal;
    double calTotalC;
    double hoTotal;
    double hoTotalC;

    // Neumaier's improved Kahan step; returns the new sum, compensation in comp[0].
    private static double plus(double sum, double x, double[] comp) {
      double t = sum + x;
      comp[0] += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
      return t;
    }

    private final double[] c = new double[1];

    private void addFirst(double x) {
      c[0] = firstAmountC;
      firstAmount = plus(firstAmount, x, c);
      firstAmountC = c[0];
    }

    private void addCal(double x) {
      c[0] = calTotalC;
      calTotal = plus(calTotal, x, c);
      calTotalC = c[0];
    }

    private void addHo(double x) {
      c[0] = hoTotalC;
      hoTotal = plus(hoTotal, x, c);
      hoTotalC = c[0];
    }

    LocalDate earliest() {
      return first != null ? first : firstHo;
    }

    LocalDate latest() {
      return lastHo != null ? lastHo : lastCal;
    }

    void add(CustomerId c, LocalDate date, LocalDate key, boolean calibration, double amount) {
      LocalDate last = latest();
      if (last != null && key.isBefore(last)) {
        throw new IllegalArgumentException(
            "transaction of customer "
                + c
                + " on "
                + date
                + " is before the customer's last "
                + "recorded purchase period "
                + last
                + (first != null && date.isBefore(first)
                    ? " and before the first purchase " + first
                    : "")
                + "; add each customer's transactions in time order");
      }
      if (calibration) {
        if (first == null) {
          first = key;
          lastCal = key;
          calPeriods = 1;
        } else if (!key.equals(lastCal)) {
          calPeriods++;
          lastCal = key;
        }
        if (key.equals(first)) {
          addFirst(amount);
        }
        addCal(amount);
      } else {
        // Kept even before a first calibration purchase, so that a merge with an earlier
        // accumulator holding that purchase is exact; result() leaves such customers out.
        if (firstHo == null) {
          firstHo = key;
        }
        if (!key.equals(lastHo)) {
          hoPeriods++;
          lastHo = key;
        }
        addHo(amount);
      }
    }

    /** Appends {@code later}, whose purchases all fall in or after this state's last period. */
    void append(CustomerId c, State later) {
      LocalDate last = latest();
      LocalDate next = later.earliest();
      if (last != null && next != null && next.isBefore(last)) {
        throw new IllegalArgumentException(
            "cannot merge: customer "
                + c
                + " has a purchase period "
                + next
                + " in the merged accumulator before this one's last period "
                + last
                + "; merge accumulators in time order");
      }
      if (later.calPeriods > 0) {
        if (calPeriods == 0) {
          first = later.first;
          lastCal = later.lastCal;
          calPeriods = later.calPeriods;
          firstAmount = later.firstAmount;
          firstAmountC = later.firstAmountC;
          calTotal = later.calTotal;
          calTotalC = later.calTotalC;
        } else {
          boolean shared = later.first.equals(lastCal);
          if (shared && first.equals(lastCal)) {
            addFirst(later.firstAmount);
            addFirst(later.firstAmountC);
          }
          calPeriods += later.calPeriods - (shared ? 1 : 0);
          addCal(later.calTotal);
          addCal(later.calTotalC);
          lastCal = later.lastCal;
        }
      }
      if (later.hoPeriods > 0) {
        boolean shared = later.firstHo.equals(lastHo);
        hoPeriods += later.hoPeriods - (shared ? 1 : 0);
        addHo(later.hoTotal);
        addHo(later.hoTotalC);
        if (firstHo == null) {
          firstHo = later.firstHo;
        }
        lastHo = later.lastHo;
      }
    }

    State copy() {
      State s = new State();
      s.append(null, this);
      return s;
    }
  }
}
