package org.cx4j.report.input;

import java.util.List;
import java.util.Locale;
import org.cx4j.core.io.Field;

/** The four kinds of input file a report reads. */
public enum DataKind {
  /** Interactions: customer, touchpoint (channel, stage), timestamp, outcome, journey id. */
  INTERACTIONS(
      List.of(Field.CUSTOMER_ID, Field.TOUCHPOINT, Field.CHANNEL, Field.STAGE, Field.TIMESTAMP),
      List.of(Field.OUTCOME, Field.JOURNEY_ID)),
  /** Survey responses: customer, instrument, score, timestamp, weight, touchpoint. */
  RESPONSES(
      List.of(Field.CUSTOMER_ID, Field.INSTRUMENT, Field.SCORE, Field.TIMESTAMP),
      List.of(Field.WEIGHT, Field.TOUCHPOINT, Field.CHANNEL, Field.STAGE, Field.COMMENT)),
  /** Transactions: customer, timestamp, amount. */
  TRANSACTIONS(
      List.of(Field.CUSTOMER_ID, Field.TIMESTAMP, Field.AMOUNT),
      List.of(Field.QUANTITY, Field.TRANSACTION_ID)),
  /** Customers: id, signup date, country, plan, attributes. */
  CUSTOMERS(List.of(Field.CUSTOMER_ID), List.of(Field.SIGNUP_DATE, Field.COUNTRY, Field.PLAN));

  private final List<Field> required;
  private final List<Field> optional;

  DataKind(List<Field> required, List<Field> optional) {
    this.required = required;
    this.optional = optional;
  }

  /**
   * Returns the fields a file of this kind must have a column for, as the report reads it (no
   * touchpoint catalog: interactions give channel and stage inline).
   */
  public List<Field> requiredFields() {
    return required;
  }

  /** Returns the fields a file of this kind may have a column for. */
  public List<Field> optionalFields() {
    return optional;
  }

  /** Returns whether a file of this kind reads {@code field}. */
  public boolean reads(Field field) {
    return required.contains(field) || optional.contains(field);
  }

  /**
   * Returns whether {@code field} holds a date or a timestamp, so that its column takes a format.
   */
  public static boolean isTemporal(Field field) {
    return field == Field.TIMESTAMP || field == Field.SIGNUP_DATE;
  }

  /** Returns the lower-case name used in options and config keys, e.g. {@code responses}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the kind named by {@code key} (case-insensitive).
   *
   * @throws IllegalArgumentException if no kind has that name (the message lists the names)
   */
  public static DataKind of(String key) {
    for (DataKind k : values()) {
      if (k.key().equalsIgnoreCase(key.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown data kind '"
            + key
            + "', expected interactions, responses, transactions or customers");
  }
}
