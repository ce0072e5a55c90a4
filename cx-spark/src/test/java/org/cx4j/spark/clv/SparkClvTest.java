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
 * BTYD summaries, the BG/NBD fit and predictions on Spark against {@link BtydSummarizer} and
 * {@link BgNbdModel} on one machine: the bundled sample in four partitions, and the whole CDNOW
 * master file (23,570 customers) in {@code local[2]}.
 */
class SparkClvTest {

  private static final StructType TX = new StructType()
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
      assertEquals(s.monetaryValue(), r.getDouble(5), 1e-12 * Math.max(1, s.monetaryValue()),
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
    SparkClv clv = SparkClv.builder(cal).holdoutEnd(LocalDate.of(2025, 12, 31)).partitions(4)
        .build();
    Dataset<Row> summaries = clv.summaries(dataset(tx));
    BtydSummaries expected = one.summarize(tx);
    assertSame(expected, summaries.collectAsList());

    PurchaseModelFit<BgNbdModel> fit = clv.fitBgNbd(summaries);
    PurchaseModelFit<BgNbdModel> oneFit = BgNbdModel.fit(expected.repeatPurchaseData());
    // The same (x, t_x, T) in the same (customer id) order: the same fit.
    org.junit.jupiter.api.Assertions.assertArrayEquals(oneFit.model().parameters(),
        fit.model().parameters(), 1e-12);
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
      tx.add(new Transaction(CustomerId.of(f[0]),
          LocalDate.parse(f[1], ymd).atStartOfDay(ZoneOffset.UTC).toInstant(),
          Double.parseDouble(f[3]), Integer.parseInt(f[2]), null));
    }
    LocalDate cal = LocalDate.of(1997, 9, 30);
    BtydSummaries expected = BtydSummarizer.builder(cal).holdoutEnd(LocalDate.of(1998, 6, 30))
        .build().summarize(tx);
    assertEquals(23_570, expected.size());
    SparkClv clv = SparkClv.builder(cal).holdoutEnd(LocalDate.of(1998, 6, 30)).partitions(2)
        .build();
    Dataset<Row> summaries = clv.summaries(dataset(tx)).cache();
    assertSame(expected, summaries.collectAsList());
    PurchaseModelFit<BgNbdModel> fit = clv.fitBgNbd(summaries);
    PurchaseModelFit<BgNbdModel> oneFit = BgNbdModel.fit(expected.repeatPurchaseData());
    assertEquals(oneFit.model().r(), fit.model().r(), 1e-9);
    assertEquals(oneFit.model().alpha(), fit.model().alpha(), 1e-7);
    assertEquals(oneFit.model().a(), fit.model().a(), 1e-9);
    assertEquals(oneFit.model().b(), fit.model().b(), 1e-9);
    summaries.unpersist();
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
  }
}
