package org.cx4j.report.analysis;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.SurveyMetric;

/**
 * The sufficient statistics of a report's headline survey metrics: for every metric, overall and
 * per segment, touchpoint and channel, the histogram of the scores (count, {@code Σw} and {@code
 * Σw²} per scale point) and the first and last response time. Every figure of the score sections
 * (score, interval, {@code n}, {@code n_eff}) is a function of these, so a later report can test
 * its change against this one without the raw responses ({@link ChangeSection}). Written as {@code
 * report.json} by {@code org.cx4j.report.json.ReportJson}. Immutable.
 *
 * @param source the short name of the data ({@link org.cx4j.report.input.ReportInput#name()})
 * @param metrics one entry per metric with responses, in section order
 */
public record ReportSnapshot(String source, List<MetricStats> metrics) {

  /** The dimension of the overall group. */
  public static final String OVERALL = "overall";

  /** The dimension of groups by customer segment. */
  public static final String SEGMENT = "segment";

  /** The dimension of groups by the touchpoint a response was given at. */
  public static final String TOUCHPOINT = "touchpoint";

  /** The dimension of groups by the channel of that touchpoint. */
  public static final String CHANNEL = "channel";

  /** The dimensions in the order groups are listed. */
  public static final List<String> DIMENSIONS = List.of(OVERALL, SEGMENT, TOUCHPOINT, CHANNEL);

  /**
   * Checks for nulls and copies.
   *
   * @throws NullPointerException if an argument is null
   */
  public ReportSnapshot {
    Objects.requireNonNull(source, "source");
    metrics = ImmutableList.copyOf(metrics);
  }

  /** Returns the first and last response time over every metric, or empty without responses. */
  public Optional<Period> period() {
    Instant first = null;
    Instant last = null;
    for (MetricStats m : metrics) {
      for (GroupStats g : m.groups()) {
        if (g.dimension().equals(OVERALL) && g.first() != null) {
          first = first == null || g.first().isBefore(first) ? g.first() : first;
          last = last == null || g.last().isAfter(last) ? g.last() : last;
        }
      }
    }
    return first == null ? Optional.empty() : Optional.of(new Period(first, last));
  }

  /** Returns the statistics of the metric named {@code metric} ("NPS"), if present. */
  public Optional<MetricStats> metric(String metric) {
    return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst();
  }

  /**
   * A time span, both ends included.
   *
   * @param first the earliest response time
   * @param last the latest response time, not before {@code first}
   */
  public record Period(Instant first, Instant last) {

    /**
     * Checks the order.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public Period {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("last " + last + " is before first " + first);
      }
    }

    /** Returns whether the two spans share an instant (ends included). */
    public boolean overlaps(Period other) {
      return !first.isAfter(other.last) && !other.first.isAfter(last);
    }

    @Override
    public String toString() {
      return first + " to " + last;
    }
  }

  /**
   * One metric's statistics.
   *
   * @param metric the metric's {@link SurveyMetric#name()}, e.g. "NPS"
   * @param measure what its figure measures, e.g. "NPS (points, -100 to 100)"
   * @param instrument the instrument scored (its scale is the histograms' scale)
   * @param groups overall first, then by segment, touchpoint and channel, each by key
   */
  public record MetricStats(
      String metric, String measure, Instrument instrument, List<GroupStats> groups) {

    /**
     * Checks for nulls, copies, and checks every histogram is on the instrument's scale.
     *
     * @throws IllegalArgumentException if a group's scale is not the instrument's
     */
    public MetricStats {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(instrument, "instrument");
      groups = ImmutableList.copyOf(groups);
      for (GroupStats g : groups) {
        if (!g.distribution().scale().equals(instrument.scale())) {
          throw new IllegalArgumentException(
              metric
                  + " "
                  + g.dimension()
                  + " '"
                  + g.key()
                  + "': scale "
                  + g.distribution().scale()
                  + " is not the instrument's "
                  + instrument.scale());
        }
      }
    }

    /** Returns the group of {@code dimension} with {@code key}, if present. */
    public Optional<GroupStats> group(String dimension, String key) {
      return groups.stream()
          .filter(g -> g.dimension().equals(dimension) && g.key().equals(key))
          .findFirst();
    }

    /** Returns the overall group, if present. */
    public Optional<GroupStats> overall() {
      return group(OVERALL, OVERALL);
    }
  }

