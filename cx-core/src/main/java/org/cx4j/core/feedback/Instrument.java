package org.cx4j.core.feedback;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;

/**
 * A survey question type with its scale: what a score means and which scores are valid.
 *
 * <ul>
 *   <li>{@link #nps()}: "How likely are you to recommend us?", 0..10 (fixed: NPS is defined on
 *       eleven points, Reichheld 2003);
 *   <li>{@link #csat()}: customer satisfaction, 1..5 by default, or another scale via {@link
 *       #csat(Scale)} (1..7, 1..10);
 *   <li>{@link #ces()}: customer effort, 1..7 by default (CES 2.0), or another scale;
 *   <li>{@link #rating(String, Scale)}: any user-defined rating.
 * </ul>
 *
 * @param kind the kind of question
 * @param name the instrument's name, as it appears in data files; lower-case, non-blank
 * @param scale the valid scores
 */
public record Instrument(Kind kind, String name, Scale scale) {

  /** The kinds of survey instruments. */
  public enum Kind {
    /** Net Promoter Score, 0..10. */
    NPS,
    /** Customer satisfaction. */
    CSAT,
    /** Customer effort score. */
    CES,
    /** Any other rating scale. */
    RATING
  }

  private static final Scale NPS_SCALE = new Scale(0, 10);
  private static final Instrument NPS = new Instrument(Kind.NPS, "nps", NPS_SCALE);
  private static final Instrument CSAT = new Instrument(Kind.CSAT, "csat", new Scale(1, 5));
  private static final Instrument CES = new Instrument(Kind.CES, "ces", new Scale(1, 7));

  /**
   * Validates the instrument.
   *
   * @throws IllegalArgumentException if {@code name} is blank, or an NPS instrument is not on 0..10
   */
  public Instrument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scale, "scale");
    name = name.trim().toLowerCase(Locale.ROOT);
    checkArgument(!name.isEmpty(), "instrument name must not be blank");
    checkArgument(
        kind != Kind.NPS || scale.equals(NPS_SCALE),
        "an NPS instrument must use the 0..10 scale, got %s",
        scale);
  }

  /** Returns the Net Promoter Score instrument, 0..10, named {@code nps}. */
  public static Instrument nps() {
    return NPS;
  }

  /** Returns the CSAT instrument on 1..5, named {@code csat}. */
  public static Instrument csat() {
    return CSAT;
  }

  /** Returns a CSAT instrument on {@code scale}, named {@code csat}. */
  public static Instrument csat(Scale scale) {
    // the shared instance for the default scale: accumulators compare instruments per row
    return CSAT.scale.equals(scale) ? CSAT : new Instrument(Kind.CSAT, "csat", scale);
  }

  /** Returns the Customer Effort Score instrument on 1..7, named {@code ces}. */
  public static Instrument ces() {
    return CES;
  }

  /** Returns a CES instrument on {@code scale}, named {@code ces}. */
  public static Instrument ces(Scale scale) {
    return CES.scale.equals(scale) ? CES : new Instrument(Kind.CES, "ces", scale);
  }

  /**
   * Returns a user-defined rating instrument.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Instrument rating(String name, Scale scale) {
    return new Instrument(Kind.RATING, name, scale);
  }

  /** Returns whether {@code score} is valid for this instrument. */
  public boolean accepts(int score) {
    return scale.contains(score);
  }

  /**
   * Returns {@code score} if it is valid for this instrument.
   *
   * @throws IllegalArgumentException naming the instrument, the score and the scale otherwise
   */
  public int validate(int score) {
    if (!scale.contains(score)) {
      throw new IllegalArgumentException(
          "score " + score + " is outside the " + name + " scale " + scale);
    }
    return score;
  }

  @Override
  public String toString() {
    return name + " " + scale;
  }
}
