package org.cx4j.spark.journey;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;

/**
 * Groups the interactions of each customer into one of {@code n} partitions with a shuffle of a
 * few large byte blocks instead of one shuffle record per interaction, then runs the partition
 * task on each group.
 *
 * <p>Why: Spark's own {@code repartition} writes every interaction as a shuffle record (an unsafe
 * row of about 56 bytes here, sorted by target partition and serialized one by one), which cost
 * more than the whole of the target's baseline (see cx-benchmarks' README, "Spark"). Here each
 * map task reads its rows (Spark's internal rows, see {@link InternalRows}) and appends each to the
 * block of its target partition ({@code floorMod(hash of the customer's UTF-8 bytes, n)}): a null
 * flag byte, the customer and touchpoint as length-prefixed UTF-8, the epoch milliseconds and,
 * when present, the outcome. It emits one block per target partition, keyed by (target, map
 * partition). Each reduce task orders its blocks by map partition, so rows arrive in a
 * deterministic order (map partition, then row order within it), and hands them to the partition
 * task as internal rows that point into the blocks (no copy, no per-row string).
 *
 * <p>Null fields travel as nulls; the partition task counts or refuses them exactly as on the
 * other paths.
 */
final class BlockShuffle {

  private BlockShuffle() {}

  /**
   * Runs {@code task} on {@code n} partitions of {@code projected}'s rows grouped by customer;
   * {@code projected} has the columns customer (string), touchpoint (string), epoch millis
   * (long) and, when {@code outcome}, the outcome (string). Returns the tasks' outputs.
   *
   * @throws IllegalArgumentException if {@code projected} is not a classic Dataset
   */
  static List<byte[]> run(Dataset<Row> projected, int n, boolean outcome,
      FlatMapFunction<Iterator<InternalRow>, byte[]> task) {
    if (!InternalRows.supports(projected)) {
      throw new IllegalArgumentException(
          "the block shuffle reads internal rows only of a classic Dataset, got "
              + projected.getClass().getName());
    }
    JavaRDD<InternalRow> rows = ((org.apache.spark.sql.classic.Dataset<Row>) projected)
        .queryExecution().toRdd().toJavaRDD();
    return rows
        .mapPartitionsToPair(it -> encode(it, n, outcome))
        .partitionBy(new TargetPartitioner(n))
        .mapPartitions(blocks -> task.call(decode(blocks, outcome)))
        .collect();
  }

  /** Encodes one map partition into one block per target partition, keyed target << 32 | map. */
  static Iterator<Tuple2<Long, byte[]>> encode(Iterator<InternalRow> rows, int n, boolean outcome) {
    Block[] blocks = new Block[n];
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      boolean noCustomer = r.isNullAt(0);
      int target = noCustomer ? 0 : Math.floorMod(r.getUTF8String(0).hashCode(), n);
      Block b = blocks[target];
      if (b == null) {
        b = blocks[target] = new Block();
      }
      int nulls = (noCustomer ? 1 : 0) | (r.isNullAt(1) ? 2 : 0) | (r.isNullAt(2) ? 4 : 0)
          | (outcome && r.isNullAt(3) ? 8 : 0);
      b.writeByte(nulls);
      if (!noCustomer) {
        b.writeString(r.getUTF8String(0));
      }
      if ((nulls & 2) == 0) {
        b.writeString(r.getUTF8String(1));
      }
      if ((nulls & 4) == 0) {
        b.writeLong(r.getLong(2));
      }
      if (outcome && (nulls & 8) == 0) {
        b.writeString(r.getUTF8String(3));
      }
    }
    long map = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
    List<Tuple2<Long, byte[]>> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (blocks[t] != null) {
        out.add(new Tuple2<>((long) t << 32 | map, blocks[t].bytes()));
      }
    }
    return out.iterator();
  }

  /** The rows of one reduce partition's blocks, in map partition order, as internal rows. */
  static Iterator<InternalRow> decode(Iterator<Tuple2<Long, byte[]>> blocks, boolean outcome) {
    List<Tuple2<Long, byte[]>> list = new ArrayList<>();
    blocks.forEachRemaining(list::add);
    list.sort(Comparator.comparingLong(t -> t._1()));
    return new Rows(list, outcome);
  }

  /** Sends a block to the target partition in the high half of its key. */
  static final class TargetPartitioner extends Partitioner {
    @Serial private static final long serialVersionUID = 1L;
    private final int n;

    TargetPartitioner(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      return (int) ((Long) key >>> 32);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TargetPartitioner p && p.n == n;
    }

    @Override
    public int hashCode() {
      return n;
    }
  }

  /** A growable byte array written little-endian. */
  private static final class Block {
    private byte[] buf = new byte[1 << 16];
    private int size;

    private void ensure(int extra) {
      if (size + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
      }
    }

    void writeByte(int v) {
      ensure(1);
      buf[size++] = (byte) v;
    }

    void writeInt(int v) {
      ensure(4);
      buf[size] = (byte) v;
      buf[size + 1] = (byte) (v >>> 8);
      buf[size + 2] = (byte) (v >>> 16);
      buf[size + 3] = (byte) (v >>> 24);
      size += 4;
    }

    void writeLong(long v) {
      writeInt((int) v);
      writeInt((int) (v >>> 32));
    }

    void writeString(UTF8String s) {
      int len = s.numBytes();
      writeInt(len);
      ensure(len);
      s.writeToMemory(buf, org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET + size);
      size += len;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, size);
    }
  }

  /** Iterates the rows of the blocks, reusing one row whose strings point into the blocks. */
  private static final class Rows implements Iterator<InternalRow> {
    private final List<Tuple2<Long, byte[]>> blocks;
    private final GenericInternalRow row;
    private final boolean outcome;
    private int block;
    private int pos;

    Rows(List<Tuple2<Long, byte[]>> blocks, boolean outcome) {
      this.blocks = blocks;
      this.outcome = outcome;
      this.row = new GenericInternalRow(outcome ? 4 : 3);
    }

    @Override
    public boolean hasNext() {
      while (block < blocks.size() && pos == blocks.get(block)._2().length) {
        block++;
        pos = 0;
      }
      return block < blocks.size();
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      byte[] b = blocks.get(block)._2();
      int nulls = b[pos++];
      pos = string(b, pos, (nulls & 1) != 0, 0);
      pos = string(b, pos, (nulls & 2) != 0, 1);
      if ((nulls & 4) != 0) {
        row.setNullAt(2);
      } else {
        row.setLong(2, readLong(b, pos));
        pos += 8;
      }
      if (outcome) {
        pos = string(b, pos, (nulls & 8) != 0, 3);
      }
      return row;
    }

    private int string(byte[] b, int at, boolean isNull, int field) {
      if (isNull) {
        row.setNullAt(field);
        return at;
      }
      int len = readInt(b, at);
      row.update(field, UTF8String.fromBytes(b, at + 4, len));
      return at + 4 + len;
    }

    private static int readInt(byte[] b, int at) {
      return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16
          | (b[at + 3] & 0xFF) << 24;
    }

    private static long readLong(byte[] b, int at) {
      return (readInt(b, at) & 0xFFFFFFFFL) | (long) readInt(b, at + 4) << 32;
    }
  }
}
