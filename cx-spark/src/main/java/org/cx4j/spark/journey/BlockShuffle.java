package org.cx4j.spark.journey;

import java.io.Serial;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cx4j.spark.journey.SparkInternals.Rows;
import org.cx4j.spark.journey.SparkInternals.Utf8Field;
import scala.Tuple2;

/**
 * Groups the interactions of each customer into one of {@code n} partitions with a shuffle of a few
 * large byte blocks instead of one shuffle record per interaction, then runs the partition task on
 * each group.
 *
 * <p>Why: Spark's own {@code repartition} writes every interaction as a shuffle record (an unsafe
 * row of about 56 bytes here, sorted by target partition and serialized one by one), which cost
 * more than the whole of the target's baseline (see cx-benchmarks' README, "Spark"). Here each map
 * task reads its rows (Spark's internal rows of the input columns as they are, with no projection,
 * through {@link SparkInternals}) and appends each to the block of its target partition, already in
 * the form the partition task needs: the customer id as its length and, up to 8 bytes, its bytes as
 * one {@code long} (Spark's {@code UTF8String.getPrefix()}), the touchpoint as its catalog code (a
 * touchpoint outside the catalog fails here, naming it), the time as Spark's epoch microseconds. It
 * emits each target partition's block as chunks of up to 1 MB (see {@code Block}), keyed by
 * (target, map partition). Each reduce task orders its chunks by map partition and sequence, so
 * rows arrive in a deterministic order (map partition, then row order within it), and reads them
 * with a {@link Cursor}: no row, string or boxed value per interaction.
 *
 * <p>A record: one head byte (bits 0 to 3: customer, touchpoint, time, outcome null; bits 4 to 7:
 * the id's length 0 to 8, or 9 for a longer id), then the fields that are not null: the id (8 bytes
 * of prefix, or a 4-byte length and the bytes), the touchpoint code (2 bytes, or 4 with more than
 * 65,535 touchpoints), the microseconds (8 bytes), the outcome (4-byte length and bytes).
 * Little-endian. The target of a customer is {@code floorMod(hash, n)} of a mix of its prefix and
 * length (short ids) or of Spark's hash of its bytes (longer ids); a null customer goes to
 * partition 0. Null fields travel as flags; the partition task counts or refuses them exactly as on
 * the other paths.
 */
final class BlockShuffle {

  static final int CUSTOMER_NULL = 1;
  static final int TOUCHPOINT_NULL = 2;
  static final int TIME_NULL = 4;
  static final int OUTCOME_NULL = 8;
  private static final int LONG_ID = 9;

  /** A chunk's sequence number and used bytes (see {@code Block}). */
  static final int CHUNK_HEADER = 8;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private BlockShuffle() {}

  /**
   * Runs {@code task} ({@link PartitionTask#fromBlocks}) on {@code n} partitions of {@code input}'s
   * rows grouped by customer; {@code input} has the columns customer (string), touchpoint (string),
   * time (timestamp) and, when {@code outcome}, the outcome (string). Returns the tasks' outputs in
   * partition order.
   *
   * @throws IllegalArgumentException if {@code input}'s internal rows cannot be read ({@link
   *     SparkInternals#usable})
   */
  static List<byte[]> run(Dataset<Row> input, int n, boolean outcome, PartitionTask task) {
    String[] touchpoints = task.touchpointIds();
    return JavaPairRDD.fromJavaRDD(
            SparkInternals.mapPartitions(
                input, rows -> encode(rows, n, outcome, touchpoints, task)))
        .partitionBy(new TargetPartitioner(n))
        .mapPartitions(
            blocks ->
                List.of(task.fromBlocks(cursor(blocks, outcome, touchpoints.length))).iterator())
        .collect();
  }

  /** Whether touchpoint codes take 4 bytes rather than 2. */
  private static boolean wide(int touchpoints) {
    return touchpoints > 0xFFFF;
  }

