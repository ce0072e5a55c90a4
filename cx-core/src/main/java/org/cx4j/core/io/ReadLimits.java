package org.cx4j.core.io;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Size limits a reader applies to each record, so that a hostile or broken file cannot exhaust
 * memory or swallow the rows after it. Immutable.
 *
 * <ul>
 *   <li>{@link #maxRecordBytes()}: the longest record in bytes, a CSV record with its quoted line
 *       breaks or a JSON Lines line (default 1 MiB). A longer record is rejected; when a quoted
 *       value made it long, only its first physical line is rejected and reading resumes on the
 *       next line.
 *   <li>{@link #maxRecordLines()}: the most physical lines a quoted CSV value may span (default
 *       100); past that, the record's first physical line is rejected and reading resumes on the
 *       next one, as for a quote never closed.
 *   <li>{@link #maxFieldChars()}: the longest value in characters (default 1 Mi characters); a row
 *       with a longer value is rejected.
 * </ul>
 *
 * @param maxRecordBytes the longest record, in bytes
 * @param maxRecordLines the most physical lines of one record
 * @param maxFieldChars the longest value, in characters
 */
public record ReadLimits(int maxRecordBytes, int maxRecordLines, int maxFieldChars) {

  /** 1 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  /** 100 lines. */
  public static final int DEFAULT_MAX_RECORD_LINES = 100;

  /** 1 Mi characters. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

  private static final ReadLimits DEFAULTS =
      new ReadLimits(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_RECORD_LINES, DEFAULT_MAX_FIELD_CHARS);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a limit is below 1, or the record limit above 1 GiB
   */
  public ReadLimits {
    checkArgument(
        maxRecordBytes >= 1 && maxRecordBytes <= 1 << 30,
        "maxRecordBytes must be between 1 and 2^30, got %s",
        maxRecordBytes);
    checkArgument(maxRecordLines >= 1, "maxRecordLines must be at least 1, got %s", maxRecordLines);
    checkArgument(maxFieldChars >= 1, "maxFieldChars must be at least 1, got %s", maxFieldChars);
  }

  /** Returns the defaults: 1 MiB per record, 100 lines per record, 1 Mi characters per value. */
  public static ReadLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these limits with another record size limit. @throws IllegalArgumentException if out of
   * range
   */
  public ReadLimits withMaxRecordBytes(int bytes) {
    return new ReadLimits(bytes, maxRecordLines, maxFieldChars);
  }

  /** Returns these limits with another line limit. @throws IllegalArgumentException if below 1 */
  public ReadLimits withMaxRecordLines(int lines) {
    return new ReadLimits(maxRecordBytes, lines, maxFieldChars);
  }

  /** Returns these limits with another value limit. @throws IllegalArgumentException if below 1 */
  public ReadLimits withMaxFieldChars(int chars) {
    return new ReadLimits(maxRecordBytes, maxRecordLines, chars);
  }

  @Override
  public String toString() {
    return "ReadLimits[record "
        + maxRecordBytes
        + " bytes, "
        + maxRecordLines
        + " lines; value "
        + maxFieldChars
        + " characters]";
  }
}
