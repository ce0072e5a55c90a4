package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.input.ReportInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The HTML report of the sample, checked with a real HTML5 parser (jsoup) and an XML parser. */
class HtmlReportTest {

  /** Every chart the report of the sample must show (issue #7's list). */
  static final List<String> CHARTS =
      List.of(
          "nps-trend",
          "nps-distribution",
          "nps-segments",
          "nps-channels",
          "nps-stages",
          "csat-trend",
          "csat-distribution",
          "csat-segments",
          "csat-channels",
          "csat-stages",
          "ces-trend",
          "ces-distribution",
          "ces-segments",
          "ces-channels",
          "ces-stages",
          "journey-map",
          "funnel",
          "retention",
          "survival",
          // the bundled sample's behavioural segments (seeded: two)
          "segment-1",
          "segment-2",
          // the lifetime value section's BTYD pictures
          "clv-tracking",
          "clv-fr-purchases",
          "clv-fr-alive",
          "clv-alive-histogram",
          "drivers",
          "effort-impact",
          "attribution");

  static String html;
  static java.util.Set<String> TABLES;
  static Document doc;
  static List<ParseError> errors;

  @BeforeAll
  static void render() {
    CxReport report = CxReport.of(ReportInput.sample());
    html = HtmlReport.render(report);
    TABLES = new java.util.HashSet<>();
    org.cx4j.report.table.ReportTables.of(report).forEach(t -> TABLES.add(t.name()));
    Parser parser = Parser.htmlParser().setTrackErrors(100);
    doc = Jsoup.parse(html, "", parser);
    errors = new ArrayList<>(parser.getErrors());
  }

  @Test
  void theHtmlParsesWithoutErrors() {
    assertTrue(errors.isEmpty(), "HTML5 parse errors: " + errors);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals("en", doc.selectFirst("html").attr("lang"));
    assertTrue(doc.title().startsWith("CX report: Larkspur Home"), doc.title());
  }

  @Test
  void theFooterNamesThePomsVersion() throws Exception {
    // Surefire runs in the module's folder; cx-report inherits its parent's version.
    org.w3c.dom.Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(java.nio.file.Path.of("pom.xml").toFile());
    String version =
        javax.xml.xpath.XPathFactory.newInstance()
            .newXPath()
            .evaluate("/project/parent/version", pom)
            .strip();
    assertFalse(version.isEmpty());
    String footer = doc.selectFirst("footer").text();
    assertTrue(footer.startsWith("Made with cx4j " + version + ". Methods:"), footer);
  }

  @Test
  void everyChartIsPresentWithACaption() {
    for (String id : CHARTS) {
      Element fig = doc.getElementById("chart-" + id);
      assertTrue(fig != null, "missing chart " + id);
      Element svg = fig.selectFirst("svg");
      assertTrue(svg != null && svg.children().size() > 3, "empty svg in " + id);
      assertFalse(fig.select("figcaption").text().isBlank(), "no reading under " + id);
    }
    assertEquals(CHARTS.size(), doc.select("figure.chart").size());
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setNamespaceAware(true);
    // Cut each <svg>...</svg> out of the source text (not jsoup's re-serialisation).
    int from = 0;
    int count = 0;
    while ((from = html.indexOf("<svg", from)) >= 0) {
      int end = html.indexOf("</svg>", from) + "</svg>".length();
      String svg = html.substring(from, end);
      var d = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
      assertEquals("svg", d.getDocumentElement().getLocalName());
      from = end;
      count++;
    }
    assertEquals(doc.select("figure.chart svg").size(), count);
    assertTrue(count >= CHARTS.size());
  }

  @Test
  void everyChartIsLaidOutForEachWidthAndLinksItsData() {
    for (Element fig : doc.select("figure.chart")) {
      // Laid out at each width, or (the small segment profiles) once.
      int layouts = fig.select("svg").size();
      assertTrue(layouts == 1 || layouts == HtmlReport.WIDTHS.length, fig.id() + ": " + layouts);
      if (layouts > 1) {
        for (int k = 0; k < layouts; k++) {
          assertEquals(
              String.valueOf(HtmlReport.WIDTHS[k]),
              fig.select("svg").get(k).attr("width"),
              fig.id());
        }
      }
      for (Element svg : fig.select("svg")) {
        assertTrue(
            svg.selectFirst("title") != null && svg.child(0).tagName().equals("title"),
            fig.id() + " has a title");
        assertTrue(
            svg.selectFirst("desc") != null && !svg.selectFirst("desc").text().isBlank(),
            fig.id() + " has a description");
      }
      Element data = fig.selectFirst("figcaption a.data");
      assertTrue(
          data != null && data.attr("href").matches("tables/[a-z_]+\\.csv"),
          fig.id() + " links its table");
      String table = data.attr("href").replace("tables/", "").replace(".csv", "");
      assertTrue(TABLES.contains(table), fig.id() + " links a table that is written: " + table);
    }
  }

  @Test
  void theFileIsSelfContained() {
    // Two inline scripts (table sorting; the customer search of the lifetime value section),
    // nothing loaded.
    assertEquals(2, doc.select("script").size(), "two scripts");
    assertTrue(doc.select("script[src]").isEmpty(), "no script file");
    java.util.Set<String> scripts = new java.util.HashSet<>();
    for (Element s : doc.select("script")) {
      scripts.add(s.data().strip() + "\n");
    }
    assertEquals(java.util.Set.of(HtmlReport.SORT_SCRIPT, ValueHtml.SEARCH_SCRIPT), scripts);
    assertTrue(doc.select("link, img, iframe, object, embed").isEmpty(), "no external resources");
    for (Element e : doc.select("[href], [src], [xlink:href]")) {
      String ref =
          e.hasAttr("href")
              ? e.attr("href")
              : e.hasAttr("src") ? e.attr("src") : e.attr("xlink:href");
      // In-page anchors, and the data tables written beside the page.
      assertTrue(
          ref.startsWith("#") || ref.matches("tables/[a-z0-9_]+\\.csv"),
          "external reference " + ref);
    }
    assertFalse(html.contains("@import") || html.contains("url("), "no CSS imports or urls");
    String page = html.replace(HtmlReport.SORT_SCRIPT, "");
    assertFalse(page.contains("NaN") || page.contains("Infinity"), "no NaN in the page");
  }

  @Test
  void theHeadlineStatesEachMetricWithItsInterval() {
    String kpis = doc.select(".kpis").text();
    for (String m : List.of("NPS", "CSAT", "CES", "Conversion", "Mean CLV")) {
      assertTrue(kpis.contains(m), m);
    }
    assertTrue(kpis.contains("95% interval"), kpis);
  }

  @Test
  void csatAndCesHaveSortableTablesByTouchpointAndStage() {
    for (String m : List.of("nps", "csat", "ces")) {
      Element t = doc.getElementById("table-" + m + "-by-touchpoint");
      assertTrue(t != null && t.hasClass("sortable"), m);
      String text = t.text();
      assertTrue(text.contains("touchpoint") && text.contains("stage"), text);
      assertTrue(text.contains("95% interval") && text.contains("n (responses)"), text);
      // Numeric cells sort by value: every n cell carries its number.
      for (Element td : t.select("tbody td:nth-child(6)")) {
        assertTrue(td.hasAttr("data-v"), td.outerHtml());
      }
    }
  }

  @Test
  void textIsEscaped() {
    assertEquals(
        "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", HtmlReport.esc("a <b> & \"c\" 'd'"));
  }
}
