package org.cx4j.metrics.rfm;

import static org.cx4j.metrics.rfm.RfmTest.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

class BtydSummarizerTest {

  private static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);

  @Test
  void sameDayPurchasesMergeAndFirstIsExcludedFromMonetary() {
    List<Transaction> t =
        List.of(
            tx("a", JAN1, 100), // acquisition
            tx("a", JAN1.plusDays(7), 10),
            tx("a", JAN1.plusDays(7), 20), // one purchase of 30
            tx("a", JAN1.plusDays(21), 60),
            tx("b", JAN1.plusDays(14), 5));
    BtydSummaries s = BtydSummarizer.builder(JAN1.plusDays(27)).build().summarize(t);
    BtydSummary a = s.summaries().get(0);
    assertEquals(2, a.frequency());
    assertEquals(3, a.recency(), 1e-12); // 21 days = 3 weeks
    assertEquals(27 / 7.0, a.age(), 1e-12);
    assertEquals(45, a.monetaryValue(), 1e-12); // (30 + 60) / 2
    BtydSummary b = s.summaries().get(1);
    assertEquals(0, b.frequency());
    assertEquals(0, b.recency());
    assertEquals(13 / 7.0, b.age(), 1e-12);
    assertEquals(0, b.monetaryValue());
  }

  @Test
  void weeklyPeriodsAndDayUnits() {
    // 2024-01-01 is a Monday; Jan 3 and Jan 5 fall in the same ISO week as Jan 1.
    List<Transaction> t =
        List.of(
            tx("a", JAN1, 1),
            tx("a", JAN1.plusDays(2), 1),
            tx("a", JAN1.plusDays(4), 1),
            tx("a", JAN1.plusDays(9), 1));
    BtydSummary a =
        BtydSummarizer.builder(JAN1.plusDays(20))
            .purchasePeriod(BtydSummarizer.PurchasePeriod.WEEK)
            .timeUnit(Duration.ofDays(1))
            .build()
            .summarize(t)
            .summaries()
            .get(0);
    assertEquals(1, a.frequency());
    assertEquals(7, a.recency(), 1e-12); // week of Jan 8 starts 7 days after week of Jan 1
    assertEquals(1, a.monetaryValue(), 1e-12);
  }

  @Test
  void holdoutAndCohort() {
    List<Transaction> t =
        List.of(
            tx("a", JAN1, 1),
            tx("a", JAN1.plusDays(40), 7),
            tx("a", JAN1.plusDays(41), 3),
            tx("a", JAN1.plusDays(41), 2),
            tx("a", JAN1.plusDays(90), 9),
            tx("late", JAN1.plusDays(40), 4));
    BtydSummaries s =
        BtydSummarizer.builder(JAN1.plusDays(34))
            .holdoutEnd(JAN1.plusDays(62))
            .build()
            .summarize(t);
    assertEquals(1, s.size(), "a customer first seen in the holdout is not in the cohort");
    BtydSummary a = s.summaries().get(0);
    assertEquals(0, a.frequency());
    assertEquals(2, a.holdoutFrequency()); // day 40 and day 41 (merged); day 90 is after holdout
    assertEquals(6, a.holdoutMonetaryValue(), 1e-12); // (7 + 5) / 2
    assertEquals(4, a.holdoutDuration(), 1e-12);
  }

  @Property(tries = 50, seed = "42")
  void inputOrderDoesNotMatter(@ForAll @IntRange(min = 0, max = 1000) int seed) {
    Random rnd = new Random(seed);
    List<Transaction> t = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      t.add(tx("c" + rnd.nextInt(6), JAN1.plusDays(rnd.nextInt(100)), rnd.nextInt(50)));
    }
    BtydSummarizer s =
        BtydSummarizer.builder(JAN1.plusDays(80)).holdoutEnd(JAN1.plusDays(99)).build();
    BtydSummaries expected = s.summarize(t);
    Collections.shuffle(t, rnd);
    assertEquals(expected, s.summarize(t));
    // The collector on a time-sorted parallel stream: chunks are merged in encounter order.
    t.sort(java.util.Comparator.comparing(Transaction::timestamp));
    assertEquals(expected, t.parallelStream().collect(s.collector()));
  }

  @Property(tries = 100, seed = "42")
  void mergeOfConsecutiveStreamsEqualsOneStream(
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 0, max = 60) int split) {
    Random rnd = new Random(seed);
    List<Transaction> t = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // Few days and customers, so that split points often fall inside a day of one customer.
      t.add(tx("c" + rnd.nextInt(4), JAN1.plusDays(rnd.nextInt(30)), rnd.nextInt(50)));
    }
    t.sort(java.util.Comparator.comparing(Transaction::timestamp));
    BtydSummarizer s =
        BtydSummarizer.builder(JAN1.plusDays(18)).holdoutEnd(JAN1.plusDays(28)).build();
    BtydSummarizer.Accumulator early = s.accumulator().addAll(t.subList(0, split));
    BtydSummarizer.Accumulator late = s.accumulator().addAll(t.subList(split, t.size()));
    BtydSummaries merged = early.merge(late).result();
    BtydSummaries one = s.summarize(t);
    assertEquals(one.size(), merged.size());
    for (int i = 0; i < one.size(); i++) {
      BtydSummary a = one.summaries().get(i);
      BtydSummary b = merged.summaries().get(i);
      assertEquals(a.frequency(), b.frequency());
      assertEquals(a.recency(), b.recency(), 0);
      assertEquals(a.age(), b.age(), 0);
      assertEquals(a.monetaryValue(), b.monetaryValue(), 1e-9);
      assertEquals(a.holdoutFrequency(), b.holdoutFrequency());
      assertEquals(a.holdoutMonetaryValue(), b.holdoutMonetaryValue(), 1e-9);
    }
  }

  @Test
  void badInput() {
    BtydSummarizer s = BtydSummarizer.builder(JAN1.plusDays(30)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.summarize(List.of(tx("a", JAN1, -5))));
    assertTrue(e.getMessage().contains("amount"), e.getMessage());
    // A transaction before the customer's first one, in the streaming accumulator.
    BtydSummarizer.Accumulator acc = s.accumulator().add(tx("a", JAN1.plusDays(5), 1));
    e = assertThrows(IllegalArgumentException.class, () -> acc.add(tx("a", JAN1, 1)));
    assertTrue(e.getMessage().contains("before the first purchase"), e.getMessage());
    // T smaller than recency.
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BtydSummary(CustomerId.of("a"), JAN1, 2, 10, 9, 1, 0, 0, 0));
    assertTrue(e.getMessage().contains("at least the recency"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> BtydSummarizer.builder(JAN1).holdoutEnd(JAN1));
    assertEquals(0, s.summarize(List.of()).size());
    // Merging in the wrong order would put a customer's later purchase first.
    BtydSummarizer.Accumulator later = s.accumulator().add(tx("a", JAN1.plusDays(9), 1));
    BtydSummarizer.Accumulator earlier = s.accumulator().add(tx("a", JAN1.plusDays(2), 1));
    e = assertThrows(IllegalArgumentException.class, () -> later.merge(earlier));
    assertTrue(e.getMessage().contains("time order"), e.getMessage());
    BtydSummarizer other = BtydSummarizer.builder(JAN1.plusDays(31)).build();
    assertThrows(IllegalArgumentException.class, () -> s.accumulator().merge(other.accumulator()));
  }
}
