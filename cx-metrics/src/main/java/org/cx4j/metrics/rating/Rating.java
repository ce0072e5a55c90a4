package org.cx4j.metrics.rating;

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
 * A general rating on any bounded scale: top-box and bottom-box shares (Wilson intervals), the mean
 * (t interval) and the full distribution. See {@link ShareEstimate} and {@link MeanEstimate} for
 * formulas, weights and the empty case.
 *
 * <pre>{@code
 * Rating.Definition d = new Rating.Definition(Instrument.rating("ease", Scale.of(0, 100)), 20, 0.95);
 * Rating r = Rating.of(d, scores);
 * r.topBox(); r.bottomBox(); r.mean(); r.distribution();
 * }</pre>
 *
 * <p>Immutable and thread-safe; JSON through {@code CxJson.mapper()}.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(
    value = {"n", "topBox", "bottomBox", "mean"},
    allowGetters = true)
@JsonPropertyOrder({"n", "topBox", "bottomBox", "mean", "definition", "distribution"})
public final class Rating implements ShareMetric<Rating> {

  /**
   * What is measured.
   *
   * @param instrument the question and its scale
   * @param boxes how many points make the top box and the bottom box; in 1..points-1
   * @param level the confidence level, in (0, 1)
   */
  public record Definition(Instrument instrument, int boxes, double level) {

    /** A 1..5 rating named "rating", top and bottom two boxes, 95%. */
    public static final Definition DEFAULT =
        new Definition(Instrument.rating("rating", Scale.of(1, 5)), 2, 0.95);

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException if {@code boxes} is not in 1..points-1 or {@code level} is
     *     outside (0, 1)
     */
    public Definition {
      Objects.requireNonNull(instrument, "instrument");
      int points = instrument.scale().points();
      if (boxes < 1 || boxes >= points) {
        throw new IllegalArgumentException(
            "boxes must be in 1.."
                + (points - 1)
                + " for the scale "
                + instrument.scale()
                + ", got "
                + boxes);
      }
      Stats.checkLevel(level);
    }
  }

  private final Definition definition;
  private final ScoreDistribution distribution;

