package org.cx4j.metrics.rfm;

import static org.cx4j.metrics.rfm.RfmTest.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/** Issue 19: T under WEEK and MONTH periods counts whole periods, as lifetimes; money is exact. */
class BtydPeriodConventionTest {

  private static final LocalDate CDNOW_START = LocalDate.of(1997, 1, 1); // a Wednesday
  private static final LocalDate CDNOW_END = LocalDate.of(1997, 9, 30); // a Tuesday

  @Test
  void weeksAreCountedBetweenPeriodStarts() {
    // A customer acquired 1 January 1997 who buys again on 1997-08-01 (a Friday).
    List<Transaction> t = List.of(tx("a", CDNOW_START, 10), tx("a", LocalDate.of(1997, 8, 1), 20));
    // DAY (default): T = 272 days / 7 = 38.857; t_x = 212 / 7 = 30.286.
    BtydSummary day = BtydSummarizer.builder(CDNOW_END).build().summarize(t).summaries().get(0);
    assertEquals(272 / 7.0, day.age(), 1e-12);
    assertEquals(212 / 7.0, day.recency(), 1e-12);
    // WEEK: first week starts Monday 1996-12-30, the week of 1997-09-30 starts Monday 1997-09-29:
    // 273 days = 39 weeks. The purchase's week starts Monday 1997-07-28: 210 days = 30 weeks.
    BtydSummary week =
        BtydSummarizer.builder(CDNOW_END)
            .purchasePeriod(BtydSummarizer.PurchasePeriod.WEEK)
            .build()
            .summarize(t)
            .summaries()
            .get(0);
    assertEquals(39, week.age(), 1e-12);
    assertEquals(30, week.recency(), 1e-12);
    // Holdout to 1998-06-30 (a Tuesday, week of Monday 1998-06-29): 1997-09-29 to 1998-06-29 is
    // 273 days = 39 weeks.
    BtydSummary ho =
        BtydSummarizer.builder(CDNOW_END)
            .holdoutEnd(LocalDate.of(1998, 6, 30))
            .purchasePeriod(BtydSummarizer.PurchasePeriod.WEEK)
            .build()
            .summarize(t)
            .summaries()
            .get(0);
    assertEquals(39, ho.holdoutDuration(), 1e-12);
  }

  @Test
  void monthsAreWholeMonthsInTheAverageMonthUnit() {
    // First 1997-01-15 (month of January), again 1997-03-20 (March), end 1997-09-30 (September):
    // t_x = 2 months, T = 8 months.
    List<Transaction> t =
        List.of(tx("a", LocalDate.of(1997, 1, 15), 10), tx("a", LocalDate.of(1997, 3, 20), 20));
    BtydSummary m =
        BtydSummarizer.builder(CDNOW_END)
            .purchasePeriod(BtydSummarizer.PurchasePeriod.MONTH)
            .timeUnit(BtydSummarizer.AVERAGE_MONTH)
            .build()
            .summarize(t)
            .summaries()
            .get(0);
    assertEquals(2, m.recency(), 1e-12);
    assertEquals(8, m.age(), 1e-12);
  }

  @Test
  void repeatSpendIsExactToTheCent() {
    // One acquisition of 0, then a million purchases of 0.10 on one later day: one repeat period
    // whose amount is 1e6 * 0.1 = 100000 exactly (the double 0.1 is 0.1 + 5.6e-18, so the exact
    // sum 100000.0000000000056 rounds to 100000.0). Plain += drifts to 100000.0000013329.
    List<Transaction> t = new ArrayList<>();
    t.add(tx("a", CDNOW_START, 0));
    for (int i = 0; i < 1_000_000; i++) {
      t.add(tx("a", CDNOW_START.plusDays(3), 0.1));
    }
    BtydSummary s = BtydSummarizer.builder(CDNOW_END).build().summarize(t).summaries().get(0);
    assertEquals(1, s.frequency());
    assertEquals(100000.0, s.monetaryValue(), 0);
  }
}
