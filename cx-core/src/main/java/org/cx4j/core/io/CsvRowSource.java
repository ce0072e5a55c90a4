package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.base.Throwables;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongUnaryOperator;

/**
 * Rows of a delimited file, in two stages so that one bad line never takes the rest of the file
 * with it: {@link RecordSplitter} cuts the bytes into records (quote-aware, with size and line
 * limits) and {@link InputDecoding} decodes each one; the good records are then handed to one
 * Jackson CSV parser ({@code WRAP_AS_ARRAY}, rows as arrays of strings), which parses their values.
 * Records the splitter or decoder refused are rejects that keep their place in file order.
 *
 * <p>Every record handed to Jackson is complete under Jackson's own quoting rules, so its rows are
 * the records one for one; the line each row starts on (in the text handed over) is checked against
 * its record's, so a disagreement could never shift rows silently. Should Jackson still refuse a
 * record, that record is rejected and a new parser takes up the records after it.
 */
final class CsvRowSource implements RowSource {

  /** Jackson's own string limit is lifted: the splitter and the field limit bound sizes here. */
  private static final CsvFactory CSV =
      CsvFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private final String name;
  private CsvFormat format; // final but for an Excel sep= line, read before the header
  private final ReadLimits limits;
  private final InputDecoding decoding;
  private final RecordSplitter splitter;
  private final ItemQueue queue = new ItemQueue();
  private final String[] header;
  private final int[] index = new int[Field.values().length]; // header position per field, or -1
  private final boolean[] extra; // header columns that no field reads
  private final CsvRow row;
  private long headerLine;
  private Runnable stopAfterNext; // sets a section's end once the record being split is done

  private CsvParser parser;
  private Feed feed;
  private boolean splitterDone;
  private boolean parserDone;
  private boolean rowPending; // a row parsed by Jackson whose item is still in the queue
  private long rowFeedLine;
  private String[] values = new String[16];
  private int width;
  private Item current;
  private SplitAhead ahead; // cuts records on a thread of its own, when asked to
  private final boolean inPlace; // ASCII records are kept as places in the splitter's buffer

  CsvRowSource(
      InputDecoding decoding,
      String name,
      CsvFormat format,
      ReadLimits limits,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      RecordSchema<?> schema,
      boolean splitAhead)
      throws IOException {
    this(decoding, name, format, limits, mapping, timestamps, schema, splitAhead, null, 0);
  }

  /**
   * Rows of a file, or of its first section when {@code nextStop} is not null: then the rows end at
   * the first record after the header that starts at offset {@code stop} (see {@link
   * RecordSplitter#stopAt}).
   */
  CsvRowSource(
      InputDecoding decoding,
      String name,
      CsvFormat format,
      ReadLimits limits,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      RecordSchema<?> schema,
      boolean splitAhead,
      LongUnaryOperator nextStop,
      long stop)
      throws IOException {
    this.name = name;
    this.format = format;
    this.limits = limits;
    this.decoding = decoding;
    this.splitter =
        new RecordSplitter(
            decoding.bytes(),
            format.separatorChar(),
            format.isWhitespace(),
            true,
            limits.maxRecordBytes(),
            limits.maxRecordLines());
    // ASCII records stay places in the splitter's buffer until their text is needed, and are
    // copied out only when the buffer's bytes move: no string per record. Not with a splitting
    // thread, whose records outlive the buffer's moves on another thread.
    this.inPlace = !splitAhead;
    if (inPlace) {
      splitter.beforeMove(this::copyOutLiveRecords);
    }
    boolean sepLine = false;
    if (format.hasHeader()) {
      splitter.expectFieldsOfFirstRecord();
      sepLine = excelSeparatorLine();
    } else {
      splitter.expectFields(format.columns().size());
    }
    if (nextStop != null) {
      // A section's end is for the rows: set once the header is split (after a sep= line, by the
      // next record; else it is split or, without a header, not in the file).
      if (sepLine) {
        stopAfterNext = () -> splitter.stopAt(stop, nextStop);
      } else {
        splitter.stopAt(stop, nextStop);
      }
    }
    startParser(0);
    if (format.hasHeader()) {
      boolean any;
      try {
        any = nextRecord();
      } catch (RowError e) {
        throw fileError(
            current == null ? 0 : current.line, null, e.getMessage() + " (in the header)");
      }
      if (!any) {
        throw fileError(0, null, "empty file: expected a header line");
      }
      header = new String[width];
      for (int i = 0; i < width; i++) {
        header[i] = values[i].strip();
      }
    } else {
      header = format.columns().toArray(new String[0]);
    }
    headerLine = format.hasHeader() ? current.line : 0;
    row = new CsvRow(mapping, timestamps);
    extra = new boolean[header.length];
    resolve(mapping, schema, headerLine);
    if (splitAhead) {
      ahead = new SplitAhead();
    }
  }

