package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.DurationSummary;
import org.junit.jupiter.api.Test;

class TransitionGraphTest {

  @Test
  void handBuiltGraphWithTimingAndRework() {
    // a: home@0 product@10 product@40 cart@100 product@130
    // b: home@0 product@20 cart@50
    // c: ad@0 home@5
    // Edges: home->product x2 (10 s, 20 s), product->product x1 (30 s), product->cart x2 (60 s,
    // 30 s), cart->product x1 (30 s), ad->home x1 (5 s).
    // Starts: home 2, ad 1. Ends: product 1, cart 1, home 1.
    // Rework: a visits product at 10, 40, 130 -> 2 rework events in 1 journey.
    Journeys js =
        JourneyRebuilder.defaults()
            .rebuild(
                log(
                    List.of(
                        at("a", HOME, 0),
                        at("a", PRODUCT, 10),
                        at("a", PRODUCT, 40),
                        at("a", CART, 100),
                        at("a", PRODUCT, 130),
                        at("b", HOME, 0),
                        at("b", PRODUCT, 20),
                        at("b", CART, 50),
                        at("c", AD, 0),
                        at("c", HOME, 5))));
    TransitionGraph g = TransitionGraph.of(js, Level.TOUCHPOINT);
    assertEquals(2, g.count("home", "product"));
    assertEquals(1, g.count("product", "product"));
    assertEquals(2, g.count("product", "cart"));
    assertEquals(1, g.count("cart", "product"));
    assertEquals(1, g.count("ad", "home"));
    assertEquals(0, g.count("cart", "home"));
    assertEquals(7, g.transitions());
    assertEquals(1, g.selfLoops());
    assertEquals(3, g.journeys());
    assertEquals(2L, g.starts().get("home"));
    assertEquals(1L, g.starts().get("ad"));
    assertEquals(1L, g.ends().get("product"));
    assertEquals(1L, g.ends().get("cart"));
    assertEquals(1L, g.ends().get("home"));
    assertEquals(2L, g.rework().get("product"));
    assertEquals(1L, g.reworkJourneys().get("product"));
    assertEquals(0L, g.rework().get("home"));
    DurationSummary hp = g.edge("home", "product").orElseThrow().timing();
    assertEquals(15.0, hp.meanSeconds()); // (10 + 20) / 2
    assertEquals(15.0, hp.medianSeconds()); // even count: mean of the two middle values
    assertEquals(20.0, hp.p90Seconds()); // rank ceil(0.9 * 2) = 2 -> 20
    DurationSummary pc = g.edge("product", "cart").orElseThrow().timing();
    assertEquals(45.0, pc.meanSeconds());
    assertEquals(60.0, pc.p90Seconds());
    // The most frequent edges come first; ties by label: home->product before product->cart.
    assertEquals("home", g.edges().get(0).from());

    // Channel level: a is web only (4 web->web), b 2 web->web, c social->web.
    TransitionGraph ch = TransitionGraph.of(js, Level.CHANNEL);
    assertEquals(6, ch.count("web", "web"));
    assertEquals(1, ch.count("social", "web"));
    // Stage level: home=awareness, product=consideration, cart=purchase, ad=awareness.
    TransitionGraph st = TransitionGraph.of(js, Level.STAGE);
    assertEquals(2, st.count("awareness", "consideration"));
    assertEquals(1, st.count("awareness", "awareness"));
    // Renaming merges product and cart into "shop".
    TransitionGraph shop =
        TransitionGraph.of(
            js,
            Abstraction.rename(js.dictionary(), t -> t == PRODUCT || t == CART ? "shop" : t.id()));
    assertEquals(4, shop.count("shop", "shop"));
  }

  /**
   * The running example of van der Aalst, Process Mining (2011), table 1.1. The traces (checked
   * against the book's table) are:
   *
   * <pre>
   * 1: register, examine thoroughly, check ticket, decide, reject
   * 2: register, check ticket, examine casually, decide, pay compensation
   * 3: register, examine casually, check ticket, decide, reinitiate, examine thoroughly,
   *    check ticket, decide, pay compensation
   * 4: register, check ticket, examine thoroughly, decide, reject
   * 5: register, examine casually, check ticket, decide, reinitiate, check ticket,
   *    examine casually, decide, reinitiate, examine casually, check ticket, decide, reject
   * 6: register, examine casually, check ticket, decide, pay compensation
   * </pre>
   *
   * By hand: check ticket -> decide occurs in cases 1, 3 (twice), 5 (twice), 6 = 6 times; decide ->
   * reinitiate request 3 times (3 once, 5 twice); register -> examine casually 3 times (3, 5, 6);
   * 42 events in 6 cases give 36 transitions. The full edge table is checked against a brute-force
   * oracle over the raw CSV rows.
   */
  @Test
  void runningExampleMatchesPublishedTracesAndBruteForce() throws IOException {
    List<Row> rows = runningExample();
    Journeys js = JourneyRebuilder.defaults().noInactivityGap().rebuild(runningExampleLog(rows));
    assertEquals(6, js.journeyCount());
    assertEquals(42, js.eventCount());
    TransitionGraph g = TransitionGraph.of(js, Level.TOUCHPOINT);
    assertEquals(6, g.count("check ticket", "decide"));
    assertEquals(3, g.count("decide", "reinitiate request"));
    assertEquals(3, g.count("register request", "examine casually"));
    assertEquals(36, g.transitions());
    assertEquals(6L, g.starts().get("register request"));
    assertEquals(3L, g.ends().get("reject request"));
    assertEquals(3L, g.ends().get("pay compensation"));

    // Oracle: group rows by case, sort each by time (row order on ties), count pairs and collect
    // the gap in whole seconds.
    Map<String, List<Row>> byCase = new LinkedHashMap<>();
    for (Row r : rows) {
      byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<Long>> gaps = new HashMap<>();
    for (List<Row> c : byCase.values()) {
      c.sort(Comparator.comparing(Row::time).thenComparingInt(Row::row));
      for (int i = 1; i < c.size(); i++) {
        gaps.computeIfAbsent(
                c.get(i - 1).activity() + "|" + c.get(i).activity(), k -> new ArrayList<>())
            .add((c.get(i).time().toEpochMilli() - c.get(i - 1).time().toEpochMilli()) / 1000);
      }
    }
    assertEquals(gaps.size(), g.edges().size());
    for (TransitionGraph.Edge e : g.edges()) {
      List<Long> v = new ArrayList<>(gaps.get(e.from() + "|" + e.to()));
      v.sort(null);
      int n = v.size();
      assertEquals(n, e.count(), e.toString());
      double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
      long p90 = v.get((int) ((9L * n + 9) / 10) - 1); // nearest rank ceil(0.9 n)
      double mean = v.stream().mapToLong(Long::longValue).average().orElseThrow();
      assertEquals(median, e.timing().medianSeconds(), e.toString());
      assertEquals(p90, e.timing().p90Seconds(), e.toString());
      assertEquals(mean, e.timing().meanSeconds(), 1e-9, e.toString());
    }
  }
}
