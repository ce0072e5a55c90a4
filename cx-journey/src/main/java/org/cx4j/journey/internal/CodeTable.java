package org.cx4j.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dense codes for distinct keys, in order of first sight ({@code 0, 1, 2, ...}): the dictionary
 * encoding of customer and journey ids as an interaction log is built, one lookup per row.
 *
 * <p>Open addressing with linear probing over parallel arrays of cached hashes, keys and codes,
 * at most half full. Against a {@code HashMap<K, Integer>} it saves the entry object and the
 * boxed code per key, and a probe compares the cached hash before touching a key, so a lookup
 * usually costs one or two cache misses instead of four (table, node, key, boxed value) on the
 * millions of distinct ids of a large log.
 *
 * <p>Not thread-safe. Unsupported: public only for cx4j's own modules.
 *
 * @param <K> the key type; keys must not be null and must have consistent {@code equals} and
 *     {@code hashCode}
 */
public final class CodeTable<K> {

  private static final int MAX_CAPACITY = 1 << 30;

  private int[] hashes;
  private Object[] keys;
  private int[] codes;
  private int mask;
  private final List<K> byCode = new ArrayList<>();

  /** Returns an empty table. */
  public CodeTable() {
    allocate(16);
  }

  private void allocate(int capacity) {
    hashes = new int[capacity];
    keys = new Object[capacity];
    codes = new int[capacity];
    mask = capacity - 1;
  }

  // Fibonacci hashing spreads ids that differ in their last characters over the whole table.
  private static int spread(int h) {
    return h * 0x9E3779B9;
  }

  /**
   * Returns the code of {@code key}, giving it the next code ({@link #size()} before the call)
   * on first sight.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalStateException past 2^29 distinct keys
   */
  public int code(K key) {
    int h = spread(key.hashCode());
    int i = h & mask;
    Object[] ks = keys;
    while (true) {
      Object k = ks[i];
      if (k == null) {
        break;
      }
      if (hashes[i] == h && (k == key || k.equals(key))) {
        return codes[i];
      }
      i = (i + 1) & mask;
    }
    int code = byCode.size();
    byCode.add(key);
    hashes[i] = h;
    ks[i] = key;
    codes[i] = code;
    if (2 * byCode.size() > ks.length) {
      grow();
    }
    return code;
  }

  /**
   * Returns the code of {@code key}, or -1 when it has none.
   *
   * @throws NullPointerException if {@code key} is null
   */
  public int find(Object key) {
    int h = spread(Objects.requireNonNull(key, "key").hashCode());
    for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return codes[i];
      }
    }
    return -1;
  }

  private void grow() {
    if (keys.length >= MAX_CAPACITY) {
      throw new IllegalStateException("more than " + MAX_CAPACITY / 2 + " distinct keys");
    }
    int[] oldHashes = hashes;
    Object[] oldKeys = keys;
    int[] oldCodes = codes;
    allocate(2 * oldKeys.length);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        keys[i] = oldKeys[j];
        codes[i] = oldCodes[j];
      }
    }
  }

  /** Returns the number of distinct keys. */
  public int size() {
    return byCode.size();
  }

  /** Returns the key of {@code code}. */
  public K key(int code) {
    return byCode.get(code);
  }

  /** Returns the keys in code order (a live view; do not modify). */
  public List<K> keys() {
    return byCode;
  }

  @Override
  public String toString() {
    return "CodeTable[" + byCode.size() + " keys]";
  }
}
