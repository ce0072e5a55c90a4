package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The seeded sample of customers that lifetime value models are fitted on. */
class SampleRowsProperties {

  @Property(tries = 300, seed = "42")
  void distinctSortedInRangeAndReproducible(
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 500) int max,
      @ForAll long seed) {
    int[] rows = ReportAnalysis.sampleRows(n, max, seed);
    assertEquals(Math.min(n, max), rows.length);
    for (int i = 0; i < rows.length; i++) {
      assertTrue(rows[i] >= 0 && rows[i] < n);
      assertTrue(i == 0 || rows[i - 1] < rows[i], "sorted and distinct");
    }
    assertArrayEquals(rows, ReportAnalysis.sampleRows(n, max, seed));
  }

  @Test
  void everyRowIsEquallyLikely() {
    // 20,000 samples of 10 rows out of 100: each row is drawn with probability 0.1, so its
    // count is Binomial(20000, 0.1): mean 2000, sd sqrt(20000 * 0.1 * 0.9) = 42.4. Six sd
    // either side bounds all 100 counts except with negligible probability.
    int[] counts = new int[100];
    for (int s = 0; s < 20_000; s++) {
      for (int r : ReportAnalysis.sampleRows(100, 10, s)) {
        counts[r]++;
      }
    }
    for (int c : counts) {
      assertTrue(Math.abs(c - 2000) < 6 * 42.4, "count " + c);
    }
  }
}
