package org.cx4j.benchmarks.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
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
 * The journey engine on a synthetic, seeded log against its baseline in the same run: {@code
 * Arrays.sort(long[])} of the keys {@code customerIndex << 44 | (millis - min)} (on a fresh copy,
 * since sorting is in place).
 *
 * <ul>
 *   <li>{@code rebuild}: journeys from the shuffled log (radix sort, column permutation, split);
 *   <li>{@code funnel5}: a 5-step ordered funnel with a 1-day window over rebuilt journeys;
 *   <li>{@code transitionGraph}: the touchpoint graph, then the exact median and p90 of every edge.
 * </ul>
 *
 * <p>Data: {@code customers} customers with {@code events / customers} events each, 30 touchpoints
 * on 6 channels, a sticky Markov walk (70% of steps advance 1..3 touchpoints), gaps of 5..600 s
 * within a session and 1..72 h between sessions (20%), over 90 days; the event order is shuffled,
 * so events arrive out of order. Seed 42.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'journey.JourneyBenchmark' -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class JourneyBenchmark {

  @Param({"10000000"})
  int events;

  @Param({"1000000"})
  int customers;

  InteractionLog log;
  long[] keys;
  Journeys journeys;
  Funnel funnel;
  JourneyRebuilder rebuilder;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    int nt = 30;
    Channel[] channels = {
      Channel.WEB, Channel.APP, Channel.EMAIL, Channel.PHONE, Channel.CHAT, Channel.STORE
    };
    JourneyStage[] stages = {
      JourneyStage.AWARENESS,
      JourneyStage.CONSIDERATION,
      JourneyStage.PURCHASE,
      JourneyStage.RETENTION,
      JourneyStage.ADVOCACY
    };
    List<Touchpoint> tps = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      tps.add(
          Touchpoint.of("tp" + t, channels[t % channels.length], stages[t * stages.length / nt]));
    }
    List<CustomerId> ids = new ArrayList<>(customers);
    for (int c = 0; c < customers; c++) {
      ids.add(CustomerId.of("c" + c));
    }
    int[] cust = new int[events];
    long[] millis = new long[events];
    int[] tp = new int[events];
    long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    long span = Duration.ofDays(90).toMillis();
    int perCustomer = events / customers;
    int i = 0;
    for (int c = 0; c < customers && i < events; c++) {
      long t = t0 + rnd.nextLong(span);
      int cur = rnd.nextInt(nt);
      int k = c == customers - 1 ? events - i : perCustomer;
      for (int e = 0; e < k; e++) {
        cust[i] = c;
        millis[i] = t;
        tp[i] = cur;
        i++;
        t +=
            rnd.nextInt(5) == 0
                ? 3_600_000L + rnd.nextLong(71 * 3_600_000L)
                : 5_000 + rnd.nextLong(595_000);
        cur = rnd.nextInt(10) < 7 ? (cur + 1 + rnd.nextInt(3)) % nt : rnd.nextInt(nt);
      }
    }
    // Shuffle: events arrive out of order.
    for (int a = events - 1; a > 0; a--) {
      int b = rnd.nextInt(a + 1);
      int x = cust[a];
      cust[a] = cust[b];
      cust[b] = x;
      long y = millis[a];
      millis[a] = millis[b];
      millis[b] = y;
      x = tp[a];
      tp[a] = tp[b];
      tp[b] = x;
    }
    log =
        InteractionLog.ofColumns(
            ids, cust, millis, TouchpointDictionary.of(tps), tp, Instant.now());
    long min = Long.MAX_VALUE;
    for (long m : millis) {
      min = Math.min(min, m);
    }
    keys = new long[events];
    for (int e = 0; e < events; e++) {
      keys[e] = (long) cust[e] << 44 | (millis[e] - min);
    }
    rebuilder = JourneyRebuilder.defaults();
    journeys = rebuilder.rebuild(log);
    funnel =
        Funnel.builder()
            .step("tp0")
            .step("tp1")
            .step("tp2")
            .step("tp3")
            .step("tp4")
            .window(Duration.ofDays(1))
            .build();
  }

  /** Baseline: sort a fresh copy of the packed keys. */
  @Benchmark
  public long[] baselineSort() {
    long[] k = keys.clone();
    Arrays.sort(k);
    return k;
  }

  @Benchmark
  public Journeys rebuild() {
    return rebuilder.rebuild(log);
  }

  @Benchmark
  public FunnelResult funnel5() {
    return funnel.run(journeys);
  }

  /** The graph, then the exact median and p90 of every edge (summed so nothing is dead code). */
  @Benchmark
  public double transitionGraph() {
    TransitionGraph g = TransitionGraph.of(journeys, Level.TOUCHPOINT);
    double s = 0;
    for (TransitionGraph.Edge e : g.edges()) {
      s += e.timing().medianSeconds() + e.timing().p90Seconds();
    }
    return s;
  }
}
