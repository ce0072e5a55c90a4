package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.attr;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AttributionChartTest {

  @Test
  void oneBarPerModelAndChannelWithHeightsProportionalToShare() {
    double[][] share = {{0.5, 0.3, 0.2}, {0.2, 0.5, 0.3}};
    Document doc =
        assertValid(
            AttributionChart.render(
                "A", List.of("Email", "Search", "Social"), List.of("First", "Last"), share));
    List<Element> bars = byClass(doc, "bar");
    assertEquals(6, bars.size());
    // Bars are written channel by channel, model by model within the channel.
    double perUnit = attr(bars.get(0), "height") / 0.5;
    for (int c = 0; c < 3; c++) {
      for (int m = 0; m < 2; m++) {
        assertEquals(share[m][c] * perUnit, attr(bars.get(c * 2 + m), "height"), 0.02);
      }
    }
    // Same model, same colour across channels.
    assertEquals(bars.get(0).getAttribute("fill"), bars.get(2).getAttribute("fill"));
    List<String> t = texts(doc);
    assertTrue(t.contains("First") && t.contains("Last") && t.contains("Search"), t.toString());
    assertTrue(t.contains("50%") && t.contains("30%"), t.toString());
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(
        AttributionChart.render("A", List.of(), List.of(), new double[0][]), "A");
    SvgAssertions.assertNoData(
        AttributionChart.render("A", List.of("x"), List.of(), new double[0][]), "A");
  }

  @Test
  void rejectsRaggedShares() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AttributionChart.render(
                    "A", List.of("x", "y"), List.of("m"), new double[][] {{0.5}}));
    assertTrue(e.getMessage().contains("share[0]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AttributionChart.render(
                "A", List.of("x"), List.of("m"), new double[][] {{Double.NaN}}));
  }
}
