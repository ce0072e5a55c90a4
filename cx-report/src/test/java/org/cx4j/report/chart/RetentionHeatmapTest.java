package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.cx4j.report.chart.SvgAssertions.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RetentionHeatmapTest {

  private static final double NAN = Double.NaN;

  @Test
  void threeByFourHasTwelveCellsWithNaNAsNotObserved() {
    double[][] share = {
      {1.0, 0.5, 0.4, 0.3},
      {1.0, 0.45, 0.35, NAN},
      {1.0, NAN, NAN, NAN}
    };
    Document doc =
        assertValid(
            RetentionHeatmap.render(
                "Retention", List.of("Jan", "Feb", "Mar"), new long[] {100, 80, 60}, share));
    List<Element> cells = byClass(doc, "cell");
    List<Element> missing = byClass(doc, "not-observed");
    // 4 + 3 + 1 observed cells, 0 + 1 + 3 NaN cells.
    assertEquals(8, cells.size());
    assertEquals(4, missing.size());
    assertEquals(12, cells.size() + missing.size());
    for (Element m : missing) {
      assertTrue(m.getTextContent().contains("not observed"), m.getTextContent());
    }
    List<String> t = texts(doc);
    assertTrue(t.contains("50%") && t.contains("35%"), t.toString());
    assertTrue(t.contains("Jan (n=100)"), t.toString());
  }

  @Test
  void shortRowsAreNotObservedAndDarkerMeansMore() {
    Document doc =
        assertValid(
            RetentionHeatmap.render(
                "R", List.of("A", "B"), new long[] {10, 10}, new double[][] {{1.0, 0.2}, {0.6}}));
    assertEquals(1, byClass(doc, "not-observed").size());
    List<Element> cells = byClass(doc, "cell");
    // Luminance falls with the share on the sequential scale: 1.0 darker than 0.6, than 0.2.
    double l10 = luminance(cells.get(0).getAttribute("fill"));
    double l02 = luminance(cells.get(1).getAttribute("fill"));
    double l06 = luminance(cells.get(2).getAttribute("fill"));
    assertTrue(l10 < l06 && l06 < l02, l10 + " " + l06 + " " + l02);
    assertTrue(titles(doc).stream().anyMatch(s -> s.contains("20.0% of 10")));
  }

  private static double luminance(String hex) {
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(
        RetentionHeatmap.render("Cohorts", List.of(), new long[0], new double[0][]), "Cohorts");
    SvgAssertions.assertNoData(
        RetentionHeatmap.render("Cohorts", List.of("A"), new long[] {5}, new double[][] {{}}),
        "Cohorts");
  }

  @Test
  void rejectsSharesOutsideZeroOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RetentionHeatmap.render("R", List.of("A"), new long[] {1}, new double[][] {{1.2}}));
    assertTrue(e.getMessage().contains("share[0][0]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RetentionHeatmap.render("R", List.of("A"), new long[] {1, 2}, new double[][] {{1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RetentionHeatmap.render("R", List.of("A"), new long[] {-1}, new double[][] {{1}}));
  }
}
