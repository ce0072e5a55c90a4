package org.cx4j.report.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the report's output folder safely.
 *
 * <ul>
 *   <li>An existing folder is replaced only when it is empty or recognisably an earlier report (the
 *       marker file {@value #MARKER} that every report writes, or {@code report.html} and {@code
 *       tables/} from a report written before the marker), holding nothing but what a report
 *       writes; any other folder is refused unless {@code force} is given.
 *   <li>No symbolic link is followed out of the folder: a folder that is itself a link is refused,
 *       and nothing is ever written inside the existing folder: the report is written into a new
 *       temporary folder next to it (same parent, so that moving it is a rename) and then renamed
 *       into place, the old folder renamed away and deleted without following the links it holds (a
 *       link is deleted, never what it points to).
 *   <li>Atomic: a failure while writing deletes the temporary folder and leaves the old report as
 *       it was; there is never a half-written report under the folder's name.
 * </ul>
 *
 * <p>Also refused, even with {@code force}: a folder that contains the current directory or an
 * input file (replacing it would delete them), and a path without a parent (a file-system root).
 */
final class OutputFolder {

  /** The marker file every report folder holds: {@code cx-report <version>}. */
  static final String MARKER = ".cx-report";

  /** What a report writes at the top of its folder. */
  static final Set<String> REPORT_ENTRIES =
      Set.of(
          MARKER,
          "report.html",
          "summary.txt",
          "tables",
          "journey.dot",
          "journey.mmd",
          "report.json");

  /** Writes the report's files into a folder. */
  @FunctionalInterface
  interface Content {
    /** Writes every file into {@code folder} (new and empty). */
    void writeTo(Path folder) throws IOException;
  }

  /** The output folder cannot or may not be written; the message says why and what to do. */
  static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private OutputFolder() {}

  /**
   * Writes {@code content} into a new folder and moves it to {@code out}, replacing an earlier
   * report there.
   *
   * @param out the output folder
   * @param force whether a folder that is not an earlier report may be replaced (its contents are
   *     deleted)
   * @param inputs the input files, which must not lie inside {@code out}
   * @param version written into the marker file
   * @param content writes the report's files
   * @return the output folder as an absolute, normalised path
   * @throws RefusedException if the folder may not be replaced (named, with the reason)
   * @throws IOException if writing or moving fails; the old folder is then as it was
   */
  static Path write(Path out, boolean force, List<Path> inputs, String version, Content content)
      throws RefusedException, IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new RefusedException(
          "the output folder "
              + target
              + " is a file-system root; "
              + "give a folder inside it with -o");
    }
    if (Files.isSymbolicLink(target)) {
      throw new RefusedException(
          "the output folder "
              + out
              + " is a symbolic link; cx-report "
              + "does not write through links: give the folder it points to, or another folder");
    }
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (exists && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new RefusedException(
          "the output folder "
              + out
              + " exists and is not a folder; "
              + "give another name with -o");
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (cwd.startsWith(target)) {
      throw new RefusedException(
          "the output folder "
              + out
              + " contains the current folder, "
              + "which replacing it would delete; give a new folder with -o");
    }
    for (Path in : inputs) {
      if (in != null && in.toAbsolutePath().normalize().startsWith(target)) {
        throw new RefusedException(
            "the output folder "
                + out
                + " contains the input file "
                + in.getFileName()
                + ", which replacing it would delete; give another folder with -o");
      }
    }
    if (exists && !force) {
      List<String> foreign = foreignEntries(target);
      if (!foreign.isEmpty()) {
        throw new RefusedException(
            "the output folder "
                + out
                + " is not empty and is not an "
                + "earlier cx-report output (it holds "
                + describe(foreign)
                + "); choose another "
                + "folder with -o, or add --force to replace it and delete what it holds");
      }
    }
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    Path tmp = newFolder(parent, "." + name + ".tmp-");
    try {
      content.writeTo(tmp);
      Files.writeString(tmp.resolve(MARKER), "cx-report " + version + "\n", StandardCharsets.UTF_8);
      if (!exists) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
      }
      // Two renames: POSIX cannot exchange two folders in one. Between them the name is free
      // for an instant; the old report is never half-replaced.
      Path old = newFolder(parent, "." + name + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      deleteTree(old);
      return target;
    } catch (IOException | RuntimeException e) {
      try {
        if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(tmp);
        }
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Creates a new folder {@code prefix + random} in {@code parent}, with the default permissions of
   * a new folder (not the owner-only ones of {@code Files.createTempDirectory}: the report folder
   * keeps them once renamed).
   */
  private static Path newFolder(Path parent, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
      try {
        return Files.createDirectory(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /**
   * Returns the top-level entries of {@code dir} that make it something other than an earlier
   * report: none for an empty folder; for a folder without the marker (nor {@code report.html} and
   * {@code tables/}), all of them; otherwise the entries a report does not write.
   */
  static List<String> foreignEntries(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        all.add(p.getFileName().toString());
      }
    }
    all.sort(null);
    boolean report =
        Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
            || (Files.isRegularFile(dir.resolve("report.html"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve("tables"), LinkOption.NOFOLLOW_LINKS));
    if (!report) {
      return all;
    }
    List<String> foreign = new ArrayList<>();
    for (String e : all) {
      if (!REPORT_ENTRIES.contains(e)) {
        foreign.add(e);
      }
    }
    return foreign;
  }

  private static String describe(List<String> entries) {
    List<String> shown = entries.subList(0, Math.min(3, entries.size()));
    return String.join(", ", shown)
        + (entries.size() > shown.size()
            ? " and " + (entries.size() - shown.size()) + " more"
            : "");
  }

  /** Deletes a folder and what it holds; links are deleted, never followed. */
  static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
