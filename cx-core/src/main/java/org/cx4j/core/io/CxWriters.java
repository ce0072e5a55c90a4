package org.cx4j.core.io;

import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.transaction.Transaction;

/**
 * Entry points for writing interactions, survey responses, transactions and customers as CSV or
 * JSON Lines; see {@link CxWriter}. Column order is that of {@link Field} for each record type.
 */
public final class CxWriters {

  private CxWriters() {}

  /**
   * Returns a writer of interactions. Touchpoints are written inline (id, channel, stage) so that
   * the file stands alone; a touchpoint's display name is not written: read the file with a {@link
   * org.cx4j.core.touchpoint.TouchpointCatalog} to get names back.
   */
  public static CxWriter<Interaction> interactions() {
    return CxWriter.of(new InteractionSchema(null));
  }

  /** Returns a writer of survey responses, with an instrument column of the instrument's name. */
  public static CxWriter<SurveyResponse> surveyResponses() {
    return CxWriter.of(new SurveyResponseSchema(null, Map.of(), null));
  }

  /** Returns a writer of transactions. */
  public static CxWriter<Transaction> transactions() {
    return CxWriter.of(new TransactionSchema());
  }

  /** Returns a writer of customers; see {@link CxWriter#attributeColumns(String...)}. */
  public static CxWriter<Customer> customers() {
    return CxWriter.of(new CustomerSchema());
  }
}
