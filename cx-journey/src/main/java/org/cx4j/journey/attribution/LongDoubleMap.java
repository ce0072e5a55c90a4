package org.cx4j.journey.attribution;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to double sums, for counting transitions without boxing a
 * key per touch. Linear probing; grows at 50% load. Not thread-safe.
 */
final class LongDoubleMap {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private double[] values;
  private int size;

  LongDoubleMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new double[cap];
    Arrays.fill(keys, EMPTY);
  }

  void add(long key, double delta) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] += delta;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the slot index of key, or -1. */
  int find(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  int capacity() {
    return keys.length;
  }

  boolean occupied(int slot) {
    return keys[slot] != EMPTY;
  }

  long key(int slot) {
    return keys[slot];
  }

  double value(int slot) {
    return values[slot];
  }

  private void grow() {
    long[] ok = keys;
    double[] ov = values;
    keys = new long[ok.length * 2];
    values = new double[ok.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != EMPTY) {
        add(ok[i], ov[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
