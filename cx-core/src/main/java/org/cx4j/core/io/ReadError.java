package org.cx4j.core.io;

import java.util.Objects;

/**
 * One rejected row (or a file-level problem): where it is, which column, what value, why, the kind
 * of problem, and an excerpt of the raw record.
 *
 * <p>{@code toString()} reads like a compiler message: {@code survey.csv:12: column 'nps_score',
 * value '11': score 11 is outside the nps scale 0..10}.
 *
 * @param source the file name (or the name given for a stream)
 * @param line the physical line (1-based) where the record starts, or 0 when not known
 * @param column the column (as named in the file) at fault, or {@code null} for the whole row
 * @param value the offending value, or {@code null}
 * @param reason why the row was rejected, as a sentence
 * @param kind the kind of problem, for counting rejects by cause
 * @param excerpt the raw record as read, cut to at most {@value #MAX_EXCERPT} characters, or {@code
 *     null} when there is none (a file-level problem)
 */
public record ReadError(
    String source,
    long line,
    String column,
    String value,
    String reason,
    Kind kind,
    String excerpt) {

  /** The longest excerpt of a raw record kept in an error. */
  public static final int MAX_EXCERPT = 200;

  /** Kinds of reasons a row is rejected; {@link #description()} says each in words. */
  public enum Kind {
    /** The record cannot be parsed: a quote never closed, text after a closing quote, bad JSON. */
    MALFORMED("malformed record"),
    /** A line, record or value is over a size limit ({@link ReadLimits}). */
    TOO_LONG("over a size limit"),
    /** A byte sequence is not valid in the file's character encoding. */
    ENCODING("not valid in the file's encoding"),
    /** The row has more or fewer values than the header (often an unquoted separator). */
    COLUMN_COUNT("wrong number of values"),
    /** A required value is missing or blank. */
    MISSING_VALUE("missing value"),
    /** A number is not a number. */
    NOT_A_NUMBER("not a number"),
    /** A number uses digits other than ASCII 0-9 (Arabic-Indic, full-width, ...). */
    NON_ASCII_DIGITS("digits other than ASCII 0-9"),
    /** A value is outside its allowed range (a score off its scale, a negative weight). */
    OUT_OF_RANGE("value out of range"),
    /** A timestamp or date cannot be read, or lies in the future. */
    TIMESTAMP("bad timestamp or date"),
    /** A value names something unknown (an instrument, a touchpoint). */
    UNKNOWN_VALUE("unknown value"),
    /** Any other invalid value. */
    INVALID("invalid value");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** Returns the kind in a few words, for reports. */
    public String description() {
      return description;
    }
  }

  /**
   * Validates the error and cuts the excerpt to {@value #MAX_EXCERPT} characters.
   *
   * @throws NullPointerException if {@code source}, {@code reason} or {@code kind} is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public ReadError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(kind, "kind");
    if (line < 0) {
      throw new IllegalArgumentException("line must be non-negative, got " + line);
    }
    if (excerpt != null && excerpt.length() > MAX_EXCERPT) {
      excerpt = excerpt.substring(0, MAX_EXCERPT - 3) + "...";
    }
  }

  /**
   * Returns an error of kind {@link Kind#INVALID} without an excerpt.
   *
   * @throws NullPointerException if {@code source} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public ReadError(String source, long line, String column, String value, String reason) {
    this(source, line, column, value, reason, Kind.INVALID, null);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (column != null) {
      sb.append("column '").append(column).append(value == null ? "': " : "', ");
    }
    if (value != null) {
      sb.append("value '").append(abbreviate(value)).append("': ");
    }
    return sb.append(reason).toString();
  }

  private static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }
}
