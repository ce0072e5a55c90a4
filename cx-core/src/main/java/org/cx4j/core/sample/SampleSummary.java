package org.cx4j.core.sample;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;

/**
 * The main command: prints a short summary of the bundled sample data ({@link SampleData}).
 *
 * <p>Run it from the project root with {@code ./mvnw -q -DskipTests package exec:java}, or as
 * {@code java org.cx4j.core.sample.SampleSummary [seed [customers]]}. With no arguments it
 * summarizes {@link SampleData#standard()}. (Later versions grow this into the full CX report.)
 */
public final class SampleSummary {

  private SampleSummary() {}

  /**
   * Prints the summary of the standard sample, or of {@code SampleData.generate(seed, customers)}
   * when arguments are given.
   *
   * @param args none, or a seed, or a seed and a number of customers
   */
  public static void main(String[] args) {
    SampleData data;
    try {
      data = args.length == 0 ? SampleData.standard() : fromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("usage: SampleSummary [seed [customers]]");
      System.exit(2);
      return;
    }
    System.out.print(summarize(data));
  }

  private static SampleData fromArgs(String[] args) {
    if (args.length > 2) {
      throw new IllegalArgumentException("expected at most 2 arguments, got " + args.length);
    }
    long seed = parse("seed", args[0]);
    long customers = args.length > 1 ? parse("customers", args[1]) : SampleData.DEFAULT_CUSTOMERS;
    if (customers < 1 || customers > SampleData.MAX_CUSTOMERS) {
      throw new IllegalArgumentException(
          "customers must be between 1 and " + SampleData.MAX_CUSTOMERS + ", got " + customers);
    }
    return SampleData.generate(seed, (int) customers);
  }

  private static long parse(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
    }
  }

  /**
   * Returns the summary of {@code data} as lines of text: customers by segment, touchpoints and
   * interactions by channel and stage, survey responses by instrument with mean scores,
   * transactions and revenue, and the date range.
   *
   * <p>Mean scores are plain means of the raw scores ({@code sum / n}); the weighted mean uses the
   * responses' sampling weights ({@code sum(w x) / sum(w)}). "n/a" when there are none.
   *
   * @throws NullPointerException if {@code data} is null
   */
  public static String summarize(SampleData data) {
    StringBuilder out = new StringBuilder();
    List<Channel> channels = Channel.STANDARD;
    StageModel stages = data.catalog().stages();

    line(
        out,
        "%s sample data: seed %d, %s .. %s (UTC)",
        SampleData.COMPANY,
        data.seed(),
        data.firstDay(),
        data.lastDay());
    line(out, "");

    // Customers by segment.
    Map<String, Integer> bySegment = new LinkedHashMap<>();
    for (String name : data.segmentation().names()) {
      bySegment.put(name, 0);
    }
    for (Customer c : data.customers()) {
      bySegment.merge(data.segmentation().assign(c), 1, Integer::sum);
    }
    line(out, "Customers: %d", data.customers().size());
    for (Map.Entry<String, Integer> e : bySegment.entrySet()) {
      line(
          out,
          "  %-24s %6d  %5.1f%%",
          e.getKey(),
          e.getValue(),
          100.0 * e.getValue() / data.customers().size());
    }
    line(out, "");

    // Touchpoints and interactions by channel and stage.
    int[][] touchpoints = new int[channels.size()][stages.size()];
    for (Touchpoint t : data.catalog().touchpoints()) {
      touchpoints[channels.indexOf(t.channel())][stages.indexOf(t.stage())]++;
    }
    int[][] interactions = new int[channels.size()][stages.size()];
    int converted = 0;
    int abandoned = 0;
    Set<String> journeys = new HashSet<>();
    for (Interaction i : data.interactions()) {
      interactions[channels.indexOf(i.touchpoint().channel())][
          stages.indexOf(i.touchpoint().stage())]++;
      converted += Outcome.CONVERTED.equals(i.outcome()) ? 1 : 0;
      abandoned += Outcome.ABANDONED.equals(i.outcome()) ? 1 : 0;
      journeys.add(i.journeyId() == null ? i.customer().value() : i.journeyId());
    }
    line(out, "Touchpoints: %d", data.catalog().size());
    table(out, channels, stages, touchpoints);
    line(out, "");
    line(
        out,
        "Interactions: %d in %d journeys (%d converted, %d abandoned)",
        data.interactions().size(),
        journeys.size(),
        converted,
        abandoned);
    table(out, channels, stages, interactions);
    if (!data.interactions().isEmpty()) {
      line(
          out,
          "  first %s, last %s",
          data.interactions().get(0).timestamp(),
          data.interactions().get(data.interactions().size() - 1).timestamp());
    }
    line(out, "");

    // Survey responses by instrument.
    line(out, "Survey responses: %d", data.responses().size());
    line(out, "  %-6s %6s %6s %9s %9s", "", "n", "mean", "weighted", "comments");
    for (Instrument in : List.of(Instrument.nps(), Instrument.csat(), Instrument.ces())) {
      long n = 0;
      long comments = 0;
      double sum = 0;
      double weighted = 0;
      double weights = 0;
      for (SurveyResponse r : data.responses()) {
        if (r.instrument().equals(in)) {
          n++;
          sum += r.score();
          weighted += r.weight() * r.score();
          weights += r.weight();
          comments += r.comment() == null ? 0 : 1;
        }
      }
      line(
          out,
          "  %-6s %6d %6s %9s %9d   (scale %s)",
          in.name(),
          n,
          n == 0 ? "n/a" : fmt(sum / n),
          weights == 0 ? "n/a" : fmt(weighted / weights),
          comments,
          in.scale());
    }
    line(out, "");

    // Transactions.
    Set<CustomerId> buyers = new HashSet<>();
    double[] amounts = new double[data.transactions().size()];
    for (int i = 0; i < amounts.length; i++) {
      Transaction t = data.transactions().get(i);
      buyers.add(t.customer());
      amounts[i] = t.amount();
    }
    // DoubleStream.sum uses compensated (Kahan) summation.
    double revenue = Arrays.stream(amounts).sum();
    line(
        out,
        "Transactions: %d by %d customers, revenue %,.2f (mean %s per transaction)",
        amounts.length,
        buyers.size(),
        revenue,
        amounts.length == 0 ? "n/a" : fmt(revenue / amounts.length));
    return out.toString();
  }

  private static void table(
      StringBuilder out, List<Channel> channels, StageModel stages, int[][] counts) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-8s", ""));
    for (JourneyStage s : stages.stages()) {
      header.append(String.format(Locale.ROOT, " %13s", s));
    }
    line(out, "%s %8s", header, "total");
    for (int c = 0; c < channels.size(); c++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-8s", channels.get(c)));
      int total = 0;
      for (int s = 0; s < stages.size(); s++) {
        row.append(String.format(Locale.ROOT, " %13d", counts[c][s]));
        total += counts[c][s];
      }
      line(out, "%s %8d", row, total);
    }
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
