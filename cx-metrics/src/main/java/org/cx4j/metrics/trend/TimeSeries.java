package org.cx4j.metrics.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.ScoreAccumulator;

/**
 * A survey metric per calendar period (day, ISO week from Monday, month, quarter) in an explicit
 * time zone, for dashboards, and over rolling windows of periods. Every period between the first
 * and the last (or the range given) is present: a period with no responses holds the metric's empty
 * result ({@code n = 0}), never a gap.
 *
 * <pre>{@code
 * TimeSeries<NetPromoterScore> t = TimeSeries.of(
 *     responses, Period.WEEK, ZoneId.of("Europe/Berlin"), NetPromoterScore::accumulator);
 * t.points();          // one point per ISO week
 * t.rolling(4);        // each week with the three before it
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param <R> the metric type
 */
public final class TimeSeries<R> {

  /**
   * One period of a series.
   *
   * @param start the first day of the period (inclusive)
   * @param end the first day after the period (exclusive)
   * @param n the number of responses in the period (or window)
   * @param result the metric; its empty result when {@code n == 0}
   * @param <R> the metric type
   */
  public record Point<R>(LocalDate start, LocalDate end, long n, R result) {

    /** Returns whether the period had no responses. */
    public boolean isEmpty() {
      return n == 0;
    }

    @Override
    public String toString() {
      return start + ".." + end.minusDays(1) + ": " + result;
    }
  }

  private final Period period;
  private final ZoneId zone;
  private final List<LocalDate> starts;
  private final List<ScoreAccumulator<R>> parts; // private copies, never exposed
  private final List<Point<R>> points;

  private TimeSeries(
      Period period, ZoneId zone, List<LocalDate> starts, List<ScoreAccumulator<R>> parts) {
    this.period = period;
    this.zone = zone;
    this.starts = starts;
    this.parts = parts;
    List<Point<R>> ps = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      ps.add(
          new Point<>(
              starts.get(i), period.next(starts.get(i)), parts.get(i).n(), parts.get(i).result()));
    }
    this.points = Collections.unmodifiableList(ps);
  }

  /**
   * Returns the series from the period of the earliest response to that of the latest.
   *
   * @throws IllegalArgumentException as the accumulator's {@code add(SurveyResponse)}
   */
  public static <R> TimeSeries<R> of(
      Iterable<SurveyResponse> responses,
      Period period,
      ZoneId zone,
      Supplier<ScoreAccumulator<R>> accumulator) {
    return build(responses, period, zone, accumulator, null, null);
  }

  /**
   * Returns the series over the periods containing {@code from} to {@code to} (inclusive dates in
   * {@code zone}); responses outside are ignored.
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to}, or as the accumulator
   */
  public static <R> TimeSeries<R> of(
      Iterable<SurveyResponse> responses,
      Period period,
      ZoneId zone,
      Supplier<ScoreAccumulator<R>> accumulator,
      LocalDate from,
      LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
    }
    return build(responses, period, zone, accumulator, period.start(from), period.start(to));
  }

  private static <R> TimeSeries<R> build(
      Iterable<SurveyResponse> responses,
      Period period,
      ZoneId zone,
      Supplier<ScoreAccumulator<R>> accumulator,
      LocalDate first,
      LocalDate last) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(accumulator, "accumulator");
    TreeMap<LocalDate, ScoreAccumulator<R>> byStart = new TreeMap<>();
    java.util.function.Function<LocalDate, ScoreAccumulator<R>> make = x -> accumulator.get();
    // In a zone of one fixed offset, a period is one interval of instants: responses in time
    // order fall in the last one's period mostly, and are added without a calendar computation.
    boolean fixed = zone.getRules().isFixedOffset();
    Instant from = null; // the last period's instants, [from, to); null: none known
    Instant to = null;
    ScoreAccumulator<R> current = null; // the last period's accumulator; null: out of range
    for (SurveyResponse r : responses) {
      Instant t = r.timestamp();
      if (from == null || t.isBefore(from) || !t.isBefore(to)) {
        LocalDate s = period.start(t.atZone(zone).toLocalDate());
        current =
            first != null && (s.isBefore(first) || s.isAfter(last))
                ? null
                : byStart.computeIfAbsent(s, make);
        from = null;
        if (fixed) {
          try {
            from = s.atStartOfDay(zone).toInstant();
            to = period.next(s).atStartOfDay(zone).toInstant();
          } catch (java.time.DateTimeException e) {
            from = null; // at the end of the calendar: no interval, each response computed
          }
        }
      }
      if (current != null) {
        current.add(r);
      }
    }
    List<LocalDate> starts = new ArrayList<>();
    List<ScoreAccumulator<R>> parts = new ArrayList<>();
    if (first == null && !byStart.isEmpty()) {
      first = byStart.firstKey();
      last = byStart.lastKey();
    }
    if (first != null) {
      for (LocalDate s = first; !s.isAfter(last); s = period.next(s)) {
        starts.add(s);
        ScoreAccumulator<R> acc = byStart.get(s);
        parts.add(acc == null ? accumulator.get() : acc);
      }
    }
    return new TimeSeries<>(period, zone, starts, parts);
  }

  /** Returns the period. */
  public Period period() {
    return period;
  }

  /** Returns the time zone in which calendar periods are cut. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns one point per period, oldest first, empty periods included. */
  public List<Point<R>> points() {
    return points;
  }

  /**
   * Returns, for each period, the metric over it and the {@code window - 1} periods before it
   * (fewer at the start of the series); each point spans its window.
   *
   * @throws IllegalArgumentException if {@code window < 1}
   */
  public List<Point<R>> rolling(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 period, got " + window);
    }
    List<Point<R>> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      int from = Math.max(0, i - window + 1);
      ScoreAccumulator<R> acc = parts.get(i).copy();
      for (int j = from; j < i; j++) {
        acc.merge(parts.get(j));
      }
      out.add(new Point<>(starts.get(from), period.next(starts.get(i)), acc.n(), acc.result()));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("TimeSeries per ")
            .append(period.name().toLowerCase(java.util.Locale.ROOT))
            .append(" in ")
            .append(zone);
    for (Point<R> p : points) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }
}
