package org.cx4j.core.io;

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

/**
 * An {@link ErrorSink} that writes every error as a CSV row ({@code
 * source,line,column,value,reason}) through Jackson, so nothing is dropped and memory stays
 * constant. Not thread-safe. Close it when the reading is done.
 */
public final class FileErrorSink implements ErrorSink, AutoCloseable {

  private static final CsvMapper CSV = new CsvMapper();

  private final Path file;
  private final SequenceWriter out;
  private long written;

  FileErrorSink(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    try {
      BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(w);
      out.write(new String[] {"source", "line", "column", "value", "reason"});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open error file " + file, e);
    }
  }

  @Override
  public void accept(ReadError e) {
    try {
      out.write(
          new String[] {
            e.source(),
            Long.toString(e.line()),
            e.column() == null ? "" : e.column(),
            e.value() == null ? "" : e.value(),
            e.reason()
          });
      written++;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write to error file " + file, ex);
    }
  }

  /** Returns the number of errors written so far. */
  public long written() {
    return written;
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /** Flushes and closes the file. @throws UncheckedIOException on an I/O error */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close error file " + file, e);
    }
  }

  @Override
  public String toString() {
    return "FileErrorSink[" + file + ", " + written + " errors]";
  }
}
