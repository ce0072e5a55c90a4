package org.cx4j.journey.internal;

import static com.google.common.base.Preconditions.checkState;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Dense codes for distinct strings, in order of first sight ({@code 0, 1, 2, ...}): the dictionary
 * encoding of customer and journey ids as an interaction log is built, one lookup per row over
 * millions of distinct ids.
 *
 * <p>Open addressing with linear probing over one {@code long[]} of slots, each the string's spread
 * hash and where its key starts in an arena, at most half full; every key is copied once into one
 * {@code char[]}, in code order, as its length and code (two chars each) followed by its
 * characters. A lookup reads one slot (hash and place together) and, when the hashes agree, the
 * key's length, code and characters from one place in the arena: two cache misses on a large table,
 * where a {@code HashMap<CustomerId, Integer>} takes six (table, node, id, string, bytes, boxed
 * code), a table of key objects four, and a slot holding the code, which must then be looked up in
 * a table of key starts before the characters, three.
 *
 * <p>Not thread-safe. Unsupported: public only for cx4j's own modules.
 */
public final class StringCodeTable {

  private static final int MAX_CAPACITY = 1 << 30;

  /**
   * Chars before each key's characters in the arena: its length, its code and its payload, 2 chars
   * each.
   */
  private static final int HEADER = 6;

  private long[] slots; // 0: empty; else (hash << 32) | (arena position of the key's header + 1)
  private int mask;
  private char[] chars = new char[256];
  private int[] starts = new int[17]; // key c's header is at chars[starts[c]]; next free: [size]
  private int size;
  private int lastAt; // the arena position of the key that code() returned last
  private long[] seen = new long[0]; // prefetch(): the slots read, reused
  private int[] seenHashes = new int[0]; // prefetch(String[]): the keys' hashes, reused
  private boolean[] seenKeys = new boolean[0]; // prefetch(String[]): which keys are not null
  private int[] spreadHashes = new int[0]; // prefetch(): the keys' spread hashes, reused

  @SuppressWarnings("unused")
  private int sink; // prefetch(): what it read, so that the reads stay

  /** Returns an empty table. */
  public StringCodeTable() {
    slots = new long[16];
    mask = 15;
  }

  // Fibonacci hashing spreads ids that differ in their last characters over the whole table.
  private static int spread(int h) {
    return h * 0x9E3779B9;
  }

  /**
   * Returns the code of {@code key}, giving it the next code ({@link #size()} before the call) on
   * first sight.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalStateException past 2^29 distinct keys or 2^31 characters in all
   */
  public int code(String key) {
    int h = spread(key.hashCode());
    int i = h & mask;
    long s;
    while ((s = slots[i]) != 0) {
      if ((int) (s >>> 32) == h) {
        int at = (int) s - 1;
        if (matches(key, at)) {
          lastAt = at;
          return codeAt(chars, at);
        }
      }
      i = (i + 1) & mask;
    }
    int at = starts[size];
    lastAt = at;
    int code = append(key);
    slots[i] = ((long) h << 32) | (at + 1L);
    if (2 * size > slots.length) {
      grow();
    }
    return code;
  }

  /**
   * Returns the code of the key held in {@code key[from, from + len)} as {@link #code(String)} does
   * for the string of those characters, whose {@link String#hashCode()} the caller passes as {@code
   * hash}: for keys staged as characters by another thread, which computed the hash while the
   * characters were in its cache.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code key}
   * @throws IllegalStateException past 2^29 distinct keys or 2^31 characters in all
   */
  public int code(char[] key, int from, int len, int hash) {
    java.util.Objects.checkFromIndexSize(from, len, key.length);
    int h = spread(hash);
    int i = h & mask;
    long s;
    while ((s = slots[i]) != 0) {
      if ((int) (s >>> 32) == h) {
        int at = (int) s - 1;
        if (equalAt(chars, at, key, from, len)) {
          lastAt = at;
          return codeAt(chars, at);
        }
      }
      i = (i + 1) & mask;
    }
    int at = starts[size];
    lastAt = at;
    int code = append(key, from, len);
    slots[i] = ((long) h << 32) | (at + 1L);
    if (2 * size > slots.length) {
      grow();
    }
    return code;
  }

