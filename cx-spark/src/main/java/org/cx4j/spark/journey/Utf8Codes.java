package org.cx4j.spark.journey;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.array.ByteArrayMethods;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Codes of UTF-8 strings ({@link UTF8String}, Spark's internal strings) in an open-addressing
 * table, built for one lookup per row. A string of at most 8 bytes is identified by its length
 * and its first 8 bytes as one {@code long} ({@link UTF8String#getPrefix()}, zero-padded), so
 * the lookup compares two primitives in the table's own arrays and never reads the stored key's
 * bytes (a {@code HashMap} reads a node, the key object and its bytes: three cache misses per row
 * with a quarter of a million customers); longer strings are hashed over all their bytes and
 * compared byte by byte. Single-threaded.
 */
final class Utf8Codes {

  // Two longs per slot, side by side so that a probe reads one cache line: the first 8 bytes
  // (zero-padded), then length << 32 | code + 1 (0: empty slot).
  private long[] table;
  private UTF8String[] keys; // the copied key; compared only beyond 8 bytes
  private int size;
  private int mask;

  Utf8Codes(int expected) {
    allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
  }

  private void allocate(int slots) {
    table = new long[2 * slots];
    keys = new UTF8String[slots];
    mask = slots - 1;
  }

  private static int slot(long p, int n, Object base, long offset) {
    long h = n <= 8 ? (p + n) * 0x9E3779B97F4A7C15L
        : hash(base, offset, n) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }

  /**
   * The first 8 bytes at {@code offset} of {@code base} as one {@code long}, the first byte
   * highest, zero-padded when {@code n < 8}: {@link UTF8String#getPrefix()} of those bytes,
   * without reading past them.
   */
  static long prefix(Object base, long offset, int n) {
    long p = 0;
    for (int k = 0, m = Math.min(8, n); k < m; k++) {
      p |= (Platform.getByte(base, offset + k) & 0xFFL) << (56 - 8 * k);
    }
    return p;
  }

  /** {@link UTF8String#hashCode()} of the {@code n} bytes at {@code offset} of {@code base}. */
  static int hash(Object base, long offset, int n) {
    return Murmur3_x86_32.hashUnsafeBytes(base, offset, n, 42);
  }

  /** Returns the code of {@code s}, or -1 if it has none. */
  int get(UTF8String s) {
    return get(s.getBaseObject(), s.getBaseOffset(), s.numBytes());
  }

  /**
   * Returns the code of the {@code n} UTF-8 bytes at {@code offset} of {@code base} (an array or
   * null for an absolute address, as in Spark's {@link Platform}), or -1 if they have none.
   */
  int get(Object base, long offset, int n) {
    long p = prefix(base, offset, n);
    for (int i = slot(p, n, base, offset) & mask; ; i = (i + 1) & mask) {
      long meta = table[2 * i + 1];
      if (meta == 0) {
        return -1;
      }
      if (table[2 * i] == p && (int) (meta >>> 32) == n && (n <= 8
          || ByteArrayMethods.arrayEquals(base, offset, keys[i].getBaseObject(),
              keys[i].getBaseOffset(), n))) {
        return (int) meta - 1;
      }
    }
  }

  /**
   * Gives {@code s} the code {@code code} (0 to {@code Integer.MAX_VALUE - 1}); {@code s} must
   * not have one and must not change afterwards (give a copy of a row's string).
   */
  void put(UTF8String s, int code) {
    if (2 * (size + 1) > keys.length) {
      long[] old = table;
      UTF8String[] oldKeys = keys;
      allocate(keys.length * 2);
      for (int i = 0; i < oldKeys.length; i++) {
        if (old[2 * i + 1] != 0) {
          insert(old[2 * i], old[2 * i + 1], oldKeys[i]);
        }
      }
    }
    insert(prefix(s.getBaseObject(), s.getBaseOffset(), s.numBytes()),
        (long) s.numBytes() << 32 | (code + 1L), s);
    size++;
  }

  private void insert(long p, long meta, UTF8String s) {
    int i = slot(p, (int) (meta >>> 32), s.getBaseObject(), s.getBaseOffset()) & mask;
    while (table[2 * i + 1] != 0) {
      i = (i + 1) & mask;
    }
    table[2 * i] = p;
    table[2 * i + 1] = meta;
    keys[i] = s;
  }
}
