package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.conformance.ConformanceChecker;
import org.cx4j.journey.conformance.DesignedJourney;
import org.cx4j.journey.conformance.JourneyConformance;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.path.PathAnalysis;
import org.cx4j.journey.path.PathFlow;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;

/**
 * The transition graph, variants, path analysis and conformance against naive versions written from
 * their Javadoc: per journey, the list of node labels (and times), counted with maps of strings.
 * The rebuild itself is checked by {@code JourneyProperties}.
 */
class EngineReferenceProperties {

  static final JourneyRebuilder REBUILD =
      JourneyRebuilder.defaults().inactivityGap(Duration.ofHours(30));

  /**
   * 1 to 30 events of 3 customers over the 7 fixture touchpoints, times 0..200,000 s with
   * millisecond parts: gaps above 30 h split journeys, gaps above 2^16 s reach the graph's overflow
   * list, and equal seconds make ties.
   */
  @Provide
  Arbitrary<List<Interaction>> events() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 6),
                Arbitraries.oneOf(
                    Arbitraries.longs().between(0, 200_000_000L),
                    Arbitraries.longs().between(0, 20).map(s -> s * 1000)))
            .as((c, t, ms) -> Interaction.of(CustomerId.of("c" + c), tp(t), T0.plusMillis(ms)));
    return one.list().ofMinSize(1).ofMaxSize(30);
  }

  private static Function<Touchpoint, String> label(Level level) {
    switch (level) {
      case TOUCHPOINT:
        return Touchpoint::id;
      case CHANNEL:
        return t -> t.channel().name();
      default:
        return t -> t.stage().name();
    }
  }

  /** Per journey, its events' touchpoints and times, in journey order. */
  private record J(List<Touchpoint> tps, List<Long> millis) {}

  private static List<J> journeys(Journeys js) {
    List<J> out = new ArrayList<>();
    for (int j = 0; j < js.journeyCount(); j++) {
      List<Touchpoint> t = new ArrayList<>();
      List<Long> m = new ArrayList<>();
      for (int e = js.eventStart(j); e < js.eventEnd(j); e++) {
        t.add(js.dictionary().touchpoint(js.touchpointCode(e)));
        m.add(js.epochMillis(e));
      }
      out.add(new J(t, m));
    }
    return out;
  }

  @Property(tries = 1000, seed = "42")
  void transitionGraphEqualsCounting(
      @ForAll("events") List<Interaction> events, @ForAll Level level) {
    Journeys js = REBUILD.rebuild(log(events));
    TransitionGraph g = TransitionGraph.of(js, level);
    Function<Touchpoint, String> lab = label(level);
    Map<List<String>, TreeMap<Long, Long>> edges = new HashMap<>();
    Map<String, Long> starts = new TreeMap<>();
    Map<String, Long> ends = new TreeMap<>();
    Map<String, Long> visits = new TreeMap<>();
    Map<String, Long> rework = new TreeMap<>();
    Map<String, Long> reworkJourneys = new TreeMap<>();
    for (J j : journeys(js)) {
      starts.merge(lab.apply(j.tps().get(0)), 1L, Long::sum);
      ends.merge(lab.apply(j.tps().get(j.tps().size() - 1)), 1L, Long::sum);
      Set<String> seen = new HashSet<>();
      Set<String> reworked = new HashSet<>();
      for (int i = 0; i < j.tps().size(); i++) {
        String node = lab.apply(j.tps().get(i));
        visits.merge(node, 1L, Long::sum);
        if (!seen.add(node)) {
          rework.merge(node, 1L, Long::sum);
          if (reworked.add(node)) {
            reworkJourneys.merge(node, 1L, Long::sum);
          }
        }
        if (i > 0) {
          long sec = (j.millis().get(i) - j.millis().get(i - 1)) / 1000; // whole seconds, floor
          edges
              .computeIfAbsent(List.of(lab.apply(j.tps().get(i - 1)), node), k -> new TreeMap<>())
              .merge(sec, 1L, Long::sum);
        }
      }
    }
    assertEquals(js.journeyCount(), g.journeys());
    assertEquals(edges.size(), g.edges().size(), g.toString());
    long selfLoops = 0;
    for (Map.Entry<List<String>, TreeMap<Long, Long>> e : edges.entrySet()) {
      TransitionGraph.Edge edge = g.edge(e.getKey().get(0), e.getKey().get(1)).orElseThrow();
      long count = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      assertEquals(count, edge.count(), e.getKey().toString());
      assertEquals(e.getValue(), new TreeMap<>(edge.timing().frequencies()), e.getKey().toString());
      if (e.getKey().get(0).equals(e.getKey().get(1))) {
        selfLoops += count;
      }
    }
    assertEquals(selfLoops, g.selfLoops());
    assertEquals(starts, nonZero(g.starts()));
    assertEquals(ends, nonZero(g.ends()));
    assertEquals(visits, nonZero(g.visits()));
    assertEquals(rework, nonZero(g.rework()));
    assertEquals(reworkJourneys, nonZero(g.reworkJourneys()));
    // Most frequent first.
    for (int i = 1; i < g.edges().size(); i++) {
      assertTrue(g.edges().get(i - 1).count() >= g.edges().get(i).count());
    }
  }

  private static Map<String, Long> nonZero(Map<String, Long> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          if (v != 0) {
            out.put(k, v);
          }
        });
    return out;
  }

  @Property(tries = 1000, seed = "42")
  void variantsEqualCounting(
      @ForAll("events") List<Interaction> events, @ForAll Level level, @ForAll boolean collapse) {
    Journeys js = REBUILD.rebuild(log(events));
    Variants v =
        new Variants.Accumulator(Abstraction.of(js.dictionary(), level), collapse)
            .addAll(js)
            .result();
    Function<Touchpoint, String> lab = label(level);
    Map<List<String>, Long> counts = new HashMap<>();
    for (J j : journeys(js)) {
      List<String> seq = new ArrayList<>();
      for (Touchpoint t : j.tps()) {
        String node = lab.apply(t);
        if (!collapse || seq.isEmpty() || !seq.get(seq.size() - 1).equals(node)) {
          seq.add(node);
        }
      }
      counts.merge(seq, 1L, Long::sum);
    }
    // Most frequent first; ties by sequence, element by element, a prefix first.
    List<Map.Entry<List<String>, Long>> want = new ArrayList<>(counts.entrySet());
    want.sort(
        (a, b) -> {
          int c = Long.compare(b.getValue(), a.getValue());
          for (int i = 0; c == 0 && i < Math.min(a.getKey().size(), b.getKey().size()); i++) {
            c = a.getKey().get(i).compareTo(b.getKey().get(i));
          }
          return c != 0 ? c : Integer.compare(a.getKey().size(), b.getKey().size());
        });
    long total = js.journeyCount();
    assertEquals(total, v.total());
    assertEquals(want.size(), v.distinct());
    long cumulative = 0;
    for (int i = 0; i < want.size(); i++) {
      Variants.Variant got = v.all().get(i);
      assertEquals(want.get(i).getKey(), got.steps(), "variant " + i);
      assertEquals((long) want.get(i).getValue(), got.count(), "variant " + i);
      cumulative += got.count();
      assertEquals((double) got.count() / total, got.share(), 1e-12);
      assertEquals((double) cumulative / total, got.cumulativeShare(), 1e-12);
    }
  }

  @Property(tries = 1000, seed = "42")
  void pathFlowsEqualCounting(
      @ForAll("events") List<Interaction> events,
      @ForAll @IntRange(min = 0, max = 6) int anchorTp,
      @ForAll @IntRange(min = 1, max = 4) int steps,
      @ForAll @IntRange(min = 1, max = 4) int edgeLimit,
      @ForAll @IntRange(min = 1, max = 3) int minWeight,
      @ForAll boolean collapse,
      @ForAll boolean forward) {
    Journeys js = REBUILD.rebuild(log(events));
    Abstraction a = Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
    String anchor = tp(anchorTp).id();
    PathAnalysis analysis =
        PathAnalysis.over(a)
            .steps(steps)
            .edgeLimit(edgeLimit)
            .minEdgeWeight(minWeight)
            .collapseRepeats(collapse);
    PathFlow flow = forward ? analysis.forward(js, anchor) : analysis.backward(js, anchor);
    String stop = forward ? PathAnalysis.END : PathAnalysis.START;
    // Per journey visiting the anchor: the nodes walked away from it (first visit forward, last
    // visit backward), repeats collapsed if asked, then the stop node if the journey ends within
    // the steps.
    List<List<String>> walks = new ArrayList<>();
    for (J j : journeys(js)) {
      List<String> ids = new ArrayList<>();
      for (Touchpoint t : j.tps()) {
        ids.add(t.id());
      }
      if (!forward) {
        java.util.Collections.reverse(ids);
      }
      int at = ids.indexOf(anchor);
      if (at < 0) {
        continue;
      }
      List<String> w = new ArrayList<>(List.of(anchor));
      int e = at + 1;
      while (w.size() <= steps) {
        if (e >= ids.size()) {
          w.add(stop);
          break;
        }
        if (!collapse || !ids.get(e).equals(w.get(w.size() - 1))) {
          w.add(ids.get(e));
        }
        e++;
      }
      walks.add(w);
    }
    assertEquals(walks.size(), flow.journeys());
    Set<Integer> active = new HashSet<>();
    for (int i = 0; i < walks.size(); i++) {
      active.add(i);
    }
    for (int d = 1; d <= steps; d++) {
      Map<List<String>, Long> count = new LinkedHashMap<>();
      for (int i : active) {
        if (walks.get(i).size() > d) {
          count.merge(walks.get(i).subList(d - 1, d + 1), 1L, Long::sum);
        }
      }
      // Kept: at least minWeight journeys, the edgeLimit heaviest; ties by the node code nearer
      // the anchor, then the farther one (the catalogue's order; the stop node last).
      List<Map.Entry<List<String>, Long>> kept = new ArrayList<>(count.entrySet());
      kept.removeIf(x -> x.getValue() < minWeight);
      kept.sort(
          (x, y) -> {
            int c = Long.compare(y.getValue(), x.getValue());
            for (int k = 0; c == 0 && k < 2; k++) {
              c = Integer.compare(code(a, x.getKey().get(k)), code(a, y.getKey().get(k)));
            }
            return c;
          });
      kept = kept.subList(0, Math.min(edgeLimit, kept.size()));
      List<PathFlow.Edge> want = new ArrayList<>();
      Set<List<String>> keep = new HashSet<>();
      for (Map.Entry<List<String>, Long> x : kept) {
        keep.add(x.getKey());
        List<String> k = x.getKey();
        want.add(
            forward
                ? new PathFlow.Edge(d, k.get(0), k.get(1), x.getValue())
                : new PathFlow.Edge(d, k.get(1), k.get(0), x.getValue()));
      }
      assertEquals(want, flow.atDepth(d), "depth " + d + " of " + flow);
      final int depth = d;
      active.removeIf(
          i ->
              walks.get(i).size() <= depth
                  || !keep.contains(walks.get(i).subList(depth - 1, depth + 1))
                  || walks.get(i).get(depth).equals(stop));
    }
  }

  private static int code(Abstraction a, String label) {
    return a.labels().contains(label) ? a.nodeOf(label) : Integer.MAX_VALUE;
  }

  @Property(tries = 1000, seed = "42")
  void conformanceEqualsTheDefinitionPerJourney(
      @ForAll("events") List<Interaction> events, @ForAll long seed) {
    Journeys js = REBUILD.rebuild(log(events));
    // A random design: 1 to 3 distinct stages in order, each with 1 or 2 distinct touchpoints.
    Random r = new Random(seed);
    List<Integer> tps = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    java.util.Collections.shuffle(tps, r);
    List<JourneyStage> stages =
        new ArrayList<>(
            List.of(
                JourneyStage.AWARENESS,
                JourneyStage.CONSIDERATION,
                JourneyStage.PURCHASE,
                JourneyStage.RETENTION));
    java.util.Collections.shuffle(stages, r);
    DesignedJourney.Builder b = DesignedJourney.builder();
    List<String> order = new ArrayList<>();
    List<Boolean> required = new ArrayList<>();
    List<JourneyStage> stageOf = new ArrayList<>();
    int next = 0;
    for (int s = 0; s < 1 + r.nextInt(3); s++) {
      b.stage(stages.get(s));
      for (int k = 0; k < 1 + r.nextInt(2); k++) {
        String id = tp(tps.get(next++)).id();
        boolean req = r.nextBoolean();
        if (req) {
          b.required(id);
        } else {
          b.optional(id);
        }
        order.add(id);
        required.add(req);
        stageOf.add(stages.get(s));
      }
    }
    ConformanceChecker checker = ConformanceChecker.against(b.build());
    List<J> all = journeys(js);
    for (int j = 0; j < all.size(); j++) {
      List<Touchpoint> path = all.get(j).tps();
      List<String> outOfOrder = new ArrayList<>();
      List<String> unexpected = new ArrayList<>();
      String leftAt = null;
      for (int i = 0; i < path.size(); i++) {
        String id = path.get(i).id();
        int p = order.indexOf(id);
        if (p < 0) {
          unexpected.add(id);
          leftAt = leftAt == null ? path.get(i).stage().name() : leftAt;
          continue;
        }
        // Out of order: some earlier event was a later designed step.
        boolean late = false;
        for (int q = 0; q < i; q++) {
          late |= order.indexOf(path.get(q).id()) > p;
        }
        if (late) {
          outOfOrder.add(id);
          leftAt = leftAt == null ? stageOf.get(p).name() : leftAt;
        }
      }
      List<String> skipped = new ArrayList<>();
      for (int p = 0; p < order.size(); p++) {
        boolean visited = false;
        for (Touchpoint t : path) {
          visited |= t.id().equals(order.get(p));
        }
        if (required.get(p) && !visited) {
          skipped.add(order.get(p));
          leftAt = leftAt == null ? stageOf.get(p).name() : leftAt;
        }
      }
      long req = required.stream().filter(x -> x).count();
      JourneyConformance c = checker.check(js, j);
      assertEquals(skipped, c.skipped());
      assertEquals(outOfOrder, c.outOfOrder());
      assertEquals(unexpected, c.unexpected());
      assertEquals(leftAt, c.leftAtStage());
      assertEquals(path.size(), c.events());
      double fitness =
          1
              - (double) (skipped.size() + outOfOrder.size() + unexpected.size())
                  / (req + path.size());
      assertEquals(fitness, c.fitness(), 1e-12);
      assertEquals(skipped.isEmpty() && outOfOrder.isEmpty() && unexpected.isEmpty(), c.conforms());
    }
  }
}
