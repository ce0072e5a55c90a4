package org.cx4j.metrics.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.activity.ActivityLog;
import org.junit.jupiter.api.Test;

/** The bridge from activity to time-to-churn data, computed by hand. */
class ChurnSurvivalTest {

  static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /**
   * Observation end 2024-07-01T00:00Z, gap 30 days, times in days.
   *
   * <pre>
   * code 0: 01-01, 03-01          last 03-01 is 122 days before the end: churned, 03-01 - 01-01 = 60 days
   * code 1: 06-15, 02-01          last 06-15 is 16 days before the end: censored, 07-01 - 02-01 = 151 days
   * code 2: 05-01                 61 days before the end: churned at time 0
   * code 3: no activity           left out
   * code 4: 06-01                 exactly 30 days before the end (>= gap): churned at time 0
   * </pre>
   */
  @Test
  void handComputed() {
    ActivityLog log =
        ActivityLog.of(
            new int[] {0, 1, 0, 2, 1, 4},
            new long[] {
              ms("2024-01-01T00:00:00Z"),
              ms("2024-06-15T00:00:00Z"),
              ms("2024-03-01T00:00:00Z"),
              ms("2024-05-01T00:00:00Z"),
              ms("2024-02-01T00:00:00Z"),
              ms("2024-06-01T00:00:00Z")
            });
    ChurnSurvival data =
        ChurnSurvival.fromActivity(
            log, Duration.ofDays(30), Instant.parse("2024-07-01T00:00:00Z"), Duration.ofDays(1));
    assertArrayEquals(new int[] {0, 1, 2, 4}, data.customers());
    assertArrayEquals(new double[] {60, 151, 0, 0}, data.times());
    assertArrayEquals(new boolean[] {true, false, true, true}, data.churned());
    assertEquals(3, data.churnCount());
    // KM: at t=0, 4 at risk, 2 churn: S = 1/2; at t=60, 2 at risk, 1 churns: S = 1/4.
    KaplanMeier km = data.kaplanMeier();
    assertEquals(0.5, km.survivalAt(0), 1e-15);
    assertEquals(0.25, km.survivalAt(100), 1e-15);
    assertEquals("ChurnSurvival[4 customers, 3 churned]", data.toString());
    LogRankTest test = data.logRank(new int[] {0, 1, 0, 9, 1});
    assertEquals(2, test.groups().length);
  }

  @Test
  void allCensoredWhenEveryoneIsRecent() {
    ActivityLog log =
        ActivityLog.fromTransactions(
            List.of(
                Transaction.of(CustomerId.of("a"), Instant.parse("2024-06-20T00:00:00Z"), 5),
                Transaction.of(CustomerId.of("b"), Instant.parse("2024-06-25T00:00:00Z"), 5)));
    ChurnSurvival data =
        ChurnSurvival.fromActivity(
            log, Duration.ofDays(30), Instant.parse("2024-07-01T00:00:00Z"), Duration.ofDays(1));
    assertEquals(0, data.churnCount());
    KaplanMeier km = data.kaplanMeier();
    assertTrue(km.median().estimate().isEmpty(), "no median when nobody churned");
    assertEquals(1.0, km.survivalAt(1000));
  }

  @Test
  void activityAfterObservationEndIsAnError() {
    ActivityLog log =
        ActivityLog.fromTransactions(
            List.of(
                Transaction.of(CustomerId.of("late"), Instant.parse("2024-08-01T00:00:00Z"), 1)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ChurnSurvival.fromActivity(
                    log,
                    Duration.ofDays(30),
                    Instant.parse("2024-07-01T00:00:00Z"),
                    Duration.ofDays(1)));
    assertTrue(e.getMessage().contains("late") && e.getMessage().contains("after"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ChurnSurvival.fromActivity(log, Duration.ZERO, Instant.MAX, Duration.ofDays(1)));
  }
}
