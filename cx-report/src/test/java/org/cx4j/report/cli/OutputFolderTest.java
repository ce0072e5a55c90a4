package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cx4j.report.cli.CxReportCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder: never silently replaced when it is not an earlier report, never written
 * through a symbolic link, and replaced atomically (a failed run leaves the old report as it was).
 */
class OutputFolderTest {

  @TempDir Path dir;

  static Run report(Path out, String... more) {
    String[] args =
        Stream.concat(Stream.of("-q", "-o", out.toString()), Stream.of(more))
            .toArray(String[]::new);
    return CxReportCommandTest.run(args);
  }

  /** Returns the names in {@code folder}, sorted. */
  static List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFolderWithTheUsersFilesIsRefusedAndKeptIntact() throws IOException {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "my notes");
    Run r = report(mine);
    assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
    assertTrue(r.err().contains("--force"), r.err());
    assertTrue(r.err().contains("notes.txt"), r.err());
    assertEquals(List.of("notes.txt"), list(mine));
    assertEquals("my notes", Files.readString(mine.resolve("notes.txt")));
    assertEquals(List.of("mine"), list(dir), "no temporary folder left behind");
  }

  @Test
  void forceReplacesIt() throws IOException {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "my notes");
    Run r = report(mine, "--force");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertFalse(Files.exists(mine.resolve("notes.txt")));
    assertTrue(Files.isRegularFile(mine.resolve("report.html")));
    assertTrue(Files.readString(mine.resolve(OutputFolder.MARKER)).startsWith("cx-report "));
    assertEquals(List.of("mine"), list(dir));
  }

  @Test
  void anEarlierReportOrAnEmptyFolderIsReplacedWithoutForce() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(ExitCodes.OK, report(out).code());
    Files.writeString(out.resolve("report.html"), "old");
    Run again = report(out);
    assertEquals(ExitCodes.OK, again.code(), again.err());
    assertTrue(Files.readString(out.resolve("report.html")).startsWith("<!DOCTYPE html>"));
    // A report written before the marker existed: report.html and tables/.
    Files.delete(out.resolve(OutputFolder.MARKER));
    assertEquals(ExitCodes.OK, report(out).code());
    // An empty folder.
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(ExitCodes.OK, report(empty).code());
    assertEquals(List.of("empty", "report"), list(dir));
  }

  /** The report folder gets a new folder's permissions, not a temporary folder's owner-only. */
  @Test
  void theReportFolderHasTheUsualPermissions() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path out = dir.resolve("report");
    assertEquals(ExitCodes.OK, report(out).code());
    Path plain = Files.createDirectory(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
  }

  @Test
  void aReportFolderHoldingOtherFilesIsRefused() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(ExitCodes.OK, report(out).code());
    Files.writeString(out.resolve("my-analysis.xlsx"), "precious");
    Run r = report(out);
    assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
    assertTrue(r.err().contains("my-analysis.xlsx"), r.err());
    assertEquals("precious", Files.readString(out.resolve("my-analysis.xlsx")));
  }

  @Test
  void anOutputFolderThatIsALinkIsRefused() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "keep");
    Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
    Run r = report(link, "--force");
    assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
    assertTrue(r.err().contains("symbolic link"), r.err());
    assertEquals(List.of("keep.txt"), list(elsewhere));
    assertTrue(Files.isSymbolicLink(link));
  }

  /**
   * An earlier report whose report.html and tables/ were replaced by links out of the folder: the
   * new report replaces the links themselves; the files they point to are untouched.
   */
  @Test
  void aLinkInsideTheFolderIsNeverWrittenThrough() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(ExitCodes.OK, report(out).code());
    Path victim = Files.writeString(dir.resolve("victim.txt"), "not yours");
    Path victimDir = Files.createDirectories(dir.resolve("victim-dir"));
    Files.writeString(victimDir.resolve("scores.csv"), "mine");
    Files.delete(out.resolve("report.html"));
    Files.createSymbolicLink(out.resolve("report.html"), victim);
    OutputFolder.deleteTree(out.resolve("tables"));
    Files.createSymbolicLink(out.resolve("tables"), victimDir);
    Run r = report(out);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("not yours", Files.readString(victim));
    assertEquals(List.of("scores.csv"), list(victimDir));
    assertEquals("mine", Files.readString(victimDir.resolve("scores.csv")));
    assertTrue(Files.isRegularFile(out.resolve("report.html"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isDirectory(out.resolve("tables"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aFailureMidWriteLeavesTheEarlierReportIntact() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(ExitCodes.OK, report(out).code());
    String before = Files.readString(out.resolve("report.html"));
    List<String> entries = list(out);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OutputFolder.write(
                    out,
                    false,
                    List.of(),
                    "test",
                    folder -> {
                      Files.writeString(folder.resolve("summary.txt"), "half");
                      Files.createDirectories(folder.resolve("tables"));
                      throw new IOException("disk full (simulated)");
                    }));
    assertEquals("disk full (simulated)", e.getMessage());
    assertEquals(before, Files.readString(out.resolve("report.html")));
    assertEquals(entries, list(out));
    assertFalse(Files.readString(out.resolve("summary.txt")).equals("half"));
    assertEquals(List.of("report"), list(dir), "the temporary folder is removed");
    // And with no earlier report, no folder at all.
    Path fresh = dir.resolve("fresh");
    assertThrows(
        IllegalStateException.class,
        () ->
            OutputFolder.write(
                fresh,
                false,
                List.of(),
                "test",
                folder -> {
                  throw new IllegalStateException("bug");
                }));
    assertFalse(Files.exists(fresh));
    assertEquals(List.of("report"), list(dir));
  }

  @Test
  void aFolderHoldingTheInputsOrAFileIsRefusedEvenWithForce() throws IOException {
    Path data = dir.resolve("data");
    assertEquals(
        ExitCodes.OK,
        CxReportCommandTest.run("sample", "--customers", "50", "-o", data.toString()).code());
    List<String> inputs = list(data);
    Run r =
        CxReportCommandTest.run(
            "-q",
            "--interactions",
            data.resolve("interactions.csv").toString(),
            "-o",
            data.toString(),
            "--force");
    assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
    assertTrue(r.err().contains("interactions.csv"), r.err());
    assertEquals(inputs, list(data));
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    Run f = report(file, "--force");
    assertEquals(ExitCodes.OUTPUT, f.code(), f.err());
    assertTrue(f.err().contains("not a folder"), f.err());
    assertEquals("x", Files.readString(file));
  }
}
