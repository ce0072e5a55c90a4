package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.path.ChannelSwitching;
import org.cx4j.journey.path.PathAnalysis;
import org.cx4j.journey.path.PathFlow;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.junit.jupiter.api.Test;

class VariantsAndPathsTest {

  /**
   * Six journeys:
   *
   * <pre>
   * a: home product cart          (web web web)
   * b: home product cart          (web web web)
   * c: home product cart          (web web web)
   * d: ad home home product       (social web web web)
   * e: home app_product cart      (web app web)
   * f: home product               (web web)
   * </pre>
   */
  static Journeys six() {
    return JourneyRebuilder.defaults()
        .rebuild(
            log(
                List.of(
                    at("a", HOME, 0),
                    at("a", PRODUCT, 1),
                    at("a", CART, 2),
                    at("b", HOME, 0),
                    at("b", PRODUCT, 1),
                    at("b", CART, 2),
                    at("c", HOME, 0),
                    at("c", PRODUCT, 1),
                    at("c", CART, 2),
                    at("d", AD, 0),
                    at("d", HOME, 1),
                    at("d", HOME, 2),
                    at("d", PRODUCT, 3),
                    at("e", HOME, 0),
                    at("e", APP_PRODUCT, 1),
                    at("e", CART, 2),
                    at("f", HOME, 0),
                    at("f", PRODUCT, 1))));
  }

  @Test
  void variantsWithSharesAndCoverage() {
    Variants v = Variants.of(six(), Level.TOUCHPOINT);
    assertEquals(6, v.total());
    assertEquals(4, v.distinct());
    Variants.Variant first = v.all().get(0);
    assertEquals(List.of("home", "product", "cart"), first.steps());
    assertEquals(3, first.count());
    assertEquals(0.5, first.share());
    // The other three have count 1, ordered by labels: ad... < home app_product... < home product
    assertEquals(List.of("ad", "home", "home", "product"), v.all().get(1).steps());
    assertEquals(List.of("home", "app_product", "cart"), v.all().get(2).steps());
    assertEquals(List.of("home", "product"), v.all().get(3).steps());
    assertEquals(4.0 / 6, v.all().get(1).cumulativeShare(), 1e-12);
    assertEquals(1.0, v.all().get(3).cumulativeShare(), 1e-12);
    // 50% covered by the first variant alone; 60% needs two (3/6, then 4/6).
    assertEquals(1, v.covering(0.5).size());
    assertEquals(2, v.covering(0.6).size());
    assertEquals(4, v.covering(1.0).size());
    assertEquals(2, v.top(2).size());
    assertEquals(4, v.top(10).size());
    // Channel level: web web web x3... a b c = [web web web], d = [social web web web],
    // e = [web app web], f = [web web] -> 4 variants; collapsing repeats: a b c f -> [web],
    // d -> [social web], e -> [web app web] = 3 variants, [web] x4.
    Variants collapsed =
        new Variants.Accumulator(Abstraction.of(six().dictionary(), Level.CHANNEL), true)
            .addAll(six())
            .result();
    assertEquals(3, collapsed.distinct());
    assertEquals(List.of("web"), collapsed.all().get(0).steps());
    assertEquals(4, collapsed.all().get(0).count());
    assertThrows(IllegalArgumentException.class, () -> v.covering(1.5));
  }

