package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A funnel broken down into groups by a {@link FunnelProperty} read at an {@link Attribution} step:
 * one {@link FunnelResult} per group, groups sorted by name (periods sort chronologically).
 * Immutable.
 */
public final class FunnelBreakdown {

  private final ImmutableSortedMap<String, FunnelResult> groups;
  private final Attribution attribution;

  FunnelBreakdown(Map<String, FunnelResult> groups, Attribution attribution) {
    this.groups = ImmutableSortedMap.copyOf(groups);
    this.attribution = attribution;
  }

  /** Returns the result per group, sorted by group name. */
  public SortedMap<String, FunnelResult> groups() {
    return groups;
  }

  /**
   * Returns the result of group {@code name}.
   *
   * @throws IllegalArgumentException if there is no such group
   */
  public FunnelResult group(String name) {
    FunnelResult r = groups.get(Objects.requireNonNull(name, "name"));
    checkArgument(r != null, "no group '%s'; groups: %s", name, groups.keySet());
    return r;
  }

  /** Returns where the property was read. */
  public Attribution attribution() {
    return attribution;
  }

  /**
   * Compares the conversion from the first step to step {@code step} of groups {@code a} and {@code
   * b} with the pooled two-proportion z test ({@link ProportionTest#TWO_PROPORTION_Z}).
   *
   * @throws IllegalArgumentException if a group is missing or {@code step} is out of range
   */
  public ConversionComparison compare(String a, String b, int step) {
    return compare(a, b, step, ProportionTest.TWO_PROPORTION_Z);
  }

  /**
   * Compares the conversion from the first step to step {@code step} of groups {@code a} and {@code
   * b} with {@code test}.
   *
   * @throws IllegalArgumentException if a group is missing or {@code step} is out of range
   */
  public ConversionComparison compare(String a, String b, int step, ProportionTest test) {
    Objects.requireNonNull(test, "test");
    FunnelResult ra = group(a);
    FunnelResult rb = group(b);
    long ca = ra.count(step);
    long cb = rb.count(step);
    return new ConversionComparison(
        a,
        b,
        step,
        ca,
        ra.entered(),
        cb,
        rb.entered(),
        test.pValue(ca, ra.entered(), cb, rb.entered()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FunnelBreakdown[by ").append(attribution);
    for (Map.Entry<String, FunnelResult> e : groups.entrySet()) {
      FunnelResult r = e.getValue();
      sb.append(
          String.format(
              "%n  %s: %d entered, %d converted (%.1f%%)",
              e.getKey(), r.entered(), r.converted(), 100 * r.conversion()));
    }
    return sb.append(']').toString();
  }
}
