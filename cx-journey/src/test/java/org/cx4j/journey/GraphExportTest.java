package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.CART;
import static org.cx4j.journey.JourneyFixtures.HOME;
import static org.cx4j.journey.JourneyFixtures.PRODUCT;
import static org.cx4j.journey.JourneyFixtures.at;
import static org.cx4j.journey.JourneyFixtures.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cx4j.journey.graph.GraphExport;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.junit.jupiter.api.Test;

class GraphExportTest {

  /**
   * a: home@0 product@10 cart@100; b: home@0 product@20. Nodes in order home, product, cart (n0,
   * n1, n2). Edges: home->product x2 (10 s, 20 s: median, the mean of the two middle values, 15 s),
   * product->cart x1 (90 s = 1.5 min). Starts: home 2. Ends: cart 1, product 1.
   */
  static TransitionGraph graph() {
    return TransitionGraph.of(
        JourneyRebuilder.defaults()
            .rebuild(
                log(
                    List.of(
                        at("a", HOME, 0),
                        at("a", PRODUCT, 10),
                        at("a", CART, 100),
                        at("b", HOME, 0),
                        at("b", PRODUCT, 20)))),
        Level.TOUCHPOINT);
  }

  @Test
  void dot() {
    TransitionGraph g = graph();
    String dot = GraphExport.dot(g, 1);
    String[] lines = dot.split("\n");
    assertEquals("digraph journey {", lines[0]);
    assertEquals("}", lines[lines.length - 1]);
    int home = g.nodes().indexOf("home");
    int product = g.nodes().indexOf("product");
    int cart = g.nodes().indexOf("cart");
    assertTrue(dot.contains("  n" + home + " [label=\"home\\n2 visits\"];"), dot);
    assertTrue(dot.contains("  start -> n" + home + " [label=\"2\", style=dashed];"), dot);
    // The widest edge is the most frequent: penwidth 1 + 4 * 2 / 2 = 5.
    assertTrue(
        dot.contains("  n" + home + " -> n" + product + " [label=\"2 · 15s\", penwidth=5.00];"),
        dot);
    assertTrue(
        dot.contains("  n" + product + " -> n" + cart + " [label=\"1 · 1.5 min\", penwidth=3.00];"),
        dot);
    assertTrue(dot.contains("  n" + cart + " -> end [label=\"1\", style=dashed];"), dot);
    // Filtering says what it hid.
    String filtered = GraphExport.dot(g, 2);
    assertTrue(filtered.contains("// 1 edges seen fewer than 2 times are not shown"), filtered);
    assertTrue(!filtered.contains("n" + product + " -> n" + cart + " "), filtered);
  }

  @Test
  void mermaid() {
    TransitionGraph g = graph();
    String m = GraphExport.mermaid(g, 1);
    assertTrue(m.startsWith("flowchart LR\n"), m);
    int product = g.nodes().indexOf("product");
    int cart = g.nodes().indexOf("cart");
    assertTrue(m.contains("  n" + cart + "[\"cart<br/>1 visits\"]"), m);
    assertTrue(m.contains("  n" + product + " -->|\"1 · 1.5 min\"| n" + cart), m);
    assertTrue(m.contains("  n" + cart + " -.->|1| stop"), m);
    assertThrows(IllegalArgumentException.class, () -> GraphExport.mermaid(g, 0));
  }

  @Test
  void labelsAreEscaped() {
    assertEquals(
        "say \\\"hi\\\"\\\\", org.cx4j.journey.graph.GraphExportAccess.dot("say \"hi\"\\"));
    assertEquals(
        "a #lt;b#gt; #quot;c#quot; #amp;",
        org.cx4j.journey.graph.GraphExportAccess.mermaid("a <b> \"c\" &"));
    assertEquals("45s", org.cx4j.journey.graph.GraphExportAccess.duration(45));
    assertEquals("2.0 h", org.cx4j.journey.graph.GraphExportAccess.duration(7200));
  }
}
