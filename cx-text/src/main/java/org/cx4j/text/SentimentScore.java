package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The sentiment of one comment, as {@link SentimentAnalyzer} computes it.
 *
 * @param compound the normalised sum of the token valences, {@code x / sqrt(x^2 + 15)} clamped to
 *     [-1, 1] (Hutto &amp; Gilbert 2014)
 * @param positive the positive share of the comment, in [0, 1]
 * @param neutral the neutral share
 * @param negative the negative share; the three shares sum to 1, or are all 0 when the comment has
 *     no word (only punctuation, say)
 * @param tokens the number of tokens scored
 * @param truncated whether the comment was longer than the analyzer's maximum length and only its
 *     beginning was scored
 */
public record SentimentScore(
    double compound, double positive, double neutral, double negative, int tokens, boolean truncated) {

  /**
   * Validates the ranges.
   *
   * @throws IllegalArgumentException if {@code compound} is outside [-1, 1], a share outside [0, 1]
   *     or {@code tokens} negative
   */
  public SentimentScore {
    checkArgument(compound >= -1 && compound <= 1, "compound must be in [-1, 1], got %s", compound);
    checkArgument(positive >= 0 && positive <= 1, "positive must be in [0, 1], got %s", positive);
    checkArgument(neutral >= 0 && neutral <= 1, "neutral must be in [0, 1], got %s", neutral);
    checkArgument(negative >= 0 && negative <= 1, "negative must be in [0, 1], got %s", negative);
    checkArgument(tokens >= 0, "tokens must be >= 0, got %s", tokens);
  }

  /** Returns the class under the three-class rule of {@link Polarity#of(double)}. */
  public Polarity polarity() {
    return Polarity.of(compound);
  }

  /** Returns whether the comment is positive in a two-class evaluation ({@code compound > 0}). */
  public boolean twoClassPositive() {
    return compound > 0;
  }
}