  /**
   * Rows of a later section of the file that {@code first} reads: {@code bytes} continue it from
   * offset {@code offset} (of the bytes after any byte-order mark), where physical line {@code
   * line} starts, and the section ends at the first record that starts at {@code stop}. The header,
   * the separator (an Excel {@code sep=} line's) and the header's width are {@code first}'s, so the
   * records, lines, offsets and errors are those a read of the whole file gives.
   */
  CsvRowSource(
      CsvRowSource first,
      InputStream bytes,
      long offset,
      long line,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      RecordSchema<?> schema,
      long stop,
      LongUnaryOperator nextStop)
      throws IOException {
    this.name = first.name;
    this.format = first.format;
    this.limits = first.limits;
    this.decoding = first.decoding.continuing(bytes);
    this.splitter =
        new RecordSplitter(
            bytes,
            format.separatorChar(),
            format.isWhitespace(),
            true,
            limits.maxRecordBytes(),
            limits.maxRecordLines());
    splitter.expectFields(first.splitter.expectedFields());
    splitter.startAt(offset, line);
    splitter.stopAt(stop, nextStop);
    this.inPlace = true;
    splitter.beforeMove(this::copyOutLiveRecords);
    startParser(0);
    header = first.header.clone();
    row = new CsvRow(mapping, timestamps);
    extra = new boolean[header.length];
    resolve(mapping, schema, first.headerLine);
  }

  /** Returns the name errors use for the source. */
  String name() {
    return name;
  }

  /** Returns whether the rows ended at the section's stop, not at the end of the input. */
  boolean stopped() {
    return splitter.stopped();
  }

  /** Returns the physical lines the records read so far span, with the line ends after them. */
  long linesRead() {
    return splitter.linesRead();
  }

  /** Returns where the next record would start: the end of what was read. */
  long position() {
    return splitter.position();
  }

  private void resolve(ColumnMapping mapping, RecordSchema<?> schema, long headerLine) {
    Map<String, Integer> positions = new HashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (int i = 0; i < header.length; i++) {
      if (positions.putIfAbsent(header[i], i) != null) {
        duplicates.add(header[i]);
      }
    }
    if (!duplicates.isEmpty()) {
      throw fileError(
          headerLine,
          String.join(", ", duplicates),
          "duplicate column names " + duplicates + " in header " + Arrays.toString(header));
    }
    Arrays.fill(index, -1);
    Set<Field> present = EnumSet.noneOf(Field.class);
    List<String> missing = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    for (Field f : schema.fields()) {
      if (mapping.isShadowed(f)) {
        continue; // its default column belongs to another field
      }
      String column = mapping.column(f);
      mapped.add(column);
      Integer i = positions.get(column);
      if (i != null) {
        index[f.ordinal()] = i;
        present.add(f);
      } else if (schema.required(f) || mapping.isExplicit(f)) {
        missing.add("'" + column + "'" + (column.equals(f.defaultName()) ? "" : " (" + f + ")"));
      }
    }
    if (!missing.isEmpty()) {
      throw fileError(
          headerLine,
          null,
          "missing column"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + " for "
              + schema.kind()
              + " records; the header has "
              + Arrays.toString(header)
              + separatorHint());
    }
    String problem = schema.checkColumns(present);
    if (problem != null) {
      throw fileError(headerLine, null, problem + "; the header has " + Arrays.toString(header));
    }
    for (int i = 0; i < header.length; i++) {
      extra[i] = !mapped.contains(header[i]);
    }
  }

