package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.touchpoint.Channel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command on files whose touchpoint and channel names hold the characters people really
 * use: the path separator, commas, quotes, markup, backslashes, line breaks. The run must succeed
 * and every name must come back unchanged from the HTML page (as text), the CSV tables (read with
 * Jackson) and the path lists.
 */
class HostileNamesTest {

  /** Touchpoint names (ids: kept as written, only trimmed). */
  static final List<String> TOUCHPOINTS =
      List.of(
          "web > direct page",
          "a, b; c",
          "say \"hi\" 'there'",
          "<script>alert(1)</script> & co",
          "back\\slash\\n",
          "two\nlines",
          "=1+1 formula",
          "abc\u202egnp.exe",
          "x\u2069\u202dy");

  /** Channel names as written; cx-core normalises them (lower case, blanks as '_'). */
  static final List<String> CHANNELS =
      List.of(
          "Web > Direct",
          "e\"mail, <b>",
          "app",
          "Bell\u0007Red\u001b[31m Alert\u001b]0;pwned\u0007x\u009b2J\u007f");

  static final int CUSTOMERS = 60;
  static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  @TempDir static Path dir;
  static Path out;
  static CxReportCommandTest.Run run;
  static String html;
  static Document doc;

  static String channelOf(int tp) {
    return CHANNELS.get(tp % CHANNELS.size());
  }

  @BeforeAll
  static void runTheReport() throws IOException {
    // Customer i visits touchpoint i and then i + 1 an hour later (converting when i is even),
    // and answers the NPS question at the first one.
    List<List<Object>> interactions = new ArrayList<>();
    List<List<Object>> responses = new ArrayList<>();
    int n = TOUCHPOINTS.size();
    String[] stages = {"awareness", "consideration", "purchase"};
    for (int i = 0; i < CUSTOMERS; i++) {
      String c = String.format("C%03d", i);
      int a = i % n;
      int b = (i + 1) % n;
      Instant t = T0.plusSeconds(86_400L * (i % 50));
      interactions.add(
          List.of(c, TOUCHPOINTS.get(a), channelOf(a), stages[a % 3], t.toString(), "", ""));
      interactions.add(
          List.of(
              c,
              TOUCHPOINTS.get(b),
              channelOf(b),
              stages[b % 3],
              t.plusSeconds(3600).toString(),
              i % 2 == 0 ? "converted" : "",
              ""));
      responses.add(
          List.of(
              c,
              TOUCHPOINTS.get(a),
              channelOf(a),
              stages[a % 3],
              "nps",
              Integer.toString(i % 11),
              t.plusSeconds(600).toString(),
              "1.0",
              "fine, \"really\""));
    }
    Path in = Files.createDirectories(dir.resolve("input"));
    write(
        in.resolve("events.csv"),
        List.of(
            "customer_id", "touchpoint", "channel", "stage", "timestamp", "outcome", "journey_id"),
        interactions);
    write(
        in.resolve("survey.csv"),
        List.of(
            "customer_id",
            "touchpoint",
            "channel",
            "stage",
            "instrument",
            "score",
            "timestamp",
            "weight",
            "comment"),
        responses);
    out = dir.resolve("report");
    run =
        CxReportCommandTest.run(
            "--interactions",
            in.resolve("events.csv").toString(),
            "--responses",
            in.resolve("survey.csv").toString(),
            "-o",
            out.toString());
    assertEquals(ExitCodes.OK, run.code(), run.err());
    html = Files.readString(out.resolve("report.html"));
    doc = Jsoup.parse(html);
  }

