package org.cx4j.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/**
 * A configured reader of one record type; obtain one from {@link CxReaders}. Immutable: every
 * setting returns a new reader, so a configured reader can be shared and reused.
 *
 * <pre>{@code
 * CxReader<SurveyResponse> reader =
 *     CxReaders.surveyResponses(Instrument.nps())
 *         .format(CsvFormat.semicolon())
 *         .mapping(ColumnMapping.of("customer_id", "respondent_id", "score", "nps_score",
 *                                   "timestamp", "created_at"))
 *         .timestamps(TimestampFormat.pattern("yyyyMMdd", ZoneId.of("Europe/Paris")))
 *         .lenient();
 * try (RecordStream<SurveyResponse> rows = reader.read(path)) {
 *   rows.forEachRemaining(accumulator::add);
 *   System.out.println(rows.report());
 * }
 * }</pre>
 *
 * <p>Defaults: comma-separated with a header, default column names, ISO-8601 timestamps with an
 * offset, strict mode, UTF-8 (a byte-order mark wins; see {@link #charset(Charset)}), and the size
 * limits of {@link ReadLimits#defaults()}.
 *
 * @param <T> the record type
 */
public final class CxReader<T> {

  private final RecordSchema<T> schema;
  private final CsvFormat format; // null: JSON Lines
  private final ColumnMapping mapping;
  private final TimestampFormat timestamps;
  private final boolean lenient;
  private final ErrorSink sink;
  private final boolean attributes;
  private final CustomerIdPool ids; // null: every row makes its own CustomerId
  private final Charset charset;
  private final ReadLimits limits;
  private final boolean splitAhead;

  private CxReader(Settings<T> s) {
    this.schema = s.schema;
    this.format = s.format;
    this.mapping = s.mapping;
    this.timestamps = s.timestamps;
    this.lenient = s.lenient;
    this.sink = s.sink;
    this.attributes = s.attributes;
    this.ids = s.ids;
    this.charset = s.charset;
    this.limits = s.limits;
    this.splitAhead = s.splitAhead;
  }

  /** A reader's settings, mutable: withers change them on a copy (see {@link #with}). */
  private static final class Settings<T> {
    RecordSchema<T> schema;
    CsvFormat format = CsvFormat.comma();
    ColumnMapping mapping = ColumnMapping.defaults();
    TimestampFormat timestamps = TimestampFormat.iso();
    boolean lenient;
    ErrorSink sink = ErrorSink.none();
    boolean attributes;
    CustomerIdPool ids;
    Charset charset = StandardCharsets.UTF_8;
    ReadLimits limits = ReadLimits.defaults();
    boolean splitAhead;

    Settings(RecordSchema<T> schema) {
      this.schema = schema;
    }

    Settings(CxReader<T> r) {
      schema = r.schema;
      format = r.format;
      mapping = r.mapping;
      timestamps = r.timestamps;
      lenient = r.lenient;
      sink = r.sink;
      attributes = r.attributes;
      ids = r.ids;
      charset = r.charset;
      limits = r.limits;
      splitAhead = r.splitAhead;
    }
  }

  /** Returns a reader with this one's settings as {@code change} leaves them. */
  private CxReader<T> with(Consumer<Settings<T>> change) {
    Settings<T> s = new Settings<>(this);
    change.accept(s);
    return new CxReader<>(s);
  }

  static <T> CxReader<T> of(RecordSchema<T> schema) {
    return new CxReader<>(new Settings<>(schema));
  }

  /** Returns this reader for delimited files of {@code format}. */
  public CxReader<T> format(CsvFormat format) {
    Objects.requireNonNull(format, "format");
    return with(s -> s.format = format);
  }

  /** Returns this reader for JSON Lines: one flat JSON object per line, keys as column names. */
  public CxReader<T> jsonLines() {
    return with(s -> s.format = null);
  }

  /** Returns this reader with the user's column names. */
  public CxReader<T> mapping(ColumnMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return with(s -> s.mapping = mapping);
  }

  /** Returns this reader with timestamps (and signup dates) in {@code timestamps}. */
  public CxReader<T> timestamps(TimestampFormat timestamps) {
    Objects.requireNonNull(timestamps, "timestamps");
    return with(s -> s.timestamps = timestamps);
  }

  /** Returns this reader in strict mode (the default): the first bad row throws. */
  public CxReader<T> strict() {
    return with(
        s -> {
          s.lenient = false;
          s.sink = ErrorSink.none();
        });
  }

  /**
   * Returns this reader in lenient mode: bad rows are skipped, counted and kept (the first {@value
   * ReadReport#MAX_ERRORS}) in the {@link ReadReport}.
   */
  public CxReader<T> lenient() {
    return lenient(ErrorSink.none());
  }

  /**
   * Returns this reader in lenient mode, passing every rejected row to {@code sink} as well, for
   * example {@link ErrorSink#toFile(Path)}.
   */
  public CxReader<T> lenient(ErrorSink sink) {
    Objects.requireNonNull(sink, "sink");
    return with(
        s -> {
          s.lenient = true;
          s.sink = sink;
        });
  }

