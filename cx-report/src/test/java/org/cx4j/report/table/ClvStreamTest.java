package org.cx4j.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cx4j.report.analysis.ClvFixtures;
import org.cx4j.report.analysis.CustomerValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tables/clv.csv} streams: rows reach the file while later customers are still being
 * computed, and a million customers are written by a JVM whose heap could not hold their rows.
 */
class ClvStreamTest {

  @TempDir Path dir;

  /** Counts the characters that reach the file. */
  static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void rowsAreWrittenWhileLaterOnesAreStillToCome() {
    CustomerValues c = ClvFixtures.synthetic(20_000);
    CountingWriter w = new CountingWriter();
    long[] atHalf = {-1};
    long rows =
        ClvTables.customers(
            c,
            i -> {
              if (i == 10_000) {
                atHalf[0] = w.chars;
              }
              return true;
            },
            w);
    assertEquals(20_000, rows);
    // Half-way, most of the first half's rows (about 150 characters each) are in the file
    // already: nothing waits for the end.
    assertTrue(atHalf[0] > 10_000 * 100, "characters written half-way: " + atHalf[0]);
    assertTrue(w.chars > 2 * atHalf[0] - 20_000, "total " + w.chars);
  }

  @Test
  void aMillionCustomersStreamUnderA64MegabyteHeap() throws Exception {
    // A million rows of twelve cells as objects take hundreds of MB; the columns of primitives
    // that CustomerValues keeps take about 26 MB. The child JVM would fail with
    // OutOfMemoryError if the rows were collected.
    Path csv = dir.resolve("clv.csv");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                ClvStreamMain.class.getName(),
                "1000000",
                csv.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out");
    String log = Files.readString(dir.resolve("log.txt"));
    assertEquals(0, p.exitValue(), log);
    assertTrue(log.startsWith("1000000 "), log);
    long lines;
    try (var s = Files.lines(csv)) {
      lines = s.count();
    }
    assertEquals(1_000_001, lines);
    List<String> head = Files.readAllLines(csv).subList(0, 1);
    assertEquals(
        String.join(",", ClvTables.COLUMNS)
            .replace("expected_purchases_next_month", "\"expected_purchases_next_month\""),
        head.get(0));
    assertTrue(new File(csv.toString()).length() > 100_000_000L);
  }
}