  /**
   * Reads, for each of {@code keys[0, n)}, the slot and key header that {@link #code(String)} will
   * read first, and changes nothing: on a table far larger than the caches, calling this for a
   * batch of keys just before coding them lets their cache misses overlap instead of waiting one
   * after another. Null keys are passed over.
   *
   * @throws ArrayIndexOutOfBoundsException if {@code n > keys.length}
   */
  public void prefetch(String[] keys, int n) {
    prefetch(keys, n, null);
  }

  /**
   * As {@link #prefetch(String[], int)}, and writes to {@code payloads[k]} the payload of the first
   * key with the hash of {@code keys[k]} (0 where there is none): the payload of {@code keys[k]}
   * itself unless another key has its hash, a guess for the caller to read ahead with.
   */
  public void prefetch(String[] keys, int n, int[] payloads) {
    if (seenHashes.length < n) {
      seen = new long[n];
      seenHashes = new int[n];
      seenKeys = new boolean[n];
    }
    for (int k = 0; k < n; k++) {
      String key = keys[k];
      seenKeys[k] = key != null;
      seenHashes[k] = key == null ? 0 : key.hashCode();
    }
    prefetchHashes(seenHashes, 0, n, seenKeys, payloads);
  }

  /**
   * As {@link #prefetch(String[], int, int[])} for the keys whose {@link String#hashCode()} values
   * are {@code hashes[from, from + n)}, all present; {@code payloads[k]} is written for {@code
   * hashes[from + k]}. Nothing but the hashes is read, so keys staged by another thread need not be
   * touched before they are coded.
   *
   * @throws ArrayIndexOutOfBoundsException if the range is not within {@code hashes}, or {@code
   *     payloads} is shorter than {@code n}
   */
  public void prefetch(int[] hashes, int from, int n, int[] payloads) {
    prefetchHashes(hashes, from, n, null, payloads);
  }

  /** The reads of both {@code prefetch} forms; {@code present[k]} false: no key (null). */
  private void prefetchHashes(int[] keyHashes, int from, int n, boolean[] present, int[] payloads) {
    long[] sl = slots;
    int m = mask;
    if (seen.length < n) {
      seen = new long[n];
    }
    if (spreadHashes.length < n) {
      spreadHashes = new int[n];
    }
    long[] found = seen;
    int[] hashes = spreadHashes;
    for (int k = 0; k < n; k++) { // independent loads: the misses overlap
      boolean here = present == null || present[k];
      int h = spread(keyHashes[from + k]);
      hashes[k] = h;
      found[k] = here ? sl[h & m] : 0;
    }
    char[] a = chars;
    int acc = 0;
    for (int k = 0; k < n; k++) {
      long s = found[k];
      // On to the slot with the key's hash, as code() will probe (mostly the same cache line): a
      // slot taken by another key would read ahead the wrong key, and give its payload.
      int h = hashes[k];
      for (int i = h & m; s != 0 && (int) (s >>> 32) != h; ) {
        i = (i + 1) & m;
        s = sl[i];
      }
      int payload = 0;
      if (s != 0) {
        int at = (int) s - 1;
        int len = field(a, at);
        acc += a[at + HEADER + len - 1]; // the key's last cache line too, when it spans two
        payload = field(a, at + 4);
      }
      if (payloads != null) {
        payloads[k] = payload;
      }
    }
    sink = acc; // kept, so that the reads are not optimized away
  }

  /**
   * Returns the code of {@code key}, or -1 when it has none.
   *
   * @throws NullPointerException if {@code key} is null
   */
  public int find(String key) {
    return find(slots, chars, key);
  }