  /**
   * Returns this reader resolving touchpoint ids through {@code catalog}; an id the catalog does
   * not know is built from inline channel and stage columns if the file has them, else the row is
   * rejected.
   *
   * @throws IllegalStateException for transactions and customers, which have no touchpoint
   */
  public CxReader<T> touchpoints(TouchpointCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return with(s -> s.schema = schema.withCatalog(catalog));
  }

  /**
   * Returns this reader keeping the columns that no field reads as the records' attributes (by
   * column name; empty values are left out).
   *
   * @throws IllegalStateException for survey responses and transactions, which have no attributes
   */
  public CxReader<T> extraColumnsAsAttributes() {
    if (!schema.hasAttributes()) {
      throw new IllegalStateException(schema.kind() + " records have no attributes");
    }
    return with(s -> s.attributes = true);
  }

  /**
   * Returns this reader giving every row's customer id the shared instance from {@code ids}: when
   * several files (interactions, responses, transactions, customers) of millions of rows name the
   * same customers, each customer's id is then held once in memory instead of once per row.
   *
   * @throws NullPointerException if {@code ids} is null
   */
  public CxReader<T> sharingIds(CustomerIdPool ids) {
    Objects.requireNonNull(ids, "ids");
    return with(s -> s.ids = ids);
  }

  /**
   * Returns this reader for files in {@code charset} (default UTF-8), for example {@code
   * Charset.forName("windows-1252")} for spreadsheet exports. A byte-order mark in the file wins:
   * UTF-8 ({@code EF BB BF}) and UTF-16 ({@code FE FF}, {@code FF FE}) marks are recognised and
   * dropped. Bytes not valid in the charset reject their record only (strict mode: an error naming
   * the line and byte offset).
   *
   * @throws NullPointerException if {@code charset} is null
   */
  public CxReader<T> charset(Charset charset) {
    Objects.requireNonNull(charset, "charset");
    return with(s -> s.charset = charset);
  }

  /**
   * Returns this reader cutting a delimited file into records on a thread of its own, ahead of the
   * thread that parses them (Jackson) and makes the records: for large files on a machine with a
   * core to spare, where it takes about a quarter of the reading thread's work off it. The records,
   * their order, line numbers, errors and counts are the same as without. The thread stops when the
   * stream ends or is closed. JSON Lines files are read as before.
   */
  public CxReader<T> splittingAhead() {
    return with(s -> s.splitAhead = true);
  }

  /**
   * Returns this reader with other size limits per record (default {@link ReadLimits#defaults()}: 1
   * MiB and 100 lines per record, 1 Mi characters per value).
   *
   * @throws NullPointerException if {@code limits} is null
   */
  public CxReader<T> limits(ReadLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return with(s -> s.limits = limits);
  }

  /** Returns the charset used when a file has no byte-order mark. */
  public Charset charset() {
    return charset;
  }

  /** Returns the size limits per record. */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Opens {@code file} and returns its records as a lazy stream; close it when done. The header is
   * read and checked now.
   *
   * @throws CxReadException for a file-level problem (empty file without header, duplicate column
   *     names, a missing column), in either mode
   * @throws UncheckedIOException if the file cannot be opened
   */
  public RecordStream<T> read(Path file) {
    Objects.requireNonNull(file, "file");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    return read(in, file.toString());
  }

