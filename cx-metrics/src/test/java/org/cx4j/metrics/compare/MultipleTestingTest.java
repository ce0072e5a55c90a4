package org.cx4j.metrics.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cx4j.metrics.compare.MultipleTesting.Method;
import org.cx4j.metrics.compare.MultipleTesting.Result;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of R's {@code p.adjust} definitions; arithmetic in the comments. */
class MultipleTestingTest {

  private static final double TOL = 1e-12;

  // p = (0.01, 0.04, 0.03, 0.005), n = 4. Ascending: 0.005 (index 3, rank 1), 0.01 (index 0,
  // rank 2), 0.03 (index 2, rank 3), 0.04 (index 1, rank 4).
  private static final double[] FOUR = {0.01, 0.04, 0.03, 0.005};

  @Test
  void benjaminiHochbergFour() {
    // n p / rank: 4*0.005/1 = 0.02, 4*0.01/2 = 0.02, 4*0.03/3 = 0.04, 4*0.04/4 = 0.04.
    // Running minimum from rank 4 down: 0.04, 0.04, 0.02, 0.02.
    assertArrayEquals(
        new double[] {0.02, 0.04, 0.04, 0.02}, MultipleTesting.benjaminiHochberg(FOUR), TOL);
  }

  @Test
  void holmFour() {
    // (n - rank + 1) p: 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06, 1*0.04 = 0.04.
    // Running maximum from rank 1 up: 0.02, 0.03, 0.06, 0.06.
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, MultipleTesting.holm(FOUR), TOL);
  }

  @Test
  void rejectionsAtFivePercent() {
    // BH: every q <= 0.05, so all four; Holm: only 0.02 (index 3) and 0.03 (index 0).
    Result bh = MultipleTesting.test(Method.BENJAMINI_HOCHBERG, 0.05, FOUR);
    assertEquals(4, bh.rejections());
    Result holm = MultipleTesting.test(Method.HOLM, 0.05, FOUR);
    assertEquals(2, holm.rejections());
    assertTrue(holm.get(3).rejected());
    assertTrue(holm.get(0).rejected());
    assertFalse(holm.get(1).rejected());
    assertEquals(0.04, holm.get(1).pValue(), 0);
    assertEquals(0.06, holm.get(1).adjusted(), TOL);
    assertEquals(1, holm.get(1).index());
  }

  @Test
  void evenlySpacedFive() {
    // p = 0.01..0.05, n = 5. BH: 5*0.01/1 = 5*0.02/2 = ... = 5*0.05/5 = 0.05, all 0.05.
    double[] p = {0.01, 0.02, 0.03, 0.04, 0.05};
    assertArrayEquals(
        new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, MultipleTesting.benjaminiHochberg(p), TOL);
    // Holm: 5*0.01 = 0.05, 4*0.02 = 0.08, 3*0.03 = 0.09, 2*0.04 = 0.08, 1*0.05 = 0.05;
    // running maximum: 0.05, 0.08, 0.09, 0.09, 0.09.
    assertArrayEquals(new double[] {0.05, 0.08, 0.09, 0.09, 0.09}, MultipleTesting.holm(p), TOL);
  }

  @Test
  void cappedAtOne() {
    // p = (0.5, 0.9, 0.8). BH: 3*0.5/1 = 1.5, 3*0.8/2 = 1.2, 3*0.9/3 = 0.9; running minimum from
    // the top: all 0.9. Holm: 3*0.5 = 1.5 -> 1, 2*0.8 = 1.6 -> 1, 0.9 -> max 1: all 1.
    double[] p = {0.5, 0.9, 0.8};
    assertArrayEquals(new double[] {0.9, 0.9, 0.9}, MultipleTesting.benjaminiHochberg(p), TOL);
    assertArrayEquals(new double[] {1, 1, 1}, MultipleTesting.holm(p), TOL);
    // A single p: BH 1*p/1 = p, Holm 1*p = p.
    assertArrayEquals(new double[] {0.3}, MultipleTesting.benjaminiHochberg(0.3), TOL);
    assertArrayEquals(new double[] {1}, MultipleTesting.holm(1.0), TOL);
  }

  @Test
  void tiesGetTheSameAdjustedValue() {
    // p = (0.02, 0.02). BH: 2*0.02/1 = 0.04, 2*0.02/2 = 0.02 -> min 0.02 for both.
    // Holm: 2*0.02 = 0.04, 1*0.02 = 0.02 -> max 0.04 for both.
    assertArrayEquals(
        new double[] {0.02, 0.02}, MultipleTesting.benjaminiHochberg(0.02, 0.02), TOL);
    assertArrayEquals(new double[] {0.04, 0.04}, MultipleTesting.holm(0.02, 0.02), TOL);
  }

  @Test
  void emptyFamily() {
    assertEquals(0, MultipleTesting.benjaminiHochberg().length);
    assertEquals(0, MultipleTesting.holm().length);
    Result r = MultipleTesting.test(Method.HOLM, 0.05);
    assertTrue(r.hypotheses().isEmpty());
    assertEquals(0, r.rejections());
  }

  @Test
  void badPValuesNameIndexAndValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MultipleTesting.benjaminiHochberg(0.1, 0.2, Double.NaN));
    assertEquals("p-value at index 2 must be in [0, 1], got NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MultipleTesting.holm(-0.1));
    assertEquals("p-value at index 0 must be in [0, 1], got -0.1", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MultipleTesting.test(Method.BENJAMINI_HOCHBERG, 0.05, 0.5, 1.5));
    assertEquals("p-value at index 1 must be in [0, 1], got 1.5", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> MultipleTesting.test(Method.HOLM, 1.0, 0.5));
    assertEquals("level must be in (0, 1), got 1.0", e.getMessage());
  }
}
