package org.cx4j.report.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.breakdown.Breakdown;
import org.cx4j.metrics.score.ScoreAccumulator;

/**
 * The report's four breakdowns of one metric (by segment, channel, touchpoint and journey stage)
 * and its overall figure, in one pass over the responses. Each group gets the same responses in the
 * same order as from {@link Breakdown#of(Iterable, Function, Supplier, long)} with {@link
 * Breakdown#byChannel()} and the others, so the results are the same; but each response is read
 * once, not four times, and added to the overall accumulator once. The four passes over a million
 * responses (records spread over the heap: a cache miss per response and pass) were the largest
 * part of the report's score sections. Responses without a key (no segment, no touchpoint) count in
 * the overall figure only; the report shows no unassigned group.
 *
 * <p>Each group also keeps the span of its response times, for the report's snapshot ({@link
 * ReportSnapshot#of(String, String, org.cx4j.core.feedback.Instrument, ScoreBreakdowns)}), which so
 * needs no pass of its own either.
 *
 * @param overall every response
 * @param overallSpan the first and last response time
 * @param segments the groups by segment, in the order first seen
 * @param channels the groups by channel, in the order first seen
 * @param touchpoints the groups by touchpoint id, in the order first seen
 * @param stages the groups by journey stage, in the order first seen
 * @param <M> the metric
 */
record ScoreBreakdowns<M>(
    M overall,
    Span overallSpan,
    Dimension<String, M> segments,
    Dimension<Channel, M> channels,
    Dimension<String, M> touchpoints,
    Dimension<JourneyStage, M> stages) {

  /**
   * The first and last response time of a group, both null when it has no response.
   *
   * @param first the earliest response time
   * @param last the latest response time
   */
  record Span(Instant first, Instant last) {}

  /**
   * The groups of one dimension and the span of each (same order).
   *
   * @param groups the groups, in the order first seen
   * @param spans the span of each group's response times
   * @param <K> the key type
   * @param <M> the metric
   */
  record Dimension<K, M>(List<Breakdown.Group<K, M>> groups, List<Span> spans) {}

  /** A group's accumulator and the span of its response times. */
  private static final class Part<M> {
    final ScoreAccumulator<M> acc;
    Instant first;
    Instant last;

    Part(ScoreAccumulator<M> acc) {
      this.acc = acc;
    }

    void add(SurveyResponse r) {
      acc.add(r);
      Instant t = r.timestamp();
      if (first == null || t.isBefore(first)) {
        first = t;
      }
      if (last == null || t.isAfter(last)) {
        last = t;
      }
    }
  }

  /**
   * Returns the breakdowns of {@code responses}, each group flagged small below {@code minimumN}.
   *
   * @param segmentOf the segment of a customer, or null
   * @throws IllegalArgumentException as the accumulators' {@code add(SurveyResponse)}, e.g. for a
   *     response of another instrument
   */
  static <M> ScoreBreakdowns<M> of(
      List<SurveyResponse> responses,
      Function<CustomerId, String> segmentOf,
      Supplier<ScoreAccumulator<M>> accumulator,
      long minimumN) {
    Part<M> all = new Part<>(accumulator.get());
    Map<String, Part<M>> segments = new LinkedHashMap<>();
    Map<Channel, Part<M>> channels = new LinkedHashMap<>();
    Map<String, Part<M>> touchpoints = new LinkedHashMap<>();
    Map<JourneyStage, Part<M>> stages = new LinkedHashMap<>();
    Function<Object, Part<M>> fresh = k -> new Part<>(accumulator.get()); // one, not one per row
    String lastSegment = null;
    Part<M> segment = null;
    Touchpoint lastTouchpoint = null; // rows share touchpoint objects: look up on a change only
    Part<M> channel = null;
    Part<M> touchpoint = null;
    Part<M> stage = null;
    for (SurveyResponse r : responses) {
      all.add(r);
      String s = segmentOf.apply(r.customer());
      if (s != null) {
        if (s != lastSegment) {
          segment = segments.computeIfAbsent(s, fresh);
          lastSegment = s;
        }
        segment.add(r);
      }
      Touchpoint t = r.touchpoint();
      if (t != null) {
        if (t != lastTouchpoint) {
          channel = channels.computeIfAbsent(t.channel(), fresh);
          touchpoint = touchpoints.computeIfAbsent(t.id(), fresh);
          stage = stages.computeIfAbsent(t.stage(), fresh);
          lastTouchpoint = t;
        }
        channel.add(r);
        touchpoint.add(r);
        stage.add(r);
      }
    }
    return new ScoreBreakdowns<>(
        all.acc.result(),
        new Span(all.first, all.last),
        dimension(segments, minimumN),
        dimension(channels, minimumN),
        dimension(touchpoints, minimumN),
        dimension(stages, minimumN));
  }

  private static <K, M> Dimension<K, M> dimension(Map<K, Part<M>> parts, long minimumN) {
    List<Breakdown.Group<K, M>> groups = new ArrayList<>(parts.size());
    List<Span> spans = new ArrayList<>(parts.size());
    parts.forEach(
        (k, p) -> {
          long n = p.acc.n();
          groups.add(new Breakdown.Group<>(k, n, n < minimumN, p.acc.result()));
          spans.add(new Span(p.first, p.last));
        });
    return new Dimension<>(List.copyOf(groups), List.copyOf(spans));
  }
}
