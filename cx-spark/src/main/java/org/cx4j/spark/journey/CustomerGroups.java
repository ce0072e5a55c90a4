package org.cx4j.spark.journey;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * One reduce partition's interactions, grouped by customer and ordered by (customer, time, arrival)
 * without a sort of the whole partition: the rows of the block shuffle arrive in an arbitrary
 * customer order, and a partition holds hundreds of thousands of customers.
 *
 * <p>How: each row's customer id is hashed (its length and, up to 8 bytes, its bytes as one {@code
 * long}; longer ids over all their bytes, read in the shuffled blocks). The rows are scattered into
 * buckets by the top bits of that hash, about 512 rows each, keeping their arrival order within a
 * bucket (two sequential passes). Each bucket then gives its customers codes in a small hash table
 * that stays in the cache, in order of first appearance, places its rows by customer (a counting
 * sort) and orders each customer's few rows by time (an insertion sort, stable, usually with
 * nothing to move). Customer codes are numbered bucket by bucket, so the rows end in (code, time,
 * arrival) order and cx-journey's rebuilder finds them sorted (it only checks the order). A probe
 * of one table of all customers per row (a cache miss each time), a radix sort of the ids and the
 * rebuilder's own sort are what this replaces.
 *
 * <p>Single-threaded; for one partition task.
 */
final class CustomerGroups {

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final BlockShuffle.Cursor blocks;
  private long[] prefix;
  private int[] length;
  private long[] ref; // where a long id lies; allocated with the first one
  private int[] hash;
  private long[] millis;
  private int[] touchpoint;
  private short[] outcome;
  private int size;

  /**
   * Groups rows read from {@code blocks}, whose long ids are compared in its blocks. The arrays are
   * sized once from the blocks' bytes (growing seven arrays of millions of rows by doubling copied
   * each of them about twice over).
   */
  CustomerGroups(BlockShuffle.Cursor blocks) {
    this.blocks = blocks;
    int cap = Math.max(16, blocks.expectedRecords());
    prefix = new long[cap];
    length = new int[cap];
    hash = new int[cap];
    millis = new long[cap];
    touchpoint = new int[cap];
    outcome = new short[cap];
  }

  /** Returns the number of rows added. */
  int size() {
    return size;
  }

