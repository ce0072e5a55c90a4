package org.cx4j.report.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadReport;

/**
 * Interactions are parsed on one or more threads (in sections of the file) and added to the log on
 * another, in batches: the result must be what one thread reading row by row gives, with the lines
 * of rejects found by either stage right across section ends. The expected figures come from how
 * each file is written (which lines are malformed, which are in the future), not from the reader.
 */
class InteractionPipelineTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** What a generated file holds: bad lines by line number, with the column each names. */
  private record Written(Path file, int rows, TreeMap<Long, String> bad) {}

  private static Written write(long seed, int rows, int badPerMille) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("customer_id,touchpoint,channel,stage,timestamp\n");
    TreeMap<Long, String> bad = new TreeMap<>();
    for (int r = 0; r < rows; r++) {
      long line = r + 2L;
      String ts = "2025-0" + (1 + rnd.nextInt(5)) + "-1" + rnd.nextInt(10) + "T10:00:00Z";
      if (rnd.nextInt(1000) < badPerMille) {
        if (rnd.nextBoolean()) {
          ts = "2025-13-40T99:00:00Z"; // malformed: rejected by the parser
        } else {
          ts = "2026-0" + (1 + rnd.nextInt(9)) + "-01T00:00:00Z"; // after the clock: by the log
        }
        bad.put(line, "timestamp");
      }
      sb.append('C').append(rnd.nextInt(rows / 3 + 1)).append(",web_page,web,awareness,");
      sb.append(ts).append('\n');
    }
    try {
      Path f = Files.createTempFile("cx4j-pipeline", ".csv");
      Files.writeString(f, sb);
      f.toFile().deleteOnExit();
      return new Written(f, rows, bad);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputLoader loader(Path file, boolean lenient, int threads, int sectionBytes) {
    return InputLoader.builder()
        .file(DataKind.INTERACTIONS, file)
        .lenient(lenient)
        .clock(CLOCK)
        .readingInSections(threads, sectionBytes)
        .build();
  }

  @Property(tries = 60)
  void lenientReadCountsAndOrdersEveryRejectAsOneThreadWould(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3 * 4096 + 50) int rows,
      @ForAll @IntRange(min = 0, max = 40) int badPerMille,
      @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 50, max = 100_000) int sectionBytes) {
    Written w = write(seed, rows, badPerMille);
    ReportInput in = loader(w.file(), true, threads, sectionBytes).load();
    ReadReport r = in.reads().get(0);
    assertEquals(rows, r.read());
    assertEquals(w.bad().size(), r.rejected());
    assertEquals(rows - w.bad().size(), r.accepted());
    assertEquals(rows - w.bad().size(), in.interactions().size());
    List<Long> expectedLines = new ArrayList<>(w.bad().keySet());
    expectedLines = expectedLines.subList(0, Math.min(ReadReport.MAX_ERRORS, expectedLines.size()));
    assertEquals(expectedLines, r.errors().stream().map(ReadError::line).toList());
    long tallied = r.tallies().stream().mapToLong(ReadReport.Tally::rows).sum();
    assertEquals(w.bad().size(), tallied);
  }

  @Property(tries = 40)
  void strictReadStopsAtTheFirstBadLineWhicheverStageFindsIt(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3 * 4096 + 50) int rows,
      @ForAll @IntRange(min = 1, max = 5) int badPerMille,
      @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 50, max = 100_000) int sectionBytes) {
    Written w = write(seed, rows, badPerMille);
    if (w.bad().isEmpty()) {
      assertEquals(
          rows, loader(w.file(), false, threads, sectionBytes).load().interactions().size());
      return;
    }
    CxReadException e =
        assertThrows(
            CxReadException.class, () -> loader(w.file(), false, threads, sectionBytes).load());
    assertEquals(w.bad().firstKey(), e.error().line());
    assertEquals("timestamp", e.error().column());
  }
}
