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
import org.cx4j.report.table.TableWriter;

/**
 * Every rejected row of a report's reads, written as it happens to a CSV file ({@code
 * source,line,column,kind,value,reason,raw}) so that the report's {@code tables/rejected_rows.csv}
 * holds all of them however many there are, in constant memory. Sources are written as file names
 * only; text cells are made safe to open in a spreadsheet ({@link TableWriter#neutralise(String)}).
 *
 * <p>Thread-safe: the report reads interactions on a second thread. Close it when reading is done.
 */
public final class RejectSpool implements ErrorSink, AutoCloseable {

  /** The header of the rejected-rows table. */
  public static final String[] COLUMNS = {
    "source", "line", "column", "kind", "value", "reason", "raw"
  };

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
      // Never null: Jackson's CSV writer would skip a null cell and shift the rest left.
      out.write(
          new String[] {
            cell(ReportInput.fileName(e.source())),
            Long.toString(e.line()),
            cell(e.column()),
            e.kind().name().toLowerCase(java.util.Locale.ROOT),
            cell(e.value()),
            cell(e.reason()),
            cell(e.excerpt())
          });
      written++;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the rejected-rows file " + file, ex);
    }
  }

  private static String cell(String text) {
    return text == null ? "" : TableWriter.neutralise(text);
  }

  /** Returns the number of rejects written. */
  public synchronized long written() {
    return written;
  }

  /** Returns the file. */
  public Path file() {
    return file;
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
