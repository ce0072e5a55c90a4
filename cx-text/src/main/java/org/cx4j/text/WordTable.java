package org.cx4j.text;

import java.util.Map;

/**
 * An immutable open-addressing hash table from words to values, looked up on a slice of a char
 * array, as written or case-folded, without making a String or a lower-case copy: the scorer's one
 * look-up per token.
 *
 * <p>Keys are hashed by their case-folded characters, so a key and its lower-case form share a
 * probe sequence; {@link #exact} compares as written, {@link #folded} compares the token's folded
 * characters with the key (which therefore matches lower-case keys only), as {@code
 * map.get(token.toLowerCase(Locale.ROOT))} would for the characters of English text.
 *
 * @param <V> the value type
 */
final class WordTable<V> {

  private final char[][] keys;
  private final int[] hashes;
  private final Object[] values;
  private final int mask;

  WordTable(Map<String, V> map) {
    int capacity = Integer.highestOneBit(Math.max(8, map.size() * 3)) << 1; // load below 1/3
    keys = new char[capacity][];
    hashes = new int[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    map.forEach(
        (k, v) -> {
          char[] key = k.toCharArray();
          int h = hash(key, 0, key.length);
          int slot = h & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = key;
          hashes[slot] = h;
          values[slot] = v;
        });
  }

  /** Lower case of {@code c}: ASCII directly, others through {@link Character#toLowerCase}. */
  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }

  /** Returns the hash of the folded characters of {@code b[off, off + len)}. */
  static int hash(char[] b, int off, int len) {
    int h = 0;
    for (int k = off; k < off + len; k++) {
      h = 31 * h + fold(b[k]);
    }
    return spread(h);
  }

  /** Spreads the high bits of a polynomial hash {@code sum 31^k fold(c)}, as HashMap does. */
  static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Returns the value of the key equal to {@code b[off, off + len)} as written, or null. */
  @SuppressWarnings("unchecked")
  V exact(char[] b, int off, int len) {
    return exact(b, off, len, hash(b, off, len));
  }

  /** As {@link #exact(char[], int, int)} with the {@link #hash} of the slice at hand. */
  @SuppressWarnings("unchecked")
  V exact(char[] b, int off, int len, int hash) {
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      char[] key = keys[slot];
      if (hashes[slot] == hash && key.length == len && equal(key, b, off, false)) {
        return (V) values[slot];
      }
    }
    return null;
  }

  /** Returns the value of the key equal to the lower case of {@code b[off, off + len)}, or null. */
  @SuppressWarnings("unchecked")
  V folded(char[] b, int off, int len) {
    return folded(b, off, len, hash(b, off, len));
  }

  /** As {@link #folded(char[], int, int)} with the {@link #hash} of the slice at hand. */
  @SuppressWarnings("unchecked")
  V folded(char[] b, int off, int len, int hash) {
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      char[] key = keys[slot];
      if (hashes[slot] == hash && key.length == len && equal(key, b, off, true)) {
        return (V) values[slot];
      }
    }
    return null;
  }

  private static boolean equal(char[] key, char[] b, int off, boolean fold) {
    for (int k = 0; k < key.length; k++) {
      char c = fold ? fold(b[off + k]) : b[off + k];
      if (key[k] != c) {
        return false;
      }
    }
    return true;
  }
}