  /**
   * Van der Aalst (2011), table 1.1: the six cases of the running example are six distinct traces.
   */
  @Test
  void runningExampleHasSixVariantsOneCaseEach() throws IOException {
    List<Row> rows = runningExample();
    Journeys js = JourneyRebuilder.defaults().noInactivityGap().rebuild(runningExampleLog(rows));
    Variants v = Variants.of(js, Level.TOUCHPOINT);
    assertEquals(6, v.distinct());
    for (Variants.Variant x : v.all()) {
      assertEquals(1, x.count());
    }
    // Oracle over the raw rows: the longest trace is case 5 with 13 events.
    Map<String, List<Row>> byCase = new LinkedHashMap<>();
    for (Row r : rows) {
      byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r);
    }
    List<Row> five = new ArrayList<>(byCase.get("5"));
    five.sort(Comparator.comparing(Row::time).thenComparingInt(Row::row));
    List<String> expected = new ArrayList<>();
    five.forEach(r -> expected.add(r.activity()));
    assertEquals(13, expected.size());
    assertTrue(v.all().stream().anyMatch(x -> x.steps().equals(expected)));
  }

  @Test
  void forwardAndBackwardPaths() {
    Journeys js = six();
    PathAnalysis pa = PathAnalysis.over(Abstraction.of(js.dictionary(), Level.TOUCHPOINT)).steps(2);
    PathFlow next = pa.forward(js, "home");
    // All six journeys visit home. First visit to home, then the next step:
    // a b c f -> product (4), d -> home (1), e -> app_product (1).
    assertEquals(6, next.journeys());
    List<PathFlow.Edge> d1 = next.atDepth(1);
    assertEquals(new PathFlow.Edge(1, "home", "product", 4), d1.get(0));
    assertEquals(3, d1.size());
    // Depth 2: a b c product -> cart (3), f product -> (end) (1), d home -> product (1),
    // e app_product -> cart (1)
    List<PathFlow.Edge> d2 = next.atDepth(2);
    assertEquals(new PathFlow.Edge(2, "product", "cart", 3), d2.get(0));
    assertEquals(4, d2.size());
    assertTrue(d2.contains(new PathFlow.Edge(2, "product", PathAnalysis.END, 1)));
    // Edge limit 1 and min weight 2: only home -> product (4), then product -> cart (3).
    PathFlow pruned = pa.edgeLimit(1).minEdgeWeight(2).forward(js, "home");
    assertEquals(
        List.of(
            new PathFlow.Edge(1, "home", "product", 4), new PathFlow.Edge(2, "product", "cart", 3)),
        pruned.edges());
    // Collapsing repeats: d becomes ad home product, so home -> product has 5.
    assertEquals(5, pa.collapseRepeats(true).forward(js, "home").atDepth(1).get(0).journeys());
    // Backward from cart (last visit): a b c product -> cart (3), e app_product -> cart (1);
    // depth 2: home -> product (3), home -> app_product (1).
    PathFlow before = pa.backward(js, "cart");
    assertEquals(4, before.journeys());
    assertEquals(new PathFlow.Edge(1, "product", "cart", 3), before.atDepth(1).get(0));
    assertEquals(new PathFlow.Edge(2, "home", "product", 3), before.atDepth(2).get(0));
    assertThrows(IllegalArgumentException.class, () -> pa.forward(js, "nowhere"));
    assertThrows(IllegalArgumentException.class, () -> pa.steps(0));
  }

  @Test
  void channelSwitching() {
    ChannelSwitching cs = ChannelSwitching.of(six());
    // d: social -> web (1 switch); e: web -> app, app -> web (2 switches); others none.
    assertEquals(6, cs.journeys());
    assertEquals(2, cs.switchingJourneys());
    assertEquals(2, cs.multiChannelJourneys());
    assertEquals(3, cs.switches());
    // Transitions: 2+2+2+3+2+1 = 12
    assertEquals(3.0 / 12, cs.switchRate());
    assertEquals(1.0 / 3, cs.switchingShare());
    assertEquals(3, cs.ranked().size());
    // All counts 1: ties by labels: app -> web, social -> web, web -> app.
    assertEquals("app", cs.ranked().get(0).from());
  }

  @Test
  void variantAndSwitchAccumulatorsMerge() {
    Journeys js = six();
    Abstraction tp = Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
    Variants twice =
        new Variants.Accumulator(tp, false)
            .addAll(js)
            .merge(new Variants.Accumulator(tp, false).addAll(js))
            .result();
    assertEquals(12, twice.total());
    assertEquals(6, twice.all().get(0).count());
    Abstraction ch = Abstraction.of(js.dictionary(), Level.CHANNEL);
    ChannelSwitching s2 =
        new ChannelSwitching.Accumulator(ch)
            .addAll(js)
            .merge(new ChannelSwitching.Accumulator(ch).addAll(js))
            .result();
    assertEquals(6, s2.switches());
    assertEquals(ChannelSwitching.of(js).switchRate(), s2.switchRate());
  }
}
