package org.cx4j.report.input;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.Segment;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.io.ColumnMapping;
import org.cx4j.core.io.CsvFormat;
import org.cx4j.core.io.CustomerIdPool;
import org.cx4j.core.io.CxReader;
import org.cx4j.core.io.CxReaders;
import org.cx4j.core.io.ErrorSink;
import org.cx4j.core.io.Field;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadLimits;
import org.cx4j.core.io.ReadReport;
import org.cx4j.core.io.RecordStream;
import org.cx4j.core.io.SectionedRead;
import org.cx4j.core.io.SeparatorDetector;
import org.cx4j.core.io.TimestampFormat;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.journey.log.InteractionBatch;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.UnknownTouchpoints;
import org.cx4j.report.concurrent.SecondThread;

/**
 * Reads a user's files into a {@link ReportInput}, streaming: interactions go straight into the
 * columnar {@link InteractionLog}, never into a list of objects.
 *
 * <p>Each file is CSV unless its name ends in {@code .jsonl}, {@code .ndjson} or {@code .json}
 * (JSON Lines). A CSV file's separator, unless given, is detected from its first lines by the rule
 * of {@link SeparatorDetector}; its header is then checked against the mapping before reading, and
 * a missing column is an {@link IllegalArgumentException} that lists the columns found and the
 * {@code --map} option that would work. Column names default to the field names ({@code
 * customer_id}, {@code timestamp}, ...) and can be mapped per kind. In strict mode (the default)
 * the first bad row stops the read with a {@link org.cx4j.core.io.CxReadException} naming the file,
 * line, column and value; in lenient mode bad rows are skipped, counted and kept in the {@link
 * ReadReport}s of the result.
 *
 * <pre>{@code
 * ReportInput in = InputLoader.builder()
 *     .file(DataKind.INTERACTIONS, Path.of("events.csv"))
 *     .file(DataKind.RESPONSES, Path.of("survey.csv"))
 *     .column(DataKind.RESPONSES, "score", "answer")
 *     .lenient(true)
 *     .build()
 *     .load();
 * }</pre>
 */
public final class InputLoader {

  /**
   * Threads that read the interactions file (in sections, {@link CxReader#readInSections}), besides
   * the one that adds them to the log: as many as there are cores. On two cores the two readers,
   * the log and the reading of the other files keep both busy; with one reader the report on 10 M
   * interactions took 9.1 s (median of 6, alternating in one JVM), with two 8.1 s.
   */
  private static final int READING_THREADS = Runtime.getRuntime().availableProcessors();

  /** The size of the sections read in parallel (2 MiB measured a little faster than 8). */
  private static final long SECTION_BYTES = 2 << 20;

  /** Interactions whose id table entries are read ahead together ({@code Builder.prefetch}). */
  private static final int PREFETCH = 256;

  /** Progress is reported every this many rows. */
  public static final long PROGRESS_EVERY = 1_000_000;

  private final Map<DataKind, Path> files;
  private final Map<DataKind, ColumnMapping> mappings;
  private final String separator;
  private final TimestampFormat timestamps;
  private final Map<DataKind, TimestampFormat> kindTimestamps;
  private final Map<DataKind, List<String>> headers;
  private final boolean lenient;
  private final String segmentBy;
  private final Segmentation segmentation;
  private final ProgressListener progress;
  private final Clock clock;
  private final Charset charset;
  private final ReadLimits limits;
  private final ErrorSink rejects;
  private final Consumer<List<SurveyResponse>> surveyRead;
  private final int readingThreads;
  private final long sectionBytes;

  private InputLoader(Builder b) {
    this.files = new EnumMap<>(b.files);
    this.mappings = new EnumMap<>(b.mappings);
    this.separator = b.separator;
    this.timestamps = b.timestamps;
    this.headers = new EnumMap<>(b.headers);
    this.kindTimestamps = new EnumMap<>(DataKind.class);
    b.formats.forEach(
        (kind, format) -> kindTimestamps.put(kind, ColumnOption.timestampFormat(format, b.zone)));
    this.lenient = b.lenient;
    this.segmentBy = b.segmentBy;
    this.segmentation = b.segmentation;
    this.progress = b.progress;
    this.clock = b.clock;
    this.charset = b.charset;
    this.limits = b.limits;
    this.rejects = b.rejects;
    this.surveyRead = b.surveyRead;
    this.readingThreads = b.readingThreads;
    this.sectionBytes = b.sectionBytes;
  }

