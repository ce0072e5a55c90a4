package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.report.analysis.Wording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's sentences read as a person would write them: no "0 days", no "1 months". */
class WordingTest {

  @TempDir Path dir;

  /** "1 days", "1 months", "1 customers", ...: a count of one with a plural noun. */
  private static final Pattern ONE_PLURAL =
      Pattern.compile(
          "(?<![\\d.,])1 (days|months|customers|rows|responses|interactions|transactions|reasons)\\b");

  /** "0 days", "within 0", "[0, 0]": a zero duration written as a number. */
  private static final Pattern ZERO_DAYS =
      Pattern.compile("(?<![\\d.,])0 days|within 0|\\[0, 0\\]");

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CxReportCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(ExitCodes.OK, code, err.toString());
    return out.toString();
  }

  private static void assertReadsWell(String text) {
    Matcher one = ONE_PLURAL.matcher(text);
    assertFalse(one.find(), () -> "'" + one.group() + "' in: " + context(text, one.start()));
    Matcher zero = ZERO_DAYS.matcher(text);
    assertFalse(zero.find(), () -> "'" + zero.group() + "' in: " + context(text, zero.start()));
  }

  private static String context(String text, int at) {
    return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 120));
  }

  @Test
  void countsOfOneAndDurationsOfZero() {
    assertEquals("1 customer", Wording.count(1, "customer", "customers"));
    assertEquals("0 customers", Wording.count(0, "customer", "customers"));
    assertEquals("23,570 customers", Wording.count(23_570, "customer", "customers"));
    assertEquals("less than a day", Wording.days(0));
    assertEquals("less than a day", Wording.days(0.4));
    assertEquals("1 day", Wording.days(1));
    assertEquals("12 days", Wording.days(12.2));
    assertEquals("1 month", Wording.months(1));
    assertEquals("95% interval: less than a day", Wording.dayInterval(95, 0, 0.2));
    assertEquals("90% interval 1 day to 3 days", Wording.dayInterval(90, 1, 3));
    assertEquals("95% interval n/a to 3 days", Wording.dayInterval(95, Double.NaN, 3));
  }

  @Test
  void oneDayOneMonthAndOneCustomer() throws IOException {
    Path out = dir.resolve("one");
    Path tx = dir.resolve("one.csv");
    // One customer, two purchases a month apart.
    Files.write(
        tx,
        List.of(
            "customer_id,timestamp,amount",
            "A,2024-01-01T10:00:00Z,10",
            "A,2024-02-01T10:00:00Z,12"));
    String summary =
        run(
            "--transactions",
            tx.toString(),
            "--churn-after",
            "1",
            "--clv-months",
            "1",
            "-o",
            out.toString());
    assertTrue(
        summary.contains(
            "Data: 0 customers, 0 interactions, 0 survey responses, " + "2 transactions"),
        summary);
    assertTrue(summary.contains("churn = 1 day without activity"), summary);
    assertTrue(summary.contains("of 1 customer churned"), summary);
    assertReadsWell(summary);
    assertReadsWell(Files.readString(out.resolve("report.html")));
  }

  /** CDNOW: more than half of the customers never buy again after their first day. */
  @Test
  void aMedianTimeToChurnOfZeroReadsAsASentence() throws IOException {
    Path cdnow = SharedDatasets.require("cdnow/CDNOW_master.txt");
    Path out = dir.resolve("cdnow");
    String summary =
        run(
            "--transactions",
            cdnow.toString(),
            "--map",
            "transactions.timestamp=date:yyyyMMdd,transactions.amount=dollar_value",
            "-o",
            out.toString());
    assertTrue(
        summary.contains(
            "median time to churn (first to last activity) less than a day "
                + "(95% interval: less than a day)"),
        summary);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(
        html.contains("Half of customers were never active again after their first day"),
        "the HTML says it in words");
    assertReadsWell(summary);
    assertReadsWell(html);
  }
}
