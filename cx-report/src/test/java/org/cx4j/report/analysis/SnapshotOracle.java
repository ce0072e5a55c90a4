package org.cx4j.report.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;

/**
 * The snapshot statistics the plain way, the oracle for {@link ReportSnapshot#of(String, String,
 * Instrument, ScoreBreakdowns)}: one histogram accumulator and time span per group, in sorted maps,
 * fed response by response (the report's own code before the snapshot took the breakdowns' pass).
 */
final class SnapshotOracle {

  private SnapshotOracle() {}

  static ReportSnapshot.MetricStats of(
      String metric,
      String measure,
      Instrument instrument,
      List<SurveyResponse> responses,
      Function<CustomerId, String> segmentOf) {
    Acc overall = new Acc(instrument);
    Map<String, Acc> segments = new TreeMap<>();
    Map<String, Acc> touchpoints = new TreeMap<>();
    Map<String, Acc> channels = new TreeMap<>();
    for (SurveyResponse r : responses) {
      overall.add(r);
      String segment = segmentOf.apply(r.customer());
      if (segment != null) {
        segments.computeIfAbsent(segment, k -> new Acc(instrument)).add(r);
      }
      if (r.touchpoint() != null) {
        touchpoints.computeIfAbsent(r.touchpoint().id(), k -> new Acc(instrument)).add(r);
        channels.computeIfAbsent(r.touchpoint().channel().name(), k -> new Acc(instrument)).add(r);
      }
    }
    List<ReportSnapshot.GroupStats> groups = new ArrayList<>();
    groups.add(overall.stats(ReportSnapshot.OVERALL, ReportSnapshot.OVERALL));
    segments.forEach((k, a) -> groups.add(a.stats(ReportSnapshot.SEGMENT, k)));
    touchpoints.forEach((k, a) -> groups.add(a.stats(ReportSnapshot.TOUCHPOINT, k)));
    channels.forEach((k, a) -> groups.add(a.stats(ReportSnapshot.CHANNEL, k)));
    return new ReportSnapshot.MetricStats(metric, measure, instrument, groups);
  }

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

    ReportSnapshot.GroupStats stats(String dimension, String key) {
      return new ReportSnapshot.GroupStats(dimension, key, histogram.result(), first, last);
    }
  }
}
