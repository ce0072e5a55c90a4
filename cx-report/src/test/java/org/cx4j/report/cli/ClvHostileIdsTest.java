package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer ids come from the user's files: in the CLV tables of the page and in {@code clv.csv}
 * they stay text, whatever they hold, and the page's only scripts are its own (search box, table
 * sorting).
 */
class ClvHostileIdsTest {

  static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>",
          "=HYPERLINK(\"http://x\")",
          "a\"b' onmouseover=alert(1)",
          "abc\u202egnp.exe",
          "</td></tr></table><img src=x>");

  @TempDir static Path dir;
  static String html;
  static Document doc;
  static Path tables;

  @BeforeAll
  static void runTheReport() throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(42);
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < 400; i++) {
      boolean hostile = i < HOSTILE.size();
      String id = hostile ? HOSTILE.get(i) : "c" + i;
      int day = rnd.nextInt(120);
      int purchases = hostile ? 12 : 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(8) : 0);
      for (int k = 0; k < purchases; k++) {
        rows.add(
            List.of(
                id, start.plusDays(day) + "T10:00:00Z", hostile ? 500 + k : 10 + rnd.nextInt(90)));
        day += hostile ? 20 : 1 + rnd.nextInt(60);
        if (day > 330) {
          break;
        }
      }
    }
    // A repeat buyer whose repeat purchases sum to 0: no spend model, listed with the reason.
    rows.add(List.of("=zero", "2025-02-01T10:00:00Z", 30));
    rows.add(List.of("=zero", "2025-03-01T10:00:00Z", 0));
    Path in = dir.resolve("orders.csv");
    HostileNamesTest.write(in, List.of("customer_id", "timestamp", "amount"), rows);
    Path out = dir.resolve("out");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run("-q", "--transactions", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    doc = Jsoup.parse(html);
    tables = out.resolve("tables");
  }

  @Test
  void idsAreTextInTheTablesAndTheOnlyScriptIsTheSearch() {
    // The page's scripts are its own two (search, table sorting): no id became a script.
    assertTrue(org.cx4j.report.html.HtmlReportAccess.onlyOwnScripts(doc), "an id became a script");
    assertTrue(doc.select("script").size() <= 2, "an id became a script");
    assertTrue(doc.select("img").isEmpty(), "an id became an element");
    assertTrue(doc.select("[onmouseover]").isEmpty(), "an id became an attribute");
    List<String> shown = new ArrayList<>();
    for (Element td : doc.select("#clv-top tbody tr td:first-child")) {
      shown.add(td.text());
    }
    for (String id : HOSTILE) {
      String plain = id.replaceAll("[\u202a-\u202e\u2066-\u2069]", "");
      assertTrue(
          shown.stream()
              .anyMatch(s -> s.replaceAll("[\u202a-\u202e\u2066-\u2069]", "").equals(plain)),
          "top table does not show '" + id + "': " + shown);
    }
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void clvCsvNeutralisesFormulasAndKeepsEveryCustomer() throws IOException {
    List<Map<String, String>> clv = HostileNamesTest.readCsv(tables.resolve("clv.csv"));
    assertEquals(401, clv.size());
    assertTrue(
        clv.stream().anyMatch(r -> r.get("customer_id").equals("'=HYPERLINK(\"http://x\")")));
    Map<String, String> zero =
        clv.stream().filter(r -> r.get("customer_id").equals("'=zero")).findFirst().orElseThrow();
    assertEquals("no spend model", zero.get("excluded"));
    assertEquals("", zero.get("clv"));
    assertEquals(1, doc.select("#clv-excluded-list tbody tr").size());
    assertEquals("=zero", doc.selectFirst("#clv-excluded-list tbody td").text());
  }
}
