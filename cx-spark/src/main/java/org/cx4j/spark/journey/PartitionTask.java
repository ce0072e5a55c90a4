package org.cx4j.spark.journey;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.LongRadixSort;
import org.cx4j.journey.variant.Variants;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.Recipe;

/**
 * What each task runs: one partition's interactions to one state (bytes) that the driver merges.
 * The rows are, in order: customer id (string), touchpoint id (string), epoch milliseconds (long)
 * and, when the data have outcomes, the outcome (string, null for none).
 *
 * <p>The rows are read into primitive columns (customer code in order of first appearance in the
 * partition, millis, touchpoint code, outcome code) and handed to cx-journey as an {@link
 * InteractionLog} built from columns: no {@code Interaction}, {@code Instant} or per-event string
 * is created. When Spark sorted the partition by customer, a customer's rows are contiguous and
 * a new customer is recognized by comparing the id with the previous row's. Otherwise the internal
 * reader codes ids of up to 8 bytes after the partition is read, by sorting them ({@code
 * ShortIds}), and looks longer ones up in a table as they come ({@link Utf8Codes}); the {@code
 * Row} reader uses a hash map. Three readers fill the same columns: the records of the block
 * shuffle ({@link #fromBlocks}, the default: touchpoints already coded, short ids as one {@code
 * long}), Spark's internal rows ({@link #internal()}, after Spark's own repartition and sort; ids
 * handled as UTF-8 bytes and decoded once per customer) and public {@link Row}s ({@link #rows()},
 * the fallback for Datasets whose internal rows cannot be read).
 */
