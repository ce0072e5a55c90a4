package org.cx4j.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.journey.funnel.CountingUnit;
import org.cx4j.journey.funnel.ExclusionScope;
import org.cx4j.journey.funnel.FunnelMode;

/**
 * The funnel definition of the cx-journey README, applied literally and naively: for each unit,
 * every attempt and every chain (every assignment of events to steps) is enumerated, the rules are
 * checked one by one, and the best attempt is kept. Written from the README, not from the engine;
 * exponential, for small logs only.
 */
final class FunnelReference {

  /**
   * A funnel as the reference sees it: per step the set of touchpoint ids it matches, which steps
   * are optional, the windows in millis ({@code Long.MAX_VALUE}: none) and per gap {@code g} the
   * touchpoint ids excluded between step {@code g} and {@code g + 1}.
   */
  record Spec(
      FunnelMode mode,
      CountingUnit unit,
      ExclusionScope scope,
      List<Set<String>> steps,
      boolean[] optional,
      long window,
      long[] stepWindow,
      List<Set<String>> exclusions) {}

  /** One event of a unit: time and touchpoint. */
  private record Event(long millis, String touchpoint) {}

  /**
   * The result over a log: per step the count and the sorted times to step, in millis; and the
   * counts per touchpoint of the best attempt's event at its furthest step (the event giving the
   * time to that step, the earliest on ties), as a breakdown at the last step reached groups them.
   */
  record Result(long[] counts, List<List<Long>> times, Map<String, long[]> byLastTouchpoint) {}

  /** A unit's best attempt: times to step ({@code -1}: none), event positions, furthest step. */
  private record Best(long[] times, int[] pos, int furthest) {}

  private FunnelReference() {}

  /**
   * Returns counts and times of {@code spec} over {@code log}, whose list order is the input order.
   * Journeys are the (customer, journey id) groups (a rebuild with ids and no inactivity gap); a
   * customer unit is all events of the customer.
   */
  static Result run(Spec spec, List<Interaction> log) {
    // Rule 1: units, each ordered by (timestamp, input position).
    Map<String, List<Integer>> units = new LinkedHashMap<>();
    for (int i = 0; i < log.size(); i++) {
      Interaction in = log.get(i);
      String key =
          in.customer().value() + (spec.unit() == CountingUnit.JOURNEY ? "/" + in.journeyId() : "");
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    int m = spec.steps().size();
    long[] counts = new long[m];
    List<List<Long>> times = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      times.add(new ArrayList<>());
    }
    Map<String, long[]> byLast = new java.util.TreeMap<>();
    for (List<Integer> idx : units.values()) {
      idx.sort(
          Comparator.<Integer>comparingLong(i -> log.get(i).timestamp().toEpochMilli())
              .thenComparingInt(i -> i));
      List<Event> events = new ArrayList<>();
      for (int i : idx) {
        events.add(new Event(log.get(i).timestamp().toEpochMilli(), log.get(i).touchpoint().id()));
      }
      Best best = unit(spec, events, true);
      if (spec.scope() == ExclusionScope.DROP_UNIT) {
        Best raw = unit(spec, events, false);
        if (raw.furthest() > best.furthest()) {
          continue; // rule 5, DROP_UNIT: exclusions cost this unit progress
        }
      }
      int f = best.furthest();
      for (int k = 0; k <= f; k++) {
        counts[k]++;
        if (best.times()[k] >= 0) {
          times.get(k).add(best.times()[k]);
        }
      }
      if (f >= 0) {
        long[] c = byLast.computeIfAbsent(events.get(best.pos()[f]).touchpoint(), x -> new long[m]);
        for (int k = 0; k <= f; k++) {
          c[k]++;
        }
      }
    }
    for (List<Long> t : times) {
      t.sort(null);
    }
    return new Result(counts, times, byLast);
  }

