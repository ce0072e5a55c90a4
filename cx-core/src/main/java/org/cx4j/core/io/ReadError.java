package org.cx4j.core.io;

import java.util.Objects;

/**
 * One rejected row (or a file-level problem): where it is, which column, what value, and why.
 *
 * <p>{@code toString()} reads like a compiler message: {@code survey.csv:12: column 'nps_score',
 * value '11': score 11 is outside the nps scale 0..10}.
 *
 * @param source the file name (or the name given for a stream)
 * @param line the physical line (1-based) where the record starts, or 0 when not known
 * @param column the column (as named in the file) at fault, or {@code null} for the whole row
 * @param value the offending value, or {@code null}
 * @param reason why the row was rejected
 */
public record ReadError(String source, long line, String column, String value, String reason) {

  /**
   * Validates the error.
   *
   * @throws NullPointerException if {@code source} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public ReadError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    if (line < 0) {
      throw new IllegalArgumentException("line must be non-negative, got " + line);
    }
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
