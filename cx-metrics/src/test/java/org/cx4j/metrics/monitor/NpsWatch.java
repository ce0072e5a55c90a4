package org.cx4j.metrics.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.nps.NetPromoterScore;

/**
 * The service example of the cx-metrics README ("Continuous monitoring"), kept compiling and tested
 * by {@code NpsWatchTest}: a monitor of NPS per touchpoint, a detector comparing each day with the
 * same day last week, alerts to a listener. Here the "service" replays two weeks of simulated
 * responses in which the checkout touchpoint drops from NPS 20 to 0 on day 10.
 */
public final class NpsWatch {

  private final ScoreMonitor<NetPromoterScore> monitor =
      ScoreMonitor.of(
          MonitorConfig.tumbling(BucketSize.HOUR, 24) // daily windows of 24 hourly buckets
              .retainingAWeek() // keep 8 days for the weekly baseline
              .withLateness(Duration.ofMinutes(10)) // later answers are counted as late
              .withMaxKeys(500, "(other)"), // bounded memory whatever the keys
          NetPromoterScore::accumulator);

  private final ChangeDetector<NetPromoterScore> detector;

  public NpsWatch(Consumer<ChangeAlert> listener) {
    detector =
        ChangeDetector.builder(monitor, ChangeTest.nps())
            .baseline(Baseline.sameWindowLastWeek())
            .minimumN(100) // skip touchpoints with too few answers
            .multipleTesting(
                MultipleTesting.Method.BENJAMINI_HOCHBERG, 0.01) // FDR across touchpoints
            .listener(listener)
            .build();
  }

  /** Called by request threads: resolve the key once on hot paths, monitor.key(...).add(...). */
  public void onResponse(String touchpoint, int score, Instant answeredAt) {
    monitor.add(touchpoint, score, answeredAt.toEpochMilli());
  }

  /** Called by a timer (every minute, say): evaluates each daily window once, when it closes. */
  public void tick() {
    detector.evaluate();
  }

  public static void main(String[] args) {
    List<ChangeAlert> alerts = new ArrayList<>();
    NpsWatch watch =
        new NpsWatch(
            alert -> {
              alerts.add(alert);
              System.out.println("ALERT " + alert);
            });
    SplittableRandom random = new SplittableRandom(1);
    String[] touchpoints = {"checkout", "search", "delivery", "returns", "support"};
    Instant start = Instant.parse("2026-11-02T00:00:00Z");
    for (int hour = 0; hour < 15 * 24; hour++) {
      for (int i = 0; i < 20; i++) { // 20 answers per touchpoint and hour, in time order
        for (String tp : touchpoints) {
          boolean dropped = tp.equals("checkout") && hour >= 10 * 24;
          double u = random.nextDouble(); // 50/20/30 % (NPS 20), after the drop 30/40/30 (0)
          int score = u < (dropped ? 0.3 : 0.5) ? 9 : u < 0.7 ? 7 : 3;
          watch.onResponse(tp, score, start.plusSeconds(hour * 3600L + i * 180L));
        }
      }
      watch.tick();
    }
    System.out.println(
        alerts.size() + " alert(s), " + watch.monitor.lateCount() + " late answer(s)");
  }
}
