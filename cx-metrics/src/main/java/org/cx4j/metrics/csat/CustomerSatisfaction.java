package org.cx4j.metrics.csat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collector;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.ConcurrentScoreAccumulator;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.ShareEstimate;
import org.cx4j.metrics.score.ShareMetric;
import org.cx4j.metrics.score.impl.Stats;

/**
 * Customer satisfaction (CSAT): the top-box share (by default the top two boxes of a 1..5 scale,
 * i.e. "satisfied" or "very satisfied") with its Wilson interval, and the mean rating with its t
 * interval; see {@link ShareEstimate} and {@link MeanEstimate} for the formulas, weights (Kish's
 * n_eff) and the empty case.
 *
 * <pre>{@code
 * CustomerSatisfaction c = CustomerSatisfaction.of(scores);                 // 1..5, top 2
 * c.topBox().share(); c.topBox().interval(); c.mean().mean();
 * ScoreAccumulator<CustomerSatisfaction> acc =
 *     CustomerSatisfaction.accumulator(new CustomerSatisfaction.Definition(Scale.of(1, 7), 2, 0.95));
 * }</pre>
 *
 * <p>Immutable and thread-safe; JSON through {@code CxJson.mapper()}, read back from its definition
 * and distribution.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(
    value = {"n", "topBox", "mean"},
    allowGetters = true)
@JsonPropertyOrder({"n", "topBox", "mean", "definition", "distribution"})
public final class CustomerSatisfaction implements ShareMetric<CustomerSatisfaction> {

  /**
   * What is measured.
   *
   * @param scale the rating scale
   * @param topBoxes how many of the highest points count as satisfied, at least 1 and fewer than
   *     the scale's points
   * @param level the confidence level of the intervals, in (0, 1)
   */
  public record Definition(Scale scale, int topBoxes, double level) {

    /** 1..5, top two boxes, 95%. */
    public static final Definition DEFAULT = new Definition(Scale.of(1, 5), 2, 0.95);

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException if {@code topBoxes} is not in 1..points-1 or {@code level}
     *     is outside (0, 1)
     */
    public Definition {
      Objects.requireNonNull(scale, "scale");
      if (topBoxes < 1 || topBoxes >= scale.points()) {
        throw new IllegalArgumentException(
            "topBoxes must be in 1.."
                + (scale.points() - 1)
                + " for the scale "
                + scale
                + ", got "
                + topBoxes);
      }
      Stats.checkLevel(level);
    }

    /** Returns the CSAT instrument on this scale. */
    public Instrument instrument() {
      return Instrument.csat(scale);
    }
  }

  private final Definition definition;
  private final ScoreDistribution distribution;

  private CustomerSatisfaction(Definition definition, ScoreDistribution distribution) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    if (!distribution.scale().equals(definition.scale())) {
      throw new IllegalArgumentException(
          "distribution scale " + distribution.scale() + " differs from " + definition.scale());
    }
  }

  /**
   * Returns CSAT of a distribution.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  @JsonCreator
  public static CustomerSatisfaction of(
      @JsonProperty(value = "definition", required = true) Definition definition,
      @JsonProperty(value = "distribution", required = true) ScoreDistribution distribution) {
    return new CustomerSatisfaction(definition, distribution);
  }

  /**
   * Returns CSAT of unweighted 1..5 {@code scores}, top two boxes, 95%.
   *
   * @throws IllegalArgumentException naming the first score outside 1..5
   */
  public static CustomerSatisfaction of(int... scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns CSAT of unweighted {@code scores}.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static CustomerSatisfaction of(Definition definition, int... scores) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores));
  }

  /**
   * Returns CSAT of unweighted 1..5 {@code scores} stored one per byte.
   *
   * @throws IllegalArgumentException naming the first score outside 1..5
   */
  public static CustomerSatisfaction of(byte[] scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns CSAT of unweighted {@code scores} stored one per byte.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static CustomerSatisfaction of(Definition definition, byte[] scores) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores));
  }

  /**
   * Returns CSAT of {@code scores} with sampling {@code weights}.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is outside the scale or a
   *     weight is NaN, infinite or negative
   */
  public static CustomerSatisfaction of(Definition definition, int[] scores, double[] weights) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores, weights));
  }

  /**
   * Returns CSAT of {@code responses}, which must all use {@code definition.instrument()}.
   *
   * @throws IllegalArgumentException if a response uses another instrument
   */
  public static CustomerSatisfaction of(
      Definition definition, Collection<SurveyResponse> responses) {
    return of(definition, ScoreDistribution.of(definition.instrument(), responses));
  }

  /** Returns a new single-threaded accumulator for the default definition. */
  public static ScoreAccumulator<CustomerSatisfaction> accumulator() {
    return accumulator(Definition.DEFAULT);
  }

  /** Returns a new single-threaded accumulator. */
  public static ScoreAccumulator<CustomerSatisfaction> accumulator(Definition definition) {
    return new ScoreAccumulator<>(
        definition.instrument(), d -> new CustomerSatisfaction(definition, d));
  }

  /** Returns a new thread-safe accumulator, for many writers, for the default definition. */
  public static ConcurrentScoreAccumulator<CustomerSatisfaction> concurrentAccumulator() {
    return concurrentAccumulator(Definition.DEFAULT);
  }

  /** Returns a collector of CSAT responses (default definition); its combiner is the merge. */
  public static Collector<SurveyResponse, ?, CustomerSatisfaction> collector() {
    return collector(Definition.DEFAULT);
  }

  /** Returns a collector of CSAT responses under {@code definition}; its combiner is the merge. */
  public static Collector<SurveyResponse, ?, CustomerSatisfaction> collector(
      Definition definition) {
    Objects.requireNonNull(definition, "definition");
    return ScoreAccumulator.collector(() -> accumulator(definition));
  }

  /** Returns a new thread-safe accumulator, for many writers. */
  public static ConcurrentScoreAccumulator<CustomerSatisfaction> concurrentAccumulator(
      Definition definition) {
    return new ConcurrentScoreAccumulator<>(
        definition.instrument(), d -> new CustomerSatisfaction(definition, d));
  }

  /** Returns the definition. */
  @JsonProperty("definition")
  public Definition definition() {
    return definition;
  }

  /** Returns the score distribution. */
  @Override
  @JsonProperty("distribution")
  public ScoreDistribution distribution() {
    return distribution;
  }

  /** Returns the top-box share (the CSAT score as a proportion) with its Wilson interval. */
  @JsonProperty("topBox")
  public ShareEstimate topBox() {
    Scale s = definition.scale();
    return ShareEstimate.of(
        distribution, s.max() - definition.topBoxes() + 1, s.max(), definition.level());
  }

  /** Returns the mean rating with its t interval. */
  @JsonProperty("mean")
  public MeanEstimate mean() {
    return MeanEstimate.of(distribution, definition.level());
  }

  /** Returns {@code "CSAT"}. */
  @Override
  public String name() {
    return "CSAT";
  }

  /** Returns what {@link #score()} measures, e.g. {@code "CSAT (% satisfied, top 2 boxes)"}. */
  @Override
  public String measure() {
    return "CSAT (% satisfied, top "
        + definition.topBoxes()
        + " box"
        + (definition.topBoxes() == 1 ? "" : "es")
        + ")";
  }

  /**
   * Returns {@link #topBox()}: the share {@link #score()}, its intervals and comparisons are of.
   */
  @Override
  public ShareEstimate headlineShare() {
    return topBox();
  }

  /**
   * Returns the category of {@code score}: satisfied (the top boxes, positive), dissatisfied (as
   * many bottom boxes, negative) or neutral.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  @Override
  public ScoreCategory category(int score) {
    if (!distribution.scale().contains(score)) {
      throw new IllegalArgumentException(
          "score " + score + " is outside the CSAT scale " + distribution.scale());
    }
    return ScoreCategory.ofBoxes(
        distribution.scale(),
        score,
        definition.topBoxes(),
        definition.topBoxes(),
        SATISFIED,
        NEUTRAL,
        DISSATISFIED);
  }

  private static final ScoreCategory SATISFIED =
      new ScoreCategory("satisfied", ScoreCategory.Tone.POSITIVE);
  private static final ScoreCategory NEUTRAL =
      new ScoreCategory("neutral", ScoreCategory.Tone.NEUTRAL);
  private static final ScoreCategory DISSATISFIED =
      new ScoreCategory("dissatisfied", ScoreCategory.Tone.NEGATIVE);

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerSatisfaction
        && definition.equals(((CustomerSatisfaction) o).definition)
        && distribution.equals(((CustomerSatisfaction) o).distribution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(definition, distribution);
  }

  /** Returns e.g. {@code CSAT top-2 on 1..5: 64% (...), mean 3.9 (...)}. */
  @Override
  public String toString() {
    return "CSAT top-"
        + definition.topBoxes()
        + " on "
        + definition.scale()
        + ": "
        + topBox()
        + "; "
        + mean()
        + missingNote();
  }

  private String missingNote() {
    long m = distribution.missingCount();
    return m == 0 ? "" : "; " + m + " missing (not scored)";
  }
}
