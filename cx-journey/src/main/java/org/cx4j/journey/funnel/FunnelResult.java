package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import org.cx4j.journey.timing.DurationSummary;

/**
 * The result of a funnel: per step, how many units (journeys or customers) reached it, the
 * conversion from the first and from the previous step, the drop-off, and the exact distribution of
 * the time to step (rule 9 of the {@link Funnel} definition: the least time from the best attempt's
 * start to an event at this step in one of its valid chains).
 *
 * <p>Counts are non-increasing by construction: a unit that reached step {@code k} reached every
 * earlier step (an optional step counts as passed when skipped). Empty results ({@code entered() ==
 * 0}) have zero counts and {@code NaN} conversions. Immutable.
 */
public final class FunnelResult {

  private final ImmutableList<String> steps;
  private final long[] counts;
  private final ImmutableList<DurationSummary> timeToConvert;

  FunnelResult(List<String> steps, long[] counts, List<DurationSummary> timeToConvert) {
    this.steps = ImmutableList.copyOf(steps);
    this.counts = counts.clone();
    this.timeToConvert = ImmutableList.copyOf(timeToConvert);
  }

  /** Returns the step labels, in funnel order. */
  public List<String> steps() {
    return steps;
  }

  /** Returns the number of steps. */
  public int size() {
    return counts.length;
  }

  /** Returns the number of units that reached the first step. */
  public long entered() {
    return counts[0];
  }

  /** Returns the number of units that reached the last step. */
  public long converted() {
    return counts[counts.length - 1];
  }

  /**
   * Returns the number of units that reached step {@code k} (0-based).
   *
   * @throws IllegalArgumentException if {@code k} is not a step index
   */
  public long count(int k) {
    check(k);
    return counts[k];
  }

  /** Returns all step counts, first step first. */
  public long[] counts() {
    return counts.clone();
  }

  /** Returns {@code count(k) / count(0)}; {@code NaN} when nobody entered. */
  public double conversionFromFirst(int k) {
    check(k);
    return counts[0] == 0 ? Double.NaN : (double) counts[k] / counts[0];
  }

  /**
   * Returns {@code count(k) / count(k - 1)} (1 for the first step); {@code NaN} when the
   * denominator is 0.
   */
  public double conversionFromPrevious(int k) {
    check(k);
    if (k == 0) {
      return counts[0] == 0 ? Double.NaN : 1.0;
    }
    return counts[k - 1] == 0 ? Double.NaN : (double) counts[k] / counts[k - 1];
  }

  /**
   * Returns {@code count(k - 1) - count(k)}, the units lost before step {@code k}; 0 for the first
   * step.
   */
  public long dropOff(int k) {
    check(k);
    return k == 0 ? 0 : counts[k - 1] - counts[k];
  }

  /** Returns the overall conversion, {@code converted() / entered()}; {@code NaN} when empty. */
  public double conversion() {
    return conversionFromFirst(counts.length - 1);
  }

  /**
   * Returns the distribution of the time from the first step to step {@code k}, in whole seconds
   * (exact; median and p90 from {@link DurationSummary}), optional steps included. A unit counted
   * at an optional step that no valid chain of its best attempt matched (it was skipped) has no
   * time for it; step 0 has time 0 in ORDERED and STRICT mode.
   */
  public DurationSummary timeToConvert(int k) {
    check(k);
    return timeToConvert.get(k);
  }

  private void check(int k) {
    checkArgument(
        k >= 0 && k < counts.length, "step index %s is outside [0, %s)", k, counts.length);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FunnelResult)) {
      return false;
    }
    FunnelResult r = (FunnelResult) o;
    return r.steps.equals(steps)
        && Arrays.equals(r.counts, counts)
        && r.timeToConvert.equals(timeToConvert);
  }

  @Override
  public int hashCode() {
    return steps.hashCode() * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FunnelResult[");
    for (int k = 0; k < counts.length; k++) {
      sb.append("\n  ")
          .append(k + 1)
          .append(". ")
          .append(steps.get(k))
          .append(": ")
          .append(counts[k]);
      if (k > 0) {
        DurationSummary t = timeToConvert.get(k);
        sb.append(
            String.format(
                " (%.1f%% of first, %.1f%% of previous, -%d; median %.0fs, p90 %.0fs)",
                100 * conversionFromFirst(k),
                100 * conversionFromPrevious(k),
                dropOff(k),
                t.medianSeconds(),
                t.p90Seconds()));
      }
    }
    return sb.append(']').toString();
  }
}
