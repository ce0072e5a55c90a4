package org.cx4j.text;

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
    double compound,
    double positive,
    double neutral,
    double negative,
    int tokens,
    boolean truncated) {

  /**
   * Validates the ranges.
   *
   * @throws IllegalArgumentException if {@code compound} is outside [-1, 1], a share outside [0, 1]
   *     or {@code tokens} negative
   */
  public SentimentScore {
    // Checked before any message is built: the scorer makes one of these per comment.
    if (!(compound >= -1 && compound <= 1)) {
      throw new IllegalArgumentException("compound must be in [-1, 1], got " + compound);
    }
    checkShare("positive", positive);
    checkShare("neutral", neutral);
    checkShare("negative", negative);
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
    }
  }

  private static void checkShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + share);
    }
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
