package org.cx4j.core.io;

import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;

/** Transactions: customer_id, timestamp, amount, quantity (default 1), transaction_id. */
final class TransactionSchema extends RecordSchema<Transaction> {

  private static final List<Field> FIELDS =
      List.of(
          Field.CUSTOMER_ID, Field.TIMESTAMP, Field.AMOUNT, Field.QUANTITY, Field.TRANSACTION_ID);

  @Override
  String kind() {
    return "transaction";
  }

  @Override
  List<Field> fields() {
    return FIELDS;
  }

  @Override
  boolean required(Field f) {
    return f == Field.CUSTOMER_ID || f == Field.TIMESTAMP || f == Field.AMOUNT;
  }

  @Override
  Transaction parse(Row row, Map<String, String> attributes) {
    CustomerId customer = row.customerId();
    double amount = row.decimal(Field.AMOUNT, row.require(Field.AMOUNT));
    String q = row.get(Field.QUANTITY);
    int quantity = q == null ? 1 : row.integer(Field.QUANTITY, q);
    if (quantity < 1) {
      throw new RowError(
          row.column(Field.QUANTITY),
          q,
          "quantity must be at least 1",
          ReadError.Kind.OUT_OF_RANGE);
    }
    return new Transaction(
        customer, row.instant(Field.TIMESTAMP), amount, quantity, row.get(Field.TRANSACTION_ID));
  }

  @Override
  String[] values(Transaction r, TimestampFormat ts) {
    return new String[] {
      r.customer().value(),
      ts.format(r.timestamp()),
      Double.toString(r.amount()),
      Integer.toString(r.quantity()),
      r.transactionId()
    };
  }
}
