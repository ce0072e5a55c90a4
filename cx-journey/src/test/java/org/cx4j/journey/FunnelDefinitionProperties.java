package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.funnel.Attribution;
import org.cx4j.journey.funnel.CountingUnit;
import org.cx4j.journey.funnel.ExclusionScope;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelBreakdown;
import org.cx4j.journey.funnel.FunnelMode;
import org.cx4j.journey.funnel.FunnelProperty;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.rebuild.JourneyRebuilder;

/**
 * {@link Funnel} equals {@link FunnelReference} (the README's definition applied by brute force) on
 * random small logs, 10,000 per mode (seconds in all): per step the count and the whole multiset of
 * times to step. Logs have ties in time, several journeys per customer whose ids are out of time
 * order, and steps that overlap (touchpoint, channel, stage and predicate steps over the same
 * touchpoints); funnels have optional steps anywhere after the first, per-step windows and
 * exclusions in any gap, under both exclusion scopes and both counting units.
 */
class FunnelDefinitionProperties {

  /** Journeys are the (customer, journey id) groups, as the reference assumes. */
  static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults().noInactivityGap();

  private static final String[] JOURNEY_IDS = {null, null, null, "j2", "j1"};
  private static final Channel[] CHANNELS = {
    Channel.WEB, Channel.APP, Channel.SOCIAL, Channel.PHONE
  };
  private static final JourneyStage[] STAGES = {
    JourneyStage.AWARENESS,
    JourneyStage.CONSIDERATION,
    JourneyStage.PURCHASE,
    JourneyStage.RETENTION
  };

