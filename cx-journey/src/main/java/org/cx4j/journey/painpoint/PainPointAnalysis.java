package org.cx4j.journey.painpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.conformance.DesignedJourney;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.SecondsHistogram;

/**
 * Finds pain points and moments of delight per touchpoint or per stage.
 *
 * <p><b>Scoring rule.</b> For each node, four pain parts in {@code [0, 1]}:
 *
 * <ul>
 *   <li>drop-off: {@code dropOffs / journeys}, journeys that end at the node without a conversion
 *       outcome;
 *   <li>rework: {@code rework / visits}, repeat visits within a journey;
 *   <li>over target: {@code min(1, max(0, (median time spent - target) / target))}, with the target
 *       from the {@link DesignedJourney} (the step's target for touchpoints, the stage's for
 *       stages); 0 without a target;
 *   <li>feedback: {@code 1 - normalized mean score} of the responses given at the node, pooled over
 *       instruments by response count (NPS 0..10, CSAT, CES rescaled to {@code [0, 1]}, higher is
 *       better); 0 without feedback.
 * </ul>
 *
 * {@code pain = sum(weight_i * part_i) / sum(weight_i)} (weights default to 1 each). {@code delight
 * = ((1 - feedback part) + (1 - drop-off)) / 2} for nodes with feedback. A part without evidence
 * counts as 0 and the node's {@code smallSample} flag is set when it has fewer than {@code
 * minSample} journeys, or fewer than {@code minSample} responses when it has any.
 *
 * <p>Immutable configuration; {@link #analyze(Journeys)} computes a {@link PainPointReport}.
 */
public final class PainPointAnalysis {

  private final Level level;
  private final DesignedJourney design;
  private final List<SurveyResponse> feedback;
  private final Set<Outcome> conversions;
  private final long minSample;
  private final double[] weights;

  private PainPointAnalysis(
      Level level,
      DesignedJourney design,
      List<SurveyResponse> feedback,
      Set<Outcome> conversions,
      long minSample,
      double[] weights) {
    this.level = level;
    this.design = design;
    this.feedback = feedback;
    this.conversions = conversions;
    this.minSample = minSample;
    this.weights = weights;
  }

  /**
   * Returns an analysis at {@code level} ({@link Level#TOUCHPOINT} or {@link Level#STAGE}): no
   * design, no feedback, conversions {@link Outcome#CONVERTED}, minimum sample 30, equal weights.
   *
   * @throws IllegalArgumentException for {@link Level#CHANNEL}
   */
  public static PainPointAnalysis at(Level level) {
    Objects.requireNonNull(level, "level");
    checkArgument(level != Level.CHANNEL, "pain points are per TOUCHPOINT or STAGE, got %s", level);
    return new PainPointAnalysis(
        level, null, List.of(), Set.of(Outcome.CONVERTED), 30, new double[] {1, 1, 1, 1});
  }

  /** Returns a copy that takes target times from {@code design}. */
  public PainPointAnalysis design(DesignedJourney design) {
    return new PainPointAnalysis(
        level, Objects.requireNonNull(design, "design"), feedback, conversions, minSample, weights);
  }

  /** Returns a copy that scores the responses that name a touchpoint. */
  public PainPointAnalysis feedback(Collection<SurveyResponse> responses) {
    return new PainPointAnalysis(
        level, design, List.copyOf(responses), conversions, minSample, weights);
  }

  /**
   * Returns a copy where journeys with one of {@code outcomes} count as converted (not dropped
   * off).
   */
  public PainPointAnalysis conversions(Outcome... outcomes) {
    return new PainPointAnalysis(level, design, feedback, Set.of(outcomes), minSample, weights);
  }

  /**
   * Returns a copy that flags nodes with fewer than {@code minSample} journeys or responses.
   *
   * @throws IllegalArgumentException if {@code minSample < 1}
   */
  public PainPointAnalysis minSample(long minSample) {
    checkArgument(minSample >= 1, "minSample must be at least 1, got %s", minSample);
    return new PainPointAnalysis(level, design, feedback, conversions, minSample, weights);
  }

