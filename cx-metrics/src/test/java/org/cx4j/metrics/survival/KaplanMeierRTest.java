package org.cx4j.metrics.survival;

import static org.cx4j.metrics.survival.RReference.*;
import static org.cx4j.metrics.survival.SurvivalData.TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Kaplan-Meier estimates, Greenwood standard errors, the plain / log / log-log bands, the median
 * with its interval and the restricted mean, each against R's survival package to 1e-6 on the
 * public {@code aml} and {@code lung} data and on weighted and left-truncated examples. Expected
 * values are R's output, see {@link RReference}.
 */
class KaplanMeierRTest {

  /** Compares every listed R row (matched by time) and the median/rmean table. */
  static void assertMatchesR(
      KaplanMeier km, ConfidenceType type, double[][] rows, double[] table, int expectedSize) {
    assertEquals(expectedSize, km.size(), "number of distinct times");
    SurvivalBand band = km.confidenceBand(type, 0.95);
    for (double[] r : rows) {
      int j = indexOf(km, r[0]);
      String at = type.rName() + " at t=" + r[0];
      assertEquals(r[1], km.atRisk(j), TOL, "n.risk " + at);
      assertEquals(r[2], km.events(j), TOL, "n.event " + at);
      assertEquals(r[3], km.censored(j), TOL, "n.censor " + at);
      assertEquals(r[4], km.survival(j), TOL, "surv " + at);
      if (Double.isInfinite(r[5])) {
        assertEquals(Double.POSITIVE_INFINITY, km.standardError(j), "std.err " + at);
      } else {
        assertEquals(r[5], km.standardError(j), TOL, "std.err " + at);
      }
      if (Double.isNaN(r[6])) {
        assertFalse(band.isDefined(j), "band should be NA " + at);
        assertTrue(band.lower(j).isEmpty() && band.upper(j).isEmpty(), at);
      } else {
        assertTrue(band.isDefined(j), "band should be defined " + at);
        assertEquals(r[6], band.lower(j).getAsDouble(), TOL, "lower " + at);
        assertEquals(r[7], band.upper(j).getAsDouble(), TOL, "upper " + at);
      }
    }
    MedianSurvival med = km.median(type, 0.95);
    assertOptional(table[0], med.estimate(), "median " + type);
    assertOptional(table[1], med.lower(), "0.95LCL " + type);
    assertOptional(table[2], med.upper(), "0.95UCL " + type);
    RestrictedMean rm = km.restrictedMean(table[3]);
    assertEquals(table[4], rm.estimate(), TOL, "rmean");
    assertEquals(table[5], rm.standardError(), TOL, "se(rmean)");
  }