  /** Adds the cursor's current row (customer not null) with its time, touchpoint and outcome. */
  void add(long ms, int tp, int out) {
    if (size == prefix.length) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
      prefix = Arrays.copyOf(prefix, cap);
      length = Arrays.copyOf(length, cap);
      hash = Arrays.copyOf(hash, cap);
      millis = Arrays.copyOf(millis, cap);
      touchpoint = Arrays.copyOf(touchpoint, cap);
      outcome = Arrays.copyOf(outcome, cap);
      if (ref != null) {
        ref = Arrays.copyOf(ref, cap);
      }
    }
    int len = blocks.idLength();
    length[size] = len;
    if (len <= 8) {
      long p = blocks.idPrefix();
      prefix[size] = p;
      hash[size] = (int) mix(p ^ ((long) len << 59 | len));
    } else {
      if (ref == null) {
        ref = new long[prefix.length];
      }
      long r = blocks.idRef();
      ref[size] = r;
      hash[size] = hashBytes(r, len);
    }
    millis[size] = ms;
    touchpoint[size] = tp;
    outcome[size] = (short) out;
    size++;
  }

  /** MurmurHash3's 64-bit finalizer. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private int hashBytes(long r, int len) {
    byte[] b = blocks.block((int) (r >>> 32));
    int at = (int) r;
    long h = len;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      h = mix(h ^ (long) LONG.get(b, at + i));
    }
    for (; i < len; i++) {
      h = h * 31 + b[at + i];
    }
    return (int) mix(h);
  }

  private boolean sameBytes(long r1, long r2, int len) {
    byte[] b1 = blocks.block((int) (r1 >>> 32));
    byte[] b2 = blocks.block((int) (r2 >>> 32));
    return Arrays.equals(b1, (int) r1, (int) r1 + len, b2, (int) r2, (int) r2 + len);
  }

  private String id(long p, int len, long r) {
    if (len > 8) {
      return new String(blocks.block((int) (r >>> 32)), (int) r, len, StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[len];
    for (int x = 0; x < len; x++) {
      bytes[x] = (byte) (p >>> (56 - 8 * x));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The rows in (customer code, time, arrival) order. */
  record Sorted(int[] customer, long[] millis, int[] touchpoint, short[] outcome) {}

  /**
   * Groups the rows: registers each distinct customer id through {@code register} (which returns
   * its code, numbered from 0 in registration order) and returns the rows ordered by (customer
   * code, time, arrival).
   */
  Sorted sort(Function<String, Integer> register) {
    int n = size;
    // About 512 rows per bucket: a bucket's table and rows stay in the cache.
    int bits = Math.max(0, Math.min(16, 31 - Integer.numberOfLeadingZeros(n / 512 + 1)));
    int buckets = 1 << bits;
    int[] start = new int[buckets + 1];
    for (int i = 0; i < n; i++) {
      start[bucket(hash[i], bits) + 1]++;
    }
    int largest = 0;
    for (int b = 0; b < buckets; b++) {
      largest = Math.max(largest, start[b + 1]);
      start[b + 1] += start[b];
    }
    // Scatter into bucket order, stably.
    long[] sPrefix = new long[n];
    int[] sLength = new int[n];
    long[] sRef = ref == null ? null : new long[n];
    int[] sHash = new int[n];
    long[] sMillis = new long[n];
    int[] sTouchpoint = new int[n];
    short[] sOutcome = new short[n];
    int[] next = Arrays.copyOf(start, buckets);
    for (int i = 0; i < n; i++) {
      int k = next[bucket(hash[i], bits)]++;
      sPrefix[k] = prefix[i];
      sLength[k] = length[i];
      if (sRef != null) {
        sRef[k] = ref[i];
      }
      sHash[k] = hash[i];
      sMillis[k] = millis[i];
      sTouchpoint[k] = touchpoint[i];
      sOutcome[k] = outcome[i];
    }
    prefix = null; // no longer needed: let them go before the output is allocated
    length = null;
    ref = null;
    hash = null;
    millis = null;
    touchpoint = null;
    outcome = null;
    int[] fCustomer = new int[n];
    long[] fMillis = new long[n];
    int[] fTouchpoint = new int[n];
    short[] fOutcome = new short[n];
    int slots = Integer.highestOneBit(Math.max(8, 2 * largest - 1)) << 1;
    long[] tPrefix = new long[slots];
    int[] tLength = new int[slots];
    long[] tRef = sRef == null ? null : new long[slots];
    int[] tLocal = new int[slots]; // local code + 1; 0: empty
    int[] local = new int[Math.max(1, largest)];
    int[] global = new int[Math.max(1, largest)];
    int[] count = new int[Math.max(1, largest) + 1];
    for (int b = 0; b < buckets; b++) {
      int from = start[b];
      int to = start[b + 1];
      if (from == to) {
        continue;
      }
      int mask = Integer.highestOneBit(Math.max(8, 2 * (to - from) - 1)) * 2 - 1;
      Arrays.fill(tLocal, 0, mask + 1, 0);
      int customers = 0;
      for (int k = from; k < to; k++) {
        long p = sPrefix[k];
        int len = sLength[k];
        long r = sRef == null ? 0 : sRef[k];
        // The low bits of the hash (the bucket took the high ones).
        int slot = sHash[k] & mask;
        while (tLocal[slot] != 0
            && (tLength[slot] != len
                || (len <= 8 ? tPrefix[slot] != p : !sameBytes(tRef[slot], r, len)))) {
          slot = (slot + 1) & mask;
        }
        if (tLocal[slot] == 0) {
          tPrefix[slot] = p;
          tLength[slot] = len;
          if (tRef != null) {
            tRef[slot] = r;
          }
          tLocal[slot] = ++customers;
          global[customers - 1] = register.apply(id(p, len, r));
        }
        local[k - from] = tLocal[slot] - 1;
      }
      // Place the rows by customer (counting sort, stable), then each customer's rows by time.
      Arrays.fill(count, 0, customers + 1, 0);
      for (int k = from; k < to; k++) {
        count[local[k - from] + 1]++;
      }
      for (int c = 0; c < customers; c++) {
        count[c + 1] += count[c];
      }
      for (int k = from; k < to; k++) {
        int c = local[k - from];
        int at = from + count[c]++;
        fCustomer[at] = global[c];
        fMillis[at] = sMillis[k];
        fTouchpoint[at] = sTouchpoint[k];
        fOutcome[at] = sOutcome[k];
      }
      // count[c] is now the end of customer c's rows (relative to from).
      for (int c = 0, runFrom = from; c < customers; c++) {
        int runTo = from + count[c];
        insertionSortByTime(fMillis, fTouchpoint, fOutcome, runFrom, runTo);
        runFrom = runTo;
      }
    }
    return new Sorted(fCustomer, fMillis, fTouchpoint, fOutcome);
  }

  /**
   * Orders one customer's rows by time, stably (ties keep arrival order): an insertion sort, which
   * moves nothing on rows already in order (the usual case); long runs out of order go through a
   * merge sort instead, so that a customer with many events costs {@code n log n}.
   */
  private static void insertionSortByTime(long[] ms, int[] tp, short[] out, int from, int to) {
    if (to - from > 32) {
      int i = from + 1;
      while (i < to && ms[i - 1] <= ms[i]) {
        i++;
      }
      if (i < to) {
        Integer[] order = new Integer[to - from];
        for (int k = 0; k < order.length; k++) {
          order[k] = from + k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ms[a], ms[b])); // stable (a merge sort)
        long[] m2 = new long[order.length];
        int[] t2 = new int[order.length];
        short[] o2 = new short[order.length];
        for (int k = 0; k < order.length; k++) {
          m2[k] = ms[order[k]];
          t2[k] = tp[order[k]];
          o2[k] = out[order[k]];
        }
        System.arraycopy(m2, 0, ms, from, m2.length);
        System.arraycopy(t2, 0, tp, from, t2.length);
        System.arraycopy(o2, 0, out, from, o2.length);
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      long t = ms[i];
      if (ms[i - 1] <= t) {
        continue;
      }
      int p = tp[i];
      short o = out[i];
      int j = i - 1;
      while (j >= from && ms[j] > t) {
        ms[j + 1] = ms[j];
        tp[j + 1] = tp[j];
        out[j + 1] = out[j];
        j--;
      }
      ms[j + 1] = t;
      tp[j + 1] = p;
      out[j + 1] = o;
    }
  }

  private static int bucket(int hash, int bits) {
    return bits == 0 ? 0 : hash >>> (32 - bits);
  }
}
