package org.cx4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A configured writer of one record type; obtain one from {@link CxWriters}. Immutable. Writes
 * UTF-8, LF line ends, the header (unless the format is headerless), then one row per record;
 * absent optional values are empty (CSV) or left out (JSON Lines). What it writes, the matching
 * {@link CxReader} reads back to equal records.
 *
 * <pre>{@code
 * CxWriters.transactions().format(CsvFormat.semicolon()).write(Path.of("tx.csv"), transactions);
 * }</pre>
 *
 * <p>Defaults: comma-separated with a header, default column names, ISO-8601 instants.
 *
 * @param <T> the record type
 */
public final class CxWriter<T> {

  private final RecordSchema<T> schema;
  private final CsvFormat format; // null: JSON Lines
  private final ColumnMapping mapping;
  private final TimestampFormat timestamps;
  private final List<String> attributeColumns;

  private CxWriter(
      RecordSchema<T> schema,
      CsvFormat format,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      List<String> attributeColumns) {
    this.schema = schema;
    this.format = format;
    this.mapping = mapping;
    this.timestamps = timestamps;
    this.attributeColumns = attributeColumns;
  }

  static <T> CxWriter<T> of(RecordSchema<T> schema) {
    return new CxWriter<>(
        schema, CsvFormat.comma(), ColumnMapping.defaults(), TimestampFormat.iso(), List.of());
  }

  /** Returns this writer for delimited files of {@code format}. */
  public CxWriter<T> format(CsvFormat format) {
    Objects.requireNonNull(format, "format");
    return new CxWriter<>(schema, format, mapping, timestamps, attributeColumns);
  }

  /** Returns this writer for JSON Lines: one flat object per line, every attribute included. */
  public CxWriter<T> jsonLines() {
    return new CxWriter<>(schema, null, mapping, timestamps, attributeColumns);
  }

  /** Returns this writer with the user's column names. */
  public CxWriter<T> mapping(ColumnMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return new CxWriter<>(schema, format, mapping, timestamps, attributeColumns);
  }

  /** Returns this writer writing timestamps (and signup dates) in {@code timestamps}. */
  public CxWriter<T> timestamps(TimestampFormat timestamps) {
    Objects.requireNonNull(timestamps, "timestamps");
    return new CxWriter<>(schema, format, mapping, timestamps, attributeColumns);
  }

  /**
   * Returns this writer adding the named attributes as CSV columns after the fields (a streaming
   * CSV writer must know its columns before the first record). JSON Lines always writes all.
   *
   * @throws IllegalStateException for survey responses and transactions, which have no attributes
   * @throws IllegalArgumentException if a name is blank or repeats
   */
  public CxWriter<T> attributeColumns(String... names) {
    if (!schema.hasAttributes()) {
      throw new IllegalStateException(schema.kind() + " records have no attributes");
    }
    CsvFormat.comma().withoutHeader(names); // the same checks as header names
    return new CxWriter<>(schema, format, mapping, timestamps, List.of(names));
  }

  /**
   * Opens {@code file} (created or truncated) for writing records one at a time.
   *
   * @throws UncheckedIOException if the file cannot be opened
   * @throws IllegalArgumentException if the mapping gives a field's default column name to another
   *     field and leaves the field without a column of its own
   */
  public RecordWriter<T> open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return open(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /**
   * Returns a record writer on {@code out}; closing it closes {@code out}.
   *
   * @param name the name errors use for the target
   * @throws UncheckedIOException if the header cannot be written
   * @throws IllegalArgumentException if the mapping gives a field's default column name to another
   *     field and leaves the field without a column of its own
   */
  public RecordWriter<T> open(Writer out, String name) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(name, "name");
    try {
      return new RecordWriter<>(out, name, schema, format, mapping, timestamps, attributeColumns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + name, e);
    }
  }

  /**
   * Writes {@code records} to {@code file} and returns how many were written.
   *
   * @throws UncheckedIOException on an I/O error
   */
  public long write(Path file, Iterable<? extends T> records) {
    Objects.requireNonNull(records, "records");
    try (RecordWriter<T> w = open(file)) {
      for (T r : records) {
        w.write(r);
      }
      return w.written();
    }
  }

  /**
   * Writes {@code records} to {@code out}, closes it, and returns how many were written.
   *
   * @throws UncheckedIOException on an I/O error
   */
  public long write(Writer out, Iterable<? extends T> records) {
    Objects.requireNonNull(records, "records");
    try (RecordWriter<T> w = open(out, "writer")) {
      for (T r : records) {
        w.write(r);
      }
      return w.written();
    }
  }

  @Override
  public String toString() {
    return "CxWriter["
        + schema.kind()
        + ", "
        + (format == null ? "JSON Lines" : format)
        + ", "
        + mapping
        + ", "
        + timestamps
        + "]";
  }
}
