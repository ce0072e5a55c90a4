package org.cx4j.report.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cx4j.core.io.CxWriter;
import org.cx4j.core.io.CxWriters;
import org.cx4j.core.sample.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cx-report sample}: writes generated sample data ({@link SampleData}) as CSV or JSON Lines
 * files that {@code cx-report} reads back: a starting point for one's own files, and the input of
 * the large-data timing.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the seeded sample data (customers, interactions, responses, transactions) as "
          + "files in the column layout cx-report reads by default.",
      "About 3.3 interactions and 0.5 survey responses per customer: 3,000,000 customers give "
          + "about 10 million interactions and 1.6 million responses (generate with -Xmx16g)."
    })
final class SampleCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--customers",
      paramLabel = "N",
      defaultValue = "" + SampleData.DEFAULT_CUSTOMERS,
      description =
          "Number of customers, 1 to " + SampleData.MAX_CUSTOMERS + " (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + SampleData.DEFAULT_SEED,
      description = "Random seed; the same seed gives the same data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "cx-sample-data",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String ext;
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> ext = "csv";
      case "jsonl" -> ext = "jsonl";
      default ->
          throw new picocli.CommandLine.ParameterException(
              spec.commandLine(), "--format must be csv or jsonl, got '" + format + "'");
    }
    if (customers < 1 || customers > SampleData.MAX_CUSTOMERS) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--customers must be between 1 and " + SampleData.MAX_CUSTOMERS + ", got " + customers);
    }
    SampleData data = SampleData.generate(seed, customers);
    try {
      Files.createDirectories(out);
      long c =
          with(CxWriters.customers(), ext).write(out.resolve("customers." + ext), data.customers());
      long i =
          with(CxWriters.interactions(), ext)
              .write(out.resolve("interactions." + ext), data.interactions());
      long r =
          with(CxWriters.surveyResponses(), ext)
              .write(out.resolve("responses." + ext), data.responses());
      long t =
          with(CxWriters.transactions(), ext)
              .write(out.resolve("transactions." + ext), data.transactions());
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "Wrote %,d customers, %,d interactions, %,d responses and %,d transactions to %s%n",
              c,
              i,
              r,
              t,
              out);
      spec.commandLine().getOut().flush();
    } catch (IOException | UncheckedIOException e) {
      err.println("error: cannot write sample data to " + out + ": " + e.getMessage());
      err.flush();
      return ExitCodes.OUTPUT;
    }
    return ExitCodes.OK;
  }

  private static <T> CxWriter<T> with(CxWriter<T> w, String ext) {
    return ext.equals("jsonl") ? w.jsonLines() : w;
  }
}
