package org.cx4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records of one file, read lazily one row at a time: memory stays constant however long the
 * file. Iterate it, or {@link #stream()} it, inside try-with-resources; {@link #report()} gives the
 * counts so far (final once the iteration ends).
 *
 * <p>In strict mode the first bad row throws a {@link CxReadException}; in lenient mode it is
 * skipped, counted (exactly, per kind and column), kept in the report (the first {@value
 * ReadReport#MAX_ERRORS}) and passed to the error sink, and reading goes on: a quote never closed,
 * a line over the size limits ({@link ReadLimits}) or bytes not valid in the file's charset reject
 * their own line only. Not thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordStream<T> implements Iterator<T>, AutoCloseable {

  /** The most distinct (kind, column) tallies kept; further columns are counted together. */
  static final int MAX_TALLIES = 256;

  /** The column name of the tally that counts columns past {@link #MAX_TALLIES}. */
  static final String OTHER_COLUMNS = "(other columns)";

  private final RowSource source;
  private final RecordSchema<T> schema;
  private final String name;
  private final boolean lenient;
  private final ErrorSink sink;
  private final boolean attributes;
  private final boolean capTallies;
  private LongSupplier lineOffset; // null: the source's lines are the file's
  private final List<ReadError> errors = new ArrayList<>();
  private final Map<List<Object>, long[]> tallies = new LinkedHashMap<>();
  private long read;
  private long accepted;
  private long rejected;
  private T next;
  private long nextLine;
  private long lastLine;
  private boolean done;
  private boolean closed;

  RecordStream(
      RowSource source,
      RecordSchema<T> schema,
      String name,
      boolean lenient,
      ErrorSink sink,
      boolean attributes) {
    this(source, schema, name, lenient, sink, attributes, true);
  }

  /**
   * @param capTallies whether tallies past {@link #MAX_TALLIES} are counted together (false for a
   *     section of a file, whose tallies are capped when the sections' reports are merged)
   */
  RecordStream(
      RowSource source,
      RecordSchema<T> schema,
      String name,
      boolean lenient,
      ErrorSink sink,
      boolean attributes,
      boolean capTallies) {
    this.capTallies = capTallies;
    this.source = source;
    this.schema = schema;
    this.name = name;
    this.lenient = lenient;
    this.sink = sink;
    this.attributes = attributes;
  }

  /**
   * Returns whether another record follows, reading ahead past rejected rows.
   *
   * @throws CxReadException in strict mode, at the first bad row
   * @throws UncheckedIOException if the file cannot be read
   */
  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      advance();
    }
    return next != null;
  }

  /**
   * Returns the next record.
   *
   * @throws NoSuchElementException if there is none
   * @throws CxReadException in strict mode, at the first bad row
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + name);
    }
    T r = next;
    next = null;
    lastLine = nextLine;
    return r;
  }

  private void advance() {
    try {
      if (!source.next()) {
        done = true;
        close();
        return;
      }
    } catch (RowError e) {
      read++;
      if (e.fatal) {
        done = true;
      }
      reject(e, source.line());
      if (done) {
        close();
      }
      return;
    } catch (IOException e) {
      done = true;
      closeQuietly();
      throw new UncheckedIOException(
          "cannot read " + name + " after line " + (source.line() + lineOffset()), e);
    }
    read++;
    Row row = source.row();
    try {
      Map<String, String> attrs = null;
      if (attributes) {
        attrs = new HashMap<>();
        row.extras(attrs);
        // Attribute values repeat (device=app, payment=declined): share one copy of each.
        attrs.replaceAll((k, v) -> row.shared(v));
      }
      next = schema.parse(row, attrs);
      nextLine = source.line();
      accepted++;
    } catch (RowError e) {
      reject(e, source.line());
    } catch (IllegalArgumentException | NullPointerException e) {
      // a domain record's own validation, e.g. a customer attribute named like a record field
      reject(
          new RowError(null, null, String.valueOf(e.getMessage()), ReadError.Kind.INVALID),
          source.line());
    }
  }

  private void reject(RowError e, long currentLine) {
    rejected++;
    long offset = lineOffset();
    ReadError error =
        new ReadError(
            name,
            (e.line != 0 ? e.line : currentLine) + offset,
            e.column,
            e.value,
            e.reason(offset),
            e.kind,
            source.text());
    String column = e.column;
    if (capTallies
        && tallies.size() >= MAX_TALLIES
        && !tallies.containsKey(Arrays.asList(e.kind, column))) {
      column = OTHER_COLUMNS; // hostile files name endless columns: keep the tallies bounded
    }
    tallies.computeIfAbsent(Arrays.asList(e.kind, column), k -> new long[1])[0]++;
    if (!lenient) {
      done = true;
      closeQuietly();
      throw new CxReadException(error);
    }
    if (errors.size() < ReadReport.MAX_ERRORS) {
      errors.add(error);
    }
    sink.accept(error);
  }

  /**
   * Returns the physical line (1-based) where the record last returned by {@link #next()} starts,
   * or 0 before the first; for callers that reject a record later and must say where it was.
   */
  public long line() {
    return lastLine;
  }

  /**
   * Counts lines from a later start: for a section of a file whose lines the source counts from 1,
   * {@code offset} gives what to add to them (the section's first line minus one). It is asked for
   * only when a row is rejected, and may wait until the lines before the section are counted.
   */
  void lineOffset(LongSupplier offset) {
    this.lineOffset = offset;
  }

  private long lineOffset() {
    return lineOffset == null ? 0 : lineOffset.getAsLong();
  }

  /** Returns the rows read so far, accepted and rejected. */
  long readCount() {
    return read;
  }

  /** Returns the rows' source. */
  RowSource source() {
    return source;
  }

  /** Returns the counts and first errors so far; final once {@link #hasNext()} returned false. */
  public ReadReport report() {
    List<ReadReport.Tally> t = new ArrayList<>(tallies.size());
    tallies.forEach(
        (k, v) -> t.add(new ReadReport.Tally((ReadError.Kind) k.get(0), (String) k.get(1), v[0])));
    return new ReadReport(name, read, accepted, rejected, errors, t);
  }

  /**
   * Returns the remaining records as a sequential stream that closes this on {@link
   * Stream#close()}.
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Closes the file. Idempotent. @throws UncheckedIOException on an I/O error */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        source.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + name, e);
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (UncheckedIOException ignored) {
      // the read error is the one to report
    }
  }

  @Override
  public String toString() {
    return "RecordStream[" + schema.kind() + " records of " + name + ", " + report() + "]";
  }
}
