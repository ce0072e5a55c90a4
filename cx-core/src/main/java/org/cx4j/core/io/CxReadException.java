package org.cx4j.core.io;

import java.util.Objects;

/**
 * A file could not be read: a bad row in strict mode, or a file-level problem (no header, a
 * duplicate or missing column) in either mode. Unchecked, so that records can stream through {@link
 * java.util.Iterator} and {@link java.util.stream.Stream}; I/O failures are {@link
 * java.io.UncheckedIOException}s instead.
 */
public final class CxReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ReadError error;

  /**
   * Returns an exception for {@code error}, whose {@code toString()} becomes the message.
   *
   * @throws NullPointerException if {@code error} is null
   */
  public CxReadException(ReadError error) {
    this(error, null);
  }

  /** Returns an exception for {@code error} caused by {@code cause}. */
  public CxReadException(ReadError error, Throwable cause) {
    super(Objects.requireNonNull(error, "error").toString(), cause);
    this.error = error;
  }

  /** Returns the error: file, line, column, value and reason. */
  public ReadError error() {
    return error;
  }
}
