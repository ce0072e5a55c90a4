package org.cx4j.metrics.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.internal.ActivityColumns;

/**
 * Customer activity in columnar form: one row per interaction or transaction, holding only who
 * ({@code int} customer code) and when (epoch milliseconds, UTC). The shared input of the retention
 * tables, the lifecycle counts and the churn-survival bridge.
 *
 * <p>Customer codes are dense, {@code 0 <= code < customerCount()}; {@link #customerId(int)} maps a
 * code back to its {@link CustomerId} when the log was built from domain records. A customer is
 * <em>active</em> in a period when it has at least one row in it.
 *
 * <p>Immutable: the factories copy their arrays. Rows need not be sorted.
 */
public final class ActivityLog {

  static {
    ActivityColumns.register(log -> new ActivityColumns.View(log.customers, log.epochMillis));
  }

  private final int[] customers;
  private final long[] epochMillis;
  private final int customerCount;
  private final List<CustomerId> ids;

  private ActivityLog(
      int[] customers, long[] epochMillis, int customerCount, List<CustomerId> ids) {
    this.customers = customers;
    this.epochMillis = epochMillis;
    this.customerCount = customerCount;
    this.ids = ids;
  }

  /**
   * Returns a log of the given columns, copied.
   *
   * @param customers the customer code of each row, {@code >= 0}; the customer count is the largest
   *     code + 1
   * @param epochMillis the instant of each row in milliseconds since 1970-01-01T00:00Z
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ or a code is negative
   */
  public static ActivityLog of(int[] customers, long[] epochMillis) {
    if (customers.length != epochMillis.length) {
      throw new IllegalArgumentException(
          "epochMillis must have the length of customers ("
              + customers.length
              + "), got "
              + epochMillis.length);
    }
    int max = -1;
    for (int i = 0; i < customers.length; i++) {
      int c = customers[i];
      if (c < 0) {
        throw new IllegalArgumentException("customers[" + i + "] must be >= 0, got " + c);
      }
      max = Math.max(max, c);
    }
    return new ActivityLog(customers.clone(), epochMillis.clone(), max + 1, null);
  }

  /**
   * Returns the activity of the given interactions; customers are coded in ascending {@link
   * CustomerId} order.
   *
   * @throws NullPointerException if the collection or an element is null
   */
  public static ActivityLog fromInteractions(Collection<Interaction> interactions) {
    return from(interactions, Interaction::customer, Interaction::timestamp);
  }

  /**
   * Returns the activity of the given transactions (refunds included: any transaction is activity);
   * customers are coded in ascending {@link CustomerId} order.
   *
   * @throws NullPointerException if the collection or an element is null
   */
  public static ActivityLog fromTransactions(Collection<Transaction> transactions) {
    return from(transactions, Transaction::customer, Transaction::timestamp);
  }

  private static <T> ActivityLog from(
      Collection<T> rows, Function<T, CustomerId> who, Function<T, Instant> when) {
    Objects.requireNonNull(rows, "rows");
    // One hash lookup per row gives a provisional code (order of first sight); only the distinct
    // ids are then sorted and the codes remapped. A sorted set of all rows' ids was ten times
    // slower on millions of rows.
    Map<CustomerId, Integer> provisional = new HashMap<>();
    List<CustomerId> distinct = new ArrayList<>();
    int[] c = new int[rows.size()];
    long[] t = new long[rows.size()];
    int i = 0;
    for (T row : rows) {
      CustomerId id = who.apply(Objects.requireNonNull(row, "row"));
      Integer k = provisional.get(id);
      if (k == null) {
        k = distinct.size();
        provisional.put(id, k);
        distinct.add(id);
      }
      c[i] = k;
      t[i] = when.apply(row).toEpochMilli();
      i++;
    }
    List<CustomerId> ids = new ArrayList<>(distinct);
    ids.sort(null); // natural order: ascending CustomerId
    int[] rank = new int[ids.size()];
    for (int j = 0; j < ids.size(); j++) {
      rank[provisional.get(ids.get(j))] = j;
    }
    for (int j = 0; j < c.length; j++) {
      c[j] = rank[c[j]];
    }
    return new ActivityLog(c, t, ids.size(), List.copyOf(ids));
  }

  /** Returns the number of rows. */
  public int size() {
    return customers.length;
  }

  /** Returns the number of customers, the largest code + 1 (0 for an empty log). */
  public int customerCount() {
    return customerCount;
  }

  /** Returns the customer code of row {@code i}. */
  public int customer(int i) {
    return customers[i];
  }

  /** Returns the instant of row {@code i} in epoch milliseconds. */
  public long epochMilli(int i) {
    return epochMillis[i];
  }

  /**
   * Returns the id of customer {@code code}: the original {@link CustomerId} when the log was built
   * from interactions or transactions, otherwise {@code CustomerId.of(String.valueOf(code))}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= code < customerCount()}
   */
  public CustomerId customerId(int code) {
    if (code < 0 || code >= customerCount) {
      throw new IllegalArgumentException("code must be in [0, " + customerCount + "), got " + code);
    }
    return ids == null ? CustomerId.of(String.valueOf(code)) : ids.get(code);
  }

  /** Returns a copy of the customer-code column. */
  public int[] customers() {
    return customers.clone();
  }

  /** Returns a copy of the epoch-millisecond column. */
  public long[] epochMillis() {
    return epochMillis.clone();
  }

  @Override
  public String toString() {
    if (customers.length == 0) {
      return "ActivityLog[0 rows]";
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : epochMillis) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return "ActivityLog["
        + customers.length
        + " rows, "
        + customerCount
        + " customers, "
        + Instant.ofEpochMilli(min)
        + " .. "
        + Instant.ofEpochMilli(max)
        + "]";
  }
}
