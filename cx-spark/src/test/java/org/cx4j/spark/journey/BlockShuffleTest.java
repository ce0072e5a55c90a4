package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.spark.NullPolicy;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The block encoding of {@link BlockShuffle} without Spark: every row reaches exactly one target
 * block (all rows of a customer the same one) and decodes to the same fields (nulls included, the
 * touchpoint as its catalog code), in input order; unknown touchpoints are refused by name.
 */
class BlockShuffleTest {

  private static final String[] TOUCHPOINTS = {"t0", "t1", "t2", "t3", "t4"};

  private static PartitionTask task() {
    return task(TOUCHPOINTS);
  }

  /**
   * A lenient task over a catalog of {@code touchpoints} (web, consideration) without an outcome
   * column; also used by {@link CustomerGroupsTest}.
   */
  static PartitionTask task(String[] touchpoints) {
    String[][] catalog = new String[touchpoints.length][];
    for (int t = 0; t < catalog.length; t++) {
      catalog[t] = new String[] {touchpoints[t], touchpoints[t], "web", "consideration"};
    }
    return new PartitionTask(
        catalog,
        JourneyRebuilder::defaults,
        null,
        Level.TOUCHPOINT,
        false,
        null,
        null,
        NullPolicy.LENIENT,
        new String[] {"customer_id", "touchpoint", "time", null},
        false);
  }

  /** A random row: fields null now and then, ids of 0 to about 20 bytes, some non-ASCII. */
  private static Object[] row(Random r, boolean outcome) {
    String id =
        r.nextInt(20) == 0
            ? null
            : "c" + "é".repeat(r.nextInt(5)) + r.nextInt(r.nextBoolean() ? 50 : 1_000_000_000);
    String tp = r.nextInt(20) == 0 ? null : TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
    Long micros = r.nextInt(20) == 0 ? null : r.nextLong();
    String out = r.nextInt(3) == 0 ? null : r.nextBoolean() ? "converted" : "a longer outcome";
    return outcome ? new Object[] {id, tp, micros, out} : new Object[] {id, tp, micros};
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

  /** The cursor's current record as the input row it should be (touchpoint code to id). */
  private static Object[] values(BlockShuffle.Cursor c, int fields) {
    int nulls = c.nulls();
    Object[] v = new Object[fields];
    v[0] = (nulls & BlockShuffle.CUSTOMER_NULL) != 0 ? null : c.id();
    v[1] = (nulls & BlockShuffle.TOUCHPOINT_NULL) != 0 ? null : TOUCHPOINTS[c.touchpoint()];
    v[2] = (nulls & BlockShuffle.TIME_NULL) != 0 ? null : (Object) c.micros();
    if (fields == 4) {
      v[3] =
          (nulls & BlockShuffle.OUTCOME_NULL) != 0
              ? null
              : new String(c.outcome(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return v;
  }

  private static List<Tuple2<Long, byte[]>> encode(List<InternalRow> rows, int n, boolean o) {
    List<Tuple2<Long, byte[]>> blocks = new ArrayList<>();
    BlockShuffle.encode(SparkInternals.Catalyst.rows(rows.iterator()), n, o, TOUCHPOINTS, task())
        .forEachRemaining(blocks::add);
    return blocks;
  }

  @Test
  void everyRowDecodesIntoItsCustomersBlockInInputOrder() {
    for (boolean outcome : new boolean[] {false, true}) {
      Random random = new Random(42);
      int n = 3;
      List<Object[]> input = new ArrayList<>();
      List<InternalRow> rows = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        Object[] v = row(random, outcome);
        input.add(v);
        rows.add(internal(v));
      }
      List<Tuple2<Long, byte[]>> blocks = encode(rows, n, outcome);
      // Decode each target's blocks; note which target each customer (null included) reached.
      Map<String, Integer> targetOf = new HashMap<>();
      List<List<Object[]>> decoded = new ArrayList<>();
      for (int target = 0; target < n; target++) {
        List<Tuple2<Long, byte[]>> mine = new ArrayList<>();
        for (Tuple2<Long, byte[]> b : blocks) {
          if (new BlockShuffle.TargetPartitioner(n).getPartition(b._1()) == target) {
            mine.add(b);
          }
        }
        BlockShuffle.Cursor c = BlockShuffle.cursor(mine.iterator(), outcome, TOUCHPOINTS.length);
        List<Object[]> got = new ArrayList<>();
        while (c.next()) {
          Object[] v = values(c, outcome ? 4 : 3);
          got.add(v);
          Integer before = targetOf.put(String.valueOf(v[0]), target);
          assertTrue(before == null || before == target, "customer " + v[0] + " in two targets");
        }
        decoded.add(got);
      }
      // Oracle: per target, the input rows of the customers that reached it, in input order.
      int seen = 0;
      Set<Integer> used = new HashSet<>();
      for (int target = 0; target < n; target++) {
        List<Object[]> expected = new ArrayList<>();
        for (Object[] v : input) {
          if (targetOf.get(String.valueOf(v[0])) == target) {
            expected.add(v);
          }
        }
        assertEquals(expected.size(), decoded.get(target).size());
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(Arrays.asList(expected.get(i)), Arrays.asList(decoded.get(target).get(i)));
        }
        seen += expected.size();
        if (!expected.isEmpty()) {
          used.add(target);
        }
      }
      assertEquals(input.size(), seen);
      assertEquals(n, used.size(), "customers spread over every target");
    }
  }

  /**
   * Spark's scans hand over {@link org.apache.spark.sql.catalyst.expressions.UnsafeRow}s, whose
   * strings the encoder reads in place: the same rows as unsafe rows give byte-identical blocks.
   */
  @Test
  void unsafeRowsEncodeExactlyAsGenericRows() {
    for (boolean outcome : new boolean[] {false, true}) {
      DataType[] types =
          outcome
              ? new DataType[] {
                DataTypes.StringType, DataTypes.StringType, DataTypes.LongType, DataTypes.StringType
              }
              : new DataType[] {DataTypes.StringType, DataTypes.StringType, DataTypes.LongType};
      UnsafeProjection toUnsafe = UnsafeProjection.create(types);
      Random random = new Random(7);
      List<InternalRow> generic = new ArrayList<>();
      List<InternalRow> unsafe = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        InternalRow g = internal(row(random, outcome));
        generic.add(g);
        unsafe.add(toUnsafe.apply(g).copy());
      }
      assertTrue(unsafe.get(0) instanceof org.apache.spark.sql.catalyst.expressions.UnsafeRow);
      List<Tuple2<Long, byte[]>> expected = encode(generic, 3, outcome);
      List<Tuple2<Long, byte[]>> got = encode(unsafe, 3, outcome);
      assertEquals(expected.size(), got.size());
      for (int b = 0; b < expected.size(); b++) {
        assertEquals(expected.get(b)._1(), got.get(b)._1());
        assertTrue(Arrays.equals(expected.get(b)._2(), got.get(b)._2()), "block " + b);
      }
    }
  }

  /**
   * A map task's rows for one target span several chunks (64 KB, then doubling to 1 MB), and an id
   * larger than a chunk gets a chunk of its own; the chunks, handed over in any order, decode to
   * the rows in input order.
   */
  @Test
  void chunksOfOneMapTaskDecodeInOrderWhateverTheirArrivalOrder() {
    List<Object[]> input = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) { // about 3 MB: chunks of 64 K, 128 K, ... 1 M, 1 M
      input.add(new Object[] {"c" + i % 977, TOUCHPOINTS[i % 5], (long) i, "o" + i % 3});
      if (i == 70_000) {
        input.add(new Object[] {"x".repeat(1_500_000), "t1", 5L, "y".repeat(1_200_000)});
      }
    }
    List<InternalRow> rows = new ArrayList<>();
    for (Object[] v : input) {
      rows.add(internal(v));
    }
    List<Tuple2<Long, byte[]>> chunks = encode(rows, 1, true);
    assertTrue(chunks.size() >= 6, "chunks: " + chunks.size());
    java.util.Collections.shuffle(chunks, new Random(3));
    BlockShuffle.Cursor c = BlockShuffle.cursor(chunks.iterator(), true, TOUCHPOINTS.length);
    assertTrue(c.expectedRecords() >= input.size() / 2, "estimate " + c.expectedRecords());
    for (Object[] v : input) {
      assertTrue(c.next());
      assertEquals(Arrays.asList(v), Arrays.asList(values(c, 4)));
    }
    assertFalse(c.next());
  }

