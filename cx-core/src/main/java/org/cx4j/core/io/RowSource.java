package org.cx4j.core.io;

import java.io.Closeable;
import java.io.IOException;

/** The rows of one file, CSV or JSON Lines, one at a time. */
interface RowSource extends Closeable {

  /**
   * Advances to the next row, skipping blank lines.
   *
   * @return false at the end of the file
   * @throws RowError if the row is malformed (it has been consumed; {@code fatal} if the rest of
   *     the file cannot be read)
   */
  boolean next() throws IOException;

  /** Returns the physical line (1-based) where the current row starts. */
  long line();

  /** Returns the raw text of the current record (or rejected line), or null before the first. */
  String text();

  /** Returns the current row. */
  Row row();
}
