package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.sample.SampleData;
import org.cx4j.report.console.ConsoleSummary;
import org.cx4j.report.dummymetric.TopPointShare;
import org.cx4j.report.html.HtmlReport;
import org.cx4j.report.input.ReportInput;
import org.cx4j.report.table.ReportTables;
import org.cx4j.report.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A metric defined only in test sources ({@link TopPointShare}, its own package) appears in every
 * rendering of the report after one registration: a {@link ReportMetric} added to the list.
 */
class RegisteredMetricTest {

  static final Instrument EASE = Instrument.rating("ease", Scale.of(1, 5));

  static List<SurveyResponse> ratings;
  static CxReport report;

  @BeforeAll
  static void run() {
    SampleData data = SampleData.standard();
    ReportInput sample = ReportInput.of(data);
    // One 1..5 rating per NPS response, same customer, touchpoint and time: score 1 + (nps % 5).
    ratings = new ArrayList<>();
    for (SurveyResponse r : data.responses()) {
      if (r.instrument().equals(Instrument.nps())) {
        ratings.add(
            SurveyResponse.of(
                r.customer(), r.touchpoint(), EASE, 1 + r.score() % 5, r.timestamp()));
      }
    }
    List<SurveyResponse> all = new ArrayList<>(sample.responses());
    all.addAll(ratings);
    ReportInput input =
        new ReportInput(
            sample.name(),
            sample.customers(),
            sample.segmentation(),
            sample.stages(),
            sample.interactions(),
            all,
            sample.transactions(),
            sample.reads());
    // The one registration.
    List<ReportMetric<?>> metrics = new ArrayList<>(ReportMetric.defaults());
    metrics.add(
        new ReportMetric<>(
            Instrument.Kind.RATING, "Top-point share (TOP)", TopPointShare::accumulator));
    report = CxReport.of(input, ReportOptions.defaults(), metrics);
  }

  @Test
  void theSectionHoldsABruteForceShare() {
    ScoreSection s = report.score("TOP").orElseThrow();
    // Share of ratings on 5, i.e. NPS scores 4 and 9, counted by hand from the raw responses.
    long top = ratings.stream().filter(r -> r.score() == 5).count();
    assertEquals(ratings.size(), s.overall().n());
    assertEquals(100.0 * top / ratings.size(), s.overall().value(), 1e-9);
    assertTrue(
        s.overall().lower() <= s.overall().value() && s.overall().value() <= s.overall().upper());
    assertEquals(
        List.of("NPS", "CSAT", "CES", "TOP"),
        report.scores().stream().map(ScoreSection::metric).toList());
    assertEquals(EASE, s.instrument());
    assertEquals("top", s.categories().get(4).label());
    assertEquals("other", s.categories().get(0).label());
  }

  @Test
  void theTablesConsoleAndHtmlShowIt() {
    Table scores =
        ReportTables.of(report).stream()
            .filter(t -> t.name().equals("scores"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        scores.rows().stream()
            .anyMatch(
                r ->
                    r.get(0).equals("TOP")
                        && r.get(2).equals("overall")
                        && r.get(4).equals((long) ratings.size())),
        "scores table");
    Table dist =
        ReportTables.of(report).stream()
            .filter(t -> t.name().equals("score_distribution"))
            .findFirst()
            .orElseThrow();
    long topRows = dist.rows().stream().filter(r -> r.get(0).equals("TOP")).count();
    assertEquals(5, topRows);
    assertTrue(ConsoleSummary.render(report).contains("TOP (% on the highest point)"));
    String html = HtmlReport.render(report);
    assertTrue(html.contains("Top-point share (TOP)"), "section title");
    assertTrue(html.contains("id=\"top\""), "section id");
  }

  @Test
  void theDefaultReportHasNoSuchSection() {
    CxReport plain = CxReport.of(ReportInput.sample());
    assertFalse(plain.score("TOP").isPresent());
    assertEquals(
        List.of("NPS", "CSAT", "CES"), plain.scores().stream().map(ScoreSection::metric).toList());
  }
}