  static void assertOptional(double expected, OptionalDouble actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(actual.isEmpty(), what + " should be NA, got " + actual);
    } else {
      assertTrue(actual.isPresent(), what + " should be " + expected + ", got NA");
      assertEquals(expected, actual.getAsDouble(), TOL, what);
    }
  }

  static int indexOf(KaplanMeier km, double t) {
    for (int j = 0; j < km.size(); j++) {
      if (km.time(j) == t) {
        return j;
      }
    }
    fail("time " + t + " not in the curve");
    return -1;
  }

  @Test
  void amlAllThreeConfidenceTypes() throws IOException {
    SurvivalData.Columns aml = SurvivalData.aml();
    KaplanMeier km = KaplanMeier.fit(aml.time(), aml.event());
    assertMatchesR(km, ConfidenceType.PLAIN, AML_ALL_PLAIN, AML_ALL_PLAIN_TABLE, 18);
    assertMatchesR(km, ConfidenceType.LOG, AML_ALL_LOG, AML_ALL_LOG_TABLE, 18);
    assertMatchesR(km, ConfidenceType.LOG_LOG, AML_ALL_LOG_LOG, AML_ALL_LOG_LOG_TABLE, 18);
    assertEquals(23, km.records());
    assertEquals(18, km.totalEvents());
  }

  @Test
  void amlMaintainedGroup() throws IOException {
    SurvivalData.Columns g1 = SurvivalData.aml().select(1);
    KaplanMeier km = KaplanMeier.fit(g1.time(), g1.event());
    assertMatchesR(km, ConfidenceType.PLAIN, AML_GROUP_1_PLAIN, AML_GROUP_1_PLAIN_TABLE, 10);
    assertMatchesR(km, ConfidenceType.LOG, AML_GROUP_1_LOG, AML_GROUP_1_LOG_TABLE, 10);
    assertMatchesR(km, ConfidenceType.LOG_LOG, AML_GROUP_1_LOG_LOG, AML_GROUP_1_LOG_LOG_TABLE, 10);
  }

  @Test
  void lung() throws IOException {
    SurvivalData.Columns lung = SurvivalData.lungBySex();
    KaplanMeier km = KaplanMeier.fit(lung.time(), lung.event());
    assertEquals(228, km.records());
    assertEquals(165, km.totalEvents());
    assertMatchesR(km, ConfidenceType.PLAIN, LUNG_PLAIN, LUNG_PLAIN_TABLE, LUNG_SIZE);
    assertMatchesR(km, ConfidenceType.LOG, LUNG_LOG, LUNG_LOG_TABLE, LUNG_SIZE);
    assertMatchesR(km, ConfidenceType.LOG_LOG, LUNG_LOG_LOG, LUNG_LOG_LOG_TABLE, LUNG_SIZE);
  }

  @Test
  void defaultsAreRsDefaults() throws IOException {
    SurvivalData.Columns aml = SurvivalData.aml();
    KaplanMeier km = KaplanMeier.fit(aml.time(), aml.event());
    // print(survfit(Surv(time, cens) ~ 1, aml)): median 27, 0.95LCL 18, 0.95UCL 45 (log).
    MedianSurvival med = km.median();
    assertEquals(ConfidenceType.LOG, med.type());
    assertEquals(27, med.estimate().getAsDouble());
    assertEquals(18, med.lower().getAsDouble());
    assertEquals(45, med.upper().getAsDouble());
    assertEquals(ConfidenceType.LOG, km.confidenceBand().type());
  }

  @Test
  void weightedGreenwoodAsRobustFalse() {
    KaplanMeier km =
        KaplanMeier.fit(SurvivalData.W_TIME, SurvivalData.W_EVENT, SurvivalData.W_WEIGHT);
    assertTrue(km.isWeighted());
    assertMatchesR(km, ConfidenceType.PLAIN, WEIGHTED_PLAIN, WEIGHTED_PLAIN_TABLE, 8);
    assertMatchesR(km, ConfidenceType.LOG, WEIGHTED_LOG, WEIGHTED_LOG_TABLE, 8);
    assertMatchesR(km, ConfidenceType.LOG_LOG, WEIGHTED_LOG_LOG, WEIGHTED_LOG_LOG_TABLE, 8);
  }

  @Test
  void leftTruncated() {
    KaplanMeier km =
        KaplanMeier.fitTruncated(
            SurvivalData.LT_START, SurvivalData.LT_STOP, SurvivalData.LT_EVENT, null);
    assertTrue(km.isTruncated());
    assertMatchesR(km, ConfidenceType.PLAIN, TRUNCATED_PLAIN, TRUNCATED_PLAIN_TABLE, 9);
    assertMatchesR(km, ConfidenceType.LOG, TRUNCATED_LOG, TRUNCATED_LOG_TABLE, 9);
    assertMatchesR(km, ConfidenceType.LOG_LOG, TRUNCATED_LOG_LOG, TRUNCATED_LOG_LOG_TABLE, 9);
  }

  @Test
  void leftTruncatedAndWeighted() {
    KaplanMeier km =
        KaplanMeier.fitTruncated(
            SurvivalData.LT_START,
            SurvivalData.LT_STOP,
            SurvivalData.LT_EVENT,
            SurvivalData.LT_WEIGHT);
    assertMatchesR(
        km, ConfidenceType.PLAIN, TRUNCATED_WEIGHTED_PLAIN, TRUNCATED_WEIGHTED_PLAIN_TABLE, 9);
    assertMatchesR(km, ConfidenceType.LOG, TRUNCATED_WEIGHTED_LOG, TRUNCATED_WEIGHTED_LOG_TABLE, 9);
    assertMatchesR(
        km,
        ConfidenceType.LOG_LOG,
        TRUNCATED_WEIGHTED_LOG_LOG,
        TRUNCATED_WEIGHTED_LOG_LOG_TABLE,
        9);
  }

  @Test
  void logRankAml() throws IOException {
    SurvivalData.Columns aml = SurvivalData.aml();
    LogRankTest t = LogRankTest.of(aml.time(), aml.event(), aml.group());
    assertEquals(AML_LOGRANK[0], t.chiSquare(), TOL);
    assertEquals(AML_LOGRANK[1], t.observed()[0], TOL);
    assertEquals(AML_LOGRANK[2], t.observed()[1], TOL);
    assertEquals(AML_LOGRANK[3], t.expected()[0], TOL);
    assertEquals(AML_LOGRANK[4], t.expected()[1], TOL);
    assertEquals(AML_LOGRANK[5], t.variance()[0][0], TOL);
    assertEquals(-AML_LOGRANK[5], t.variance()[0][1], TOL);
    assertEquals(1, t.degreesOfFreedom());
    assertEquals(AML_LOGRANK[6], t.pValue(), TOL);
    assertEquals(11, t.sizes()[0]);
    assertEquals(12, t.sizes()[1]);
  }

  @Test
  void logRankLungBySex() throws IOException {
    SurvivalData.Columns lung = SurvivalData.lungBySex();
    LogRankTest t = LogRankTest.of(lung.time(), lung.event(), lung.group());
    assertEquals(LUNG_SEX_LOGRANK[0], t.chiSquare(), TOL);
    assertEquals(LUNG_SEX_LOGRANK[1], t.observed()[0], TOL);
    assertEquals(LUNG_SEX_LOGRANK[2], t.observed()[1], TOL);
    assertEquals(LUNG_SEX_LOGRANK[3], t.expected()[0], TOL);
    assertEquals(LUNG_SEX_LOGRANK[4], t.expected()[1], TOL);
    assertEquals(LUNG_SEX_LOGRANK[5], t.pValue(), TOL);
  }

  @Test
  void logRankLungByEcogFourGroups() throws IOException {
    SurvivalData.Columns lung = SurvivalData.lungByEcog();
    LogRankTest t = LogRankTest.of(lung.time(), lung.event(), lung.group());
    assertEquals(227, lung.time().length);
    assertEquals(LUNG_ECOG_LOGRANK[0], t.chiSquare(), TOL);
    for (int g = 0; g < 4; g++) {
      assertEquals(LUNG_ECOG_LOGRANK[1 + g], t.observed()[g], TOL);
      assertEquals(LUNG_ECOG_LOGRANK[5 + g], t.expected()[g], TOL);
    }
    assertEquals((int) LUNG_ECOG_LOGRANK[9], t.degreesOfFreedom());
    assertEquals(LUNG_ECOG_LOGRANK[10], t.pValue(), TOL);
  }
}
