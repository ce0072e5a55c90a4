package org.cx4j.spark.journey;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.array.ByteArrayMethods;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The one seam between cx-spark and Spark's internals: every use of a Spark class outside the
 * public Dataset, Row and RDD API is in this file. The journey pipeline's fast readers ({@link
 * BlockShuffle}, {@link PartitionTask#internal()}, {@link Utf8Codes}) see only what is declared
 * here: a {@link Rows} cursor over a partition (null flags, longs, and string fields as {@link
 * Utf8Field}s, where the UTF-8 bytes lie) and five byte operations on such places. The other path,
 * Spark's {@code repartition} and public {@link Row}s ({@link PartitionTask#rows()}), is the plain
 * fallback: the same results, more slowly.
 *
 * <p>What it uses: a Dataset's {@code queryExecution().toRdd()} (Spark's unstable developer API,
 * {@code QueryExecution} is {@code @Unstable}; the way Delta Lake and Iceberg read rows), looked up
 * by reflection so that one jar serves Spark 3.5 ({@code org.apache.spark.sql.Dataset}) and Spark 4
 * (the classic {@code org.apache.spark.sql.classic.Dataset}); {@link UnsafeRow}'s field layout
 * ({@code offset << 32 | size} for a string, read in place without a {@link UTF8String} per row);
 * {@link Platform}, {@link ByteArrayMethods} and {@link Murmur3_x86_32} for bytes at such places.
 *
 * <p>When it is used, decided on the driver for each Dataset ({@link #usable}): the internals are
 * on ({@link #enabled()}: not switched off with the system property {@value #PROPERTY}{@code
 * =false}, and a probe at class initialization wrote a string into an {@code UnsafeRow} with
 * Spark's own writer and read it back through this seam, so a Spark whose classes or row layout
 * changed is detected, not misread), and the Dataset has a query execution (a Spark Connect Dataset
 * has none). Otherwise the caller takes the public API.
 *
 * <p>The internal classes are referenced from the nested {@code Catalyst} and {@code Cursor}
 * classes only (imports here serve the Javadoc), which the JVM loads on first use: when they are
 * missing, this class still loads and reports them unusable.
 */
final class SparkInternals {

  /**
   * The system property that switches the internals off: {@code -Dcx4j.spark.internals=false} makes
   * every journey pipeline of the JVM (the driver's: the choice is made there) take the public
   * {@code Row} API. Any other value, or none, leaves the automatic choice.
   */
  static final String PROPERTY = "cx4j.spark.internals";

  /** Why the internals cannot be used in this JVM, or null when they can. */
  private static final String UNUSABLE = probe();

  private SparkInternals() {}

  private static String probe() {
    try {
      return Catalyst.probe();
    } catch (Exception | LinkageError e) {
      return "Spark's internal classes are not as cx-spark expects: " + e;
    }
  }

  /**
   * Returns whether the internals are on in this JVM: the probe passed and {@value #PROPERTY} is
   * not {@code false}. The property is read at each call.
   */
  static boolean enabled() {
    return UNUSABLE == null && !switchedOff();
  }

  private static boolean switchedOff() {
    String v = System.getProperty(PROPERTY);
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("false");
  }

  /** Returns why the probe refused the internals, if it did (the property is not a reason). */
  static Optional<String> unusableReason() {
    return Optional.ofNullable(UNUSABLE);
  }

  /**
   * Returns whether the fast readers can read {@code ds}: the internals are {@link #enabled()} and
   * {@code ds} has a query execution.
   */
  static boolean usable(Dataset<Row> ds) {
    return enabled() && queryExecution(ds) != null;
  }

  /** {@code ds.queryExecution()}, found by reflection, or null when it has none. */
  static Object queryExecution(Object ds) {
    Method m;
    try {
      m = ds.getClass().getMethod("queryExecution");
    } catch (NoSuchMethodException e) {
      return null;
    }
    try {
      Object qe = m.invoke(ds);
      return Catalyst.isQueryExecution(qe) ? qe : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * The current row of a partition, as the fast readers see it. Spark may reuse the row's memory
   * for the next one: what is kept must be copied.
   */
  interface Rows {
    /** Moves to the next row; returns false after the last. */
    boolean next();

    /** Returns whether field {@code ordinal} of the current row is null. */
    boolean isNullAt(int ordinal);

    /** Returns field {@code ordinal} (a long, or a timestamp as epoch microseconds). */
    long getLong(int ordinal);

    /** Points {@code into} at string field {@code ordinal} (not null) of the current row. */
    void readString(int ordinal, Utf8Field into);
  }

  /** A task over one partition's {@link Rows}; serializable, as Spark ships it. */
  @FunctionalInterface
  interface PartitionFunction<T> extends Serializable {
    /** Returns the task's outputs for the partition. */
    Iterator<T> call(Rows rows) throws Exception;
  }

  /**
   * Returns {@code f} run on each partition of {@code ds}'s internal rows, lazily.
   *
   * @throws IllegalArgumentException if {@code ds} cannot be read so ({@link #usable})
   */
  static <T> JavaRDD<T> mapPartitions(Dataset<Row> ds, PartitionFunction<T> f) {
    Object qe = enabled() ? queryExecution(ds) : null;
    if (qe == null) {
      throw new IllegalArgumentException(
          "cx-spark reads Spark's internal rows only of a Dataset with a query execution while "
              + PROPERTY
              + " is not false"
              + unusableReason().map(r -> " (" + r + ")").orElse("")
              + ", got "
              + ds.getClass().getName()
              + "; read Rows through the public API instead");
    }
    return Catalyst.mapPartitions(qe, f);
  }

  /**
   * Where a string field's UTF-8 bytes lie: a base object and an offset as {@link Platform}
   * addresses them (an array and {@link #arrayOffset} of an index, or null and an absolute
   * address), and the length in bytes. Valid until the row moves on.
   */
  static final class Utf8Field {
    Object base;
    long offset;
    int length;

    /** Points at {@code bytes[from, from + length)}. */
    Utf8Field set(byte[] bytes, int from, int length) {
      this.base = bytes;
      this.offset = arrayOffset(from);
      this.length = length;
      return this;
    }

    /** Returns a copy of the bytes. */
    byte[] toBytes() {
      byte[] b = new byte[length];
      copy(base, offset, b, 0, length);
      return b;
    }

    /** The field as a new {@code String} (for messages and dictionaries). */
    @Override
    public String toString() {
      return new String(toBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Returns the address of {@code bytes[index]} for an array base. */
  static long arrayOffset(int index) {
    return Catalyst.BYTE_ARRAY_OFFSET + index;
  }

  /** Returns the byte at {@code offset} of {@code base}. */
  static byte getByte(Object base, long offset) {
    return Catalyst.getByte(base, offset);
  }

  /** Copies {@code n} bytes at {@code offset} of {@code base} into {@code dst[at, at + n)}. */
  static void copy(Object base, long offset, byte[] dst, int at, int n) {
    Catalyst.copy(base, offset, dst, at, n);
  }

  /** Returns whether the {@code n} bytes at the two places are equal. */
  static boolean equal(Object a, long aOffset, Object b, long bOffset, int n) {
    return Catalyst.equal(a, aOffset, b, bOffset, n);
  }

  /**
   * Returns {@link UTF8String#hashCode()} of the {@code n} bytes at {@code offset} of {@code base}.
   */
  static int hash(Object base, long offset, int n) {
    return Catalyst.hash(base, offset, n);
  }

  /** Spark's internal classes, referenced from here only; loaded on first use. */
  static final class Catalyst {
    static final long BYTE_ARRAY_OFFSET = Platform.BYTE_ARRAY_OFFSET;

    private Catalyst() {}

    /**
     * Writes a string and a long into an {@link UnsafeRow} with Spark's own writer and reads them
     * back through the seam; returns what differed, or null.
     */
    static String probe() throws ClassNotFoundException {
      Class.forName(QueryExecution.class.getName(), false, Catalyst.class.getClassLoader());
      byte[] utf8 = "cx4j probe \u00e9\u20ac, longer than 8 bytes".getBytes(StandardCharsets.UTF_8);
      UnsafeRowWriter w = new UnsafeRowWriter(2);
      w.resetRowWriter();
      w.write(0, UTF8String.fromBytes(utf8));
      w.write(1, 1_234_567_890_123L);
      Cursor c = new Cursor(java.util.List.<InternalRow>of(w.getRow()).iterator());
      Utf8Field f = new Utf8Field();
      if (!c.next() || c.isNullAt(0) || c.isNullAt(1)) {
        return "the probe row reads as empty or null";
      }
      c.readString(0, f);
      if (f.length != utf8.length
          || !equal(f.base, f.offset, utf8, BYTE_ARRAY_OFFSET, utf8.length)
          || hash(f.base, f.offset, f.length) != UTF8String.fromBytes(utf8).hashCode()) {
        return "a string field of an UnsafeRow is not where cx-spark reads it";
      }
      if (c.getLong(1) != 1_234_567_890_123L) {
        return "a long field of an UnsafeRow does not read back";
      }
      return null;
    }

    static boolean isQueryExecution(Object qe) {
      return qe instanceof QueryExecution;
    }

    static <T> JavaRDD<T> mapPartitions(Object queryExecution, PartitionFunction<T> f) {
      JavaRDD<InternalRow> rows = ((QueryExecution) queryExecution).toRdd().toJavaRDD();
      return rows.mapPartitions(it -> f.call(new Cursor(it)));
    }

    /** {@link Rows} over internal rows (for tests of the fast readers without a Dataset). */
    static Rows rows(Iterator<InternalRow> rows) {
      return new Cursor(rows);
    }

    static byte getByte(Object base, long offset) {
      return Platform.getByte(base, offset);
    }

    static void copy(Object base, long offset, byte[] dst, int at, int n) {
      Platform.copyMemory(base, offset, dst, Platform.BYTE_ARRAY_OFFSET + at, n);
    }

    static boolean equal(Object a, long aOffset, Object b, long bOffset, int n) {
      return ByteArrayMethods.arrayEquals(a, aOffset, b, bOffset, n);
    }

    static int hash(Object base, long offset, int n) {
      return Murmur3_x86_32.hashUnsafeBytes(base, offset, n, 42);
    }
  }

  /**
   * {@link Rows} over an iterator of internal rows. String fields of an {@link UnsafeRow}, what
   * Spark's scans produce, are read where they lie: the field holds {@code offset << 32 | size}
   * (the layout {@code UnsafeRow.getUTF8String} reads), so no {@link UTF8String} is made per row
   * (two per interaction were a sixth of what the pipeline allocated); other rows go through their
   * {@code UTF8String}.
   */
  private static final class Cursor implements Rows {
    private final Iterator<InternalRow> rows;
    private InternalRow row;

    Cursor(Iterator<InternalRow> rows) {
      this.rows = rows;
    }

    @Override
    public boolean next() {
      if (!rows.hasNext()) {
        return false;
      }
      row = rows.next();
      return true;
    }

    @Override
    public boolean isNullAt(int ordinal) {
      return row.isNullAt(ordinal);
    }

    @Override
    public long getLong(int ordinal) {
      return row.getLong(ordinal);
    }

    @Override
    public void readString(int ordinal, Utf8Field into) {
      if (row instanceof UnsafeRow u) {
        long offsetAndSize = u.getLong(ordinal);
        into.base = u.getBaseObject();
        into.offset = u.getBaseOffset() + (int) (offsetAndSize >> 32);
        into.length = (int) offsetAndSize;
      } else {
        UTF8String s = row.getUTF8String(ordinal);
        into.base = s.getBaseObject();
        into.offset = s.getBaseOffset();
        into.length = s.numBytes();
      }
    }
  }
}
