package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.attr;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.cx4j.report.chart.SvgAssertions.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cx4j.report.chart.JourneyMapChart.Link;
import org.cx4j.report.chart.JourneyMapChart.Mark;
import org.cx4j.report.chart.JourneyMapChart.Node;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JourneyMapChartTest {

  private static final List<String> STAGES = List.of("See", "Buy", "Use");
  private static final List<Node> NODES =
      List.of(
          new Node("a", "Ad", 0, 100), new Node("b", "Shop", 1, 80, Mark.PAIN_POINT, "CES 5.8"),
          new Node("c", "Store", 1, 20), new Node("d", "App", 2, 90, Mark.DELIGHT, "CSAT 4.7"));

  @Test
  void linkWidthsAreProportionalToCounts() {
    List<Link> links =
        List.of(
            new Link("a", "b", 80),
            new Link("a", "c", 20),
            new Link("b", "d", 70),
            new Link("c", "d", 20));
    Document doc = assertValid(JourneyMapChart.render("J", STAGES, NODES, links));
    List<Element> drawn = byClass(doc, "link");
    assertEquals(4, drawn.size());
    double perUnit = -1;
    for (Element e : drawn) {
      long count = countOf(e);
      double w = attr(e, "stroke-width");
      if (perUnit < 0) {
        perUnit = w / count;
      }
      assertEquals(count * perUnit, w, 0.02, e.getTextContent());
    }
    assertEquals(4, byClass(doc, "node").size());
    assertEquals(1, byClass(doc, "pain").size());
    assertEquals(1, byClass(doc, "delight").size());
    List<String> t = texts(doc);
    assertTrue(t.contains("CES 5.8") && t.contains("CSAT 4.7") && t.contains("Use"), t.toString());
  }

  @Test
  void nodeHeightsAreProportionalToVolume() {
    List<Node> nodes =
        List.of(new Node("a", "A", 0, 300), new Node("b", "B", 0, 100), new Node("c", "C", 1, 400));
    Document doc =
        assertValid(
            JourneyMapChart.render(
                "J",
                List.of("S1", "S2"),
                nodes,
                List.of(new Link("a", "c", 300), new Link("b", "c", 100))));
    List<Element> rects = byClass(doc, "node");
    double perUnit = attr(rects.get(2), "height") / 400;
    assertEquals(300 * perUnit, attr(rects.get(0), "height"), 0.02);
    assertEquals(100 * perUnit, attr(rects.get(1), "height"), 0.02);
  }

  @Test
  void backwardSameStageAndSelfLinksAndFilters() {
    List<Link> links =
        List.of(
            new Link("a", "b", 50),
            new Link("b", "a", 10),
            new Link("b", "c", 5),
            new Link("d", "d", 7),
            new Link("a", "d", 3),
            new Link("a", "b", 10));
    Document doc = assertValid(JourneyMapChart.render("J", STAGES, NODES, links));
    // a->b merged to 60, b->a back, b->c same stage back, d->d not drawn, a->d forward.
    assertEquals(4, byClass(doc, "link").size());
    assertEquals(2, byClass(doc, "back").size());
    assertTrue(titles(doc).stream().anyMatch(s -> s.contains("7 repeats")), "self loop");
    assertTrue(titles(doc).stream().anyMatch(s -> s.startsWith("Ad \u2192 Shop: 60")));

    Document top =
        assertValid(JourneyMapChart.builder("J", STAGES, NODES, links).topLinks(2).render());
    assertEquals(2, byClass(top, "link").size());
    assertTrue(String.join(" ", texts(top)).contains("Showing 2 of 4 flows"));
    Document min =
        assertValid(JourneyMapChart.builder("J", STAGES, NODES, links).minLinkCount(6).render());
    // Counts 60, 10, 5, 3 -> only 60 and 10 reach 6.
    assertEquals(2, byClass(min, "link").size());
  }

  @Test
  void fortyNodesAndHundredLinksStayInside() {
    List<String> stages = List.of("S0", "S1", "S2", "S3", "S4");
    java.util.ArrayList<Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      nodes.add(
          new Node(
              "n" + i,
              "Touchpoint number " + i,
              i % 5,
              100 + (i * 37) % 900,
              i % 7 == 0 ? Mark.PAIN_POINT : i % 11 == 0 ? Mark.DELIGHT : Mark.NONE,
              i % 7 == 0 ? "CES " + (4 + i % 3) : ""));
    }
    java.util.ArrayList<Link> links = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      links.add(new Link("n" + (i % 40), "n" + ((i * 13 + 7) % 40), 1 + (i * 17) % 60));
    }
    Svg svg = JourneyMapChart.builder("Big", stages, nodes, links).topLinks(100).render();
    Document doc = assertValid(svg);
    assertEquals(40, byClass(doc, "node").size());
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(
        JourneyMapChart.render("Journey", List.of(), List.of(), List.of()), "Journey");
    SvgAssertions.assertNoData(
        JourneyMapChart.render("Journey", STAGES, List.of(), List.of()), "Journey");
  }

  @Test
  void rejectsInconsistentInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JourneyMapChart.render("J", STAGES, NODES, List.of(new Link("a", "zz", 1))));
    assertTrue(e.getMessage().contains("zz"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JourneyMapChart.render(
                    "J",
                    STAGES,
                    List.of(new Node("a", "A", 0, 1), new Node("a", "B", 1, 1)),
                    List.of()));
    assertTrue(e.getMessage().contains("unique"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JourneyMapChart.render("J", STAGES, List.of(new Node("a", "A", 3, 1)), List.of()));
    assertTrue(e.getMessage().contains("stage"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Link("a", "b", -1));
    assertThrows(IllegalArgumentException.class, () -> new Node("a", "A", 0, -5));
  }

  /** Reads the count from the tooltip "A -> B: 1,234 customers". */
  private static long countOf(Element link) {
    String t = link.getTextContent();
    String n = t.substring(t.lastIndexOf(": ") + 2, t.lastIndexOf(' ')).replace(",", "");
    return Long.parseLong(n);
  }
}
