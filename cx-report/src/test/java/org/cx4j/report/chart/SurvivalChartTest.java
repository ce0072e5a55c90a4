package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.cx4j.report.chart.SvgAssertions.byName;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SurvivalChartTest {

  @Test
  void stepsFollowTheSurvivalValuesOnThePercentAxis() {
    SurvivalChart.Curve c =
        SurvivalChart.Curve.of("All", new double[] {10, 20, 40}, new double[] {0.8, 0.5, 0.25})
            .withBand(new double[] {0.7, 0.4, 0.1}, new double[] {0.9, 0.6, 0.4})
            .withCensored(new double[] {15, 30});
    Document doc = assertValid(SurvivalChart.render("S", "days", c));
    // Locate 0% and 100% from the y-axis labels' gridlines, independent of the layout code.
    double y0 = gridY(doc, "0%");
    double y100 = gridY(doc, "100%");
    String d = byClass(doc, "curve").get(0).getAttribute("d");
    List<Double> vs = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("V(-?[\\d.]+)").matcher(d);
    while (m.find()) {
      vs.add(Double.parseDouble(m.group(1)));
    }
    double[] expected = {0.8, 0.5, 0.25};
    assertEquals(3, vs.size(), d);
    for (int i = 0; i < 3; i++) {
      assertEquals(y0 + expected[i] * (y100 - y0), vs.get(i), 0.03, "step " + i);
    }
    assertEquals(2, byClass(doc, "censor").size());
    assertEquals(1, byClass(doc, "band").size());
    assertTrue(texts(doc).contains("days"));
  }

  @Test
  void severalGroupsHaveALegend() {
    SurvivalChart.Curve a =
        SurvivalChart.Curve.of("Gold", new double[] {0, 5}, new double[] {1, 0.9});
    SurvivalChart.Curve b =
        SurvivalChart.Curve.of("Basic", new double[] {0, 3}, new double[] {1, 0.6});
    Document doc = assertValid(SurvivalChart.render("S", "weeks", a, b));
    assertEquals(2, byClass(doc, "curve").size());
    List<String> t = texts(doc);
    assertTrue(t.contains("Gold") && t.contains("Basic"), t.toString());
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(SurvivalChart.render("S", "days"), "S");
    SvgAssertions.assertNoData(
        SurvivalChart.render(
            "S", "days", SurvivalChart.Curve.of("x", new double[0], new double[0])),
        "S");
  }

  @Test
  void rejectsBadCurves() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SurvivalChart.Curve.of("x", new double[] {2, 1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("non-decreasing"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalChart.Curve.of("x", new double[] {1}, new double[] {1.5}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalChart.Curve.of("x", new double[] {Double.NaN}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SurvivalChart.Curve.of("x", new double[] {1}, new double[] {0.5})
                .withBand(new double[] {0.6}, new double[] {0.4}));
  }

  private static double gridY(Document doc, String label) {
    for (Element t : byName(doc, "text")) {
      if (t.getTextContent().equals(label)) {
        // Tick labels sit 4 px under their gridline's y (baseline offset), see the axis.
        Element prev = (Element) t.getPreviousSibling();
        assertEquals("line", prev.getLocalName());
        return Double.parseDouble(prev.getAttribute("y1"));
      }
    }
    throw new AssertionError("no label " + label);
  }
}
