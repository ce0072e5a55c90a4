package org.cx4j.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.core.transaction.Transaction;

/**
 * Entry points for reading interactions, survey responses, transactions and customers from CSV (any
 * separator) or JSON Lines; see {@link CxReader} for the settings and {@link Field} for the columns
 * of each record type.
 *
 * <pre>{@code
 * ReadReport report =
 *     CxReaders.interactions(catalog).lenient().forEach(Path.of("events.csv"), journeys::add);
 * }</pre>
 */
public final class CxReaders {

  private CxReaders() {}

  /**
   * Returns a reader of interactions whose touchpoints are given inline: columns touchpoint,
   * channel and stage.
   */
  public static CxReader<Interaction> interactions() {
    return CxReader.of(new InteractionSchema(null));
  }

  /**
   * Returns a reader of interactions whose touchpoint ids are resolved through {@code catalog}
   * (falling back to inline channel and stage columns when present).
   */
  public static CxReader<Interaction> interactions(TouchpointCatalog catalog) {
    return CxReader.of(new InteractionSchema(Objects.requireNonNull(catalog, "catalog")));
  }

  /**
   * Returns a reader of survey responses whose instrument column names one of {@code nps}, {@code
   * csat} (1..5) and {@code ces} (1..7).
   */
  public static CxReader<SurveyResponse> surveyResponses() {
    return surveyResponses(
        Map.of("nps", Instrument.nps(), "csat", Instrument.csat(), "ces", Instrument.ces()));
  }

  /**
   * Returns a reader of survey responses whose instrument column is resolved through {@code
   * instruments} (keys case-insensitive), e.g. {@code Map.of("csat", Instrument.csat(Scale.of(1,
   * 7)))}.
   *
   * @throws IllegalArgumentException if {@code instruments} is empty
   */
  public static CxReader<SurveyResponse> surveyResponses(Map<String, Instrument> instruments) {
    checkArgument(!instruments.isEmpty(), "instruments must not be empty");
    Map<String, Instrument> m = new TreeMap<>();
    instruments.forEach(
        (k, v) -> m.put(k.trim().toLowerCase(Locale.ROOT), Objects.requireNonNull(v, k)));
    return CxReader.of(
        new SurveyResponseSchema(null, java.util.Collections.unmodifiableMap(m), null));
  }

  /**
   * Returns a reader of survey responses that all use {@code instrument}, for files without an
   * instrument column (such as a file of {@code respondent_id,nps_score,created_at}).
   */
  public static CxReader<SurveyResponse> surveyResponses(Instrument instrument) {
    return CxReader.of(
        new SurveyResponseSchema(Objects.requireNonNull(instrument, "instrument"), Map.of(), null));
  }

  /** Returns a reader of transactions: customer_id, timestamp, amount, quantity, transaction_id. */
  public static CxReader<Transaction> transactions() {
    return CxReader.of(new TransactionSchema());
  }

  /**
   * Returns a reader of customers: customer_id, signup_date, country, plan; see {@link
   * CxReader#extraColumnsAsAttributes()} for the other columns.
   */
  public static CxReader<Customer> customers() {
    return CxReader.of(new CustomerSchema());
  }
}
