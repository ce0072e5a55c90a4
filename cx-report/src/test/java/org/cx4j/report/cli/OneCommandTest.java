package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cx4j.core.testing.SharedDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a company's own export to a report in one command: the separator is detected, {@code --map}
 * takes several mappings and a timestamp format, and a file that does not fit is refused with the
 * option that would read it, which then does.
 */
class OneCommandTest {

  @TempDir static Path dir;
  static Path data;

  static CxReportCommandTest.Run run(String... args) {
    return CxReportCommandTest.run(args);
  }

  @BeforeAll
  static void writeSample() {
    data = dir.resolve("data");
    CxReportCommandTest.Run r = run("sample", "--customers", "200", "-o", data.toString());
    assertEquals(0, r.code(), r.err());
  }

  /**
   * The sample's transactions rewritten: separator {@code sep}, columns renamed, dates yyyyMMdd.
   */
  private static Path export(String name, String sep) throws IOException {
    List<String> lines = Files.readAllLines(data.resolve("transactions.csv"));
    List<String> header = List.of(lines.get(0).split(",", -1));
    int ts = header.indexOf("timestamp");
    List<String> out = new ArrayList<>();
    List<String> renamed = new ArrayList<>(header);
    renamed.set(header.indexOf("customer_id"), "Customer ID");
    renamed.set(ts, "order_date");
    renamed.set(header.indexOf("amount"), "order_value");
    out.add(String.join(sep, renamed));
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",", -1);
      // 2025-03-01T10:00:00Z -> 20250301: a date pattern reads it in the report's zone (UTC)
      v[ts] = v[ts].substring(0, 10).replace("-", "");
      out.add(String.join(sep, v));
    }
    Path p = dir.resolve(name);
    Files.write(p, out, StandardCharsets.UTF_8);
    return p;
  }

  private static long rows(Path p) throws IOException {
    return Files.readAllLines(p).size() - 1;
  }

  @Test
  void theSeparatorIsDetectedAndSeveralMappingsGoInOneOption() throws IOException {
    for (String sep : List.of(";", "\t", ",")) {
      Path p = export("orders-" + (int) sep.charAt(0) + ".txt", sep);
      CxReportCommandTest.Run r =
          run(
              "--transactions",
              p.toString(),
              "--map",
              "transactions.customer_id=Customer ID,transactions.timestamp=order_date:yyyyMMdd,"
                  + "transactions.amount=order_value",
              "--no-files");
      assertEquals(ExitCodes.OK, r.code(), r.err());
      assertTrue(r.out().contains(String.format("%,d accepted, 0 rejected", rows(p))), r.out());
    }
    // The same as three separate options.
    Path p = export("orders-repeated.csv", ",");
    CxReportCommandTest.Run r =
        run(
            "--transactions",
            p.toString(),
            "--map",
            "transactions.customer_id=Customer ID",
            "--map",
            "transactions.timestamp=order_date:yyyyMMdd",
            "--map",
            "transactions.amount=order_value",
            "--no-files");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains(String.format("%,d accepted, 0 rejected", rows(p))), r.out());
  }

  private static final Pattern SUGGESTION = Pattern.compile("\\n  --map '?([^'\\n]+)'?");

  @Test
  void aFileThatDoesNotFitIsRefusedWithTheOptionThatReadsIt() throws IOException {
    Path p = export("orders.csv", ";");
    CxReportCommandTest.Run r = run("--transactions", p.toString(), "--no-files", "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    String e = r.err();
    assertTrue(e.contains("orders.csv"), e);
    assertTrue(e.contains("Customer ID, order_date"), "lists the columns found: " + e);
    assertTrue(e.contains("semicolon-separated (detected"), e);
    Matcher m = SUGGESTION.matcher(e);
    assertTrue(m.find(), e);
    assertEquals(
        "transactions.customer_id=Customer ID,transactions.timestamp=order_date:yyyyMMdd,"
            + "transactions.amount=order_value",
        m.group(1));
    CxReportCommandTest.Run again =
        run("--transactions", p.toString(), "--map", m.group(1), "--no-files", "-q");
    assertEquals(ExitCodes.OK, again.code(), again.err());
  }

  @Test
  void aTypoInAMappedColumnIsCorrectedByEditDistance() throws IOException {
    Path p = export("typo.csv", ",");
    CxReportCommandTest.Run r =
        run(
            "--transactions",
            p.toString(),
            "--map",
            "transactions.customer_id=Customer ID,transactions.timestamp=order_date:yyyyMMdd,"
                + "transactions.amount=ordr_valu",
            "--no-files",
            "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("looked for 'ordr_valu'"), r.err());
    assertTrue(r.err().contains("\n  --map transactions.amount=order_value"), r.err());
  }

  @Test
  void timestampsInAnotherLayoutAreRefusedBeforeEveryRowIs() throws IOException {
    Path p = export("layout.csv", ",");
    CxReportCommandTest.Run r =
        run(
            "--transactions",
            p.toString(),
            "--lenient",
            "--map",
            "transactions.customer_id=Customer ID,transactions.timestamp=order_date,"
                + "transactions.amount=order_value",
            "--no-files",
            "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("look like '2"), r.err());
    assertTrue(r.err().contains("--map transactions.timestamp=order_date:yyyyMMdd"), r.err());
  }

  @Test
  void badMappingsAreUsageErrors() {
    Path p = data.resolve("transactions.csv");
    for (String bad :
        List.of(
            "transactions.foo=x",
            "payments.amount=x",
            "amount=x",
            "transactions.amount=",
            "transactions.timestamp= ",
            "transactions.timestamp=date:yyyyMMddd@Mars/Base",
            "responses.amount=x")) {
      CxReportCommandTest.Run r =
          run("--transactions", p.toString(), "--map", bad, "--no-files", "-q");
      assertEquals(ExitCodes.USAGE, r.code(), bad + ": " + r.err());
      assertTrue(r.err().contains("--map"), r.err());
    }
  }

  @Test
  void aFileWithoutHeaderIsNamedWithColumns() throws IOException {
    Path p = dir.resolve("headerless.txt");
    Files.write(p, List.of("A 20240101 10.50", "B 20240102 7.25", "A 20240301 3.00"));
    CxReportCommandTest.Run r = run("--transactions", p.toString(), "--no-files", "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("looks like data, not a header"), r.err());
    assertTrue(r.err().contains("Name the 3 columns"), r.err());
    assertTrue(r.err().contains("--columns transactions="), r.err());
    // Named, the missing mappings are suggested, and with them the file reads.
    r =
        run(
            "--transactions",
            p.toString(),
            "--columns",
            "transactions=customer_id,day,spend",
            "--no-files",
            "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    Matcher m = SUGGESTION.matcher(r.err());
    assertTrue(m.find(), r.err());
    assertEquals("transactions.timestamp=day:yyyyMMdd,transactions.amount=spend", m.group(1));
    r =
        run(
            "--transactions",
            p.toString(),
            "--columns",
            "transactions=customer_id,day,spend",
            "--map",
            m.group(1),
            "--no-files");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("3 rows read, 3 accepted, 0 rejected"), r.out());
    assertEquals(
        ExitCodes.USAGE,
        run("--transactions", p.toString(), "--columns", "transactions=a,a", "--no-files", "-q")
            .code());
    assertEquals(
        ExitCodes.USAGE,
        run("--transactions", p.toString(), "--columns", "a,b", "--no-files", "-q").code());
  }

  @Test
  void aConfigTakesTheSameColumnFormatsAndHeaderlessNames() throws IOException {
    Path p = dir.resolve("config-headerless.txt");
    Files.write(p, List.of("A;20240101;10,50", "B;20240102;7,25"));
    Path config = dir.resolve("headerless.json");
    Files.writeString(
        config,
        "{\"transactions\": {\"file\": \"config-headerless.txt\", "
            + "\"header\": [\"who\", \"day\", \"spend\"], \"columns\": {\"customer_id\": \"who\", "
            + "\"timestamp\": \"day:yyyyMMdd\", \"amount\": \"spend\"}}}");
    CxReportCommandTest.Run r = run("--config", config.toString(), "--no-files");
    // Detected as semicolon-separated; "10,50" is then one value, which is no amount: strict
    // mode names it, so the mapping, the format and the header all took effect.
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
    assertTrue(r.err().contains("10,50"), r.err());
    Files.write(p, List.of("A;20240101;10.50", "B;20240102;7.25"));
    r = run("--config", config.toString(), "--no-files");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("2 rows read, 2 accepted, 0 rejected"), r.out());
  }

  /**
   * The CDNOW master file (whitespace-separated, a header, dates yyyyMMdd) in one attempt: every
   * row read, the 23,570 customers of the published data set, and a lifetime value section.
   */
  @Test
  void theCdnowMasterFileInOneCommand() throws IOException {
    Path cdnow = SharedDatasets.require("cdnow/CDNOW_master.txt");
    Path out = dir.resolve("cdnow-report");
    CxReportCommandTest.Run r =
        run(
            "--transactions",
            cdnow.toString(),
            "--map",
            "transactions.timestamp=date:yyyyMMdd,transactions.amount=dollar_value",
            "-o",
            out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("69,659 rows read, 69,659 accepted, 0 rejected"), r.out());
    assertTrue(r.out().contains("of 23,570 customers"), r.out());
    assertTrue(Files.exists(out.resolve("report.html")));
  }
}
