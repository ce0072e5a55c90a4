package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.texts;
import static org.cx4j.report.chart.SvgAssertions.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Labels with XML special characters are escaped and come back unchanged from the parser. */
class EscapingTest {

  private static final String NASTY = "<b>Tom & \"Jerry's\"</b>";

  @Test
  void everyChartRoundTripsSpecialCharacters() {
    List<Svg> charts =
        List.of(
            TrendChart.builder(NASTY, List.of(NASTY), new double[] {5}).render(),
            DistributionChart.render(NASTY, List.of(NASTY), new long[] {3}),
            JourneyMapChart.render(
                NASTY,
                List.of(NASTY),
                List.of(
                    new JourneyMapChart.Node(
                        "a", NASTY, 0, 5, JourneyMapChart.Mark.PAIN_POINT, NASTY)),
                List.of()),
            FunnelChart.render(NASTY, List.of(NASTY), new long[] {3}),
            RetentionHeatmap.render(NASTY, List.of(NASTY), new long[] {3}, new double[][] {{0.5}}),
            SurvivalChart.render(
                NASTY, NASTY, SurvivalChart.Curve.of(NASTY, new double[] {1}, new double[] {0.5})),
            HorizontalBarChart.render(NASTY, List.of(NASTY), new double[] {1}),
            EffortImpactChart.render(NASTY, List.of(new EffortImpactChart.Item(NASTY, 1, 1)), 5, 5),
            AttributionChart.render(NASTY, List.of(NASTY), List.of(NASTY), new double[][] {{0.4}}));
    for (Svg svg : charts) {
      assertFalse(svg.markup().contains(NASTY), "raw label in markup");
      Document doc = assertValid(svg);
      assertEquals(NASTY, doc.getDocumentElement().getAttribute("aria-label"));
      assertEquals(NASTY, titles(doc).get(0));
      // The label is shown in full or truncated; either way its text survives parsing.
      List<String> all = new java.util.ArrayList<>(texts(doc));
      all.addAll(titles(doc));
      assertTrue(
          all.stream().filter(s -> s.contains(NASTY)).count() >= 3,
          "title and at least one label: " + all);
    }
  }

  @Test
  void escapeHandlesAllFiveAndControlCharacters() {
    // Hand-written: the five XML entities; U+0001 is not allowed in XML 1.0 at all.
    assertEquals("&lt;&gt;&amp;&quot;&apos; x", SvgWriter.escape("<>&\"'\u0001x"));
    assertEquals("plain", SvgWriter.escape("plain"));
    // U+FFFE and a lone surrogate are not XML characters: replaced by U+FFFD.
    assertEquals("a\ufffdb\ufffd", SvgWriter.escape("a\ufffeb\ud800"));
    assertEquals("\ud83d\ude00", SvgWriter.escape("\ud83d\ude00"));
  }

  @Test
  void numbersAreLocaleIndependent() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertEquals("1.5", SvgWriter.num(1.5));
      assertEquals("-0.25", SvgWriter.num(-0.25));
      assertEquals("0", SvgWriter.num(-0.001));
      assertEquals("12,345", Text.count(12345));
      assertEquals("60.0%", Text.percent(0.6, 1));
      String a = FunnelChart.render("F", List.of("A", "B"), new long[] {1000, 333}).markup();
      java.util.Locale.setDefault(java.util.Locale.US);
      String b = FunnelChart.render("F", List.of("A", "B"), new long[] {1000, 333}).markup();
      assertEquals(a, b);
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void longLabelsAreTruncatedWithFullTextInTooltip() {
    String longName = "A very long touchpoint name that cannot possibly fit into the column";
    Document doc =
        assertValid(
            FunnelChart.builder("F", List.of(longName), new long[] {5}).size(300, 200).render());
    assertTrue(texts(doc).stream().anyMatch(s -> s.endsWith("\u2026")), texts(doc).toString());
    assertTrue(titles(doc).contains(longName));
  }
}
