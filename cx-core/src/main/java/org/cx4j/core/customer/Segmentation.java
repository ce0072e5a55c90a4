package org.cx4j.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Assigns each customer to exactly one of several named segments: the first segment (in the given
 * order) whose rule the customer satisfies, or the fallback segment when none does.
 *
 * <p>First-match order makes the assignment a partition even when rules overlap, which is what
 * breakdowns by segment need: each customer counts in one group.
 *
 * @param segments the segments in priority order; names unique and different from the fallback
 * @param fallback the name of the segment for customers that match no rule
 */
public record Segmentation(List<Segment> segments, String fallback) {

  /** The fallback segment name used by {@link #of(Segment...)}. */
  public static final String OTHER = "other";

  /**
   * Validates the segmentation.
   *
   * @throws IllegalArgumentException if a name repeats or the fallback is blank
   */
  public Segmentation {
    segments = List.copyOf(segments);
    Objects.requireNonNull(fallback, "fallback");
    checkArgument(!fallback.isBlank(), "fallback segment name must not be blank");
    Set<String> names = new HashSet<>();
    names.add(fallback);
    for (Segment s : segments) {
      checkArgument(
          names.add(s.name()),
          "segment name '%s' is used twice (or equals the fallback '%s')",
          s.name(),
          fallback);
    }
  }

  /** Returns a segmentation with the fallback segment {@value #OTHER}. */
  public static Segmentation of(Segment... segments) {
    return new Segmentation(List.of(segments), OTHER);
  }

  /**
   * Returns the name of the segment {@code customer} belongs to.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public String assign(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    for (Segment s : segments) {
      if (s.rule().test(customer)) {
        return s.name();
      }
    }
    return fallback;
  }

  /** Returns every segment name, in priority order, the fallback last. */
  public List<String> names() {
    String[] names = new String[segments.size() + 1];
    for (int i = 0; i < segments.size(); i++) {
      names[i] = segments.get(i).name();
    }
    names[segments.size()] = fallback;
    return List.of(names);
  }

  @Override
  public String toString() {
    return "Segmentation" + names();
  }
}
