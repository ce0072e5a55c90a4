package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.RepeatPurchaseData;
import org.junit.jupiter.api.Test;

/** The tracking plot's arithmetic against hand-worked cases and a brute-force simulation. */
class BtydTrackingTest {

  @Test
  void weekEndsAreTheLastDayOfEachWeekAndTheLastDay() {
    assertArrayEquals(new int[] {6, 13, 14}, BtydTracking.weekEnds(15));
    assertArrayEquals(new int[] {6}, BtydTracking.weekEnds(7));
    assertArrayEquals(new int[] {0}, BtydTracking.weekEnds(1));
    assertThrows(IllegalArgumentException.class, () -> BtydTracking.weekEnds(0));
  }

  @Test
  void expectedMatchesTheNbdLimitByHand() {
    // With a tiny drop-out probability p ~ Beta(0.001, 1000) (mean 1e-6), BG/NBD is the NBD:
    // E[X(t)] = r t / alpha. r = 2, alpha = 4 (per week); customers born on days 0 and 7.
    // End of week 1 (day 6): only the first, observed 6/7 week: 2 (6/7) / 4 = 0.428571.
    // End of week 2 (day 13): 2 (13/7) / 4 + 2 (6/7) / 4 = 0.928571 + 0.428571 = 1.357143.
    BgNbdModel nbd = BgNbdModel.of(2, 4, 0.001, 1000);
    long[] births = new long[14];
    births[0] = 1;
    births[7] = 1;
    double[] e = BtydTracking.expectedCumulative(nbd, births, new int[] {6, 13}, 7);
    assertEquals(0.428571, e[0], 1e-4);
    assertEquals(1.357143, e[1], 1e-4);
    // Ten customers born on day 0 expect ten times one.
    births[0] = 10;
    births[7] = 0;
    assertEquals(
        10 * 0.428571, BtydTracking.expectedCumulative(nbd, births, new int[] {6}, 7)[0], 1e-3);
  }

  @Test
  void expectedAgreesWithASimulationOfTheModel() {
    // Brute force: 4,000 customers born over 10 weeks; at each week's end every customer born
    // by then is simulated from the model for its age (BgNbdModel.simulate draws lambda, p and
    // the purchases and returns X(T)), and the counts are summed. The sum must be within 4
    // standard errors of the formula.
    BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    int n = 4000;
    int days = 70;
    long[] births = new long[days];
    int[] born = new int[n];
    for (int i = 0; i < n; i++) {
      born[i] = (i * 31) % days;
      births[born[i]]++;
    }
    int[] ends = BtydTracking.weekEnds(days);
    double[] expected = BtydTracking.expectedCumulative(m, births, ends, 7);
    for (int k = 0; k < ends.length; k++) {
      int count = 0;
      for (int b : born) {
        count += b < ends[k] ? 1 : 0; // born on the day itself: X(0) = 0, nothing to draw
      }
      double[] ages = new double[count];
      int j = 0;
      for (int b : born) {
        if (b < ends[k]) {
          ages[j++] = (ends[k] - b) / 7.0;
        }
      }
      RepeatPurchaseData sim = m.simulate(ages, 1000 + k);
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < sim.size(); i++) {
        sum += sim.frequency(i);
        sumSq += (double) sim.frequency(i) * sim.frequency(i);
      }
      double mean = sum / count;
      double se = Math.sqrt((sumSq / count - mean * mean) * count);
      assertTrue(
          Math.abs(sum - expected[k]) <= 4 * se + 1e-9,
          "week " + (k + 1) + ": simulated " + sum + ", formula " + expected[k] + ", se " + se);
    }
  }

  @Test
  void repeatPurchaseDaysAreCountedAsTheModelCountsThem() {
    // Customer A buys on days 0, 0 (twice), 3, 3 and 10; B on days 2 and 9. Repeat purchase
    // days: A on 3 and 10 (the first day is the acquisition; one purchase per day), B on 9.
    LocalDate origin = LocalDate.of(2025, 1, 1);
    CustomerId a = CustomerId.of("A");
    CustomerId b = CustomerId.of("B");
    List<Transaction> ts =
        List.of(
            t(b, origin, 9),
            t(a, origin, 0),
            t(a, origin, 0),
            t(a, origin, 3),
            t(a, origin, 3),
            t(a, origin, 10),
            t(b, origin, 2));
    long[] perDay =
        ValueDetails.repeatsByDay(new CustomerId[] {a, b}, ts, origin, 11, ZoneOffset.UTC);
    long[] want = new long[11];
    want[3] = 1;
    want[9] = 1;
    want[10] = 1;
    assertArrayEquals(want, perDay);
    assertArrayEquals(new long[] {1, 3}, BtydTracking.cumulative(perDay, new int[] {6, 10}));
  }

  private static Transaction t(CustomerId c, LocalDate origin, int day) {
    Instant at = origin.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
    return Transaction.of(c, at, 10);
  }

  @Test
  void badArgumentsAreNamed() {
    BgNbdModel m = BgNbdModel.of(1, 1, 1.5, 2);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BtydTracking.expectedCumulative(m, new long[] {-1}, new int[] {0}, 7));
    assertTrue(e.getMessage().contains("birthsByDay[0]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> BtydTracking.expectedCumulative(m, new long[] {1}, new int[] {-1}, 7));
    assertThrows(
        IllegalArgumentException.class,
        () -> BtydTracking.expectedCumulative(m, new long[] {1}, new int[] {0}, 0));
  }
}
