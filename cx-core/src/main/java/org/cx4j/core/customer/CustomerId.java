package org.cx4j.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The identifier of a customer (or survey respondent): an opaque, non-blank string such as {@code
 * "c-000123"} or a CRM key.
 *
 * <p>Serialized to JSON as a plain string. {@link #toString()} returns the value itself so that
 * results read naturally in JShell.
 *
 * @param value the identifier; never blank, never longer than {@value #MAX_LENGTH} characters
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

  /** The longest identifier accepted, so that a mis-mapped column (a comment field) fails fast. */
  public static final int MAX_LENGTH = 256;

  /**
   * Validates the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or longer than {@value #MAX_LENGTH}
   */
  public CustomerId {
    Objects.requireNonNull(value, "customer id value");
    checkArgument(!value.isBlank(), "customer id must not be blank, got '%s'", value);
    checkArgument(
        value.length() <= MAX_LENGTH,
        "customer id must be at most %s characters, got %s",
        MAX_LENGTH,
        value.length());
  }

  /**
   * Returns the customer id for {@code value}; the factory Jackson uses for JSON strings.
   *
   * @throws IllegalArgumentException if {@code value} is blank or too long
   */
  @JsonCreator
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  /** Returns the identifier string; also the JSON form. */
  @Override
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
