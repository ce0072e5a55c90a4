package org.cx4j.core.io;

import java.util.List;
import java.util.Objects;

/**
 * What a read did: rows read, accepted and rejected (exact counts), and the first {@value
 * #MAX_ERRORS} errors. {@code read == accepted + rejected}; blank lines and the header are not
 * rows. An empty file gives all zeros.
 *
 * @param source the file name
 * @param read the number of data rows read
 * @param accepted the number of rows that became records
 * @param rejected the number of rows rejected
 * @param errors the first {@value #MAX_ERRORS} errors, in file order
 */
public record ReadReport(
    String source, long read, long accepted, long rejected, List<ReadError> errors) {

  /** The most errors a report keeps in memory; the counts are exact regardless. */
  public static final int MAX_ERRORS = 1000;

  /**
   * Validates the counts and copies the errors.
   *
   * @throws IllegalArgumentException if {@code read != accepted + rejected} or a count is negative
   */
  public ReadReport {
    Objects.requireNonNull(source, "source");
    errors = List.copyOf(errors);
    if (accepted < 0 || rejected < 0 || read != accepted + rejected) {
      throw new IllegalArgumentException(
          "counts must satisfy read = accepted + rejected >= 0, got read " + read + ", accepted "
              + accepted + ", rejected " + rejected);
    }
  }

  /** Returns whether every error is in {@link #errors()}, i.e. {@code rejected <= MAX_ERRORS}. */
  public boolean complete() {
    return rejected == errors.size();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("ReadReport[")
            .append(source)
            .append(": read ")
            .append(read)
            .append(", accepted ")
            .append(accepted)
            .append(", rejected ")
            .append(rejected);
    if (!errors.isEmpty()) {
      sb.append("; first error: ").append(errors.get(0));
    }
    return sb.append(']').toString();
  }
}
