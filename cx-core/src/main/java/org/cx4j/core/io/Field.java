package org.cx4j.core.io;

import java.util.Locale;

/**
 * The logical fields of the four record types, by their default column names.
 *
 * <p>A {@link ColumnMapping} maps a logical field to the column (CSV) or property (JSON Lines) name
 * a user's file actually uses; unmapped fields use {@link #defaultName()}.
 *
 * <table>
 *   <caption>Which record type uses which field</caption>
 *   <tr><th>record</th><th>required</th><th>optional</th></tr>
 *   <tr><td>interaction</td><td>customer_id, touchpoint, timestamp</td>
 *       <td>channel, stage, outcome, journey_id</td></tr>
 *   <tr><td>survey response</td><td>customer_id, score, timestamp, instrument (unless fixed)</td>
 *       <td>touchpoint, channel, stage, weight, comment</td></tr>
 *   <tr><td>transaction</td><td>customer_id, timestamp, amount</td>
 *       <td>quantity, transaction_id</td></tr>
 *   <tr><td>customer</td><td>customer_id</td><td>signup_date, country, plan</td></tr>
 * </table>
 */
public enum Field {
  /** The customer or respondent id. */
  CUSTOMER_ID,
  /** The touchpoint id. */
  TOUCHPOINT,
  /** The touchpoint's channel, for touchpoints given inline rather than through a catalog. */
  CHANNEL,
  /** The touchpoint's journey stage, for touchpoints given inline. */
  STAGE,
  /** When the interaction, response or transaction happened. */
  TIMESTAMP,
  /** The interaction's outcome. */
  OUTCOME,
  /** The interaction's journey or session id. */
  JOURNEY_ID,
  /** The survey instrument's name ({@code nps}, {@code csat}, {@code ces}, ...). */
  INSTRUMENT,
  /** The survey score, an integer on the instrument's scale. */
  SCORE,
  /** The survey response's sampling weight. */
  WEIGHT,
  /** The survey response's free-text comment. */
  COMMENT,
  /** The transaction's monetary amount. */
  AMOUNT,
  /** The transaction's number of items. */
  QUANTITY,
  /** The transaction's id in the source system. */
  TRANSACTION_ID,
  /** The customer's signup date. */
  SIGNUP_DATE,
  /** The customer's country. */
  COUNTRY,
  /** The customer's plan. */
  PLAN;

  private final String defaultName = name().toLowerCase(Locale.ROOT);

  /** Returns the default column name, the enum name in lower case, e.g. {@code customer_id}. */
  public String defaultName() {
    return defaultName;
  }

  /**
   * Returns the field whose default name is {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the known names if there is none
   */
  public static Field of(String name) {
    for (Field f : values()) {
      if (f.defaultName.equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Field f : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(f.defaultName);
    }
    throw new IllegalArgumentException(
        "unknown logical field '" + name + "'; known fields: " + known);
  }

  @Override
  public String toString() {
    return defaultName;
  }
}
