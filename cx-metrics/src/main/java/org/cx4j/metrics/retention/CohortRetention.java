package org.cx4j.metrics.retention;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.internal.ActivityColumns;

/**
 * A cohort retention table: customers grouped by the period (day, ISO week or month in a given
 * zone) of their first activity, and for each later period {@code k} the number of them retained in
 * the sense of a {@link RetentionKind}: active exactly in period {@code k} ({@link
 * RetentionKind#CLASSIC}), in {@code k} or later ({@link RetentionKind#ROLLING}), or in at least
 * one of {@code 1 .. k} ({@link RetentionKind#CUMULATIVE}).
 *
 * <pre>{@code
 * count(kind, c, k)  = number of customers of cohort c retained at offset k   (k = 0: the cohort)
 * share(kind, c, k)  = count(kind, c, k) / cohortSize(c)
 * pooledShare(kind, k) = sum_c count(kind, c, k) / sum_c cohortSize(c), over cohorts observed at k
 * }</pre>
 *
 * <p>A customer is active in a period when it has at least one row of the {@link ActivityLog} in
 * it. Periods run up to the one holding the latest row of the log (the observation end, which may
 * be only partly observed), so cohort {@code c} is observed for {@link #periods(int)} offsets
 * {@code 0 .. periods(c) - 1}; asking for a later offset is an error, not 0. Periods in which no
 * customer first appeared (empty cohorts) have no row: every cohort has at least one customer, so
 * no share is 0/0. An empty log gives a table with no cohorts.
 *
 * <p>Cost: one pass over the rows to find the time range, one to mark each customer's active
 * periods in a bitmap of {@code customers × periods} bits, and a sequential read of the bitmap; no
 * sort (above 2^30 bits, 128 MiB, the distinct customer-periods are found by sorting instead).
 * Immutable.
 *
 * <pre>{@code
 * CohortRetention t = CohortRetention.of(log, PeriodUnit.ISO_WEEK, ZoneId.of("Europe/Paris"));
 * double week4 = t.share(RetentionKind.CLASSIC, 0, 4);
 * Map<String, CohortRetention> byPlan =
 *     CohortRetention.bySegment(log, PeriodUnit.MONTH, zone, id -> planOf.get(id));
 * }</pre>
 */
public final class CohortRetention {

  /** Above this many bits (128 MiB) the customer-period bitmap gives way to a sort. */
  static final long BITMAP_LIMIT_BITS = 1L << 30;

  private final PeriodUnit unit;
  private final ZoneId zone;
  private final LocalDate[] starts;
  private final int[] sizes;
  private final int[][][] counts; // [kind][cohort][offset]

  private CohortRetention(
      PeriodUnit unit, ZoneId zone, LocalDate[] starts, int[] sizes, int[][][] counts) {
    this.unit = unit;
    this.zone = zone;
    this.starts = starts;
    this.sizes = sizes;
    this.counts = counts;
  }

  /**
   * Returns the cohort retention table of all customers of the log.
   *
   * @param log the activity
   * @param unit the period
   * @param zone the zone in which periods start (midnight, Monday, the 1st)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the activity spans more than a million periods
   */
  public static CohortRetention of(ActivityLog log, PeriodUnit unit, ZoneId zone) {
    return compute(log, unit, zone, null, BITMAP_LIMIT_BITS).get(0);
  }

  /**
   * Returns the cohort retention table of all customers of the log, observed up to the period
   * holding {@code observationEnd} rather than the one of the log's latest row. Tables of disjoint
   * sets of customers observed to the same end can be added with {@link #plus}; this is how a
   * distributed engine (cx-spark) builds one table per partition and merges them. An empty log
   * gives a table with no cohorts.
   *
   * @param log the activity
   * @param unit the period
   * @param zone the zone in which periods start
   * @param observationEnd the end of observation, not before any row of the log
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a row lies after {@code observationEnd} (the instant is
   *     named), or the activity spans more than a million periods
   */
  public static CohortRetention of(
      ActivityLog log, PeriodUnit unit, ZoneId zone, Instant observationEnd) {
    Objects.requireNonNull(observationEnd, "observationEnd");
    return compute(log, unit, zone, null, BITMAP_LIMIT_BITS, observationEnd.toEpochMilli()).get(0);
  }

