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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.io.ReadLimits;
import org.cx4j.journey.graph.GraphExport;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.trend.Period;
import org.cx4j.report.analysis.ChangeSection;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.ReportMetric;
import org.cx4j.report.analysis.ReportOptions;
import org.cx4j.report.analysis.ReportSnapshot;
import org.cx4j.report.analysis.TextSection;
import org.cx4j.report.console.ConsoleSummary;
import org.cx4j.report.console.SafeText;
import org.cx4j.report.html.HtmlReport;
import org.cx4j.report.input.ColumnOption;
import org.cx4j.report.input.DataKind;
import org.cx4j.report.input.InputLoader;
import org.cx4j.report.input.RejectSpool;
import org.cx4j.report.input.ReportConfig;
import org.cx4j.report.input.ReportInput;
import org.cx4j.report.input.ResponseRaking;
import org.cx4j.report.json.ReportJson;
import org.cx4j.report.table.ClvTables;
import org.cx4j.report.table.ReportTables;
import org.cx4j.report.table.TableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cx-report}: from data files (or the bundled sample, with no arguments) to a console
 * summary and an output folder with a self-contained HTML report, the tables as CSV and JSON, and
 * the journey graph as Graphviz DOT and Mermaid. See {@link ExitCodes} for exit codes.
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
      "Output folder: report.html (one self-contained file), summary.txt, report.json (the "
          + "sufficient statistics that --baseline compares with), tables/*.csv and "
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
      "  cx-report --config cx.json --map responses.score=answer --effort checkout_payment=8",
      "  cx-report --transactions CDNOW_master.txt \\",
      "            --map transactions.timestamp=date:yyyyMMdd,transactions.amount=dollar_value "
          + "-o cdnow"
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.SOFTWARE)
public final class CxReportCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  private RejectSpool spool; // every reject of a lenient run that writes files
  private List<String> rakingNotes = List.of();

  @Option(
      names = "--interactions",
      paramLabel = "FILE",
      description =
          "Interactions: customer_id, touchpoint, channel, stage, timestamp, "
              + "optional outcome, journey_id.")
  Path interactions;

  @Option(
      names = "--responses",
      paramLabel = "FILE",
      description =
          "Survey responses: customer_id, instrument (nps, csat, ces), score, "
              + "timestamp, optional weight, touchpoint, channel, stage, comment.")
  Path responses;

  @Option(
      names = "--transactions",
      paramLabel = "FILE",
      description =
          "Transactions: customer_id, timestamp, amount, optional quantity, " + "transaction_id.")
  Path transactions;

  @Option(
      names = "--customers",
      paramLabel = "FILE",
      description =
          "Customers: customer_id, optional signup_date, country, plan; other "
              + "columns become attributes.")
  Path customers;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "A JSON config with files, column mappings, separator, timestamps, "
              + "segmentation and effort (see the cx-report README). Options given here win.")
  Path config;

  @Option(
      names = "--map",
      paramLabel = "KIND.FIELD=COLUMN[:FORMAT]",
      split = ",(?=\\s*[A-Za-z]+\\.)",
      splitSynopsisLabel = ",",
      description = {
        "Maps a field to a column of one kind of file, e.g. responses.score=answer. "
            + "Several in one option, separated by commas, and repeatable: "
            + "--map transactions.timestamp=date:yyyyMMdd,transactions.amount=dollar_value.",
        "A timestamp or signup_date column may carry its format after a colon: COLUMN:FORMAT, "
            + "where FORMAT is 'iso', 'epoch-millis' or a date pattern such as yyyyMMdd or "
            + "'dd/MM/yyyy HH:mm', optionally with @ZONE (else local times are in --zone). "
            + "The column name ends at the first colon followed by a valid format."
      })
  List<String> map = new ArrayList<>();

  @Option(
      names = "--columns",
      paramLabel = "KIND=NAME,NAME,...",
      description =
          "For a CSV file without a header line: the names of its columns in order, "
              + "e.g. --columns transactions=id,sample,date,cds,value (then map them with --map). "
              + "Repeatable, one per kind of file.")
  List<String> headerless = new ArrayList<>();

  @Option(
      names = "--separator",
      paramLabel = "CHAR",
      description =
          "CSV separator: one character, 'tab' or 'whitespace'. Default: detected per "
              + "file from its first 20 lines (text in quotes ignored): of comma, semicolon and tab, "
              + "the one in the header that gives the most lines the header's count (ties: the one "
              + "more frequent in the header, then comma, semicolon, tab); else whitespace when "
              + "spaces separate the header's names; else comma.")
  String separator;

  @Option(
      names = "--timestamps",
      paramLabel = "FORMAT",
      description =
          "Timestamp format: 'iso' (default, with offset), 'epoch-millis', or a "
              + "pattern such as 'yyyyMMdd' or 'yyyy-MM-dd HH:mm@Europe/Paris' (without @ZONE: "
              + "--zone). A pattern with an offset letter (XXX) reads the written offset.")
  String timestamps;

  @Option(
      names = "--lenient",
      description =
          "Skip bad rows and report them (how many, and why) instead of stopping at "
              + "the first.")
  boolean lenient;

  @Option(
      names = "--segment-by",
      paramLabel = "ATTRIBUTE",
      description = "Customer attribute whose values are the segments (default: plan).")
  String segmentBy;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "cx-report-output",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-files", description = "Print the summary only; write no output folder.")
  boolean noFiles;

  @Option(
      names = "--charset",
      paramLabel = "CHARSET",
      description =
          "Character encoding of input files without a byte-order mark, e.g. "
              + "windows-1252 or ISO-8859-1 for spreadsheet exports (default: UTF-8). A UTF-8 or "
              + "UTF-16 byte-order mark in a file wins.")
  String charset;

  @Option(
      names = "--max-record-lines",
      paramLabel = "N",
      description =
          "Most physical lines one quoted CSV value may span; past that, its first "
              + "line is rejected and reading resumes on the next (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_RECORD_LINES)
  int maxRecordLines;

  @Option(
      names = "--max-record-size",
      paramLabel = "BYTES",
      description =
          "Longest CSV record or JSON Lines line, in bytes; a longer one is rejected "
              + "(default: ${DEFAULT-VALUE}, 1 MiB).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_RECORD_BYTES)
  int maxRecordSize;

  @Option(
      names = "--max-field-size",
      paramLabel = "CHARS",
      description =
          "Longest single value, in characters; a row with a longer one is rejected "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_FIELD_CHARS)
  int maxFieldSize;

  @Option(
      names = "--rake",
      paramLabel = "FILE",
      description =
          "Rake the survey weights to population margins before scoring: a CSV of "
              + "variable,category,target (variables: segment, channel, touchpoint, stage or a "
              + "customer attribute such as plan; targets as counts or shares). Each instrument's "
              + "responses are raked separately; the report says how it went.")
  Path rake;

  @Option(
      names = "--baseline",
      paramLabel = "PATH",
      description =
          "Compare with an earlier report: its report.json, or its folder (which may "
              + "be the output folder: it is read before it is replaced). Each metric's change per "
              + "group is tested and corrected for multiple testing (see --adjust).")
  Path baseline;

  @Option(
      names = "--adjust",
      paramLabel = "METHOD",
      defaultValue = "bh",
      description =
          "Multiple-testing correction of the --baseline changes: bh "
              + "(Benjamini-Hochberg, false discovery rate) or holm (family-wise error rate); "
              + "default: ${DEFAULT-VALUE}.")
  String adjust;

  @Option(
      names = "--strict-baseline",
      description =
          "Refuse a --baseline whose response period overlaps this report's (exit "
              + "code 3); without it, the overlap is a warning.")
  boolean strictBaseline;

  @Option(
      names = "--force",
      description =
          "Replace the output folder even if it is not an earlier report (what it "
              + "holds is deleted). Without it, such a folder is refused (exit code 4).")
  boolean force;

  @Option(
      names = "--check-only",
      description =
          "Read and validate the inputs, print what was read and rejected, and stop: "
              + "no analysis, no output folder. Exit code 3 if a row is bad in strict mode.")
  boolean checkOnly;

  @Option(
      names = "--timings",
      description = "Print how long reading, analysing and writing took (to standard error).")
  boolean timings;

  /** The text section, computed while the interactions were read; null when it was not. */
  private TextSection earlyText;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no summary and no progress.")
  boolean quiet;

  @Option(
      names = "--level",
      paramLabel = "P",
      defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description =
          "Time zone of timestamps written without an offset, and of periods and "
              + "cohorts (default: ${DEFAULT-VALUE}). A timestamp with an offset (Z, +01:00) keeps it.")
  String zone;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      defaultValue = "month",
      description =
          "Trend period: day, week (ISO, Monday), month or quarter "
              + "(default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--min-group",
      paramLabel = "N",
      defaultValue = "30",
      description = "Groups with fewer responses are flagged as small (default: ${DEFAULT-VALUE}).")
  int minGroup;

  @Option(
      names = "--journey-gap",
      paramLabel = "DURATION",
      description =
          "Split a customer's interactions into journeys after this much inactivity, "
              + "e.g. 30m, 2h, 7d (default: one journey per customer or journey_id).")
  String journeyGap;

  @Option(
      names = "--churn-after",
      paramLabel = "DAYS",
      defaultValue = "90",
      description =
          "Days without activity after which a customer counts as churned "
              + "(default: ${DEFAULT-VALUE}).")
  int churnAfter;

  @Option(
      names = "--clv-months",
      paramLabel = "N",
      defaultValue = "12",
      description = "Lifetime value horizon in months (default: ${DEFAULT-VALUE}).")
  int clvMonths;

  @Option(
      names = "--discount",
      paramLabel = "RATE",
      defaultValue = "0.01",
      description = "Monthly discount rate of lifetime value (default: ${DEFAULT-VALUE}).")
  double discount;

  @Option(
      names = "--margin",
      paramLabel = "SHARE",
      defaultValue = "0.3",
      description = "Share of spend that is profit (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--calibration-end",
      paramLabel = "DATE",
      description =
          "Last day (yyyy-MM-dd, inclusive) of the calibration period of the lifetime "
              + "value tracking plot: its model is fitted on the transactions up to that day and "
              + "checked against the later ones (default: the whole period is calibration).")
  String calibrationEnd;

  @Option(
      names = "--at-risk-top",
      paramLabel = "SHARE",
      defaultValue = "0.2",
      description =
          "\"At risk\" customers are looked for among this share of customers with "
              + "the highest CLV (default: ${DEFAULT-VALUE}).")
  double atRiskTop;

  @Option(
      names = "--at-risk-alive",
      paramLabel = "P",
      defaultValue = "0.5",
      description =
          "...and are at risk when their P(alive) is below this " + "(default: ${DEFAULT-VALUE}).")
  double atRiskAlive;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "How many pain points, delights and drivers to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--effort",
      paramLabel = "TOUCHPOINT=EFFORT",
      description =
          "Your effort estimate to fix a touchpoint (any unit, e.g. person-weeks), "
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
    // Option values first: a bad one is a usage error (exit 2), whatever the files hold.
    List<ColumnOption> columns = columnOptions();
    Map<DataKind, List<String>> headers = headers();
    if (separator != null) {
      usage(() -> InputLoader.csvFormat(separator), "--separator");
    }
    if (timestamps != null) {
      usage(() -> InputLoader.timestampFormat(timestamps), "--timestamps");
    }
    options(null);
    MultipleTesting.Method method = BaselineOption.method(spec.commandLine(), adjust);
    ReportSnapshot base = null;
    try {
      if (baseline != null) {
        base = ReportJson.read(baseline);
      }
      // Read once: its effort estimates go into the options, its files into the loader.
      ReportConfig cfg = config == null ? null : ReportConfig.read(config);
      options = options(cfg);
      input = load(err, cfg, columns, headers, options.zone());
      if (rake != null) {
        ResponseRaking.Result raked = ResponseRaking.read(rake).apply(input);
        input = raked.input();
        rakingNotes = raked.notes();
      }
    } catch (CxReadException e) {
      // Messages quote values from the data: control characters are shown escaped.
      err.println("error: " + escapeLines(e.getMessage()));
      // A bad row can be skipped; a file that cannot be read at all (its header, an empty
      // file: line 0 or 1 with no column) cannot.
      boolean row = e.error() == null || e.error().line() > 1 || e.error().column() != null;
      if (row && !lenient) {
        err.println(
            "Fix the row, or add --lenient to skip bad rows and have them counted and "
                + "listed in the report.");
      }
      err.flush();
      return ExitCodes.INPUT;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + escapeLines(e.getMessage()));
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
    CxReport report = CxReport.of(input, options).withNotesFirst(rakingNotes);
    if (earlyText != null) {
      report = report.withText(earlyText);
    }
    if (base != null) {
      ChangeSection changes =
          ChangeSection.compare(
              report.snapshot(),
              base,
              ReportMetric.defaults(),
              options.level(),
              options.minGroupSize(),
              method);
      if (!BaselineOption.checkOverlap(changes, strictBaseline, err)) {
        return ExitCodes.INPUT;
      }
      report = report.withChanges(changes);
    }
    String summary = ConsoleSummary.render(report);
    long t2 = System.nanoTime();
    if (!quiet) {
      outw.print(summary);
      outw.flush();
    }
    if (noFiles) {
      if (timings) {
        err.printf(
            Locale.ROOT,
            "timings: read %.1f s, analyse %.1f s%n",
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9);
        err.flush();
      }
      return ExitCodes.OK;
    }
    Path written;
    try {
      written = write(report, summary);
      if (timings) {
        err.printf(
            Locale.ROOT,
            "timings: read %.1f s, analyse %.1f s, write %.1f s%n",
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            (System.nanoTime() - t2) / 1e9);
        err.flush();
      }
    } catch (OutputFolder.RefusedException e) {
      err.println("error: " + escapeLines(e.getMessage()));
      err.flush();
      return ExitCodes.OUTPUT;
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      err.println(
          "error: cannot write the output folder "
              + SafeText.escape(out.toString())
              + ": "
              + SafeText.escape(
                  e.getMessage()
                      + (cause == null || cause == e ? "" : " (" + cause.getMessage() + ")"))
              + "; an earlier report there is unchanged");
      err.flush();
      return ExitCodes.OUTPUT;
    }
    if (!quiet) {
      outw.println();
      outw.println(
          "Report written to " + SafeText.escape(written.resolve("report.html").toString()));
      outw.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * Escapes control characters and escape sequences line by line: a message's own line breaks (a
   * hint on its own line) stay, everything else from the data is shown escaped.
   */
  static String escapeLines(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n", -1)) {
      if (sb.length() > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(SafeText.escape(line));
    }
    return sb.toString();
  }

  private boolean anyFile() {
    return interactions != null
        || responses != null
        || transactions != null
        || customers != null
        || config != null;
  }

  ReportOptions options(ReportConfig cfg) {
    Period p;
    switch (period.toLowerCase(Locale.ROOT)) {
      case "day" -> p = Period.DAY;
      case "week" -> p = Period.WEEK;
      case "month" -> p = Period.MONTH;
      case "quarter" -> p = Period.QUARTER;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--period must be day, week, month or quarter, got '" + period + "'");
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--zone: unknown time zone '" + zone + "'");
    }
    check(
        level > 0 && level < 1,
        "--level must be between 0 and 1, such as 0.95 for 95%% intervals; got %s",
        level);
    check(minGroup >= 1, "--min-group must be at least 1, got %s", minGroup);
    check(churnAfter >= 1, "--churn-after must be at least 1 day, got %s", churnAfter);
    check(clvMonths >= 1, "--clv-months must be at least 1, got %s", clvMonths);
    check(
        discount >= 0 && discount < 1,
        "--discount must be a monthly rate from 0 up to (not including) 1, such as 0.01 for 1%%; "
            + "got %s",
        discount);
    check(
        margin > 0 && margin <= 1,
        "--margin must be a share above 0 and at most 1, such as 0.3 for 30%%; got %s",
        margin);
    check(top >= 1, "--top must be at least 1, got %s", top);
    check(
        atRiskTop > 0 && atRiskTop <= 1,
        "--at-risk-top must be a share above 0 and at most 1, such as 0.2 for the top 20%%; "
            + "got %s",
        atRiskTop);
    check(
        atRiskAlive > 0 && atRiskAlive <= 1,
        "--at-risk-alive must be a probability above 0 and at most 1, such as 0.5; got %s",
        atRiskAlive);
    java.time.LocalDate calEnd = null;
    if (calibrationEnd != null) {
      try {
        calEnd = java.time.LocalDate.parse(calibrationEnd.strip());
      } catch (java.time.format.DateTimeParseException e) {
        check(
            false,
            "--calibration-end must be a date such as 1997-09-30 (yyyy-MM-dd); got '%s'",
            SafeText.escape(calibrationEnd));
      }
    }
    effort.forEach(
        (touchpoint, e) ->
            check(
                e != null && e > 0 && Double.isFinite(e),
                "--effort %s=%s: an effort must be a positive number, such as 3 (person-weeks)",
                touchpoint,
                e));
    Duration gap = journeyGap == null ? null : usage(() -> duration(journeyGap), "--journey-gap");
    Map<String, Double> allEffort = new LinkedHashMap<>();
    if (cfg != null && cfg.effort() != null) {
      allEffort.putAll(cfg.effort());
    }
    allEffort.putAll(effort);
    // The checks above cover the options; what is left to fail comes from the config file.
    return ReportOptions.defaults()
        .withLevel(level)
        .withZone(z)
        .withTrendPeriod(p)
        .withMinGroupSize(minGroup)
        .withJourneyGap(gap)
        .withChurnAfterDays(churnAfter)
        .withClv(clvMonths, discount, margin)
        .withTopN(top)
        .withEffort(allEffort)
        .withCalibrationEnd(calEnd)
        .withAtRisk(atRiskTop, atRiskAlive);
  }

  /** Throws a usage error with the formatted message unless {@code ok}. */
  private void check(boolean ok, String message, Object... args) {
    if (!ok) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), String.format(Locale.ROOT, message, args));
    }
  }

  /**
   * Parses a duration: {@code 30m}, {@code 2h}, {@code 7d}, {@code 90s} or ISO-8601 ({@code
   * PT30M}).
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
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        case 'd':
          return Duration.ofDays(n);
        default:
          break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(
        "--journey-gap must be like 30m, 2h, 7d or PT30M, got '" + text + "'");
  }

  /**
   * Returns the {@code --map} options parsed.
   *
   * @throws CommandLine.ParameterException naming the option if one is invalid
   */
  private List<ColumnOption> columnOptions() {
    List<ColumnOption> out = new ArrayList<>();
    for (String m : map) {
      int eq = m.indexOf('=');
      if (eq < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--map expects "
                + "KIND.FIELD=COLUMN such as transactions.amount=dollar_value, got '"
                + m
                + "'");
      }
      out.add(
          usage(() -> ColumnOption.parse(m.substring(0, eq), m.substring(eq + 1)), "--map " + m));
    }
    return out;
  }

  /**
   * Returns the {@code --columns} options parsed: kind to column names.
   *
   * @throws CommandLine.ParameterException naming the option if one is invalid
   */
  private Map<DataKind, List<String>> headers() {
    Map<DataKind, List<String>> out = new java.util.EnumMap<>(DataKind.class);
    for (String h : headerless) {
      int eq = h.indexOf('=');
      check(
          eq > 0,
          "--columns expects KIND=NAME,NAME,... such as "
              + "transactions=customer_id,sample,date,cds,amount, got '%s'",
          h);
      DataKind kind = usage(() -> DataKind.of(h.substring(0, eq)), "--columns " + h);
      List<String> names = new ArrayList<>();
      for (String n : h.substring(eq + 1).split(",", -1)) {
        names.add(n.strip());
      }
      usage(
          () -> org.cx4j.core.io.CsvFormat.comma().withoutHeader(names.toArray(new String[0])),
          "--columns " + h);
      out.put(kind, names);
    }
    return out;
  }

  /** Runs {@code check}, turning its IllegalArgumentException into a usage error. */
  private <T> T usage(java.util.function.Supplier<T> check, String option) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new CommandLine.ParameterException(
          spec.commandLine(), m.startsWith(option) ? m : option + ": " + m, e);
    }
  }

  private ReportInput load(
      PrintWriter err,
      ReportConfig cfg,
      List<ColumnOption> columns,
      Map<DataKind, List<String>> headers,
      ZoneId zone) {
    if (!anyFile()) {
      if (!quiet) {
        err.println(
            "No input files given: reporting on the bundled sample data "
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
    b.zone(zone);
    for (ColumnOption c : columns) {
      b.column(c);
    }
    headers.forEach(b::header);
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
    if (rake == null && !checkOnly) {
      // "What customers say" needs only the responses: computed while the interactions load.
      double textLevel = level; // as ReportOptions.withLevel(level) below
      b.whileReadingInteractions(
          r -> {
            try {
              earlyText = r.isEmpty() ? null : TextSection.of(r, textLevel);
            } catch (RuntimeException e) {
              earlyText = null; // computed again with the report, where its error belongs
            }
          });
    }
    try {
      if (charset != null) {
        b.charset(java.nio.charset.Charset.forName(charset.trim()));
      }
      b.limits(new ReadLimits(maxRecordSize, maxRecordLines, maxFieldSize));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          (charset != null && e instanceof java.nio.charset.UnsupportedCharsetException
                  || e instanceof java.nio.charset.IllegalCharsetNameException
              ? "--charset: unknown character encoding '" + charset + "'"
              : e.getMessage()));
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
      b.progress(
          (file, rows, done) -> {
            err.printf(
                Locale.ROOT,
                "%s %s: %,d rows%n",
                done ? "read" : "reading",
                SafeText.escape(String.valueOf(file)),
                rows);
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
    for (Path p : new Path[] {interactions, responses, transactions, customers, config, rake}) {
      if (p != null) {
        inputs.add(p);
      }
    }
    return OutputFolder.write(
        out,
        force,
        inputs,
        Version.version(),
        folder -> {
          Files.writeString(folder.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
          Files.writeString(
              folder.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
          report
              .journeys()
              .ifPresent(
                  j -> {
                    // Edges seen fewer than 1 in 1000 transitions are left out so that the drawing
                    // stays legible.
                    long min = Math.max(1, j.graph().transitions() / 1000);
                    writeString(folder.resolve("journey.dot"), GraphExport.dot(j.graph(), min));
                    writeString(folder.resolve("journey.mmd"), GraphExport.mermaid(j.graph(), min));
                  });
          TableWriter.writeAll(ReportTables.of(report), folder.resolve("tables"));
          // One row per customer, written as computed: never all in memory.
          report.value().ifPresent(v -> ClvTables.writeCustomers(v, folder.resolve("tables")));
          ReportJson.write(report.snapshot(), folder.resolve(ReportJson.FILE_NAME));
          if (spool != null) {
            // Every reject, not only the first ones each read keeps.
            spool.close();
            Files.copy(
                spool.file(),
                folder.resolve("tables").resolve("rejected_rows.csv"),
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
    // "-o sample" is the output folder "sample", not the sample subcommand.
    cl.setAllowSubcommandsAsOptionParameters(true);
    cl.setParameterExceptionHandler(CxReportCommand::usageError);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
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
   * Prints a usage error as a sentence and a hint, without the whole usage text: the message, the
   * closest options for a mistyped one, and where the help is. Exit code {@link ExitCodes#USAGE}.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("Did you mean " + String.join(" or ", suggestions) + "?");
      }
    }
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
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

  /**
   * Prints the project version, from {@code cx-report-version.properties} (written by the build
   * with Maven resource filtering), so that it is right however the command is launched: the jar,
   * {@code ./cx report}, {@code exec:java} or an IDE.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cx-report " + version()};
    }

    /** Returns the version, or "(unknown version)" if the resource is missing or unfiltered. */
    static String version() {
      return HtmlReport.version();
    }
  }
}
