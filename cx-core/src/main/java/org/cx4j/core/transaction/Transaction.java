package org.cx4j.core.transaction;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;

/**
 * A purchase (or refund) by a customer, for retention and lifetime-value models.
 *
 * <p>The amount is a currency-neutral {@code double}: lifetime-value models work in floating point
 * anyway, and a {@code double} keeps columnar transaction arrays primitive. Sums over many amounts
 * in cx4j use compensated summation. Use one currency per data set; refunds are negative.
 *
 * @param customer who bought
 * @param timestamp when
 * @param amount the monetary value; finite
 * @param quantity the number of items, at least 1 (1 when unknown)
 * @param transactionId the source system's id, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(
    CustomerId customer, Instant timestamp, double amount, int quantity, String transactionId) {

  /**
   * Validates the transaction.
   *
   * @throws NullPointerException if {@code customer} or {@code timestamp} is null
   * @throws IllegalArgumentException if {@code amount} is NaN or infinite, or {@code quantity < 1}
   */
  public Transaction {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(timestamp, "timestamp");
    checkArgument(Double.isFinite(amount), "amount must be finite, got %s", amount);
    checkArgument(quantity >= 1, "quantity must be at least 1, got %s", quantity);
  }

  /** Returns a transaction of one item with no id. */
  public static Transaction of(CustomerId customer, Instant timestamp, double amount) {
    return new Transaction(customer, timestamp, amount, 1, null);
  }

  @Override
  public String toString() {
    return "Transaction["
        + customer
        + " "
        + amount
        + (quantity == 1 ? "" : " x" + quantity)
        + " @ "
        + timestamp
        + (transactionId == null ? "" : ", id " + transactionId)
        + "]";
  }
}