  /**
   * Returns one cohort retention table per segment, the segments given as int codes per customer.
   * All tables share the same periods and observation end.
   *
   * @param log the activity
   * @param unit the period
   * @param zone the zone in which periods start
   * @param segmentOfCustomer the segment code of each customer code of the log, {@code >= 0};
   *     length at least {@link ActivityLog#customerCount()}
   * @return the tables by segment code, ascending; segments without activity are absent
   * @throws IllegalArgumentException if the array is too short or holds a negative code
   */
  public static SortedMap<Integer, CohortRetention> bySegment(
      ActivityLog log, PeriodUnit unit, ZoneId zone, int[] segmentOfCustomer) {
    Objects.requireNonNull(segmentOfCustomer, "segmentOfCustomer");
    if (segmentOfCustomer.length < log.customerCount()) {
      throw new IllegalArgumentException(
          "segmentOfCustomer must cover the "
              + log.customerCount()
              + " customers, got length "
              + segmentOfCustomer.length);
    }
    for (int c = 0; c < log.customerCount(); c++) {
      if (segmentOfCustomer[c] < 0) {
        throw new IllegalArgumentException(
            "segmentOfCustomer[" + c + "] must be >= 0, got " + segmentOfCustomer[c]);
      }
    }
    return ImmutableSortedMap.copyOf(
        compute(log, unit, zone, segmentOfCustomer, BITMAP_LIMIT_BITS));
  }

  /**
   * Returns one cohort retention table per segment, the segment of each customer given by a key
   * function (e.g. the customer's plan looked up in a CRM map).
   *
   * @param <K> the segment key type
   * @param log the activity
   * @param unit the period
   * @param zone the zone in which periods start
   * @param segment the segment key of a customer, never null
   * @return the tables by segment key, in the order the keys first occur by customer code
   * @throws NullPointerException if an argument is null or the function returns null
   */
  public static <K> Map<K, CohortRetention> bySegment(
      ActivityLog log, PeriodUnit unit, ZoneId zone, Function<CustomerId, K> segment) {
    Objects.requireNonNull(segment, "segment");
    Map<K, Integer> codes = new LinkedHashMap<>();
    int[] seg = new int[log.customerCount()];
    for (int c = 0; c < seg.length; c++) {
      CustomerId id = log.customerId(c);
      K key = Objects.requireNonNull(segment.apply(id), () -> "segment of customer " + id);
      Integer code = codes.get(key);
      if (code == null) {
        code = codes.size();
        codes.put(key, code);
      }
      seg[c] = code;
    }
    Map<Integer, CohortRetention> byCode = compute(log, unit, zone, seg, BITMAP_LIMIT_BITS);
    ImmutableMap.Builder<K, CohortRetention> out = ImmutableMap.builder();
    for (Map.Entry<K, Integer> e : codes.entrySet()) {
      CohortRetention t = byCode.get(e.getValue());
      if (t != null) {
        out.put(e.getKey(), t);
      }
    }
    return out.build();
  }

  /** The engine; {@code bitmapLimit} is a parameter so that tests can force the sorting path. */
  static Map<Integer, CohortRetention> compute(
      ActivityLog log, PeriodUnit unit, ZoneId zone, int[] segmentOfCustomer, long bitmapLimit) {
    return compute(log, unit, zone, segmentOfCustomer, bitmapLimit, null);
  }

