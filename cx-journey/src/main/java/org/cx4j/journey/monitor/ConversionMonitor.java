package org.cx4j.journey.monitor;

import java.time.Instant;
import java.util.Objects;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.monitor.ChangeDetector;
import org.cx4j.metrics.monitor.ChangeTest;
import org.cx4j.metrics.monitor.MonitorConfig;
import org.cx4j.metrics.monitor.MonitorSnapshot;
import org.cx4j.metrics.monitor.ScoreMonitor;
import org.cx4j.metrics.monitor.WindowEstimate;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.ShareEstimate;

/**
 * Live conversion rates per key (funnel step, channel, variant, segment) on the same machinery as
 * survey scores: a {@link ScoreMonitor} whose "score" is the outcome of a journey or session, 1
 * converted and 0 not, so that buckets, windows, lateness, the key cap, snapshots and merging are
 * those of the score monitor. {@link #test} compares conversion rates by the pooled two-proportion
 * z test ({@link Comparisons#proportions}) and {@link #detector()} finds the keys whose rate
 * changed, with Benjamini-Hochberg across keys by default. Thread-safe.
 */
public final class ConversionMonitor {

  /** The outcome scale: 0 not converted, 1 converted. */
  public static final Scale OUTCOME = Scale.of(0, 1);

  private final ScoreMonitor<ScoreDistribution> monitor;

  private ConversionMonitor(MonitorConfig config) {
    this.monitor = ScoreMonitor.of(config, () -> ScoreDistribution.accumulator(OUTCOME));
  }

  /** Returns an empty conversion monitor with {@code config}. */
  public static ConversionMonitor of(MonitorConfig config) {
    return new ConversionMonitor(Objects.requireNonNull(config, "config"));
  }

  /**
   * Records one outcome of key {@code key} at {@code epochMillis} (see {@link ScoreMonitor} for
   * lateness and the key cap).
   */
  public void record(String key, boolean converted, long epochMillis) {
    monitor.key(key).add(converted ? 1 : 0, epochMillis);
  }

  /** Records one outcome of key {@code key} at {@code time}. */
  public void record(String key, boolean converted, Instant time) {
    record(key, converted, time.toEpochMilli());
  }

  /**
   * Returns the pre-resolved handle of {@code key}; {@code add(1, t)} records a conversion and
   * {@code add(0, t)} a non-conversion.
   */
  public ScoreMonitor.Key<ScoreDistribution> key(String key) {
    return monitor.key(key);
  }

  /** Returns the underlying score monitor on {@link #OUTCOME}. */
  public ScoreMonitor<ScoreDistribution> monitor() {
    return monitor;
  }

  /** Returns a snapshot; a window's {@code count(1)} is its conversions, {@code n()} its trials. */
  public MonitorSnapshot<ScoreDistribution> snapshot() {
    return monitor.snapshot();
  }

  /** Returns the conversion rate of {@code key} over buckets {@code [from, to)}. */
  public ShareEstimate rate(String key, long from, long to, double level) {
    return ShareEstimate.of(snapshot().result(key, from, to), 1, 1, level);
  }

  /**
   * Returns the conversion-rate test: estimates are the rate with its Wilson interval at {@code
   * level}, differences the Wald interval and pooled two-proportion z test of {@link
   * Comparisons#proportions} on conversions and trials.
   */
  public static ChangeTest<ScoreDistribution> test(double level) {
    return new ChangeTest<>() {
      @Override
      public String metric() {
        return "conversion rate";
      }

      @Override
      public WindowEstimate estimate(ScoreDistribution window) {
        if (window.n() == 0) {
          return WindowEstimate.empty();
        }
        ShareEstimate s = ShareEstimate.of(window, 1, 1, level);
        return new WindowEstimate(window.n(), s.share(), s.interval());
      }

      @Override
      public Difference difference(ScoreDistribution after, ScoreDistribution before, double lvl) {
        return Comparisons.proportions(after.count(1), after.n(), before.count(1), before.n(), lvl);
      }
    };
  }

  /** Returns a change-detector builder on this monitor with {@link #test} at 95%. */
  public ChangeDetector.Builder<ScoreDistribution> detector() {
    return ChangeDetector.builder(monitor, test(0.95));
  }
}
