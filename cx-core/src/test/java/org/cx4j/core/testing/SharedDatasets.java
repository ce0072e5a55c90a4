package org.cx4j.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public data sets in {@code ../shared/datasets} (see its {@code SOURCES.md}).
 *
 * <p>The folder comes from the system property {@value #PROPERTY} (set by the build to the folder
 * beside the project root) with {@code ../shared/datasets} as the default. Where the folder or a
 * file is absent, as in a user's fresh clone, the calling test is skipped with a message that says
 * which file was looked for and where, never failed and never silently passed.
 *
 * <p>Shipped to the other modules' tests through cx-core's test-jar.
 */
public final class SharedDatasets {

  /** The system property that names the data-set folder. */
  public static final String PROPERTY = "cx4j.datasets";

  private SharedDatasets() {}

  /** Returns the data-set folder (it may not exist). */
  public static Path root() {
    return Path.of(System.getProperty(PROPERTY, "../shared/datasets")).toAbsolutePath().normalize();
  }

  /**
   * Returns the path of {@code relative} under the data-set folder, or skips the calling JUnit test
   * (through an assumption) when that file does not exist.
   */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(
        Files.isRegularFile(p),
        () ->
            "skipped: public data set "
                + relative
                + " not found at "
                + p
                + " (set -D"
                + PROPERTY
                + "=<folder> to point at ../shared/datasets)");
    return p;
  }

  /**
   * Returns whether {@code relative} exists under the data-set folder (for jqwik, which has no
   * assumptions of JUnit's kind).
   */
  public static boolean available(String relative) {
    return Files.isRegularFile(root().resolve(relative));
  }
}
