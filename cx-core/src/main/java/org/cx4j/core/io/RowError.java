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
  private final long reasonLine; // a physical line the reason starts by naming, or 0

  RowError(String column, String value, String reason) {
    this(column, value, reason, false, 0, ReadError.Kind.INVALID);
  }

  RowError(String column, String value, String reason, ReadError.Kind kind) {
    this(column, value, reason, false, 0, kind);
  }

  RowError(
      String column, String value, String reason, boolean fatal, long line, ReadError.Kind kind) {
    this(column, value, reason, fatal, line, kind, 0);
  }

  /**
   * @param reasonLine a physical line the reason names first ("line 12, ..."), kept apart so that a
   *     reader of a section of a file, counting lines from its start, can shift it; 0: none
   */
  RowError(
      String column,
      String value,
      String reason,
      boolean fatal,
      long line,
      ReadError.Kind kind,
      long reasonLine) {
    super(reason, null, false, false);
    this.column = column;
    this.value = value;
    this.fatal = fatal;
    this.line = line;
    this.kind = kind;
    this.reasonLine = reasonLine;
  }

  /** Returns the reason, with the line it names shifted by {@code lineOffset}. */
  String reason(long lineOffset) {
    String r = super.getMessage();
    return reasonLine == 0 ? r : "line " + (reasonLine + lineOffset) + ", " + r;
  }

  @Override
  public String getMessage() {
    return reason(0);
  }
}
