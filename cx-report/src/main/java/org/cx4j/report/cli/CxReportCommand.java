package org.cx4j.report.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.io.ReadLimits;
import org.cx4j.journey.graph.GraphExport;
import org.cx4j.metrics.trend.Period;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.ReportOptions;
import org.cx4j.report.console.ConsoleSummary;
import org.cx4j.report.console.SafeText;
import org.cx4j.report.html.HtmlReport;
import org.cx4j.report.input.DataKind;
import org.cx4j.report.input.InputLoader;
import org.cx4j.report.input.ReportConfig;
import org.cx4j.report.input.RejectSpool;
import org.cx4j.report.input.ReportInput;
import org.cx4j.report.table.ReportTables;
import org.cx4j.report.table.TableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cx-report}: from data files (or the bundled sample, with no arguments) to a console
 * summary and an output folder with a self-contained HTML report, the tables as CSV and JSON,
 * and the journey graph as Graphviz DOT and Mermaid. See {@link ExitCodes} for exit codes.
 */
@Command(
    name = "cx-report",
    mixinStandardHelpOptions = true,
    versionProvider = CxReportCommand.Version.class,
    sortOptions = false,
    subcommands = {SampleCommand.class, CommandLine.HelpCommand.class},
    description = {
      "Computes a customer-experience report: NPS, CSAT and CES with confidence intervals "
          + "(overall, by segment, by channel, over time), journeys (map, funnel, paths, pain "
          + "points and moments of delight), retention and churn, lifetime value, the drivers "
          + "of NPS with an effort-impact matrix, and attribution by channel.",
      "",
      "With no input options it reports on the bundled sample data. Input files are CSV, or "
          + "JSON Lines when named *.jsonl, *.ndjson or *.json. Columns default to cx4j's field "
          + "names (customer_id, touchpoint, channel, stage, timestamp, outcome, journey_id, "
          + "instrument, score, weight, amount, ...); map others with --map or --config.",
      ""
    },
    footer = {
      "",
      "Output folder: report.html (one self-contained file), summary.txt, tables/*.csv and "
          + "tables/*.json, journey.dot and journey.mmd. It is written into a temporary folder "
          + "next to it and then moved into place; an existing folder that is not an earlier "
          + "report is refused unless --force is given, and symbolic links are never followed.",
      "",
      "Exit codes: 0 report written; 1 analysis failed (a bug); 2 bad command line; "
          + "3 bad input (missing file, invalid config, or a bad row in strict mode: the message "
          + "names file, line, column and value); 4 output folder refused or not writable "
          + "(an earlier report there is unchanged).",
      "",
      "Examples:",
      "  cx-report                                   # the bundled sample",
      "  cx-report --interactions events.csv --responses survey.csv --lenient -o out",
      "  cx-report --config cx.json --map responses.score=answer --effort checkout_payment=8"
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.SOFTWARE)
public final class CxReportCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  private RejectSpool spool; // every reject of a lenient run that writes files

  @Option(names = "--interactions", paramLabel = "FILE",
      description = "Interactions: customer_id, touchpoint, channel, stage, timestamp, "
          + "optional outcome, journey_id.")
  Path interactions;

  @Option(names = "--responses", paramLabel = "FILE",
      description = "Survey responses: customer_id, instrument (nps, csat, ces), score, "
          + "timestamp, optional weight, touchpoint, channel, stage, comment.")
  Path responses;

  @Option(names = "--transactions", paramLabel = "FILE",
      description = "Transactions: customer_id, timestamp, amount, optional quantity, "
          + "transaction_id.")
  Path transactions;

  @Option(names = "--customers", paramLabel = "FILE",
      description = "Customers: customer_id, optional signup_date, country, plan; other "
          + "columns become attributes.")
  Path customers;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "A JSON config with files, column mappings, separator, timestamps, "
          + "segmentation and effort (see the cx-report README). Options given here win.")
  Path config;

  @Option(names = "--map", paramLabel = "KIND.FIELD=COLUMN",
      description = "Maps a field to a column of one kind of file, e.g. "
          + "responses.score=answer. Repeatable.")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(names = "--separator", paramLabel = "CHAR",
      description = "CSV separator: one character, 'tab' or 'whitespace' (default ',').")
  String separator;

  @Option(names = "--timestamps", paramLabel = "FORMAT",
      description = "Timestamp format: 'iso' (default, with offset), 'epoch-millis', or a "
          + "pattern such as 'yyyyMMdd' or 'yyyy-MM-dd HH:mm@Europe/Paris' (without @ZONE: "
          + "--zone). A pattern with an offset letter (XXX) reads the written offset.")
  String timestamps;

  @Option(names = "--lenient",
      description = "Skip bad rows and report them (how many, and why) instead of stopping at "
          + "the first.")
  boolean lenient;

  @Option(names = "--segment-by", paramLabel = "ATTRIBUTE",
      description = "Customer attribute whose values are the segments (default: plan).")
  String segmentBy;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "cx-report-output",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-files", description = "Print the summary only; write no output folder.")
  boolean noFiles;

  @Option(names = "--charset", paramLabel = "CHARSET",
      description = "Character encoding of input files without a byte-order mark, e.g. "
          + "windows-1252 or ISO-8859-1 for spreadsheet exports (default: UTF-8). A UTF-8 or "
          + "UTF-16 byte-order mark in a file wins.")
  String charset;

  @Option(names = "--max-record-lines", paramLabel = "N",
      description = "Most physical lines one quoted CSV value may span; past that, its first "
          + "line is rejected and reading resumes on the next (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_RECORD_LINES)
  int maxRecordLines;

  @Option(names = "--max-record-size", paramLabel = "BYTES",
      description = "Longest CSV record or JSON Lines line, in bytes; a longer one is rejected "
          + "(default: ${DEFAULT-VALUE}, 1 MiB).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_RECORD_BYTES)
  int maxRecordSize;

  @Option(names = "--max-field-size", paramLabel = "CHARS",
      description = "Longest single value, in characters; a row with a longer one is rejected "
          + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_FIELD_CHARS)
  int maxFieldSize;

  @Option(names = "--force",
      description = "Replace the output folder even if it is not an earlier report (what it "
          + "holds is deleted). Without it, such a folder is refused (exit code 4).")
  boolean force;

  @Option(names = "--check-only",
      description = "Read and validate the inputs, print what was read and rejected, and stop: "
          + "no analysis, no output folder. Exit code 3 if a row is bad in strict mode.")
  boolean checkOnly;

  @Option(names = "--timings",
      description = "Print how long reading, analysing and writing took (to standard error).")
  boolean timings;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary and no progress.")
  boolean quiet;

  @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of timestamps written without an offset, and of periods and "
          + "cohorts (default: ${DEFAULT-VALUE}). A timestamp with an offset (Z, +01:00) keeps it.")
  String zone;

  @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
      description = "Trend period: day, week (ISO, Monday), month or quarter "
          + "(default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--min-group", paramLabel = "N", defaultValue = "30",
      description = "Groups with fewer responses are flagged as small (default: ${DEFAULT-VALUE}).")
  int minGroup;

  @Option(names = "--journey-gap", paramLabel = "DURATION",
      description = "Split a customer's interactions into journeys after this much inactivity, "
          + "e.g. 30m, 2h, 7d (default: one journey per customer or journey_id).")
  String journeyGap;

  @Option(names = "--churn-after", paramLabel = "DAYS", defaultValue = "90",
      description = "Days without activity after which a customer counts as churned "
          + "(default: ${DEFAULT-VALUE}).")
  int churnAfter;

  @Option(names = "--clv-months", paramLabel = "N", defaultValue = "12",
      description = "Lifetime value horizon in months (default: ${DEFAULT-VALUE}).")
  int clvMonths;

  @Option(names = "--discount", paramLabel = "RATE", defaultValue = "0.01",
      description = "Monthly discount rate of lifetime value (default: ${DEFAULT-VALUE}).")
  double discount;

  @Option(names = "--margin", paramLabel = "SHARE", defaultValue = "0.3",
      description = "Share of spend that is profit (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5",
      description = "How many pain points, delights and drivers to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--effort", paramLabel = "TOUCHPOINT=EFFORT",
      description = "Your effort estimate to fix a touchpoint (any unit, e.g. person-weeks), "
          + "for the effort-impact matrix. Repeatable. Others get a default by channel.")
  Map<String, Double> effort = new LinkedHashMap<>();

  /**
   * Runs the command.
   *
   * @return the exit code ({@link ExitCodes})
   */
  @Override
  public Integer call() {
    try {
      return report();
    } finally {
      if (spool != null) {
        try {
          spool.close();
          Files.deleteIfExists(spool.file());
        } catch (IOException | UncheckedIOException e) {
          // a temporary file left behind is no reason to fail the run
        }
      }
    }
  }

  private Integer report() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    ReportOptions options;
    ReportInput input;
    long t0 = System.nanoTime();
    try {
      // Read once: its effort estimates go into the options, its files into the loader.
      ReportConfig cfg = config == null ? null : ReportConfig.read(config);
      options = options(cfg);
      input = load(err, cfg);
    } catch (CxReadException e) {
      // Messages quote values from the data: control characters are shown escaped.
      err.println("error: " + SafeText.escape(e.getMessage()));
      err.println("(use --lenient to skip bad rows and report them)");
      err.flush();
      return ExitCodes.INPUT;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + SafeText.escape(e.getMessage()));
      err.flush();
      return ExitCodes.INPUT;
    }
    if (checkOnly) {
      for (org.cx4j.core.io.ReadReport rr : input.reads()) {
        outw.println(SafeText.escape(rr.toString()));
      }
      outw.println(SafeText.escape(input.toString()));
      outw.flush();
      return ExitCodes.OK;
    }
    long t1 = System.nanoTime();
    CxReport report = CxReport.of(input, options);
    String summary = ConsoleSummary.render(report);
    long t2 = System.nanoTime();
    if (!quiet) {
      outw.print(summary);
      outw.flush();
    }
    if (noFiles) {
      if (timings) {
        err.printf(Locale.ROOT, "timings: read %.1f s, analyse %.1f s%n", (t1 - t0) / 1e9,
            (t2 - t1) / 1e9);
        err.flush();
      }
      return ExitCodes.OK;
    }
    Path written;
    try {
      written = write(report, summary);
      if (timings) {
        err.printf(Locale.ROOT, "timings: read %.1f s, analyse %.1f s, write %.1f s%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        err.flush();
      }
    } catch (OutputFolder.RefusedException e) {
      err.println("error: " + SafeText.escape(e.getMessage()));
      err.flush();
      return ExitCodes.OUTPUT;
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      err.println("error: cannot write the output folder " + SafeText.escape(out.toString())
          + ": " + SafeText.escape(e.getMessage()
              + (cause == null || cause == e ? "" : " (" + cause.getMessage() + ")"))
          + "; an earlier report there is unchanged");
      err.flush();
      return ExitCodes.OUTPUT;
    }
    if (!quiet) {
      outw.println();
      outw.println("Report written to "
          + SafeText.escape(written.resolve("report.html").toString()));
      outw.flush();
    }
    return ExitCodes.OK;
  }

  private boolean anyFile() {
    return interactions != null || responses != null || transactions != null || customers != null
        || config != null;
  }

  ReportOptions options(ReportConfig cfg) {
    Period p;
    switch (period.toLowerCase(Locale.ROOT)) {
      case "day" -> p = Period.DAY;
      case "week" -> p = Period.WEEK;
      case "month" -> p = Period.MONTH;
      case "quarter" -> p = Period.QUARTER;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--period must be day, week, month or quarter, got '" + period + "'");
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--zone: unknown time zone '" + zone + "'");
    }
    try {
      Map<String, Double> allEffort = new LinkedHashMap<>();
      if (cfg != null && cfg.effort() != null) {
        allEffort.putAll(cfg.effort());
      }
      allEffort.putAll(effort);
      return ReportOptions.defaults()
          .withLevel(level)
          .withZone(z)
          .withTrendPeriod(p)
          .withMinGroupSize(minGroup)
          .withJourneyGap(journeyGap == null ? null : duration(journeyGap))
          .withChurnAfterDays(churnAfter)
          .withClv(clvMonths, discount, margin)
          .withTopN(top)
          .withEffort(allEffort);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * Parses a duration: {@code 30m}, {@code 2h}, {@code 7d}, {@code 90s} or ISO-8601 ({@code PT30M}).
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's': return Duration.ofSeconds(n);
        case 'm': return Duration.ofMinutes(n);
        case 'h': return Duration.ofHours(n);
        case 'd': return Duration.ofDays(n);
        default: break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(
        "--journey-gap must be like 30m, 2h, 7d or PT30M, got '" + text + "'");
  }

  private ReportInput load(PrintWriter err, ReportConfig cfg) {
    if (!anyFile()) {
      if (!quiet) {
        err.println("No input files given: reporting on the bundled sample data "
            + "(cx-report --help for options).");
        err.flush();
      }
      return ReportInput.sample();
    }
    InputLoader.Builder b = InputLoader.builder();
    if (cfg != null) {
      b.config(cfg);
    }
    if (interactions != null) {
      b.file(DataKind.INTERACTIONS, interactions);
    }
    if (responses != null) {
      b.file(DataKind.RESPONSES, responses);
    }
    if (transactions != null) {
      b.file(DataKind.TRANSACTIONS, transactions);
    }
    if (customers != null) {
      b.file(DataKind.CUSTOMERS, customers);
    }
    for (Map.Entry<String, String> e : map.entrySet()) {
      String key = e.getKey();
      int dot = key.indexOf('.');
      if (dot <= 0) {
        throw new IllegalArgumentException(
            "--map expects KIND.FIELD=COLUMN such as responses.score=answer, got '" + key + "'");
      }
      b.column(DataKind.of(key.substring(0, dot)), key.substring(dot + 1), e.getValue());
    }
    if (separator != null) {
      b.separator(separator);
    }
    if (timestamps != null) {
      b.timestamps((Object) timestamps);
    }
    if (segmentBy != null) {
      b.segmentBy(segmentBy);
    }
    b.lenient(lenient);
    try {
      if (charset != null) {
        b.charset(java.nio.charset.Charset.forName(charset.trim()));
      }
      b.limits(new ReadLimits(maxRecordSize, maxRecordLines, maxFieldSize));
      b.zone(ZoneId.of(zone));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          (charset != null && e instanceof java.nio.charset.UnsupportedCharsetException
              || e instanceof java.nio.charset.IllegalCharsetNameException
              ? "--charset: unknown character encoding '" + charset + "'" : e.getMessage()));
    }
    if (lenient && !noFiles && !checkOnly) {
      try {
        spool = new RejectSpool(Files.createTempFile("cx-report-rejects", ".csv"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary file for the rejected rows", e);
      }
      b.rejects(spool);
    }
    if (!quiet) {
      b.progress((file, rows, done) -> {
        err.printf(Locale.ROOT, "%s %s: %,d rows%n", done ? "read" : "reading",
            SafeText.escape(String.valueOf(file)), rows);
        err.flush();
      });
    }
    return b.build().load();
  }

  /**
   * Writes the output folder through {@link OutputFolder}: into a temporary sibling, then moved
   * into place; an existing folder that is not an earlier report is refused without --force.
   */
  private Path write(CxReport report, String summary)
      throws OutputFolder.RefusedException, IOException {
    java.util.List<Path> inputs = new java.util.ArrayList<>();
    for (Path p : new Path[] {interactions, responses, transactions, customers, config}) {
      if (p != null) {
        inputs.add(p);
      }
    }
    return OutputFolder.write(out, force, inputs, Version.text(), folder -> {
      Files.writeString(folder.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("report.html"), HtmlReport.render(report),
          StandardCharsets.UTF_8);
      report.journeys().ifPresent(j -> {
        // Edges seen fewer than 1 in 1000 transitions are left out so that the drawing stays legible.
        long min = Math.max(1, j.graph().transitions() / 1000);
        writeString(folder.resolve("journey.dot"), GraphExport.dot(j.graph(), min));
        writeString(folder.resolve("journey.mmd"), GraphExport.mermaid(j.graph(), min));
      });
      TableWriter.writeAll(ReportTables.of(report), folder.resolve("tables"));
      if (spool != null) {
        // Every reject, not only the first ones each read keeps.
        spool.close();
        Files.copy(spool.file(), folder.resolve("tables").resolve("rejected_rows.csv"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    });
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Runs the command line and returns its exit code, without exiting: for tests and embedding.
   *
   * @param out where the summary and help go
   * @param err where progress and errors go
   * @param args the arguments
   * @return the exit code ({@link ExitCodes})
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new CxReportCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: analysis failed: " + SafeText.escape(e.toString()));
      for (StackTraceElement s : e.getStackTrace()) {
        commandLine.getErr().println("    at " + s);
      }
      commandLine.getErr().flush();
      return ExitCodes.SOFTWARE;
    });
    return cl.execute(args);
  }

  /**
   * The main entry point: runs the command line and exits with its code (returns normally on
   * success, so that it also runs inside Maven's {@code exec:java}).
   *
   * @param args the arguments; none to report on the bundled sample
   */
  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    if (code != ExitCodes.OK) {
      System.exit(code);
    }
  }

  /** Prints the cx4j version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cx-report " + text()};
    }

    /** Returns the version from the jar manifest, or "(development build)". */
    static String text() {
      String v = CxReportCommand.class.getPackage().getImplementationVersion();
      return v == null ? "(development build)" : v;
    }
  }
}