  /**
   * Returns a builder with nothing to read, strict mode, the separator detected per file, ISO
   * timestamps.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every configured file.
   *
   * @return the input; parts without a file are empty
   * @throws org.cx4j.core.io.CxReadException in strict mode, at the first bad row
   * @throws IllegalArgumentException if a file does not exist
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public ReportInput load() {
    // Interactions, usually the largest file by far, are read on a second thread while this
    // one reads the others: two cores read two files at once.
    // Customers, responses and transactions are kept as records that name the same customers:
    // one id object per customer, not one per row. Interactions are not kept (the log encodes
    // them as columns and holds one id per customer itself), so they skip the pool's lookup. With
    // one such file only, there is nothing to share across files, and the pool's table of every
    // id (a cache miss per row, and its resizing) measured a quarter of reading 1 M responses.
    int keptFiles = 0;
    for (DataKind k : List.of(DataKind.CUSTOMERS, DataKind.RESPONSES, DataKind.TRANSACTIONS)) {
      keptFiles += files.containsKey(k) ? 1 : 0;
    }
    CustomerIdPool ids = keptFiles > 1 ? CustomerIdPool.create() : null;
    InteractionLog.Builder log =
        InteractionLog.builder().unknownTouchpoints(UnknownTouchpoints.REGISTER).clock(clock);
    Set<JourneyStage> seenStages = new LinkedHashSet<>();
    Path interactionsFile = files.get(DataKind.INTERACTIONS);
    try (SecondThread<ReadReport> interactions =
        interactionsFile == null
            ? null
            : SecondThread.start(
                "cx4j-read-interactions",
                () -> readInteractions(interactionsFile, log, seenStages))) {
      List<ReadReport> reads = new ArrayList<>();
      List<Customer> customers = new ArrayList<>();
      Path file = files.get(DataKind.CUSTOMERS);
      if (file != null) {
        reads.add(
            read(configure(CxReaders.customers(), DataKind.CUSTOMERS, ids), file, customers::add));
      }
      List<SurveyResponse> responses = new ArrayList<>();
      file = files.get(DataKind.RESPONSES);
      if (file != null) {
        reads.add(
            read(
                configure(CxReaders.surveyResponses(), DataKind.RESPONSES, ids),
                file,
                responses::add));
      }
      List<Transaction> transactions = new ArrayList<>();
      file = files.get(DataKind.TRANSACTIONS);
      if (file != null) {
        reads.add(
            read(
                configure(CxReaders.transactions(), DataKind.TRANSACTIONS, ids),
                file,
                transactions::add));
      }
      if (interactions != null && surveyRead != null) {
        // The other files are in while the interactions are still being read: work that needs
        // only the responses can use this thread meanwhile.
        surveyRead.accept(Collections.unmodifiableList(responses));
      }
      if (interactions != null) {
        // Reports in file order: customers, interactions, responses, transactions.
        reads.add(files.containsKey(DataKind.CUSTOMERS) ? 1 : 0, interactions.join());
      }
      String name = files.isEmpty() ? "no files" : describe();
      return new ReportInput(
          name,
          customers,
          segmentation(customers),
          stages(seenStages),
          log.build(),
          responses,
          transactions,
          reads);
    }
  }

  private String describe() {
    Set<String> names = new TreeSet<>();
    for (Path p : files.values()) {
      names.add(p.getFileName().toString());
    }
    return String.join(", ", names);
  }

  private <T> CxReader<T> configure(CxReader<T> reader, DataKind kind, CustomerIdPool ids) {
    if (ids != null) {
      reader = reader.sharingIds(ids);
    }
    Path file = files.get(kind);
    requireFile(file);
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    TimestampFormat ts = timestamps(kind);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      reader = reader.jsonLines();
    } else {
      CsvFormat format = separator != null ? csvFormat(separator) : SeparatorDetector.detect(file);
      List<String> header = headers.get(kind);
      if (header != null) {
        format = format.withoutHeader(header.toArray(new String[0]));
      }
      ColumnCheck.check(
          kind,
          file,
          format,
          separator == null,
          mappings.getOrDefault(kind, ColumnMapping.defaults()),
          ts,
          kindTimestamps.containsKey(kind));
      reader = reader.format(format);
    }
    ColumnMapping m = mappings.get(kind);
    if (m != null) {
      reader = reader.mapping(m);
    }
    reader = reader.timestamps(ts).charset(charset).limits(limits);
    if (kind == DataKind.CUSTOMERS) {
      reader = reader.extraColumnsAsAttributes();
    }
    return lenient ? reader.lenient(rejects) : reader.strict();
  }

  /**
   * Returns the timestamp format of one kind of file: its column's format, else the file-wide one.
   */
  private TimestampFormat timestamps(DataKind kind) {
    return kindTimestamps.getOrDefault(kind, timestamps);
  }

