package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cx4j.metrics.monitor.ChartMonitor.Calibration;
import org.cx4j.metrics.monitor.ChartMonitor.ChartSignal;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

class ChartMonitorTest {

  static final long H = BucketSize.HOUR.millis();

  @Test
  void standardisesEachBucketAndSignalsOnce() {
    ScoreMonitor<NetPromoterScore> m =
        ScoreMonitor.of(
            MonitorConfig.sliding(BucketSize.HOUR, 1)
                .withRetainedBuckets(10)
                .withLateness(Duration.ofHours(1)),
            NetPromoterScore::accumulator);
    List<ChartSignal> got = new ArrayList<>();
    // In control NPS 0 with 50% promoters, 50% detractors: per-response sd 100 sqrt(1 - 0) = 100.
    ChartMonitor<NetPromoterScore> c =
        new ChartMonitor<>(
            m,
            ChangeTest.nps(),
            k -> new Calibration(0, 100),
            () -> Cusum.standardized(0.5, 4),
            got::add);
    // Hour 0: 25 responses at NPS 20 (15 promoters, 10 detractors): z = 20 / (100 / 5) = 1;
    // C+ = 0.5. Hours 1-2: NPS 60 with 25 responses (20, 5): z = 3, C+ = 3.0 then 5.5 > 4: UP.
    int[][] hours = {{15, 10}, {20, 5}, {20, 5}};
    for (int h = 0; h < hours.length; h++) {
      m.key("web").addCount(9, hours[h][0], h * H);
      m.key("web").addCount(0, hours[h][1], h * H);
    }
    m.add("web", 9, 4 * H); // closes hours 0..2
    List<ChartSignal> s = c.update();
    assertEquals(1, s.size());
    assertEquals(s, got);
    ChartSignal x = s.get(0);
    assertEquals(ControlChart.Signal.UP, x.direction());
    assertEquals(3, x.z(), 1e-12);
    assertEquals(3, x.runLength());
    assertEquals(java.time.Instant.ofEpochMilli(2 * H), x.bucketStart());
    assertTrue(c.update().isEmpty()); // nothing new closed
  }

  @Test
  void plantedShiftFoundByCusumWithinExpectedDelay() {
    ScoreMonitor<NetPromoterScore> m =
        ScoreMonitor.of(
            MonitorConfig.sliding(BucketSize.HOUR, 1)
                .withRetainedBuckets(400)
                .withLateness(Duration.ofHours(1)),
            NetPromoterScore::accumulator);
    // NPS 20 at 45/30/25 %: per-response sd 100 sqrt(0.7 - 0.04) = 81.24; 100 answers an hour.
    // From hour 200 NPS 30 (50/30/20): 10 points = 1.23 bucket sds, more than the 1 sigma for
    // which CUSUM h = 5 has ARL 10.4 (Montgomery Table 9.3).
    double sd = 100 * Math.sqrt(0.7 - 0.04);
    List<ChartSignal> got = new ArrayList<>();
    ChartMonitor<NetPromoterScore> c =
        new ChartMonitor<>(
            m,
            ChangeTest.nps(),
            k -> new Calibration(20, sd),
            () -> Cusum.standardized(0.5, 5),
            got::add);
    SplittableRandom r = new SplittableRandom(3);
    for (int h = 0; h < 260; h++) {
      double pp = h >= 200 ? 0.50 : 0.45;
      double pd = h >= 200 ? 0.20 : 0.25;
      for (int i = 0; i < 100; i++) {
        double u = r.nextDouble();
        m.add("app", u < pp ? 9 : u < pp + pd ? 0 : 7, h * H + i);
      }
      c.update();
    }
    ChartSignal first =
        got.stream()
            .filter(x -> x.bucketStart().toEpochMilli() >= 200 * H)
            .findFirst()
            .orElseThrow();
    long delay = first.bucketStart().toEpochMilli() / H - 200 + 1;
    // ARL 10.4 at 1 sigma; the run-length distribution's 95th percentile is about 2x the ARL.
    assertTrue(delay <= 25, "delay " + delay);
    assertEquals(ControlChart.Signal.UP, first.direction());
  }
}
