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

class TrendChartTest {

  private static final double NAN = Double.NaN;
  private static final List<String> P = List.of("W1", "W2", "W3", "W4", "W5");

  @Test
  void nanIsAGapWithAHollowMarkerAndPointsFollowTheAxis() {
    double[] s = {10, 20, NAN, -50, 50};
    double[] lo = {0, 10, NAN, -60, 40};
    double[] hi = {20, 30, NAN, -40, 60};
    Document doc = assertValid(TrendChart.nps("NPS", P, s, lo, hi));
    List<Element> points = byClass(doc, "point");
    assertEquals(4, points.size());
    List<Element> gaps = byClass(doc, "gap");
    assertEquals(1, gaps.size());
    assertTrue(gaps.get(0).getTextContent().contains("W3: no responses"));
    // Two runs of the line: W1-W2 and W4-W5, so two M commands.
    String d = byClass(doc, "line").get(0).getAttribute("d");
    assertEquals(2, d.chars().filter(c -> c == 'M').count(), d);
    // Two runs of the band.
    assertEquals(2, byClass(doc, "band").size());
    // The axis is -100..100: y is linear in the score, so y(0) is halfway between y(-50) and
    // y(50), and y(10) - y(20) = (y(-50) - y(50)) / 10.
    double y10 = attr(points.get(0), "cy");
    double y20 = attr(points.get(1), "cy");
    double yM50 = attr(points.get(2), "cy");
    double y50 = attr(points.get(3), "cy");
    assertEquals((yM50 - y50) / 10, y10 - y20, 0.03);
    List<String> t = texts(doc);
    assertTrue(t.contains("100") && t.contains("-100") && t.contains("0"), t.toString());
  }

  @Test
  void pointsUnderTheMinimumAreHollowWithTheirN() {
    double[] s = {10, 20, NAN, -50, 50};
    // n per period: 40 and 12 and 0 (the gap) and 29 and 30, minimum 30: W2 and W4 are hollow.
    Document doc =
        assertValid(
            TrendChart.builder("NPS", P, s)
                .responses(new long[] {40, 12, 0, 29, 30})
                .minResponses(30)
                .render());
    List<Element> small = byClass(doc, "small");
    assertEquals(2, small.size());
    assertEquals("#ffffff", small.get(0).getAttribute("fill"));
    assertTrue(
        small.get(0).getTextContent().contains("W2: Score 20.0, n = 12"),
        small.get(0).getTextContent());
    assertTrue(small.get(1).getTextContent().contains("W4"), small.get(1).getTextContent());
    assertTrue(String.join(" ", texts(doc)).contains("Fewer than 30 responses"));
    // Without a minimum every point is solid.
    assertEquals(
        0,
        byClass(
                assertValid(
                    TrendChart.builder("NPS", P, s)
                        .responses(new long[] {40, 12, 0, 29, 30})
                        .render()),
                "small")
            .size());
  }

  @Test
  void referenceLineAndAutoRange() {
    Document doc =
        assertValid(
            TrendChart.builder("CSAT", List.of("Jan", "Feb"), new double[] {4.1, 4.3})
                .referenceLine(4.2, "Year <avg>")
                .yAxisLabel("CSAT (1-5)")
                .render());
    assertTrue(String.join(" ", texts(doc)).contains("Year <avg> 4.2"));
  }

  @Test
  void allNaNOrEmptyShowsNoData() {
    SvgAssertions.assertNoData(
        TrendChart.builder("T", P, new double[] {NAN, NAN, NAN, NAN, NAN}).render(), "T");
    SvgAssertions.assertNoData(TrendChart.builder("T", List.of(), new double[0]).render(), "T");
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class, () -> TrendChart.builder("T", P, new double[] {1, 2}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrendChart.builder("T", List.of("a"), new double[] {Double.POSITIVE_INFINITY}));
    assertTrue(e.getMessage().contains("score[0]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TrendChart.builder("T", List.of("a"), new double[] {1})
                .band(new double[] {2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrendChart.builder("T", List.of("a"), new double[] {1}).yRange(5, 5));
  }
}
