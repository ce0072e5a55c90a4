package org.cx4j.core.io;

import com.google.common.base.Throwables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * holds because a section's records depend only on where it starts. A section counts its lines from
 * its start, and they are shifted by the lines of the sections before it once those are read: the
 * batches' lines ({@link #line(int)}) when they are taken, a reject's line (and the line its reason
 * names) when it is made, which may wait for the sections before. A section that starts inside a
 * record (a quoted value that spans the line end where it was cut) is never used: the section
 * before it reads on past its end to the next section start that is a record start, and the
 * sections in between are dropped. Files that cannot be cut on their bytes (charsets that are
 * transcoded, such as UTF-16), JSON Lines files, and files of fewer than two sections are read by
 * one thread, in the same batches. A file with rejects in most sections reads at about the speed of
 * one thread, since each section waits for the lines before it at its first reject.
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

    /** Adds {@code record} to {@code batch}. */
    void add(B batch, T record);

    /** Empties {@code batch} for reuse. */
    void clear(B batch);
  }

  /**
   * Returns batches that are lists of records, for callers that do their work per record on the
   * consuming thread.
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
      public void add(List<T> batch, T record) {
        batch.add(record);
      }

      @Override
      public void clear(List<T> batch) {
        batch.clear();
      }
    };
  }

  /**
   * Bytes per section: large enough that a section's set-up costs nothing per row, small enough
   * that what is read ahead stays in the caches (2 MiB measured a little faster than 8 MiB).
   */
  static final int SECTION_BYTES = 2 << 20;

  /** The most sections a file is cut into: larger files have larger sections. */
  static final int MAX_SECTIONS = 1 << 16;

  /** Records per batch. */
  static final int BATCH = 4096;

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

  /**
   * Returns the physical line (1-based) where record {@code k} of the batch taken last starts.
   *
   * @throws IndexOutOfBoundsException if there is no such record
   */
  public long line(int k) {
    return reading.line(k);
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

  /** What a section's reader handed over: a batch, or the end of the section. */
  private static final class Part<B> {
    final B batch; // null for the end
    final long[] lines; // of the batch's records, counted from the section's start
    final int size;
    final List<ReadError> errors; // rejects since the part before, in file order
    final long read; // rows read in the section up to the end of this part
    // The end of a section:
    ReadReport report;
    Throwable failure;
    boolean stopped; // ended at a section start (else at the end of the file)
    long end; // the file offset where it ended

    Part(B batch, long[] lines, int size, List<ReadError> errors, long read) {
      this.batch = batch;
      this.lines = lines;
      this.size = size;
      this.errors = errors;
      this.read = read;
    }
  }

  /** The parts of one section, in order, as its reader makes them. */
  private static final class Out<B> {
    final BlockingQueue<Part<B>> parts = new LinkedBlockingQueue<>();
    volatile boolean dropped; // it starts inside a record, or the read is over: no one takes it
  }

  /** Thrown inside a section's reader when the section turns out not to be needed. */
  private static final class Dropped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Dropped() {
      super(null, null, false, false);
    }
  }

  /**
   * The read itself, typed by record: the coordinator of the section readers and the consumer.
   *
   * @param <T> the record type
   * @param <B> the batch type
   */
  static final class Reading<T, B> {
    /** A section's first line when the section is not used. */
    private static final long DROPPED = -1;

    final String name;
    final int sections;
    private final CxReader<T> reader;
    private final List<ReadError> firstErrors; // the first section's sink
    private final Batches<T, B> batches;
    private final ErrorSink sink;
    private final int batchSize;
    private final long sectionBytes;
    private final FileChannel channel;
    private final long size;
    private final long bomLength;
    private final Thread[] threads;
    private RecordStream<T> first; // the first section's rows, opened with the header
    private final ConcurrentLinkedQueue<B> free = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> freeLines = new ConcurrentLinkedQueue<>();

    // Shared by the threads, under this object's lock.
    private final long[] starts; // file offset of each section's start, -1 until found
    private final long[] firstLine; // each section's first line: 0 until known, DROPPED if unused
    private final boolean[] ended;
    private final boolean[] stoppedAt; // ended at a section start
    private final long[] endOffset;
    private final long[] lineCount; // the lines a section read
    private final Out<B>[] outs;
    private int chain; // the section in use whose end is not yet accounted for
    private int claimed; // sections handed to readers
    private int consuming; // the section being taken
    private boolean closed;

    // The consumer's.
    private B taken;
    private Part<B> takenPart;
    long readSoFar;
    private long readBefore; // rows read in the sections before the one being taken
    private long read;
    private long accepted;
    private long rejected;
    private final List<ReadError> errors = new ArrayList<>();
    private final Map<List<Object>, long[]> tallies = new LinkedHashMap<>();
    private ReadReport report;
    private boolean done;

    @SuppressWarnings("unchecked")
    Reading(
        Path file,
        String name,
        CxReader<T> reader,
        boolean sectionable,
        long bomLength,
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
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
      this.size = channel.size();
      this.sectionBytes = Math.max(sectionBytes, (size + MAX_SECTIONS - 1) / MAX_SECTIONS);
      this.bomLength = bomLength;
      long n = (size + this.sectionBytes - 1) / this.sectionBytes; // at most MAX_SECTIONS
      this.sections = sectionable && threadCount > 1 && n > 1 ? (int) n : 1;
      starts = new long[sections];
      Arrays.fill(starts, -1);
      starts[0] = 0;
      firstLine = new long[sections];
      firstLine[0] = 1;
      ended = new boolean[sections];
      stoppedAt = new boolean[sections];
      endOffset = new long[sections];
      lineCount = new long[sections];
      outs = new Out[sections];
      for (int k = 0; k < sections; k++) {
        outs[k] = new Out<>();
      }
      threads = new Thread[Math.max(1, Math.min(threadCount, sections))];
      for (int k = 0; k < threads.length; k++) {
        threads[k] = new Thread(this::work, "cx4j-read " + name + " #" + (k + 1));
        threads[k].setDaemon(true);
      }
    }

    /** Returns where the first section ends (a stream offset), when there are several. */
    long firstStop() {
      return start(1) - bomLength;
    }

    /** Sets the first section's rows, opened with the header and {@link #firstStop()}. */
    void first(RecordStream<T> first) {
      this.first = first;
    }

    void start() {
      for (Thread t : threads) {
        t.start();
      }
    }

    // ---- the reading threads ----------------------------------------------------------------

    private void work() {
      try {
        while (true) {
          int k = claim();
          if (k < 0) {
            return;
          }
          readSection(k);
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

    /** Reads section {@code k}'s records into batches, and its end. */
    private void readSection(int k) throws InterruptedException {
      Out<B> out = outs[k];
      List<ReadError> pending = k == 0 ? firstErrors : new ArrayList<>();
      RecordStream<T> rows = null;
      Part<B> end;
      B batch = null;
      long[] lines = null;
      int n = 0;
      long readAtLast = 0;
      int rejectsAtLast = 0;
      boolean stopped = false;
      long endsAt = 0;
      long count = 0;
      try {
        if (k == 0) {
          rows = first;
        } else {
          long start = start(k);
          long stop = k + 1 < sections ? start(k + 1) : Long.MAX_VALUE;
          if (out.dropped) {
            throw new Dropped();
          }
          rows =
              reader.readSection(
                  (CsvRowSource) first.source(),
                  new SectionInput(start),
                  start - bomLength,
                  1,
                  stop == Long.MAX_VALUE ? stop : stop - bomLength,
                  this::nextStop,
                  pending::add);
          rows.lineOffset(() -> firstLineOf(k) - 1);
        }
        while (rows.hasNext()) {
          T r = rows.next();
          if (batch == null) {
            batch = newBatch();
            lines = newLines();
          }
          batches.add(batch, r);
          lines[n] = rows.line();
          readAtLast = rows.readCount();
          rejectsAtLast = pending.size();
          if (++n == batchSize) {
            out.parts.add(new Part<>(batch, lines, n, drain(pending, rejectsAtLast), readAtLast));
            if (out.dropped) {
              throw new Dropped();
            }
            batch = null;
            n = 0;
          }
        }
        if (n > 0) {
          // the rejects after its last record go with the end
          out.parts.add(new Part<>(batch, lines, n, drain(pending, rejectsAtLast), readAtLast));
          batch = null;
          n = 0;
        }
        end = new Part<>(null, null, 0, drain(pending, pending.size()), rows.readCount());
        end.report = rows.report();
        if (sections > 1) {
          CsvRowSource source = (CsvRowSource) rows.source();
          stopped = source.stopped();
          endsAt = source.position() + bomLength;
          count = source.linesRead();
        }
      } catch (Dropped e) {
        out.dropped = true;
        out.parts.clear();
        ended(k, false, 0, 0);
        closeQuietly(rows);
        return;
      } catch (RuntimeException | Error e) {
        if (batch != null && n > 0) {
          // the records before the failure go first
          out.parts.add(new Part<>(batch, lines, n, drain(pending, rejectsAtLast), readAtLast));
        }
        end =
            new Part<>(
                null, null, 0, drain(pending, pending.size()), rows == null ? 0 : rows.readCount());
        end.failure = e;
        if (rows != null) {
          end.report = rows.report();
        }
      }
      closeQuietly(rows);
      end.stopped = stopped;
      end.end = endsAt;
      ended(k, stopped, endsAt, count); // before the end is handed over: the next line is known
      out.parts.add(end);
    }

    private static void closeQuietly(RecordStream<?> rows) {
      if (rows != null) {
        try {
          rows.close();
        } catch (UncheckedIOException ignored) {
          // what the section read is what counts
        }
      }
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

    private long[] newLines() {
      long[] l = freeLines.poll();
      return l != null ? l : new long[batchSize];
    }

    /**
     * Records that section {@code k} ended, at a section start ({@code stopped}, at file offset
     * {@code end}, having read {@code lines} lines) or not (the end of the file, a failure, or not
     * used), and works out the first line of the sections that follow it in use.
     */
    private synchronized void ended(int k, boolean stopped, long end, long lines) {
      ended[k] = true;
      stoppedAt[k] = stopped;
      endOffset[k] = end;
      lineCount[k] = lines;
      while (chain < sections && ended[chain] && firstLine[chain] != DROPPED) {
        int next = -1;
        if (stoppedAt[chain]) {
          try {
            next = nextSection(chain, endOffset[chain]);
          } catch (RuntimeException e) {
            next = -1; // the consumer meets the same when it gets there
          }
        }
        int last = next < 0 ? sections : next;
        for (int j = chain + 1; j < last; j++) {
          firstLine[j] = DROPPED;
          outs[j].dropped = true;
        }
        if (next < 0) {
          chain = sections;
          break;
        }
        firstLine[next] = firstLine[chain] + lineCount[chain];
        chain = next;
      }
      notifyAll();
    }

    /** Returns section {@code k}'s first line, waiting until the sections before it are read. */
    private synchronized long firstLineOf(int k) {
      while (firstLine[k] == 0 && !closed) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Dropped();
        }
      }
      if (firstLine[k] <= 0 || closed) {
        throw new Dropped();
      }
      return firstLine[k];
    }

    /** Returns the file offset where section {@code k} starts (after a line feed), finding it. */
    private long start(int k) {
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
    private long lineStartAtOrAfter(long from) {
      if (from <= 0) {
        return 0;
      }
      ByteBuffer b = ByteBuffer.allocate(1 << 14);
      long at = from - 1; // the byte before the candidate start
      try {
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
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      return size;
    }

    /**
     * The next possible end of a section whose last record ended past its own end, at stream offset
     * {@code position}: the least section start at or after it (or no end).
     */
    long nextStop(long position) {
      long p = position + bomLength;
      for (int k = (int) Math.min(sections, p / sectionBytes); k < sections; k++) {
        long s = start(k);
        if (s >= p) {
          return s - bomLength;
        }
      }
      return Long.MAX_VALUE;
    }

    /** The file from a section's start on, read with positional reads of the shared channel. */
    private final class SectionInput extends InputStream {
      private long next; // the file offset of the next byte

      SectionInput(long start) {
        this.next = start;
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
        freeLines.offer(takenPart.lines);
        taken = null;
        takenPart = null;
      }
      if (done) {
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
          takenPart = p;
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
          done = true;
          close();
          Throwables.throwIfUnchecked(p.failure);
          throw new IllegalStateException(p.failure); // unchecked only: never reached
        }
        int next = p.stopped ? nextSection(consuming, p.end) : -1;
        if (next < 0) {
          done = true;
          report = new ReadReport(name, read, accepted, rejected, errors, talliesList());
          close();
          return null;
        }
        synchronized (this) {
          consuming = next;
          notifyAll();
        }
      }
    }

    long line(int k) {
      if (takenPart == null || k < 0 || k >= takenPart.size) {
        throw new IndexOutOfBoundsException(
            "record " + k + " of a batch of " + (takenPart == null ? 0 : takenPart.size));
      }
      long base;
      synchronized (this) {
        base = firstLine[consuming];
      }
      return takenPart.lines[k] + base - 1;
    }

    /** Returns the section after {@code k} that starts at file offset {@code end}, or -1. */
    private int nextSection(int k, long end) {
      for (int j = k + 1; j < sections; j++) {
        long s = start(j);
        if (s == end) {
          return j;
        }
        if (s > end) {
          break;
        }
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
