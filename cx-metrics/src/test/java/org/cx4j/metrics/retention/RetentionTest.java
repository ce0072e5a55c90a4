package org.cx4j.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.activity.ActivityLog;
import org.junit.jupiter.api.Test;

/** Hand-computed cohort tables, lifecycle counts and retention rates. */
class RetentionTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  /**
   * Four customers over the ISO weeks starting Mon 2024-01-01 (W0), 01-08 (W1), 01-15 (W2), 01-22
   * (W3), Berlin time:
   *
   * <pre>
   * A: Mon 01-01 10:00 (W0), Tue 01-09 (W1), Wed 01-24 (W3)
   * B: Wed 01-03 (W0) twice, Tue 01-16 (W2)
   * C: Mon 01-08 (W1)
   * D: Sun 01-14 23:30 (W1), Mon 01-15 00:30 (W2 in Berlin; still Sunday 23:30 in UTC, so W1 in UTC)
   *
   * cohort W0 = {A, B}: classic 2,1,1,1   rolling 2,2,2,1   cumulative 2,1,2,2
   *   (A active W1, W3: last offset 3, first return 1; B active W2: last offset 2, first return 2)
   * cohort W1 = {C, D}: classic 2,1,0     rolling 2,1,0     cumulative 2,1,1
   * pooled classic at k=1: (1 + 1) / (2 + 2) = 0.5; at k=3 only W0 is observed: 1/2; k=4: none.
   * </pre>
   */
  static ActivityLog fourCustomers() {
    return ActivityLog.fromTransactions(
        List.of(
            tx("A", "2024-01-01T10:00"),
            tx("A", "2024-01-09T12:00"),
            tx("A", "2024-01-24T08:00"),
            tx("B", "2024-01-03T09:00"),
            tx("B", "2024-01-03T18:00"),
            tx("B", "2024-01-16T09:00"),
            tx("C", "2024-01-08T00:00"),
            tx("D", "2024-01-14T23:30"),
            tx("D", "2024-01-15T00:30")));
  }

  static Transaction tx(String who, String berlinTime) {
    return Transaction.of(CustomerId.of(who), berlin(berlinTime), 10.0);
  }

  static void assertRow(CohortRetention t, RetentionKind kind, int c, int... expected) {
    assertEquals(expected.length, t.periods(c), "observed offsets of cohort " + c);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], t.count(kind, c, k), kind + " cohort " + c + " k=" + k);
    }
  }

  @Test
  void weeklyCohortsInBerlin() {
    CohortRetention t = CohortRetention.of(fourCustomers(), PeriodUnit.ISO_WEEK, BERLIN);
    assertEquals(2, t.cohorts());
    assertEquals(LocalDate.of(2024, 1, 1), t.cohortStart(0));
    assertEquals(LocalDate.of(2024, 1, 8), t.cohortStart(1));
    assertEquals(2, t.cohortSize(0));
    assertRow(t, RetentionKind.CLASSIC, 0, 2, 1, 1, 1);
    assertRow(t, RetentionKind.ROLLING, 0, 2, 2, 2, 1);
    assertRow(t, RetentionKind.CUMULATIVE, 0, 2, 1, 2, 2);
    assertRow(t, RetentionKind.CLASSIC, 1, 2, 1, 0);
    assertRow(t, RetentionKind.ROLLING, 1, 2, 1, 0);
    assertRow(t, RetentionKind.CUMULATIVE, 1, 2, 1, 1);
    assertEquals(0.5, t.share(RetentionKind.CLASSIC, 0, 1));
    assertEquals(0.5, t.pooledShare(RetentionKind.CLASSIC, 1).getAsDouble());
    assertEquals(0.5, t.pooledShare(RetentionKind.CLASSIC, 3).getAsDouble());
    assertTrue(t.pooledShare(RetentionKind.CLASSIC, 4).isEmpty());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.count(RetentionKind.CLASSIC, 1, 3));
    assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.cohortSize(2));
    assertTrue(
        t.table(RetentionKind.CLASSIC).contains("2024-01-01"), t.table(RetentionKind.CLASSIC));
    assertEquals(
        "CohortRetention[ISO_WEEK in Europe/Berlin, 2 cohorts, 4 customers, first 2024-01-01]",
        t.toString());
  }

  /**
   * In UTC, C's visit (Mon 01-08 00:00 Berlin = Sun 01-07 23:00 UTC) falls in W0, and D's second
   * visit (Mon 00:30 Berlin = Sun 23:30 UTC) stays in W1: cohort W0 = {A, B, C}, W1 = {D} with
   * classic 1, 0, 0.
   */
  @Test
  void zoneDecidesThePeriod() {
    CohortRetention t = CohortRetention.of(fourCustomers(), PeriodUnit.ISO_WEEK, ZoneOffset.UTC);
    assertEquals(3, t.cohortSize(0));
    assertRow(t, RetentionKind.CLASSIC, 0, 3, 1, 1, 1);
    assertRow(t, RetentionKind.CLASSIC, 1, 1, 0, 0);
  }

  @Test
  void bySegmentWithKeyFunctionAndCodes() {
    ActivityLog log = fourCustomers();
    // A and C are "gold", B and D are "basic".
    Map<String, CohortRetention> bySeg =
        CohortRetention.bySegment(
            log,
            PeriodUnit.ISO_WEEK,
            BERLIN,
            id -> id.value().equals("A") || id.value().equals("C") ? "gold" : "basic");
    assertEquals(List.of("gold", "basic"), List.copyOf(bySeg.keySet()));
    CohortRetention gold = bySeg.get("gold");
    // gold: cohort W0 = {A}: classic 1,1,0,1; cohort W1 = {C}: 1,0,0.
    assertRow(gold, RetentionKind.CLASSIC, 0, 1, 1, 0, 1);
    assertRow(gold, RetentionKind.CLASSIC, 1, 1, 0, 0);
    // basic: W0 = {B}: 1,0,1,0; W1 = {D}: 1,1,0 (observation end is the global last week).
    CohortRetention basic = bySeg.get("basic");
    assertRow(basic, RetentionKind.CLASSIC, 0, 1, 0, 1, 0);
    assertRow(basic, RetentionKind.CLASSIC, 1, 1, 1, 0);
    SortedMap<Integer, CohortRetention> byCode =
        CohortRetention.bySegment(log, PeriodUnit.ISO_WEEK, BERLIN, new int[] {7, 3, 7, 3});
    assertEquals(List.of(3, 7), List.copyOf(byCode.keySet()));
    assertRow(byCode.get(7), RetentionKind.CLASSIC, 0, 1, 1, 0, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> CohortRetention.bySegment(log, PeriodUnit.ISO_WEEK, BERLIN, new int[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> CohortRetention.bySegment(log, PeriodUnit.ISO_WEEK, BERLIN, new int[] {1, 2, -1, 0}));
  }

  /**
   * Lifecycle of the same four customers by ISO week in Berlin.
   *
   * <pre>
   * W0: A, B new                                         new 2 ret 0 res 0 dormant 0
   * W1: A returning; C, D new; B lost                    new 2 ret 1 res 0 dormant 1
   * W2: D returning; B resurrecting; A, C lost           new 0 ret 1 res 1 dormant 2
   * W3: A resurrecting; B, D lost                        new 0 ret 0 res 1 dormant 2
   * CRR W1 = (E - N) / S = (3 - 2) / 2 = 0.5;  W2 = (2 - 1) / 3;  W3 = (1 - 1) / 2 = 0
   * </pre>
   */
  @Test
  void lifecycleAndRetentionRate() {
    Lifecycle life = Lifecycle.of(fourCustomers(), PeriodUnit.ISO_WEEK, BERLIN);
    assertEquals(4, life.periods());
    long[][] expected = {{2, 0, 0, 0}, {2, 1, 0, 1}, {0, 1, 1, 2}, {0, 0, 1, 2}};
    for (int p = 0; p < 4; p++) {
      assertEquals(expected[p][0], life.newCustomers(p), "new " + p);
      assertEquals(expected[p][1], life.returning(p), "returning " + p);
      assertEquals(expected[p][2], life.resurrecting(p), "resurrecting " + p);
      assertEquals(expected[p][3], life.dormant(p), "dormant " + p);
    }
    assertTrue(life.retentionRate(0).rate().isEmpty(), "S = 0: undefined, not NaN");
    assertEquals(0.5, life.retentionRate(1).rate().getAsDouble());
    assertEquals(0.5, life.retentionRate(1).churnRate().getAsDouble());
    assertEquals(1.0 / 3, life.retentionRate(2).rate().getAsDouble(), 1e-15);
    assertEquals(0.0, life.retentionRate(3).rate().getAsDouble());
    assertEquals(LocalDate.of(2024, 1, 22), life.periodStart(3));
  }

  @Test
  void customerRetentionRateFormula() {
    // The seeds' example shape: 200 at the start, 180 at the end, 40 new: (180 - 40) / 200 = 0.7.
    CustomerRetentionRate crr = new CustomerRetentionRate(200, 180, 40);
    assertEquals(0.7, crr.rate().getAsDouble(), 1e-15);
    assertEquals(0.3, crr.churnRate().getAsDouble(), 1e-15);
    assertEquals("CustomerRetentionRate[S=200, E=180, N=40, CRR=0.7000]", crr.toString());
    assertThrows(IllegalArgumentException.class, () -> new CustomerRetentionRate(10, 5, 6));
    assertThrows(IllegalArgumentException.class, () -> new CustomerRetentionRate(10, 30, 5));
    assertThrows(IllegalArgumentException.class, () -> new CustomerRetentionRate(-1, 0, 0));
    assertEquals(
        "CustomerRetentionRate[S=0, E=3, N=3, CRR=undefined]",
        new CustomerRetentionRate(0, 3, 3).toString());
  }

  @Test
  void emptyLog() {
    ActivityLog empty = ActivityLog.of(new int[0], new long[0]);
    CohortRetention t = CohortRetention.of(empty, PeriodUnit.DAY, ZoneOffset.UTC);
    assertEquals(0, t.cohorts());
    assertTrue(t.pooledShare(RetentionKind.ROLLING, 0).isEmpty());
    assertEquals(0, Lifecycle.of(empty, PeriodUnit.MONTH, ZoneOffset.UTC).periods());
  }

  @Test
  void monthsAndDaysAroundDst() {
    ZoneId ny = ZoneId.of("America/New_York");
    // Day 0 = 2024-03-09, day 1 = 2024-03-10 (23 hours: DST starts), day 2 = 2024-03-11.
    long d0 = LocalDateTime.parse("2024-03-09T12:00").atZone(ny).toInstant().toEpochMilli();
    long d1Late = LocalDateTime.parse("2024-03-10T23:59").atZone(ny).toInstant().toEpochMilli();
    long d2Early = LocalDateTime.parse("2024-03-11T00:00").atZone(ny).toInstant().toEpochMilli();
    ActivityLog log = ActivityLog.of(new int[] {0, 0, 1}, new long[] {d0, d1Late, d2Early});
    CohortRetention daily = CohortRetention.of(log, PeriodUnit.DAY, ny);
    assertEquals(LocalDate.of(2024, 3, 9), daily.cohortStart(0));
    assertRow(daily, RetentionKind.CLASSIC, 0, 1, 1, 0);
    assertEquals(LocalDate.of(2024, 3, 11), daily.cohortStart(1));
    CohortRetention monthly = CohortRetention.of(log, PeriodUnit.MONTH, ny);
    assertEquals(1, monthly.cohorts());
    assertEquals(LocalDate.of(2024, 3, 1), monthly.cohortStart(0));
    assertEquals(2, monthly.cohortSize(0));
  }

  @Test
  void activityLogRejectsBadColumns() {
    assertThrows(
        IllegalArgumentException.class, () -> ActivityLog.of(new int[] {0, 1}, new long[] {1}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ActivityLog.of(new int[] {-2}, new long[] {1}));
    assertTrue(e.getMessage().contains("customers[0]"), e.getMessage());
    // Activity spread over 3000 years of days: more periods than the limit.
    ActivityLog wide = ActivityLog.of(new int[] {0, 0}, new long[] {0, 95_000_000_000_000L});
    assertThrows(
        IllegalArgumentException.class,
        () -> CohortRetention.of(wide, PeriodUnit.DAY, ZoneOffset.UTC));
  }
}
