package org.cx4j.metrics.retention;

import java.util.Arrays;

/**
 * Enumerates, customer by customer, the distinct periods in which each customer was active, in
 * ascending order: the common core of the cohort tables and the lifecycle counts.
 *
 * <p>One pass over the rows marks each (customer, period) pair in a bitmap of {@code customers ×
 * periods} bits (no branch, one random write per row); the bitmap is then read sequentially, one
 * customer row at a time. No sort, so the cost stays below sorting the rows. Where the bitmap would
 * exceed {@code bitmapLimit} bits, the pairs are packed into longs and sorted instead.
 */
final class CustomerPeriods {

  /** Receives one customer's distinct active periods. */
  interface Visitor {
    /**
     * Called once per customer with activity, in ascending customer order.
     *
     * @param customer the customer code
     * @param periods the distinct period indexes, ascending, in {@code periods[0 .. count-1]} (a
     *     shared buffer: read it during the call only)
     * @param count how many, at least 1
     */
    void visit(int customer, int[] periods, int count);
  }

  private CustomerPeriods() {}

  static void forEach(
      int[] customers,
      long[] epochMillis,
      int customerCount,
      PeriodCalendar cal,
      long bitmapLimit,
      Visitor visitor) {
    int n = customers.length;
    int periods = cal.count();
    int[] buffer = new int[periods];
    long bits = (long) customerCount * periods;
    if (bits <= bitmapLimit) {
      long[] seen = new long[(int) ((bits + 63) >>> 6)];
      for (int i = 0; i < n; i++) {
        long bit = (long) customers[i] * periods + cal.index(epochMillis[i]);
        seen[(int) (bit >>> 6)] |= 1L << bit;
      }
      for (int c = 0; c < customerCount; c++) {
        long from = (long) c * periods;
        long to = from + periods; // exclusive
        int count = 0;
        for (int word = (int) (from >>> 6), lastWord = (int) ((to - 1) >>> 6);
            word <= lastWord;
            word++) {
          long w = seen[word];
          if (w == 0) {
            continue;
          }
          long base = (long) word << 6;
          if (base < from) {
            w &= -1L << (from - base);
          }
          if (base + 64 > to) {
            w &= -1L >>> (base + 64 - to);
          }
          while (w != 0) {
            buffer[count++] = (int) (base + Long.numberOfTrailingZeros(w) - from);
            w &= w - 1;
          }
        }
        if (count > 0) {
          visitor.visit(c, buffer, count);
        }
      }
    } else {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) customers[i] << 32) | cal.index(epochMillis[i]);
      }
      Arrays.sort(keys);
      int i = 0;
      while (i < n) {
        int c = (int) (keys[i] >>> 32);
        int count = 0;
        while (i < n && (int) (keys[i] >>> 32) == c) {
          int p = (int) keys[i];
          if (count == 0 || buffer[count - 1] != p) {
            buffer[count++] = p;
          }
          i++;
        }
        visitor.visit(c, buffer, count);
      }
    }
  }
}
