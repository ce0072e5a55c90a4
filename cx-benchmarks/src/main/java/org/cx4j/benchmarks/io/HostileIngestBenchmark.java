package org.cx4j.benchmarks.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.io.CxReader;
import org.cx4j.core.io.CxReaders;
import org.cx4j.core.io.ErrorSink;
import org.cx4j.core.io.ReadReport;
import org.cx4j.core.io.RecordStream;
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
 * A lenient read of a large interactions CSV with bad rows of every kind (an unquoted comma, a
 * quote never closed, bytes that are not UTF-8, a value over the size limit, Arabic-Indic digits in
 * a timestamp, a line over the record limit), in a 64 MB heap: the records stream, every bad row is
 * one counted reject, and the rest is read. Baseline in the same run: counting the lines of the
 * same file with {@link BufferedReader#readLine()} (decoding and line splitting only).
 *
 * <p>The file is written once per trial, row by row (never held in memory); one operation reads all
 * of it, so rows/s = {@code rows} / (s/op).
 *
 * <pre>
 * ./mvnw -o -q -pl cx-benchmarks -am -Dmaven.javadoc.skip -DskipTests package
 * java -jar cx-benchmarks/target/benchmarks.jar 'io.HostileIngest' -f 1 -wi 1 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
@State(Scope.Benchmark)
public class HostileIngestBenchmark {

  /** Rows in the file, good and bad. */
  @Param({"10000000"})
  public long rows;

  /** Bad rows among them, spread evenly. */
  @Param({"100"})
  public int bad;

  private Path csv;
  private CxReader<Interaction> reader;

  /** Writes the file and configures the reader. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    csv = Files.createTempFile("cx4j-hostile", ".csv");
    String[] tps = {
      "web_home,web,awareness",
      "web_checkout,web,purchase",
      "app_support,app,retention",
      "hotline,phone,retention"
    };
    long every = rows / bad;
    long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    try (OutputStream os = Files.newOutputStream(csv);
        BufferedWriter w =
            new BufferedWriter(
                new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("customer_id,touchpoint,channel,stage,timestamp,outcome,journey_id\n");
      int kinds = 0;
      for (long i = 0; i < rows; i++) {
        String ts = Instant.ofEpochSecond(start + 37 * i).toString();
        String tp = tps[(int) (i % tps.length)];
        if (i % every == every / 2) {
          switch (kinds++ % 6) {
            case 0 -> w.write("c" + (i % 20_000) + "," + tp + "," + ts + ",converted,j, extra\n");
            case 1 -> w.write("c" + (i % 20_000) + "," + tp + "," + ts + ",\"converted,j\n");
            case 2 -> {
              w.flush();
              os.write(("c" + i + "," + tp + "," + ts + ",,j").getBytes(StandardCharsets.UTF_8));
              os.write(new byte[] {(byte) 0xFF, '\n'});
            }
            case 3 -> w.write("c" + i + "," + tp + "," + ts.replace('2', '\u0662') + ",,j\n");
            case 4 ->
                w.write("c" + i + "," + tp + "," + ts + ",,\"" + "x".repeat(2_000_000) + "\"\n");
            default -> w.write("c" + i + "," + tp + "," + ts + ",," + "y".repeat(3_000_000) + "\n");
          }
        } else {
          w.write(
              "c"
                  + (i % 20_000)
                  + ","
                  + tp
                  + ","
                  + ts
                  + ","
                  + (i % 7 == 0 ? "converted" : "")
                  + ",j"
                  + (i / 5)
                  + "\n");
        }
      }
    }
    reader = CxReaders.interactions().lenient(ErrorSink.none());
    ReadReport r = read();
    if (r.rejected() != bad || r.read() != rows) {
      throw new IllegalStateException("expected " + bad + " rejects of " + rows + ": " + r);
    }
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(csv);
  }

  /** Baseline: the number of lines, by {@link BufferedReader#readLine()}. */
  @Benchmark
  public long readLinesBaseline() throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
      while (r.readLine() != null) {
        n++;
      }
    }
    return n;
  }

  /** The lenient reader: every good row a validated record, every bad one a counted reject. */
  @Benchmark
  public ReadReport readLenient() {
    return read();
  }

  private ReadReport read() {
    long n = 0;
    try (RecordStream<Interaction> s = reader.read(csv)) {
      while (s.hasNext()) {
        n += s.next().timestamp().getEpochSecond() & 1; // use each record
      }
      ReadReport r = s.report();
      if (n < 0) {
        throw new AssertionError();
      }
      return r;
    }
  }
}
