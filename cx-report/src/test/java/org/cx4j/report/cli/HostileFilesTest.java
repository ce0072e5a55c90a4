package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on real-world breakage: a lenient run never ends in an exception, every bad line is
 * one counted reject in {@code tables/rejected_rows.csv} and in the report's counts, and the rest
 * of each file is reported. Strict runs stop with exit 3 at the true line.
 */
class HostileFilesTest {

  @TempDir Path dir;

  private static final String HEADER = "customer_id,instrument,score,timestamp,comment\n";
  private static final String TS = "2025-01-06T09:00:00Z";

  private static String good(int i) {
    return "C" + i + ",nps," + (i % 11) + "," + TS + ",ok\n";
  }

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lenientReportsEveryKindOfBrokenLineAndReadsTheRest() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(utf8(HEADER + good(1)));
    b.writeBytes(utf8("B1,nps,9," + TS + ",slow, rude, late\n")); // line 3: long row
    b.writeBytes(utf8("B2,nps,9," + TS + ",\"never closed\n")); // line 4: open quote
    b.writeBytes(utf8(good(2)));
    b.writeBytes(utf8("B3,nps,9," + TS + ",\"" + "x".repeat(1_100_000) + "\"\n")); // line 6
    b.writeBytes(utf8("B4,nps,9," + TS + ",caf")); // line 7: bad byte
    b.writeBytes(new byte[] {(byte) 0xE9, '\n'});
    b.writeBytes(utf8("B5,nps,\u0669," + TS + ",x\n")); // line 8: digit
    b.writeBytes(utf8(good(3)));
    Path survey = file("survey.csv", b.toByteArray());
    Path out = dir.resolve("out");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "--lenient", "-q", "-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    List<Map<String, String>> rejected =
        HostileNamesTest.readCsv(out.resolve("tables/rejected_rows.csv"));
    assertEquals(
        List.of("3", "4", "6", "7", "8"), rejected.stream().map(m -> m.get("line")).toList());
    assertEquals(
        List.of("column_count", "malformed", "too_long", "encoding", "non_ascii_digits"),
        rejected.stream().map(m -> m.get("kind")).toList());
    assertEquals("B1,nps,9," + TS + ",slow, rude, late", rejected.get(0).get("raw"));
    Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
    String data = doc.getElementById("data").text();
    assertTrue(data.contains("survey.csv 8 3 5"), data); // read, accepted, rejected
  }

  @Test
  void theRejectedRowsTableHoldsEveryRejectAndTheCountsAreExact() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    int bad = 2_500;
    for (int i = 0; i < bad; i++) {
      csv.append("B").append(i).append(",nps,11,").append(TS).append(",x\n");
    }
    csv.append(good(1));
    Path survey = file("many.csv", utf8(csv.toString()));
    Path out = dir.resolve("out2");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "--lenient", "-q", "-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals(bad, HostileNamesTest.readCsv(out.resolve("tables/rejected_rows.csv")).size());
    Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
    // the reasons table: value out of range in 'score', 2,500 rows (not capped at 1,000)
    assertTrue(
        doc.getElementById("data").text().contains("value out of range score 2,500"),
        doc.getElementById("data").text());
    String summary = Files.readString(out.resolve("summary.txt"));
    assertTrue(summary.contains("2,500 x value out of range in 'score'"), summary);
  }

  @Test
  void strictStopsAtTheTrueLineWithExitCode3() throws IOException {
    byte[] f =
        concat(
            utf8(HEADER + good(1) + good(2) + "B,nps,9," + TS + ",caf"),
            new byte[] {(byte) 0xE9, '\n'});
    Path survey = file("strict.csv", f);
    CxReportCommandTest.Run r =
        CxReportCommandTest.run("--responses", survey.toString(), "-q", "--no-files");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("strict.csv:4"), r.err());
    assertTrue(r.err().contains("byte offset"), r.err());
  }

  @Test
  void charsetOptionReadsWindows1252() throws IOException {
    byte[] f =
        (HEADER + "C1,nps,9," + TS + ",très “bien”\n").getBytes(Charset.forName("windows-1252"));
    Path survey = file("cp1252.csv", f);
    CxReportCommandTest.Run strict =
        CxReportCommandTest.run("--responses", survey.toString(), "-q", "--no-files");
    assertEquals(ExitCodes.INPUT, strict.code(), strict.err());
    assertTrue(strict.err().contains("Windows-1252"), strict.err()); // the hint names it
    CxReportCommandTest.Run ok =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "--charset", "windows-1252", "-q", "--no-files");
    assertEquals(ExitCodes.OK, ok.code(), ok.err());
    CxReportCommandTest.Run unknown =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "--charset", "klingon-8", "-q", "--no-files");
    assertEquals(ExitCodes.USAGE, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("klingon-8"), unknown.err());
  }

  @Test
  void timestampsKeepTheirOffsetAndLocalOnesUseTheZone() throws IOException {
    // 09:00+01:00 is 08:00Z; a local 09:00 read in Europe/Paris (winter, +01:00) is 08:00Z too;
    // in the default zone (UTC) it is 09:00Z.
    Path survey =
        file(
            "tz.csv",
            utf8(
                "customer_id,instrument,score,timestamp\n"
                    + "C1,nps,9,2025-01-06T09:00:00+01:00\nC2,nps,9,2025-01-06T09:00:00\n"));
    Path out = dir.resolve("tz-out");
    CxReportCommandTest.Run r =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "-q", "--zone", "Europe/Paris", "-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("read as Europe/Paris time"), "the report says which zone");
    CxReportCommandTest.Run utc =
        CxReportCommandTest.run("--responses", survey.toString(), "-q", "--no-files");
    assertEquals(ExitCodes.OK, utc.code(), utc.err());
  }

  @Test
  void limitsAreOptions() throws IOException {
    Path survey =
        file(
            "limits.csv", utf8(HEADER + good(1) + "B,nps,9," + TS + ",\"a\nb\nc\nd\"\n" + good(2)));
    CxReportCommandTest.Run strict =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "-q", "--no-files", "--max-record-lines", "3");
    assertEquals(ExitCodes.INPUT, strict.code(), strict.err());
    assertTrue(strict.err().contains("limits.csv:3"), strict.err());
    assertTrue(strict.err().contains("after 3 lines"), strict.err());
    CxReportCommandTest.Run bad =
        CxReportCommandTest.run(
            "--responses", survey.toString(), "-q", "--no-files", "--max-record-lines", "0");
    assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
  }

  /** Any mix of good rows and broken lines: exit 0, the report written, every reject listed. */
  @Property(tries = 25, seed = "42")
  void anyBrokenFileStillGivesAReport(@ForAll("lines") List<String> lines) throws IOException {
    Path d = Files.createTempDirectory("cx-hostile");
    try {
      StringBuilder csv = new StringBuilder(HEADER);
      lines.forEach(csv::append);
      Path survey = d.resolve("s.csv");
      Files.writeString(survey, csv);
      Path out = d.resolve("out");
      CxReportCommandTest.Run r =
          CxReportCommandTest.run(
              "--responses", survey.toString(), "--lenient", "-q", "-o", out.toString());
      assertEquals(ExitCodes.OK, r.code(), r.err());
      assertTrue(Files.exists(out.resolve("report.html")));
      long bad = lines.stream().filter(l -> l.startsWith("B")).count();
      assertEquals(bad, HostileNamesTest.readCsv(out.resolve("tables/rejected_rows.csv")).size());
      assertFalse(r.err().contains("Exception"), r.err());
    } finally {
      try (var walk = Files.walk(d)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    Arbitrary<String> goodLine =
        Arbitraries.integers()
            .between(0, 10)
            .map(s -> "C" + s + ",nps," + s + "," + TS + ",\"fine, " + s + "\"\n");
    Arbitrary<String> badLine =
        Arbitraries.of(
            "B,nps,9," + TS + ",a, b\n",
            "B,nps,11," + TS + ",x\n",
            "B,nps,\uFF19," + TS + ",x\n",
            "B,nps,9,yesterday,x\n",
            "B,nps,9," + TS + ",\"unclosed\n",
            "B,nps\n",
            "B,nps,9," + TS + ",\"a\"b\n",
            "B,xps,9," + TS + ",x\n",
            "B,,9," + TS + ",x\n");
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, goodLine), net.jqwik.api.Tuple.of(1, badLine))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