  @Test
  void idsAroundEightBytesAndEmptyDecodeExactly() {
    List<String> ids =
        List.of(
            "",
            "a",
            "a\0",
            "1234567",
            "12345678",
            "123456789",
            "ééé",
            "éééé",
            "ééééé",
            "a-customer-id-of-many-bytes");
    List<InternalRow> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(internal(new Object[] {id, "t1", 7L}));
    }
    BlockShuffle.Cursor c = BlockShuffle.cursor(encode(rows, 1, false).iterator(), false, 5);
    List<String> got = new ArrayList<>();
    while (c.next()) {
      got.add(c.id());
      assertEquals(c.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, c.idLength());
    }
    assertEquals(ids, got);
  }

  @Test
  void blocksOfOneTargetArriveInMapPartitionOrder() {
    // Two map partitions' blocks for target 0, given in reverse: map partition 0's rows first.
    byte[] b0 = encode(List.of(internal(new Object[] {"a", "t1", 1L})), 1, false).get(0)._2();
    byte[] b1 = encode(List.of(internal(new Object[] {"a", "t2", 2L})), 1, false).get(0)._2();
    BlockShuffle.Cursor c =
        BlockShuffle.cursor(
            List.of(new Tuple2<>(1L, b1), new Tuple2<>(0L, b0)).iterator(), false, 5);
    assertTrue(c.next());
    assertEquals(1, c.touchpoint());
    assertTrue(c.next());
    assertEquals(2, c.touchpoint());
    assertFalse(c.next());
  }

  @Test
  void unknownTouchpointIsRefusedOnTheMapSideByName() {
    Iterator<InternalRow> rows = List.of(internal(new Object[] {"a", "t9", 1L})).iterator();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BlockShuffle.encode(
                    SparkInternals.Catalyst.rows(rows), 2, false, TOUCHPOINTS, task()));
    assertTrue(
        e.getMessage().contains("'t9'") && e.getMessage().contains("touchpoint"), e.getMessage());
  }
}
