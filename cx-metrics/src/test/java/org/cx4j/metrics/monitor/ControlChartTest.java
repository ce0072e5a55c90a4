package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.cx4j.metrics.monitor.ControlChart.Signal;
import org.junit.jupiter.api.Test;

/**
 * Published average run lengths reproduced by seeded simulation (10,000 runs each, within 3
 * standard errors of the mean run length): the two-sided tabular CUSUM with k = 0.5 (Montgomery,
 * Introduction to Statistical Quality Control, 7th ed., Table 9.3) and the EWMA with lambda = 0.1,
 * L = 2.814 (Lucas and Saccucci 1990, Table 3: ARL0 = 500).
 */
class ControlChartTest {

  static final int RUNS = 10_000;

  /** Returns {mean run length, its standard error} over RUNS runs at a shift of delta sigma. */
  static double[] simulate(Supplier<ControlChart> chart, double delta, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ControlChart c = chart.get();
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < RUNS; i++) {
      c.reset();
      long n = 0;
      Signal s;
      do {
        n++;
        s = c.add(delta + r.nextGaussian());
      } while (s == Signal.NONE);
      sum += n;
      sumSq += (double) n * n;
    }
    double mean = sum / RUNS;
    double var = (sumSq - RUNS * mean * mean) / (RUNS - 1);
    return new double[] {mean, Math.sqrt(var / RUNS)};
  }

  static void assertArl(double published, double[] sim, String what) {
    if (Boolean.getBoolean("cx4j.simulation.print")) {
      System.out.printf(
          "%s: simulated %.2f +- %.2f, published %s%n", what, sim[0], sim[1], published);
    }
    assertTrue(
        Math.abs(sim[0] - published) <= 3 * sim[1],
        what + ": simulated " + sim[0] + " +- " + sim[1] + ", published " + published);
  }

  @Test
  void cusumH4() {
    assertArl(168, simulate(() -> Cusum.standardized(0.5, 4), 0, 1), "CUSUM h=4 ARL0");
    assertArl(8.38, simulate(() -> Cusum.standardized(0.5, 4), 1, 2), "CUSUM h=4 ARL at 1 sigma");
  }

  @Test
  void cusumH5() {
    assertArl(465, simulate(() -> Cusum.standardized(0.5, 5), 0, 3), "CUSUM h=5 ARL0");
    assertArl(10.4, simulate(() -> Cusum.standardized(0.5, 5), 1, 4), "CUSUM h=5 ARL at 1 sigma");
  }

  @Test
  void ewmaLucasSaccucci() {
    assertArl(500, simulate(() -> Ewma.standardized(0.1, 2.814), 0, 5), "EWMA ARL0");
  }

  @Test
  void parametersFromTargetArl() {
    // Siegmund at k = 0.5: 169 at h = 4 and 469 at h = 5; dARL/dh is about ARL there, so the h
    // solved for the exact table values lies within 0.02 of 4 and 5.
    assertEquals(4, Cusum.hForArl(0.5, 168), 0.02);
    assertEquals(5, Cusum.hForArl(0.5, 465), 0.02);
    assertEquals(169, Cusum.siegmundArl(0.5, 4, 0), 1);
    assertEquals(8.38, Cusum.siegmundArl(0.5, 4, 1), 0.1);
    // The Markov chain gives the published pair (0.1, 2.814) -> 500, and 10.3 at a 1 sigma shift.
    assertEquals(500, Ewma.markovArl(0.1, 2.814, 0), 5);
    assertEquals(10.3, Ewma.markovArl(0.1, 2.814, 1), 0.15);
    assertEquals(2.814, Ewma.lForArl(0.1, 500), 0.005);
    assertEquals(2.814, Ewma.forArl(0.1, 500).width(), 0.005);
    // A chart chosen for ARL0 = 300 has it in simulation.
    assertArl(
        300, simulate(() -> Cusum.forArl(0.5, 300), 0, 6), "CUSUM for ARL0 300 (Siegmund, ~1%)");
  }

  @Test
  void handWorkedSignals() {
    // k = 0.5, h = 4, x = 1 each: C+ grows 0.5 per observation, exceeds 4 at the 9th (4.5).
    Cusum c = Cusum.standardized(0.5, 4);
    for (int i = 1; i <= 8; i++) {
      assertEquals(Signal.NONE, c.add(1));
    }
    assertEquals(4, c.upper(), 1e-12);
    assertEquals(Signal.UP, c.add(1));
    assertEquals(0, c.upper(), 0); // restarted
    // Mean 10, sigma 2: x = 4 is z = -3: C- = 2.5, then 5 > 4: DOWN.
    Cusum d = new Cusum(0.5, 4, 10, 2);
    assertEquals(Signal.NONE, d.add(4));
    assertEquals(Signal.DOWN, d.add(4));
    // lambda 0.5, L 1: limit sqrt(0.5 / 1.5) = 0.577; E = 0.5, then 0.75: UP.
    Ewma e = Ewma.standardized(0.5, 1);
    assertEquals(Signal.NONE, e.add(1));
    assertEquals(0.5, e.statistic(), 1e-12);
    assertEquals(2, e.runLength() + 1);
    assertEquals(Signal.UP, e.add(1));
  }

  @Test
  void badParametersAreNamed() {
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> Cusum.standardized(0.5, 0));
    assertEquals("h must be finite and positive, got 0.0", x.getMessage());
    x = assertThrows(IllegalArgumentException.class, () -> Ewma.standardized(1.5, 3));
    assertEquals("lambda must be in (0, 1], got 1.5", x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class, () -> Cusum.standardized(0.5, 4).add(Double.NaN));
    assertEquals("observation must be finite, got NaN", x.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Cusum.hForArl(0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> Ewma.lForArl(0.1, 1e9));
  }
}