  /** As above; {@code endMilli}, when not null, is the observation end (else the latest row). */
  private static Map<Integer, CohortRetention> compute(
      ActivityLog log,
      PeriodUnit unit,
      ZoneId zone,
      int[] segmentOfCustomer,
      long bitmapLimit,
      Long endMilli) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(zone, "zone");
    ActivityColumns.View cols = ActivityColumns.of(log);
    int[] cust = cols.customers();
    long[] when = cols.epochMillis();
    int n = cust.length;
    Map<Integer, CohortRetention> out = new HashMap<>();
    if (n == 0) {
      if (segmentOfCustomer == null) {
        int[][][] none = new int[3][0][];
        out.put(0, new CohortRetention(unit, zone, new LocalDate[0], new int[0], none));
      }
      return out; // no segment has activity
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long t = when[i];
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (endMilli != null) {
      if (max > endMilli) {
        throw new IllegalArgumentException(
            "activity at "
                + Instant.ofEpochMilli(max)
                + " is after observationEnd "
                + Instant.ofEpochMilli(endMilli));
      }
      max = endMilli;
    }
    PeriodCalendar cal = PeriodCalendar.covering(unit, zone, min, max);
    int periods = cal.count();
    int customers = log.customerCount();

    // Segments: dense group index per customer.
    int[] groupOf = new int[customers];
    int[] groupCode;
    if (segmentOfCustomer == null) {
      groupCode = new int[] {0};
    } else {
      int[] distinct = Arrays.copyOf(segmentOfCustomer, customers);
      Arrays.sort(distinct);
      int g = 0;
      for (int c = 0; c < customers; c++) {
        if (c == 0 || distinct[c] != distinct[g - 1]) {
          distinct[g++] = distinct[c];
        }
      }
      groupCode = Arrays.copyOf(distinct, g);
      for (int c = 0; c < customers; c++) {
        groupOf[c] = Arrays.binarySearch(groupCode, segmentOfCustomer[c]);
      }
    }
    int groups = groupCode.length;

    // Per customer: its distinct periods, ascending. classic[g][a][k] counts the customers of
    // cohort a (first period) in group g active at offset k; rolling and cumulative first hold
    // histograms of the last active offset and the first return offset, turned into suffix and
    // prefix sums below.
    int[][][] classic = new int[groups][periods][];
    int[][][] rolling = new int[groups][periods][];
    int[][][] cumulative = new int[groups][periods][];
    CustomerPeriods.forEach(
        cust,
        when,
        customers,
        cal,
        bitmapLimit,
        (c, ps, count) -> {
          int g = groupOf[c];
          int a = ps[0];
          int[] row = classic[g][a];
          if (row == null) {
            row = classic[g][a] = new int[periods - a];
            rolling[g][a] = new int[periods - a];
            cumulative[g][a] = new int[periods - a];
          }
          for (int q = 0; q < count; q++) {
            row[ps[q] - a]++;
          }
          rolling[g][a][ps[count - 1] - a]++;
          if (count > 1) {
            cumulative[g][a][ps[1] - a]++;
          }
        });
    for (int g = 0; g < groups; g++) {
      int cohorts = 0;
      for (int a = 0; a < periods; a++) {
        if (classic[g][a] != null) {
          cohorts++;
        }
      }
      if (cohorts == 0) {
        continue;
      }
      LocalDate[] starts = new LocalDate[cohorts];
      int[] sizes = new int[cohorts];
      int[][][] counts = new int[3][cohorts][];
      int c = 0;
      for (int a = 0; a < periods; a++) {
        if (classic[g][a] == null) {
          continue;
        }
        int[] roll = rolling[g][a];
        for (int k = roll.length - 2; k >= 0; k--) {
          roll[k] += roll[k + 1];
        }
        int[] cum = cumulative[g][a];
        for (int k = 2; k < cum.length; k++) {
          cum[k] += cum[k - 1];
        }
        cum[0] = classic[g][a][0];
        starts[c] = cal.start(a);
        sizes[c] = classic[g][a][0];
        counts[RetentionKind.CLASSIC.ordinal()][c] = classic[g][a];
        counts[RetentionKind.ROLLING.ordinal()][c] = roll;
        counts[RetentionKind.CUMULATIVE.ordinal()][c] = cum;
        c++;
      }
      out.put(groupCode[g], new CohortRetention(unit, zone, starts, sizes, counts));
    }
    return out;
  }

