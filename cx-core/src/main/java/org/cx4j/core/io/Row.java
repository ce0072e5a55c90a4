package org.cx4j.core.io;

import java.util.HashMap;
import java.util.Map;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * One row of a file, read by logical field through the user's {@link ColumnMapping}. Shared by CSV
 * and JSON Lines. Conversions throw {@link RowError}s that name the column and the value.
 */
abstract class Row {

  /**
   * At most this many distinct values are shared per read (see {@link #shared(String)}); beyond it,
   * new values are returned as they are, so memory stays bounded on high-cardinality columns.
   */
  static final int MAX_SHARED = 4096;

  final ColumnMapping mapping;
  final TimestampFormat timestamps;

  // One row object serves a whole read, on one thread: these caches live as long as the read.
  private final Map<String, String> shared = new HashMap<>();
  // Shared touchpoints in chains by a hash of a few of the id's characters: a fresh id string's
  // full hash code, computed on every row, was a tenth of a large file's parsing.
  private final SharedTouchpoint[] touchpoints = new SharedTouchpoint[BUCKETS];
  private int sharedTouchpoints;
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
   * Returns an equal, shared instance of a value that repeats from row to row (a country, a plan),
   * so that millions of records do not each keep their own copy of the same text.
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
   * Returns the shared touchpoint of the given raw id, channel and stage values, or null when none
   * is shared yet: the caller then makes it and offers it with {@link #share}. Every row that names
   * the same three values gets the same object (at most {@link #MAX_SHARED} are kept). Parsing and
   * normalizing per row was a fifth of the reading time of a large file, and one {@link Touchpoint}
   * per response row most of its memory. (No supplier is passed in: a lambda made per row was 20
   * bytes of garbage per row.)
   */
  final Touchpoint sharedTouchpoint(String id, String channel, String stage) {
    // No key built per row: the id's bucket, then the entries with its id and channel and stage.
    for (SharedTouchpoint e = touchpoints[bucket(id)]; e != null; e = e.next) {
      if (e.id.equals(id) && e.channel.equals(channel) && e.stage.equals(stage)) {
        return e.touchpoint;
      }
    }
    return null;
  }

  /**
   * Shares {@code t}, made of the raw {@code id}, {@code channel} and {@code stage} values, with
   * the rows that follow, unless {@link #MAX_SHARED} touchpoints are shared, {@link
   * #MAX_PAIRS_PER_ID} with this id, or the id's bucket is full. Returns {@code t}.
   */
  final Touchpoint share(String id, String channel, String stage, Touchpoint t) {
    int b = bucket(id);
    int sameId = 0;
    int chain = 0;
    for (SharedTouchpoint e = touchpoints[b]; e != null; e = e.next) {
      if (e.id.equals(id)) {
        sameId++;
      }
      chain++;
    }
    if (sharedTouchpoints < MAX_SHARED && sameId < MAX_PAIRS_PER_ID && chain < MAX_CHAIN) {
      touchpoints[b] = new SharedTouchpoint(id, channel, stage, t, touchpoints[b]);
      sharedTouchpoints++;
    }
    return t;
  }

  /** Buckets of shared touchpoints (a power of two). */
  private static final int BUCKETS = 256;

  /** Entries one bucket may hold, so that ids that share a bucket never cost a long scan. */
  static final int MAX_CHAIN = 64;

  /** The bucket of {@code id}: its length and four of its characters, spread (Fibonacci). */
  private static int bucket(String id) {
    int n = id.length();
    if (n == 0) {
      return 0;
    }
    int h = n;
    h = 31 * h + id.charAt(0);
    h = 31 * h + id.charAt(n >> 2);
    h = 31 * h + id.charAt(n >> 1);
    h = 31 * h + id.charAt(n - 1);
    return (h * 0x9E3779B9) >>> 24; // the top eight bits: BUCKETS = 256
  }

  /** At most this many channel and stage pairs are shared per touchpoint id. */
  static final int MAX_PAIRS_PER_ID = 16;

  /** A shared touchpoint with the raw id, channel and stage it was made of; chained per bucket. */
  private record SharedTouchpoint(
      String id, String channel, String stage, Touchpoint touchpoint, SharedTouchpoint next) {}

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
      throw new RowError(
          column(field), raw(field), "missing value for " + field, ReadError.Kind.MISSING_VALUE);
    }
    return v;
  }

  /**
   * Returns {@code v} as an integer written in ASCII digits with an optional sign; a decimal whose
   * fraction is all zeros ({@code 9.0}, as spreadsheets and pandas write integer columns with gaps)
   * is that integer.
   *
   * @throws RowError for other digits (Arabic-Indic, full-width, ...: {@link
   *     ReadError.Kind#NON_ASCII_DIGITS}) and for anything that is not an integer
   */
  final int integer(Field field, String v) {
    checkAsciiDigits(field, v);
    v = integralDecimal(v);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+') && v.length() > 1)) {
        throw new RowError(
            column(field), v, field + " must be an integer", ReadError.Kind.NOT_A_NUMBER);
      }
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new RowError(
          column(field), v, field + " is too large for an integer", ReadError.Kind.OUT_OF_RANGE);
    }
  }

  /** Returns {@code 9} for {@code 9.0} or {@code 9.00}; {@code v} itself otherwise. */
  private static String integralDecimal(String v) {
    int dot = v.indexOf('.');
    if (dot <= 0 || dot == v.length() - 1) {
      return v;
    }
    for (int i = dot + 1; i < v.length(); i++) {
      if (v.charAt(i) != '0') {
        return v;
      }
    }
    return v.substring(0, dot);
  }

  /**
   * Returns {@code v} as a finite decimal number: an optional sign, ASCII digits with an optional
   * decimal point, an optional exponent ({@code 1.5}, {@code -2}, {@code .5}, {@code 1e3}). Java's
   * own suffixes and forms ({@code 1d}, {@code 0x1p3}, {@code NaN}, {@code Infinity}) are refused.
   *
   * @throws RowError for other digits, for text that is not such a number, and for a number too
   *     large to be finite
   */
  final double decimal(Field field, String v) {
    checkAsciiDigits(field, v);
    if (!plainDecimal(v)) {
      throw new RowError(
          column(field), v, field + " must be a number such as 12.5", ReadError.Kind.NOT_A_NUMBER);
    }
    double d = Double.parseDouble(v);
    if (!Double.isFinite(d)) {
      throw new RowError(column(field), v, field + " must be finite", ReadError.Kind.OUT_OF_RANGE);
    }
    return d;
  }

  /** Returns whether {@code v} is [+-]?(digits[.digits*]|.digits)([eE][+-]?digits)?. */
  static boolean plainDecimal(String v) {
    int i = 0;
    int n = v.length();
    if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (i < n && v.charAt(i) == '.') {
      i++;
      while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
      i++;
      if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /**
   * Refuses digits other than ASCII 0-9: Java's integer parsing accepts any Unicode decimal digit
   * (Arabic-Indic, Devanagari, full-width), which would let "٩" be scored as 9 unnoticed.
   */
  final void checkAsciiDigits(Field field, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c > 0x7F && Character.isDigit(c)) {
        throw new RowError(
            column(field),
            v,
            field
                + " must be written with ASCII digits 0-9, "
                + "found '"
                + c
                + "' (U+"
                + String.format("%04X", (int) c)
                + ")",
            ReadError.Kind.NON_ASCII_DIGITS);
      }
    }
  }

  final java.time.Instant instant(Field field) {
    String v = require(field);
    try {
      return timestamps.parse(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(
          column(field),
          v,
          "expected a timestamp in "
              + timestamps
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          ReadError.Kind.TIMESTAMP);
    }
  }

  final java.time.LocalDate date(Field field, String v) {
    try {
      return timestamps.parseDate(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(
          column(field), v, "expected a date in " + timestamps, ReadError.Kind.TIMESTAMP);
    }
  }

  /** Returns the customer id of the row. @throws RowError when missing, blank or too long */
  final org.cx4j.core.customer.CustomerId customerId() {
    return domain(
        Field.CUSTOMER_ID,
        require(Field.CUSTOMER_ID),
        ids == null ? org.cx4j.core.customer.CustomerId::of : ids::get);
  }

  /** Makes {@link #customerId()} return the shared instances of {@code pool}. */
  final void shareIds(CustomerIdPool pool) {
    this.ids = pool;
  }

  /**
   * Runs a domain factory on {@code field}'s value, turning its IllegalArgumentException into a row
   * error.
   */
  final <T> T domain(Field field, String v, java.util.function.Function<String, T> factory) {
    try {
      return factory.apply(v);
    } catch (IllegalArgumentException e) {
      throw new RowError(column(field), v, e.getMessage());
    }
  }
}
