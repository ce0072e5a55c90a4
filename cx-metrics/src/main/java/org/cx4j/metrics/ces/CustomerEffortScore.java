package org.cx4j.metrics.ces;

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
 * Customer Effort Score (CES): the mean answer (by default on 1..7, CES 2.0: "the company made it
 * easy to handle my issue", 7 = strongly agree) with its t interval, and the share of "easy"
 * answers (by default 5-7) with its Wilson interval. The direction is configurable, since some
 * programs score low effort high and others (CES 1.0) score high effort high: with {@link
 * Direction#LOW_IS_EASY} the easy boxes are the lowest ones. {@link #mean()} is always on the raw
 * scale. See {@link ShareEstimate} and {@link MeanEstimate} for formulas, weights and the empty
 * case.
 *
 * <pre>{@code
 * CustomerEffortScore ces = CustomerEffortScore.of(scores);          // 1..7, 5-7 easy
 * ces.easyShare().share(); ces.mean().interval();
 * }</pre>
 *
 * <p>Immutable and thread-safe; JSON through {@code CxJson.mapper()}.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(
    value = {"n", "easyShare", "mean"},
    allowGetters = true)
@JsonPropertyOrder({"n", "easyShare", "mean", "definition", "distribution"})
public final class CustomerEffortScore implements ShareMetric<CustomerEffortScore> {

  /** Which end of the scale means low effort. */
  public enum Direction {
    /** High scores mean easy (CES 2.0 agreement scale). */
    HIGH_IS_EASY,
    /** Low scores mean easy (effort scales such as CES 1.0, 1 = very low effort). */
    LOW_IS_EASY
  }

  /**
   * What is measured.
   *
   * @param scale the scale
   * @param direction which end means easy
   * @param easyBoxes how many points at that end count as easy; in 1..points-1
   * @param level the confidence level, in (0, 1)
   */
  public record Definition(Scale scale, Direction direction, int easyBoxes, double level) {

    /** 1..7, high is easy, 5-7 easy, 95%. */
    public static final Definition DEFAULT =
        new Definition(Scale.of(1, 7), Direction.HIGH_IS_EASY, 3, 0.95);

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException if {@code easyBoxes} is not in 1..points-1 or {@code level}
     *     is outside (0, 1)
     */
    public Definition {
      Objects.requireNonNull(scale, "scale");
      Objects.requireNonNull(direction, "direction");
      if (easyBoxes < 1 || easyBoxes >= scale.points()) {
        throw new IllegalArgumentException(
            "easyBoxes must be in 1.."
                + (scale.points() - 1)
                + " for the scale "
                + scale
                + ", got "
                + easyBoxes);
      }
      Stats.checkLevel(level);
    }

    /** Returns the CES instrument on this scale. */
    public Instrument instrument() {
      return Instrument.ces(scale);
    }
  }

  private final Definition definition;
  private final ScoreDistribution distribution;

  private CustomerEffortScore(Definition definition, ScoreDistribution distribution) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    if (!distribution.scale().equals(definition.scale())) {
      throw new IllegalArgumentException(
          "distribution scale " + distribution.scale() + " differs from " + definition.scale());
    }
  }

  /**
   * Returns CES of a distribution.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  @JsonCreator
  public static CustomerEffortScore of(
      @JsonProperty(value = "definition", required = true) Definition definition,
      @JsonProperty(value = "distribution", required = true) ScoreDistribution distribution) {
    return new CustomerEffortScore(definition, distribution);
  }

  /**
   * Returns CES of unweighted 1..7 {@code scores} with the default definition.
   *
   * @throws IllegalArgumentException naming the first score outside 1..7
   */
  public static CustomerEffortScore of(int... scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns CES of unweighted {@code scores}.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static CustomerEffortScore of(Definition definition, int... scores) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores));
  }

  /**
   * Returns CES of unweighted 1..7 {@code scores} stored one per byte, with the default definition.
   *
   * @throws IllegalArgumentException naming the first score outside 1..7
   */
  public static CustomerEffortScore of(byte[] scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns CES of unweighted {@code scores} stored one per byte.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static CustomerEffortScore of(Definition definition, byte[] scores) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores));
  }

  /**
   * Returns CES of {@code scores} with sampling {@code weights}.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is outside the scale or a
   *     weight is NaN, infinite or negative
   */
  public static CustomerEffortScore of(Definition definition, int[] scores, double[] weights) {
    return of(definition, ScoreDistribution.of(definition.scale(), scores, weights));
  }

  /**
   * Returns CES of {@code responses}, which must all use {@code definition.instrument()}.
   *
   * @throws IllegalArgumentException if a response uses another instrument
   */
  public static CustomerEffortScore of(
      Definition definition, Collection<SurveyResponse> responses) {
    return of(definition, ScoreDistribution.of(definition.instrument(), responses));
  }

  /** Returns a new single-threaded accumulator for the default definition. */
  public static ScoreAccumulator<CustomerEffortScore> accumulator() {
    return accumulator(Definition.DEFAULT);
  }

  /** Returns a new single-threaded accumulator. */
  public static ScoreAccumulator<CustomerEffortScore> accumulator(Definition definition) {
    return new ScoreAccumulator<>(
        definition.instrument(), d -> new CustomerEffortScore(definition, d));
  }

  /** Returns a new thread-safe accumulator, for many writers, for the default definition. */
  public static ConcurrentScoreAccumulator<CustomerEffortScore> concurrentAccumulator() {
    return concurrentAccumulator(Definition.DEFAULT);
  }

  /** Returns a collector of CES responses (default definition); its combiner is the merge. */
  public static Collector<SurveyResponse, ?, CustomerEffortScore> collector() {
    return collector(Definition.DEFAULT);
  }

  /** Returns a collector of CES responses under {@code definition}; its combiner is the merge. */
  public static Collector<SurveyResponse, ?, CustomerEffortScore> collector(Definition definition) {
    Objects.requireNonNull(definition, "definition");
    return ScoreAccumulator.collector(() -> accumulator(definition));
  }

  /** Returns a new thread-safe accumulator, for many writers. */
  public static ConcurrentScoreAccumulator<CustomerEffortScore> concurrentAccumulator(
      Definition definition) {
    return new ConcurrentScoreAccumulator<>(
        definition.instrument(), d -> new CustomerEffortScore(definition, d));
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

  /** Returns the share of easy answers with its Wilson interval. */
  @JsonProperty("easyShare")
  public ShareEstimate easyShare() {
    Scale s = definition.scale();
    int k = definition.easyBoxes();
    return definition.direction() == Direction.HIGH_IS_EASY
        ? ShareEstimate.of(distribution, s.max() - k + 1, s.max(), definition.level())
        : ShareEstimate.of(distribution, s.min(), s.min() + k - 1, definition.level());
  }

  /** Returns the mean answer on the raw scale, with its t interval. */
  @JsonProperty("mean")
  public MeanEstimate mean() {
    return MeanEstimate.of(distribution, definition.level());
  }

  /** Returns {@code "CES"}. */
  @Override
  public String name() {
    return "CES";
  }

  /** Returns what {@link #score()} measures, e.g. {@code "CES (% easy, top 3 boxes)"}. */
  @Override
  public String measure() {
    return "CES (% easy, "
        + (definition.direction() == Direction.HIGH_IS_EASY ? "top " : "bottom ")
        + definition.easyBoxes()
        + " box"
        + (definition.easyBoxes() == 1 ? "" : "es")
        + ")";
  }

  /**
   * Returns {@link #easyShare()}: the share {@link #score()}, its intervals and comparisons are of.
   */
  @Override
  public ShareEstimate headlineShare() {
    return easyShare();
  }

  /**
   * Returns the category of {@code score}: easy (the easy boxes at the easy end, positive),
   * difficult (as many boxes at the other end, negative) or neutral.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  @Override
  public ScoreCategory category(int score) {
    if (!distribution.scale().contains(score)) {
      throw new IllegalArgumentException(
          "score " + score + " is outside the CES scale " + distribution.scale());
    }
    int k = definition.easyBoxes();
    return definition.direction() == Direction.HIGH_IS_EASY
        ? ScoreCategory.ofBoxes(distribution.scale(), score, k, k, EASY, NEUTRAL, DIFFICULT)
        : ScoreCategory.ofBoxes(distribution.scale(), score, k, k, DIFFICULT, NEUTRAL, EASY);
  }

  private static final ScoreCategory EASY = new ScoreCategory("easy", ScoreCategory.Tone.POSITIVE);
  private static final ScoreCategory NEUTRAL =
      new ScoreCategory("neutral", ScoreCategory.Tone.NEUTRAL);
  private static final ScoreCategory DIFFICULT =
      new ScoreCategory("difficult", ScoreCategory.Tone.NEGATIVE);

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerEffortScore
        && definition.equals(((CustomerEffortScore) o).definition)
        && distribution.equals(((CustomerEffortScore) o).distribution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(definition, distribution);
  }

  @Override
  public String toString() {
    return "CES on "
        + definition.scale()
        + " ("
        + definition.direction().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + "): "
        + mean()
        + "; easy "
        + easyShare()
        + missingNote();
  }

  private String missingNote() {
    long m = distribution.missingCount();
    return m == 0 ? "" : "; " + m + " missing (not scored)";
  }
}
