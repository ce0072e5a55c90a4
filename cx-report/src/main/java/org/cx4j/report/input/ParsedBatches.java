package org.cx4j.report.input;

import com.google.common.base.Throwables;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.io.CxReader;
import org.cx4j.core.io.ReadReport;
import org.cx4j.core.io.RecordStream;
import org.cx4j.journey.log.InteractionBatch;

/**
 * The interactions of one file, parsed on a thread of their own and handed over in batches, in file
 * order: the reading half of a two-stage pipeline whose other half (the caller) adds them to an
 * interaction log. Each batch is {@linkplain InteractionBatch staged}: the parsing thread copies
 * what the log reads of each row into flat arrays while the row is in its cache, so the caller
 * reads the batch front to back instead of following each row's objects into the other core's
 * cache. What a sequential {@link RecordStream} would throw (a {@link
 * org.cx4j.core.io.CxReadException} at the first bad row in strict mode, an {@link
 * java.io.UncheckedIOException}) is thrown by {@link #take()} after every batch of the rows before
 * it, so the caller sees the same records and the same first error as when reading on its own
 * thread.
 *
 * <p>At most {@value #QUEUED} batches of {@value #BATCH} records wait at a time, so memory stays
 * bounded however far the parser runs ahead; batches the caller is done with (the one before each
 * {@link #take()}) go back to the parser, which refills them. {@link #close()} stops the parser
 * (interrupting it when it waits for room) and closes the file. One consumer thread only.
 */
final class ParsedBatches implements AutoCloseable {

  /** Records per batch: large enough that the hand-over costs nothing per row. */
  static final int BATCH = 4096;

  /**
   * Batches that may wait for the consumer: few, since what waits is copied by young collections.
   */
  static final int QUEUED = 4;

  /** A run of consecutive interactions, staged, with the physical line each starts on. */
  static final class Batch {
    private final InteractionBatch records;
    private final long[] lines;
    private long read;

    Batch() {
      this(BATCH);
    }

    private Batch(int capacity) {
      records = InteractionBatch.withCapacity(capacity);
      lines = new long[capacity];
    }

    int size() {
      return records.size();
    }

    /** Returns the staged interactions. */
    InteractionBatch records() {
      return records;
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
  private static final Batch END = new Batch(0);

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
  // Batches the consumer is done with, for the parser to refill; one more than can be in use.
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(QUEUED + 2);
  private Batch taken; // the batch take() returned last
  private final Thread parser;
  private volatile ReadReport report;
  private volatile Throwable failure;
  private boolean ended;

  private ParsedBatches(String threadName, CxReader<Interaction> reader, Path file) {
    this.parser = new Thread(() -> parse(reader, file), threadName);
    parser.setDaemon(true);
  }

  /** Starts parsing {@code file} with {@code reader} on a new daemon thread. */
  static ParsedBatches start(String threadName, CxReader<Interaction> reader, Path file) {
    ParsedBatches b = new ParsedBatches(threadName, reader, file);
    b.parser.start();
    return b;
  }

  private void parse(CxReader<Interaction> reader, Path file) {
    Batch b = new Batch();
    try (RecordStream<Interaction> rows = reader.read(file)) {
      while (rows.hasNext()) {
        int k = b.size();
        b.records.add(rows.next());
        b.lines[k] = rows.line();
        if (k + 1 == BATCH) {
          b.read = rows.report().read();
          queue.put(b);
          b = free.poll();
          if (b == null) {
            b = new Batch();
          }
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
      if (b.size() > 0) {
        queue.put(b);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      // the consumer has gone
    }
  }

  /**
   * Returns the next batch in file order, waiting for the parser, or null after the last. The batch
   * returned before goes back to the parser to be refilled: the caller is done with it.
   *
   * @throws RuntimeException or Error: what the parser threw, after every batch before it
   * @throws CancellationException if this thread is interrupted while waiting
   */
  Batch take() {
    if (taken != null) {
      taken.records.clear(); // the caller is done with it: the parser may refill it
      free.offer(taken);
      taken = null;
    }
    if (ended) {
      return null;
    }
    Batch b;
    try {
      b = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for parsed rows");
    }
    if (b != END) {
      taken = b;
      return b;
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
