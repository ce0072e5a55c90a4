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

class HorizontalBarChartTest {

  @Test
  void barWidthsAreProportionalAndNegativeGoesLeft() {
    double[] v = {0.4, 0.2, -0.1};
    Document doc =
        assertValid(
            HorizontalBarChart.builder("Drivers", List.of("Speed", "Price", "Packaging"), v)
                .intervals(new double[] {0.3, 0.1, -0.2}, new double[] {0.5, 0.3, 0.0})
                .second("r", new double[] {0.5, 0.3, 0.1})
                .render());
    List<Element> bars = byClass(doc, "bar");
    assertEquals(3, bars.size());
    double perUnit = attr(bars.get(0), "width") / 0.4;
    assertEquals(0.2 * perUnit, attr(bars.get(1), "width"), 0.02);
    assertEquals(0.1 * perUnit, attr(bars.get(2), "width"), 0.02);
    // The positive bars start at zero; the negative bar ends there.
    double zero = attr(bars.get(0), "x");
    assertEquals(zero, attr(bars.get(1), "x"), 0.01);
    assertEquals(zero, attr(bars.get(2), "x") + attr(bars.get(2), "width"), 0.02);
    assertEquals(3, byClass(doc, "interval").size());
    assertEquals(3, byClass(doc, "bar2").size());
    List<String> t = texts(doc);
    assertTrue(t.contains("0.40") && t.contains("-0.10"), t.toString());
  }

  @Test
  void percentFormat() {
    Document doc =
        assertValid(
            HorizontalBarChart.builder("W", List.of("a"), new double[] {0.255}).percent().render());
    assertTrue(texts(doc).contains("25.5%"), texts(doc).toString());
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(HorizontalBarChart.render("B", List.of(), new double[0]), "B");
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> HorizontalBarChart.render("B", List.of("a"), new double[] {Double.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () -> HorizontalBarChart.render("B", List.of("a", "b"), new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HorizontalBarChart.builder("B", List.of("a"), new double[] {1})
                .intervals(new double[] {2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> HorizontalBarChart.builder("B", List.of("a"), new double[] {1}).decimals(9));
  }
}
