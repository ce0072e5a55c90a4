package org.cx4j.core.io;

import java.nio.file.Path;

/**
 * Receives every row a lenient reader rejects, in file order.
 *
 * <p>A reader always keeps exact counts and the first {@value ReadReport#MAX_ERRORS} errors in its
 * {@link ReadReport}, which bounds memory; an additional sink sees all of them, for example {@link
 * #toFile(Path)}, which writes each as a CSV row. A lambda is a sink too: {@code errors::add}. The
 * reader never closes a sink; close a {@link FileErrorSink} yourself.
 */
@FunctionalInterface
public interface ErrorSink {

  /** Receives one rejected row. */
  void accept(ReadError error);

  /** Returns a sink that ignores errors (the report still counts them). */
  static ErrorSink none() {
    return e -> {};
  }

  /**
   * Returns a sink that writes every error to {@code file} as CSV with the header {@code
   * source,line,column,value,reason}; the file is created or truncated now.
   *
   * @throws java.io.UncheckedIOException if the file cannot be opened
   */
  static FileErrorSink toFile(Path file) {
    return new FileErrorSink(file);
  }
}
