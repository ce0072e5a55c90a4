package org.cx4j.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a delimited text file: the separator ({@linkplain #comma() comma}, {@linkplain
 * #semicolon() semicolon}, {@linkplain #tab() tab}, or {@linkplain #whitespace() runs of spaces and
 * tabs}), and whether the first line is a header or the column names are given here.
 *
 * <p>All formats use RFC 4180 quoting with {@code "}, accept LF and CRLF line ends, a missing final
 * line end, and a UTF-8 byte-order mark. Writers end lines with LF. Immutable.
 */
public final class CsvFormat {

  private final char separator;
  private final boolean whitespace;
  private final List<String> columns; // null: the first line is the header

  private CsvFormat(char separator, boolean whitespace, List<String> columns) {
    this.separator = separator;
    this.whitespace = whitespace;
    this.columns = columns;
  }

  /** Returns comma-separated values with a header line (RFC 4180). */
  public static CsvFormat comma() {
    return new CsvFormat(',', false, null);
  }

  /**
   * Returns semicolon-separated values with a header line (spreadsheets in comma-decimal locales).
   */
  public static CsvFormat semicolon() {
    return new CsvFormat(';', false, null);
  }

  /** Returns tab-separated values with a header line. */
  public static CsvFormat tab() {
    return new CsvFormat('\t', false, null);
  }

  /**
   * Returns whitespace-separated values with a header line: any run of spaces and tabs outside
   * quotes separates two values, and spaces at the start and end of a line are ignored (the layout
   * of fixed-width exports such as the CDNOW transaction log). An empty value must be written
   * {@code ""}; writers do so.
   */
  public static CsvFormat whitespace() {
    return new CsvFormat(' ', true, null);
  }

  /**
   * Returns values separated by {@code separator}, with a header line.
   *
   * @throws IllegalArgumentException if {@code separator} is a quote, CR or LF
   */
  public static CsvFormat separator(char separator) {
    checkArgument(
        separator != '"' && separator != '\r' && separator != '\n',
        "separator must not be a quote, CR or LF, got '%s'",
        separator);
    return new CsvFormat(separator, false, null);
  }

  /**
   * Returns this format for files without a header line, whose columns are named {@code columns} in
   * order (the names a {@link ColumnMapping} refers to).
   *
   * @throws IllegalArgumentException if no column is given, a name is blank, or a name repeats
   */
  public CsvFormat withoutHeader(String... columns) {
    checkArgument(columns.length > 0, "a file without header needs at least one column name");
    Set<String> seen = new HashSet<>();
    for (String c : columns) {
      Objects.requireNonNull(c, "column name");
      checkArgument(!c.isBlank(), "column names must not be blank, got '%s'", c);
      checkArgument(seen.add(c.trim()), "column name '%s' is given twice", c.trim());
    }
    return new CsvFormat(separator, whitespace, List.of(columns));
  }

  /** Returns the separator character ({@code ' '} for whitespace formats). */
  public char separatorChar() {
    return separator;
  }

  /** Returns whether runs of spaces and tabs separate values. */
  public boolean isWhitespace() {
    return whitespace;
  }

  /** Returns whether the first line is a header. */
  public boolean hasHeader() {
    return columns == null;
  }

  /** Returns the column names of a headerless format, or an empty list if the file has a header. */
  public List<String> columns() {
    return columns == null ? List.of() : columns;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvFormat
        && ((CsvFormat) o).separator == separator
        && ((CsvFormat) o).whitespace == whitespace
        && Objects.equals(((CsvFormat) o).columns, columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(separator, whitespace, columns);
  }

  @Override
  public String toString() {
    String sep = whitespace ? "whitespace" : separator == '\t' ? "tab" : "'" + separator + "'";
    return "CsvFormat[" + sep + (columns == null ? ", header" : ", columns " + columns) + "]";
  }
}
