package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline} end to end: two seeded response files a quarter apart, with a change planted
 * in one channel's NPS, through the command line; the summary, the HTML section, {@code
 * tables/changes.csv}, the overlap warning and {@code --strict-baseline}, and the errors for bad
 * baselines and options.
 */
class BaselineCommandTest {

  @TempDir static Path dir;
  static Path before;
  static Path after;
  static Path baseReport;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CxReportCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Writes {@code n} NPS responses per channel (web, store, phone) from {@code start}, one an hour.
   * Each channel answers promoter / passive / detractor with probabilities 0.4 / 0.3 / 0.3, except
   * web when {@code planted}: 0.65 / 0.2 / 0.15, an NPS of +50 against +10.
   */
  static Path responses(String name, long seed, Instant start, int n, boolean planted)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb =
        new StringBuilder("customer_id,instrument,score,timestamp,touchpoint," + "channel,stage\n");
    int i = 0;
    for (String channel : List.of("web", "store", "phone")) {
      for (int k = 0; k < n; k++, i++) {
        double pp = planted && channel.equals("web") ? 0.65 : 0.4;
        double pd = planted && channel.equals("web") ? 0.15 : 0.3;
        double u = rnd.nextDouble();
        int score = u < pp ? 9 + rnd.nextInt(2) : u < pp + pd ? rnd.nextInt(7) : 7 + rnd.nextInt(2);
        sb.append(
            String.format(
                Locale.ROOT,
                "c%d,nps,%d,%s,%s_help,%s,support%n",
                i,
                score,
                start.plus(i, ChronoUnit.HOURS),
                channel,
                channel));
      }
    }
    Path f = dir.resolve(name);
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  @BeforeAll
  static void reports() throws IOException {
    before = responses("before.csv", 1, Instant.parse("2026-01-01T00:00:00Z"), 400, false);
    after = responses("after.csv", 2, Instant.parse("2026-04-01T00:00:00Z"), 400, true);
    baseReport = dir.resolve("q1");
    Run r = run("--responses", before.toString(), "-q", "-o", baseReport.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
  }

  @Test
  void everyReportWritesAVersionedReportJson() throws IOException {
    JsonNode root = new ObjectMapper().readTree(baseReport.resolve("report.json").toFile());
    assertEquals("cx4j-report", root.get("format").asText());
    assertEquals(1, root.get("version").asInt());
    JsonNode nps = root.get("metrics").get(0);
    assertEquals("NPS", nps.get("metric").asText());
    JsonNode overall = nps.get("groups").get(0);
    assertEquals("overall", overall.get("dimension").asText());
    assertEquals(1200, overall.get("n").asLong());
    long sum = 0;
    for (JsonNode c : overall.get("counts")) {
      sum += c.asLong();
    }
    assertEquals(1200, sum);
    assertEquals("2026-01-01T00:00:00Z", overall.get("first").asText());
    // 1,200 responses one an hour: the last is 1,199 hours after the first.
    assertEquals(
        Instant.parse("2026-01-01T00:00:00Z").plus(1199, ChronoUnit.HOURS).toString(),
        overall.get("last").asText());
  }

  @Test
  void aPlantedChangeIsFoundAndLeadsTheSummary() throws IOException {
    Path out = dir.resolve("q2");
    Run r =
        run(
            "--responses",
            after.toString(),
            "--baseline",
            baseReport.toString(),
            "-o",
            out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[1].startsWith("What changed since the baseline"), r.out());
    // The planted change is NPS +40 in web (channel and its one touchpoint): the first lines.
    assertTrue(lines[2].startsWith("  NPS, ") && lines[2].contains("web"), r.out());
    assertFalse(r.err().contains("warning"), r.err());

    List<Map<String, String>> csv = csv(out.resolve("tables/changes.csv"));
    boolean found = false;
    for (Map<String, String> row : csv) {
      if (row.get("group_type").equals("channel") && row.get("group").equals("web")) {
        found = true;
        assertTrue(Double.parseDouble(row.get("adjusted")) < 0.05, row.toString());
        assertEquals("true", row.get("significant"), row.toString());
        // Wald interval: its half-width is 1.959964 standard errors.
        double half =
            (Double.parseDouble(row.get("upper")) - Double.parseDouble(row.get("lower"))) / 2;
        assertEquals(half / 1.959963984540054, Double.parseDouble(row.get("standard_error")), 1e-9);
      }
      if (row.get("group_type").equals("channel") && !row.get("group").equals("web")) {
        assertEquals("false", row.get("significant"), "no change planted: " + row);
      }
    }
    assertTrue(found, csv.toString());

    Parser parser = Parser.htmlParser().setTrackErrors(100);
    Document doc = Jsoup.parse(Files.readString(out.resolve("report.html")), "", parser);
    assertTrue(parser.getErrors().isEmpty(), "HTML5 parse errors: " + parser.getErrors());
    // The changes table sorts with CSS alone; the page's other scripts are its own.
    assertTrue(doc.select("#changes script").isEmpty(), "sorted without a script");
    assertTrue(org.cx4j.report.html.HtmlReportAccess.onlyOwnScripts(doc), "a foreign script");
    assertTrue(doc.getElementById("changes") != null, "no What changed section");
    assertEquals(3, doc.select("#changes input[type=radio][name=chg-sort]").size());
    // The default order: tested changes by decreasing |z|.
    org.jsoup.nodes.Element first = doc.selectFirst("#changes table.chg-z tbody tr");
    assertTrue(first.text().contains("web") && first.hasClass("sig"), first.text());
    assertEquals(3, doc.select("#changes ol.chg-top li").size());
    assertEquals(3, doc.select("#changes table").size(), "one table per sort order");
    assertFalse(doc.select("#changes tr.sig").isEmpty());
    assertTrue(doc.select("nav a[href=#changes]").size() == 1);
    assertTrue(Files.readString(out.resolve("summary.txt")).contains("What changed"));
  }

  @Test
  void overlappingPeriodsWarnOrAreRefused() throws IOException {
    Path out = dir.resolve("same");
    Run r =
        run(
            "--responses",
            before.toString(),
            "--baseline",
            baseReport.resolve("report.json").toString(),
            "-o",
            out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.err().contains("warning: The two periods overlap"), r.err());
    assertTrue(r.out().contains("warning: The two periods overlap"), r.out());
    Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
    assertTrue(doc.select("#changes .warn").text().contains("overlap"));

    Run strict =
        run(
            "--responses",
            before.toString(),
            "--baseline",
            baseReport.toString(),
            "--strict-baseline",
            "--no-files");
    assertEquals(ExitCodes.INPUT, strict.code(), strict.err());
    assertTrue(
        strict.err().contains("error: --strict-baseline: The two periods overlap"), strict.err());
  }

  @Test
  void theOutputFolderCanBeItsOwnBaseline() throws IOException {
    Path out = dir.resolve("rolling");
    assertEquals(
        ExitCodes.OK, run("--responses", before.toString(), "-q", "-o", out.toString()).code());
    Run r =
        run(
            "--responses",
            after.toString(),
            "-q",
            "--baseline",
            out.toString(),
            "-o",
            out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("tables/changes.csv")));
    assertTrue(Files.readString(out.resolve("report.json")).contains("2026-04-01T00:00:00Z"));
  }