  /**
   * Encodes one map partition into the chunks of one block per target partition, keyed {@code
   * target << 32 | map partition}; a touchpoint not in {@code touchpoints} is refused through
   * {@code task}.
   */
  static Iterator<Tuple2<Long, byte[]>> encode(
      Rows r, int n, boolean outcome, String[] touchpoints, PartitionTask task) {
    Utf8Codes codes = new Utf8Codes(touchpoints.length);
    for (int t = 0; t < touchpoints.length; t++) {
      codes.put(touchpoints[t].getBytes(StandardCharsets.UTF_8), t);
    }
    boolean wide = wide(touchpoints.length);
    Block[] blocks = new Block[n];
    Utf8Field id = new Utf8Field();
    Utf8Field tp = new Utf8Field();
    Utf8Field outcomeField = new Utf8Field();
    while (r.next()) {
      int nulls =
          (r.isNullAt(0) ? CUSTOMER_NULL : 0)
              | (r.isNullAt(1) ? TOUCHPOINT_NULL : 0)
              | (r.isNullAt(2) ? TIME_NULL : 0)
              | (outcome && r.isNullAt(3) ? OUTCOME_NULL : 0);
      int target = 0;
      long prefix = 0;
      int length = 0;
      if ((nulls & CUSTOMER_NULL) == 0) {
        r.readString(0, id);
        length = id.length;
        if (length <= 8) {
          prefix = Utf8Codes.prefix(id.base, id.offset, length);
          long h = (prefix + length) * 0x9E3779B97F4A7C15L;
          target = Math.floorMod((int) (h ^ (h >>> 32)), n);
        } else {
          target = Math.floorMod(Utf8Codes.hash(id.base, id.offset, length), n);
        }
      }
      int code = 0;
      if ((nulls & TOUCHPOINT_NULL) == 0) {
        r.readString(1, tp);
        code = codes.get(tp);
        if (code < 0) {
          throw task.unknownTouchpoint(tp.toString());
        }
      }
      Block b = blocks[target];
      if (b == null) {
        b = blocks[target] = new Block();
      }
      // The whole record fits in one chunk: records never span chunks.
      int bytes = 1 + 4 + 8;
      if ((nulls & CUSTOMER_NULL) == 0) {
        bytes += length <= 8 ? 8 : 4 + length;
      }
      if (outcome && (nulls & OUTCOME_NULL) == 0) {
        r.readString(3, outcomeField);
        bytes += 4 + outcomeField.length;
      }
      b.startRecord(bytes);
      if ((nulls & CUSTOMER_NULL) != 0) {
        b.putByte(nulls);
      } else if (length <= 8) {
        b.putByte(nulls | length << 4);
        b.putLong(prefix);
      } else {
        b.putByte(nulls | LONG_ID << 4);
        b.putString(id);
      }
      if ((nulls & TOUCHPOINT_NULL) == 0) {
        if (wide) {
          b.putInt(code);
        } else {
          b.putShort(code);
        }
      }
      if ((nulls & TIME_NULL) == 0) {
        b.putLong(r.getLong(2));
      }
      if (outcome && (nulls & OUTCOME_NULL) == 0) {
        b.putString(outcomeField);
      }
    }
    long map = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
    List<Tuple2<Long, byte[]>> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (blocks[t] != null) {
        for (byte[] chunk : blocks[t].chunks()) {
          out.add(new Tuple2<>((long) t << 32 | map, chunk));
        }
      }
    }
    return out.iterator();
  }

  /**
   * A cursor over one reduce partition's blocks, ordered by map partition; {@code touchpoints} is
   * the catalog's size (it sets the width of the codes).
   */
  static Cursor cursor(Iterator<Tuple2<Long, byte[]>> blocks, boolean outcome, int touchpoints) {
    List<Tuple2<Long, byte[]>> list = new ArrayList<>();
    blocks.forEachRemaining(list::add);
    // By target and map partition, then by a map task's chunk sequence.
    list.sort(
        Comparator.<Tuple2<Long, byte[]>>comparingLong(Tuple2::_1)
            .thenComparingInt(t -> (int) INT.get(t._2(), 0)));
    List<byte[]> bytes = new ArrayList<>(list.size());
    for (Tuple2<Long, byte[]> t : list) {
      bytes.add(t._2());
    }
    return new Cursor(bytes, outcome, wide(touchpoints));
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

  /**
   * One target's records as a list of chunks written little-endian; each record starts with {@link
   * #startRecord}, which makes room for all of it in the current chunk. A chunk begins with its
   * sequence number and the number of bytes it uses (two ints, {@link #CHUNK_HEADER} bytes), so
   * that the reduce side puts a map task's chunks back in order and reads no slack. Chunks grow
   * from 64 KB to 1 MB and are then of that size: growing one array by doubling and trimming it
   * copied every block about twice over, and a block of many megabytes was a humongous object for
   * G1; a target with few rows still costs one small chunk.
   */
  private static final class Block {
    private static final int FIRST = 1 << 16;
    private static final int LARGEST = 1 << 20;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] buf = new byte[FIRST];
    private int size = CHUNK_HEADER;

    /** Makes room for a record of {@code bytes} bytes in the current chunk. */
    void startRecord(int bytes) {
      if (size + bytes > buf.length) {
        if (size > CHUNK_HEADER) { // an empty first chunk (a record larger than it) is dropped
          close();
        }
        long next = Math.max(Math.min(LARGEST, 2L * buf.length), (long) CHUNK_HEADER + bytes);
        if (next > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("a row of " + bytes + " bytes is too large");
        }
        buf = new byte[(int) next];
        size = CHUNK_HEADER;
      }
    }

    /** Ends the current chunk: writes its header and keeps it. */
    private void close() {
      INT.set(buf, 0, chunks.size());
      INT.set(buf, 4, size);
      chunks.add(buf);
    }

    /**
     * The chunks, the last trimmed to its bytes; the block is done. A block is made for a record,
     * so its current chunk is never empty.
     */
    List<byte[]> chunks() {
      if (size < buf.length) {
        buf = Arrays.copyOf(buf, size);
      }
      close();
      return chunks;
    }

    void putByte(int v) {
      buf[size++] = (byte) v;
    }

    void putShort(int v) {
      SHORT.set(buf, size, (short) v);
      size += 2;
    }

    void putInt(int v) {
      INT.set(buf, size, v);
      size += 4;
    }

    void putLong(long v) {
      LONG.set(buf, size, v);
      size += 8;
    }

    /** Writes a length and the bytes (counted in the record's {@link #startRecord}). */
    void putString(Utf8Field s) {
      int len = s.length;
      putInt(len);
      SparkInternals.copy(s.base, s.offset, buf, size, len);
      size += len;
    }
  }

  /**
   * Reads the records of blocks one at a time ({@link #next}); the accessors describe the current
   * record. Strings it returns point into the blocks (no copy).
   */
  static final class Cursor {
    private final List<byte[]> blocks;
    private final boolean outcome;
    private final boolean wide;
    private int block = -1;
    private byte[] b;
    private int pos;
    private int end; // the current chunk's used bytes
    private int nulls;
    private int idLength;
    private long prefix;
    private int idAt; // offset of a long id's bytes
    private int touchpoint;
    private long micros;
    private int outcomeAt; // offset of the outcome's length
    private final byte[] shortId = new byte[8];

    Cursor(List<byte[]> blocks, boolean outcome, boolean wide) {
      this.blocks = blocks;
      this.outcome = outcome;
      this.wide = wide;
    }

    /**
     * An estimate of the number of records, for sizing arrays once: the blocks' bytes over the size
     * of a record with a short id, a 2-byte touchpoint code, a time and no outcome.
     */
    int expectedRecords() {
      long bytes = 0;
      for (byte[] x : blocks) {
        bytes += (int) INT.get(x, 4) - CHUNK_HEADER;
      }
      return (int) Math.min(Integer.MAX_VALUE - 8, bytes / (1 + 8 + 2 + 8) + 1);
    }

    /** Moves to the next record; returns false after the last. */
    boolean next() {
      while (b == null || pos == end) {
        if (++block == blocks.size()) {
          return false;
        }
        b = blocks.get(block);
        pos = CHUNK_HEADER;
        end = (int) INT.get(b, 4);
      }
      int head = b[pos++];
      nulls = head & 0xF;
      if ((nulls & CUSTOMER_NULL) == 0) {
        int len = head >>> 4 & 0xF;
        if (len == LONG_ID) {
          idLength = (int) INT.get(b, pos);
          idAt = pos + 4;
          pos = idAt + idLength;
        } else {
          idLength = len;
          prefix = (long) LONG.get(b, pos);
          pos += 8;
        }
      }
      if ((nulls & TOUCHPOINT_NULL) == 0) {
        if (wide) {
          touchpoint = (int) INT.get(b, pos);
          pos += 4;
        } else {
          touchpoint = Short.toUnsignedInt((short) SHORT.get(b, pos));
          pos += 2;
        }
      }
      if ((nulls & TIME_NULL) == 0) {
        micros = (long) LONG.get(b, pos);
        pos += 8;
      }
      if (outcome && (nulls & OUTCOME_NULL) == 0) {
        outcomeAt = pos;
        pos += 4 + (int) INT.get(b, pos);
      }
      return true;
    }

    /** The null flags of the record ({@code CUSTOMER_NULL | ...}); no outcome reads as null. */
    int nulls() {
      return outcome ? nulls : nulls | OUTCOME_NULL;
    }

    /** The customer id's length in bytes (customer not null). */
    int idLength() {
      return idLength;
    }

    /** An id of at most 8 bytes as Spark's {@code UTF8String.getPrefix()} gives it. */
    long idPrefix() {
      return prefix;
    }

    /**
     * Where a customer id longer than 8 bytes lies: its block's index (see {@link #block}) in the
     * high half, the offset of its bytes in the low half.
     */
    long idRef() {
      return (long) block << 32 | idAt;
    }

    /** Block {@code i} of the cursor, in reading order. */
    byte[] block(int i) {
      return blocks.get(i);
    }

    /** The customer id (customer not null), decoded (for messages). */
    String id() {
      if (idLength > 8) {
        return new String(b, idAt, idLength, StandardCharsets.UTF_8);
      }
      for (int k = 0; k < idLength; k++) {
        shortId[k] = (byte) (prefix >>> (56 - 8 * k));
      }
      return new String(shortId, 0, idLength, StandardCharsets.UTF_8);
    }

    /** The touchpoint's catalog code (touchpoint not null). */
    int touchpoint() {
      return touchpoint;
    }

    /** Spark's epoch microseconds (time not null). */
    long micros() {
      return micros;
    }

    /** The code of the outcome (not null) in {@code codes}, or -1; reads it in place. */
    int outcomeCode(Utf8Codes codes) {
      return codes.get(b, SparkInternals.arrayOffset(outcomeAt + 4), (int) INT.get(b, outcomeAt));
    }

    /** The outcome (not null)'s UTF-8 bytes, a copy. */
    byte[] outcome() {
      return Arrays.copyOfRange(b, outcomeAt + 4, outcomeAt + 4 + (int) INT.get(b, outcomeAt));
    }
  }
}
