package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/** Readers that share a pool give rows naming the same customer the same id instance. */
class CustomerIdPoolTest {

  private static final String CUSTOMERS = "customer_id,plan\nC1,standard\nC2,plus\n";
  private static final String TRANSACTIONS =
      "customer_id,timestamp,amount\n"
          + "C2,2025-01-01T10:00:00Z,10.5\nC1,2025-01-02T10:00:00Z,3\nC2,2025-01-03T10:00:00Z,4\n";

  private static <T> List<T> read(CxReader<T> reader, String text) {
    List<T> out = new ArrayList<>();
    try (RecordStream<T> rows = reader.read(new StringReader(text), "test")) {
      rows.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void sharedAcrossFiles() {
    CustomerIdPool pool = CustomerIdPool.create();
    List<Customer> cs = read(CxReaders.customers().sharingIds(pool), CUSTOMERS);
    List<Transaction> ts = read(CxReaders.transactions().sharingIds(pool), TRANSACTIONS);
    assertSame(cs.get(1).id(), ts.get(0).customer());
    assertSame(cs.get(0).id(), ts.get(1).customer());
    assertSame(ts.get(0).customer(), ts.get(2).customer());
    assertEquals(2, pool.size());
  }

  @Test
  void withoutAPoolEveryRowHasItsOwnId() {
    List<Transaction> ts = read(CxReaders.transactions(), TRANSACTIONS);
    assertEquals(ts.get(0).customer(), ts.get(2).customer());
    assertNotSame(ts.get(0).customer(), ts.get(2).customer());
  }

  @Test
  void aBadIdIsStillARowErrorNamingTheColumn() {
    CustomerIdPool pool = CustomerIdPool.create();
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () ->
                read(
                    CxReaders.transactions().sharingIds(pool),
                    "customer_id,timestamp,amount\n"
                        + "x".repeat(CustomerId.MAX_LENGTH + 1)
                        + ",2025-01-01T10:00:00Z,1\n"));
    assertEquals("customer_id", e.error().column());
    assertEquals(0, pool.size());
  }

  @Test
  void threadsGetTheSameInstances() throws Exception {
    CustomerIdPool pool = CustomerIdPool.create();
    ExecutorService ex = Executors.newFixedThreadPool(4);
    try {
      List<Future<CustomerId[]>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(
            ex.submit(
                () -> {
                  CustomerId[] got = new CustomerId[10_000];
                  for (int i = 0; i < got.length; i++) {
                    got[i] = pool.get("C" + i);
                  }
                  return got;
                }));
      }
      CustomerId[] first = fs.get(0).get();
      for (Future<CustomerId[]> f : fs) {
        CustomerId[] other = f.get();
        for (int i = 0; i < first.length; i++) {
          assertSame(first[i], other[i]);
        }
      }
      assertEquals(10_000, pool.size());
    } finally {
      ex.shutdown();
    }
  }
}