  /**
   * Returns the table of the customers of both tables, which must be disjoint sets of customers
   * (e.g. partitions by customer) with the same unit, zone and observation end: cohorts with the
   * same start are added count by count; the others are kept. Exact; associative and commutative; a
   * table with no cohorts is the identity. Tables observed to different ends are not comparable
   * offset by offset, hence refused.
   *
   * @throws IllegalArgumentException if the units, zones or observation ends differ
   * @throws ArithmeticException if a count exceeds {@code Integer.MAX_VALUE}
   */
  public CohortRetention plus(CohortRetention other) {
    Objects.requireNonNull(other, "other");
    if (unit != other.unit || !zone.equals(other.zone)) {
      throw new IllegalArgumentException(
          "cannot add a table by "
              + other.unit
              + " in "
              + other.zone
              + " to one by "
              + unit
              + " in "
              + zone);
    }
    if (other.starts.length == 0) {
      return this;
    }
    if (starts.length == 0) {
      return other;
    }
    LocalDate end = lastPeriod();
    if (!end.equals(other.lastPeriod())) {
      throw new IllegalArgumentException(
          "cannot add tables observed to different ends: periods up to "
              + other.lastPeriod()
              + " and up to "
              + end);
    }
    int cohorts = 0;
    for (int i = 0, j = 0; i < starts.length || j < other.starts.length; cohorts++) {
      int cmp =
          i == starts.length
              ? 1
              : j == other.starts.length ? -1 : starts[i].compareTo(other.starts[j]);
      i += cmp <= 0 ? 1 : 0;
      j += cmp >= 0 ? 1 : 0;
    }
    LocalDate[] s = new LocalDate[cohorts];
    int[] z = new int[cohorts];
    int[][][] c = new int[3][cohorts][];
    int i = 0;
    int j = 0;
    for (int k = 0; k < cohorts; k++) {
      int cmp =
          i == starts.length
              ? 1
              : j == other.starts.length ? -1 : starts[i].compareTo(other.starts[j]);
      if (cmp < 0) {
        s[k] = starts[i];
        z[k] = sizes[i];
        for (int kind = 0; kind < 3; kind++) {
          c[kind][k] = counts[kind][i].clone();
        }
        i++;
      } else if (cmp > 0) {
        s[k] = other.starts[j];
        z[k] = other.sizes[j];
        for (int kind = 0; kind < 3; kind++) {
          c[kind][k] = other.counts[kind][j].clone();
        }
        j++;
      } else {
        s[k] = starts[i];
        z[k] = Math.addExact(sizes[i], other.sizes[j]);
        for (int kind = 0; kind < 3; kind++) {
          int[] a = counts[kind][i];
          int[] b = other.counts[kind][j];
          int[] sum = new int[a.length]; // same start and end: same length
          for (int q = 0; q < a.length; q++) {
            sum[q] = Math.addExact(a[q], b[q]);
          }
          c[kind][k] = sum;
        }
        i++;
        j++;
      }
    }
    return new CohortRetention(unit, zone, s, z, c);
  }

  /** The start of the last observed period (every cohort is observed up to it). */
  private LocalDate lastPeriod() {
    int n = counts[0][0].length - 1;
    return switch (unit) {
      case DAY -> starts[0].plusDays(n);
      case ISO_WEEK -> starts[0].plusWeeks(n);
      case MONTH -> starts[0].plusMonths(n);
    };
  }

  /** The format version {@link #writeTo} writes first, and the newest {@link #readFrom} reads. */
  public static final byte FORMAT_VERSION = 1;

