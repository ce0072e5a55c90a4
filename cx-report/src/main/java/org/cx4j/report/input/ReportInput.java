package org.cx4j.report.input;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.io.ReadReport;
import org.cx4j.core.sample.SampleData;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.journey.log.InteractionLog;

/**
 * Everything a CX report is computed from: customers and their segmentation, the interaction log
 * (columnar, so ten million interactions fit in a few hundred megabytes), survey responses,
 * transactions, and what reading each file did.
 *
 * <p>Any part may be empty; the report then leaves out the sections that need it and says so. Build
 * one from the bundled sample with {@link #sample()}, or from files with {@link InputLoader}.
 *
 * @param name a short name of the data, shown in the report title
 * @param customers the customers (may be empty: segments then read "unknown")
 * @param segmentation assigns each customer a segment
 * @param stages the order of journey stages (columns of the journey map, steps of the funnel)
 * @param interactions the interaction log
 * @param responses the survey responses
 * @param transactions the transactions
 * @param reads one report per file read (empty for the sample): rows read, accepted, rejected
 */
public record ReportInput(
    String name,
    List<Customer> customers,
    Segmentation segmentation,
    StageModel stages,
    InteractionLog interactions,
    List<SurveyResponse> responses,
    List<Transaction> transactions,
    List<ReadReport> reads) {

  /**
   * Checks for nulls and copies the lists.
   *
   * @throws NullPointerException if an argument is null
   */
  public ReportInput {
    Objects.requireNonNull(name, "name");
    customers = ImmutableList.copyOf(customers);
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(stages, "stages");
    Objects.requireNonNull(interactions, "interactions");
    responses = ImmutableList.copyOf(responses);
    transactions = ImmutableList.copyOf(transactions);
    reads = ImmutableList.copyOf(reads);
  }

  /** Returns the input of the bundled sample, {@link SampleData#standard()}. */
  public static ReportInput sample() {
    return of(SampleData.standard());
  }

  /**
   * Returns the input of generated sample data.
   *
   * @throws NullPointerException if {@code data} is null
   */
  public static ReportInput of(SampleData data) {
    Objects.requireNonNull(data, "data");
    InteractionLog log =
        InteractionLog.builder()
            .catalog(data.catalog())
            // The sample's year is fixed; "now" is its end so the future-timestamp check holds.
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .addAll(data.interactions())
            .build();
    return new ReportInput(
        SampleData.COMPANY + " (bundled sample, seed " + data.seed() + ")",
        data.customers(),
        data.segmentation(),
        data.catalog().stages(),
        log,
        data.responses(),
        data.transactions(),
        List.of());
  }

  /**
   * Returns the name a report shows for the source of a read ({@link ReadReport#source()}, which
   * holds the path as given): its file name, the part after the last {@code /} or {@code \\}, so
   * that no absolute path of the analyst's machine appears in a report; null as null.
   */
  public static String fileName(String source) {
    if (source == null) {
      return null;
    }
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  /** Returns the total number of rows rejected while reading, over every file. */
  public long rejectedRows() {
    long r = 0;
    for (ReadReport report : reads) {
      r += report.rejected();
    }
    return r;
  }

  @Override
  public String toString() {
    return String.format(
        "ReportInput[%s: %d customers, %d interactions, %d responses, %d transactions, %d rows rejected]",
        name,
        customers.size(),
        interactions.size(),
        responses.size(),
        transactions.size(),
        rejectedRows());
  }
}
