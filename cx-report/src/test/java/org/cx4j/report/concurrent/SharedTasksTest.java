package org.cx4j.report.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SharedTasksTest {

  // Two threads drain 200 tasks of uneven length: each runs exactly once, and every result is
  // the task's own once both are done.
  @RepeatedTest(20)
  void twoThreadsRunEveryTaskOnce() throws Exception {
    SharedTasks tasks = new SharedTasks();
    AtomicIntegerArray runs = new AtomicIntegerArray(200);
    List<SharedTasks.Result<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int k = i;
      results.add(
          tasks.add(
              () -> {
                runs.incrementAndGet(k);
                long spin = 0;
                for (int j = 0; j < (k % 7) * 1000; j++) {
                  spin += j;
                }
                return k + (int) (spin & 0);
              }));
    }
    Thread other = new Thread(tasks::drain);
    other.start();
    tasks.drain();
    other.join();
    for (int i = 0; i < 200; i++) {
      assertEquals(1, runs.get(i), "task " + i);
      assertEquals(i, results.get(i).get());
    }
    assertEquals(200, tasks.size());
  }

  @Test
  void aTaskThatThrowsThrowsFromTheDrainThatRanItAndHasNoResult() {
    SharedTasks tasks = new SharedTasks();
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    SharedTasks.Result<String> bad =
        tasks.add(
            () -> {
              throw boom;
            });
    SharedTasks.Result<String> good = tasks.add(() -> "later");
    assertSame(boom, assertThrows(IllegalArgumentException.class, tasks::drain));
    assertThrows(IllegalStateException.class, bad::get);
    tasks.drain(); // the task left over
    assertEquals("later", good.get());
  }

  @Test
  void runNextRunsOneTaskInOrderThenDrainRunsTheRest() {
    SharedTasks tasks = new SharedTasks();
    List<String> ran = new ArrayList<>();
    SharedTasks.Result<String> a = tasks.add(() -> ran.add("a") ? "a" : "");
    SharedTasks.Result<String> b = tasks.add(() -> ran.add("b") ? "b" : "");
    SharedTasks.Result<String> c = tasks.add(() -> ran.add("c") ? "c" : "");
    assertTrue(tasks.runNext());
    assertEquals(List.of("a"), ran);
    assertEquals("a", a.get());
    assertThrows(IllegalStateException.class, b::get);
    assertThrows(IllegalStateException.class, () -> tasks.add(() -> "late"));
    tasks.drain();
    assertEquals(List.of("a", "b", "c"), ran);
    assertEquals("c", c.get());
    assertFalse(tasks.runNext());
    assertEquals(List.of("a", "b", "c"), ran);
  }

  @Test
  void tasksAreAddedBeforeDrainingAndResultsReadAfter() {
    SharedTasks tasks = new SharedTasks();
    SharedTasks.Result<String> r = tasks.add(() -> "x");
    assertThrows(IllegalStateException.class, r::get);
    tasks.drain();
    assertEquals("x", r.get());
    assertThrows(IllegalStateException.class, () -> tasks.add(() -> "y"));
  }
}