  private Rating(Definition definition, ScoreDistribution distribution) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    if (!distribution.scale().equals(definition.instrument().scale())) {
      throw new IllegalArgumentException(
          "distribution scale "
              + distribution.scale()
              + " differs from "
              + definition.instrument().scale());
    }
  }

  /**
   * Returns the rating of a distribution.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  @JsonCreator
  public static Rating of(
      @JsonProperty(value = "definition", required = true) Definition definition,
      @JsonProperty(value = "distribution", required = true) ScoreDistribution distribution) {
    return new Rating(definition, distribution);
  }

  /**
   * Returns the rating of unweighted 1..5 {@code scores} with the default definition.
   *
   * @throws IllegalArgumentException naming the first score outside 1..5
   */
  public static Rating of(int... scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns the rating of unweighted 1..5 {@code scores} stored one per byte, with the default
   * definition.
   *
   * @throws IllegalArgumentException naming the first score outside 1..5
   */
  public static Rating of(byte[] scores) {
    return of(Definition.DEFAULT, scores);
  }

  /**
   * Returns the rating of unweighted {@code scores}.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static Rating of(Definition definition, int... scores) {
    return of(definition, ScoreDistribution.of(definition.instrument().scale(), scores));
  }

  /**
   * Returns the rating of unweighted {@code scores} stored one per byte.
   *
   * @throws IllegalArgumentException naming the first score outside the scale
   */
  public static Rating of(Definition definition, byte[] scores) {
    return of(definition, ScoreDistribution.of(definition.instrument().scale(), scores));
  }

  /**
   * Returns the rating of {@code scores} with sampling {@code weights}.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is outside the scale or a
   *     weight is NaN, infinite or negative
   */
  public static Rating of(Definition definition, int[] scores, double[] weights) {
    return of(definition, ScoreDistribution.of(definition.instrument().scale(), scores, weights));
  }

  /**
   * Returns the rating of {@code responses}, which must all use {@code definition.instrument()}.
   *
   * @throws IllegalArgumentException if a response uses another instrument
   */
  public static Rating of(Definition definition, Collection<SurveyResponse> responses) {
    return of(definition, ScoreDistribution.of(definition.instrument(), responses));
  }

  /** Returns a new single-threaded accumulator for the default definition. */
  public static ScoreAccumulator<Rating> accumulator() {
    return accumulator(Definition.DEFAULT);
  }

  /** Returns a new thread-safe accumulator, for many writers, for the default definition. */
  public static ConcurrentScoreAccumulator<Rating> concurrentAccumulator() {
    return concurrentAccumulator(Definition.DEFAULT);
  }

  /** Returns a collector of responses (default definition); its combiner is the merge. */
  public static Collector<SurveyResponse, ?, Rating> collector() {
    return collector(Definition.DEFAULT);
  }

  /** Returns a collector of responses under {@code definition}; its combiner is the merge. */
  public static Collector<SurveyResponse, ?, Rating> collector(Definition definition) {
    Objects.requireNonNull(definition, "definition");
    return ScoreAccumulator.collector(() -> accumulator(definition));
  }

  /** Returns a new single-threaded accumulator. */
  public static ScoreAccumulator<Rating> accumulator(Definition definition) {
    return new ScoreAccumulator<>(definition.instrument(), d -> new Rating(definition, d));
  }

  /** Returns a new thread-safe accumulator, for many writers. */
  public static ConcurrentScoreAccumulator<Rating> concurrentAccumulator(Definition definition) {
    return new ConcurrentScoreAccumulator<>(
        definition.instrument(), d -> new Rating(definition, d));
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

  /** Returns the share of the top {@code boxes} points. */
  @JsonProperty("topBox")
  public ShareEstimate topBox() {
    int max = definition.instrument().scale().max();
    return ShareEstimate.of(distribution, max - definition.boxes() + 1, max, definition.level());
  }

  /** Returns the share of the bottom {@code boxes} points. */
  @JsonProperty("bottomBox")
  public ShareEstimate bottomBox() {
    int min = definition.instrument().scale().min();
    return ShareEstimate.of(distribution, min, min + definition.boxes() - 1, definition.level());
  }

  /** Returns the mean rating with its t interval. */
  @JsonProperty("mean")
  public MeanEstimate mean() {
    return MeanEstimate.of(distribution, definition.level());
  }

  /** Returns {@code "Rating"}. */
  @Override
  public String name() {
    return "Rating";
  }

  /** Returns what {@link #score()} measures, e.g. {@code "Rating rating (% top 2 boxes)"}. */
  @Override
  public String measure() {
    return "Rating "
        + definition.instrument().name()
        + " (% top "
        + definition.boxes()
        + " box"
        + (definition.boxes() == 1 ? "" : "es")
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
   * Returns the category of {@code score}: top box (positive), bottom box (negative) or middle.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale
   */
  @Override
  public ScoreCategory category(int score) {
    if (!distribution.scale().contains(score)) {
      throw new IllegalArgumentException(
          "score " + score + " is outside the Rating scale " + distribution.scale());
    }
    return ScoreCategory.ofBoxes(
        distribution.scale(), score, definition.boxes(), definition.boxes(), TOP, MIDDLE, BOTTOM);
  }

  private static final ScoreCategory TOP =
      new ScoreCategory("top box", ScoreCategory.Tone.POSITIVE);
  private static final ScoreCategory MIDDLE =
      new ScoreCategory("middle", ScoreCategory.Tone.NEUTRAL);
  private static final ScoreCategory BOTTOM =
      new ScoreCategory("bottom box", ScoreCategory.Tone.NEGATIVE);

  @Override
  public boolean equals(Object o) {
    return o instanceof Rating
        && definition.equals(((Rating) o).definition)
        && distribution.equals(((Rating) o).distribution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(definition, distribution);
  }

  @Override
  public String toString() {
    return "Rating "
        + definition.instrument()
        + ": top-"
        + definition.boxes()
        + " "
        + topBox()
        + "; bottom-"
        + definition.boxes()
        + " "
        + bottomBox()
        + "; "
        + mean()
        + missingNote();
  }

  private String missingNote() {
    long m = distribution.missingCount();
    return m == 0 ? "" : "; " + m + " missing (not scored)";
  }
}
