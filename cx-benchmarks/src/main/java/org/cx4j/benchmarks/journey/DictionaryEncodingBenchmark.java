package org.cx4j.benchmarks.journey;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.journey.internal.StringCodeTable;
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
 * Dictionary encoding of the customer and journey ids of an interaction log as it is built, one
 * lookup of each per row, as {@code InteractionLog.Builder.add} does: the open-addressing {@link
 * StringCodeTable} against the {@code HashMap<K, Integer>} with {@code computeIfAbsent} it replaced
 * (baseline, same run).
 *
 * <p>Data: {@code rows} rows in time order over {@code customers} customers (ids {@code C0000123})
 * and journey ids ({@code C0000123-j1}) as fresh objects per row, as the report's interaction
 * reader makes them.
 *
 * <pre>
 * java -jar cx-benchmarks/target/benchmarks.jar 'DictionaryEncoding' -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class DictionaryEncodingBenchmark {

  @Param("3000000")
  public int rows;

  @Param("1000000")
  public int customers;

  private CustomerId[] customerIds;
  private String[] journeyIds;

  @Setup
  public void setUp() {
    CustomerId[] pool = new CustomerId[customers];
    for (int c = 0; c < customers; c++) {
      pool[c] = CustomerId.of(String.format("C%07d", c));
    }
    SplittableRandom rnd = new SplittableRandom(24);
    customerIds = new CustomerId[rows];
    journeyIds = new String[rows];
    for (int i = 0; i < rows; i++) {
      int c = rnd.nextInt(customers);
      customerIds[i] = CustomerId.of(new String(pool[c].value()));
      journeyIds[i] = new String(pool[c].value() + "-j" + (1 + rnd.nextInt(2)));
    }
  }

  /** Baseline: the former encoding, two {@code HashMap<K, Integer>.computeIfAbsent} per row. */
  @Benchmark
  public long hashMapBaseline() {
    Map<CustomerId, Integer> cs = new HashMap<>();
    Map<String, Integer> js = new HashMap<>();
    long sum = 0;
    for (int i = 0; i < rows; i++) {
      sum += cs.computeIfAbsent(customerIds[i], k -> cs.size());
      sum += js.computeIfAbsent(journeyIds[i], k -> js.size());
    }
    return sum;
  }

  /** The encoding the builder uses: two {@link StringCodeTable#code} per row. */
  @Benchmark
  public long stringCodeTable() {
    StringCodeTable cs = new StringCodeTable();
    StringCodeTable js = new StringCodeTable();
    long sum = 0;
    for (int i = 0; i < rows; i++) {
      sum += cs.code(customerIds[i].value());
      sum += js.code(journeyIds[i]);
    }
    return sum;
  }
}
