package org.cx4j.journey.log;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * Interactions staged for an {@link InteractionLog.Builder} that runs on another thread: what the
 * builder reads of each row (the customer and journey ids as characters with their hashes, the time
 * in epoch milliseconds, the touchpoint and the outcome) copied into flat arrays by the thread that
 * parsed the rows, while the rows are still in its cache. The builder then reads the batch front to
 * back ({@link InteractionLog.Builder#prefetch(InteractionBatch, int, int)}, {@link
 * InteractionLog.Builder#add(InteractionBatch, int)}) instead of following each row's objects (the
 * interaction, its customer id, the id's string and its bytes, the journey id, the instant) into
 * the other core's cache, four to six dependent cache misses per row.
 *
 * <p>Adding row {@code k} of a batch does exactly what {@link
 * InteractionLog.Builder#add(Interaction) add(interaction(k))} does: the same codes, the same
 * checks and the same exceptions, in the same order. Rows the flat form does not cover (times
 * outside epoch milliseconds in a {@code long}, a builder that keeps attributes, a time not before
 * the clock's last reading) take that path.
 *
 * <p>Reuse a batch with {@link #clear()}: it keeps its arrays. Not thread-safe: fill it on one
 * thread, hand it over safely (a {@link java.util.concurrent.BlockingQueue}), read it on the other.
 */
public final class InteractionBatch {

  private Interaction[] rows = new Interaction[0];
  private Touchpoint[] touchpoints = new Touchpoint[0];
  private Outcome[] outcomes = new Outcome[0];
  private long[] millis = new long[0]; // floor of the time in epoch milliseconds; see flat
  private boolean[] flat = new boolean[0]; // false: added through add(Interaction)
  private int[] customerAt = new int[0]; // where the customer id starts in ids; its length
  private int[] customerLength = new int[0];
  private int[] journeyAt = new int[0]; // -1: no journey id
  private int[] journeyLength = new int[0];
  private char[] ids;
  private int idsUsed;
  private int size;
  // The ids' String.hashCode() values, computed by the reading thread for rows [0, hashed).
  private int[] customerHash = new int[0];
  private int[] journeyHash = new int[0];
  private int hashed;

  private InteractionBatch(int capacity) {
    allocate(capacity);
    ids = new char[Math.max(16, capacity * 24)];
  }

  /**
   * Returns an empty batch with room for {@code rows} interactions (it grows beyond).
   *
   * @throws IllegalArgumentException if {@code rows} is negative
   */
  public static InteractionBatch withCapacity(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("capacity must be at least 0, got " + rows);
    }
    return new InteractionBatch(Math.max(rows, 1));
  }

  private void allocate(int n) {
    rows = Arrays.copyOf(rows, n);
    touchpoints = Arrays.copyOf(touchpoints, n);
    outcomes = Arrays.copyOf(outcomes, n);
    millis = Arrays.copyOf(millis, n);
    flat = Arrays.copyOf(flat, n);
    customerAt = Arrays.copyOf(customerAt, n);
    customerLength = Arrays.copyOf(customerLength, n);
    journeyAt = Arrays.copyOf(journeyAt, n);
    journeyLength = Arrays.copyOf(journeyLength, n);
  }

  /**
   * Stages {@code interaction} as the next row.
   *
   * @throws NullPointerException if {@code interaction} is null
   * @throws IllegalStateException past 2^31 characters of ids in one batch
   */
  public InteractionBatch add(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    if (size == rows.length) {
      allocate(size + (size >> 1) + 1);
    }
    int k = size;
    rows[k] = interaction;
    touchpoints[k] = interaction.touchpoint();
    outcomes[k] = interaction.outcome();
    Instant t = interaction.timestamp();
    boolean inRange =
        !t.isBefore(InteractionLog.MIN_INSTANT) && !t.isAfter(InteractionLog.MAX_INSTANT);
    flat[k] = inRange;
    millis[k] = inRange ? t.toEpochMilli() : 0;
    String c = interaction.customer().value();
    customerAt[k] = copy(c);
    customerLength[k] = c.length();
    String j = interaction.journeyId();
    if (j == null) {
      journeyAt[k] = -1;
      journeyLength[k] = 0;
    } else {
      journeyAt[k] = copy(j);
      journeyLength[k] = j.length();
    }
    size++;
    return this;
  }

  /** Appends the characters of {@code s} to {@code ids}; returns where they start. */
  private int copy(String s) {
    int n = s.length();
    long end = (long) idsUsed + n;
    if (end > ids.length) {
      if (end > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2^31 characters of ids in one batch");
      }
      ids =
          Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * ids.length)));
    }
    int at = idsUsed;
    s.getChars(0, n, ids, at);
    idsUsed = at + n;
    return at;
  }

  /** Removes every row, keeping the arrays for the next rows. */
  public InteractionBatch clear() {
    Arrays.fill(rows, 0, size, null);
    Arrays.fill(touchpoints, 0, size, null);
    Arrays.fill(outcomes, 0, size, null);
    size = 0;
    idsUsed = 0;
    hashed = 0;
    return this;
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }

  /**
   * Returns row {@code k} as it was added.
   *
   * @throws IndexOutOfBoundsException if {@code k} is not in {@code [0, size())}
   */
  public Interaction interaction(int k) {
    return rows[Objects.checkIndex(k, size)];
  }

  /**
   * Returns the touchpoint of row {@code k}, without reading the row itself.
   *
   * @throws IndexOutOfBoundsException if {@code k} is not in {@code [0, size())}
   */
  public Touchpoint touchpoint(int k) {
    return touchpoints[Objects.checkIndex(k, size)];
  }

  // ---- read by the builder (same package) ----------------------------------------------------

  Outcome outcome(int k) {
    return outcomes[k];
  }

  boolean flat(int k) {
    return flat[k];
  }

  long millis(int k) {
    return millis[k];
  }

  char[] ids() {
    return ids;
  }

  int customerAt(int k) {
    return customerAt[k];
  }

  int customerLength(int k) {
    return customerLength[k];
  }

  /**
   * Computes the ids' hashes of rows up to {@code to} (on the thread that reads the batch); returns
   * the customer ids' hashes, by row.
   */
  int[] customerHashes(int to) {
    hash(to);
    return customerHash;
  }

  int customerHash(int k) {
    hash(k + 1);
    return customerHash[k];
  }

  private void hash(int to) {
    if (to <= hashed) {
      return;
    }
    if (customerHash.length < rows.length) { // rows may have been added after some were hashed
      customerHash = Arrays.copyOf(customerHash, rows.length);
      journeyHash = Arrays.copyOf(journeyHash, rows.length);
    }
    char[] a = ids;
    for (int k = hashed; k < to; k++) {
      customerHash[k] = hashOf(a, customerAt[k], customerLength[k]);
      journeyHash[k] = journeyAt[k] < 0 ? 0 : hashOf(a, journeyAt[k], journeyLength[k]);
    }
    hashed = to;
  }

  /**
   * Returns {@link String#hashCode()} of the string of {@code a[from, from + len)}: the sum of
   * {@code a[from + i] * 31^(len - 1 - i)}, four characters a step so that the multiplications do
   * not wait for one another.
   */
  static int hashOf(char[] a, int from, int len) {
    int h = 0;
    int i = from;
    int end = from + len;
    for (; i + 3 < end; i += 4) {
      h = 923521 * h + 29791 * a[i] + 961 * a[i + 1] + 31 * a[i + 2] + a[i + 3]; // 31^4 ... 31^0
    }
    for (; i < end; i++) {
      h = 31 * h + a[i];
    }
    return h;
  }

  int journeyAt(int k) {
    return journeyAt[k];
  }

  int journeyLength(int k) {
    return journeyLength[k];
  }

  int journeyHash(int k) {
    hash(k + 1);
    return journeyHash[k];
  }

  @Override
  public String toString() {
    return "InteractionBatch[" + size + " rows]";
  }
}