  /**
   * One group's statistics.
   *
   * @param dimension {@link #OVERALL}, {@link #SEGMENT}, {@link #TOUCHPOINT} or {@link #CHANNEL}
   * @param key the segment, touchpoint or channel name; {@code "overall"} for the overall group
   * @param distribution the histogram: per scale point the count, and under weights {@code Σw} and
   *     {@code Σw²}
   * @param first the earliest response time, null when the group is empty
   * @param last the latest response time, null when the group is empty
   */
  public record GroupStats(
      String dimension, String key, ScoreDistribution distribution, Instant first, Instant last) {

    /**
     * Checks for nulls and the period.
     *
     * @throws IllegalArgumentException if only one end of the period is given, or it is reversed
     */
    public GroupStats {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(distribution, "distribution");
      if ((first == null) != (last == null)) {
        throw new IllegalArgumentException("give both first and last response times, or neither");
      }
      if (first != null) {
        new Period(first, last);
      }
    }

    /** Returns the number of responses. */
    public long n() {
      return distribution.n();
    }

    /** Returns Kish's effective sample size {@code (Σw)² / Σw²} ({@code n} unweighted). */
    public double effectiveSampleSize() {
      return distribution.effectiveSampleSize();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Returns the statistics of {@code metric} over {@code responses} (all of {@code instrument}):
   * overall, by the segment {@code segmentOf} gives a respondent (null: no segment group), by
   * touchpoint id and by channel name (responses without a touchpoint only overall).
   *
   * @throws IllegalArgumentException if a response is not of {@code instrument}
   */
  static MetricStats of(
      String metric,
      String measure,
      Instrument instrument,
      List<SurveyResponse> responses,
      Function<CustomerId, String> segmentOf) {
    // Hash maps per dimension while adding (a sorted map per row was a third of this); the
    // groups come out in the order of DIMENSIONS, keys sorted, as before.
    Acc overall = new Acc(instrument);
    Map<String, Acc> segments = new HashMap<>();
    Map<String, Acc> touchpoints = new HashMap<>();
    Map<String, Acc> channels = new HashMap<>();
    for (SurveyResponse r : responses) {
      overall.add(r);
      add(segments, segmentOf.apply(r.customer()), instrument, r);
      if (r.touchpoint() != null) {
        add(touchpoints, r.touchpoint().id(), instrument, r);
        add(channels, r.touchpoint().channel().name(), instrument, r);
      }
    }
    List<GroupStats> groups = new ArrayList<>();
    groups.add(stats(OVERALL, OVERALL, overall));
    new TreeMap<>(segments).forEach((k, acc) -> groups.add(stats(SEGMENT, k, acc)));
    new TreeMap<>(touchpoints).forEach((k, acc) -> groups.add(stats(TOUCHPOINT, k, acc)));
    new TreeMap<>(channels).forEach((k, acc) -> groups.add(stats(CHANNEL, k, acc)));
    return new MetricStats(metric, measure, instrument, groups);
  }

  private static GroupStats stats(String dimension, String key, Acc acc) {
    return new GroupStats(dimension, key, acc.histogram.result(), acc.first, acc.last);
  }

  private static void add(
      Map<String, Acc> groups, String key, Instrument instrument, SurveyResponse r) {
    if (key != null) {
      groups.computeIfAbsent(key, k -> new Acc(instrument)).add(r);
    }
  }

  /** A histogram and the span of response times of one group. */
  private static final class Acc {
    final ScoreAccumulator<ScoreDistribution> histogram;
    Instant first;
    Instant last;

    Acc(Instrument instrument) {
      histogram = new ScoreAccumulator<>(instrument, d -> d);
    }

    void add(SurveyResponse r) {
      histogram.add(r);
      Instant t = r.timestamp();
      first = first == null || t.isBefore(first) ? t : first;
      last = last == null || t.isAfter(last) ? t : last;
    }
  }
}
