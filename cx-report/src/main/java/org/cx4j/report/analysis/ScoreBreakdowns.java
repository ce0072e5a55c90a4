package org.cx4j.report.analysis;

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
 * @param overall every response
 * @param segments the groups by segment, in the order first seen
 * @param channels the groups by channel, in the order first seen
 * @param touchpoints the groups by touchpoint id, in the order first seen
 * @param stages the groups by journey stage, in the order first seen
 * @param <M> the metric
 */
record ScoreBreakdowns<M>(
    M overall,
    List<Breakdown.Group<String, M>> segments,
    List<Breakdown.Group<Channel, M>> channels,
    List<Breakdown.Group<String, M>> touchpoints,
    List<Breakdown.Group<JourneyStage, M>> stages) {

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
    ScoreAccumulator<M> all = accumulator.get();
    Map<String, ScoreAccumulator<M>> segments = new LinkedHashMap<>();
    Map<Channel, ScoreAccumulator<M>> channels = new LinkedHashMap<>();
    Map<String, ScoreAccumulator<M>> touchpoints = new LinkedHashMap<>();
    Map<JourneyStage, ScoreAccumulator<M>> stages = new LinkedHashMap<>();
    Function<Object, ScoreAccumulator<M>> fresh = k -> accumulator.get(); // one, not one per row
    String lastSegment = null;
    ScoreAccumulator<M> segment = null;
    Touchpoint lastTouchpoint = null; // rows share touchpoint objects: look up on a change only
    ScoreAccumulator<M> channel = null;
    ScoreAccumulator<M> touchpoint = null;
    ScoreAccumulator<M> stage = null;
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
        all.result(),
        groups(segments, minimumN),
        groups(channels, minimumN),
        groups(touchpoints, minimumN),
        groups(stages, minimumN));
  }

  private static <K, M> List<Breakdown.Group<K, M>> groups(
      Map<K, ScoreAccumulator<M>> parts, long minimumN) {
    List<Breakdown.Group<K, M>> out = new ArrayList<>(parts.size());
    parts.forEach(
        (k, acc) -> out.add(new Breakdown.Group<>(k, acc.n(), acc.n() < minimumN, acc.result())));
    return out;
  }
}
