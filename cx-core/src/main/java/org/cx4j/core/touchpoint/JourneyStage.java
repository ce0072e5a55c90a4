package org.cx4j.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A stage of the customer journey, such as {@link #AWARENESS} or a user-defined {@code onboarding}.
 * A stage is only a name; its position comes from the {@link StageModel} in use, so the same stage
 * can sit in different orders in different models.
 *
 * <p>Names are normalized like channel names: trimmed, lower-cased, inner spaces as {@code _}. JSON
 * form: the name.
 *
 * @param name the normalized stage name
 */
public record JourneyStage(String name) {

  /** The customer learns the company or product exists. */
  public static final JourneyStage AWARENESS = new JourneyStage("awareness");

  /** The customer evaluates, compares and researches. */
  public static final JourneyStage CONSIDERATION = new JourneyStage("consideration");

  /** The customer buys or signs up. */
  public static final JourneyStage PURCHASE = new JourneyStage("purchase");

  /** The customer uses the product, gets support, renews. */
  public static final JourneyStage RETENTION = new JourneyStage("retention");

  /** The customer recommends the company to others. */
  public static final JourneyStage ADVOCACY = new JourneyStage("advocacy");

  /**
   * Normalizes and validates the name.
   *
   * @throws IllegalArgumentException if {@code name} is blank or longer than 64 characters
   */
  public JourneyStage {
    Objects.requireNonNull(name, "stage name");
    name = Names.normalize(name);
    checkArgument(!name.isEmpty(), "stage name must not be blank");
    checkArgument(name.length() <= 64, "stage name must be at most 64 characters: '%s'", name);
  }

  /**
   * Returns the stage called {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  @JsonCreator
  public static JourneyStage of(String name) {
    return new JourneyStage(name);
  }

  /** Returns the normalized name; also the JSON form. */
  @Override
  @JsonValue
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
