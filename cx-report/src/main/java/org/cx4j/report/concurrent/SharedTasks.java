package org.cx4j.report.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Tasks that threads share, first come first served: each thread calls {@link #drain()} once it is
 * done with its own work and runs the next task not yet taken, in the order the tasks were added,
 * until none is left. Added longest first, they let two threads of unequal fixed work finish close
 * together. (The report's two cores share its sections this way.)
 *
 * <p>Add every task before any thread drains; start the other threads after that. A task's {@link
 * Result} may be read once every thread that drains is done with {@link #drain()} (joined, for a
 * thread other than the reader's). What a task throws is thrown by the {@code drain()} call that
 * ran it; the tasks left are left to the other threads.
 */
public final class SharedTasks {

  private final List<Runnable> tasks = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean draining;

  /**
   * Adds {@code task}; returns where its result will be.
   *
   * @throws IllegalStateException if a thread has begun to drain
   * @throws NullPointerException if {@code task} is null
   */
  public <T> Result<T> add(Supplier<T> task) {
    Objects.requireNonNull(task, "task");
    if (draining) {
      throw new IllegalStateException("tasks are added before any thread drains them");
    }
    Result<T> r = new Result<>();
    tasks.add(
        () -> {
          r.value = task.get();
          r.done = true;
        });
    return r;
  }

  /** Runs tasks not yet taken by any thread, in order, until none is left. */
  public void drain() {
    while (runNext()) {
      // the next one
    }
  }

  /**
   * Runs the next task not yet taken by any thread, if there is one: for a thread that would
   * otherwise wait (for another thread's result) with tasks left.
   *
   * @return whether a task ran
   */
  public boolean runNext() {
    draining = true;
    int i = next.getAndIncrement();
    if (i >= tasks.size()) {
      return false;
    }
    tasks.get(i).run();
    return true;
  }

  /** Returns the number of tasks added. */
  public int size() {
    return tasks.size();
  }

  @Override
  public String toString() {
    return "SharedTasks[" + Math.min(next.get(), tasks.size()) + " of " + tasks.size() + " taken]";
  }

  /**
   * The result of one task.
   *
   * @param <T> its type
   */
  public static final class Result<T> {
    private T value;
    private boolean done;

    private Result() {}

    /**
     * Returns the task's result.
     *
     * @throws IllegalStateException if the task has not run to its end (not drained yet, or it
     *     threw)
     */
    public T get() {
      if (!done) {
        throw new IllegalStateException("the task has not run to its end");
      }
      return value;
    }

    @Override
    public String toString() {
      return done ? "Result[" + value + "]" : "Result[not run]";
    }
  }
}