  /** The lookup of {@link #find(String)} in the given slots and arena. */
  private static int find(long[] slots, char[] chars, String key) {
    int h = spread(key.hashCode());
    int m = slots.length - 1;
    long s;
    for (int i = h & m; (s = slots[i]) != 0; i = (i + 1) & m) {
      if ((int) (s >>> 32) == h && equalAt(chars, (int) s - 1, key)) {
        return codeAt(chars, (int) s - 1);
      }
    }
    return -1;
  }

  /** Returns whether the key whose header is at arena position {@code at} equals {@code key}. */
  private boolean matches(String key, int at) {
    return equalAt(chars, at, key);
  }

  /** Returns the int stored as two chars, low half first, at {@code a[at]}. */
  private static int field(char[] a, int at) {
    return a[at] | (a[at + 1] << 16);
  }

  /** Returns whether the key whose header is at {@code a[at]} equals {@code key}. */
  private static boolean equalAt(char[] a, int at, String key) {
    int len = field(a, at);
    if (len != key.length()) {
      return false;
    }
    int from = at + HEADER;
    for (int j = 0; j < len; j++) {
      if (a[from + j] != key.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether the key whose header is at {@code a[at]} equals {@code key[from, +len)}. */
  private static boolean equalAt(char[] a, int at, char[] key, int from, int len) {
    int start = at + HEADER;
    return field(a, at) == len && Arrays.equals(a, start, start + len, key, from, from + len);
  }

  /**
   * Returns the position of the key that {@link #code(String)} returned last: stable for the life
   * of the table, so that {@link #codeIfAt} can check a key against it later without a lookup.
   *
   * @throws IllegalStateException if {@code code} was never called
   */
  public int lastPosition() {
    checkState(size > 0, "no key coded yet");
    return lastAt;
  }

  /** Returns the payload of the key that {@link #code(String)} returned last; 0 until set. */
  public int lastPayload() {
    checkState(size > 0, "no key coded yet");
    return field(chars, lastAt + 4);
  }

  /** Sets the payload of the key that {@link #code(String)} returned last (a caller's int). */
  public void setLastPayload(int payload) {
    checkState(size > 0, "no key coded yet");
    chars[lastAt + 4] = (char) payload;
    chars[lastAt + 5] = (char) (payload >>> 16);
  }

  /**
   * Returns the code of the key at {@code position} (from {@link #lastPosition()}) if that key
   * equals {@code key}, else -1: one read of the arena instead of a lookup, when the caller has a
   * good guess.
   *
   * @throws IndexOutOfBoundsException if {@code position} is not one {@link #lastPosition()} gave
   */
  public int codeIfAt(int position, String key) {
    return matches(key, position) ? codeAt(chars, position) : -1;
  }

  /**
   * As {@link #codeIfAt(int, String)} for the key held in {@code key[from, from + len)}.
   *
   * @throws IndexOutOfBoundsException if {@code position} is not one {@link #lastPosition()} gave,
   *     or the range is not within {@code key}
   */
  public int codeIfAt(int position, char[] key, int from, int len) {
    java.util.Objects.checkFromIndexSize(from, len, key.length);
    return equalAt(chars, position, key, from, len) ? codeAt(chars, position) : -1;
  }

  /**
   * Reads, for each of {@code positions[0, n)} greater than 0, the key at arena position {@code
   * positions[k] - 1} (its header and last characters), as {@link #prefetch} does for looked-up
   * keys: before {@link #codeIfAt} on them.
   */
  public void prefetchPositions(int[] positions, int n) {
    char[] a = chars;
    int acc = 0;
    for (int k = 0; k < n; k++) {
      int p = positions[k] - 1;
      if (p >= 0 && p < a.length - HEADER) {
        int len = field(a, p);
        int last = p + HEADER + len - 1;
        acc += a[p] + (last < a.length ? a[last] : 0);
      }
    }
    sink = acc;
  }

  /** Returns the code of the key whose header is at arena position {@code at}. */
  private static int codeAt(char[] a, int at) {
    return field(a, at + 2);
  }

  private int append(String key) {
    int at = reserve(key.length());
    key.getChars(0, key.length(), chars, at + HEADER);
    return size++;
  }

  private int append(char[] key, int from, int len) {
    int at = reserve(len);
    System.arraycopy(key, from, chars, at + HEADER, len);
    return size++;
  }

  /**
   * Writes the header of the next key, of {@code len} characters, and makes room for them; returns
   * where the header is.
   */
  private int reserve(int len) {
    if (slots.length >= MAX_CAPACITY && 2 * (size + 1) > slots.length) {
      throw new IllegalStateException("more than " + MAX_CAPACITY / 2 + " distinct keys");
    }
    int at = starts[size];
    int from = at + HEADER;
    long end = (long) from + len;
    if (end > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("keys of more than 2^31 characters in all");
    }
    if (end > chars.length) {
      chars =
          Arrays.copyOf(
              chars, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * chars.length)));
    }
    chars[at] = (char) len;
    chars[at + 1] = (char) (len >>> 16);
    chars[at + 2] = (char) size;
    chars[at + 3] = (char) (size >>> 16);
    chars[at + 4] = 0; // no payload
    chars[at + 5] = 0;
    if (size + 2 > starts.length) {
      starts = Arrays.copyOf(starts, 2 * starts.length);
    }
    starts[size + 1] = (int) end;
    return at;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[2 * old.length];
    mask = slots.length - 1;
    for (long s : old) {
      if (s != 0) {
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  /**
   * Returns the keys in code order as an immutable list that makes each element with {@code of}
   * from a copy of the arena when it is read: millions of keys held as characters in one array
   * instead of two objects each (a key string and what {@code of} makes of it), which the garbage
   * collector would trace again and again. Elements are equal, not identical, from one read to the
   * next. Later codes are not in the list. With {@code indexed}, the list keeps a copy of the hash
   * slots too (8 bytes per slot, at most 4 slots per key), for {@link Keys#codeOf(String)}.
   *
   * @throws NullPointerException if {@code of} is null
   */
  public <T> Keys<T> keys(Function<String, T> of, boolean indexed) {
    java.util.Objects.requireNonNull(of, "of");
    return new Keys<>(
        Arrays.copyOf(chars, starts[size]),
        Arrays.copyOf(starts, size),
        indexed ? slots.clone() : null,
        of);
  }

  /**
   * The keys of a table as characters, each made into an element when read; immutable.
   *
   * @param <T> what each key is made into
   */
  public static final class Keys<T> extends AbstractList<T> implements RandomAccess {
    private final char[] chars;
    private final int[] starts;
    private final long[] slots; // null when not indexed
    private final Function<String, T> of;

    Keys(char[] chars, int[] starts, long[] slots, Function<String, T> of) {
      this.chars = chars;
      this.starts = starts;
      this.slots = slots;
      this.of = of;
    }

    @Override
    public T get(int index) {
      int at = starts[java.util.Objects.checkIndex(index, starts.length)];
      return of.apply(new String(chars, at + HEADER, field(chars, at)));
    }

    @Override
    public int size() {
      return starts.length;
    }

    /** Returns whether {@link #codeOf(String)} is a lookup (else it is not available). */
    public boolean indexed() {
      return slots != null;
    }

    /**
     * Returns the code of {@code key}, or -1 when it is not a key.
     *
     * @throws IllegalStateException if the list is not {@linkplain #indexed() indexed}
     * @throws NullPointerException if {@code key} is null
     */
    public int codeOf(String key) {
      if (slots == null) {
        throw new IllegalStateException("keys without an index");
      }
      return find(slots, chars, key);
    }
  }

  /** Returns the number of distinct keys. */
  public int size() {
    return size;
  }

  /** Returns the key of {@code code} (a new string). */
  public String key(int code) {
    if (code < 0 || code >= size) {
      throw new IndexOutOfBoundsException("code " + code + " is not in [0, " + size + ")");
    }
    int at = starts[code];
    return new String(chars, at + HEADER, field(chars, at));
  }

  @Override
  public String toString() {
    return "StringCodeTable[" + size + " keys]";
  }
}
