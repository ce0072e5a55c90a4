package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The readers stream in constant memory: a child JVM with a 64 MB heap reads millions of generated
 * interaction rows through the CSV reader, and the control (the same rows kept in a list) runs out
 * of memory in the same heap, so the heap limit is known to bite.
 *
 * <p>CI reads 2 million rows to stay within about 30 s on a loaded 2-core machine; the 10 million
 * row run is the same main class, {@code java -Xmx64m -cp <test class path>
 * org.cx4j.core.io.StreamManyInteractions 10000000} (see cx-core/README.md for the figure).
 */
class SmallHeapTest {

  private static final long ROWS = 2_000_000;

  @Test
  void streamsMillionsOfRowsInA64MbHeap() throws Exception {
    Result r = runChild(Long.toString(ROWS));
    assertEquals(0, r.exitCode, r.output);
    String[] f = r.output.trim().split(" ");
    assertEquals(ROWS, Long.parseLong(f[0]), r.output);
    // every fifth row (0, 5, 10, ...) is converted: ceil(ROWS / 5)
    assertEquals((ROWS + 4) / 5, Long.parseLong(f[1]), r.output);
    // the child's heap really was capped (maxMemory reports a little under -Xmx)
    assertTrue(Long.parseLong(f[2]) <= 64L << 20, r.output);
  }

  @Test
  void keepingTheRecordsDoesNotFitTheSameHeap() throws Exception {
    Result r = runChild(Long.toString(ROWS), "collect");
    assertNotEquals(0, r.exitCode, r.output);
    assertTrue(r.output.contains("OutOfMemoryError"), r.output);
  }

  private record Result(int exitCode, String output) {}

  private static Result runChild(String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StreamManyInteractions.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("child JVM did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
