package org.cx4j.core.io;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * One row of a file, read by logical field through the user's {@link ColumnMapping}. Shared by CSV
 * and JSON Lines. Conversions throw {@link RowError}s that name the column and the value.
 */
abstract class Row {

  /**
   * At most this many distinct values are shared per read (see {@link #shared(String)}); beyond
   * it, new values are returned as they are, so memory stays bounded on high-cardinality columns.
   */
  static final int MAX_SHARED = 4096;

  final ColumnMapping mapping;
  final TimestampFormat timestamps;

  // One row object serves a whole read, on one thread: these caches live as long as the read.
  private final Map<String, String> shared = new HashMap<>();
  private final Map<String, Touchpoint> touchpoints = new HashMap<>();
  private CustomerIdPool ids;

  Row(ColumnMapping mapping, TimestampFormat timestamps) {
    this.mapping = mapping;
    this.timestamps = timestamps;
  }

  /** Returns the raw value of {@code field}, or null when the file has no such column. */
  abstract String raw(Field field);

  /** Adds the columns no field reads, with non-empty values, to {@code out}. */
  abstract void extras(Map<String, String> out);

  /**
   * Returns an equal, shared instance of a value that repeats from row to row (a country, a
   * plan), so that millions of records do not each keep their own copy of the same text.
   */
  final String shared(String value) {
    if (value == null) {
      return null;
    }
    String s = shared.get(value);
    if (s != null) {
      return s;
    }
    if (shared.size() < MAX_SHARED) {
      shared.put(value, value);
    }
    return value;
  }

  /**
   * Returns the touchpoint of the given raw id, channel and stage values: made once by {@code
   * make} and then shared by every row that names the same three values (at most {@link
   * #MAX_SHARED} of them are kept). Parsing and normalizing per row was a fifth of the reading
   * time of a large file, and one {@link Touchpoint} per response row most of its memory.
   */
  final Touchpoint touchpoint(String id, String channel, String stage, Supplier<Touchpoint> make) {
    String key = id + '\u0000' + channel + '\u0000' + stage;
    Touchpoint t = touchpoints.get(key);
    if (t == null) {
      t = make.get();
      if (touchpoints.size() < MAX_SHARED) {
        touchpoints.put(key, t);
      }
    }
    return t;
  }

  /** Returns the column name of {@code field} in this file. */
  final String column(Field field) {
    return mapping.column(field);
  }

  /** Returns the trimmed value of {@code field}, or null when absent or blank. */
  final String get(Field field) {
    String v = raw(field);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  /** Returns the trimmed value of {@code field}. @throws RowError when absent or blank */
  final String require(Field field) {
    String v = get(field);
    if (v == null) {
      throw new RowError(column(field), raw(field), "missing value for " + field);
    }
    return v;
  }

  final int integer(Field field, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new RowError(column(field), v, field + " must be an integer");
    }
  }

  final double decimal(Field field, String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new RowError(column(field), v, field + " must be a number");
    }
    if (!Double.isFinite(d)) {
      throw new RowError(column(field), v, field + " must be finite");
    }
    return d;
  }

  final java.time.Instant instant(Field field) {
    String v = require(field);
    try {
      return timestamps.parse(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(column(field), v, "expected a timestamp in " + timestamps);
    }
  }

  final java.time.LocalDate date(Field field, String v) {
    try {
      return timestamps.parseDate(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(column(field), v, "expected a date in " + timestamps);
    }
  }

  /** Returns the customer id of the row. @throws RowError when missing, blank or too long */
  final org.cx4j.core.customer.CustomerId customerId() {
    return domain(Field.CUSTOMER_ID, require(Field.CUSTOMER_ID),
        ids == null ? org.cx4j.core.customer.CustomerId::of : ids::get);
  }

  /** Makes {@link #customerId()} return the shared instances of {@code pool}. */
  final void shareIds(CustomerIdPool pool) {
    this.ids = pool;
  }

  /**
   * Runs a domain factory on {@code field}'s value, turning its IllegalArgumentException into a
   * row error.
   */
  final <T> T domain(Field field, String v, java.util.function.Function<String, T> factory) {
    try {
      return factory.apply(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(column(field), v, e.getMessage());
    }
  }
}