  /**
   * Reads an Excel separator line ({@code sep=;}, which Excel writes and reads before the header of
   * CSV files in locales that use another separator): when the file starts with one, its separator
   * is used for the rest of the file and the line is not the header.
   */
  private boolean excelSeparatorLine() throws IOException {
    splitter.expectFields(1); // the sep= line is one value; the header sets the real width
    if (!pull()) {
      return false;
    }
    Item first = queue.get(0);
    Character sep = first.error == null ? SeparatorDetector.excelSeparator(first.text()) : null;
    if (sep == null) {
      splitter.expectFields(first.error == null ? splitter.lastFields() : 0); // the header's
      return false;
    }
    queue.poll(); // not a row: it says how the rows are written
    format = sep == '\t' ? CsvFormat.tab() : CsvFormat.separator(sep);
    splitter.separator(sep);
    splitter.expectFields(0);
    splitter.expectFieldsOfFirstRecord();
    return true;
  }

  /** A hint when a one-column header holds another common separator. */
  private String separatorHint() {
    if (header.length != 1 || format.isWhitespace()) {
      return "";
    }
    String h = header[0];
    for (String[] s :
        new String[][] {{";", "semicolon"}, {"\t", "tab"}, {",", "comma"}, {"|", "'|'"}}) {
      if (s[0].charAt(0) != format.separatorChar() && h.contains(s[0])) {
        return " (one column only: is the file " + s[1] + "-separated?)";
      }
    }
    if (h.strip().contains(" ")) {
      return " (one column only: is the file whitespace-separated?)";
    }
    return "";
  }

  private CxReadException fileError(long atLine, String value, String reason) {
    try {
      close();
    } catch (IOException ignored) {
      // the file-level error is the one to report
    }
    return new CxReadException(
        new ReadError(name, atLine, null, value, reason, ReadError.Kind.MALFORMED, null));
  }

  // ---- the pipeline: splitter -> queue -> Jackson -------------------------------------------