  /**
   * Returns a copy with the weights of the drop-off, rework, over-target and feedback parts.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  public PainPointAnalysis weights(
      double dropOff, double rework, double overTarget, double feedback) {
    double[] w = {dropOff, rework, overTarget, feedback};
    double sum = 0;
    for (double x : w) {
      checkArgument(
          Double.isFinite(x) && x >= 0, "weights must be finite and non-negative, got %s", x);
      sum += x;
    }
    checkArgument(sum > 0, "at least one weight must be positive");
    return new PainPointAnalysis(level, design, this.feedback, conversions, minSample, w);
  }

  /** Returns the report over all {@code journeys}. */
  public PainPointReport analyze(Journeys js) {
    Abstraction a = Abstraction.of(js.dictionary(), level);
    int n = a.size();
    long[] visits = new long[n];
    long[] journeys = new long[n];
    long[] drops = new long[n];
    long[] rework = new long[n];
    long[] seenIn = new long[n];
    SecondsHistogram[] spent = new SecondsHistogram[n];
    for (int i = 0; i < n; i++) {
      spent[i] = new SecondsHistogram();
    }
    boolean[] converting = new boolean[js.outcomes().size()];
    for (int o = 0; o < converting.length; o++) {
      converting[o] = conversions.contains(js.outcomes().get(o));
    }
    for (int j = 0; j < js.journeyCount(); j++) {
      long serial = j + 1L;
      int from = js.eventStart(j);
      int to = js.eventEnd(j);
      boolean converted = false;
      for (int e = from; e < to; e++) {
        int node = a.node(js.touchpointCode(e));
        visits[node]++;
        if (seenIn[node] == serial) {
          rework[node]++;
        } else {
          seenIn[node] = serial;
          journeys[node]++;
        }
        if (e + 1 < to) {
          spent[node].addMillis(js.epochMillis(e + 1) - js.epochMillis(e));
        }
        int o = js.outcomeCode(e);
        converted |= o >= 0 && converting[o];
      }
      if (!converted) {
        drops[a.node(js.touchpointCode(to - 1))]++;
      }
    }
    Map<String, Map<Instrument, List<SurveyResponse>>> fb = feedbackByNode();
    List<NodeScore> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (visits[i] == 0) {
        continue;
      }
      String label = a.label(i);
      Duration target = target(label);
      List<FeedbackSummary> f = new ArrayList<>();
      long responses = 0;
      double normSum = 0;
      for (Map.Entry<Instrument, List<SurveyResponse>> e :
          fb.getOrDefault(label, Map.of()).entrySet()) {
        FeedbackSummary s = FeedbackSummary.of(e.getKey(), e.getValue());
        f.add(s);
        responses += s.responses();
        normSum += s.normalizedMean() * s.responses();
      }
      double dropPart = (double) drops[i] / journeys[i];
      double reworkPart = (double) rework[i] / visits[i];
      var time = spent[i].result();
      double overPart = 0;
      if (target != null && time.count() > 0) {
        double t = target.toMillis() / 1000.0;
        overPart = Math.min(1, Math.max(0, (time.medianSeconds() - t) / t));
      }
      double positivity = responses == 0 ? Double.NaN : normSum / responses;
      double feedbackPart = responses == 0 ? 0 : 1 - positivity;
      double wsum = weights[0] + weights[1] + weights[2] + weights[3];
      double pain =
          (weights[0] * dropPart
                  + weights[1] * reworkPart
                  + weights[2] * overPart
                  + weights[3] * feedbackPart)
              / wsum;
      double delight = responses == 0 ? Double.NaN : (positivity + (1 - dropPart)) / 2;
      boolean small = journeys[i] < minSample || (responses > 0 && responses < minSample);
      scores.add(
          new NodeScore(
              label,
              visits[i],
              journeys[i],
              drops[i],
              rework[i],
              time,
              target,
              f,
              dropPart,
              reworkPart,
              overPart,
              feedbackPart,
              pain,
              delight,
              small));
    }
    return new PainPointReport(scores);
  }

  /** The responses about each node, by instrument, in input order. */
  private Map<String, Map<Instrument, List<SurveyResponse>>> feedbackByNode() {
    Map<String, Map<Instrument, List<SurveyResponse>>> m = new LinkedHashMap<>();
    for (SurveyResponse r : feedback) {
      if (r.touchpoint() == null) {
        continue;
      }
      String label = level == Level.STAGE ? r.touchpoint().stage().name() : r.touchpoint().id();
      m.computeIfAbsent(label, k -> new LinkedHashMap<>())
          .computeIfAbsent(r.instrument(), k -> new ArrayList<>())
          .add(r);
    }
    return m;
  }

  private Duration target(String label) {
    if (design == null) {
      return null;
    }
    if (level == Level.TOUCHPOINT) {
      return design.step(label).map(DesignedJourney.Step::target).orElse(null);
    }
    for (DesignedJourney.Stage s : design.stages()) {
      if (s.stage().name().equals(label)) {
        return s.target();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "PainPointAnalysis["
        + level
        + ", min sample "
        + minSample
        + ", weights "
        + java.util.Arrays.toString(weights)
        + (design == null ? "" : ", with design")
        + ", "
        + feedback.size()
        + " responses]";
  }
}
