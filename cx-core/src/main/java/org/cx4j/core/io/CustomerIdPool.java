package org.cx4j.core.io;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.cx4j.core.customer.CustomerId;

/**
 * Shared {@link CustomerId} instances for readers of several files that name the same customers
 * ({@link CxReader#sharingIds(CustomerIdPool)}): each distinct id is held once, however many rows
 * of however many files name it. Reading three million customers with their interactions, responses
 * and transactions, that saves one id object and its string per row.
 *
 * <p>Thread-safe: readers on several threads may share one pool. It holds every id it has seen
 * until it is no longer referenced.
 */
public final class CustomerIdPool {

  private final ConcurrentHashMap<String, CustomerId> ids = new ConcurrentHashMap<>();

  /** Returns an empty pool. */
  public static CustomerIdPool create() {
    return new CustomerIdPool();
  }

  private CustomerIdPool() {}

  /**
   * Returns the shared id of {@code value}, making it on first sight.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a valid customer id (blank or too
   *     long; see {@link CustomerId})
   */
  public CustomerId get(String value) {
    Objects.requireNonNull(value, "value");
    CustomerId id = ids.get(value);
    return id != null ? id : ids.computeIfAbsent(value, CustomerId::of);
  }

  /** Returns the number of distinct ids seen. */
  public int size() {
    return ids.size();
  }

  @Override
  public String toString() {
    return "CustomerIdPool[" + ids.size() + " ids]";
  }
}