  /** Starts a Jackson parser on the queued records from queue position {@code from}. */
  private void startParser(int from) throws IOException {
    feed = new Feed(from);
    Reader r = format.isWhitespace() ? new WhitespaceSeparatedReader(feed) : feed;
    parser = (CsvParser) CSV.createParser(r);
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(format.separatorChar()));
    parserDone = false;
    JsonToken t = parser.nextToken(); // the array that wraps all rows
    if (t != JsonToken.START_ARRAY) {
      parserDone = true;
    }
  }

  /**
   * Reads the next item from the splitter into the queue, skipping blank lines.
   *
   * @return false at the end of the input
   */
  private boolean pull() throws IOException {
    Item item = ahead != null ? ahead.next() : splitOne();
    if (item == null) {
      return false;
    }
    queue.add(item);
    return true;
  }

  /**
   * Cuts and decodes the next record, skipping blank lines; on the splitting thread when there is
   * one.
   *
   * @return the record, or null at the end of the input
   */
  private Item splitOne() throws IOException {
    while (true) {
      if (splitterDone || !splitter.next()) {
        splitterDone = true;
        return null;
      }
      RecordSplitter.Problem p = splitter.problem();
      if (p == null && splitter.blank()) {
        continue;
      }
      if (stopAfterNext != null) {
        stopAfterNext.run();
        stopAfterNext = null;
      }
      Item item = new Item(splitter.line(), splitter.lines());
      if (p != null && p != RecordSplitter.Problem.TEXT_AFTER_QUOTE) {
        item.text = lenientText();
        item.error = problem(p);
      } else if (p == null && inPlace && splitter.ascii()) {
        // Nothing to decode: its text is its bytes, read in place (decode() would make a
        // Latin-1 string of the same bytes).
        item.bytes = splitter.buffer();
        item.from = splitter.start();
        item.length = splitter.end() - item.from;
      } else {
        try {
          item.text = decoding.decode(splitter);
          if (p == RecordSplitter.Problem.TEXT_AFTER_QUOTE) {
            item.error = textAfterQuote(item.text);
          }
        } catch (RowError e) {
          item.text = lenientText();
          item.error = e;
        }
      }
      return item;
    }
  }

  /**
   * The splitter and decoder on a thread of their own, handing records over in batches, in file
   * order; what they throw is thrown by {@link #next()} after the records before it.
   */
  private final class SplitAhead {
    private static final int BATCH = 512;
    private final Item[] end = new Item[0];
    private final BlockingQueue<Item[]> batches = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile Throwable failure;
    private Item[] batch;
    private int at;
    private boolean ended;

    SplitAhead() {
      thread = new Thread(this::run, "cx4j-split " + name);
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      Item[] b = new Item[BATCH];
      int n = 0;
      try {
        Item item;
        while ((item = splitOne()) != null) {
          b[n++] = item;
          if (n == BATCH) {
            batches.put(b);
            b = new Item[BATCH];
            n = 0;
          }
        }
      } catch (InterruptedException e) {
        return; // closed: nobody waits for the rest
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
      }
      try {
        if (n > 0) {
          batches.put(Arrays.copyOf(b, n));
        }
        batches.put(end);
      } catch (InterruptedException e) {
        // closed
      }
    }

    /** Returns the next record in file order, or null at the end. */
    Item next() throws IOException {
      while (batch == null || at == batch.length) {
        if (ended) {
          return null;
        }
        try {
          batch = batches.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading " + name);
        }
        at = 0;
        if (batch == end) {
          ended = true;
          batch = null;
          Throwable f = failure; // an IOException, RuntimeException or Error, or null
          if (f != null) {
            Throwables.throwIfInstanceOf(f, IOException.class);
            Throwables.throwIfUnchecked(f);
          }
          return null;
        }
      }
      return batch[at++];
    }

    /**
     * Stops the thread if it still runs, and waits for it (a little: a read blocked on a pipe ends
     * when the input is closed after this) so that the input is not closed under it.
     */
    void stop() {
      if (thread.isAlive()) {
        thread.interrupt();
        batches.clear(); // room for a put() that the interrupt has not reached yet
        try {
          thread.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private String lenientText() {
    byte[] b = splitter.buffer();
    int from = splitter.start();
    int len = Math.min(splitter.end() - from, ReadError.MAX_EXCERPT * 4);
    return new String(
        b,
        from,
        len,
        splitter.ascii()
            ? StandardCharsets.ISO_8859_1
            : StandardCharsets.UTF_8.equals(decoding.charset())
                ? StandardCharsets.UTF_8
                : decoding.charset());
  }

  private RowError problem(RecordSplitter.Problem p) {
    String reason;
    switch (p) {
      case LINE_TOO_LONG:
        reason =
            "the line is longer than the limit of "
                + limits.maxRecordBytes()
                + " bytes; it is skipped and reading resumes on the next line";
        break;
      case RECORD_TOO_LONG:
        reason =
            "a quoted value that starts on this line runs past the limit of "
                + limits.maxRecordBytes()
                + " bytes per record; this line is rejected and reading "
                + "resumes on the next line";
        break;
      case TOO_MANY_LINES:
        reason =
            "a quoted value that starts on this line is still open after "
                + limits.maxRecordLines()
                + " lines (the limit per record); this line is rejected "
                + "and reading resumes on the next line";
        return new RowError(null, null, reason, false, 0, ReadError.Kind.TOO_LONG);
      default: // UNTERMINATED_QUOTE
        return new RowError(
            null,
            null,
            "a quoted value that starts on this line is never "
                + "closed; this line is rejected and reading resumes on the next line",
            false,
            0,
            ReadError.Kind.MALFORMED);
    }
    return new RowError(null, null, reason, false, 0, ReadError.Kind.TOO_LONG);
  }

  private static RowError textAfterQuote(String text) {
    return new RowError(
        null,
        null,
        "text after a closing quote: a quote inside a quoted value "
            + "must be doubled (\"\"), and a value that starts with a quote must end with one",
        false,
        0,
        ReadError.Kind.MALFORMED);
  }

  /** Parses the next row with Jackson into {@code values}; sets {@code parserDone} at the end. */
  private void parseRow() throws IOException {
    width = 0;
    try {
      JsonToken t = parser.nextToken();
      if (t != JsonToken.START_ARRAY) {
        parserDone = true;
        return;
      }
      while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
        if (width == 0) {
          rowFeedLine = parser.currentTokenLocation().getLineNr();
        }
        if (width == values.length) {
          values = Arrays.copyOf(values, width * 2);
        }
        values[width++] = parser.getText();
      }
      rowPending = true;
    } catch (JsonProcessingException e) {
      // Jackson refused a record the splitter passed: reject it, and start a new parser on the
      // records after it (they are still queued, so nothing is lost).
      int k = queue.firstData();
      if (k < 0) {
        throw new IllegalStateException(
            name + ": internal error: the CSV parser failed with no record to blame", e);
      }
      Item bad = queue.get(k);
      bad.error =
          new RowError(
              null,
              null,
              "malformed record: " + e.getOriginalMessage(),
              false,
              0,
              ReadError.Kind.MALFORMED);
      try {
        parser.close();
      } catch (IOException ignored) {
        // replaced below
      }
      startParser(k + 1);
    }
  }

  /**
   * Moves to the next record in file order: a parsed row (true) or a reject (thrown).
   *
   * @return false at the end of the input
   */
  private boolean nextRecord() throws IOException {
    while (true) {
      if (!rowPending && !parserDone) {
        parseRow();
        if (!rowPending && !parserDone) {
          continue; // the parser was restarted after a refused record
        }
      }
      Item head = queue.poll();
      if (head == null) {
        if (rowPending) {
          throw new IllegalStateException(name + ": internal error: a parsed row without record");
        }
        return false;
      }
      feed.polled();
      current = head;
      if (head.error != null) {
        throw head.error;
      }
      if (!rowPending) {
        throw new IllegalStateException(
            name + ": internal error: record on line " + head.line + " was not parsed");
      }
      rowPending = false;
      if (rowFeedLine != head.feedLine) {
        throw new IllegalStateException(
            name
                + ": internal error: the row parsed at line "
                + rowFeedLine
                + " of the text handed over is not the record on line "
                + head.line);
      }
      return true;
    }
  }

  @Override
  public boolean next() throws IOException {
    while (true) {
      if (!nextRecord()) {
        return false;
      }
      if (width == 1 && values[0].isBlank()) {
        continue; // a line of only a quoted empty value or spaces: blank
      }
      break;
    }
    for (int i = 0; i < width; i++) {
      if (values[i].length() > limits.maxFieldChars()) {
        throw new RowError(
            i < header.length ? header[i] : null,
            values[i].substring(0, Math.min(80, values[i].length())) + "...",
            "a value of "
                + values[i].length()
                + " characters is longer than the limit of "
                + limits.maxFieldChars(),
            ReadError.Kind.TOO_LONG);
      }
    }
    if (width != header.length) {
      if (width < header.length) {
        throw new RowError(
            header[width],
            null,
            "short row: "
                + width
                + " values, expected "
                + header.length
                + " "
                + Arrays.toString(header),
            ReadError.Kind.COLUMN_COUNT);
      }
      throw new RowError(
          null,
          values[header.length],
          "long row: "
              + width
              + " values, expected "
              + header.length
              + " "
              + Arrays.toString(header)
              + " (is a value with a '"
              + (format.isWhitespace() ? "space" : String.valueOf(format.separatorChar()))
              + "' in it not quoted?)",
          ReadError.Kind.COLUMN_COUNT);
    }
    return true;
  }

  @Override
  public long line() {
    return current == null ? 0 : current.line;
  }

  @Override
  public String text() {
    return current == null ? null : current.text();
  }

  @Override
  public Row row() {
    return row;
  }

  @Override
  public void close() throws IOException {
    if (ahead != null) {
      ahead.stop(); // the splitter reads the input: stopped before it is closed
    }
    try {
      parser.close();
    } finally {
      decoding.bytes().close();
    }
  }

  /** A record in file order: good text for Jackson, or a reject that Jackson never sees. */
  private static final class Item {
    final long line;
    final int lines;
    String text; // null while the record is a place in the splitter's buffer
    byte[] bytes; // that buffer (ASCII bytes), else null
    int from;
    int length;
    RowError error;
    long feedLine; // the line it starts on in the text handed to the current parser

    Item(long line, int lines) {
      this.line = line;
      this.lines = lines;
    }

    /** Returns the record's text, made from its bytes on first call. */
    String text() {
      if (text == null && bytes != null) {
        text = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        bytes = null;
      }
      return text;
    }

    /** Returns the record's length in characters. */
    int textLength() {
      return text != null ? text.length() : length;
    }

    /** Copies characters {@code [at, at + n)} of the text to {@code out[off, off + n)}. */
    void copy(int at, int n, char[] out, int off) {
      if (text != null) {
        text.getChars(at, at + n, out, off);
        return;
      }
      byte[] b = bytes;
      int base = from + at - off;
      for (int i = off; i < off + n; i++) {
        out[i] = (char) (b[base + i] & 0xff);
      }
    }
  }

  /**
   * Makes the text of every record that is still a place in the splitter's buffer (those queued and
   * the current one) before the splitter moves its bytes.
   */
  private void copyOutLiveRecords() {
    for (int i = 0; i < queue.size(); i++) {
      queue.get(i).text();
    }
    if (current != null) {
      current.text();
    }
  }

  /** The items read from the splitter and not yet returned, in file order; indexable. */
  private static final class ItemQueue {
    private Item[] items = new Item[64];
    private int head;
    private int size;

    void add(Item item) {
      if (size == items.length) {
        Item[] bigger = new Item[items.length * 2];
        for (int i = 0; i < size; i++) {
          bigger[i] = items[(head + i) % items.length];
        }
        items = bigger;
        head = 0;
      }
      items[(head + size) % items.length] = item;
      size++;
    }

    Item get(int i) {
      return items[(head + i) % items.length];
    }

    int size() {
      return size;
    }

    Item poll() {
      if (size == 0) {
        return null;
      }
      Item item = items[head];
      items[head] = null;
      head = (head + 1) % items.length;
      size--;
      return item;
    }

    /** Returns the position of the first item that is not a reject, or -1. */
    int firstData() {
      for (int i = 0; i < size; i++) {
        if (get(i).error == null) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * The text Jackson reads: the good queued records, each ending in LF, pulling more from the
   * splitter as needed. Rejects are passed over; they stay queued for their turn in file order.
   */
  private final class Feed extends Reader {
    private int next; // queue position of the next item to hand over
    private Item item; // the item being handed over
    private int at; // chars of it handed over; text.length() is its LF
    private long feedLine = 1;

    Feed(int from) {
      this.next = from;
    }

    /** The queue's head was removed: positions shift down by one. */
    void polled() {
      next--;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      // Hand over whole records while they fit (one call per record would make Jackson reload
      // its buffer for every row); a record longer than the room left goes over several calls.
      while (n < len) {
        if (item == null || at > item.textLength()) {
          if (!advance()) {
            break;
          }
        }
        int length = item.textLength();
        int rest = length - at;
        if (rest > 0) {
          int k = Math.min(rest, len - n);
          item.copy(at, k, cbuf, off + n);
          at += k;
          n += k;
        }
        if (n < len && at == length) {
          cbuf[off + n++] = '\n';
          at++;
        }
      }
      return n == 0 ? -1 : n;
    }

    /** Moves to the next good queued item, pulling from the splitter; false at the end. */
    private boolean advance() throws IOException {
      item = null;
      while (true) {
        if (next >= queue.size() && !pull()) {
          return false;
        }
        Item candidate = queue.get(next++);
        if (candidate.error == null) {
          item = candidate;
          at = 0;
          item.feedLine = feedLine;
          feedLine += item.lines;
          return true;
        }
      }
    }

    @Override
    public void close() {
      // the input is closed by the row source
    }
  }

  private final class CsvRow extends Row {
    CsvRow(ColumnMapping mapping, TimestampFormat timestamps) {
      super(mapping, timestamps);
    }

    @Override
    String raw(Field field) {
      int i = index[field.ordinal()];
      return i < 0 ? null : values[i];
    }

    @Override
    void extras(Map<String, String> out) {
      for (int i = 0; i < header.length; i++) {
        if (extra[i] && !values[i].isEmpty()) {
          out.put(header[i], values[i]);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "CsvRowSource["
        + name
        + ", "
        + format
        + ", "
        + decoding.charset().name().toLowerCase(Locale.ROOT)
        + "]";
  }
}
