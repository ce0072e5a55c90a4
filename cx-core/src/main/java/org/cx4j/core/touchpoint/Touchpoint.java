package org.cx4j.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A point where the customer meets the company, such as the checkout page or the support hotline:
 * an identifier, a display name, the channel it belongs to and the journey stage it serves.
 *
 * <p>Two touchpoints are equal when all four fields are equal; journeys key touchpoints by {@link
 * #id()}.
 *
 * @param id a short stable identifier such as {@code "web_checkout"}; non-blank
 * @param name a display name; defaults to the id when null
 * @param channel the channel
 * @param stage the journey stage
 */
public record Touchpoint(String id, String name, Channel channel, JourneyStage stage) {

  /**
   * Validates the touchpoint.
   *
   * @throws NullPointerException if {@code id}, {@code channel} or {@code stage} is null
   * @throws IllegalArgumentException if {@code id} is blank or longer than 128 characters
   */
  public Touchpoint {
    Objects.requireNonNull(id, "touchpoint id");
    id = id.trim();
    checkArgument(!id.isEmpty(), "touchpoint id must not be blank");
    checkArgument(id.length() <= 128, "touchpoint id must be at most 128 characters: '%s'", id);
    name = name == null || name.isBlank() ? id : name;
    if (channel == null || stage == null) {
      throw new NullPointerException(
          (channel == null ? "channel" : "stage") + " of touchpoint " + id + " is null");
    }
  }

  /** Returns a touchpoint whose name is its id. */
  public static Touchpoint of(String id, Channel channel, JourneyStage stage) {
    return new Touchpoint(id, id, channel, stage);
  }

  @Override
  public String toString() {
    return (name.equals(id) ? id : id + " \"" + name + "\"") + " (" + channel + ", " + stage + ")";
  }
}
