package org.cx4j.report.input;

import com.google.common.base.Throwables;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.cx4j.core.io.CxReader;
import org.cx4j.core.io.ReadReport;
import org.cx4j.core.io.RecordStream;

/**
 * The records of one file, parsed on a thread of their own and handed over in batches, in file
 * order: the reading half of a two-stage pipeline whose other half (the caller) consumes them. What
 * a sequential {@link RecordStream} would throw (a {@link org.cx4j.core.io.CxReadException} at the
 * first bad row in strict mode, an {@link java.io.UncheckedIOException}) is thrown by {@link
 * #take()} after every batch of the rows before it, so the caller sees the same records and the
 * same first error as when reading on its own thread.
 *
 * <p>At most {@value #QUEUED} batches of {@value #BATCH} records wait at a time, so memory stays
 * bounded however far the parser runs ahead. {@link #close()} stops the parser (interrupting it
 * when it waits for room) and closes the file. One consumer thread only.
 *
 * @param <T> the record type
 */
final class ParsedBatches<T> implements AutoCloseable {

  /** Records per batch: large enough that the hand-over costs nothing per row. */
  static final int BATCH = 4096;

  /**
   * Batches that may wait for the consumer: few, since what waits is copied by young collections.
   */
  static final int QUEUED = 4;

  /** A run of consecutive records with the physical line each starts on. */
  static final class Batch<T> {
    private final Object[] records = new Object[BATCH];
    private final long[] lines = new long[BATCH];
    private int size;
    private long read;

    int size() {
      return size;
    }

    @SuppressWarnings("unchecked")
    T record(int k) {
      return (T) records[k];
    }

    /** Returns records {@code [from, to)}, a view. */
    @SuppressWarnings("unchecked")
    List<T> records(int from, int to) {
      return (List<T>) Arrays.asList(records).subList(from, to);
    }

    /** Returns the line record {@code k} starts on. */
    long line(int k) {
      return lines[k];
    }

    /** Returns the rows read (accepted and rejected) up to the end of this batch. */
    long read() {
      return read;
    }
  }

  /** The last item: the report, or what the parser threw. */
  private static final Batch<Object> END = new Batch<>();

  private final BlockingQueue<Batch<?>> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread parser;
  private volatile ReadReport report;
  private volatile Throwable failure;
  private boolean ended;

  private ParsedBatches(String threadName, CxReader<T> reader, Path file) {
    this.parser = new Thread(() -> parse(reader, file), threadName);
    parser.setDaemon(true);
  }

  /** Starts parsing {@code file} with {@code reader} on a new daemon thread. */
  static <T> ParsedBatches<T> start(String threadName, CxReader<T> reader, Path file) {
    ParsedBatches<T> b = new ParsedBatches<>(threadName, reader, file);
    b.parser.start();
    return b;
  }

  private void parse(CxReader<T> reader, Path file) {
    Batch<T> b = new Batch<>();
    try (RecordStream<T> rows = reader.read(file)) {
      while (rows.hasNext()) {
        T t = rows.next();
        b.records[b.size] = t;
        b.lines[b.size] = rows.line();
        if (++b.size == BATCH) {
          b.read = rows.report().read();
          queue.put(b);
          b = new Batch<>();
        }
      }
      ReadReport r = rows.report();
      b.read = r.read();
      report = r;
    } catch (InterruptedException e) {
      return; // the consumer has gone: nobody waits for the rest
    } catch (RuntimeException | Error e) {
      // The rows before the failure go first: the consumer may find an earlier error in them.
      failure = e;
    }
    try {
      if (b.size > 0) {
        queue.put(b);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      // the consumer has gone
    }
  }

  /**
   * Returns the next batch in file order, waiting for the parser, or null after the last.
   *
   * @throws RuntimeException or Error: what the parser threw, after every batch before it
   * @throws CancellationException if this thread is interrupted while waiting
   */
  @SuppressWarnings("unchecked")
  Batch<T> take() {
    if (ended) {
      return null;
    }
    Batch<?> b;
    try {
      b = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for parsed rows");
    }
    if (b != END) {
      return (Batch<T>) b;
    }
    ended = true;
    Throwable f = failure; // a RuntimeException or Error, or null
    if (f != null) {
      Throwables.throwIfUnchecked(f);
    }
    return null;
  }

  /** Returns the parser's final report. @throws IllegalStateException before the end */
  ReadReport report() {
    if (!ended || report == null) {
      throw new IllegalStateException("the file has not been read to its end");
    }
    return report;
  }

  /** Stops the parser if it still runs (closing the file) and waits for it. */
  @Override
  public void close() {
    if (parser.isAlive()) {
      parser.interrupt();
      queue.clear(); // makes room so that a parser blocked in put() wakes up and sees the flag
      try {
        parser.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
