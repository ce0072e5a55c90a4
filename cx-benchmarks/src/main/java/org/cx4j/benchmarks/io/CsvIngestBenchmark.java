package org.cx4j.benchmarks.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.io.CxReader;
import org.cx4j.core.io.CxReaders;
import org.cx4j.core.io.CxWriters;
import org.cx4j.core.io.RecordStream;
import org.cx4j.core.io.SectionedRead;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Ingest of an interactions CSV file (customer_id, touchpoint, channel, stage, ISO-8601 timestamp,
 * outcome, journey_id) into {@link Interaction} records, against two baselines on the same bytes in
 * the same run: counting lines with {@link BufferedReader#readLine()} (the floor: decoding and line
 * splitting only) and Jackson's CSV parser producing the raw string cells (the cost of CSV
 * tokenizing alone). The JSON Lines reader reads the same records written as JSON Lines.
 *
 * <p>Each operation reads the whole file; rows per second = ops/s x {@code rows}. The file is
 * written once per trial and then read once before measuring so that it sits in the page cache.
 *
 * <pre>
 * ./mvnw -o -q -pl cx-benchmarks -am -Dmaven.javadoc.skip -DskipTests package
 * java -jar cx-benchmarks/target/benchmarks.jar 'io.CsvIngest' -f 1 -wi 3 -w 2 -i 5 -r 2
 * java -jar cx-benchmarks/target/benchmarks.jar 'CsvIngestBenchmark.readInteractions(InSections)?$' -p rows=1000000
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CsvIngestBenchmark {

  /** Rows in the file. */
  @Param({"100000"})
  public int rows;

  private Path csv;
  private Path jsonl;
  private CxReader<Interaction> reader;
  private CxReader<Interaction> jsonReader;
  private CsvMapper mapper;

  /** Writes the files and configures the readers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<Touchpoint> tps =
        List.of(
            Touchpoint.of("web_home", Channel.WEB, JourneyStage.AWARENESS),
            Touchpoint.of("web_checkout", Channel.WEB, JourneyStage.PURCHASE),
            Touchpoint.of("app_support", Channel.APP, JourneyStage.RETENTION),
            Touchpoint.of("hotline", Channel.PHONE, JourneyStage.RETENTION));
    TouchpointCatalog catalog = TouchpointCatalog.of(tps);
    List<Interaction> records = new ArrayList<>(rows);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < rows; i++) {
      records.add(
          new Interaction(
              CustomerId.of("c" + (i % 20_000)),
              tps.get(i % tps.size()),
              start.plusSeconds(37L * i),
              i % 7 == 0 ? Outcome.CONVERTED : null,
              "j" + (i / 5),
              null));
    }
    csv = Files.createTempFile("cx4j-ingest", ".csv");
    jsonl = Files.createTempFile("cx4j-ingest", ".jsonl");
    CxWriters.interactions().write(csv, records);
    CxWriters.interactions().jsonLines().write(jsonl, records);
    reader = CxReaders.interactions(catalog);
    jsonReader = reader.jsonLines();
    mapper = new CsvMapper();
    long read;
    try (RecordStream<Interaction> s = reader.read(csv)) {
      read = s.stream().count();
    }
    if (read != rows || readLinesBaseline() != rows + 1) {
      throw new IllegalStateException("the file does not hold " + rows + " rows: " + read);
    }
  }

  /** Deletes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(csv);
    Files.deleteIfExists(jsonl);
  }

  /** Baseline: the number of lines, by {@link BufferedReader#readLine()}. */
  @Benchmark
  public long readLinesBaseline() throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      while (r.readLine() != null) {
        n++;
      }
    }
    return n;
  }

  /** Baseline: Jackson's CSV tokens only, the total length of all cells. */
  @Benchmark
  public long jacksonCellsBaseline() throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CsvParser p = (CsvParser) mapper.getFactory().createParser(r)) {
      p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          n += p.getTextLength();
        }
      }
    }
    return n;
  }

  /** The reader under test: CSV rows to validated interaction records. */
  @Benchmark
  public long readInteractions() {
    long n = 0;
    try (RecordStream<Interaction> s = reader.read(csv)) {
      while (s.hasNext()) {
        n += s.next().timestamp().getEpochSecond() & 1; // use each record
      }
      return n + s.report().accepted();
    }
  }

  /**
   * The same reader on two threads ({@link CxReader#readInSections}): the file in sections of 2
   * MiB, the records handed over in batches in file order and used on this thread.
   */
  @Benchmark
  public long readInteractionsInSections() {
    long n = 0;
    try (SectionedRead<List<Interaction>> s =
        reader.readInSections(csv, 2, SectionedRead.lists())) {
      for (List<Interaction> batch; (batch = s.take()) != null; ) {
        for (Interaction i : batch) {
          n += i.timestamp().getEpochSecond() & 1;
        }
      }
      return n + s.report().accepted();
    }
  }

  /** The JSON Lines reader on the same records. */
  @Benchmark
  public long readInteractionsJsonLines() {
    long n = 0;
    try (RecordStream<Interaction> s = jsonReader.read(jsonl)) {
      while (s.hasNext()) {
        n += s.next().timestamp().getEpochSecond() & 1;
      }
      return n + s.report().accepted();
    }
  }
}
