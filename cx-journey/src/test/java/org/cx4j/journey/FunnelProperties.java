package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.funnel.CountingUnit;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelMode;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;

class FunnelProperties {

  static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults().noInactivityGap();

  /**
   * 4 to 40 events of 3 customers over touchpoints 0..4, times 0..300 s: dense enough that about a
   * third of the tries reach the last step and exclusions change the counts (checked with jqwik
   * statistics while writing this test).
   */
  @Provide
  Arbitrary<List<Interaction>> events() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4),
                Arbitraries.longs().between(0, 300))
            .as((c, t, s) -> at("c" + c, tp(t), s));
    return one.list()
        .ofMinSize(4)
        .ofMaxSize(40)
        .uniqueElements(e -> e.customer().value() + e.timestamp());
  }

  /** A random ordered funnel over touchpoints 0..4: 3 steps from a fixed permutation family. */
  private static Funnel funnel(
      int variant,
      int window,
      int stepWindow,
      boolean optional,
      boolean exclusion,
      FunnelMode mode,
      CountingUnit unit) {
    int[][] orders = {{0, 1, 2}, {1, 2, 3}, {2, 0, 4}, {4, 3, 1}};
    int[] o = orders[variant];
    Funnel.Builder b = Funnel.builder().mode(mode).countBy(unit).step(tp(o[0]).id());
    if (optional) {
      b.optionalStep(FunnelStep.touchpoint(tp(o[1]).id()));
    } else {
      b.step(tp(o[1]).id());
    }
    b.step(tp(o[2]).id());
    if (window > 0) {
      b.window(Duration.ofSeconds(window));
    }
    if (stepWindow > 0) {
      b.stepWindow(2, Duration.ofSeconds(stepWindow));
    }
    if (exclusion) {
      int x = 0;
      while (x == o[0] || x == o[1] || x == o[2]) {
        x++;
      }
      b.exclude(1, FunnelStep.touchpoint(tp(x).id()));
    }
    return b.build();
  }

  /**
   * Brute force, ordered mode: for every start event matching step 0, enumerate every chain
   * (skipping optional steps) that satisfies the windows and exclusions; the best attempt is the
   * one reaching the highest step, earliest start on ties; its time to step k is the minimum over
   * its chains.
   */
  static long[] bruteForce(
      Journeys js,
      String[] steps,
      boolean[] optional,
      long window,
      long[] stepWindow,
      String[] exclusion,
      List<long[]> timesOut) {
    long[] counts = new long[steps.length];
    for (int j = 0; j < js.journeyCount(); j++) {
      int from = js.eventStart(j);
      int to = js.eventEnd(j);
      int best = -1;
      long[] bestTimes = null;
      for (int s = from; s < to; s++) {
        if (!id(js, s).equals(steps[0])) {
          continue;
        }
        long[] times = new long[steps.length];
        java.util.Arrays.fill(times, Long.MAX_VALUE);
        times[0] = 0;
        search(js, steps, optional, window, stepWindow, exclusion, s, s, 0, to, times);
        int reached = 0;
        for (int k = steps.length - 1; k >= 0; k--) {
          if (times[k] != Long.MAX_VALUE) {
            reached = k;
            break;
          }
        }
        if (reached > best) {
          best = reached;
          bestTimes = times;
        }
      }
      for (int k = 0; k <= best; k++) {
        counts[k]++;
      }
      if (best >= 0) {
        timesOut.add(bestTimes);
      }
    }
    return counts;
  }

  private static void search(
      Journeys js,
      String[] steps,
      boolean[] optional,
      long window,
      long[] stepWindow,
      String[] exclusion,
      int start,
      int prev,
      int k,
      int to,
      long[] times) {
    for (int next = k + 1; next < steps.length; next++) {
      for (int e = prev + 1; e < to; e++) {
        long t = js.epochMillis(e);
        if (t - js.epochMillis(start) > window) {
          break;
        }
        if (exclusion[next - 1] != null && excludedBetween(js, exclusion, prev, e, k, next)) {
          break;
        }
        if (id(js, e).equals(steps[next]) && t - js.epochMillis(prev) <= stepWindow[next]) {
          times[next] = Math.min(times[next], t - js.epochMillis(start));
          search(js, steps, optional, window, stepWindow, exclusion, start, e, next, to, times);
        }
      }
      if (!optional[next]) {
        break;
      }
    }
  }

  /**
   * The exclusion of gap g applies between steps g and g+1; a skip from k to next crosses gaps
   * k..next-1.
   */
  private static boolean excludedBetween(
      Journeys js, String[] exclusion, int prev, int e, int k, int next) {
    for (int x = prev + 1; x < e; x++) {
      for (int g = k; g < next; g++) {
        if (exclusion[g] != null && id(js, x).equals(exclusion[g])) {
          return true;
        }
      }
    }
    return false;
  }

  private static String id(Journeys js, int e) {
    return js.dictionary().touchpoint(js.touchpointCode(e)).id();
  }

  @Property(tries = 400, seed = "42")
  void orderedFunnelEqualsBruteForce(
      @ForAll("events") List<Interaction> events,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 0, max = 200) int window,
      @ForAll @IntRange(min = 0, max = 100) int stepWindow,
      @ForAll boolean exclusion) {
    // Optional steps with exclusions are covered by FunnelDefinitionProperties.
    Journeys js = REBUILD.rebuild(log(events));
    Funnel f =
        funnel(
            variant,
            window,
            stepWindow,
            false,
            exclusion,
            FunnelMode.ORDERED,
            CountingUnit.JOURNEY);
    FunnelResult r = f.run(js);
    String[] steps = f.labels().toArray(new String[0]);
    long w = window > 0 ? window * 1000L : Long.MAX_VALUE;
    long[] sw = {
      Long.MAX_VALUE, Long.MAX_VALUE, stepWindow > 0 ? stepWindow * 1000L : Long.MAX_VALUE
    };
    String[] ex = new String[3];
    if (exclusion) {
      int[][] orders = {{0, 1, 2}, {1, 2, 3}, {2, 0, 4}, {4, 3, 1}};
      int x = 0;
      while (x == orders[variant][0] || x == orders[variant][1] || x == orders[variant][2]) {
        x++;
      }
      ex[1] = tp(x).id();
    }
    List<long[]> times = new ArrayList<>();
    long[] expected = bruteForce(js, steps, new boolean[3], w, sw, ex, times);
    long[] noEx = bruteForce(js, steps, new boolean[3], w, sw, new String[3], new ArrayList<>());
    // The generator must exercise exclusions: they change the counts in some tries.
    net.jqwik.api.statistics.Statistics.label("exclusion matters")
        .collect(!java.util.Arrays.equals(noEx, expected))
        .coverage(c -> c.check(true).count(n -> n > 0));
    assertArrayEquals(expected, r.counts(), f.toString());
    // Time to the last step: the multiset of per-journey minima, compared through the count and
    // the maximum.
    long n = 0;
    long max = -1;
    for (long[] t : times) {
      if (t[2] != Long.MAX_VALUE) {
        n++;
        max = Math.max(max, t[2] / 1000);
      }
    }
    assertEquals(n, r.timeToConvert(2).count());
    if (n > 0) {
      assertEquals((double) max, r.timeToConvert(2).maxSeconds());
    }
  }

  @Property(tries = 300, seed = "42")
  void optionalStepFunnelEqualsBruteForce(
      @ForAll("events") List<Interaction> events,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 0, max = 200) int window) {
    Journeys js = REBUILD.rebuild(log(events));
    Funnel f = funnel(variant, window, 0, true, false, FunnelMode.ORDERED, CountingUnit.JOURNEY);
    String[] steps = f.labels().toArray(new String[0]);
    long w = window > 0 ? window * 1000L : Long.MAX_VALUE;
    long[] sw = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    long[] expected =
        bruteForce(
            js, steps, new boolean[] {false, true, false}, w, sw, new String[3], new ArrayList<>());
    assertArrayEquals(expected, f.run(js).counts(), f.toString());
  }

  /**
   * Brute force for strict and unordered modes (no optional steps, no step windows): per journey,
   * over every attempt, the furthest step reached.
   */
  static long[] bruteForceStrictOrUnordered(
      Journeys js, String[] steps, long window, boolean strict) {
    long[] counts = new long[steps.length];
    for (int j = 0; j < js.journeyCount(); j++) {
      int from = js.eventStart(j);
      int to = js.eventEnd(j);
      int best = -1;
      for (int s = from; s < to; s++) {
        int reached = -1;
        if (strict) {
          if (!id(js, s).equals(steps[0])) {
            continue;
          }
          reached = 0;
          for (int e = s + 1; e < to && reached + 1 < steps.length; e++) {
            if (js.epochMillis(e) - js.epochMillis(s) > window
                || !id(js, e).equals(steps[reached + 1])) {
              break;
            }
            reached++;
          }
        } else {
          if (!java.util.Arrays.asList(steps).contains(id(js, s))) {
            continue;
          }
          java.util.Set<String> done = new java.util.HashSet<>();
          for (int e = s; e < to && js.epochMillis(e) - js.epochMillis(s) <= window; e++) {
            done.add(id(js, e));
          }
          while (reached + 1 < steps.length && done.contains(steps[reached + 1])) {
            reached++;
          }
        }
        best = Math.max(best, reached);
      }
      for (int k = 0; k <= best; k++) {
        counts[k]++;
      }
    }
    return counts;
  }

  @Property(tries = 300, seed = "42")
  void strictAndUnorderedFunnelsEqualBruteForce(
      @ForAll("events") List<Interaction> events,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 0, max = 200) int window,
      @ForAll boolean strict) {
    Journeys js = REBUILD.rebuild(log(events));
    Funnel f =
        funnel(
            variant,
            window,
            0,
            false,
            false,
            strict ? FunnelMode.STRICT : FunnelMode.UNORDERED,
            CountingUnit.JOURNEY);
    long w = window > 0 ? window * 1000L : Long.MAX_VALUE;
    assertArrayEquals(
        bruteForceStrictOrUnordered(js, f.labels().toArray(new String[0]), w, strict),
        f.run(js).counts(),
        f.toString());
  }

  // An outcome step (a lookup per outcome code) counts what the same step written as a predicate
  // on the interaction counts, as a step and as an exclusion, in every mode and unit.
  @Property(tries = 300, seed = "42")
  void outcomeStepsCountAsTheirPredicates(
      @ForAll("events") List<Interaction> events,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll boolean exclusion,
      @ForAll FunnelMode mode,
      @ForAll CountingUnit unit) {
    java.util.Random rnd = new java.util.Random(seed);
    Outcome churned = Outcome.of("churned");
    List<Interaction> withOutcomes = new java.util.ArrayList<>();
    for (Interaction e : events) {
      int k = rnd.nextInt(4);
      Outcome o = k == 0 ? Outcome.CONVERTED : k == 1 ? churned : null;
      withOutcomes.add(
          new Interaction(
              e.customer(), e.touchpoint(), e.timestamp(), o, null, java.util.Map.of()));
    }
    int first = new int[] {0, 1, 2, 4}[variant];
    Funnel.Builder fast = Funnel.builder().mode(mode).countBy(unit).step(tp(first).id());
    Funnel.Builder slow = Funnel.builder().mode(mode).countBy(unit).step(tp(first).id());
    fast.step(FunnelStep.outcome(Outcome.CONVERTED));
    slow.step(FunnelStep.matching("converted", i -> Outcome.CONVERTED.equals(i.outcome())));
    if (exclusion && mode == FunnelMode.ORDERED) {
      fast.exclude(0, FunnelStep.outcome(churned));
      slow.exclude(0, FunnelStep.matching("churned", i -> churned.equals(i.outcome())));
    }
    var js = REBUILD.rebuild(log(withOutcomes));
    FunnelResult a = fast.build().run(js);
    FunnelResult b = slow.build().run(js);
    assertEquals(b.entered(), a.entered());
    for (int k = 0; k < b.size(); k++) {
      assertEquals(b.count(k), a.count(k), "step " + k + ": " + b);
    }
  }

  @Property(tries = 300, seed = "42")
  void countsNeverIncreaseAlongTheFunnel(
      @ForAll("events") List<Interaction> events,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 0, max = 200) int window,
      @ForAll boolean optional,
      @ForAll boolean exclusion,
      @ForAll FunnelMode mode,
      @ForAll CountingUnit unit) {
    FunnelResult r =
        funnel(variant, window, 0, optional, exclusion && mode == FunnelMode.ORDERED, mode, unit)
            .run(REBUILD.rebuild(log(events)));
    for (int k = 1; k < r.size(); k++) {
      assertTrue(r.count(k) <= r.count(k - 1), r.toString());
      assertTrue(
          r.conversionFromFirst(k) >= 0 && r.conversionFromFirst(k) <= 1 || r.entered() == 0);
    }
  }

  @Property(tries = 300, seed = "42")
  void mergeOverCustomerPartitionsEqualsTheWhole(
      @ForAll("events") List<Interaction> events,
      @ForAll int mask,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll FunnelMode mode,
      @ForAll CountingUnit unit) {
    Funnel f = funnel(variant, 150, 0, false, false, mode, unit);
    List<Interaction> left = new ArrayList<>();
    List<Interaction> right = new ArrayList<>();
    for (Interaction e : events) {
      ((mask >>> (e.customer().value().charAt(1) - '0') & 1) == 0 ? left : right).add(e);
    }
    Funnel.Accumulator a = f.accumulator();
    Funnel.Accumulator b = f.accumulator();
    if (!left.isEmpty()) {
      a.addAll(REBUILD.rebuild(log(left)));
    }
    if (!right.isEmpty()) {
      b.addAll(REBUILD.rebuild(log(right)));
    }
    assertEquals(f.run(REBUILD.rebuild(log(events))), a.merge(b).result());
  }
}
