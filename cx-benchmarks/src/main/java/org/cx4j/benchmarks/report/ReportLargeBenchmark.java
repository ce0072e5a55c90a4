package org.cx4j.benchmarks.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cx4j.report.cli.CxReportCommand;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole CX report on 10 million interactions and 1 million responses against the time Jackson
 * takes just to parse the same files, in the same JVM ({@code -Xmx4g}), one shot each:
 *
 * <ul>
 *   <li>{@code jacksonParse} (baseline): a {@link CsvMapper} reader for {@code String[]} with
 *       {@link CsvParser.Feature#WRAP_AS_ARRAY} iterating every row of both files, nothing kept;
 *   <li>{@code report}: {@code cx-report --interactions ... --responses ... -q -o DIR --force}, as
 *       a user runs it: read, validate, analyse, write the page and every table.
 * </ul>
 *
 * <p>Data: {@code cx-benchmarks/scripts/report-large.sh} writes them (the sample generator with
 * 3,000,000 customers: 9.95 M interactions; the first 1,000,000 responses); pass the folder as
 * {@code -p dir=...}. The run fails at setup, naming the folder, when the files are missing.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'ReportLargeBenchmark' -p dir=/path/to/cx-large
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ReportLargeBenchmark {

  /** The folder holding {@code interactions.csv} and {@code responses-1m.csv}. */
  @Param({"target/cx-large"})
  public String dir;

  private Path interactions;
  private Path responses;
  private Path out;
  private CsvMapper mapper;

  @Setup
  public void setUp() throws IOException {
    Path d = Path.of(dir);
    interactions = d.resolve("interactions.csv");
    responses = d.resolve("responses-1m.csv");
    for (Path p : new Path[] {interactions, responses}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException(
            p.toAbsolutePath() + " is missing: run cx-benchmarks/scripts/report-large.sh first");
      }
    }
    out = Files.createTempDirectory("cx4j-report-large");
    mapper = new CsvMapper();
  }

  /** Baseline: Jackson parses every row of both files into {@code String[]}, nothing kept. */
  @Benchmark
  public long jacksonParse() throws IOException {
    return rows(interactions) + rows(responses);
  }

  private long rows(Path file) throws IOException {
    long cells = 0;
    try (MappingIterator<String[]> it =
        mapper
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(file.toFile())) {
      while (it.hasNext()) {
        cells += it.next().length;
      }
    }
    return cells;
  }

  /** The whole report, as the command runs it. */
  @Benchmark
  public int report() {
    int code =
        CxReportCommand.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "--interactions",
            interactions.toString(),
            "--responses",
            responses.toString(),
            "-q",
            "--force",
            "-o",
            out.resolve("report").toString());
    if (code != 0) {
      throw new IllegalStateException("cx-report exited with " + code);
    }
    return code;
  }
}
