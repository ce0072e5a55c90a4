package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW transaction logs (Fader, Hardie and Lee 2005, "Counting your customers the easy way";
 * files from the lifetimes package): whitespace-separated, leading spaces, runs of spaces, CRLF.
 * Expected totals are computed here by a different route (plain line splitting and BigDecimal), and
 * the customer counts are the published ones: 23,570 customers in the master file, a 1/10th sample
 * of 2,357.
 */
class CdnowReaderTest {

  private static final TimestampFormat DAY = TimestampFormat.pattern("yyyyMMdd", ZoneOffset.UTC);
  private static final ColumnMapping COLUMNS =
      ColumnMapping.of("timestamp", "date", "quantity", "number_of_cds", "amount", "dollar_value");

  @Test
  void sampleWithoutHeader() throws IOException {
    Path file = SharedDatasets.require("cdnow/CDNOW_sample.txt");
    CxReader<Transaction> reader =
        CxReaders.transactions()
            .format(
                CsvFormat.whitespace()
                    .withoutHeader(
                        "master_id", "sample_id", "date", "number_of_cds", "dollar_value"))
            .mapping(COLUMNS.map(Field.CUSTOMER_ID, "master_id"))
            .timestamps(DAY);
    List<Transaction> tx = new ArrayList<>();
    ReadReport report = reader.forEach(file, tx::add);

    assertEquals(new ReadReport(file.toString(), 6919, 6919, 0, List.of()), report);
    // first line: " 00004 0001 19970101  2   29.33"
    assertEquals(
        new Transaction(
            CustomerId.of("00004"), Instant.parse("1997-01-01T00:00:00Z"), 29.33, 2, null),
        tx.get(0));
    // last line: " 23569 2357 19970325  2   25.74"
    assertEquals(
        new Transaction(
            CustomerId.of("23569"), Instant.parse("1997-03-25T00:00:00Z"), 25.74, 2, null),
        tx.get(6918));
    assertEquals(2357, distinctCustomers(tx));
    assertTotals(file, 0, 3, 4, tx);
  }

  @Test
  void masterWithHeader() throws IOException {
    Path file = SharedDatasets.require("cdnow/CDNOW_master.txt");
    CxReader<Transaction> reader =
        CxReaders.transactions().format(CsvFormat.whitespace()).mapping(COLUMNS).timestamps(DAY);
    List<Transaction> tx = new ArrayList<>();
    ReadReport report = reader.forEach(file, tx::add);

    assertEquals(new ReadReport(file.toString(), 69659, 69659, 0, List.of()), report);
    // first data line: " 00001 19970101  1   11.77"
    assertEquals(
        new Transaction(
            CustomerId.of("00001"), Instant.parse("1997-01-01T00:00:00Z"), 11.77, 1, null),
        tx.get(0));
    assertEquals(23570, distinctCustomers(tx));
    assertTotals(file, 1, 2, 3, tx);
  }

  private static int distinctCustomers(List<Transaction> tx) {
    Set<CustomerId> ids = new HashSet<>();
    tx.forEach(t -> ids.add(t.customer()));
    return ids.size();
  }

  /**
   * Checks the sums of number_of_cds and dollar_value against a plain split of each line (the
   * oracle; the reader itself never splits strings), the dollars exactly in BigDecimal.
   */
  private static void assertTotals(
      Path file, int skip, int cdsColumn, int dollarColumn, List<Transaction> tx)
      throws IOException {
    long cds = 0;
    BigDecimal dollars = BigDecimal.ZERO;
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    for (String line : lines.subList(skip, lines.size())) {
      String[] f = line.trim().split("\\s+");
      cds += Long.parseLong(f[cdsColumn]);
      dollars = dollars.add(new BigDecimal(f[dollarColumn]));
    }
    long readCds = 0;
    BigDecimal readDollars = BigDecimal.ZERO;
    for (Transaction t : tx) {
      readCds += t.quantity();
      readDollars = readDollars.add(new BigDecimal(Double.toString(t.amount())));
    }
    assertEquals(cds, readCds);
    assertEquals(dollars.stripTrailingZeros(), readDollars.stripTrailingZeros());
  }
}