  /** Rules 2 to 9 over one unit: the best attempt ({@code furthest == -1}: none reaches a step). */
  private static Best unit(Spec spec, List<Event> ev, boolean withExclusions) {
    int m = spec.steps().size();
    Best best = new Best(new long[m], new int[m], -1);
    for (int a = 0; a < ev.size(); a++) {
      long[] times = new long[m];
      int[] pos = new int[m];
      java.util.Arrays.fill(times, Long.MAX_VALUE);
      if (spec.mode() == FunnelMode.UNORDERED) {
        if (!matchesAny(spec, ev.get(a))) {
          continue;
        }
        unordered(spec, ev, a, times, pos);
      } else {
        if (!spec.steps().get(0).contains(ev.get(a).touchpoint())) {
          continue;
        }
        times[0] = 0;
        pos[0] = a;
        chains(spec, ev, a, a, 0, times, pos, withExclusions);
      }
      int furthest = -1;
      for (int k = 0; k < m; k++) {
        if (times[k] != Long.MAX_VALUE) {
          furthest = k;
        }
      }
      // Rule 8: the furthest attempt, the earliest on ties (attempts are visited in order).
      if (furthest > best.furthest()) {
        long[] t = new long[m];
        for (int k = 0; k < m; k++) {
          t[k] = k <= furthest && times[k] != Long.MAX_VALUE ? times[k] : -1;
        }
        best = new Best(t, pos, furthest);
      }
    }
    return best;
  }

  /**
   * Rules 3 to 6: extends the chain whose last matched event is {@code last} at step {@code s} by
   * every possible next (event, step), recording per step the least time from {@code a} and the
   * earliest event with that time.
   */
  private static void chains(
      Spec spec,
      List<Event> ev,
      int a,
      int last,
      int s,
      long[] times,
      int[] pos,
      boolean withExclusions) {
    int m = spec.steps().size();
    boolean strict = spec.mode() == FunnelMode.STRICT;
    for (int j = last + 1; j < ev.size() && (!strict || j == last + 1); j++) {
      Event e = ev.get(j);
      if (e.millis() - ev.get(a).millis() > spec.window()) {
        continue;
      }
      for (int k = s + 1; k < m; k++) {
        boolean skippedOptional = true;
        for (int q = s + 1; q < k; q++) {
          skippedOptional &= spec.optional()[q];
        }
        if (!skippedOptional || !spec.steps().get(k).contains(e.touchpoint())) {
          continue;
        }
        if (e.millis() - ev.get(last).millis() > spec.stepWindow()[k]) {
          continue;
        }
        if (withExclusions && excluded(spec, ev, last, j, s, k)) {
          continue;
        }
        long t = e.millis() - ev.get(a).millis();
        if (t < times[k] || (t == times[k] && j < pos[k])) {
          times[k] = t;
          pos[k] = j;
        }
        chains(spec, ev, a, j, k, times, pos, withExclusions);
      }
    }
  }

  /** Rule 5: an event strictly between {@code from} and {@code to} excluded in a gap s..k-1. */
  private static boolean excluded(Spec spec, List<Event> ev, int from, int to, int s, int k) {
    for (int x = from + 1; x < to; x++) {
      for (int g = s; g < k; g++) {
        if (spec.exclusions().get(g).contains(ev.get(x).touchpoint())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Rule 7: the prefix of the window's events after which step k and the required steps below are
   * matched.
   */
  private static void unordered(Spec spec, List<Event> ev, int a, long[] times, int[] pos) {
    int m = spec.steps().size();
    for (int p = a;
        p < ev.size() && ev.get(p).millis() - ev.get(a).millis() <= spec.window();
        p++) {
      Set<Integer> matched = new HashSet<>();
      for (int q = a; q <= p; q++) {
        for (int k = 0; k < m; k++) {
          if (spec.steps().get(k).contains(ev.get(q).touchpoint())) {
            matched.add(k);
          }
        }
      }
      for (int k = 0; k < m; k++) {
        boolean all = matched.contains(k);
        for (int j = 0; j < k; j++) {
          all &= spec.optional()[j] || matched.contains(j);
        }
        if (all && times[k] == Long.MAX_VALUE) {
          times[k] = ev.get(p).millis() - ev.get(a).millis();
          pos[k] = p;
        }
      }
    }
  }

  private static boolean matchesAny(Spec spec, Event e) {
    for (Set<String> s : spec.steps()) {
      if (s.contains(e.touchpoint())) {
        return true;
      }
    }
    return false;
  }
}