  @Test
  void holmIsAnOption() {
    Run r =
        run(
            "--responses",
            after.toString(),
            "--baseline",
            baseReport.toString(),
            "--adjust",
            "holm",
            "--no-files");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("(Holm, p_holm <= 0.05)"), r.out());
    Run bad =
        run(
            "--responses",
            after.toString(),
            "--baseline",
            baseReport.toString(),
            "--adjust",
            "bonferroni",
            "--no-files");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(
        bad.err()
            .contains("--adjust must be bh (Benjamini-Hochberg) or holm, got " + "'bonferroni'"),
        bad.err());
  }

  @Test
  void badBaselinesAreInputErrorsThatSayWhatIsWrong() throws IOException {
    assertBad(dir.resolve("nowhere.json"), "does not exist");
    Path empty = Files.createDirectories(dir.resolve("empty-folder"));
    assertBad(empty, "holds no report.json");
    assertBad(
        write("wrong-format.json", "{\"format\": \"other\", \"version\": 1}"),
        "\"format\" is 'other', expected 'cx4j-report'");
    assertBad(
        write("v2.json", "{\"format\": \"cx4j-report\", \"version\": 2}"),
        "\"version\" is 2; this cx4j reads version 1 (the file was written by a newer cx4j)");
    assertBad(
        write("broken.json", "{\"format\": \"cx4j-report\",\n  \"version\": 1,\n  oops}"),
        "not valid JSON at line 3, column");
    assertBad(write("no-format.json", "[1, 2]"), "expected a JSON object, got an array");
  }

  static List<Map<String, String>> csv(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return it.readAll();
    }
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertBad(Path baseline, String message) {
    Run r = run("--responses", after.toString(), "--baseline", baseline.toString(), "--no-files");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
  }
}
