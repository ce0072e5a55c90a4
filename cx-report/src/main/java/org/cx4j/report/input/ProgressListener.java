package org.cx4j.report.input;

/**
 * Told how far the reading of a large file has got, so that a command line can show progress.
 * Called from the reading thread, at most every {@link InputLoader#PROGRESS_EVERY} rows and once at
 * the end of each file.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (file, rows, done) -> {};

  /**
   * Reports progress.
   *
   * @param file the file being read
   * @param rows the data rows read so far (accepted and rejected)
   * @param done whether the file has been read completely
   */
  void progress(String file, long rows, boolean done);
}
