package org.cx4j.core.io;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;

/**
 * Customers: customer_id, signup_date, country, plan, and optionally other columns as attributes.
 */
final class CustomerSchema extends RecordSchema<Customer> {

  private static final List<Field> FIELDS =
      List.of(Field.CUSTOMER_ID, Field.SIGNUP_DATE, Field.COUNTRY, Field.PLAN);

  @Override
  String kind() {
    return "customer";
  }

  @Override
  List<Field> fields() {
    return FIELDS;
  }

  @Override
  boolean required(Field f) {
    return f == Field.CUSTOMER_ID;
  }

  @Override
  Customer parse(Row row, Map<String, String> attributes) {
    CustomerId id = row.customerId();
    String d = row.get(Field.SIGNUP_DATE);
    LocalDate signup = d == null ? null : row.date(Field.SIGNUP_DATE, d);
    // Countries and plans repeat across millions of customers: keep one copy of each.
    return new Customer(
        id,
        signup,
        row.shared(row.get(Field.COUNTRY)),
        row.shared(row.get(Field.PLAN)),
        attributes);
  }

  @Override
  String[] values(Customer r, TimestampFormat ts) {
    return new String[] {
      r.id().value(),
      r.signupDate() == null ? null : ts.formatDate(r.signupDate()),
      r.country(),
      r.plan()
    };
  }

  @Override
  boolean hasAttributes() {
    return true;
  }

  @Override
  Map<String, String> attributes(Customer r) {
    return r.attributes();
  }
}
