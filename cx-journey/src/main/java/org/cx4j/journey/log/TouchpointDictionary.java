package org.cx4j.journey.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * The dictionary that encodes touchpoints as dense int codes {@code 0..size()-1} in an {@link
 * InteractionLog}: code {@code i} is {@code touchpoints().get(i)}. Touchpoints are keyed by {@link
 * Touchpoint#id()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TouchpointDictionary {

  private final ImmutableList<Touchpoint> touchpoints;
  private final Map<String, Integer> codeById;

  private TouchpointDictionary(List<Touchpoint> touchpoints) {
    this.touchpoints = ImmutableList.copyOf(touchpoints);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < this.touchpoints.size(); i++) {
      Touchpoint t = this.touchpoints.get(i);
      Integer prev = m.put(t.id(), i);
      checkArgument(
          prev == null,
          "touchpoint id '%s' is used twice in the dictionary: %s and %s",
          t.id(),
          prev == null ? null : this.touchpoints.get(prev),
          t);
    }
    this.codeById = m;
  }

  /**
   * Returns the dictionary whose code {@code i} is {@code touchpoints.get(i)}.
   *
   * @throws IllegalArgumentException if two touchpoints share an id
   */
  public static TouchpointDictionary of(List<Touchpoint> touchpoints) {
    return new TouchpointDictionary(Objects.requireNonNull(touchpoints, "touchpoints"));
  }

  /** Returns the number of touchpoints. */
  public int size() {
    return touchpoints.size();
  }

  /**
   * Returns the touchpoint with {@code code}.
   *
   * @throws IllegalArgumentException if {@code code} is not in {@code [0, size())}
   */
  public Touchpoint touchpoint(int code) {
    checkArgument(
        code >= 0 && code < touchpoints.size(),
        "touchpoint code %s is outside [0, %s)",
        code,
        touchpoints.size());
    return touchpoints.get(code);
  }

  /** Returns the code of the touchpoint with {@code id}, if it is in the dictionary. */
  public OptionalInt code(String id) {
    Integer c = codeById.get(Objects.requireNonNull(id, "id"));
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }

  /**
   * Returns the code of the touchpoint with {@code id}.
   *
   * @throws IllegalArgumentException if no touchpoint has that id
   */
  public int requireCode(String id) {
    Integer c = codeById.get(Objects.requireNonNull(id, "id"));
    checkArgument(c != null, "unknown touchpoint id '%s'; known: %s", id, codeById.keySet());
    return c;
  }

  /** Returns the touchpoints in code order. */
  public List<Touchpoint> touchpoints() {
    return touchpoints;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TouchpointDictionary
        && ((TouchpointDictionary) o).touchpoints.equals(touchpoints);
  }

  @Override
  public int hashCode() {
    return touchpoints.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TouchpointDictionary[");
    for (int i = 0; i < touchpoints.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(i).append('=').append(touchpoints.get(i).id());
    }
    return sb.append(']').toString();
  }
}
