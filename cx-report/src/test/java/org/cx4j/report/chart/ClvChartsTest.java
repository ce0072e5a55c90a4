package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertNoData;
import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.attr;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.byName;
import static org.cx4j.report.chart.SvgAssertions.pathNumbers;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.cx4j.report.chart.SvgAssertions.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The tracking plot and the matrix heat map: valid SVG, proportions, accessible names. */
class ClvChartsTest {

  @Test
  void trackingLinesEndWhereTheDataEndAndHigherIsHigher() {
    double[] actual = {0, 10, 30, 60};
    double[] expected = {0, 12, 28, 50};
    Document doc =
        assertValid(
            TrackingChart.builder("Tracking <a>", actual, expected).calibrationEnd(2).render());
    List<Double> a = pathNumbers(byClass(doc, "actual").get(0).getAttribute("d"));
    List<Double> e = pathNumbers(byClass(doc, "expected").get(0).getAttribute("d"));
    // M x0 y0 then four points: five (x, y) pairs; y grows downwards, so more is smaller.
    assertEquals(10, a.size());
    assertEquals(a.get(8), e.get(8));
    assertTrue(a.get(9) < e.get(9), "60 actual above 50 expected");
    assertEquals(a.get(3), e.get(3), "both start from 0");
    Element cal = byClass(doc, "calibration-end").get(0);
    // The marker is at week 2 of 4: half-way between the first and the last x.
    assertEquals((a.get(0) + a.get(8)) / 2, attr(cal, "x1"), 0.01);
    assertTrue(titles(doc).get(0).equals("Tracking <a>"));
    String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
    assertTrue(desc.contains("actual 60, expected 50") && desc.contains("week 2"), desc);
    assertTrue(texts(doc).contains("holdout"));
  }

  @Test
  void trackingRefusesBadInputAndDrawsNoData() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TrackingChart.builder("T", new double[] {1}, new double[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrackingChart.builder("T", new double[] {-1}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrackingChart.builder("T", new double[] {1}, new double[] {1}).calibrationEnd(2));
    assertNoData(TrackingChart.builder("T", new double[0], new double[0]).render(), "T");
  }

  @Test
  void heatmapHasOneCellPerValueAndNanIsImpossible() {
    double[][] v = {{1, Double.NaN, Double.NaN}, {0.2, 0.5, 0.9}};
    Document doc =
        assertValid(
            MatrixHeatmap.builder("P(alive)", List.of("0", "1"), List.of("0", "2", "4"), v)
                .rowTitle("x")
                .columnTitle("t_x")
                .max(1)
                .render());
    List<Element> cells = byClass(doc, "cell");
    assertEquals(4, cells.size());
    assertEquals(2, byClass(doc, "impossible").size());
    assertTrue(
        titles(doc).stream().anyMatch(t -> t.equals("x 1, t_x 4: 0.90")), titles(doc).toString());
    assertTrue(titles(doc).stream().anyMatch(t -> t.contains("cannot occur")));
    assertTrue(byName(doc, "desc").get(0).getTextContent().contains("2 rows (x) by 3 columns"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MatrixHeatmap.builder("M", List.of("a"), List.of("b"), new double[][] {{-1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> MatrixHeatmap.builder("M", List.of("a"), List.of("b", "c"), new double[][] {{1}}));
    assertNoData(MatrixHeatmap.builder("M", List.of(), List.of(), new double[0][]).render(), "M");
  }
}
