package org.cx4j.core.io;

/**
 * A rejected row inside the reading loop; becomes a {@link ReadError} once the reader adds the
 * source and line. No stack trace: lenient reads may reject millions of rows.
 */
final class RowError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String column;
  final String value;
  final boolean fatal; // the rest of the file cannot be read
  final long line; // 0: the current row's line
  final ReadError.Kind kind;

  RowError(String column, String value, String reason) {
    this(column, value, reason, false, 0, ReadError.Kind.INVALID);
  }

  RowError(String column, String value, String reason, ReadError.Kind kind) {
    this(column, value, reason, false, 0, kind);
  }

  RowError(
      String column, String value, String reason, boolean fatal, long line, ReadError.Kind kind) {
    super(reason, null, false, false);
    this.column = column;
    this.value = value;
    this.fatal = fatal;
    this.line = line;
    this.kind = kind;
  }
}
