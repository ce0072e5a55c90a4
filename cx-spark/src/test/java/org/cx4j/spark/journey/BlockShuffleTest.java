package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The block encoding of {@link BlockShuffle} without Spark: every row reaches exactly one target
 * block, the customer's, and decodes to the same fields (nulls included), in input order.
 */
class BlockShuffleTest {

  /** A random row: fields null now and then, ids of 0 to 20 bytes, some non-ASCII. */
  private static Object[] row(Random r, boolean outcome) {
    String id = r.nextInt(20) == 0 ? null : "c" + "é".repeat(r.nextInt(3)) + r.nextInt(50);
    String tp = r.nextInt(20) == 0 ? null : "t" + r.nextInt(5);
    Long millis = r.nextInt(20) == 0 ? null : r.nextLong();
    String out = r.nextInt(3) == 0 ? null : "converted";
    return outcome ? new Object[] {id, tp, millis, out} : new Object[] {id, tp, millis};
  }

  private static InternalRow internal(Object[] v) {
    GenericInternalRow g = new GenericInternalRow(v.length);
    for (int i = 0; i < v.length; i++) {
      if (v[i] == null) {
        g.setNullAt(i);
      } else if (v[i] instanceof String s) {
        g.update(i, UTF8String.fromString(s));
      } else {
        g.setLong(i, (Long) v[i]);
      }
    }
    return g;
  }

  private static Object[] values(InternalRow r, int fields) {
    Object[] v = new Object[fields];
    for (int i = 0; i < fields; i++) {
      v[i] = r.isNullAt(i) ? null : i == 2 ? (Object) r.getLong(i) : r.getUTF8String(i).toString();
    }
    return v;
  }

  @Test
  void everyRowDecodesIntoItsCustomersBlockInInputOrder() {
    for (boolean outcome : new boolean[] {false, true}) {
      Random random = new Random(42);
      int n = 3;
      List<Object[]> input = new ArrayList<>();
      List<InternalRow> rows = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        Object[] v = row(random, outcome);
        input.add(v);
        rows.add(internal(v));
      }
      List<Tuple2<Long, byte[]>> blocks = new ArrayList<>();
      BlockShuffle.encode(rows.iterator(), n, outcome).forEachRemaining(blocks::add);
      int seen = 0;
      for (int target = 0; target < n; target++) {
        // Oracle: the input rows whose customer hashes to this target, in input order.
        List<Object[]> expected = new ArrayList<>();
        for (Object[] v : input) {
          int t = v[0] == null ? 0 : Math.floorMod(UTF8String.fromString((String) v[0]).hashCode(), n);
          if (t == target) {
            expected.add(v);
          }
        }
        List<Tuple2<Long, byte[]>> mine = new ArrayList<>();
        for (Tuple2<Long, byte[]> b : blocks) {
          if (new BlockShuffle.TargetPartitioner(n).getPartition(b._1()) == target) {
            mine.add(b);
          }
        }
        Iterator<InternalRow> it = BlockShuffle.decode(mine.iterator(), outcome);
        for (Object[] e : expected) {
          assertTrue(it.hasNext());
          assertEquals(java.util.Arrays.asList(e), java.util.Arrays.asList(values(it.next(), e.length)));
          seen++;
        }
        assertFalse(it.hasNext());
      }
      assertEquals(input.size(), seen);
    }
  }

  @Test
  void blocksOfOneTargetArriveInMapPartitionOrder() {
    // Two map partitions' blocks for target 0, given in reverse: map partition 0's rows first.
    List<InternalRow> first = List.of(internal(new Object[] {"a", "t1", 1L}));
    List<InternalRow> second = List.of(internal(new Object[] {"a", "t2", 2L}));
    byte[] b0 = BlockShuffle.encode(first.iterator(), 1, false).next()._2();
    byte[] b1 = BlockShuffle.encode(second.iterator(), 1, false).next()._2();
    Iterator<InternalRow> it = BlockShuffle.decode(
        List.of(new Tuple2<>(1L, b1), new Tuple2<>(0L, b0)).iterator(), false);
    assertEquals("t1", it.next().getUTF8String(1).toString());
    assertEquals("t2", it.next().getUTF8String(1).toString());
    assertFalse(it.hasNext());
  }
}
