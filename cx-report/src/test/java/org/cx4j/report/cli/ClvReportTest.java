package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.report.input.ReportInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-customer lifetime value on the bundled sample: the files and sections exist, and their
 * figures agree with recounts from the raw transactions and from {@code clv.csv} itself.
 */
class ClvReportTest {

  @TempDir static Path dir;
  static Path tables;
  static Document doc;
  static List<Map<String, String>> clv;

  @BeforeAll
  static void runOnTheSample() throws IOException {
    Path out = dir.resolve("report");
    CxReportCommandTest.Run r = CxReportCommandTest.run("-q", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    tables = out.resolve("tables");
    doc = Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
    clv = HostileNamesTest.readCsv(tables.resolve("clv.csv"));
  }

  static double num(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  @Test
  void everyFileIsWritten() {
    for (String t :
        List.of(
            "clv.csv",
            "clv_at_risk.csv",
            "clv_excluded.csv",
            "clv_parameters.csv",
            "clv_parameters.json",
            "clv_tracking.csv",
            "clv_tracking.json",
            "clv_frequency_recency.csv",
            "clv_alive_histogram.csv",
            "clv_at_risk_summary.csv")) {
      assertTrue(Files.isRegularFile(tables.resolve(t)), t);
    }
  }

  @Test
  void clvCsvHasOneRowPerBuyerAndTheirRepeatDays() {
    // Brute force from the raw transactions: distinct buyers, and per buyer the distinct
    // purchase days after the first.
    Map<String, Set<LocalDate>> days = new HashMap<>();
    for (Transaction t : ReportInput.sample().transactions()) {
      days.computeIfAbsent(t.customer().value(), k -> new HashSet<>())
          .add(t.timestamp().atZone(ZoneOffset.UTC).toLocalDate());
    }
    assertEquals(days.size(), clv.size());
    long repeats = 0;
    for (Map<String, String> row : clv) {
      int x = Integer.parseInt(row.get("x"));
      assertEquals(days.get(row.get("customer_id")).size() - 1, x, row.get("customer_id"));
      repeats += x;
      double p = num(row, "p_alive");
      assertTrue(p > 0 && p <= 1, row.toString());
      if (row.get("excluded").isEmpty()) {
        assertTrue(
            num(row, "clv_lower_params_only") < num(row, "clv")
                && num(row, "clv") < num(row, "clv_upper_params_only"),
            row.toString());
      }
    }
    // The tracking plot's last actual value is every repeat purchase day.
    List<Map<String, String>> tr = readCsv("clv_tracking.csv");
    assertEquals(repeats, Long.parseLong(tr.get(tr.size() - 1).get("actual_cumulative")));
  }

  static List<Map<String, String>> readCsv(String name) {
    try {
      return HostileNamesTest.readCsv(tables.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void atRiskCustomersAreRecountedFromClvCsv() {
    // Top 20% by CLV: the ceil(0.2 n)-th highest CLV is the threshold; at risk below P 0.5.
    List<Double> values = new ArrayList<>();
    for (Map<String, String> row : clv) {
      if (!Double.isNaN(num(row, "clv"))) {
        values.add(num(row, "clv"));
      }
    }
    values.sort(null);
    int k = (int) Math.ceil(0.2 * values.size());
    double threshold = values.get(values.size() - k);
    int count = 0;
    double total = 0;
    Set<String> ids = new HashSet<>();
    for (Map<String, String> row : clv) {
      if (num(row, "clv") >= threshold && num(row, "p_alive") < 0.5) {
        count++;
        total += num(row, "clv");
        ids.add(row.get("customer_id"));
      }
    }
    assertTrue(count > 0, "the sample has customers at risk");
    Map<String, String> summary = readCsv("clv_at_risk_summary.csv").get(0);
    assertEquals(count, Integer.parseInt(summary.get("customers")));
    assertEquals(total, num(summary, "clv_total"), 1e-6 * total);
    List<Map<String, String>> listed = readCsv("clv_at_risk.csv");
    assertEquals(count, listed.size());
    for (int i = 0; i < listed.size(); i++) {
      assertTrue(ids.contains(listed.get(i).get("customer_id")));
      if (i > 0) {
        assertTrue(num(listed.get(i - 1), "clv") >= num(listed.get(i), "clv"), "sorted");
      }
    }
    String text = doc.getElementById("clv-at-risk").nextElementSibling().text();
    assertTrue(text.startsWith(count + " customer"), text);
  }

  @Test
  void theTopTableListsTheFiftyHighestValues() {
    List<Double> values = new ArrayList<>();
    for (Map<String, String> row : clv) {
      if (!Double.isNaN(num(row, "clv"))) {
        values.add(-num(row, "clv"));
      }
    }
    values.sort(null);
    Element table = doc.getElementById("clv-top");
    assertNotNull(table);
    List<Element> rows = table.select("tbody tr");
    assertEquals(50, rows.size());
    for (int i = 0; i < 50; i++) {
      double shown = Double.parseDouble(rows.get(i).child(7).text().replace(",", ""));
      assertEquals(-values.get(i), shown, 0.006, "row " + i);
      assertTrue(rows.get(i).child(8).text().contains(" to "), "interval shown");
    }
    assertTrue(doc.getElementById("clv-search") != null);
    assertTrue(
        doc.select("#value").text().contains("excludes the variance of the purchase " + "process"));
  }

  @Test
  void parametersAreShownWithIntervalsAndLogLikelihood() {
    List<Map<String, String>> ps = readCsv("clv_parameters.csv");
    assertEquals(
        List.of("r", "alpha", "a", "b", "p", "q", "gamma"),
        ps.stream().map(p -> p.get("parameter")).toList());
    for (Map<String, String> p : ps) {
      assertTrue(num(p, "lower") < num(p, "estimate") && num(p, "estimate") < num(p, "upper"));
      assertTrue(num(p, "log_likelihood") < 0);
    }
    assertEquals(7, doc.select("#clv-parameter-table tbody tr").size());
  }

  @Test
  void everyNewChartHasATitleADescriptionAndItsTable() {
    for (String id :
        List.of("clv-tracking", "clv-fr-purchases", "clv-fr-alive", "clv-alive-histogram")) {
      Element fig = doc.getElementById("chart-" + id);
      assertNotNull(fig, id);
      Element svg = fig.selectFirst("svg");
      assertFalse(svg.selectFirst("title").text().isBlank(), id);
      assertFalse(svg.selectFirst("desc").text().isBlank(), id);
      String href = fig.selectFirst("figcaption a").attr("href");
      assertTrue(
          href.startsWith("tables/")
              && Files.isRegularFile(tables.resolve(href.substring("tables/".length()))),
          id + " links to " + href);
    }
  }

  @Test
  void excludedCustomersAreListed() {
    List<Map<String, String>> ex = readCsv("clv_excluded.csv");
    long marked = clv.stream().filter(r -> !r.get("excluded").isEmpty()).count();
    assertEquals(ex.size(), marked);
    assertNotNull(doc.getElementById("clv-excluded"));
    if (!ex.isEmpty()) {
      assertEquals(Math.min(50, ex.size()), doc.select("#clv-excluded-list tbody tr").size());
    }
  }

  @Test
  void calibrationEndSplitsTheTrackingPlot() throws IOException {
    Path out = dir.resolve("calibrated");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run("-q", "--calibration-end", "2025-09-30", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    List<Map<String, String>> tr =
        HostileNamesTest.readCsv(out.resolve("tables").resolve("clv_tracking.csv"));
    for (Map<String, String> w : tr) {
      boolean after = LocalDate.parse(w.get("week_end")).isAfter(LocalDate.of(2025, 9, 30));
      assertEquals(after ? "holdout" : "calibration", w.get("period"), w.toString());
    }
    assertTrue(tr.stream().anyMatch(w -> w.get("period").equals("holdout")));
    Document d = Jsoup.parse(Files.readString(out.resolve("report.html")));
    assertNotNull(d.selectFirst("#chart-clv-tracking .calibration-end"));
    assertTrue(
        d.select("#chart-clv-tracking figcaption")
            .text()
            .contains("Calibration ends " + "2025-09-30"));
  }

  @Test
  void badValuesOfTheNewOptionsAreUsageErrors() {
    CxReportCommandTest.Run r =
        CxReportCommandTest.run("--no-files", "--calibration-end", "30/09/2025");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--calibration-end"), r.err());
    r = CxReportCommandTest.run("--no-files", "--at-risk-top", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--at-risk-top"), r.err());
    r = CxReportCommandTest.run("--no-files", "--at-risk-alive", "1.5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--at-risk-alive"), r.err());
  }
}
