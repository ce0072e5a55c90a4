package org.cx4j.report.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One task run on a second, daemon thread while the caller does other work: how the report uses its
 * second core (reading interactions while the other files are read; analysing journeys while the
 * scores are computed). {@link #join()} returns the result or rethrows what the task threw,
 * unwrapped; {@link #close()} interrupts the task if it is still running (for example because the
 * caller failed first).
 *
 * @param <T> the result type
 */
public final class SecondThread<T> implements AutoCloseable {

  private final ExecutorService pool;
  private final Future<T> future;

  private SecondThread(String name, Callable<T> task) {
    this.pool =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    this.future = pool.submit(task);
  }

  /** Starts {@code task} on a new daemon thread called {@code name}. */
  public static <T> SecondThread<T> start(String name, Callable<T> task) {
    return new SecondThread<>(name, task);
  }

  /**
   * Waits for the task and returns its result.
   *
   * @throws RuntimeException or Error: whatever the task threw, unwrapped
   * @throws IllegalStateException if this thread is interrupted while waiting, or the task threw a
   *     checked exception
   */
  public T join() {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + future, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /** Interrupts the task if it still runs and releases the thread. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
