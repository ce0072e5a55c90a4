package org.cx4j.journey.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SecondsHistogram} with more durations past the dense range than the radix sort's threshold
 * (day-long gaps in a large log), against a sorted list: exact quantiles and frequencies before and
 * after more are added, whatever the spread of the values (up to 2^62 seconds).
 */
class LargeOverflowProperties {

  @Property(tries = 60, seed = "42")
  void quantilesAndFrequenciesMatchASortedList(
      @ForAll @IntRange(min = 4_000, max = 12_000) int n,
      @ForAll @IntRange(min = 17, max = 62) int bits,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    SecondsHistogram h = new SecondsHistogram();
    List<Long> all = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < n; i++) {
        // mostly past the dense range, some repeated, some small
        long v =
            r.nextInt(10) == 0
                ? r.nextLong(SecondsHistogram.DENSE_LIMIT)
                : r.nextInt(10) == 0 && !all.isEmpty()
                    ? all.get(r.nextInt(all.size()))
                    : SecondsHistogram.DENSE_LIMIT + r.nextLong(1L << bits);
        h.addSeconds(v);
        all.add(v);
      }
      List<Long> sorted = new ArrayList<>(all);
      Collections.sort(sorted);
      int m = sorted.size();
      for (double q : new double[] {0, 0.01, 0.25, 0.5, 0.9, 0.999, 1}) {
        long want = sorted.get(Math.max(0, (int) Math.ceil(q * m) - 1));
        assertEquals(want, h.quantile(q), "q=" + q);
        assertEquals((double) want, h.result().quantileSeconds(q), "q=" + q);
      }
      Map<Long, Long> freq = new TreeMap<>();
      for (long v : sorted) {
        freq.merge(v, 1L, Long::sum);
      }
      assertEquals(freq, h.result().frequencies());
    }
  }
}
