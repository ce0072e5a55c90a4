package org.cx4j.spark.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.PurchaseModelFit;
import org.cx4j.metrics.rfm.BtydSummaries;
import org.cx4j.metrics.rfm.BtydSummarizer;
import org.cx4j.metrics.rfm.BtydSummary;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.Test;

/**
 * BTYD summaries, the BG/NBD fit and predictions on Spark against {@link BtydSummarizer} and {@link
 * BgNbdModel} on one machine: the bundled sample in four partitions, and the whole CDNOW master
 * file (23,570 customers) in {@code local[2]}.
 */
class SparkClvTest {

  private static final StructType TX =
      new StructType()
          .add("customer_id", DataTypes.StringType, true)
          .add("time", DataTypes.TimestampType, true)
          .add("amount", DataTypes.DoubleType, true);

  private static Dataset<Row> dataset(List<Transaction> tx) {
    List<Row> rows = new ArrayList<>(tx.size());
    for (Transaction t : tx) {
      rows.add(RowFactory.create(t.customer().value(), Timestamp.from(t.timestamp()), t.amount()));
    }
    return SparkTesting.spark().createDataFrame(rows, TX);
  }

  /** Summaries equal field by field (doubles to 1e-12 relative: the sums run in one order). */
  private static void assertSame(BtydSummaries expected, List<Row> actual) {
    assertEquals(expected.size(), actual.size(), "customers");
    Map<String, Row> byId = new HashMap<>();
    for (Row r : actual) {
      byId.put(r.getString(0), r);
    }
    for (BtydSummary s : expected.summaries()) {
      Row r = byId.get(s.customer().value());
      String who = "customer " + s.customer().value();
      assertEquals(s.firstPurchase(), r.getDate(1).toLocalDate(), who);
      assertEquals(s.frequency(), r.getInt(2), who + " x");
      assertEquals(s.recency(), r.getDouble(3), 1e-12 * Math.max(1, s.recency()), who + " t_x");
      assertEquals(s.age(), r.getDouble(4), 1e-12 * Math.max(1, s.age()), who + " T");
      assertEquals(
          s.monetaryValue(),
          r.getDouble(5),
          1e-12 * Math.max(1, s.monetaryValue()),
          who + " monetary");
      assertEquals(s.holdoutFrequency(), r.getInt(6), who + " holdout x");
      assertEquals(s.holdoutDuration(), r.getDouble(8), 1e-12, who + " holdout duration");
    }
  }

