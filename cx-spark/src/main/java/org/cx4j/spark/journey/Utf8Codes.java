package org.cx4j.spark.journey;

/**
 * Codes of UTF-8 strings (as they lie in Spark's internal rows or in shuffled blocks, addressed
 * through {@link SparkInternals}) in an open-addressing table, built for one lookup per row. A
 * string of at most 8 bytes is identified by its length and its first 8 bytes as one {@code long}
 * (Spark's {@code UTF8String.getPrefix()}, zero-padded), so the lookup compares two primitives in
 * the table's own arrays and never reads the stored key's bytes (a {@code HashMap} reads a node,
 * the key object and its bytes: three cache misses per row with a quarter of a million customers);
 * longer strings are hashed over all their bytes and compared byte by byte. Single-threaded.
 */
final class Utf8Codes {

  // Two longs per slot, side by side so that a probe reads one cache line: the first 8 bytes
  // (zero-padded), then length << 32 | code + 1 (0: empty slot).
  private long[] table;
  private byte[][] keys; // the copied key; compared only beyond 8 bytes
  private int size;
  private int mask;

  Utf8Codes(int expected) {
    allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
  }

  private void allocate(int slots) {
    table = new long[2 * slots];
    keys = new byte[slots][];
    mask = slots - 1;
  }

  private static int slot(long p, int n, Object base, long offset) {
    long h = n <= 8 ? (p + n) * 0x9E3779B97F4A7C15L : hash(base, offset, n) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }

  /**
   * The first 8 bytes at {@code offset} of {@code base} as one {@code long}, the first byte
   * highest, zero-padded when {@code n < 8}: Spark's {@code UTF8String.getPrefix()} of those bytes,
   * without reading past them.
   */
  static long prefix(Object base, long offset, int n) {
    long p = 0;
    for (int k = 0, m = Math.min(8, n); k < m; k++) {
      p |= (SparkInternals.getByte(base, offset + k) & 0xFFL) << (56 - 8 * k);
    }
    return p;
  }

  /**
   * Spark's {@code UTF8String.hashCode()} of the {@code n} bytes at {@code offset} of {@code base}.
   */
  static int hash(Object base, long offset, int n) {
    return SparkInternals.hash(base, offset, n);
  }

  /** Returns the code of the UTF-8 bytes {@code utf8}, or -1 if they have none. */
  int get(byte[] utf8) {
    return get(utf8, SparkInternals.arrayOffset(0), utf8.length);
  }

  /** Returns the code of the string {@code f} points at, or -1 if it has none. */
  int get(SparkInternals.Utf8Field f) {
    return get(f.base, f.offset, f.length);
  }

  /**
   * Returns the code of the {@code n} UTF-8 bytes at {@code offset} of {@code base} (an array or
   * null for an absolute address, see {@link SparkInternals.Utf8Field}), or -1 if they have none.
   */
  int get(Object base, long offset, int n) {
    long p = prefix(base, offset, n);
    for (int i = slot(p, n, base, offset) & mask; ; i = (i + 1) & mask) {
      long meta = table[2 * i + 1];
      if (meta == 0) {
        return -1;
      }
      if (table[2 * i] == p
          && (int) (meta >>> 32) == n
          && (n <= 8
              || SparkInternals.equal(base, offset, keys[i], SparkInternals.arrayOffset(0), n))) {
        return (int) meta - 1;
      }
    }
  }

  /**
   * Gives the UTF-8 bytes {@code utf8} the code {@code code} (0 to {@code Integer.MAX_VALUE - 1});
   * they must not have one and must not change afterwards (give a copy of a row's string).
   */
  void put(byte[] utf8, int code) {
    if (2 * (size + 1) > keys.length) {
      long[] old = table;
      byte[][] oldKeys = keys;
      allocate(keys.length * 2);
      for (int i = 0; i < oldKeys.length; i++) {
        if (old[2 * i + 1] != 0) {
          insert(old[2 * i], old[2 * i + 1], oldKeys[i]);
        }
      }
    }
    insert(
        prefix(utf8, SparkInternals.arrayOffset(0), utf8.length),
        (long) utf8.length << 32 | (code + 1L),
        utf8);
    size++;
  }

  private void insert(long p, long meta, byte[] s) {
    int i = slot(p, (int) (meta >>> 32), s, SparkInternals.arrayOffset(0)) & mask;
    while (table[2 * i + 1] != 0) {
      i = (i + 1) & mask;
    }
    table[2 * i] = p;
    table[2 * i + 1] = meta;
    keys[i] = s;
  }
}