final class PartitionTask implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final String[][] catalog;
  private final Recipe<JourneyRebuilder> rebuilder;
  private final Recipe<Funnel> funnel;
  private final Level level;
  private final boolean collapseRepeats;
  private final Level attributionLevel;
  private final String conversion;
  private final NullPolicy nulls;
  private final String[] names;
  private final boolean sorted;

  PartitionTask(String[][] catalog, Recipe<JourneyRebuilder> rebuilder, Recipe<Funnel> funnel,
      Level level, boolean collapseRepeats, Level attributionLevel, String conversion,
      NullPolicy nulls, String[] names, boolean sorted) {
    this.catalog = catalog;
    this.rebuilder = rebuilder;
    this.funnel = funnel;
    this.level = level;
    this.collapseRepeats = collapseRepeats;
    this.attributionLevel = attributionLevel;
    this.conversion = conversion;
    this.nulls = nulls;
    this.names = names;
    this.sorted = sorted;
  }

  /** The task over Spark's internal rows. */
  FlatMapFunction<Iterator<InternalRow>, byte[]> internal() {
    return rows -> List.of(fromInternalRows(rows)).iterator();
  }

  /** The task over public rows. */
  MapPartitionsFunction<Row, byte[]> rows() {
    return rows -> List.of(fromRows(rows)).iterator();
  }

  /** The catalog's touchpoint ids in code order. */
  String[] touchpointIds() {
    String[] ids = new String[catalog.length];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = catalog[t][0];
    }
    return ids;
  }

  /** The error for a touchpoint id that is not in the catalog. */
  IllegalArgumentException unknownTouchpoint(String touchpointId) {
    return new IllegalArgumentException(
        "cx-spark journeys: touchpoint '" + touchpointId + "' in column " + names[1]
            + " is not in the catalog " + Arrays.asList(touchpointIds()));
  }

  /** A customer's id, as kept in the partition's dictionary, and its code. */
  private static final class Customer<K> {
    final K id;
    final int code;

    Customer(K id, int code) {
      this.id = id;
      this.code = code;
    }
  }

  byte[] fromInternalRows(Iterator<InternalRow> rows) {
    Columns c = new Columns();
    Utf8Codes touchpoints = new Utf8Codes(catalog.length);
    for (int t = 0; t < catalog.length; t++) {
      touchpoints.put(UTF8String.fromString(catalog[t][0]), t);
    }
    // Keys are copies: Spark reuses a row's buffer for the next row.
    Utf8Codes customers = sorted ? null : new Utf8Codes(1 << 10);
    ShortIds shortIds = new ShortIds();
    Utf8Codes outcomes = new Utf8Codes(4);
    UTF8String last = null;
    int lastCode = -1;
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
        c.reject(r.isNullAt(0) ? 0 : r.isNullAt(1) ? 1 : 2,
            r.isNullAt(0) ? null : r.getUTF8String(0).toString());
        continue;
      }
      UTF8String tp = r.getUTF8String(1);
      int code = touchpoints.get(tp);
      if (code < 0) {
        throw unknownTouchpoint(tp.toString());
      }
      UTF8String id = r.getUTF8String(0);
      if (customers == null) {
        // Sorted: a customer's rows are contiguous, a new id starts a new customer.
        if (last == null || !last.equals(id)) {
          last = id.clone();
          lastCode = c.customer(last.toString());
        }
      } else if (id.numBytes() <= 8) {
        // Coded after the loop, by sorting: see ShortIds.
        shortIds.add(id.getPrefix(), id.numBytes(), c.size);
        lastCode = -1;
      } else {
        lastCode = customers.get(id);
        if (lastCode < 0) {
          UTF8String copy = id.clone();
          lastCode = c.customer(copy.toString());
          customers.put(copy, lastCode);
        }
      }
      int outcome = -1;
      if (c.hasOutcome && !r.isNullAt(3)) {
        UTF8String o = r.getUTF8String(3);
        outcome = outcomes.get(o);
        if (outcome < 0) {
          UTF8String copy = o.clone();
          outcome = c.outcome(copy.toString());
          outcomes.put(copy, outcome);
        }
      }
      c.add(lastCode, r.getLong(2), code, outcome);
    }
    shortIds.code(c);
    return c.state();
  }

  /**
   * The task over the records of a block shuffle (see {@link BlockShuffle}): touchpoints arrive
   * as catalog codes (refused on the map side when unknown), ids of up to 8 bytes as one {@code
   * long}, times as epoch microseconds (floored to milliseconds, as Spark's {@code unix_millis}).
   */
  byte[] fromBlocks(BlockShuffle.Cursor rows) {
    Columns c = new Columns();
    Utf8Codes customers = new Utf8Codes(1 << 10);
    ShortIds shortIds = new ShortIds();
    Utf8Codes outcomes = new Utf8Codes(4);
    int missing = BlockShuffle.CUSTOMER_NULL | BlockShuffle.TOUCHPOINT_NULL
        | BlockShuffle.TIME_NULL;
    while (rows.next()) {
      int nulls = rows.nulls();
      if ((nulls & missing) != 0) {
        boolean noCustomer = (nulls & BlockShuffle.CUSTOMER_NULL) != 0;
        c.reject(noCustomer ? 0 : (nulls & BlockShuffle.TOUCHPOINT_NULL) != 0 ? 1 : 2,
            noCustomer ? null : rows.id().toString());
        continue;
      }
      int customer = -1;
      if (rows.idLength() <= 8) {
        // Coded after the loop, by sorting: see ShortIds.
        shortIds.add(rows.idPrefix(), rows.idLength(), c.size);
      } else {
        UTF8String id = rows.id();
        customer = customers.get(id);
        if (customer < 0) {
          customer = c.customer(id.toString());
          customers.put(id, customer); // points into a block, which outlives the table
        }
      }
      int outcome = -1;
      if ((nulls & BlockShuffle.OUTCOME_NULL) == 0) {
        UTF8String o = rows.outcome();
        outcome = outcomes.get(o);
        if (outcome < 0) {
          outcome = c.outcome(o.toString());
          outcomes.put(o, outcome);
        }
      }
      c.add(customer, Math.floorDiv(rows.micros(), 1000L), rows.touchpoint(), outcome);
    }
    shortIds.code(c);
    return c.state();
  }

  byte[] fromRows(Iterator<Row> rows) {
    Columns c = new Columns();
    Map<String, Integer> touchpoints = new HashMap<>();
    for (int t = 0; t < catalog.length; t++) {
      touchpoints.put(catalog[t][0], t);
    }
    Map<String, Customer<String>> customers = sorted ? null : new HashMap<>();
    Map<String, Integer> outcomes = new HashMap<>();
    Customer<String> last = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
        c.reject(r.isNullAt(0) ? 0 : r.isNullAt(1) ? 1 : 2, r.isNullAt(0) ? null : r.getString(0));
        continue;
      }
      Integer code = touchpoints.get(r.getString(1));
      if (code == null) {
        throw unknownTouchpoint(r.getString(1));
      }
      String id = r.getString(0);
      if (last == null || !last.id.equals(id)) {
        last = customers == null ? null : customers.get(id);
        if (last == null) {
          last = new Customer<>(id, c.customer(id));
          if (customers != null) {
            customers.put(id, last);
          }
        }
      }
      int outcome = -1;
      if (c.hasOutcome && !r.isNullAt(3)) {
        outcome = outcomes.computeIfAbsent(r.getString(3), c::outcome);
      }
      c.add(last.code, r.getLong(2), code, outcome);
    }
    return c.state();
  }

  /**
   * Customer ids of at most 8 bytes, coded after the partition is read: each is its length and
   * its bytes as one {@code long} ({@link UTF8String#getPrefix()}, zero-padded), and a stable
   * radix sort of those longs groups each customer's rows. With hundreds of thousands of customers
   * per partition this replaces a hash-table probe per row, a cache miss each time, by a few
   * sequential passes. Longer ids are looked up in a hash table as they come.
   */
  private static final class ShortIds {
    long[] prefix = new long[1 << 16];
    byte[] length = new byte[prefix.length];
    int[] row = new int[prefix.length];
    int size;

    void add(long p, int n, int at) {
      if (size == prefix.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
        prefix = Arrays.copyOf(prefix, cap);
        length = Arrays.copyOf(length, cap);
        row = Arrays.copyOf(row, cap);
      }
      prefix[size] = p;
      length[size] = (byte) n;
      row[size] = at;
      size++;
    }

    /** Gives each distinct id a customer code and writes it into its rows of {@code c}. */
    void code(Columns c) {
      long[] keys = Arrays.copyOf(prefix, size);
      int[] index = new int[size];
      for (int i = 0; i < size; i++) {
        index[i] = i;
      }
      index = LongRadixSort.sort(keys, index);
      int[] codeOfLength = new int[9];
      byte[] bytes = new byte[8];
      for (int from = 0; from < size; ) {
        int to = from + 1;
        while (to < size && keys[to] == keys[from]) {
          to++;
        }
        // Equal zero-padded bytes, possibly of different lengths ("a" and "a\0"): one customer
        // per length.
        Arrays.fill(codeOfLength, -1);
        for (int k = from; k < to; k++) {
          int i = index[k];
          int n = length[i];
          if (codeOfLength[n] < 0) {
            for (int b = 0; b < n; b++) {
              bytes[b] = (byte) (keys[from] >>> (56 - 8 * b));
            }
            codeOfLength[n] = c.customer(new String(bytes, 0, n, StandardCharsets.UTF_8));
          }
          c.customer[row[i]] = codeOfLength[n];
        }
        from = to;
      }
    }
  }

  /** One partition's events as growing primitive columns, and what is done with them. */
  private final class Columns {
    final boolean hasOutcome = names[3] != null;
    final List<CustomerId> customers = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    final Map<Outcome, Integer> outcomeCodes = new HashMap<>();
    int[] customer = new int[1 << 16];
    long[] millis = new long[customer.length];
    int[] touchpoint = new int[customer.length];
    short[] outcome = new short[customer.length];
    boolean anyOutcome;
    int size;
    long rejected;

    void reject(int missing, String customerId) {
      if (nulls == NullPolicy.STRICT) {
        throw new IllegalArgumentException(
            "cx-spark journeys: null " + names[missing] + " in a row of customer "
                + (customerId == null ? "null" : "'" + customerId + "'")
                + " (null policy STRICT; use LENIENT to count such rows as rejected)");
      }
      rejected++;
    }

    /** Registers a new customer; throws if the id is not a valid customer id (blank). */
    int customer(String id) {
      customers.add(CustomerId.of(id));
      return customers.size() - 1;
    }

    /** The code of an outcome name; names equal once normalized (trimmed, lower case) share it. */
    int outcome(String name) {
      Outcome o = Outcome.of(name);
      Integer known = outcomeCodes.get(o);
      if (known != null) {
        return known;
      }
      if (outcomes.size() == Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "cx-spark journeys: more than " + Short.MAX_VALUE + " distinct outcomes in column "
                + names[3]);
      }
      outcomes.add(o);
      outcomeCodes.put(o, outcomes.size() - 1);
      return outcomes.size() - 1;
    }

    void add(int c, long ms, int tp, int o) {
      if (size == customer.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
        customer = Arrays.copyOf(customer, cap);
        millis = Arrays.copyOf(millis, cap);
        touchpoint = Arrays.copyOf(touchpoint, cap);
        outcome = Arrays.copyOf(outcome, cap);
      }
      customer[size] = c;
      millis[size] = ms;
      touchpoint[size] = tp;
      outcome[size] = (short) o;
      anyOutcome |= o >= 0;
      size++;
    }

    byte[] state() {
      try {
        StateBytes.Output out = new StateBytes.Output();
        out.writeLong(rejected);
        out.writeLong(size);
        out.writeBoolean(size > 0);
        if (size > 0) {
          write(out);
        }
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void write(StateBytes.Output out) throws IOException {
      List<Touchpoint> tps = new ArrayList<>(catalog.length);
      for (String[] t : catalog) {
        tps.add(new Touchpoint(t[0], t[1], new Channel(t[2]), new JourneyStage(t[3])));
      }
      InteractionLog log = InteractionLog.ofColumns(customers,
          Arrays.copyOf(customer, size), Arrays.copyOf(millis, size),
          TouchpointDictionary.of(tps), Arrays.copyOf(touchpoint, size), outcomes,
          anyOutcome ? Arrays.copyOf(outcome, size) : null, Instant.now());
      customer = null; // the log holds copies
      millis = null;
      touchpoint = null;
      outcome = null;
      Journeys js = rebuilder.get().rebuild(log);
      out.writeLong(js.journeyCount());
      // The paths first, after their length in bytes: the driver merges them on a second thread,
      // which skips the rest, while its own thread skips them.
      if (attributionLevel != null) {
        StateBytes.Output paths = new StateBytes.Output();
        Paths.count(js, Abstraction.of(js.dictionary(), attributionLevel),
            Outcome.of(conversion)).writeTo(paths);
        byte[] bytes = paths.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      if (funnel != null) {
        funnel.get().accumulator().addAll(js).writeTo(out);
      }
      Abstraction nodes = Abstraction.of(js.dictionary(), level);
      new Variants.Accumulator(nodes, collapseRepeats).addAll(js).writeTo(out);
      new TransitionGraph.Accumulator(nodes).addAll(js).writeTo(out);
    }
  }
}
