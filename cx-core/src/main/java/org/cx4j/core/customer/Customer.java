package org.cx4j.core.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer: an identifier, the well-known attributes most CX models segment on (signup date,
 * country, plan) and any further attributes as strings.
 *
 * <p>Segment rules ({@link SegmentRule}) read attributes by name through {@link
 * #attribute(String)}; the well-known fields are visible there as {@value #SIGNUP_DATE} (ISO-8601
 * date), {@value #COUNTRY} and {@value #PLAN}.
 *
 * @param id the customer's identifier
 * @param signupDate the date the customer signed up, or {@code null} when unknown
 * @param country the customer's country (free text, ISO 3166 codes recommended), or {@code null}
 * @param plan the customer's plan or tier, or {@code null}
 * @param attributes further attributes; copied, sorted by name, never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
    CustomerId id,
    LocalDate signupDate,
    String country,
    String plan,
    Map<String, String> attributes) {

  /** Attribute name under which {@link #signupDate()} is visible to segment rules. */
  public static final String SIGNUP_DATE = "signup_date";

  /** Attribute name under which {@link #country()} is visible to segment rules. */
  public static final String COUNTRY = "country";

  /** Attribute name under which {@link #plan()} is visible to segment rules. */
  public static final String PLAN = "plan";

  /**
   * Validates and copies the attributes.
   *
   * @throws NullPointerException if {@code id} is null, or an attribute name or value is null
   * @throws IllegalArgumentException if an extra attribute reuses a well-known name
   */
  public Customer {
    Objects.requireNonNull(id, "id");
    attributes = attributes == null || attributes.isEmpty() ? Map.of() : sortedCopy(attributes);
    for (String reserved : new String[] {SIGNUP_DATE, COUNTRY, PLAN}) {
      if (attributes.containsKey(reserved)) {
        throw new IllegalArgumentException(
            "attribute '"
                + reserved
                + "' of customer "
                + id
                + " must be given as the record field, not in attributes");
      }
    }
  }

  /** Returns a customer with only an id. */
  public static Customer of(String id) {
    return new Customer(CustomerId.of(id), null, null, null, Map.of());
  }

  /**
   * Returns the value of the named attribute: the well-known fields by their attribute names
   * ({@code signup_date} as an ISO-8601 date), then the extra attributes.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<String> attribute(String name) {
    Objects.requireNonNull(name, "name");
    switch (name) {
      case SIGNUP_DATE:
        return Optional.ofNullable(signupDate).map(LocalDate::toString);
      case COUNTRY:
        return Optional.ofNullable(country);
      case PLAN:
        return Optional.ofNullable(plan);
      default:
        return Optional.ofNullable(attributes.get(name));
    }
  }

  private static Map<String, String> sortedCopy(Map<String, String> in) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : in.entrySet()) {
      sorted.put(
          Objects.requireNonNull(e.getKey(), "attribute name"),
          Objects.requireNonNull(e.getValue(), () -> "value of attribute " + e.getKey()));
    }
    return java.util.Collections.unmodifiableMap(sorted);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Customer[").append(id);
    if (signupDate != null) {
      sb.append(", signup ").append(signupDate);
    }
    if (country != null) {
      sb.append(", ").append(country);
    }
    if (plan != null) {
      sb.append(", plan ").append(plan);
    }
    if (!attributes.isEmpty()) {
      sb.append(", ").append(attributes);
    }
    return sb.append(']').toString();
  }
}
