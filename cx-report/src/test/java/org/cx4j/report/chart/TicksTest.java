package org.cx4j.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void handWorkedExamples() {
    // 0..97 in about 5 steps: rough step 19.4 -> 20; ticks 0, 20, ..., 100.
    Ticks t = Ticks.nice(0, 97, 5);
    assertEquals(20, t.step());
    assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, t.values());
    // -100..100 in 4 steps: rough 50 -> 50.
    assertArrayEquals(new double[] {-100, -50, 0, 50, 100}, Ticks.nice(-100, 100, 4).values());
    // 0.13..0.61 in 5 steps: rough 0.096 -> 0.1; ticks 0.1 .. 0.7, labels with one decimal.
    Ticks s = Ticks.nice(0.13, 0.61, 5);
    assertEquals(0.1, s.step(), 1e-12);
    assertEquals(0.1, s.min(), 1e-12);
    assertEquals(0.7, s.max(), 1e-12);
    assertEquals("0.3", s.format(s.values()[2]));
    // A degenerate range is widened: 5..5 -> 4.5..5.5.
    Ticks d = Ticks.nice(5, 5, 5);
    assertTrue(d.min() <= 4.5 && d.max() >= 5.5);
    // Counts never get fractional steps.
    assertEquals(1, Ticks.counts(1, 5).step());
  }

  @Property(tries = 1000, seed = "42")
  void ticksCoverTheRangeWithOneTwoFiveSteps(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
      @ForAll @IntRange(min = 2, max = 10) int target) {
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    Ticks t = Ticks.nice(lo, hi, target);
    assertTrue(t.min() <= lo + 1e-9 * Math.max(1, Math.abs(lo)), t + " covers " + lo);
    assertTrue(t.max() >= hi - 1e-9 * Math.max(1, Math.abs(hi)), t + " covers " + hi);
    double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step()) + 1e-12));
    assertTrue(
        Math.abs(mantissa - 1) < 1e-6
            || Math.abs(mantissa - 2) < 1e-6
            || Math.abs(mantissa - 5) < 1e-6
            || Math.abs(mantissa - 10) < 1e-6,
        "step " + t.step());
    double[] v = t.values();
    assertTrue(v.length >= 2 && v.length <= 2 * target + 2, v.length + " ticks for " + t);
    for (int i = 1; i < v.length; i++) {
      assertEquals(t.step(), v[i] - v[i - 1], t.step() * 1e-6);
    }
  }
}