  /**
   * Returns the records of the bytes of {@code in}, in this reader's charset (or as its byte-order
   * mark says), as a lazy stream; closing the stream closes {@code in}.
   *
   * @param name the name errors use for the source, such as a file name
   * @throws CxReadException for a file-level problem, in either mode
   * @throws UncheckedIOException if the header cannot be read
   */
  public RecordStream<T> read(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    InputDecoding d;
    try {
      d = InputDecoding.open(in, charset);
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return read(d, in, name);
  }

  /**
   * Returns the records of {@code reader} as a lazy stream; closing the stream closes the reader.
   *
   * @param name the name errors use for the source, such as a file name
   * @throws CxReadException for a file-level problem, in either mode
   * @throws UncheckedIOException if the header cannot be read
   */
  public RecordStream<T> read(Reader reader, String name) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(name, "name");
    InputDecoding d;
    try {
      d = InputDecoding.open(reader);
    } catch (IOException e) {
      closeQuietly(reader, e);
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return read(d, reader, name);
  }

  private RecordStream<T> read(InputDecoding d, Closeable in, String name) {
    RowSource source;
    try {
      source =
          format == null
              ? new JsonLinesRowSource(d, name, limits, mapping, timestamps, schema)
              : new CsvRowSource(d, name, format, limits, mapping, timestamps, schema, splitAhead);
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (ids != null) {
      source.row().shareIds(ids);
    }
    return new RecordStream<>(source, schema, name, lenient, sink, attributes);
  }

  /**
   * Reads {@code file} on {@code threads} threads and returns its records in batches, in file
   * order: for large delimited files on a machine with cores to spare. The file is cut into
   * sections of about 2 MiB at line ends; each thread reads whole sections and puts their records
   * into batches made by {@code batches} (4096 records each at most), on that thread, so work done
   * per record in {@link SectionedRead.Batches#add} is parallel too. The records, their order and
   * lines, the rejects passed to the error sink, the report and in strict mode the first error are
   * those of {@link #read(Path)}; see {@link SectionedRead} for how, and for the files read by one
   * thread (JSON Lines, transcoded charsets, small files).
   *
   * <pre>{@code
   * try (SectionedRead<List<Interaction>> read =
   *     CxReaders.interactions().lenient().readInSections(path, 4, SectionedRead.lists())) {
   *   for (List<Interaction> batch; (batch = read.take()) != null; ) {
   *     batch.forEach(log::add);
   *   }
   *   System.out.println(read.report());
   * }
   * }</pre>
   *
   * @param threads the reading threads, at least 1 (the caller's thread takes the batches)
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws CxReadException for a file-level problem (as {@link #read(Path)}), in either mode
   * @throws UncheckedIOException if the file cannot be opened
   */
  public <B> SectionedRead<B> readInSections(
      Path file, int threads, SectionedRead.Batches<T, B> batches) {
    return readInSections(file, threads, SectionedRead.SECTION_BYTES, batches, SectionedRead.BATCH);
  }

  /**
   * {@link #readInSections(Path, int, SectionedRead.Batches)} with sections of about {@code
   * sectionBytes} bytes instead of 2 MiB.
   *
   * @throws IllegalArgumentException if {@code threads < 1} or {@code sectionBytes < 1}
   */
  public <B> SectionedRead<B> readInSections(
      Path file, int threads, long sectionBytes, SectionedRead.Batches<T, B> batches) {
    return readInSections(file, threads, sectionBytes, batches, SectionedRead.BATCH);
  }

  /** With batches of at most {@code batch} records, for tests. */
  <B> SectionedRead<B> readInSections(
      Path file, int threads, long sectionBytes, SectionedRead.Batches<T, B> batches, int batch) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(batches, "batches");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (sectionBytes < 1) {
      throw new IllegalArgumentException("sectionBytes must be at least 1, got " + sectionBytes);
    }
    List<ReadError> firstErrors = new ArrayList<>();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    String name = file.toString();
    InputDecoding d;
    try {
      d = InputDecoding.open(in, charset);
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new UncheckedIOException("cannot read " + name, e);
    }
    boolean sectionable = format != null && !d.transcoded() && threads > 1;
    SectionedRead.Reading<T, B> r;
    try {
      r =
          new SectionedRead.Reading<>(
              file,
              name,
              this,
              sectionable,
              d.bomLength(),
              firstErrors,
              threads,
              sectionBytes,
              batch,
              batches,
              sink);
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new UncheckedIOException("cannot read " + name, e);
    }
    RowSource source;
    try {
      source =
          format == null
              ? new JsonLinesRowSource(d, name, limits, mapping, timestamps, schema)
              : new CsvRowSource(
                  d,
                  name,
                  format,
                  limits,
                  mapping,
                  timestamps,
                  schema,
                  splitAhead && threads == 1,
                  r.sections > 1 ? r::nextStop : null,
                  r.sections > 1 ? r.firstStop() : Long.MAX_VALUE);
    } catch (IOException e) {
      closeQuietly(in, e);
      r.close();
      throw new UncheckedIOException("cannot read " + name, e);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    if (ids != null) {
      source.row().shareIds(ids);
    }
    r.first(new RecordStream<>(source, schema, name, lenient, firstErrors::add, attributes, false));
    r.start();
    return new SectionedRead<>(r);
  }

  /**
   * The records of a later section of the file that {@code first} reads (see {@link CsvRowSource}),
   * its rejects going to {@code sink}.
   */
  RecordStream<T> readSection(
      CsvRowSource first,
      InputStream in,
      long offset,
      long line,
      long stop,
      java.util.function.LongUnaryOperator nextStop,
      ErrorSink sink) {
    CsvRowSource source;
    try {
      source =
          new CsvRowSource(first, in, offset, line, mapping, timestamps, schema, stop, nextStop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + first, e);
    }
    if (ids != null) {
      source.row().shareIds(ids);
    }
    return new RecordStream<>(source, schema, first.name(), lenient, sink, attributes, false);
  }

  /**
   * Reads every record of {@code file} into {@code action} and returns the report; the common case
   * in one call.
   *
   * @throws CxReadException for a file-level problem, or a bad row in strict mode
   * @throws UncheckedIOException if the file cannot be read
   */
  public ReadReport forEach(Path file, Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    try (RecordStream<T> records = read(file)) {
      records.forEachRemaining(action);
      return records.report();
    }
  }

  private static void closeQuietly(Closeable c, IOException e) {
    try {
      c.close();
    } catch (IOException suppressed) {
      e.addSuppressed(suppressed);
    }
  }

  @Override
  public String toString() {
    return "CxReader["
        + schema.kind()
        + ", "
        + (format == null ? "JSON Lines" : format)
        + ", "
        + mapping
        + ", "
        + timestamps
        + ", "
        + charset.name()
        + ", "
        + limits
        + ", "
        + (lenient ? "lenient" : "strict")
        + "]";
  }
}
