package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a script would use it: exit codes, messages and files. */
class CxReportCommandTest {

  @TempDir static Path dir;
  static Path data;

  /** The output of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CxReportCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void writeSample() {
    data = dir.resolve("data");
    Run r = run("sample", "--customers", "400", "-o", data.toString());
    assertEquals(0, r.code(), r.err());
  }

  private static String[] inputs(Path responses, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--interactions", data.resolve("interactions.csv").toString(),
                "--responses", responses.toString(),
                "--transactions", data.resolve("transactions.csv").toString(),
                "--customers", data.resolve("customers.csv").toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void noArgumentsReportsOnTheSampleAndWritesEveryOutput() throws IOException {
    Path out = dir.resolve("sample-report");
    Run r = run("-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("CX report: Larkspur Home"), r.out());
    assertTrue(r.err().contains("bundled sample"), r.err());
    for (String f :
        List.of(
            "report.html",
            "summary.txt",
            "journey.dot",
            "journey.mmd",
            "tables/scores.csv",
            "tables/scores.json",
            "tables/funnel.csv",
            "tables/survival.csv",
            "tables/attribution.csv",
            "tables/cohort_retention.csv")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(Files.readString(out.resolve("journey.dot")).startsWith("digraph"));
  }

  @Test
  void filesGiveTheSameKindOfReport() throws IOException {
    Path out = dir.resolve("files-report");
    Run r = run(inputs(data.resolve("responses.csv"), "-o", out.toString(), "--timings"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(
        r.err().matches("(?s).*timings: read [0-9.]+ s, analyse [0-9.]+ s, write [0-9.]+ s.*"),
        r.err());
    assertTrue(r.out().contains("responses.csv: 1"), r.out());
    assertTrue(r.err().contains("read "), "progress is shown: " + r.err());
    assertTrue(Files.readString(out.resolve("summary.txt")).contains("Headline"));
  }

  /** Appends bad rows to a copy of the sample's responses; returns the copy. */
  private static Path withBadRows(String name) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("responses.csv")));
    lines.add("C00001,,,,nps,11,2025-03-01T10:00:00Z,1.0,"); // score outside 0..10
    lines.add("C00002,,,,csat,abc,2025-03-01T10:00:00Z,1.0,"); // not a number
    lines.add("C00003,,,,nps,7,yesterday,1.0,"); // bad timestamp
    Path p = dir.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void strictModeStopsAtTheFirstBadRowNamingFileLineColumnAndValue() throws IOException {
    Path bad = withBadRows("strict.csv");
    long firstBadLine = Files.readAllLines(data.resolve("responses.csv")).size() + 1;
    Run r = run(inputs(bad, "--no-files", "-q"));
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("strict.csv"), r.err());
    assertTrue(r.err().contains("strict.csv:" + firstBadLine + ":"), r.err());
    assertTrue(r.err().contains("score"), r.err());
    assertTrue(r.err().contains("11"), r.err());
    assertTrue(r.err().contains("--lenient"), r.err());
  }

  @Test
  void lenientModeReportsHowManyRowsWereRejectedAndWhy() throws IOException {
    Path bad = withBadRows("lenient.csv");
    Path out = dir.resolve("lenient-report");
    Run r = run(inputs(bad, "--lenient", "-o", out.toString()));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    long good = Files.readAllLines(data.resolve("responses.csv")).size() - 1;
    assertTrue(
        r.out().contains(String.format("%,d rows read, %,d accepted, 3 rejected", good + 3, good)),
        r.out());
    assertTrue(r.out().contains("3 input rows were rejected"), r.out());
    assertTrue(r.out().contains("score"), r.out());
    assertTrue(r.out().contains("timestamp"), r.out());
    String rejected = Files.readString(out.resolve("tables/rejected_rows.csv"));
    assertEquals(4, rejected.strip().split("\n").length, rejected); // header and three rows
    assertTrue(rejected.contains("abc"), rejected);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("3 rows were rejected"), "the HTML report states the rejected rows");
  }

  @Test
  void aBadInteractionRowIsReportedFromTheSecondReadingThread() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("interactions.csv")));
    lines.add(5, "C00009,home,web,awareness,not-a-time,,");
    Path p = dir.resolve("bad-interactions.csv");
    Files.write(p, lines, StandardCharsets.UTF_8);
    Run r =
        run(
            "--interactions",
            p.toString(),
            "--responses",
            data.resolve("responses.csv").toString(),
            "--no-files",
            "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("bad-interactions.csv:6:"), r.err());
    assertTrue(r.err().contains("not-a-time"), r.err());
  }

  @Test
  void checkOnlyReadsAndStops() throws IOException {
    Path bad = withBadRows("check.csv");
    Path out = dir.resolve("check-report");
    Run r = run(inputs(bad, "--lenient", "--check-only", "-o", out.toString()));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("rejected 3"), r.out());
    assertTrue(!Files.exists(out), "no output folder");
    assertEquals(ExitCodes.INPUT, run(inputs(bad, "--check-only")).code());
  }

  @Test
  void helpExplainsEveryOption() {
    Run r = run("--help");
    assertEquals(ExitCodes.OK, r.code());
    for (String option :
        List.of(
            "--interactions",
            "--responses",
            "--transactions",
            "--customers",
            "--config",
            "--map",
            "--separator",
            "--timestamps",
            "--lenient",
            "--segment-by",
            "--out",
            "--level",
            "--zone",
            "--period",
            "--min-group",
            "--journey-gap",
            "--churn-after",
            "--clv-months",
            "--discount",
            "--margin",
            "--top",
            "--effort",
            "--check-only",
            "--timings",
            "Exit codes")) {
      assertTrue(r.out().contains(option), option);
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(ExitCodes.USAGE, run("--no-such-option").code());
    assertEquals(ExitCodes.USAGE, run("--level", "lots").code());
    Run r = run("--period", "fortnight", "--no-files", "-q");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("fortnight"), r.err());
    assertEquals(ExitCodes.USAGE, run("--level", "1.5", "--no-files", "-q").code());
  }

  @Test
  void aMissingFileIsAnInputError() {
    Run r = run("--responses", dir.resolve("nope.csv").toString(), "--no-files");
    assertEquals(ExitCodes.INPUT, r.code());
    assertTrue(r.err().contains("nope.csv"), r.err());
  }

  @Test
  void configMapsColumnsAndRejectsUnknownKeys() throws IOException {
    // The responses file with its score column renamed, read through a config mapping.
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("responses.csv")));
    lines.set(0, lines.get(0).replace(",score,", ",answer,"));
    Files.write(dir.resolve("renamed.csv"), lines, StandardCharsets.UTF_8);
    Path config = dir.resolve("cx.json");
    Files.writeString(
        config,
        "{\n  \"responses\": {\"file\": \"renamed.csv\", "
            + "\"columns\": {\"score\": \"answer\"}},\n  \"effort\": {\"support_hotline\": 20}\n}\n");
    Run ok = run("--config", config.toString(), "--no-files");
    assertEquals(ExitCodes.OK, ok.code(), ok.err());
    assertTrue(
        ok.out().contains(String.format("%,d accepted, 0 rejected", lines.size() - 1)), ok.out());

    Path typo = dir.resolve("typo.json");
    Files.writeString(
        typo, "{\n  \"responses\": {\"file\": \"renamed.csv\"},\n  \"segmentBye\": \"plan\"\n}\n");
    Run bad = run("--config", typo.toString(), "--no-files");
    assertEquals(ExitCodes.INPUT, bad.code());
    assertTrue(bad.err().contains("typo.json"), bad.err());
    assertTrue(bad.err().contains("line 3"), bad.err());
    assertTrue(bad.err().contains("segmentBye"), bad.err());
  }

  @Test
  void mapOptionRenamesAColumn() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("responses.csv")));
    lines.set(0, lines.get(0).replace("customer_id,", "respondent,"));
    Path p = dir.resolve("respondent.csv");
    Files.write(p, lines, StandardCharsets.UTF_8);
    assertEquals(ExitCodes.INPUT, run("--responses", p.toString(), "--no-files", "-q").code());
    Run r =
        run(
            "--responses",
            p.toString(),
            "--map",
            "responses.customer_id=respondent",
            "--no-files",
            "-q");
    assertEquals(ExitCodes.OK, r.code(), r.err());
  }

  @Test
  void durationsParse() {
    assertEquals(java.time.Duration.ofMinutes(30), CxReportCommand.duration("30m"));
    assertEquals(java.time.Duration.ofDays(7), CxReportCommand.duration("7d"));
    assertEquals(java.time.Duration.ofHours(2), CxReportCommand.duration("PT2H"));
    assertTrue(assertThrowsMessage(() -> CxReportCommand.duration("soon")).contains("soon"));
  }

  private static String assertThrowsMessage(Runnable r) {
    return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run)
        .getMessage();
  }

  @Test
  void theReportSaysHowInteractionsWereCutIntoJourneys() {
    Run none = run(inputs(data.resolve("responses.csv"), "--no-files"));
    assertEquals(0, none.code(), none.err());
    assertTrue(none.out().contains("no split after inactivity (set --journey-gap"), none.out());
    Run gap = run(inputs(data.resolve("responses.csv"), "--no-files", "--journey-gap", "2h"));
    assertEquals(0, gap.code(), gap.err());
    assertTrue(gap.out().contains("split into a new journey after 2h without activity"), gap.out());
  }
}
