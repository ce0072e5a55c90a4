package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes as documented in {@link ExitCodes}: an invalid option value is a usage error (2) with
 * a message that names the option, even when input files are given; the documented command forms
 * parse.
 */
class UsageTest {

  @TempDir static Path dir;
  static Path data;

  static CxReportCommandTest.Run run(String... args) {
    return CxReportCommandTest.run(args);
  }

  @BeforeAll
  static void writeSample() {
    data = dir.resolve("data");
    CxReportCommandTest.Run r = run("sample", "--customers", "150", "-o", data.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
  }

  private static CxReportCommandTest.Run withFiles(String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--transactions",
                data.resolve("transactions.csv").toString(),
                "--responses",
                data.resolve("responses.csv").toString(),
                "--no-files",
                "-q"));
    a.addAll(List.of(more));
    return run(a.toArray(String[]::new));
  }

  private static void usageError(String option, String value, String... expected) {
    CxReportCommandTest.Run r = withFiles(option, value);
    assertEquals(ExitCodes.USAGE, r.code(), option + " " + value + ": " + r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertTrue(r.err().contains(option.startsWith("--") ? option : value), r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), "'" + e + "' in: " + r.err());
    }
    assertTrue(r.err().contains("--help"), "says where the help is: " + r.err());
    assertFalse(r.err().contains("Usage:"), "no wall of usage text: " + r.err());
  }

  @Test
  void invalidOptionValuesAreUsageErrors() {
    usageError("--period", "fortnight", "fortnight", "day, week, month or quarter");
    usageError("--zone", "Mars/Base", "Mars/Base");
    usageError("--level", "2", "between 0 and 1", "0.95");
    usageError("--level", "lots", "lots");
    usageError("--journey-gap", "xyz", "xyz", "30m");
    usageError("--separator", "ab", "'ab'", "tab");
    usageError("--timestamps", "whenever", "whenever");
    usageError("--map", "foo", "KIND.FIELD=COLUMN", "'foo'");
    usageError("--map", "x.y=z", "unknown data kind 'x'");
    usageError("--map", "transactions.foo=z", "transactions files have no field 'foo'", "amount");
    usageError("--map", "transactions.timestamp=date:yyyyMMddd", "yyyyMMddd");
    usageError("--top", "0", "at least 1");
    usageError("--margin", "1.5", "1.5");
    usageError("--discount", "-0.1", "-0.1");
    usageError("--churn-after", "0", "at least 1 day");
    usageError("--effort", "checkout=-3", "checkout", "positive");
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    CxReportCommandTest.Run r = withFiles("--lenent");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--lenient"), r.err());
  }

  @Test
  void inputErrorsStayThree() {
    CxReportCommandTest.Run r =
        run("--transactions", dir.resolve("missing.csv").toString(), "--no-files", "-q");
    assertEquals(ExitCodes.INPUT, r.code(), r.err());
  }

  @Test
  void theDocumentedFormsParse() throws IOException {
    // -o sample: the output folder "sample", not the sample subcommand.
    Path cwdSample = dir.resolve("sample");
    CxReportCommandTest.Run r = run("-o", cwdSample.toString(), "-q");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(Files.exists(cwdSample.resolve("report.html")));
    CxReportCommandTest.Run literal = run("--no-files", "-q", "-o", "sample");
    assertEquals(ExitCodes.OK, literal.code(), literal.err());
    assertFalse(
        Files.exists(Path.of("sample", "customers.csv")), "the sample subcommand did not run");
    assertEquals(ExitCodes.OK, run("--out=" + dir.resolve("eq"), "-q").code());
    assertEquals(ExitCodes.OK, run("-o" + dir.resolve("glued"), "-q").code());
    assertTrue(Files.exists(dir.resolve("glued").resolve("report.html")));
    // The sample subcommand with its own -o, and the README's examples.
    assertEquals(
        ExitCodes.OK,
        run("sample", "--customers", "50", "-o", dir.resolve("s2").toString()).code());
    Path config = dir.resolve("cx.json");
    Files.writeString(
        config,
        "{\"responses\": {\"file\": \""
            + data.resolve("responses.csv").toString().replace("\\", "\\\\")
            + "\"}}");
    CxReportCommandTest.Run ex =
        run(
            "--config",
            config.toString(),
            "--map",
            "responses.score=score",
            "--effort",
            "checkout_payment=8",
            "--no-files",
            "-q");
    assertEquals(ExitCodes.OK, ex.code(), ex.err());
    CxReportCommandTest.Run lenient =
        run(
            "--interactions",
            data.resolve("interactions.csv").toString(),
            "--responses",
            data.resolve("responses.csv").toString(),
            "--lenient",
            "-o",
            dir.resolve("out").toString(),
            "-q");
    assertEquals(ExitCodes.OK, lenient.code(), lenient.err());
    assertEquals(ExitCodes.OK, run("--help").code());
    assertEquals(ExitCodes.OK, run("help").code());
    assertEquals(ExitCodes.OK, run("sample", "--help").code());
  }
}
