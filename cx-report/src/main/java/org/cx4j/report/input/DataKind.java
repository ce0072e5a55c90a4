package org.cx4j.report.input;

import java.util.Locale;

/** The four kinds of input file a report reads. */
public enum DataKind {
  /** Interactions: customer, touchpoint (channel, stage), timestamp, outcome, journey id. */
  INTERACTIONS,
  /** Survey responses: customer, instrument, score, timestamp, weight, touchpoint. */
  RESPONSES,
  /** Transactions: customer, timestamp, amount. */
  TRANSACTIONS,
  /** Customers: id, signup date, country, plan, attributes. */
  CUSTOMERS;

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
        "unknown data kind '" + key + "', expected interactions, responses, transactions or customers");
  }
}
