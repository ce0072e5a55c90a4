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

class DistributionChartTest {

  @Test
  void barHeightsAreProportionalToCountsAndColouredByCategory() {
    long[] counts = {5, 0, 1, 2, 3, 4, 6, 10, 20, 30, 19};
    Document doc = assertValid(DistributionChart.nps("LTR", counts));
    List<Element> bars = byClass(doc, "bar");
    assertEquals(11, bars.size());
    double perUnit = attr(bars.get(9), "height") / 30.0;
    for (int i = 0; i < 11; i++) {
      assertEquals(counts[i] * perUnit, attr(bars.get(i), "height"), 0.02, "bar " + i);
    }
    // 0..6 detractors, 7..8 passives, 9..10 promoters: three colours in that pattern.
    String d = bars.get(0).getAttribute("fill");
    String p = bars.get(7).getAttribute("fill");
    String pr = bars.get(9).getAttribute("fill");
    for (int i = 0; i < 11; i++) {
      assertEquals(i <= 6 ? d : i <= 8 ? p : pr, bars.get(i).getAttribute("fill"));
    }
    // Total 100: detractors 5+0+1+2+3+4+6 = 21 -> 21.0 %, promoters 30+19 = 49 -> 49.0 %.
    String all = String.join("\n", texts(doc));
    assertTrue(all.contains("Detractors (0-6) 21.0%"), all);
    assertTrue(all.contains("Promoters (9-10) 49.0%"), all);
    assertTrue(all.contains("30.0%"), all);
  }

  @Test
  void customCategoriesAndColours() {
    Document doc =
        assertValid(
            DistributionChart.builder(
                    "CSAT", List.of("1", "2", "3", "4", "5"), new long[] {1, 2, 3, 4, 5})
                .categories(List.of("Bottom", "Neutral", "Top"), new int[] {0, 0, 1, 2, 2})
                .categoryColours(List.of("#111111", "#222222", "#333333"))
                .render());
    List<Element> bars = byClass(doc, "bar");
    assertEquals("#111111", bars.get(1).getAttribute("fill"));
    assertEquals("#333333", bars.get(4).getAttribute("fill"));
  }

  @Test
  void emptyShowsNoData() {
    SvgAssertions.assertNoData(DistributionChart.render("D", List.of(), new long[0]), "D");
    SvgAssertions.assertNoData(DistributionChart.nps("D", new long[11]), "D");
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> DistributionChart.nps("D", new long[5]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DistributionChart.builder("D", List.of("a", "b"), new long[] {1, 1})
                    .categories(List.of("x"), new int[] {0, 1}));
    assertTrue(e.getMessage().contains("categoryOfValue[1]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DistributionChart.builder("D", List.of("a"), new long[] {1})
                .categoryColours(List.of("red")));
  }
}
