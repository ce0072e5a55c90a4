package org.cx4j.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A named group of customers defined by a {@link SegmentRule}, for example {@code "enterprise" :=
 * plan in [enterprise, business]}.
 *
 * @param name the segment's name; non-blank
 * @param rule the membership rule
 */
public record Segment(String name, SegmentRule rule) {

  /**
   * Validates the segment.
   *
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Segment {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "segment name must not be blank");
    Objects.requireNonNull(rule, "rule of segment " + name);
  }

  /** Returns a segment. */
  public static Segment of(String name, SegmentRule rule) {
    return new Segment(name, rule);
  }

  /**
   * Returns whether {@code customer} belongs to this segment.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public boolean contains(Customer customer) {
    return rule.test(Objects.requireNonNull(customer, "customer"));
  }

  @Override
  public String toString() {
    return name + " := " + rule;
  }
}
