package org.cx4j.metrics.score;

import java.util.Objects;
import org.cx4j.core.feedback.Scale;

/**
 * What one point of a scale means for a survey metric: its word ("promoter", "satisfied", "easy")
 * and its {@link Tone}, so that charts order and colour categories without parsing words.
 *
 * @param label the metric's word for the category, e.g. {@code "detractor"}
 * @param tone whether the category is bad, neutral or good news
 */
public record ScoreCategory(String label, Tone tone) {

  /** Whether a category is bad, neutral or good news; declared in that order. */
  public enum Tone {
    /** Bad news: detractors, dissatisfied, difficult, bottom box. */
    NEGATIVE,
    /** Neither: passives, neutral answers. */
    NEUTRAL,
    /** Good news: promoters, satisfied, easy, top box. */
    POSITIVE
  }

  /**
   * Validates the category.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code label} is blank
   */
  public ScoreCategory {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tone, "tone");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, got \"" + label + "\"");
    }
  }

  /**
   * Returns the category of {@code score} by boxes: the top {@code top} points of {@code scale} are
   * {@code high}, else the bottom {@code bottom} points {@code low}, else {@code neutral} (the top
   * boxes win where both overlap).
   */
  public static ScoreCategory ofBoxes(
      Scale scale,
      int score,
      int top,
      int bottom,
      ScoreCategory high,
      ScoreCategory neutral,
      ScoreCategory low) {
    return score > scale.max() - top ? high : score < scale.min() + bottom ? low : neutral;
  }

  @Override
  public String toString() {
    return label;
  }
}
