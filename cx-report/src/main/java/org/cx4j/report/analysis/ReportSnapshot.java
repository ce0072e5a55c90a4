package org.cx4j.report.analysis;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.touchpoint.Channel;
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
   * Returns the statistics of {@code metric} from its breakdowns (one pass over its responses, all
   * of {@code instrument}): overall, by segment, by touchpoint id and by channel name, each group's
   * histogram and span of response times; keys sorted within each dimension.
   */
  static MetricStats of(
      String metric,
      String measure,
      Instrument instrument,
      ScoreBreakdowns<? extends SurveyMetric<?>> by) {
    List<GroupStats> groups = new ArrayList<>();
    groups.add(
        new GroupStats(
            OVERALL,
            OVERALL,
            by.overall().distribution(),
            by.overallSpan().first(),
            by.overallSpan().last()));
    addSorted(groups, SEGMENT, by.segments(), k -> k);
    addSorted(groups, TOUCHPOINT, by.touchpoints(), k -> k);
    addSorted(groups, CHANNEL, by.channels(), Channel::name);
    return new MetricStats(metric, measure, instrument, groups);
  }

  private static <K> void addSorted(
      List<GroupStats> out,
      String dimension,
      ScoreBreakdowns.Dimension<K, ? extends SurveyMetric<?>> d,
      Function<K, String> name) {
    Map<String, GroupStats> sorted = new TreeMap<>();
    for (int i = 0; i < d.groups().size(); i++) {
      String key = name.apply(d.groups().get(i).key());
      ScoreBreakdowns.Span span = d.spans().get(i);
      sorted.put(
          key,
          new GroupStats(
              dimension,
              key,
              d.groups().get(i).result().distribution(),
              span.first(),
              span.last()));
    }
    out.addAll(sorted.values());
  }
}
