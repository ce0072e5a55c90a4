package org.cx4j.core.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * One event in a customer's journey: a customer met a touchpoint at an instant, optionally with an
 * outcome (converted, abandoned, ...), an explicit journey or session id, and further attributes.
 *
 * @param customer who
 * @param touchpoint where
 * @param timestamp when, as an instant on the UTC time line
 * @param outcome what it led to, or {@code null} for none
 * @param journeyId an explicit journey or session id from the source system, or {@code null}
 * @param attributes further attributes; copied, sorted by name, never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interaction(
    CustomerId customer,
    Touchpoint touchpoint,
    Instant timestamp,
    Outcome outcome,
    String journeyId,
    Map<String, String> attributes) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code customer}, {@code touchpoint} or {@code timestamp} is
   *     null, or an attribute name or value is null
   * @throws IllegalArgumentException if {@code journeyId} is blank
   */
  public Interaction {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(touchpoint, () -> "touchpoint of interaction of customer " + customer);
    Objects.requireNonNull(timestamp, () -> "timestamp of interaction of customer " + customer);
    if (journeyId != null && journeyId.isBlank()) {
      throw new IllegalArgumentException(
          "journeyId must be null or non-blank, got '" + journeyId + "'");
    }
    attributes = attributes == null || attributes.isEmpty() ? Map.of() : sorted(attributes);
  }

  /** Returns an interaction with no outcome, journey id or attributes. */
  public static Interaction of(CustomerId customer, Touchpoint touchpoint, Instant timestamp) {
    return new Interaction(customer, touchpoint, timestamp, null, null, Map.of());
  }

  /** Returns an interaction with an outcome (which may be null) and nothing else optional. */
  public static Interaction of(
      CustomerId customer, Touchpoint touchpoint, Instant timestamp, Outcome outcome) {
    return new Interaction(customer, touchpoint, timestamp, outcome, null, Map.of());
  }

  /** Returns whether this interaction has an outcome. */
  public boolean hasOutcome() {
    return outcome != null;
  }

  static Map<String, String> sorted(Map<String, String> in) {
    TreeMap<String, String> m = new TreeMap<>();
    for (Map.Entry<String, String> e : in.entrySet()) {
      m.put(
          Objects.requireNonNull(e.getKey(), "attribute name"),
          Objects.requireNonNull(e.getValue(), () -> "value of attribute " + e.getKey()));
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Interaction[")
            .append(customer)
            .append(" @ ")
            .append(touchpoint.id())
            .append(" (")
            .append(touchpoint.channel())
            .append(", ")
            .append(touchpoint.stage())
            .append(") ")
            .append(timestamp);
    if (outcome != null) {
      sb.append(" -> ").append(outcome);
    }
    if (journeyId != null) {
      sb.append(", journey ").append(journeyId);
    }
    if (!attributes.isEmpty()) {
      sb.append(", ").append(attributes);
    }
    return sb.append(']').toString();
  }
}