  /**
   * Returns the CSV format for a separator option: one character, {@code tab} or {@code
   * whitespace}.
   *
   * @throws IllegalArgumentException for anything else (the value is named)
   */
  public static CsvFormat csvFormat(String separator) {
    Objects.requireNonNull(separator, "separator");
    switch (separator.toLowerCase(Locale.ROOT)) {
      case "tab":
      case "\\t":
        return CsvFormat.tab();
      case "whitespace":
        return CsvFormat.whitespace();
      default:
        checkArgument(
            separator.length() == 1,
            "separator must be one character, 'tab' or 'whitespace', got '%s'",
            separator);
        return CsvFormat.separator(separator.charAt(0));
    }
  }

  private <T> ReadReport read(CxReader<T> reader, Path file, Consumer<T> sink) {
    requireFile(file);
    String name = file.toString();
    try (RecordStream<T> rows = reader.read(file)) {
      long n = 0;
      while (rows.hasNext()) {
        sink.accept(rows.next());
        if (++n % PROGRESS_EVERY == 0) {
          progress.progress(name, rows.report().read(), false);
        }
      }
      ReadReport r = rows.report();
      progress.progress(name, r.read(), true);
      return r;
    }
  }

  private ReadReport readInteractions(
      Path file, InteractionLog.Builder log, Set<JourneyStage> stages) {
    requireFile(file);
    CxReader<Interaction> reader = configure(CxReaders.interactions(), DataKind.INTERACTIONS, null);
    String name = file.toString();
    List<ReadError> late = new ArrayList<>();
    long lateCount = 0;
    ReadReport r;
    String timestampColumn =
        mappings
            .getOrDefault(DataKind.INTERACTIONS, ColumnMapping.defaults())
            .column(Field.TIMESTAMP);
    // Records are read on threads of their own, in sections of the file (SectionedRead), and
    // staged there (InteractionBatch): this thread adds them to the log (hash tables of customer
    // and journey ids) reading flat arrays, in file order, so errors and line numbers are as a
    // sequential read gives them.
    try (SectionedRead<StagedInteractions> batches =
        reader.readInSections(file, readingThreads, sectionBytes, StagedInteractions.BATCHES)) {
      long nextProgress = PROGRESS_EVERY;
      Set<JourneyStage> known = Collections.newSetFromMap(new IdentityHashMap<>());
      StagedInteractions b;
      while ((b = batches.take()) != null) {
        InteractionBatch staged = b.records();
        for (int k = 0; k < staged.size(); k++) {
          if (k % PREFETCH == 0) {
            log.prefetch(staged, k, Math.min(staged.size(), k + PREFETCH));
          }
          try {
            log.add(staged, k);
            JourneyStage stage = staged.touchpoint(k).stage();
            if (!known.contains(stage)) { // rows share stage objects: skip the set's hashing
              stages.add(stage);
              if (known.size() < 64) { // bounded, should stage objects not be shared
                known.add(stage);
              }
            }
          } catch (IllegalArgumentException e) {
            // The log refuses what a row-level reader cannot see (a timestamp in the future).
            Interaction i = staged.interaction(k);
            ReadError error =
                new ReadError(
                    name,
                    batches.line(k),
                    timestampColumn,
                    String.valueOf(i.timestamp()),
                    e.getMessage(),
                    ReadError.Kind.TIMESTAMP,
                    null);
            if (!lenient) {
              throw new org.cx4j.core.io.CxReadException(error);
            }
            lateCount++;
            rejects.accept(error);
            if (late.size() < ReadReport.MAX_ERRORS) {
              late.add(error);
            }
          }
        }
        if (batches.read() >= nextProgress) {
          progress.progress(name, batches.read(), false);
          nextProgress = (batches.read() / PROGRESS_EVERY + 1) * PROGRESS_EVERY;
        }
        if (Thread.currentThread().isInterrupted()) {
          // The other reader failed: stop instead of reading on in the background.
          throw new java.util.concurrent.CancellationException("reading " + name + " cancelled");
        }
      }
      r = batches.report();
    }
    progress.progress(name, r.read(), true);
    if (lateCount == 0) {
      return r;
    }
    // Merge in file order (both lists are), keeping the first MAX_ERRORS.
    List<ReadError> errors = new ArrayList<>(r.errors());
    errors.addAll(late);
    errors.sort(java.util.Comparator.comparingLong(ReadError::line));
    if (errors.size() > ReadReport.MAX_ERRORS) {
      errors = new ArrayList<>(errors.subList(0, ReadReport.MAX_ERRORS));
    }
    List<ReadReport.Tally> tallies = new ArrayList<>(r.tallies());
    ReadReport.Tally lateTally =
        new ReadReport.Tally(ReadError.Kind.TIMESTAMP, timestampColumn, lateCount);
    int same = -1;
    for (int k = 0; k < tallies.size(); k++) {
      ReadReport.Tally t = tallies.get(k);
      if (t.kind() == lateTally.kind() && java.util.Objects.equals(t.column(), timestampColumn)) {
        same = k;
      }
    }
    if (same >= 0) {
      tallies.set(
          same,
          new ReadReport.Tally(
              ReadError.Kind.TIMESTAMP, timestampColumn, tallies.get(same).rows() + lateCount));
    } else {
      tallies.add(lateTally);
    }
    return new ReadReport(
        r.source(), r.read(), r.accepted() - lateCount, r.rejected() + lateCount, errors, tallies);
  }

