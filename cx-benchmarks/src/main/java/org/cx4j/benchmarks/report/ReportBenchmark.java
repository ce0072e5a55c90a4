package org.cx4j.benchmarks.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.cli.CxReportCommand;
import org.cx4j.report.html.HtmlReport;
import org.cx4j.report.input.DataKind;
import org.cx4j.report.input.InputLoader;
import org.cx4j.report.input.ReportInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CX report on sample files against the cost of just reading them, in the same run.
 *
 * <ul>
 *   <li>{@code readFiles} (baseline): {@link InputLoader} reads and validates the four CSV files
 *       (customers, interactions, responses, transactions) into a {@link ReportInput};
 *   <li>{@code analyze}: {@link CxReport#of} on the input read once in setup: every section;
 *   <li>{@code html}: {@link HtmlReport#render} of that report: every chart;
 *   <li>{@code command}: the whole command as a user runs it, {@code cx-report --interactions ...
 *       -q -o DIR}: read, analyze, write the HTML page, the tables, DOT and Mermaid.
 * </ul>
 *
 * <p>Data: the sample generator's files ({@code cx-report sample --customers N}, seed 20250101),
 * written once in setup to a temporary folder: 5,000 customers is the bundled sample (16,682
 * interactions).
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'report.ReportBenchmark' -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ReportBenchmark {

  @Param({"5000"})
  public int customers;

  private Path dir;
  private Path out;
  private ReportInput input;
  private CxReport report;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cx4j-report-bench");
    out = dir.resolve("out");
    int code =
        CxReportCommand.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "sample",
            "--customers",
            Integer.toString(customers),
            "-o",
            dir.toString());
    if (code != 0) {
      throw new IllegalStateException("sample command exited with " + code);
    }
    input = readFiles();
    report = CxReport.of(input);
  }

  @TearDown
  public void tearDown() throws IOException {
    try (var files = Files.walk(dir)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Baseline: reading and validating the files. */
  @Benchmark
  public ReportInput readFiles() {
    return InputLoader.builder()
        .file(DataKind.CUSTOMERS, dir.resolve("customers.csv"))
        .file(DataKind.INTERACTIONS, dir.resolve("interactions.csv"))
        .file(DataKind.RESPONSES, dir.resolve("responses.csv"))
        .file(DataKind.TRANSACTIONS, dir.resolve("transactions.csv"))
        .build()
        .load();
  }

  @Benchmark
  public CxReport analyze() {
    return CxReport.of(input);
  }

  @Benchmark
  public String html() {
    return HtmlReport.render(report);
  }

  @Benchmark
  public int command() {
    return CxReportCommand.run(
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        "--customers",
        dir.resolve("customers.csv").toString(),
        "--interactions",
        dir.resolve("interactions.csv").toString(),
        "--responses",
        dir.resolve("responses.csv").toString(),
        "--transactions",
        dir.resolve("transactions.csv").toString(),
        "-q",
        "-o",
        out.toString());
  }
}
