package org.cx4j.metrics.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed Kaplan-Meier estimates and the documented edge cases. */
class KaplanMeierTest {

  private static final double TOL = 1e-12;
  private static final double Z95 = 1.959963984540054; // qnorm(0.975)

  /**
   * Five customers: churn at 1, churn at 2, censored at 2, churn at 3, censored at 4.
   *
   * <pre>
   * t  n  d  c  S                  greenwood sum g
   * 1  5  1  0  4/5 = 0.8          1/(5*4)            = 0.05
   * 2  4  1  1  0.8*3/4 = 0.6      0.05 + 1/(4*3)     = 0.133333...
   * 3  2  1  0  0.6*1/2 = 0.3      0.1333 + 1/(2*1)   = 0.633333...
   * 4  1  0  1  0.3                0.633333...
   * median = first t with S < 0.5 = 3
   * rmst(4) = 1*1 + 1*0.8 + 1*0.6 + 1*0.3 = 2.7
   * var     = (0.8+0.6+0.3)^2 * 0.05 + (0.6+0.3)^2 / 12 + 0.3^2 * 0.5 = 0.1445 + 0.0675 + 0.045 = 0.257
   * </pre>
   */
  @Test
  void tinyHandComputed() {
    KaplanMeier km =
        KaplanMeier.fit(
            new double[] {2, 1, 4, 2, 3}, new boolean[] {false, true, false, true, true});
    assertEquals(4, km.size());
    double[] t = {1, 2, 3, 4};
    double[] n = {5, 4, 2, 1};
    double[] d = {1, 1, 1, 0};
    double[] c = {0, 1, 0, 1};
    double[] s = {0.8, 0.6, 0.3, 0.3};
    double[] g = {0.05, 0.05 + 1.0 / 12, 0.05 + 1.0 / 12 + 0.5, 0.05 + 1.0 / 12 + 0.5};
    for (int j = 0; j < 4; j++) {
      assertEquals(t[j], km.time(j));
      assertEquals(n[j], km.atRisk(j));
      assertEquals(d[j], km.events(j));
      assertEquals(c[j], km.censored(j));
      assertEquals(s[j], km.survival(j), TOL);
      assertEquals(Math.sqrt(g[j]), km.standardError(j), TOL);
      assertEquals(s[j] * Math.sqrt(g[j]), km.survivalStandardError(j), TOL);
    }
    assertEquals(1.0, km.survivalAt(0.5));
    assertEquals(0.6, km.survivalAt(2.5), TOL);
    assertEquals(0.3, km.survivalAt(100), TOL);
    assertEquals(3.0, km.median(ConfidenceType.LOG, 0.95).estimate().getAsDouble());
    RestrictedMean rm = km.restrictedMean(4);
    assertEquals(2.7, rm.estimate(), TOL);
    assertEquals(Math.sqrt(0.257), rm.standardError(), TOL);
    // A horizon inside the first step: the area is the horizon itself.
    assertEquals(0.5, km.restrictedMean(0.5).estimate(), TOL);
    assertEquals(0.0, km.restrictedMean(0.5).standardError(), TOL);

    // Bands at t = 1 by the formulas of Klein and Moeschberger (2003), section 4.3.
    double se = Math.sqrt(0.05);
    SurvivalBand plain = km.confidenceBand(ConfidenceType.PLAIN, 0.95);
    assertEquals(0.8 - Z95 * se * 0.8, plain.lower(0).getAsDouble(), TOL);
    assertEquals(Math.min(1, 0.8 + Z95 * se * 0.8), plain.upper(0).getAsDouble(), TOL);
    SurvivalBand log = km.confidenceBand(ConfidenceType.LOG, 0.95);
    assertEquals(0.8 * Math.exp(-Z95 * se), log.lower(0).getAsDouble(), TOL);
    assertEquals(1.0, log.upper(0).getAsDouble(), TOL); // 0.8 * exp(1.96 * 0.2236) > 1: clipped
    SurvivalBand loglog = km.confidenceBand(ConfidenceType.LOG_LOG, 0.95);
    double theta = Z95 * se / Math.log(0.8);
    assertEquals(
        Math.exp(-Math.exp(Math.log(-Math.log(0.8)) - theta)), loglog.lower(0).getAsDouble(), TOL);
    assertEquals(
        Math.exp(-Math.exp(Math.log(-Math.log(0.8)) + theta)), loglog.upper(0).getAsDouble(), TOL);
  }

