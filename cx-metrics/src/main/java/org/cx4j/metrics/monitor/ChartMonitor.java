package org.cx4j.metrics.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sequential detection on the buckets of a {@link ScoreMonitor}: one {@link ControlChart} (a {@link
 * Cusum} or an {@link Ewma}) per key, fed once per closed bucket with the bucket's metric
 * standardised by the key's in-control level, {@code z = (x_b - mu0) / (sigma1 / sqrt(n_b))}, where
 * {@code x_b} is the bucket's estimate ({@link ChangeTest#estimate}), {@code n_b} its responses,
 * and {@code mu0} and {@code sigma1} (the per-response standard deviation of the metric, e.g.
 * {@code 100 sqrt(pP + pD - (pP - pD)²)} for NPS) come from a {@link Calibration}, typically a
 * stable past period. In control the z are approximately standard normal whatever the bucket sizes,
 * so the chart's ARL is the one it was designed for ({@link Cusum#forArl}, {@link Ewma#forArl}).
 * Buckets without responses are skipped (the chart waits).
 *
 * <p>A signal is sent to the listener once; the chart restarts after it (see {@link
 * ControlChart#add}). Updates are serialised ({@code synchronized}).
 *
 * @param <R> the metric of a bucket
 */
public final class ChartMonitor<R> {

  /**
   * A key's in-control level.
   *
   * @param mean the in-control mean of the metric {@code mu0}
   * @param perResponseSd the standard deviation of one response's contribution {@code sigma1}
   */
  public record Calibration(double mean, double perResponseSd) {
    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException if the mean is not finite or the deviation is not positive
     *     and finite
     */
    public Calibration {
      if (!Double.isFinite(mean) || !(perResponseSd > 0 && Double.isFinite(perResponseSd))) {
        throw new IllegalArgumentException(
            "calibration needs a finite mean and a positive finite"
                + " per-response sd, got "
                + mean
                + " and "
                + perResponseSd);
      }
    }
  }

  /**
   * A chart signal.
   *
   * @param key the key
   * @param metric the metric
   * @param bucketStart the start of the bucket that made the chart signal
   * @param direction up or down
   * @param value the bucket's estimate
   * @param n the bucket's responses
   * @param z the standardised value fed to the chart
   * @param runLength the buckets fed since the chart's last start
   */
  public record ChartSignal(
      String key,
      String metric,
      Instant bucketStart,
      ControlChart.Signal direction,
      double value,
      long n,
      double z,
      long runLength) {}

  private final ScoreMonitor<R> monitor;
  private final ChangeTest<R> test;
  private final Function<String, Calibration> calibration;
  private final Supplier<? extends ControlChart> charts;
  private final Consumer<ChartSignal> listener;
  private final Map<String, ControlChart> byKey = new HashMap<>();
  private long nextBucket = Long.MIN_VALUE;

  /**
   * Returns a chart monitor on {@code monitor}: keys are calibrated by {@code calibration} (return
   * {@code null} to leave a key unmonitored), each gets a chart from {@code charts}, signals go to
   * {@code listener}.
   */
  public ChartMonitor(
      ScoreMonitor<R> monitor,
      ChangeTest<R> test,
      Function<String, Calibration> calibration,
      Supplier<? extends ControlChart> charts,
      Consumer<ChartSignal> listener) {
    this.monitor = Objects.requireNonNull(monitor, "monitor");
    this.test = Objects.requireNonNull(test, "test");
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    this.charts = Objects.requireNonNull(charts, "charts");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Feeds every closed bucket not fed yet (from the oldest retained one on the first call) and
   * returns the signals raised.
   */
  public synchronized List<ChartSignal> update() {
    MonitorSnapshot<R> s = monitor.snapshot();
    long closed = s.closedBefore();
    List<ChartSignal> out = new ArrayList<>();
    if (closed == Long.MIN_VALUE) {
      return out;
    }
    long from =
        nextBucket == Long.MIN_VALUE ? closed - monitor.config().retainedBuckets() + 1 : nextBucket;
    for (long b = Math.max(from, closed - monitor.config().retainedBuckets() + 1);
        b < closed;
        b++) {
      out.addAll(feed(s, b));
    }
    nextBucket = Math.max(nextBucket, closed);
    return out;
  }

  /** Feeds bucket {@code bucket} of {@code snapshot} to every calibrated key's chart. */
  public synchronized List<ChartSignal> feed(MonitorSnapshot<R> snapshot, long bucket) {
    List<ChartSignal> out = new ArrayList<>();
    for (String key : snapshot.keys()) {
      WindowEstimate e = test.estimate(snapshot.result(key, bucket, bucket + 1));
      Calibration c = e.n() == 0 ? null : calibration.apply(key);
      if (c == null) {
        continue;
      }
      ControlChart chart = byKey.computeIfAbsent(key, k -> charts.get());
      double z = (e.value() - c.mean()) / (c.perResponseSd() / Math.sqrt(e.n()));
      long run = chart.runLength() + 1;
      ControlChart.Signal sig = chart.add(z);
      if (sig != ControlChart.Signal.NONE) {
        ChartSignal cs =
            new ChartSignal(
                key,
                test.metric(),
                monitor.config().bucketSize().start(bucket),
                sig,
                e.value(),
                e.n(),
                z,
                run);
        out.add(cs);
        listener.accept(cs);
      }
    }
    return out;
  }
}