  @Test
  void sampleSummariesAndPredictionsEqualOneMachine() {
    List<Transaction> tx = SparkTesting.sample().transactions();
    LocalDate cal = LocalDate.of(2025, 9, 30);
    BtydSummarizer one = BtydSummarizer.builder(cal).holdoutEnd(LocalDate.of(2025, 12, 31)).build();
    SparkClv clv =
        SparkClv.builder(cal).holdoutEnd(LocalDate.of(2025, 12, 31)).partitions(4).build();
    Dataset<Row> summaries = clv.summaries(dataset(tx));
    BtydSummaries expected = one.summarize(tx);
    assertSame(expected, summaries.collectAsList());

    PurchaseModelFit<BgNbdModel> fit = clv.fitBgNbd(summaries);
    PurchaseModelFit<BgNbdModel> oneFit = BgNbdModel.fit(expected.repeatPurchaseData());
    // The same (x, t_x, T) in the same (customer id) order: the same fit.
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        oneFit.model().parameters(), fit.model().parameters(), 1e-12);
    // The histogram's weighted fit is the per-customer fit.
    SparkClv.Histogram h = SparkClv.histogram(summaries, 0);
    assertEquals(expected.size(), h.totalCustomers());
    assertFitsEqual(oneFit, h.fitBgNbd(), "sample histogram");
    BgNbdModel m = fit.model();
    for (Row p : clv.predict(summaries, m, 13).collectAsList()) {
      int x = p.getInt(1);
      double tx1 = p.getDouble(2);
      double age = p.getDouble(3);
      assertEquals(m.probabilityAlive(x, tx1, age), p.getDouble(4), 0.0);
      assertEquals(m.conditionalExpectedPurchases(13, x, tx1, age), p.getDouble(5), 0.0);
    }
  }

  @Test
  void cdnowMasterInLocal2EqualsOneMachine() throws IOException {
    Path file = SharedDatasets.require("cdnow/CDNOW_master.txt");
    List<Transaction> tx = new ArrayList<>();
    DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
    for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      tx.add(
          new Transaction(
              CustomerId.of(f[0]),
              LocalDate.parse(f[1], ymd).atStartOfDay(ZoneOffset.UTC).toInstant(),
              Double.parseDouble(f[3]),
              Integer.parseInt(f[2]),
              null));
    }
    LocalDate cal = LocalDate.of(1997, 9, 30);
    BtydSummaries expected =
        BtydSummarizer.builder(cal).holdoutEnd(LocalDate.of(1998, 6, 30)).build().summarize(tx);
    assertEquals(23_570, expected.size());
    SparkClv clv =
        SparkClv.builder(cal).holdoutEnd(LocalDate.of(1998, 6, 30)).partitions(2).build();
    Dataset<Row> summaries = clv.summaries(dataset(tx)).cache();
    assertSame(expected, summaries.collectAsList());
    PurchaseModelFit<BgNbdModel> fit = clv.fitBgNbd(summaries);
    PurchaseModelFit<BgNbdModel> oneFit = BgNbdModel.fit(expected.repeatPurchaseData());
    assertEquals(oneFit.model().r(), fit.model().r(), 1e-9);
    assertEquals(oneFit.model().alpha(), fit.model().alpha(), 1e-7);
    assertEquals(oneFit.model().a(), fit.model().a(), 1e-9);
    assertEquals(oneFit.model().b(), fit.model().b(), 1e-9);
    assertHistogramFits(summaries, expected, oneFit);
    summaries.unpersist();
  }

  /** Relative agreement of two fits of one likelihood whose sums run in another order. */
  private static final double FIT_TOLERANCE = 1e-7;

  private static void assertFitsEqual(
      PurchaseModelFit<BgNbdModel> expected, PurchaseModelFit<BgNbdModel> actual, String what) {
    double[] e = expected.model().parameters();
    double[] a = actual.model().parameters();
    for (int i = 0; i < e.length; i++) {
      assertEquals(
          e[i], a[i], FIT_TOLERANCE * e[i], what + ": " + expected.model().parameterNames().get(i));
    }
    assertEquals(
        expected.estimates().logLikelihood(),
        actual.estimates().logLikelihood(),
        1e-9 * Math.abs(expected.estimates().logLikelihood()),
        what + ": log-likelihood");
    assertEquals(expected.estimates().customers(), actual.estimates().customers(), what);
  }

  /**
   * The histogram of CDNOW's 23,570 (x, t_x, T): counted on Spark, it equals a naive count of the
   * one-machine summaries; its weighted fit equals the per-customer fit; rounded to a week, it
   * equals the naive count of the rounded histories and its fit the per-customer fit to them.
   */
  private static void assertHistogramFits(
      Dataset<Row> summaries, BtydSummaries expected, PurchaseModelFit<BgNbdModel> perCustomer) {
    int exactSize = 0;
    for (double resolution : new double[] {0, 1}) {
      String what = "resolution " + resolution;
      // The oracle: the one-machine histories, rounded as documented, counted in a tree map.
      int n = expected.size();
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] t = new double[n];
      java.util.TreeMap<List<Double>, Long> naive =
          new java.util.TreeMap<>(
              (p, q) -> {
                for (int k = 0; k < 3; k++) {
                  int c = Double.compare(p.get(k), q.get(k));
                  if (c != 0) {
                    return c;
                  }
                }
                return 0;
              });
      int i = 0;
      for (BtydSummary s : expected.summaries()) {
        x[i] = s.frequency();
        tx[i] = round(s.recency(), resolution);
        t[i] = round(s.age(), resolution);
        naive.merge(List.of((double) x[i], tx[i], t[i]), 1L, Long::sum);
        i++;
      }
      SparkClv.Histogram h = SparkClv.histogram(summaries, resolution);
      assertEquals(naive.size(), h.histories().size(), what);
      // Exact: 8,685 distinct histories of 23,570 customers; a week's rounding merges more.
      assertTrue(h.histories().size() < (resolution == 0 ? n : exactSize), what + ": " + h);
      if (resolution == 0) {
        exactSize = h.histories().size();
      }
      assertEquals(n, h.totalCustomers(), what);
      int k = 0;
      for (Map.Entry<List<Double>, Long> e : naive.entrySet()) {
        assertEquals(e.getKey().get(0).intValue(), h.histories().frequency(k), what + " x");
        // Summaries on Spark equal those on one machine to 1e-12 (assertSame), the histories too.
        assertEquals(e.getKey().get(1), h.histories().recency(k), 1e-9, what + " t_x");
        assertEquals(e.getKey().get(2), h.histories().age(k), 1e-9, what + " T");
        assertEquals(e.getValue(), h.customers()[k], what + " customers of " + e.getKey());
        k++;
      }
      PurchaseModelFit<BgNbdModel> counted = h.fitBgNbd();
      PurchaseModelFit<BgNbdModel> reference =
          resolution == 0
              ? perCustomer
              : BgNbdModel.fit(org.cx4j.metrics.clv.RepeatPurchaseData.of(x, tx, t));
      assertFitsEqual(reference, counted, what);
      if (resolution > 0) {
        // A week's rounding moves the estimates a little (within 3% on CDNOW), no more.
        double[] exact = perCustomer.model().parameters();
        double[] rounded = counted.model().parameters();
        for (int p = 0; p < 4; p++) {
          assertEquals(exact[p], rounded[p], 0.03 * exact[p], "rounded parameter " + p);
        }
      }
    }
  }

  /** The documented rounding: half up to a multiple of the resolution. */
  private static double round(double v, double resolution) {
    return resolution == 0 ? v : Math.floor(v / resolution + 0.5) * resolution;
  }

  @Test
  void nullsAndBadColumnsAreNamed() {
    List<Row> rows = List.of(RowFactory.create("c1", null, 1.0));
    Dataset<Row> d = SparkTesting.spark().createDataFrame(rows, TX);
    SparkClv clv = SparkClv.builder(LocalDate.of(2025, 1, 1)).build();
    Exception e = assertThrows(Exception.class, () -> clv.summaries(d).collectAsList());
    String all = String.valueOf(e.getMessage()) + e.getCause();
    assertTrue(all.contains("null in column 'time'"), all);
    Dataset<Row> wrong = d.drop("amount");
    assertThrows(IllegalArgumentException.class, () -> clv.summaries(wrong));
    Dataset<Row> none = clv.summaries(d.limit(0));
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException r =
          assertThrows(IllegalArgumentException.class, () -> SparkClv.histogram(none, bad));
      assertTrue(
          r.getMessage().contains("resolution must be finite and at least 0, got " + bad),
          r.getMessage());
    }
    IllegalArgumentException r =
        assertThrows(IllegalArgumentException.class, () -> SparkClv.histogram(none, 0));
    assertTrue(r.getMessage().contains("no customer summaries"), r.getMessage());
  }
}