  /**
   * Writes the table so that {@link #readFrom} rebuilds an equal table in another process or a
   * later build. Version 1: the byte {@link #FORMAT_VERSION}; unit and zone id (modified UTF-8, as
   * {@link DataOutput#writeUTF}); {@code int} cohort count; then per cohort its start ({@code long}
   * epoch day), {@code int} size, {@code int} period count p and the counts of every {@link
   * RetentionKind} in declaration order, p {@code int}s each. Later builds keep reading version 1.
   *
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(FORMAT_VERSION);
    out.writeUTF(unit.name());
    out.writeUTF(zone.getId());
    out.writeInt(starts.length);
    for (int c = 0; c < starts.length; c++) {
      out.writeLong(starts[c].toEpochDay());
      out.writeInt(sizes[c]);
      out.writeInt(counts[0][c].length);
      for (int kind = 0; kind < 3; kind++) {
        for (int v : counts[kind][c]) {
          out.writeInt(v);
        }
      }
    }
  }

  /**
   * Reads a table written by {@link #writeTo}.
   *
   * @throws IOException if {@code in} fails or ends early
   * @throws IllegalArgumentException if the version byte is not one this build reads, or the data
   *     are not a valid table (unknown unit or zone, negative sizes or lengths)
   */
  public static CohortRetention readFrom(DataInput in) throws IOException {
    byte version = in.readByte();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "cohort retention format version "
              + version
              + " is not one this build reads (it reads "
              + FORMAT_VERSION
              + ")");
    }
    PeriodUnit unit = PeriodUnit.valueOf(in.readUTF());
    ZoneId zone = ZoneId.of(in.readUTF());
    int cohorts = in.readInt();
    if (cohorts < 0) {
      throw new IllegalArgumentException("cohort count must be non-negative, got " + cohorts);
    }
    LocalDate[] s = new LocalDate[cohorts];
    int[] z = new int[cohorts];
    int[][][] c = new int[3][cohorts][];
    for (int k = 0; k < cohorts; k++) {
      s[k] = LocalDate.ofEpochDay(in.readLong());
      z[k] = in.readInt();
      int len = in.readInt();
      if (z[k] < 1 || len < 1 || len > PeriodCalendar.MAX_PERIODS) {
        throw new IllegalArgumentException(
            "cohort " + s[k] + " has size " + z[k] + " and " + len + " periods");
      }
      for (int kind = 0; kind < 3; kind++) {
        c[kind][k] = new int[len];
        for (int q = 0; q < len; q++) {
          c[kind][k][q] = in.readInt();
        }
      }
    }
    return new CohortRetention(unit, zone, s, z, c);
  }

  /** Returns the period unit. */
  public PeriodUnit unit() {
    return unit;
  }

  /** Returns the zone in which periods start. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the number of (non-empty) cohorts, ascending by start. */
  public int cohorts() {
    return starts.length;
  }

  /** Returns the total number of customers over all cohorts. */
  public long customers() {
    long sum = 0;
    for (int s : sizes) {
      sum += s;
    }
    return sum;
  }

  /**
   * Returns the first day of cohort {@code c}'s period (a Monday for ISO weeks, the 1st for
   * months).
   *
   * @throws IllegalArgumentException unless {@code 0 <= c < cohorts()}
   */
  public LocalDate cohortStart(int c) {
    checkCohort(c);
    return starts[c];
  }

  /** Returns the number of customers of cohort {@code c}, at least 1. */
  public int cohortSize(int c) {
    checkCohort(c);
    return sizes[c];
  }

  /**
   * Returns the number of observed offsets of cohort {@code c}: offsets {@code 0 .. periods(c) -
   * 1}, up to the period of the last activity in the log.
   */
  public int periods(int c) {
    checkCohort(c);
    return counts[0][c].length;
  }

  /**
   * Returns the number of customers of cohort {@code c} retained at offset {@code k} in the sense
   * of {@code kind}; the cohort size at {@code k = 0}.
   *
   * @throws IllegalArgumentException if {@code c} or {@code k} is out of range ({@code k} beyond
   *     the observation end is not observed, hence an error, not 0)
   */
  public int count(RetentionKind kind, int c, int k) {
    Objects.requireNonNull(kind, "kind");
    checkCohort(c);
    int[] row = counts[kind.ordinal()][c];
    if (k < 0 || k >= row.length) {
      throw new IllegalArgumentException(
          "offset k must be in [0, " + row.length + ") for cohort " + starts[c] + ", got " + k);
    }
    return row[k];
  }

  /**
   * Returns {@code count(kind, c, k) / cohortSize(c)}, in {@code [0, 1]}.
   *
   * @throws IllegalArgumentException if {@code c} or {@code k} is out of range
   */
  public double share(RetentionKind kind, int c, int k) {
    return (double) count(kind, c, k) / sizes[c];
  }

  /**
   * Returns the retained share at offset {@code k} pooled over all cohorts observed at {@code k}:
   * {@code sum count / sum cohortSize}; empty when no cohort is observed that long.
   *
   * @throws IllegalArgumentException if {@code k < 0}
   */
  public OptionalDouble pooledShare(RetentionKind kind, int k) {
    Objects.requireNonNull(kind, "kind");
    if (k < 0) {
      throw new IllegalArgumentException("offset k must be >= 0, got " + k);
    }
    long num = 0;
    long den = 0;
    for (int c = 0; c < starts.length; c++) {
      int[] row = counts[kind.ordinal()][c];
      if (k < row.length) {
        num += row[k];
        den += sizes[c];
      }
    }
    return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
  }

  private void checkCohort(int c) {
    if (c < 0 || c >= starts.length) {
      throw new IllegalArgumentException(
          "cohort index must be in [0, " + starts.length + "), got " + c);
    }
  }

  /**
   * Returns the table as text: one line per cohort with its start, size and the shares (in percent)
   * at offsets 0, 1, ...
   */
  public String table(RetentionKind kind) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %8s", "cohort", "size"));
    int width = starts.length == 0 ? 0 : counts[0][0].length;
    for (int k = 0; k < width; k++) {
      sb.append(String.format(Locale.ROOT, " %6s", "+" + k));
    }
    sb.append('\n');
    for (int c = 0; c < starts.length; c++) {
      sb.append(String.format(Locale.ROOT, "%-10s %8d", starts[c], sizes[c]));
      int[] row = counts[kind.ordinal()][c];
      for (int k = 0; k < row.length; k++) {
        sb.append(String.format(Locale.ROOT, " %5.1f%%", 100.0 * row[k] / sizes[c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "CohortRetention["
        + unit
        + " in "
        + zone
        + ", "
        + starts.length
        + " cohorts, "
        + customers()
        + " customers"
        + (starts.length == 0 ? "" : ", first " + starts[0])
        + "]";
  }
}
