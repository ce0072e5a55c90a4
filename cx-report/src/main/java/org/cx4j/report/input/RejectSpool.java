package org.cx4j.report.input;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.cx4j.core.io.ErrorSink;
import org.cx4j.core.io.ReadError;
import org.cx4j.report.table.CellSafety;

/**
 * Every rejected row of a report's reads, written as it happens to a CSV file ({@code
 * file,line,column,kind,value,reason,raw}) so that the report's {@code tables/rejected_rows.csv}
 * holds all of them however many there are, in constant memory. Sources are written as file
 * names only; text cells are made safe to open in a spreadsheet ({@link CellSafety}).
 *
 * <p>Thread-safe: the report reads interactions on a second thread. Close it when reading is done.
 */
public final class RejectSpool implements ErrorSink, AutoCloseable {

  /** The header of the rejected-rows table. */
  public static final String[] COLUMNS = {"file", "line", "column", "kind", "value", "reason", "raw"};

  private static final CsvMapper CSV = new CsvMapper();

  private final Path file;
  private final SequenceWriter out;
  private long written;
  private boolean closed;

  /**
   * Creates (or truncates) {@code file} and writes the header.
   *
   * @throws UncheckedIOException if the file cannot be created
   */
  public RejectSpool(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    try {
      BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(w);
      out.write(COLUMNS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the rejected-rows file " + file, e);
    }
  }

  @Override
  public synchronized void accept(ReadError e) {
    if (closed) {
      return;
    }
    try {
      out.write(new String[] {
        CellSafety.text(fileName(e.source())),
        Long.toString(e.line()),
        CellSafety.text(e.column()),
        e.kind().name().toLowerCase(java.util.Locale.ROOT),
        CellSafety.text(e.value()),
        CellSafety.text(e.reason()),
        CellSafety.text(e.excerpt())
      });
      written++;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the rejected-rows file " + file, ex);
    }
  }

  /** Returns the number of rejects written. */
  public synchronized long written() {
    return written;
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /** Returns the last part of a path-like source name: {@code /home/ana/events.csv} reads {@code events.csv}. */
  public static String fileName(String source) {
    if (source == null) {
      return null;
    }
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  /** Flushes and closes the file. Idempotent. @throws UncheckedIOException on an I/O error */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the rejected-rows file " + file, e);
    }
  }

  @Override
  public String toString() {
    return "RejectSpool[" + file.getFileName() + ", " + written() + " rejects]";
  }
}
