package org.cx4j.metrics.breakdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.grouped.GroupedColumns;
import org.cx4j.metrics.score.grouped.GroupedScores;

/**
 * A metric broken down by a key (segment, touchpoint, channel, journey stage, or any function of a
 * response), computed in one pass: the overall figure and each group's figure with its interval.
 * Groups with fewer than {@code minimumN} responses are kept and {@linkplain Group#isSmall()
 * flagged}, never hidden; their intervals are wide, not wrong.
 *
 * <pre>{@code
 * Breakdown<Channel, NetPromoterScore> b =
 *     Breakdown.of(responses, Breakdown.byChannel(), NetPromoterScore::accumulator, 30);
 * b.overall(); b.groups(); b.group(Channel.WEB);
 * }</pre>
 *
 * <p>A table already held in columns (scores and group codes in arrays) is broken down by the
 * grouped kernel: {@link #of(List, GroupedColumns, Supplier, long)}.
 *
 * <p>Responses whose key is {@code null} (no touchpoint, say) count in the overall figure and in
 * {@link #unassigned()}. Groups keep the order in which their keys were first seen. Immutable.
 *
 * @param <K> the key type
 * @param <R> the metric type
 */
public final class Breakdown<K, R> {

  /**
   * One group of a breakdown.
   *
   * @param key the key
   * @param n the number of responses in the group
   * @param small whether {@code n} is below the breakdown's minimum
   * @param result the group's metric
   * @param <K> the key type
   * @param <R> the metric type
   */
  public record Group<K, R>(K key, long n, boolean small, R result) {

    /** Returns whether the group has fewer responses than the breakdown's minimum n. */
    public boolean isSmall() {
      return small;
    }

    @Override
    public String toString() {
      return key + (small ? " (small: n " + n + ")" : "") + ": " + result;
    }
  }

  private final R overall;
  private final List<Group<K, R>> groups;
  private final Map<K, Group<K, R>> byKey;
  private final Group<K, R> unassigned;
  private final long minimumN;

  private Breakdown(R overall, List<Group<K, R>> groups, Group<K, R> unassigned, long minimumN) {
    this.overall = overall;
    this.groups = Collections.unmodifiableList(groups);
    Map<K, Group<K, R>> m = new LinkedHashMap<>();
    for (Group<K, R> g : groups) {
      m.put(g.key(), g);
    }
    this.byKey = Collections.unmodifiableMap(m);
    this.unassigned = unassigned;
    this.minimumN = minimumN;
  }

