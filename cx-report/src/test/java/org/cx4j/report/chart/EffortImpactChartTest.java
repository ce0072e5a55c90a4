package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.attr;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cx4j.report.chart.EffortImpactChart.Item;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EffortImpactChartTest {

  @Test
  void quadrantsSplitsAndPointsInTheirQuadrants() {
    List<Item> items =
        List.of(
            new Item("Quick", 1, 9),
            new Item("Big", 9, 9),
            new Item("Fill", 1, 1),
            new Item("Avoid", 9, 1));
    Document doc = assertValid(EffortImpactChart.render("M", items, 5, 5));
    List<String> t = texts(doc);
    for (String q : List.of("Quick wins", "Major projects", "Fill-ins", "Thankless tasks")) {
      assertTrue(t.contains(q), q + " in " + t);
    }
    List<Element> splits = byClass(doc, "split");
    assertEquals(2, splits.size());
    double sx = attr(splits.get(0), "x1");
    double sy = attr(splits.get(1), "y1");
    List<Element> pts = byClass(doc, "point");
    // SVG y grows downwards: high impact is above the split line.
    assertTrue(attr(pts.get(0), "cx") < sx && attr(pts.get(0), "cy") < sy);
    assertTrue(attr(pts.get(1), "cx") > sx && attr(pts.get(1), "cy") < sy);
    assertTrue(attr(pts.get(2), "cx") < sx && attr(pts.get(2), "cy") > sy);
    assertTrue(attr(pts.get(3), "cx") > sx && attr(pts.get(3), "cy") > sy);
  }

  @Test
  void coincidentPointsGetLabelsInDifferentPlacesAndAreaFollowsSize() {
    List<Item> items =
        List.of(
            new Item("First label", 3, 3, 100),
            new Item("Second label", 3, 3, 25),
            new Item("Third", 7, 7, 0));
    Document doc =
        assertValid(
            EffortImpactChart.builder("M", items, 5, 5).quadrants("A", "B", "C", "D").render());
    List<Element> labels = byClass(doc, "point-label");
    assertEquals(3, labels.size());
    String p0 = labels.get(0).getAttribute("x") + "," + labels.get(0).getAttribute("y");
    String p1 = labels.get(1).getAttribute("x") + "," + labels.get(1).getAttribute("y");
    assertNotEquals(p0, p1);
    List<Element> pts = byClass(doc, "point");
    // Radius 4 + 10 * sqrt(size / max): sizes 100 and 25 give 14 and 9.
    assertEquals(14, attr(pts.get(0), "r"), 0.01);
    assertEquals(9, attr(pts.get(1), "r"), 0.01);
    assertEquals(4, attr(pts.get(2), "r"), 0.01);
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(EffortImpactChart.render("M", List.of(), 5, 5), "M");
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new Item("x", Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new Item("x", 1, 1, -2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EffortImpactChart.render("M", List.of(), Double.NaN, 5));
    assertTrue(e.getMessage().contains("effortSplit"), e.getMessage());
  }
}