  /** S = 3/4, 1/2, 1/4, 0 at 1..4: S is exactly 0.5 on [2, 3), so the median is (2 + 3) / 2. */
  @Test
  void medianMidpointOnFlatHalf() {
    KaplanMeier km =
        KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
    assertEquals(2.5, km.median(ConfidenceType.PLAIN, 0.95).estimate().getAsDouble(), TOL);
    // The last customer churns: S = 0 with infinite Greenwood variance, so the band is undefined.
    assertEquals(Double.POSITIVE_INFINITY, km.standardError(3));
    for (ConfidenceType type : ConfidenceType.values()) {
      assertFalse(km.confidenceBand(type, 0.95).isDefined(3), type.rName());
    }
  }

  @Test
  void allCensoredHasNoMedianAndFlatCurve() {
    KaplanMeier km = KaplanMeier.fit(new double[] {3, 1, 2}, new boolean[] {false, false, false});
    assertEquals(3, km.size());
    for (int j = 0; j < 3; j++) {
      assertEquals(1.0, km.survival(j));
      assertEquals(0.0, km.standardError(j));
    }
    MedianSurvival med = km.median(ConfidenceType.LOG_LOG, 0.95);
    assertTrue(med.estimate().isEmpty());
    assertTrue(med.lower().isEmpty());
    assertTrue(med.upper().isEmpty());
    // log-log is undefined at S = 1 (R: NA); log and plain give [1, 1].
    assertFalse(km.confidenceBand(ConfidenceType.LOG_LOG, 0.95).isDefined(0));
    assertEquals(1.0, km.confidenceBand(ConfidenceType.LOG, 0.95).lower(0).getAsDouble());
    assertEquals(5.0, km.restrictedMean(5).estimate());
    assertEquals(0.0, km.restrictedMean(5).standardError());
    assertTrue(km.toString().contains("median=NA"), km.toString());
  }

  @Test
  void emptyInput() {
    KaplanMeier km = KaplanMeier.fit(new double[0], new boolean[0]);
    assertEquals(0, km.size());
    assertEquals(0, km.records());
    assertEquals(1.0, km.survivalAt(10));
    assertTrue(km.median().estimate().isEmpty());
    assertEquals(7.0, km.restrictedMean(7).estimate());
    assertEquals(0, KaplanMeier.fit(new double[0], new boolean[0], new double[0]).size());
  }

  @Test
  void badInputIsRejectedWithClearMessages() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1, Double.NaN}, new boolean[] {true, true}));
    assertTrue(e.getMessage().contains("times[1]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {-1}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {true}));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
    assertTrue(e.getMessage().contains("events"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1}, new boolean[] {true}, new double[] {0}));
    assertTrue(e.getMessage().contains("weights[0]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KaplanMeier.fitTruncated(
                    new double[] {2}, new double[] {2}, new boolean[] {true}, null));
    assertTrue(e.getMessage().contains("entries[0]"), e.getMessage());
    KaplanMeier km = KaplanMeier.fit(new double[] {1}, new boolean[] {true});
    assertThrows(IllegalArgumentException.class, () -> km.confidenceBand(ConfidenceType.LOG, 1.0));
    assertThrows(IllegalArgumentException.class, () -> km.restrictedMean(0));
    assertThrows(IllegalArgumentException.class, () -> km.survivalAt(Double.NaN));
  }

  @Test
  void logRankNeedsTwoGroupsWithRisk() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LogRankTest.of(
                    new double[] {1, 2}, new boolean[] {false, false}, new int[] {1, 2}));
    assertTrue(e.getMessage().contains("at least 2 groups"), e.getMessage());
  }

  @Test
  void toStringsReadWell() {
    KaplanMeier km =
        KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, false});
    assertEquals(
        "KaplanMeier[records=4, times=4, events=3, median=2.5 (95% log CI 1..NA)]", km.toString());
    assertTrue(km.table(ConfidenceType.PLAIN, 0.95).contains("n.risk"));
  }
}