  private static void requireFile(Path file) {
    checkArgument(Files.isRegularFile(file), "input file %s does not exist or is not a file", file);
  }

  private Segmentation segmentation(List<Customer> customers) {
    if (segmentation != null) {
      return segmentation;
    }
    String attribute = segmentBy != null ? segmentBy : Customer.PLAN;
    // One segment per value of the attribute, in sorted order; customers without it fall back.
    Set<String> values = new TreeSet<>();
    for (Customer c : customers) {
      c.attribute(attribute).ifPresent(values::add);
    }
    if (values.isEmpty()) {
      checkArgument(
          segmentBy == null || customers.isEmpty(),
          "no customer has the attribute '%s' to segment by",
          segmentBy);
      return new Segmentation(List.of(), "all customers");
    }
    List<Segment> segments = new ArrayList<>();
    for (String v : values) {
      segments.add(Segment.of(v, SegmentRule.equals(attribute, v)));
    }
    return new Segmentation(segments, Segmentation.OTHER);
  }

  private static StageModel stages(Set<JourneyStage> seen) {
    List<JourneyStage> all = new ArrayList<>(StageModel.DEFAULT.stages());
    for (JourneyStage s : seen) {
      if (!all.contains(s)) {
        all.add(s);
      }
    }
    return new StageModel(all);
  }

  /** Configures an {@link InputLoader}. Not thread-safe. */
  public static final class Builder {
    private final Map<DataKind, Path> files = new EnumMap<>(DataKind.class);
    private final Map<DataKind, ColumnMapping> mappings = new EnumMap<>(DataKind.class);
    private final Map<DataKind, String> formats = new EnumMap<>(DataKind.class);
    private final Map<DataKind, List<String>> headers = new EnumMap<>(DataKind.class);
    private String separator;
    private TimestampFormat timestamps; // null: ISO-8601 in the zone
    private Object timestampsValue; // a config or option value, resolved with the zone at build
    private ZoneId zone = ZoneOffset.UTC;
    private boolean lenient;
    private String segmentBy;
    private Segmentation segmentation;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Charset charset = StandardCharsets.UTF_8;
    private ReadLimits limits = ReadLimits.defaults();
    private ErrorSink rejects = ErrorSink.none();
    private Consumer<List<SurveyResponse>> surveyRead;
    private int readingThreads = Math.max(1, READING_THREADS);
    private long sectionBytes = SECTION_BYTES;

    private Builder() {}

    /** Sets the threads and section size that read the interactions file; for tests. */
    Builder readingInSections(int threads, long sectionBytes) {
      this.readingThreads = threads;
      this.sectionBytes = sectionBytes;
      return this;
    }

    /**
     * Runs {@code task} on the loading thread with the survey responses read (unmodifiable, in file
     * order) as soon as every file but the interactions is read, while the interactions are still
     * being read on another thread: for work that needs only the responses (the report's text
     * analysis). Not called without an interactions file (there is nothing to overlap), nor when a
     * read fails first. What {@code task} throws ends the load.
     *
     * @throws NullPointerException if {@code task} is null
     */
    public Builder whileReadingInteractions(Consumer<List<SurveyResponse>> task) {
      this.surveyRead = Objects.requireNonNull(task, "task");
      return this;
    }

