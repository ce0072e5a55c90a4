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

class FunnelChartTest {

  private static final double TOL = 0.02;

  @Test
  void barsAreProportionalAndLabelsShowConversions() {
    Svg svg =
        FunnelChart.render(
            "Checkout", List.of("Cart", "Shipping", "Payment"), new long[] {1000, 600, 150});
    Document doc = assertValid(svg);
    List<Element> bars = byClass(doc, "bar");
    assertEquals(3, bars.size());
    double w0 = attr(bars.get(0), "width");
    // Widths relative to the first bar: 600 / 1000 = 0.6, 150 / 1000 = 0.15.
    assertEquals(0.6, attr(bars.get(1), "width") / w0, TOL / w0 * 2);
    assertEquals(0.15, attr(bars.get(2), "width") / w0, TOL / w0 * 2);
    // Drop-offs: 1000 - 600 = 400 -> 0.4 of the first bar; 600 - 150 = 450 -> 0.45.
    List<Element> drops = byClass(doc, "drop");
    assertEquals(2, drops.size());
    assertEquals(0.4, attr(drops.get(0), "width") / w0, TOL / w0 * 2);
    assertEquals(0.45, attr(drops.get(1), "width") / w0, TOL / w0 * 2);
    String all = String.join("\n", texts(doc));
    // Step to step: 600 / 1000 = 60.0 %, 150 / 600 = 25.0 %; from start 150 / 1000 = 15.0 %.
    assertTrue(all.contains("60.0% continued"), all);
    assertTrue(all.contains("25.0% continued"), all);
    assertTrue(all.contains("15.0% of start"), all);
    assertTrue(all.contains("400 dropped"), all);
    assertTrue(all.contains("450 dropped"), all);
  }

  @Test
  void increaseIsShownWithoutDropAndZeroStartIsNotApplicable() {
    Document doc =
        assertValid(FunnelChart.render("F", List.of("A", "B", "C"), new long[] {0, 10, 20}));
    assertEquals(0, byClass(doc, "drop").size());
    String all = String.join("\n", texts(doc));
    assertTrue(all.contains("n/a"), all);
    assertTrue(all.contains("+10"), all);
  }

  @Test
  void emptyAndAllZeroShowNoData() {
    SvgAssertions.assertNoData(
        FunnelChart.render("Empty funnel", List.of(), new long[0]), "Empty funnel");
    SvgAssertions.assertNoData(FunnelChart.render("Zero", List.of("A"), new long[] {0}), "Zero");
  }

  @Test
  void rejectsInconsistentInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FunnelChart.render("F", List.of("A", "B"), new long[] {1}));
    assertTrue(e.getMessage().contains("counts"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FunnelChart.render("F", List.of("A", "B"), new long[] {5, -1}));
    assertTrue(
        e.getMessage().contains("counts[1]") && e.getMessage().contains("-1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> FunnelChart.builder("F", List.of("A"), new long[] {1}).size(50, 400));
  }
}
