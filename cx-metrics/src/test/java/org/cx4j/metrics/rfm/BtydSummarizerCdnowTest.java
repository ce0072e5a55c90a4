package org.cx4j.metrics.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The BTYD summary of the raw CDNOW sample log ({@code CDNOW_sample.txt}: master_id, sample_id,
 * yyyyMMdd, number of CDs, dollars) against Fader, Hardie and Lee's own summary of the same
 * customers ({@code cdnow_customers_summary_with_transactions.csv}: x, t_x, T, zbar, two decimals),
 * for all 2357 customers: daily purchase periods, weeks, calibration 1997-01-01 to 1997-09-30 (39
 * weeks), as in Python lifetimes' documentation. An independent check: the expected values come
 * from a different code base than ours.
 */
class BtydSummarizerCdnowTest {

  @Test
  void reproducesPublishedSummaryForEveryCustomer() throws IOException {
    Path log = SharedDatasets.require("cdnow/CDNOW_sample.txt");
    Path summary = SharedDatasets.require("cdnow/cdnow_customers_summary_with_transactions.csv");
    DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
    List<Transaction> tx = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      LocalDate d = LocalDate.parse(f[2], ymd);
      tx.add(
          new Transaction(
              CustomerId.of(f[1]),
              d.atStartOfDay(ZoneOffset.UTC).toInstant(),
              Double.parseDouble(f[4]),
              Integer.parseInt(f[3]),
              null));
    }
    BtydSummaries s =
        BtydSummarizer.builder(LocalDate.of(1997, 9, 30))
            .holdoutEnd(LocalDate.of(1998, 6, 30))
            .build()
            .summarize(tx);
    Map<String, BtydSummary> byId = new HashMap<>();
    for (BtydSummary b : s.summaries()) {
      byId.put(String.valueOf(Integer.parseInt(b.customer().value())), b);
    }
    List<String> expected = Files.readAllLines(summary);
    assertEquals(expected.size() - 1, s.size(), "customers");
    int repeaters = 0;
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.trim().split(",");
      BtydSummary b = byId.get(f[0]);
      String who = "customer " + f[0];
      assertEquals(Integer.parseInt(f[1]), b.frequency(), who + " x");
      // The published file has two decimals: half a unit in the last place.
      assertEquals(Double.parseDouble(f[2]), b.recency(), 0.005 + 1e-9, who + " t_x");
      assertEquals(Double.parseDouble(f[3]), b.age(), 0.005 + 1e-9, who + " T");
      assertEquals(Double.parseDouble(f[4]), b.monetaryValue(), 0.005 + 1e-9, who + " zbar");
      if (b.frequency() > 0) {
        repeaters++;
      }
    }
    // SOURCES.md: 946 customers have frequency > 0.
    assertEquals(946, repeaters);
    // Customer 1 by hand: purchases 1997-01-01, 01-18, 08-02 (and 12-12 in the holdout);
    // x = 2, t_x = 213 days / 7 = 30.43, T = 272 / 7 = 38.86, zbar = (29.73 + 14.96) / 2 = 22.345.
    BtydSummary one = byId.get("1");
    assertEquals(213 / 7.0, one.recency(), 1e-12);
    assertEquals(272 / 7.0, one.age(), 1e-12);
    assertEquals((29.73 + 14.96) / 2, one.monetaryValue(), 1e-12);
    assertEquals(1, one.holdoutFrequency());
    assertEquals(273 / 7.0, one.holdoutDuration(), 1e-12); // 1997-09-30 to 1998-06-30
  }
}
