package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** 2F1 against closed forms from Abramowitz and Stegun, chapter 15. */
class HypergeometricTest {

  private static final double TOL = 1e-13;

  @Test
  void logarithmCase() {
    // A&S 15.1.3: 2F1(1, 1; 2; z) = -ln(1 - z) / z
    for (double z : new double[] {1e-6, 0.1, 0.5, 0.9, 0.999, -0.5, -3, -100}) {
      double expected = -Math.log1p(-z) / z;
      assertEquals(
          expected, Hypergeometric.value(1, 1, 2, z), TOL * 10 * Math.abs(expected), "z=" + z);
    }
  }

  @Property(tries = 300, seed = "42")
  void binomialCase(
      @ForAll @DoubleRange(min = 0.01, max = 600) double a,
      @ForAll @DoubleRange(min = 0.01, max = 50) double b,
      @ForAll @DoubleRange(min = -20, max = 0.99) double z) {
    // A&S 15.1.8: 2F1(a, b; b; z) = (1 - z)^(-a); checked in log space (large a overflows).
    double expected = -a * Math.log1p(-z);
    assertEquals(
        expected, Hypergeometric.log2F1(a, b, b, z), 1e-11 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void arcsineCase() {
    // A&S 15.1.6: 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z
    for (double z : new double[] {0.1, 0.5, 0.9, 0.99}) {
      assertEquals(Math.asin(z) / z, Hypergeometric.value(0.5, 0.5, 1.5, z * z), 1e-12);
    }
  }

  @Test
  void rejectsOutOfDomain() {
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(1, 1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(-1, 1, 2, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(1, 1, 2, Double.NaN));
  }
}
