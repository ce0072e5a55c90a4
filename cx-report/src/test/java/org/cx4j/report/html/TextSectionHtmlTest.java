package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.TextSection;
import org.cx4j.report.input.ReportInput;
import org.cx4j.text.FeedbackSentiment;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.SentimentSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** "What customers say" in the HTML report: figures, escaping of verbatims, no comments. */
class TextSectionHtmlTest {

  static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
  static final Touchpoint DELIVERY =
      new Touchpoint("delivery", "Delivery", Channel.WEB, JourneyStage.PURCHASE);
  static final Touchpoint SUPPORT =
      new Touchpoint("support", "Support", Channel.CHAT, JourneyStage.PURCHASE);

  static double n(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  static SurveyResponse nps(int i, Touchpoint t, int score, String comment) {
    return new SurveyResponse(CustomerId.of("c" + i), t, Instrument.nps(), score, T, 1.0, comment);
  }

  static CxReport report(List<SurveyResponse> responses) {
    ReportInput s = ReportInput.sample();
    return CxReport.of(
        new ReportInput(
            s.name(),
            s.customers(),
            s.segmentation(),
            s.stages(),
            s.interactions(),
            responses,
            s.transactions(),
            s.reads()));
  }

  @Test
  void sampleReportHasTheSectionWithTheSameFiguresAsCxText() {
    CxReport report = CxReport.of(ReportInput.sample());
    Document doc = Jsoup.parse(HtmlReport.render(report));
    Element section = doc.getElementById("text");
    assertEquals("What customers say", section.selectFirst("h2").text());
    assertEquals(1, doc.select("nav a[href=#text]").size());
    // The first touchpoint row: the most commented touchpoint, its mean as cx-text computes it.
    var by =
        FeedbackSentiment.with(SentimentAnalyzer.vader()).byTouchpoint(report.input().responses());
    String first =
        section.select("table").get(0).select("tbody tr").get(0).select("td").get(0).text();
    SentimentSummary s = by.get(first);
    long most = by.values().stream().mapToLong(SentimentSummary::scored).max().orElseThrow();
    assertEquals(most, s.scored());
    List<String> cells =
        section.select("table").get(0).select("tbody tr").get(0).select("td").eachText();
    assertEquals(Long.toString(s.scored()), cells.get(1));
    assertEquals(String.format(Locale.ROOT, "%+.2f", s.meanCompound()), cells.get(2));
    // Detractor words: the sample's complaints separate detractors from promoters.
    TextSection t = report.text().orElseThrow();
    assertFalse(t.detractorTerms().isEmpty());
    assertTrue(t.detractorTerms().get(0).z() > TextSection.MIN_Z);
    assertTrue(t.detractorTerms().get(0).countA() > t.detractorTerms().get(0).countB());
    assertTrue(section.text().contains("Themes in NPS comments"));
  }

  @Test
  void handWorkedFiguresAndHostileVerbatimsAreEscaped() {
    List<SurveyResponse> rs = new ArrayList<>();
    rs.add(nps(1, DELIVERY, 9, "good"));
    rs.add(nps(2, DELIVERY, 2, "bad"));
    rs.add(nps(3, SUPPORT, 10, "great"));
    rs.add(nps(4, SUPPORT, 3, null));
    // Shortest comment of the "Delivery" theme among detractors: shown, escaped.
    rs.add(nps(5, DELIVERY, 1, "<script>alert(1)</script> delivery \u202e late"));
    TextSection t = TextSection.of(rs, 0.95);
    assertEquals(5, t.responses());
    assertEquals(4, t.comments()); // the null comment is "no comment"
    assertEquals(List.of("Delivery", "Support"), List.copyOf(t.byTouchpoint().keySet()));
    // Delivery: good 1.9, bad -2.5, and the script comment: late/delivery/alert not in the
    // lexicon, so 0 (markup stripped before scoring). Mean of three compounds.
    assertEquals(
        (n(1.9) + n(-2.5) + 0) / 3, t.byTouchpoint().get("Delivery").meanCompound(), 1e-12);
    String html = HtmlReport.render(report(rs));
    assertFalse(html.contains("<script>alert"), "a comment's markup is never live");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    Document doc = Jsoup.parse(html);
    assertTrue(doc.select("#text script").isEmpty());
    Element q = doc.select("#text q").first();
    assertEquals("bdi", q.child(0).tagName(), "verbatims are isolated");
    assertTrue(q.text().contains("<script>alert(1)</script> delivery"));
  }

  @Test
  void responsesWithoutCommentsSaySo() {
    List<SurveyResponse> rs = List.of(nps(1, DELIVERY, 9, null), nps(2, SUPPORT, 3, null));
    Document doc = Jsoup.parse(HtmlReport.render(report(rs)));
    Element section = doc.getElementById("text");
    assertTrue(section.text().contains("have no comments"), section.text());
    assertTrue(section.select("table").isEmpty());
  }
}