  static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
    CsvSchema.Builder s = CsvSchema.builder().setUseHeader(true);
    header.forEach(s::addColumn);
    new CsvMapper().writer(s.build()).writeValues(file.toFile()).writeAll(rows).close();
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() {})
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return it.readAll();
    }
  }

  static Set<String> column(List<Map<String, String>> rows, String column) {
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add(r.get(column)));
    return out;
  }

  static Set<String> normalisedChannels() {
    Set<String> out = new HashSet<>();
    CHANNELS.forEach(c -> out.add(Channel.of(c).name()));
    return out;
  }

  @Test
  void theReportIsWrittenAndNoNameBecomesMarkup() {
    assertFalse(run.err().contains("analysis failed"), run.err());
    // "<script>" in a name is text, never an element: the page's only scripts are its own.
    assertTrue(doc.select("script").size() <= 2, "a name became a <script> element");
    assertTrue(
        org.cx4j.report.html.HtmlReportAccess.onlyOwnScripts(doc),
        "a name became a <script> element");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    String text = stripBidi(doc.text());
    for (String tp : TOUCHPOINTS) {
      // jsoup's text() folds runs of blanks (and the line break) into one space; the HTML
      // balances bidirectional controls (compared without them, below).
      String folded = stripBidi(tp).replaceAll("\\s+", " ");
      assertTrue(text.contains(folded), "report.html does not show '" + folded + "'");
    }
  }

  static String stripBidi(String s) {
    return s.replaceAll("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "");
  }

  /**
   * Every bidirectional control in report.html is inside a {@code <bdi>} (or the title), and the
   * text of each {@code <bdi>} leaves none open; SVG text has none (dropped).
   */
  @Test
  void bidiControlsInNamesAreIsolated() {
    java.util.regex.Pattern bidi =
        java.util.regex.Pattern.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]");
    int seen = 0;
    for (org.jsoup.nodes.Element e : doc.getAllElements()) {
      for (org.jsoup.nodes.TextNode tn : e.textNodes()) {
        if (!bidi.matcher(tn.getWholeText()).find()) {
          continue;
        }
        seen++;
        boolean isolated =
            e.tagName().equals("title")
                || !e.parents().select("bdi").isEmpty()
                || e.tagName().equals("bdi");
        assertTrue(
            isolated, "bidi control outside <bdi> in <" + e.tagName() + ">: " + tn.getWholeText());
        assertTrue(e.closest("svg") == null, "bidi control in SVG text: " + tn.getWholeText());
      }
    }
    assertTrue(seen > 0, "the names with overrides are shown somewhere");
    for (org.jsoup.nodes.Element b : doc.select("bdi")) {
      assertTrue(
          org.cx4j.report.html.BidiBalanceAccess.balanced(b.wholeText()),
          "unbalanced <bdi>: " + b.wholeText());
    }
    // Each name is isolated on its own inside a path: the separator is outside every <bdi>.
    for (org.jsoup.nodes.Element b : doc.select("bdi")) {
      assertFalse(b.wholeText().contains("\u203a"), b.wholeText());
    }
  }

  @Test
  void tablesReadBackToTheNames() throws IOException {
    List<Map<String, String>> nodes = readCsv(out.resolve("tables/journey_touchpoints.csv"));
    // In CSV a name that a spreadsheet would run as a formula has a quote in front.
    Set<String> neutralised = new HashSet<>();
    TOUCHPOINTS.forEach(tp -> neutralised.add(tp.startsWith("=") ? "'" + tp : tp));
    assertEquals(neutralised, column(nodes, "touchpoint"));
    assertTrue(column(nodes, "touchpoint").contains("'=1+1 formula"));
    // JSON holds the names as they are.
    Set<String> fromJson = new HashSet<>();
    new ObjectMapper()
        .readTree(out.resolve("tables/journey_touchpoints.json").toFile())
        .get("rows")
        .forEach(r -> fromJson.add(r.get("touchpoint").asText()));
    assertEquals(new HashSet<>(TOUCHPOINTS), fromJson);
    assertEquals(normalisedChannels(), column(nodes, "channel"));
    List<Map<String, String>> attribution = readCsv(out.resolve("tables/attribution.csv"));
    assertTrue(
        column(attribution, "channel").containsAll(normalisedChannels()),
        column(attribution, "channel").toString());
  }

  /** Each path i -> i + 1 is a list of two names, however many " > " the names hold. */
  @Test
  void pathsAreListsOfNames() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<List<String>> expected = new HashSet<>();
    for (int i = 0; i < TOUCHPOINTS.size(); i++) {
      expected.add(List.of(TOUCHPOINTS.get(i), TOUCHPOINTS.get((i + 1) % TOUCHPOINTS.size())));
    }
    Set<List<String>> fromCsv = new HashSet<>();
    for (Map<String, String> row : readCsv(out.resolve("tables/paths.csv"))) {
      fromCsv.add(json.readValue(row.get("steps"), new TypeReference<List<String>>() {}));
      String joined =
          String.join(
              " > ", json.readValue(row.get("steps"), new TypeReference<List<String>>() {}));
      assertEquals(joined.startsWith("=") ? "'" + joined : joined, row.get("path"));
    }
    assertEquals(expected, fromCsv);
    Set<List<String>> fromJson = new HashSet<>();
    for (var row : json.readTree(out.resolve("tables/paths.json").toFile()).get("rows")) {
      fromJson.add(json.convertValue(row.get("steps"), new TypeReference<List<String>>() {}));
    }
    assertEquals(expected, fromJson);
  }

  /** C0 (but the layout's line breaks), DEL, C1 and the bidirectional controls. */
  static boolean unsafe(int c) {
    return (c < 0x20 && c != '\n')
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  @Test
  void theConsoleAndSummaryShowControlCharactersEscaped() throws IOException {
    String summary = Files.readString(out.resolve("summary.txt"), StandardCharsets.UTF_8);
    for (String text : List.of(summary, run.out(), run.err())) {
      assertTrue(
          text.chars().noneMatch(HostileNamesTest::unsafe),
          "a control character reached the console: " + text);
    }
    // The channel's name, normalised by cx-core, then escaped: ESC [ and ESC ] are inert text.
    String shown = "bell\\u0007red\\u001b[31m_alert\\u001b]0;pwned\\u0007x\\u009b2j\\u007f";
    assertTrue(summary.contains(shown), summary);
    assertTrue(run.out().contains(shown), run.out());
    // The HTML page has none either (escaped in HTML text, blanks in SVG text).
    assertTrue(
        html.chars()
            .noneMatch(c -> unsafe(c) && c != '\t' && c != '\r' && !(c >= 0x200e && c <= 0x2069)),
        "control character in report.html");
  }

  @Test
  void errorMessagesQuotingAValueShowItEscaped() throws IOException {
    Path bad = dir.resolve("bad-survey.csv");
    write(
        bad,
        List.of("customer_id", "instrument", "score", "timestamp"),
        List.of(List.of("C001", "nps", "7\u001b[2J\u0007", "2025-01-06T09:00:00Z")));
    CxReportCommandTest.Run r =
        CxReportCommandTest.run("--responses", bad.toString(), "--no-files", "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().chars().noneMatch(HostileNamesTest::unsafe), r.err());
    assertTrue(r.err().contains("7\\u001b[2J\\u0007"), r.err());
  }

  /** The report shows input file names, never the absolute paths of the analyst's machine. */
  @Test
  void noAbsolutePathOfTheInputsIsInTheReport() throws IOException {
    String abs = dir.toAbsolutePath().toString();
    List<Path> files;
    try (var s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.size() > 10, files.toString());
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(text.contains(abs), f + " holds the path " + abs);
      assertFalse(
          text.contains("input/events.csv") || text.contains("input\\events.csv"), f.toString());
    }
    // The file names are there instead.
    assertTrue(doc.getElementById("data").text().contains("events.csv"));
    assertTrue(doc.getElementById("data").text().contains("survey.csv"));
    assertTrue(
        Files.readString(out.resolve("summary.txt")).contains("  events.csv: 120 rows read"));
    List<Map<String, String>> reads = readCsv(out.resolve("tables/reads.csv"));
    assertEquals(Set.of("events.csv", "survey.csv"), column(reads, "source"));
  }

  @Test
  void rejectedRowsNameTheFileNotItsPath() throws IOException {
    Path bad = dir.resolve("input").resolve("lenient-survey.csv");
    write(
        bad,
        List.of("customer_id", "instrument", "score", "timestamp"),
        List.of(
            List.of("C001", "nps", "7", "2025-01-06T09:00:00Z"),
            List.of("C002", "nps", "11", "2025-01-06T09:00:00Z")));
    Path lenientOut = dir.resolve("lenient-report");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run(
            "--responses", bad.toString(), "--lenient", "-q", "-o", lenientOut.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    List<Map<String, String>> rejected = readCsv(lenientOut.resolve("tables/rejected_rows.csv"));
    assertEquals(1, rejected.size());
    assertEquals("lenient-survey.csv", rejected.get(0).get("source"));
    assertEquals("3", rejected.get(0).get("line"));
    String abs = dir.toAbsolutePath().toString();
    for (String f :
        List.of(
            "report.html",
            "summary.txt",
            "tables/rejected_rows.csv",
            "tables/rejected_rows.json",
            "tables/reads.json")) {
      String text = Files.readString(lenientOut.resolve(f), StandardCharsets.UTF_8);
      assertFalse(text.contains(abs), f);
      assertTrue(text.contains("lenient-survey.csv"), f);
    }
  }

  @Test
  void graphExportsQuoteEveryName() throws IOException {
    String dot = Files.readString(out.resolve("journey.dot"), StandardCharsets.UTF_8);
    for (String tp : TOUCHPOINTS) {
      String escaped = tp.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
      assertTrue(dot.contains("[label=\"" + escaped + "\\n"), "DOT label of " + tp);
    }
    String mmd = Files.readString(out.resolve("journey.mmd"), StandardCharsets.UTF_8);
    assertFalse(mmd.contains("<script"), mmd);
    assertTrue(mmd.contains("#lt;script#gt;alert(1)#lt;/script#gt; #amp; co"), mmd);
  }
}
