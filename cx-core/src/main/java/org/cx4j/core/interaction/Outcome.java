package org.cx4j.core.interaction;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * What an interaction led to, when it led somewhere: {@link #CONVERTED}, {@link #ABANDONED}, or a
 * user-defined outcome such as {@code resolved}. Names are trimmed and lower-cased. JSON form: the
 * name.
 *
 * @param name the normalized outcome name
 */
public record Outcome(String name) {

  /** The customer completed the goal of the journey (bought, signed up, renewed). */
  public static final Outcome CONVERTED = new Outcome("converted");

  /** The customer gave up (left the cart, hung up, closed the chat). */
  public static final Outcome ABANDONED = new Outcome("abandoned");

  /**
   * Normalizes and validates the name.
   *
   * @throws IllegalArgumentException if {@code name} is blank or longer than 64 characters
   */
  public Outcome {
    Objects.requireNonNull(name, "outcome name");
    name = name.trim().toLowerCase(Locale.ROOT);
    checkArgument(!name.isEmpty(), "outcome name must not be blank");
    checkArgument(name.length() <= 64, "outcome name must be at most 64 characters: '%s'", name);
  }

  /** Returns the outcome called {@code name}. @throws IllegalArgumentException if blank */
  @JsonCreator
  public static Outcome of(String name) {
    Objects.requireNonNull(name, "outcome name");
    if (name.equals(CONVERTED.name)) { // as most files write them: no copy to normalize
      return CONVERTED;
    }
    if (name.equals(ABANDONED.name)) {
      return ABANDONED;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals(CONVERTED.name)) {
      return CONVERTED;
    }
    if (n.equals(ABANDONED.name)) {
      return ABANDONED;
    }
    return new Outcome(n);
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