  /**
   * Returns the breakdown of {@code responses} by {@code key}, each group and the overall figure
   * computed by accumulators from {@code accumulator}, in one pass.
   *
   * @param responses the responses
   * @param key the grouping key of a response; {@code null} means unassigned
   * @param accumulator a factory of fresh accumulators, e.g. {@code NetPromoterScore::accumulator}
   * @param minimumN the smallest group size considered large enough for a meaningful interval
   * @throws IllegalArgumentException if {@code minimumN < 0}, or as the accumulator's {@code
   *     add(SurveyResponse)} for a response of another instrument
   */
  public static <K, R> Breakdown<K, R> of(
      Iterable<SurveyResponse> responses,
      Function<? super SurveyResponse, ? extends K> key,
      Supplier<ScoreAccumulator<R>> accumulator,
      long minimumN) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(accumulator, "accumulator");
    if (minimumN < 0) {
      throw new IllegalArgumentException("minimumN must be non-negative, got " + minimumN);
    }
    ScoreAccumulator<R> all = accumulator.get();
    Map<K, ScoreAccumulator<R>> parts = new LinkedHashMap<>();
    ScoreAccumulator<R> none = null;
    Function<K, ScoreAccumulator<R>> newPart = x -> accumulator.get(); // one, not one per row
    K lastKey = null;
    ScoreAccumulator<R> lastPart = null;
    for (SurveyResponse r : responses) {
      all.add(r);
      K k = key.apply(r);
      ScoreAccumulator<R> acc;
      if (k == null) {
        if (none == null) {
          none = accumulator.get();
        }
        acc = none;
      } else if (k == lastKey) { // the same key object as the row before: no map lookup
        acc = lastPart;
      } else {
        acc = parts.computeIfAbsent(k, newPart);
        lastKey = k;
        lastPart = acc;
      }
      acc.add(r);
    }
    List<Group<K, R>> groups = new ArrayList<>(parts.size());
    for (Map.Entry<K, ScoreAccumulator<R>> e : parts.entrySet()) {
      groups.add(group(e.getKey(), e.getValue(), minimumN));
    }
    return new Breakdown<>(
        all.result(), groups, none == null ? null : group(null, none, minimumN), minimumN);
  }

  /**
   * Returns the breakdown of a table held in columns: row {@code i} has a score and the group code
   * {@code c}, whose key is {@code keys.get(c)} (e.g. the segment names, in code order). Computed
   * in one pass by the grouped kernel ({@link GroupedScores}), with the same results as {@link
   * #of(Iterable, Function, Supplier, long)} on the same rows, weighted if the columns are. Groups
   * keep the order of {@code keys}; keys without a row are left out, as the response form never
   * sees them; there is no unassigned group.
   *
   * <pre>{@code
   * Breakdown<String, NetPromoterScore> b = Breakdown.of(List.of("new", "loyal", "lapsed"),
   *     GroupedColumns.of(scores, segmentCodes, 3), NetPromoterScore::accumulator, 30);
   * }</pre>
   *
   * @param keys the key of each group code, distinct and not null
   * @param columns scores, group codes (0 to {@code keys.size() - 1}) and optional weights
   * @param accumulator a factory of fresh accumulators, e.g. {@code NetPromoterScore::accumulator}
   * @param minimumN the smallest group size considered large enough for a meaningful interval
   * @throws IllegalArgumentException if {@code minimumN < 0}, the number of keys is not the group
   *     count of the columns, a key repeats, or as {@link GroupedScores#of} for an invalid score,
   *     code or weight (naming its index and value)
   * @throws NullPointerException if a key is null
   */
  public static <K, R> Breakdown<K, R> of(
      List<? extends K> keys,
      GroupedColumns columns,
      Supplier<ScoreAccumulator<R>> accumulator,
      long minimumN) {
    List<K> ks = List.copyOf(keys);
    Objects.requireNonNull(accumulator, "accumulator");
    if (minimumN < 0) {
      throw new IllegalArgumentException("minimumN must be non-negative, got " + minimumN);
    }
    if (ks.size() != columns.groupCount()) {
      throw new IllegalArgumentException(
          "keys has "
              + ks.size()
              + " entries; the columns have "
              + columns.groupCount()
              + " groups");
    }
    if (new HashSet<>(ks).size() != ks.size()) {
      throw new IllegalArgumentException("keys must be distinct, got " + ks);
    }
    GroupedScores<R> r = GroupedScores.of(accumulator, columns);
    List<Group<K, R>> groups = new ArrayList<>();
    for (int c = 0; c < ks.size(); c++) {
      long n = r.n(c);
      if (n > 0) {
        groups.add(new Group<>(ks.get(c), n, n < minimumN, r.group(c)));
      }
    }
    return new Breakdown<>(r.overall(), groups, null, minimumN);
  }

  private static <K, R> Group<K, R> group(K key, ScoreAccumulator<R> acc, long minimumN) {
    long n = acc.n();
    return new Group<>(key, n, n < minimumN, acc.result());
  }

  /** Returns the key of a response's touchpoint id, or null without a touchpoint. */
  public static Function<SurveyResponse, String> byTouchpoint() {
    return r -> r.touchpoint() == null ? null : r.touchpoint().id();
  }

  /** Returns the key of a response's channel, or null without a touchpoint. */
  public static Function<SurveyResponse, Channel> byChannel() {
    return r -> r.touchpoint() == null ? null : r.touchpoint().channel();
  }

  /** Returns the key of a response's journey stage, or null without a touchpoint. */
  public static Function<SurveyResponse, JourneyStage> byStage() {
    return r -> r.touchpoint() == null ? null : r.touchpoint().stage();
  }

  /**
   * Returns the key of a respondent's segment under {@code segmentation}, looking customers up in
   * {@code customers}; an unknown customer has no segment (null).
   */
  public static Function<SurveyResponse, String> bySegment(
      Segmentation segmentation, Map<CustomerId, Customer> customers) {
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(customers, "customers");
    return r -> {
      Customer c = customers.get(r.customer());
      return c == null ? null : segmentation.assign(c);
    };
  }

  /** Returns the overall metric, over every response. */
  public R overall() {
    return overall;
  }

  /** Returns the groups, in the order their keys were first seen. */
  public List<Group<K, R>> groups() {
    return groups;
  }

  /** Returns the group of {@code key}, if any response had it. */
  public Optional<Group<K, R>> group(K key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Returns the group of responses without a key, if any. */
  public Optional<Group<K, R>> unassigned() {
    return Optional.ofNullable(unassigned);
  }

  /** Returns the minimum group size below which a group is flagged small. */
  public long minimumN() {
    return minimumN;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Breakdown (minimum n ")
            .append(minimumN)
            .append(")\n  overall: ")
            .append(overall);
    for (Group<K, R> g : groups) {
      sb.append("\n  ").append(g);
    }
    if (unassigned != null) {
      sb.append("\n  (no key)")
          .append(unassigned.small() ? " (small: n " + unassigned.n() + ")" : "")
          .append(": ")
          .append(unassigned.result());
    }
    return sb.toString();
  }
}
