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
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
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
import org.cx4j.journey.variant.Variants;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.Recipe;
import org.cx4j.spark.journey.SparkInternals.Rows;
import org.cx4j.spark.journey.SparkInternals.Utf8Field;

/**
 * What each task runs: one partition's interactions to one state (bytes) that the driver merges.
 * The rows of {@link #internal()} and {@link #rows()} are, in order: customer id (string),
 * touchpoint id (string), epoch milliseconds (long) and, when the data have outcomes, the outcome
 * (string, null for none); the block shuffle's records carry epoch microseconds instead (see {@link
 * #fromBlocks}).
 *
 * <p>The rows are read into primitive columns (customer code, millis, touchpoint code, outcome
 * code) and handed to cx-journey as an {@link InteractionLog} built from columns: no {@code
 * Interaction}, {@code Instant} or per-event string is created. Three readers fill the same
 * columns: the records of the block shuffle ({@link #fromBlocks}, the default: touchpoints already
 * coded, short ids as one {@code long}; {@link CustomerGroups} groups the rows by customer and
 * orders them by time, so the rebuilder has nothing left to sort), Spark's internal rows through
 * {@link SparkInternals} ({@link #internal()}, after Spark's own repartition and sort: a customer's
 * rows are contiguous and a new customer is recognized by comparing the id with the previous row's)
 * and public {@link Row}s ({@link #rows()}, the fallback for Datasets whose internal rows cannot be
 * read or when the internals are off; customers looked up in a hash map unless Spark sorted them).
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

  PartitionTask(
      String[][] catalog,
      Recipe<JourneyRebuilder> rebuilder,
      Recipe<Funnel> funnel,
      Level level,
      boolean collapseRepeats,
      Level attributionLevel,
      String conversion,
      NullPolicy nulls,
      String[] names,
      boolean sorted) {
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

  /** The task over Spark's internal rows (read through {@link SparkInternals}). */
  SparkInternals.PartitionFunction<byte[]> internal() {
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
        "cx-spark journeys: touchpoint '"
            + touchpointId
            + "' in column "
            + names[1]
            + " is not in the catalog "
            + Arrays.asList(touchpointIds()));
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

  /** The task over Spark's internal rows, which Spark sorted by customer and time. */
  byte[] fromInternalRows(Rows rows) {
    if (!sorted) {
      throw new IllegalStateException("internal rows are read after Spark's sort only");
    }
    Columns c = new Columns();
    Utf8Codes touchpoints = new Utf8Codes(catalog.length);
    for (int t = 0; t < catalog.length; t++) {
      touchpoints.put(catalog[t][0].getBytes(StandardCharsets.UTF_8), t);
    }
    Utf8Codes outcomes = new Utf8Codes(4);
    Utf8Field id = new Utf8Field();
    Utf8Field tp = new Utf8Field();
    Utf8Field o = new Utf8Field();
    byte[] last = null;
    long lastAt = SparkInternals.arrayOffset(0);
    int lastCode = -1;
    while (rows.next()) {
      if (rows.isNullAt(0) || rows.isNullAt(1) || rows.isNullAt(2)) {
        String customerId = null;
        if (!rows.isNullAt(0)) {
          rows.readString(0, id);
          customerId = id.toString();
        }
        c.reject(rows.isNullAt(0) ? 0 : rows.isNullAt(1) ? 1 : 2, customerId);
        continue;
      }
      rows.readString(1, tp);
      int code = touchpoints.get(tp);
      if (code < 0) {
        throw unknownTouchpoint(tp.toString());
      }
      // Sorted by Spark: a customer's rows are contiguous, a new id starts a new customer (a
      // copy: Spark reuses a row's buffer for the next row).
      rows.readString(0, id);
      if (last == null
          || last.length != id.length
          || !SparkInternals.equal(id.base, id.offset, last, lastAt, id.length)) {
        last = id.toBytes();
        lastCode = c.customer(new String(last, StandardCharsets.UTF_8));
      }
      int outcome = -1;
      if (c.hasOutcome && !rows.isNullAt(3)) {
        rows.readString(3, o);
        outcome = outcomes.get(o);
        if (outcome < 0) {
          byte[] copy = o.toBytes();
          outcome = c.outcome(new String(copy, StandardCharsets.UTF_8));
          outcomes.put(copy, outcome);
        }
      }
      c.add(lastCode, rows.getLong(2), code, outcome);
    }
    return c.state();
  }

  /**
   * The task over the records of a block shuffle (see {@link BlockShuffle}): touchpoints arrive as
   * catalog codes (refused on the map side when unknown), ids of up to 8 bytes as one {@code long},
   * times as epoch microseconds (floored to milliseconds, as Spark's {@code unix_millis}).
   */
  byte[] fromBlocks(BlockShuffle.Cursor rows) {
    Columns c = new Columns();
    CustomerGroups groups = new CustomerGroups(rows);
    Utf8Codes outcomes = new Utf8Codes(4);
    int missing =
        BlockShuffle.CUSTOMER_NULL | BlockShuffle.TOUCHPOINT_NULL | BlockShuffle.TIME_NULL;
    while (rows.next()) {
      int nulls = rows.nulls();
      if ((nulls & missing) != 0) {
        boolean noCustomer = (nulls & BlockShuffle.CUSTOMER_NULL) != 0;
        c.reject(
            noCustomer ? 0 : (nulls & BlockShuffle.TOUCHPOINT_NULL) != 0 ? 1 : 2,
            noCustomer ? null : rows.id());
        continue;
      }
      int outcome = -1;
      if ((nulls & BlockShuffle.OUTCOME_NULL) == 0) {
        outcome = rows.outcomeCode(outcomes); // no string per row once the outcome is known
        if (outcome < 0) {
          byte[] o = rows.outcome();
          outcome = c.outcome(new String(o, StandardCharsets.UTF_8));
          outcomes.put(o, outcome);
        }
      }
      groups.add(Math.floorDiv(rows.micros(), 1000L), rows.touchpoint(), outcome);
    }
    int n = groups.size();
    CustomerGroups.Sorted s = groups.sort(c::customer);
    c.set(s.customer(), s.millis(), s.touchpoint(), s.outcome(), n);
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

  /** One partition's events as growing primitive columns, and what is done with them. */
  private final class Columns {
    final boolean hasOutcome = names[3] != null;
    final List<CustomerId> customers = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    final Map<Outcome, Integer> outcomeCodes = new HashMap<>();
    int[] customer = new int[1024];
    long[] millis = new long[customer.length];
    int[] touchpoint = new int[customer.length];
    short[] outcome = new short[customer.length];
    boolean anyOutcome;
    int size;
    long rejected;

    void reject(int missing, String customerId) {
      if (nulls == NullPolicy.STRICT) {
        throw new IllegalArgumentException(
            "cx-spark journeys: null "
                + names[missing]
                + " in a row of customer "
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
            "cx-spark journeys: more than "
                + Short.MAX_VALUE
                + " distinct outcomes in column "
                + names[3]);
      }
      outcomes.add(o);
      outcomeCodes.put(o, outcomes.size() - 1);
      return outcomes.size() - 1;
    }

    /** Takes columns of {@code n} rows as they are (the block reader's, already grouped). */
    void set(int[] customer, long[] millis, int[] touchpoint, short[] outcome, int n) {
      this.customer = customer;
      this.millis = millis;
      this.touchpoint = touchpoint;
      this.outcome = outcome;
      this.size = n;
      for (int i = 0; i < n && !anyOutcome; i++) {
        anyOutcome = outcome[i] >= 0;
      }
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

    private int[] exact(int[] a) {
      return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private long[] exact(long[] a) {
      return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private short[] exact(short[] a) {
      return a.length == size ? a : Arrays.copyOf(a, size);
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
      // ofColumns copies its columns; trimmed copies only where they are longer than the rows
      // (the growing columns of fromRows; those of fromBlocks are exact), so that a partition's
      // millions of rows are not copied twice.
      InteractionLog log =
          InteractionLog.ofColumns(
              customers,
              exact(customer),
              exact(millis),
              TouchpointDictionary.of(tps),
              exact(touchpoint),
              outcomes,
              anyOutcome ? exact(outcome) : null,
              Instant.now());
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
        Paths.count(js, Abstraction.of(js.dictionary(), attributionLevel), Outcome.of(conversion))
            .writeTo(paths);
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
