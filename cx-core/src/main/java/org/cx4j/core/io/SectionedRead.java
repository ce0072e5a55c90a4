package org.cx4j.core.io;

import com.google.common.base.Throwables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The records of one file read on several threads, handed over in batches in file order; obtain one
 * from {@link CxReader#readInSections}. The file is cut into sections of about {@value
 * #SECTION_BYTES} bytes at line ends; each thread reads whole sections with a reader of its own
 * (the splitter, Jackson and the record schema), puts their records into batches there, and {@link
 * #take()} returns the batches of one section after another.
 *
 * <p>The result is the one a read on one thread gives: the same records in the same order with the
 * same lines, the same rejects (passed to the error sink in file order, on the thread that calls
 * {@link #take()}, before the batch they precede is returned), the same {@link ReadReport}, and in
 * strict mode the same first error, thrown by {@link #take()} after every batch before it. This
 * holds because a section's records depend only on where it starts: each section starts on the line
 * its bytes say (lines are counted from the bytes before it, which is all a line number is), and a
 * section that starts inside a record (a quoted value that spans the line end where it was cut) is
 * never used: the section before it reads on past its end to the next section start that is a
 * record start, and the sections in between are dropped. Files that cannot be cut on their bytes
 * (transcoded charsets such as UTF-16, input read through a {@link java.io.Reader}), JSON Lines
 * files, and files of fewer than two sections are read by one thread, in the same batches.
 *
 * <p>Memory stays bounded: at most one section per thread is read ahead of the one being taken.
 * Batches the caller is done with (the one returned by the previous {@link #take()}) are cleared
 * and reused. One consumer thread only; {@link #close()} stops the readers.
 *
 * @param <B> the batch type
 */
public final class SectionedRead<B> implements AutoCloseable {

  /**
   * How records go into batches, on the reading threads. A batch holds at most the capacity it was
   * made with; {@link #add} is never called past it.
   *
   * @param <T> the record type
   * @param <B> the batch type
   */
  public interface Batches<T, B> {
    /** Returns an empty batch with room for {@code capacity} records. */
    B create(int capacity);

    /** Adds {@code record}, which starts on physical line {@code line}, to {@code batch}. */
    void add(B batch, T record, long line);

    /** Empties {@code batch} for reuse. */
    void clear(B batch);
  }

  /**
   * Returns batches that are lists of records (without their lines), for callers that do their work
   * per record on the consuming thread.
   *
   * @param <T> the record type
   */
  public static <T> Batches<T, List<T>> lists() {
    return new Batches<>() {
      @Override
      public List<T> create(int capacity) {
        return new ArrayList<>(capacity);
      }

      @Override
      public void add(List<T> batch, T record, long line) {
        batch.add(record);
      }

      @Override
      public void clear(List<T> batch) {
        batch.clear();
      }
    };
  }

  /** Bytes per section: large enough that a section's set-up costs nothing per row. */
  static final int SECTION_BYTES = 8 << 20;

  /** Records per batch. */
  static final int BATCH = 4096;

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Reading<?, B> reading;

  SectionedRead(Reading<?, B> reading) {
    this.reading = reading;
  }

  /**
   * Returns the next batch in file order, waiting for it, or null after the last. The batch
   * returned before is cleared and reused: the caller must be done with it.
   *
   * @throws CxReadException in strict mode, at the first bad row, after the batches before it
   * @throws UncheckedIOException if the file cannot be read
   * @throws CancellationException if this thread is interrupted while waiting
   */
  public B take() {
    return reading.take();
  }

  /** Returns the rows read (accepted and rejected) up to the end of the batch taken last. */
  public long read() {
    return reading.readSoFar;
  }

  /**
   * Returns the counts and first errors of the whole file.
   *
   * @throws IllegalStateException before {@link #take()} has returned null
   */
  public ReadReport report() {
    return reading.report();
  }

  /** Returns the number of sections the file was cut into (1 when read by one thread). */
  public int sections() {
    return reading.sections;
  }

  /** Stops the reading threads and closes the file. Idempotent. */
  @Override
  public void close() {
    reading.close();
  }

  @Override
  public String toString() {
    return "SectionedRead[" + reading.name + ", " + reading.sections + " sections]";
  }

  /**
   * Counts the physical line ends in {@code b[0, n)}: line feeds, and carriage returns not followed
   * by a line feed (the last byte's next is taken to be none), eight bytes at a time.
   */
  static long lineEnds(byte[] b, int n) {
    long count = 0;
    int k = 0;
    for (int last = n - Long.BYTES - 1; k <= last; k += Long.BYTES) {
      long w = (long) WORDS.get(b, k);
      long lf = zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL);
      long cr = zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL);
      count += Long.bitCount(lf);
      if (cr != 0) {
        // a CR followed by an LF is one line end with it: count the CRs not so followed
        long next = (w >>> 8) | ((b[k + Long.BYTES] & 0xFFL) << 56);
        long lfNext = zeroBytes(next ^ 0x0A0A0A0A0A0A0A0AL);
        count += Long.bitCount(cr & ~lfNext);
      }
    }
    for (; k < n; k++) {
      if (b[k] == '\n' || (b[k] == '\r' && (k + 1 >= n || b[k + 1] != '\n'))) {
        count++;
      }
    }
    return count;
  }

  /** The bytes of {@code x} that are zero, as 0x80 in each, exactly (no borrow between bytes). */
  private static long zeroBytes(long x) {
    long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
    return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
  }

  /** What a section's reader handed over: a batch, or the end of the section. */
  private static final class Part<B> {
    final B batch; // null for the end
    final List<ReadError> errors; // rejects since the part before, in file order
    final long read; // rows read in the section up to the end of this part
    // The end of a section:
    ReadReport report;
    Throwable failure;
    boolean stopped; // ended at a section start (else at the end of the file)
    long end; // the file offset where it ended

    Part(B batch, List<ReadError> errors, long read) {
      this.batch = batch;
      this.errors = errors;
      this.read = read;
    }
  }

  /** The parts of one section, in order, as its reader makes them. */
  private static final class Out<B> {
    final BlockingQueue<Part<B>> parts = new LinkedBlockingQueue<>();
    volatile boolean dropped; // the consumer skipped it: its reader may stop
  }

  /**
   * The read itself, typed by record: the coordinator of the section readers and the consumer.
   *
   * @param <T> the record type
   * @param <B> the batch type
   */
  static final class Reading<T, B> {
    final String name;
    final int sections;
    private final CxReader<T> reader;
    private final List<ReadError> firstErrors; // the first section's sink
    private volatile Throwable broken; // a section's bytes could not be read
    private final Batches<T, B> batches;
    private final ErrorSink sink;
    private final int batchSize;
    private final long sectionBytes;
    private final FileChannel channel;
    private final long size;
    private final long bomLength;
    private final Thread[] threads;
    private final ConcurrentLinkedQueue<B> free = new ConcurrentLinkedQueue<>();

    // Shared by the threads, under this object's lock.
    private final long[] starts; // file offset of each section's start, -1 until found
    private final long[] lineEnds; // line ends counted in each section's bytes, -1 until counted
    private final long[] lineBase; // the physical line each section starts on, 0 until known
    private final Out<B>[] outs;
    private int claimed; // sections handed to readers
    private int consuming; // the section being taken
    private boolean closed;
    private final RecordStream<T> first; // the first section's rows, opened with the header

    // The consumer's.
    private B taken;
    long readSoFar;
    private long readBefore; // rows read in the sections before the one being taken
    private long read;
    private long accepted;
    private long rejected;
    private final List<ReadError> errors = new ArrayList<>();
    private final Map<List<Object>, long[]> tallies = new LinkedHashMap<>();
    private ReadReport report;
    private boolean ended;

    @SuppressWarnings("unchecked")
    Reading(
        Path file,
        String name,
        CxReader<T> reader,
        RecordStream<T> first,
        List<ReadError> firstErrors,
        int threadCount,
        long sectionBytes,
        int batchSize,
        Batches<T, B> batches,
        ErrorSink sink)
        throws IOException {
      this.name = name;
      this.reader = reader;
      this.firstErrors = firstErrors;
      this.batches = batches;
      this.sink = sink;
      this.batchSize = batchSize;
      this.sectionBytes = sectionBytes;
      this.first = first;
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
      this.size = channel.size();
      RowSource source = first.source();
      boolean sectionable = source instanceof CsvRowSource && ((CsvRowSource) source).sectionable();
      this.bomLength = sectionable ? ((CsvRowSource) source).bomLength() : 0;
      long n = (size + sectionBytes - 1) / sectionBytes;
      this.sections =
          sectionable && threadCount > 1 && n > 1 ? (int) Math.min(n, Integer.MAX_VALUE - 8) : 1;
      starts = new long[sections + 1];
      Arrays.fill(starts, -1);
      starts[0] = 0;
      starts[sections] = Long.MAX_VALUE; // the last section ends with the file
      lineEnds = new long[sections];
      Arrays.fill(lineEnds, -1);
      lineBase = new long[sections];
      lineBase[0] = 1;
      outs = new Out[sections];
      for (int k = 0; k < sections; k++) {
        outs[k] = new Out<>();
      }
      int t = Math.min(threadCount, sections);
      threads = new Thread[Math.max(1, t)];
      for (int k = 0; k < threads.length; k++) {
        threads[k] = new Thread(this::work, "cx4j-read " + name + " #" + (k + 1));
        threads[k].setDaemon(true);
      }
    }

    void start() {
      for (Thread t : threads) {
        t.start();
      }
    }

    // ---- the reading threads ----------------------------------------------------------------

    private void work() {
      byte[] bytes = sections > 1 ? new byte[(int) Math.min(sectionBytes * 2, 1 << 30)] : null;
      try {
        while (true) {
          int k = claim();
          if (k < 0) {
            return;
          }
          bytes = readSection(k, bytes);
        }
      } catch (InterruptedException e) {
        // closed
      }
    }

    /** Returns the next section to read, waiting while enough are read ahead; -1 when none. */
    private synchronized int claim() throws InterruptedException {
      while (!closed && claimed < sections && claimed > consuming + threads.length) {
        wait();
      }
      if (closed || claimed >= sections) {
        return -1;
      }
      return claimed++;
    }

    /**
     * Reads section {@code k}: counts its line ends, waits for the line it starts on, then reads
     * its records into batches. Returns the (possibly grown) byte buffer for the next section.
     */
    private byte[] readSection(int k, byte[] bytes) throws InterruptedException {
      Out<B> out = outs[k];
      List<ReadError> pending = k == 0 ? firstErrors : new ArrayList<>();
      ErrorSink collect = pending::add;
      RecordStream<T> rows = null;
      Part<B> end = new Part<>(null, List.of(), 0);
      long start = -1;
      B batch = null;
      int n = 0;
      long readAtLast = 0;
      int rejectsAtLast = 0;
      try {
        long stop;
        int length = 0;
        if (sections > 1) {
          start = start(k);
          stop = start(k + 1);
          long sectionEnd = Math.min(stop, size);
          length = (int) (sectionEnd - start);
          if (bytes.length < length) {
            bytes = new byte[length];
          }
          try {
            readFully(bytes, length, start);
          } catch (IOException | RuntimeException e) {
            broken = e; // the sections after this one cannot know their lines
            synchronized (this) {
              notifyAll();
            }
            throw e;
          }
          countedLineEnds(k, lineEnds(bytes, length));
        } else {
          stop = Long.MAX_VALUE;
        }
        long line = lineBase(k);
        if (out.dropped) {
          return bytes;
        }
        if (k == 0) {
          rows = first;
          if (sections > 1) {
            ((CsvRowSource) rows.source()).stopAt(stop - bomLength, this::nextStop);
          }
        } else {
          InputStream in = new SectionInput(bytes, length, stop);
          rows =
              reader.readSection(
                  (CsvRowSource) first.source(),
                  in,
                  start - bomLength,
                  line,
                  stop - bomLength,
                  this::nextStop,
                  collect);
        }
        batch = newBatch();
        n = 0;
        while (rows.hasNext()) {
          T r = rows.next();
          readAtLast = rows.readCount();
          rejectsAtLast = pending.size();
          batches.add(batch, r, rows.line());
          if (++n == batchSize) {
            out.parts.add(new Part<>(batch, drain(pending), rows.readCount()));
            if (out.dropped) {
              return bytes;
            }
            batch = newBatch();
            n = 0;
          }
        }
        if (n > 0) {
          // the rejects after its last record go with the end
          out.parts.add(new Part<>(batch, drain(pending, rejectsAtLast), readAtLast));
          batch = null;
        }
        end = new Part<>(null, drain(pending), rows.readCount());
        end.report = rows.report();
        if (sections > 1) {
          CsvRowSource source = (CsvRowSource) rows.source();
          end.stopped = source.stopped();
          end.end = source.position() + bomLength;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (RuntimeException | Error | IOException e) {
        if (batch != null && n > 0) {
          // the records before the failure go first
          out.parts.add(new Part<>(batch, drain(pending, rejectsAtLast), readAtLast));
        }
        end = new Part<>(null, drain(pending), rows == null ? 0 : rows.readCount());
        end.failure = e;
        if (rows != null) {
          end.report = rows.report();
        }
      } finally {
        if (rows != null) {
          try {
            rows.close();
          } catch (UncheckedIOException ignored) {
            // what the section read is what counts
          }
        }
      }
      out.parts.add(end);
      return bytes;
    }

    private static <E> List<E> drain(List<E> pending) {
      return drain(pending, pending.size());
    }

    /** Removes and returns the first {@code n} of {@code pending}. */
    private static <E> List<E> drain(List<E> pending, int n) {
      if (n == 0) {
        return List.of();
      }
      List<E> head = pending.subList(0, n);
      List<E> l = new ArrayList<>(head);
      head.clear();
      return l;
    }

    private B newBatch() {
      B b = free.poll();
      return b != null ? b : batches.create(batchSize);
    }

    /** Returns the file offset where section {@code k} starts (after a line feed), finding it. */
    private long start(int k) throws IOException {
      synchronized (this) {
        if (starts[k] >= 0) {
          return starts[k];
        }
      }
      long s = lineStartAtOrAfter(k * sectionBytes);
      synchronized (this) {
        starts[k] = s;
      }
      return s;
    }

    /** Returns the least offset at or after {@code from} that follows a line feed, or the size. */
    private long lineStartAtOrAfter(long from) throws IOException {
      if (from <= 0) {
        return 0;
      }
      ByteBuffer b = ByteBuffer.allocate(1 << 16);
      long at = from - 1; // the byte before the candidate start
      while (at < size) {
        b.clear();
        int n = channel.read(b, at);
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            return at + i + 1;
          }
        }
        at += n;
      }
      return size;
    }

    /**
     * The next possible end of a section whose last record ended past its own end, at stream offset
     * {@code position}: the least section start at or after it (or no end).
     */
    private long nextStop(long position) {
      long p = position + bomLength;
      try {
        for (int k = (int) Math.min(sections, p / sectionBytes); k <= sections; k++) {
          long s = k == sections ? Long.MAX_VALUE : start(k);
          if (s >= p) {
            return s == Long.MAX_VALUE ? s : s - bomLength;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      return Long.MAX_VALUE;
    }

    private void readFully(byte[] into, int length, long at) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(into, 0, length);
      while (b.hasRemaining()) {
        int n = channel.read(b, at + b.position());
        if (n < 0) {
          throw new IOException(name + " changed while being read");
        }
      }
    }

    private synchronized void countedLineEnds(int k, long count) {
      lineEnds[k] = count;
      for (int j = 1; j < sections && lineBase[j - 1] > 0 && lineEnds[j - 1] >= 0; j++) {
        lineBase[j] = lineBase[j - 1] + lineEnds[j - 1];
      }
      notifyAll();
    }

    private synchronized long lineBase(int k) throws InterruptedException, IOException {
      while (lineBase[k] == 0 && !closed && broken == null) {
        wait();
      }
      if (lineBase[k] == 0 && broken != null) {
        throw new IOException("cannot read " + name + " before section " + k, broken);
      }
      if (closed) {
        throw new InterruptedException();
      }
      return lineBase[k];
    }

    /**
     * The bytes of a section, read in one go (and counted), then the file after it, for a last
     * record that runs past the section's end.
     */
    private final class SectionInput extends InputStream {
      private final byte[] bytes;
      private final int length;
      private int at;
      private long next; // file offset after the section, once past it

      SectionInput(byte[] bytes, int length, long after) {
        this.bytes = bytes;
        this.length = length;
        this.next = after;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (at < length) {
          int n = Math.min(len, length - at);
          System.arraycopy(bytes, at, b, off, n);
          at += n;
          return n;
        }
        if (next >= size) {
          return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len), next);
        if (n > 0) {
          next += n;
        }
        return n;
      }
    }

    // ---- the consumer -----------------------------------------------------------------------

    B take() {
      if (taken != null) {
        batches.clear(taken);
        free.offer(taken);
        taken = null;
      }
      if (ended) {
        return null;
      }
      while (true) {
        Part<B> p;
        try {
          p = outs[consuming].parts.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted while waiting for " + name);
        }
        for (ReadError e : p.errors) {
          sink.accept(e);
        }
        if (p.batch != null) {
          taken = p.batch;
          readSoFar = readBefore + p.read;
          return p.batch;
        }
        // The end of a section.
        if (p.report != null) {
          merge(p.report);
        }
        readBefore += p.read;
        readSoFar = readBefore;
        if (p.failure != null) {
          ended = true;
          close();
          Throwables.throwIfUnchecked(p.failure);
          throw new UncheckedIOException(
              "cannot read " + name, (IOException) p.failure); // the only checked one
        }
        int next = p.stopped ? nextSection(consuming, p.end) : -1;
        if (next < 0) {
          ended = true;
          report = new ReadReport(name, read, accepted, rejected, errors, talliesList());
          close();
          return null;
        }
        synchronized (this) {
          for (int k = consuming + 1; k < next; k++) {
            outs[k].dropped = true; // started inside a record: read by the section before
            outs[k].parts.clear();
          }
          consuming = next;
          notifyAll();
        }
      }
    }

    /** Returns the section after {@code k} that starts at file offset {@code end}, or -1. */
    private int nextSection(int k, long end) {
      try {
        for (int j = k + 1; j < sections; j++) {
          long s = start(j);
          if (s == end) {
            return j;
          }
          if (s > end) {
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      if (end < size) {
        throw new IllegalStateException(
            name + ": internal error: a section ended at offset " + end + ", no section start");
      }
      return -1;
    }

    private void merge(ReadReport r) {
      read += r.read();
      accepted += r.accepted();
      rejected += r.rejected();
      for (ReadError e : r.errors()) {
        if (errors.size() < ReadReport.MAX_ERRORS) {
          errors.add(e);
        }
      }
      for (ReadReport.Tally t : r.tallies()) {
        List<Object> key = Arrays.asList(t.kind(), t.column());
        if (tallies.size() >= RecordStream.MAX_TALLIES && !tallies.containsKey(key)) {
          key = Arrays.asList(t.kind(), RecordStream.OTHER_COLUMNS);
        }
        tallies.computeIfAbsent(key, x -> new long[1])[0] += t.rows();
      }
    }

    private List<ReadReport.Tally> talliesList() {
      List<ReadReport.Tally> t = new ArrayList<>(tallies.size());
      tallies.forEach(
          (k, v) ->
              t.add(new ReadReport.Tally((ReadError.Kind) k.get(0), (String) k.get(1), v[0])));
      return t;
    }

    ReadReport report() {
      if (report == null) {
        throw new IllegalStateException(name + " has not been read to its end");
      }
      return report;
    }

    void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        for (Out<B> o : outs) {
          o.dropped = true;
        }
        notifyAll();
      }
      for (Thread t : threads) {
        if (t.isAlive() && t != Thread.currentThread()) {
          t.interrupt();
        }
      }
      for (Thread t : threads) {
        try {
          if (t != Thread.currentThread()) {
            t.join(5000);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more is read
      }
      if (first != null) {
        try {
          first.close();
        } catch (UncheckedIOException ignored) {
          // closing what was never read on
        }
      }
    }
  }
}