  /**
   * 4 to 18 events of 2 customers over the 7 fixture touchpoints, whole seconds 0..40 (ties are
   * common), journey ids null 3 times in 5, else one of two, so a customer has several journeys
   * whose ids do not follow time. Denser logs make the brute force slow; sparser ones rarely reach
   * the last step (the statistics below are printed with each run).
   */
  @Provide
  Arbitrary<List<Interaction>> logs() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, 40),
                Arbitraries.integers().between(0, JOURNEY_IDS.length - 1))
            .as((c, t, s, j) -> session("c" + c, tp(t), s, JOURNEY_IDS[j]));
    return one.list().ofMinSize(4).ofMaxSize(18);
  }

  /** A funnel and its reference spec, drawn from {@code seed}. */
  private record Drawn(Funnel funnel, FunnelReference.Spec spec) {}

  private static Drawn draw(long seed, FunnelMode mode) {
    Random r = new Random(seed);
    int m = 2 + r.nextInt(3);
    Funnel.Builder b = Funnel.builder().mode(mode);
    CountingUnit unit = r.nextBoolean() ? CountingUnit.JOURNEY : CountingUnit.CUSTOMER;
    b.countBy(unit);
    List<FunnelStep> used = new ArrayList<>();
    List<Set<String>> steps = new ArrayList<>();
    boolean[] optional = new boolean[m];
    long[] stepWindow = new long[m];
    Arrays.fill(stepWindow, Long.MAX_VALUE);
    for (int k = 0; k < m; k++) {
      FunnelStep s;
      Set<String> ids;
      do {
        Object[] d = step(r);
        s = (FunnelStep) d[0];
        @SuppressWarnings("unchecked")
        Set<String> i = (Set<String>) d[1];
        ids = i;
      } while (used.contains(s));
      used.add(s);
      steps.add(ids);
      optional[k] = k > 0 && r.nextInt(5) < 2;
      if (optional[k]) {
        b.optionalStep(s);
      } else {
        b.step(s);
      }
      if (k > 0 && mode != FunnelMode.UNORDERED && r.nextInt(10) < 3) {
        stepWindow[k] = (2 + r.nextInt(14)) * 1000L;
        b.stepWindow(k, Duration.ofMillis(stepWindow[k]));
      }
    }
    long window = Long.MAX_VALUE;
    if (r.nextBoolean()) {
      window = (5 + r.nextInt(26)) * 1000L;
      b.window(Duration.ofMillis(window));
    }
    List<Set<String>> exclusions = new ArrayList<>();
    ExclusionScope scope = ExclusionScope.BREAK_CHAIN;
    for (int g = 0; g < m; g++) {
      Set<String> x = new HashSet<>();
      if (mode == FunnelMode.ORDERED && g < m - 1 && r.nextInt(10) < 5) {
        if (r.nextBoolean()) {
          Touchpoint t = tp(r.nextInt(7));
          b.exclude(g, FunnelStep.touchpoint(t.id()));
          x.add(t.id());
        } else {
          Channel c = CHANNELS[r.nextInt(CHANNELS.length)];
          b.exclude(g, FunnelStep.channel(c));
          x.addAll(ids(t -> t.channel().equals(c)));
        }
      }
      exclusions.add(x);
    }
    if (mode == FunnelMode.ORDERED && r.nextBoolean()) {
      scope = ExclusionScope.DROP_UNIT;
      b.exclusionScope(scope);
    }
    return new Drawn(
        b.build(),
        new FunnelReference.Spec(
            mode, unit, scope, steps, optional, window, stepWindow, exclusions));
  }

  /** A random step and the touchpoint ids it matches; kinds overlap on purpose. */
  private static Object[] step(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        {
          Touchpoint t = tp(r.nextInt(7));
          return new Object[] {FunnelStep.touchpoint(t.id()), Set.of(t.id())};
        }
      case 1:
        {
          Channel c = CHANNELS[r.nextInt(CHANNELS.length)];
          return new Object[] {FunnelStep.channel(c), ids(t -> t.channel().equals(c))};
        }
      case 2:
        {
          JourneyStage s = STAGES[r.nextInt(STAGES.length)];
          return new Object[] {FunnelStep.stage(s), ids(t -> t.stage().equals(s))};
        }
      default:
        {
          String a = tp(r.nextInt(7)).id();
          String c = tp(r.nextInt(7)).id();
          Set<String> both = new HashSet<>(List.of(a, c));
          String name = "either " + new java.util.TreeSet<>(both);
          return new Object[] {
            FunnelStep.matching(name, i -> both.contains(i.touchpoint().id())), both
          };
        }
    }
  }

  private static Set<String> ids(java.util.function.Predicate<Touchpoint> p) {
    Set<String> s = new HashSet<>();
    for (Touchpoint t : CATALOG.touchpoints()) {
      if (p.test(t)) {
        s.add(t.id());
      }
    }
    return s;
  }

  private static void check(List<Interaction> log, long seed, FunnelMode mode) {
    Drawn d = draw(seed, mode);
    FunnelResult r = d.funnel().run(REBUILD.rebuild(log(log)));
    FunnelReference.Result expected = FunnelReference.run(d.spec(), log);
    String what = d.funnel() + "\nlog " + log;
    assertArrayEquals(expected.counts(), r.counts(), what);
    for (int k = 0; k < r.size(); k++) {
      SortedMap<Long, Long> want = new TreeMap<>();
      for (long ms : expected.times().get(k)) {
        want.merge(ms / 1000, 1L, Long::sum); // whole seconds: the histogram is exact
      }
      assertEquals(want, r.timeToConvert(k).frequencies(), "times to step " + k + " of " + what);
    }
    // A breakdown at the last step reached groups units by the event that reached it.
    FunnelBreakdown b =
        d.funnel()
            .breakdown(
                REBUILD.rebuild(log(log)), FunnelProperty.touchpoint(), Attribution.LAST_STEP);
    Map<String, List<Long>> got = new TreeMap<>();
    b.groups().forEach((k, v) -> got.put(k, Arrays.stream(v.counts()).boxed().toList()));
    Map<String, List<Long>> wantGroups = new TreeMap<>();
    expected
        .byLastTouchpoint()
        .forEach((k, v) -> wantGroups.put(k, Arrays.stream(v).boxed().toList()));
    assertEquals(wantGroups, got, "breakdown at the last step of " + what);
    Statistics.label("reached the last step").collect(r.converted() > 0);
    Statistics.label("entered").collect(r.entered() > 0);
    if (mode == FunnelMode.ORDERED) {
      Statistics.label("exclusions matter")
          .collect(
              !Arrays.equals(
                  expected.counts(), FunnelReference.run(noExclusions(d.spec()), log).counts()));
    }
  }

  private static FunnelReference.Spec noExclusions(FunnelReference.Spec s) {
    List<Set<String>> none = new ArrayList<>();
    for (int g = 0; g < s.steps().size(); g++) {
      none.add(Set.of());
    }
    return new FunnelReference.Spec(
        s.mode(),
        s.unit(),
        ExclusionScope.BREAK_CHAIN,
        s.steps(),
        s.optional(),
        s.window(),
        s.stepWindow(),
        none);
  }

  @Property(tries = 10000, seed = "42")
  void orderedFunnelEqualsTheDefinition(@ForAll("logs") List<Interaction> log, @ForAll long seed) {
    check(log, seed, FunnelMode.ORDERED);
  }

  @Property(tries = 10000, seed = "42")
  void strictFunnelEqualsTheDefinition(@ForAll("logs") List<Interaction> log, @ForAll long seed) {
    check(log, seed, FunnelMode.STRICT);
  }

  @Property(tries = 10000, seed = "42")
  void unorderedFunnelEqualsTheDefinition(
      @ForAll("logs") List<Interaction> log, @ForAll long seed) {
    check(log, seed, FunnelMode.UNORDERED);
  }
}