    /**
     * Sets the charset of files without a byte-order mark (default UTF-8), e.g. {@code
     * windows-1252} for spreadsheet exports.
     */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** Sets the size limits per record (default {@link ReadLimits#defaults()}). */
    public Builder limits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets where every rejected row goes in lenient mode, besides the bounded {@link ReadReport}s
     * (default: nowhere). It must be thread-safe: two files are read at once.
     */
    public Builder rejects(ErrorSink rejects) {
      this.rejects = Objects.requireNonNull(rejects, "rejects");
      return this;
    }

    /**
     * Sets the file of one kind (CSV, or JSON Lines when the name ends in {@code .jsonl}, {@code
     * .ndjson} or {@code .json}).
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder file(DataKind kind, Path file) {
      files.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Maps a field of one kind of file to a column of that file: {@code COLUMN}, or for {@code
     * timestamp} and {@code signup_date} {@code COLUMN:FORMAT} such as {@code date:yyyyMMdd} (see
     * {@link ColumnOption}).
     *
     * @param field the field's name, e.g. {@code customer_id} ({@link Field#of(String)})
     * @throws IllegalArgumentException if the field is unknown or not read from this kind of file,
     *     the column blank, or the format invalid
     */
    public Builder column(DataKind kind, String field, String column) {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(column, "column");
      checkArgument(!column.isBlank(), "column for %s.%s must not be blank", kind.key(), field);
      return column(ColumnOption.of(kind, Field.of(field), column));
    }

    /**
     * Applies one column mapping; its format, if any, becomes the timestamp format of that kind of
     * file.
     *
     * @throws IllegalArgumentException if the column is already mapped to another field
     */
    public Builder column(ColumnOption option) {
      Objects.requireNonNull(option, "option");
      ColumnMapping m = mappings.getOrDefault(option.kind(), ColumnMapping.defaults());
      mappings.put(option.kind(), m.map(option.field(), option.column()));
      if (option.format() != null) {
        formats.put(option.kind(), option.format());
      }
      return this;
    }

    /**
     * Declares that the CSV file of one kind has no header line, and names its columns in order
     * (the names that mappings refer to).
     *
     * @throws IllegalArgumentException if no name is given, a name is blank or repeats
     */
    public Builder header(DataKind kind, List<String> columns) {
      Objects.requireNonNull(kind, "kind");
      CsvFormat.comma().withoutHeader(columns.toArray(new String[0])); // validates
      headers.put(kind, List.copyOf(columns));
      return this;
    }

    /**
     * Sets the CSV separator: one character, {@code tab} or {@code whitespace}. Without one, each
     * CSV file's separator is detected from its first lines ({@link SeparatorDetector}).
     */
    public Builder separator(String separator) {
      csvFormat(separator); // validate now, with the option's value in the message
      this.separator = separator;
      return this;
    }

    /**
     * Sets how timestamps are written (default ISO-8601, where a value without an offset is in the
     * {@linkplain #zone(ZoneId) zone}).
     */
    public Builder timestamps(TimestampFormat timestamps) {
      this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
      this.timestampsValue = null;
      return this;
    }

    /**
     * Sets how timestamps are written from a config or option value ({@link
     * #timestampFormat(Object, ZoneId)}), read with the {@linkplain #zone(ZoneId) zone} at {@link
     * #build()}.
     *
     * @throws IllegalArgumentException if the value is not a timestamp format (named)
     */
    public Builder timestamps(Object value) {
      timestampFormat(value, zone); // validate now, with the value in the message
      this.timestampsValue = value;
      this.timestamps = null;
      return this;
    }

    /**
     * Sets the zone of timestamps written without an offset or zone (default UTC), for the default
     * ISO format, patterns and column formats without {@code @ZONE}; a value with one ({@code Z},
     * {@code +01:00}) keeps its own.
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets lenient mode: bad rows are skipped and reported instead of stopping the read. */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /** Segments customers by the values of one attribute (default {@code plan}). */
    public Builder segmentBy(String attribute) {
      Objects.requireNonNull(attribute, "attribute");
      checkArgument(!attribute.isBlank(), "segment attribute must not be blank");
      this.segmentBy = attribute.trim();
      return this;
    }

    /** Segments customers by explicit rules; overrides {@link #segmentBy(String)}. */
    public Builder segmentation(Segmentation segmentation) {
      this.segmentation = Objects.requireNonNull(segmentation, "segmentation");
      return this;
    }

    /** Sets the listener told of progress on large files. */
    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** Sets the clock whose "now" bounds interaction timestamps (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Applies a config file's settings; call before the command-line options so they win.
     *
     * @throws IllegalArgumentException if a setting is invalid (named in the message)
     */
    public Builder config(ReportConfig config) {
      Objects.requireNonNull(config, "config");
      if (config.separator() != null) {
        separator(config.separator());
      }
      if (config.timestamps() != null) {
        timestamps((Object) config.timestamps());
      }
      apply(DataKind.INTERACTIONS, config.interactions());
      apply(DataKind.RESPONSES, config.responses());
      apply(DataKind.TRANSACTIONS, config.transactions());
      apply(DataKind.CUSTOMERS, config.customers());
      if (config.segmentBy() != null) {
        segmentBy(config.segmentBy());
      }
      if (config.segmentation() != null) {
        segmentation(config.segmentation());
      }
      return this;
    }

    private void apply(DataKind kind, ReportConfig.FileConfig f) {
      if (f == null) {
        return;
      }
      if (f.file() != null) {
        file(kind, Path.of(f.file()));
      }
      if (f.columns() != null) {
        f.columns().forEach((field, column) -> column(kind, field, column));
      }
      if (f.header() != null) {
        header(kind, f.header());
      }
    }

    /**
     * Returns the loader.
     *
     * @throws IllegalArgumentException if a column format names an unknown zone
     */
    public InputLoader build() {
      if (timestampsValue != null) {
        timestamps = timestampFormat(timestampsValue, zone);
      } else if (timestamps == null) {
        timestamps = TimestampFormat.iso(zone);
      }
      return new InputLoader(this);
    }
  }

  /**
   * Returns the timestamp format of a config or option value: {@code "iso"}, {@code
   * "epoch-millis"}, a pattern string {@code "yyyy-MM-dd HH:mm@Europe/Paris"}, or a map with {@code
   * pattern} and {@code zone}.
   *
   * @throws IllegalArgumentException if the value is none of these (the value is named)
   */
  public static TimestampFormat timestampFormat(Object value) {
    return timestampFormat(value, ZoneOffset.UTC);
  }

  /**
   * Returns the timestamp format of a config or option value: {@code "iso"}, {@code
   * "epoch-millis"}, a pattern {@code "yyyy-MM-dd HH:mm"} with an optional {@code "@ZONE"}, or a
   * map with {@code pattern} and an optional {@code zone}. Values written without an offset are
   * read in the given zone, or {@code defaultZone} when none is given; a value with an offset
   * ({@code Z}, {@code +01:00}, read by ISO or by pattern letters such as {@code XXX}) keeps it.
   *
   * @throws IllegalArgumentException if the value is none of these (the value is named)
   */
  public static TimestampFormat timestampFormat(Object value, ZoneId defaultZone) {
    if (value instanceof String s) {
      String t = s.trim();
      if (t.equalsIgnoreCase("iso")) {
        return TimestampFormat.iso(defaultZone);
      }
      if (t.equalsIgnoreCase("epoch-millis")) {
        return TimestampFormat.epochMillis();
      }
      checkArgument(
          !t.isEmpty(),
          "timestamps must be 'iso', 'epoch-millis' or a pattern such as 'yyyyMMdd', got '%s'",
          s);
      int at = t.lastIndexOf('@');
      if (at < 0) {
        return TimestampFormat.pattern(t, defaultZone);
      }
      checkArgument(
          at > 0, "timestamps must be 'iso', 'epoch-millis' or 'PATTERN@ZONE', got '%s'", s);
      return TimestampFormat.pattern(t.substring(0, at), zone(t.substring(at + 1)));
    }
    if (value instanceof Map<?, ?> m) {
      Object pattern = m.get("pattern");
      Object zone = m.containsKey("zone") ? m.get("zone") : defaultZone.getId();
      checkArgument(
          pattern instanceof String
              && zone instanceof String
              && m.keySet().stream().allMatch(k -> k.equals("pattern") || k.equals("zone")),
          "timestamps object must have 'pattern' and optionally 'zone', got %s",
          m);
      return TimestampFormat.pattern((String) pattern, zone((String) zone));
    }
    throw new IllegalArgumentException(
        "timestamps must be 'iso', 'epoch-millis' or {pattern, zone}, got " + value);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.trim());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + id + "'", e);
    }
  }

  @Override
  public String toString() {
    return "InputLoader[" + files + (lenient ? ", lenient" : ", strict") + "]";
  }
}
