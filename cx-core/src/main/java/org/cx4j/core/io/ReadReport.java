package org.cx4j.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a read did: rows read, accepted and rejected (exact counts), the exact number of rejects per
 * kind and column ({@link #tallies()}), and the first {@value #MAX_ERRORS} errors in full. {@code
 * read == accepted + rejected}; blank lines and the header are not rows; a CSV record whose quoted
 * value spans several lines is one row. An empty file gives all zeros.
 *
 * <p>Every reject also goes to the reader's {@link ErrorSink}, which can keep all of them (for
 * example in a file) while this report stays bounded.
 *
 * @param source the file name
 * @param read the number of data rows read
 * @param accepted the number of rows that became records
 * @param rejected the number of rows rejected
 * @param errors the first {@value #MAX_ERRORS} errors, in file order
 * @param tallies the exact number of rejected rows per kind and column, summing to {@code
 *     rejected}, in order of first occurrence
 */
public record ReadReport(
    String source,
    long read,
    long accepted,
    long rejected,
    List<ReadError> errors,
    List<Tally> tallies) {

  /** The most errors a report keeps in memory; the counts are exact regardless. */
  public static final int MAX_ERRORS = 1000;

  /**
   * The number of rows rejected for one kind of reason in one column.
   *
   * @param kind the kind of reason
   * @param column the column at fault as named in the file, or null for the whole row
   * @param rows how many rows, at least 1
   */
  public record Tally(ReadError.Kind kind, String column, long rows) {
    /**
     * Validates the tally.
     *
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public Tally {
      Objects.requireNonNull(kind, "kind");
      if (rows < 1) {
        throw new IllegalArgumentException("rows must be at least 1, got " + rows);
      }
    }

    @Override
    public String toString() {
      return rows + " x " + kind.description() + (column == null ? "" : " in '" + column + "'");
    }
  }

  /**
   * Validates the counts and copies the lists.
   *
   * @throws IllegalArgumentException if {@code read != accepted + rejected}, a count is negative,
   *     or the tallies do not sum to {@code rejected}
   */
  public ReadReport {
    Objects.requireNonNull(source, "source");
    errors = List.copyOf(errors);
    tallies = List.copyOf(tallies);
    if (accepted < 0 || rejected < 0 || read != accepted + rejected) {
      throw new IllegalArgumentException(
          "counts must satisfy read = accepted + rejected >= 0, got read "
              + read
              + ", accepted "
              + accepted
              + ", rejected "
              + rejected);
    }
    long sum = 0;
    for (Tally t : tallies) {
      sum += t.rows();
    }
    if (sum != rejected) {
      throw new IllegalArgumentException(
          "tallies must sum to rejected = " + rejected + ", got " + sum);
    }
  }

  /**
   * Returns a report whose tallies are counted from {@code errors}, which must then hold every
   * reject.
   *
   * @throws IllegalArgumentException as the canonical constructor, and if {@code errors} does not
   *     hold every reject
   */
  public ReadReport(
      String source, long read, long accepted, long rejected, List<ReadError> errors) {
    this(source, read, accepted, rejected, errors, tally(errors));
  }

  /** Returns the tallies of {@code errors}, in order of first occurrence. */
  public static List<Tally> tally(List<ReadError> errors) {
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    for (ReadError e : errors) {
      counts.computeIfAbsent(java.util.Arrays.asList(e.kind(), e.column()), k -> new long[1])[0]++;
    }
    List<Tally> out = new ArrayList<>(counts.size());
    counts.forEach(
        (k, v) -> out.add(new Tally((ReadError.Kind) k.get(0), (String) k.get(1), v[0])));
    return out;
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
    if (!tallies.isEmpty()) {
      sb.append(' ').append(tallies);
    }
    if (!errors.isEmpty()) {
      sb.append("; first error: ").append(errors.get(0));
    }
    return sb.append(']').toString();
  }
}
