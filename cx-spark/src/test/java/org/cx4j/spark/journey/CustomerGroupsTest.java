package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * {@link CustomerGroups} without Spark, against an oracle that groups the rows by id in a map and
 * sorts each customer's rows by time with a stable sort: ids of 0 to 30 bytes sharing prefixes (so
 * equal first 8 bytes and equal hashes' buckets meet), customers with one row and with hundreds
 * (out of time order, past the insertion sort's limit), equal times.
 */
class CustomerGroupsTest {

  private static final String[] TOUCHPOINTS = {"t0", "t1", "t2", "t3"};

  private static PartitionTask task() {
    return BlockShuffleTest.task(TOUCHPOINTS);
  }

  /** One input row: id, touchpoint code, millis, arrival index. */
  private record In(String id, int tp, long ms, int arrival) {}

  @Test
  void groupsByCustomerAndOrdersByTimeThenArrival() {
    for (int seed = 0; seed < 5; seed++) {
      Random rnd = new Random(seed);
      List<String> ids = new ArrayList<>();
      for (int c = 0; c < 3000; c++) {
        String base =
            switch (rnd.nextInt(4)) {
              case 0 -> ""; // short, up to 8 bytes with the number
              case 1 -> "customer-"; // long, shared first 8 bytes
              case 2 -> "é"; // non-ASCII
              default -> "x-customer-with-long-id-"; // long
            };
        ids.add(base + c);
      }
      ids.add(""); // the empty id is an id like any other here
      List<In> rows = new ArrayList<>();
      List<InternalRow> internal = new ArrayList<>();
      for (int i = 0; i < 40_000; i++) {
        // A few customers with many rows, most with a few.
        String id =
            rnd.nextInt(10) == 0 ? ids.get(rnd.nextInt(3)) : ids.get(rnd.nextInt(ids.size()));
        int tp = rnd.nextInt(TOUCHPOINTS.length);
        long ms = rnd.nextInt(4) == 0 ? 1000 : rnd.nextInt(5000) - 2500; // ties, negatives
        rows.add(new In(id, tp, ms, i));
        GenericInternalRow g = new GenericInternalRow(3);
        g.update(0, UTF8String.fromString(id));
        g.update(1, UTF8String.fromString(TOUCHPOINTS[tp]));
        g.setLong(2, ms * 1000 + rnd.nextInt(1000)); // micros, floored back to ms
        internal.add(g);
      }
      List<Tuple2<Long, byte[]>> blocks = new ArrayList<>();
      BlockShuffle.encode(
              SparkInternals.Catalyst.rows(internal.iterator()), 1, false, TOUCHPOINTS, task())
          .forEachRemaining(blocks::add);
      BlockShuffle.Cursor cursor = BlockShuffle.cursor(blocks.iterator(), false, 4);
      CustomerGroups groups = new CustomerGroups(cursor);
      while (cursor.next()) {
        groups.add(Math.floorDiv(cursor.micros(), 1000L), cursor.touchpoint(), -1);
      }
      List<String> registered = new ArrayList<>();
      CustomerGroups.Sorted s =
          groups.sort(
              id -> {
                registered.add(id);
                return registered.size() - 1;
              });

      // Oracle: per customer, rows by time, ties in arrival order (List.sort is stable).
      Map<String, List<In>> expected = new LinkedHashMap<>();
      for (In r : rows) {
        expected.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
      }
      expected.values().forEach(l -> l.sort(Comparator.comparingLong(In::ms)));
      assertEquals(expected.size(), registered.size(), "each distinct id registered once");
      assertEquals(expected.keySet(), new java.util.HashSet<>(registered));
      Map<String, List<long[]>> actual = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        if (i > 0) {
          assertTrue(s.customer()[i - 1] <= s.customer()[i], "codes ascend along the rows");
        }
        actual
            .computeIfAbsent(registered.get(s.customer()[i]), k -> new ArrayList<>())
            .add(new long[] {s.touchpoint()[i], s.millis()[i]});
      }
      for (Map.Entry<String, List<In>> e : expected.entrySet()) {
        List<long[]> got = actual.get(e.getKey());
        assertEquals(e.getValue().size(), got.size(), e.getKey());
        for (int k = 0; k < got.size(); k++) {
          assertEquals(e.getValue().get(k).tp(), got.get(k)[0], e.getKey() + " row " + k);
          assertEquals(e.getValue().get(k).ms(), got.get(k)[1], e.getKey() + " row " + k);
        }
      }
    }
  }
}
