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
 * every attempt and every chain (every assignment of events to steps) is enumerated, the rules
 * are checked one by one, and the best attempt is kept. Written from the README, not from the
 * engine; exponential, for small logs only.
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

  /** The result over a log: per step the count and the sorted times to step, in millis. */
  record Result(long[] counts, List<List<Long>> times) {}

  private FunnelReference() {}

  /**
   * Returns counts and times of {@code spec} over {@code log}, whose list order is the input
   * order. Journeys are the (customer, journey id) groups (a rebuild with ids and no inactivity
   * gap); a customer unit is all events of the customer.
   */
  static Result run(Spec spec, List<Interaction> log) {
    // Rule 1: units, each ordered by (timestamp, input position).
    Map<String, List<Integer>> units = new LinkedHashMap<>();
    for (int i = 0; i < log.size(); i++) {
      Interaction in = log.get(i);
      String key = in.customer().value()
          + (spec.unit() == CountingUnit.JOURNEY ? "/" + in.journeyId() : "");
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    int m = spec.steps().size();
    long[] counts = new long[m];
    List<List<Long>> times = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      times.add(new ArrayList<>());
    }
    for (List<Integer> idx : units.values()) {
      idx.sort(Comparator.<Integer>comparingLong(i -> log.get(i).timestamp().toEpochMilli())
          .thenComparingInt(i -> i));
      List<Event> events = new ArrayList<>();
      for (int i : idx) {
        events.add(new Event(log.get(i).timestamp().toEpochMilli(), log.get(i).touchpoint().id()));
      }
      long[] best = unit(spec, events, true);
      if (spec.scope() == ExclusionScope.DROP_UNIT) {
        long[] raw = unit(spec, events, false);
        if (furthest(raw) > furthest(best)) {
          continue; // rule 5, DROP_UNIT: exclusions cost this unit progress
        }
      }
      int f = furthest(best);
      for (int k = 0; k <= f; k++) {
        counts[k]++;
        if (best[k] >= 0) {
          times.get(k).add(best[k]);
        }
      }
    }
    for (List<Long> t : times) {
      t.sort(null);
    }
    return new Result(counts, times);
  }

  /** Furthest step of a unit's result array ({@code times[m]} holds it). */
  private static int furthest(long[] r) {
    return (int) r[r.length - 1];
  }

  /**
   * Rules 2 to 9 over one unit: returns the best attempt's times to step (millis, {@code -1}: no
   * time) followed by its furthest step ({@code -1}: no attempt).
   */
  private static long[] unit(Spec spec, List<Event> ev, boolean withExclusions) {
    int m = spec.steps().size();
    long[] best = new long[m + 1];
    java.util.Arrays.fill(best, -1);
    for (int a = 0; a < ev.size(); a++) {
      long[] times = new long[m];
      java.util.Arrays.fill(times, Long.MAX_VALUE);
      if (spec.mode() == FunnelMode.UNORDERED) {
        if (!matchesAny(spec, ev.get(a))) {
          continue;
        }
        unordered(spec, ev, a, times);
      } else {
        if (!spec.steps().get(0).contains(ev.get(a).touchpoint())) {
          continue;
        }
        times[0] = 0;
        chains(spec, ev, a, a, 0, times, withExclusions);
      }
      int furthest = -1;
      for (int k = 0; k < m; k++) {
        if (times[k] != Long.MAX_VALUE) {
          furthest = k;
        }
      }
      // Rule 8: the furthest attempt, the earliest on ties (attempts are visited in order).
      if (furthest > best[m]) {
        for (int k = 0; k < m; k++) {
          best[k] = k <= furthest && times[k] != Long.MAX_VALUE ? times[k] : -1;
        }
        best[m] = furthest;
      }
    }
    return best;
  }

  /**
   * Rules 3 to 6: extends the chain whose last matched event is {@code last} at step {@code s}
   * by every possible next (event, step), recording per step the least time from {@code a}.
   */
  private static void chains(Spec spec, List<Event> ev, int a, int last, int s, long[] times,
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
        times[k] = Math.min(times[k], e.millis() - ev.get(a).millis());
        chains(spec, ev, a, j, k, times, withExclusions);
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

  /** Rule 7: the prefix of the window's events after which step k and the required steps below are matched. */
  private static void unordered(Spec spec, List<Event> ev, int a, long[] times) {
    int m = spec.steps().size();
    for (int p = a; p < ev.size() && ev.get(p).millis() - ev.get(a).millis() <= spec.window(); p++) {
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
