package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.metrics.nps.NetPromoterScore;

class ScoreMonitorProperties {

  record Event(String key, int score, long time) {}

  // Ten hours of minutes, four keys; lateness and retention cover everything, so no event is late
  // whatever the order and a merged monitor must equal one monitor of both streams.
  static final MonitorConfig CONFIG =
      MonitorConfig.sliding(BucketSize.MINUTE, 5)
          .withRetainedBuckets(700)
          .withLateness(Duration.ofHours(11));

  @Provide
  Arbitrary<List<Event>> stream() {
    Arbitrary<Event> e =
        Combinators.combine(
                Arbitraries.of("a", "b", "c", "d"),
                Arbitraries.integers().between(0, 10),
                Arbitraries.longs().between(0, 600 * 60_000L))
            .as(Event::new);
    return e.list().ofMaxSize(200);
  }

  static ScoreMonitor<NetPromoterScore> monitor(List<Event> events) {
    ScoreMonitor<NetPromoterScore> m = ScoreMonitor.of(CONFIG, NetPromoterScore::accumulator);
    for (Event e : events) {
      m.add(e.key(), e.score(), e.time());
    }
    return m;
  }

  @Property(tries = 300, seed = "42")
  void mergeOfTwoMonitorsEqualsOneMonitorOfBothStreams(
      @ForAll("stream") List<Event> first, @ForAll("stream") List<Event> second)
      throws IOException {
    List<Event> both = new java.util.ArrayList<>(first);
    both.addAll(second);
    java.util.Collections.shuffle(both, new java.util.Random(both.size()));
    byte[] expected = ScoreMonitorTest.bytes(monitor(both).snapshot());
    ScoreMonitor<NetPromoterScore> a = monitor(first);
    ScoreMonitor<NetPromoterScore> b = monitor(second);
    // Snapshot union, and a live monitor merging the other's snapshot.
    assertArrayEquals(expected, ScoreMonitorTest.bytes(a.snapshot().merge(b.snapshot())));
    a.merge(b.snapshot());
    assertArrayEquals(expected, ScoreMonitorTest.bytes(a.snapshot()));
  }

  @Property(tries = 300, seed = "42")
  void windowEqualsBatchNpsOfItsEvents(@ForAll("stream") List<Event> events) {
    ScoreMonitor<NetPromoterScore> m = monitor(events);
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    // Window [100, 400) minutes of key a, against a filter of the raw events.
    int[] scores =
        events.stream()
            .filter(
                e -> e.key().equals("a") && e.time() >= 100 * 60_000L && e.time() < 400 * 60_000L)
            .mapToInt(Event::score)
            .toArray();
    NetPromoterScore w = s.result("a", 100, 400);
    assertEquals(scores.length, w.n());
    if (scores.length > 0) {
      assertEquals(NetPromoterScore.of(scores).score(), w.score(), 1e-9);
    }
  }
}
