package org.cx4j.metrics.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.metrics.internal.RadixSort;

/**
 * Large samples (4096 to 30000 rows, full 11-bit digits), against an oracle built on {@link
 * TreeMap}s: the weighted, left-truncated risk sets summed from the last time backwards.
 */
class LargeSampleTest {

  @Property(tries = 20, seed = "42")
  void radixSortIsAStableUnsignedSort(
      @ForAll @IntRange(min = 4096, max = 30000) int n, @ForAll long seed) {
    Random r = new Random(seed);
    long[] keys = new long[n];
    double[] payload = new double[n];
    for (int i = 0; i < n; i++) {
      // Few distinct keys in some tries, full 64-bit (top bit set) in others.
      keys[i] = seed % 2 == 0 ? r.nextLong() : (long) r.nextInt(50) << 40;
      payload[i] = i;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] k0 = keys.clone();
    Arrays.sort(order, Comparator.comparing(i -> k0[i], Long::compareUnsigned)); // stable
    RadixSort.Sorted s = RadixSort.sort(keys, payload, Long.SIZE);
    for (int i = 0; i < n; i++) {
      assertEquals(k0[order[i]], s.keys()[i]);
      assertEquals((double) order[i], s.doublePayload()[i]);
    }
  }

  @Property(tries = 12, seed = "42")
  void largeFitsMatchTreeMapOracle(
      @ForAll @IntRange(min = 4096, max = 20000) int n, @ForAll long seed) {
    Random r = new Random(seed);
    boolean ties = seed % 2 == 0;
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[] weight = new double[n];
    double[] entry = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = ties ? 1 + r.nextInt(500) : 1 + r.nextDouble() * 500;
      event[i] = r.nextInt(4) > 0;
      weight[i] = 0.5 + r.nextInt(5) * 0.25;
      entry[i] = r.nextInt(3) == 0 ? time[i] * r.nextDouble() - 1 : Double.NEGATIVE_INFINITY;
    }
    double[] ones = new double[n];
    Arrays.fill(ones, 1.0);
    double[] never = new double[n];
    Arrays.fill(never, Double.NEGATIVE_INFINITY);
    assertMatches(oracle(never, time, event, ones), KaplanMeier.fit(time, event));
    assertMatches(oracle(never, time, event, weight), KaplanMeier.fit(time, event, weight));
    assertMatches(
        oracle(entry, time, event, ones), KaplanMeier.fitTruncated(entry, time, event, null));
    assertMatches(
        oracle(entry, time, event, weight), KaplanMeier.fitTruncated(entry, time, event, weight));
  }

  /** Rows: time, at risk, events, censored, survival. */
  static double[][] oracle(double[] entry, double[] time, boolean[] event, double[] weight) {
    TreeMap<Double, double[]> byTime = new TreeMap<>();
    TreeMap<Double, Double> byEntry = new TreeMap<>();
    for (int i = 0; i < time.length; i++) {
      double[] dc = byTime.computeIfAbsent(time[i], t -> new double[2]);
      dc[event[i] ? 0 : 1] += weight[i];
      if (entry[i] != Double.NEGATIVE_INFINITY) {
        byEntry.merge(entry[i], weight[i], Double::sum);
      }
    }
    double[][] rows = new double[byTime.size()][];
    int j = rows.length - 1;
    double leaving = 0;
    double notEntered = 0;
    NavigableMap<Double, Double> pending = byEntry.descendingMap();
    var it = pending.entrySet().iterator();
    Map.Entry<Double, Double> next = it.hasNext() ? it.next() : null;
    for (Map.Entry<Double, double[]> e : byTime.descendingMap().entrySet()) {
      double t = e.getKey();
      leaving += e.getValue()[0] + e.getValue()[1];
      while (next != null && next.getKey() >= t) {
        notEntered += next.getValue();
        next = it.hasNext() ? it.next() : null;
      }
      rows[j--] = new double[] {t, leaving - notEntered, e.getValue()[0], e.getValue()[1], 0};
    }
    double s = 1;
    for (double[] row : rows) {
      if (row[2] > 0) {
        s *= 1 - row[2] / row[1];
      }
      row[4] = s;
    }
    return rows;
  }

  static void assertMatches(double[][] rows, KaplanMeier km) {
    assertEquals(rows.length, km.size());
    double[] expectedTimes = new double[rows.length];
    double[] actualTimes = new double[rows.length];
    for (int j = 0; j < rows.length; j++) {
      expectedTimes[j] = rows[j][0];
      actualTimes[j] = km.time(j);
      double tol = 1e-9 * Math.max(1, rows[j][1]);
      assertEquals(rows[j][1], km.atRisk(j), tol, "at risk at " + rows[j][0]);
      assertEquals(rows[j][2], km.events(j), tol);
      assertEquals(rows[j][3], km.censored(j), tol);
      assertEquals(rows[j][4], km.survival(j), 1e-9);
    }
    assertArrayEquals(expectedTimes, actualTimes);
  }
}
