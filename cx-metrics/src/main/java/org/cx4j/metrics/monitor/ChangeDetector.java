package org.cx4j.metrics.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.monitor.MonitorConfig.WindowKind;

/**
 * Finds the keys of a {@link ScoreMonitor} whose metric changed: at each evaluation, every key's
 * window of N buckets is compared with its {@link Baseline} by the {@link ChangeTest} (the right
 * two-sample test for the metric), keys with fewer than {@code minimumN} responses in either are
 * skipped, the p-values of the keys tested are adjusted across keys (Benjamini-Hochberg by default,
 * so the expected share of false discoveries among the alerts is at most {@code q}; Holm for the
 * family-wise error rate), and a key whose adjusted value is {@code <= q} is significant.
 *
 * <p><b>Once per change; re-arm rule.</b> A significant key raises one {@link ChangeAlert} to the
 * listener and is then <em>disarmed</em>: further significant evaluations of it raise nothing. It
 * re-arms after {@code rearmAfter} consecutive evaluations (default 3) in which it was tested and
 * not significant, i.e. once window and baseline agree again (with the previous-window baseline,
 * after the changed level has filled both). Evaluations with too few responses neither count
 * towards re-arming nor reset the count.
 *
 * <p><b>Windows.</b> {@link #evaluate(MonitorSnapshot, long)} compares the window {@code [end - N,
 * end)}; with tumbling windows {@code end} must be a multiple of N. {@link #evaluate()} picks the
 * newest window whose buckets are all closed (see {@link MonitorSnapshot#closedBefore()}) and
 * evaluates it once.
 *
 * <p>Evaluations are serialised ({@code synchronized}); ingestion continues meanwhile. The listener
 * is called on the evaluating thread.
 *
 * @param <R> the metric of a window
 */
public final class ChangeDetector<R> {

  /** What happened to one key at one evaluation. */
  public enum Status {
    /** Fewer than {@code minimumN} responses in the window or the baseline: not tested. */
    TOO_FEW,
    /** Tested, not significant. */
    NOT_SIGNIFICANT,
    /** Significant and armed: an alert was raised. */
    ALERTED,
    /** Significant, but an alert for this change was raised before and the key is not re-armed. */
    SUPPRESSED
  }

  /**
   * One key at one evaluation.
   *
   * @param key the key
   * @param before the baseline's estimate
   * @param after the window's estimate
   * @param difference {@code after - before}, or {@code null} if not tested
   * @param pValue the p-value, or NaN if not tested
   * @param adjusted the adjusted value across the keys tested, or NaN if not tested
   * @param status what happened
   */
  public record KeyResult(
      String key,
      WindowEstimate before,
      WindowEstimate after,
      Difference difference,
      double pValue,
      double adjusted,
      Status status) {

    /** Returns whether the key was significant (alerted or suppressed). */
    public boolean isSignificant() {
      return status == Status.ALERTED || status == Status.SUPPRESSED;
    }
  }

  /**
   * One evaluation: the window, each key's result and the alerts raised.
   *
   * @param windowStart first bucket of the window
   * @param windowEnd first bucket after the window
   * @param keys one result per key of the snapshot, in key order
   * @param alerts the alerts raised (also sent to the listener)
   */
  public record Evaluation(
      long windowStart, long windowEnd, List<KeyResult> keys, List<ChangeAlert> alerts) {

    /** Copies the lists. */
    public Evaluation {
      keys = List.copyOf(keys);
      alerts = List.copyOf(alerts);
    }

    /** Returns the number of keys tested (not {@link Status#TOO_FEW}). */
    public int tested() {
      return (int) keys.stream().filter(k -> k.status() != Status.TOO_FEW).count();
    }

    /** Returns whether any key was significant. */
    public boolean anySignificant() {
      return keys.stream().anyMatch(KeyResult::isSignificant);
    }
  }

  private final ScoreMonitor<R> monitor;
  private final ChangeTest<R> test;
  private final Baseline baseline;
  private final MultipleTesting.Method method;
  private final double q;
  private final double level;
  private final long minimumN;
  private final int rearmAfter;
  private final Consumer<ChangeAlert> listener;
  // Per key: -1 while armed, else the number of consecutive quiet evaluations since the alert.
  private final Map<String, Integer> disarmed = new HashMap<>();
  private long lastEnd = Long.MIN_VALUE;

  private ChangeDetector(Builder<R> b) {
    this.monitor = b.monitor;
    this.test = b.test;
    this.baseline = b.baseline;
    this.method = b.method;
    this.q = b.q;
    this.level = b.level;
    this.minimumN = b.minimumN;
    this.rearmAfter = b.rearmAfter;
    this.listener = b.listener;
  }

  /** Returns a builder for a detector on {@code monitor} testing by {@code test}. */
  public static <R> Builder<R> builder(ScoreMonitor<R> monitor, ChangeTest<R> test) {
    return new Builder<>(monitor, test);
  }

  /**
   * Evaluates the newest window of the monitor whose buckets are all closed, unless it was
   * evaluated already.
   *
   * @return the evaluation, or empty if there is no new closed window
   */
  public synchronized Optional<Evaluation> evaluate() {
    MonitorSnapshot<R> s = monitor.snapshot();
    long end = s.closedBefore();
    if (end == Long.MIN_VALUE) {
      return Optional.empty();
    }
    int n = monitor.config().windowBuckets();
    if (monitor.config().windowKind() == WindowKind.TUMBLING) {
      end = Math.floorDiv(end, n) * n;
    }
    if (end <= lastEnd) {
      return Optional.empty();
    }
    return Optional.of(evaluate(s, end));
  }

  /**
   * Evaluates the window {@code [end - N, end)} of {@code snapshot} (of this detector's monitor, or
   * merged from several instances) against the baseline, raising alerts for armed significant keys.
   *
   * @throws IllegalArgumentException if windows tumble and {@code end} is not a multiple of N
   */
  public synchronized Evaluation evaluate(MonitorSnapshot<R> snapshot, long end) {
    int n = monitor.config().windowBuckets();
    if (monitor.config().windowKind() == WindowKind.TUMBLING && Math.floorMod(end, n) != 0) {
      throw new IllegalArgumentException(
          "tumbling windows of " + n + " buckets end at multiples of " + n + ", got " + end);
    }
    lastEnd = Math.max(lastEnd, end);
    long start = end - n;
    BucketSize size = monitor.config().bucketSize();
    long[] base = baseline.range(start, end, size);
    List<String> keys = new ArrayList<>(snapshot.keys());
    int k = keys.size();
    WindowEstimate[] before = new WindowEstimate[k];
    WindowEstimate[] after = new WindowEstimate[k];
    Difference[] diffs = new Difference[k];
    List<Double> ps = new ArrayList<>();
    int[] testedIndex = new int[k];
    for (int i = 0; i < k; i++) {
      R b = snapshot.result(keys.get(i), base[0], base[1]);
      R a = snapshot.result(keys.get(i), start, end);
      before[i] = test.estimate(b);
      after[i] = test.estimate(a);
      testedIndex[i] = -1;
      if (before[i].n() >= minimumN && after[i].n() >= minimumN) {
        diffs[i] = test.difference(a, b, level);
        testedIndex[i] = ps.size();
        ps.add(diffs[i].pValue());
      }
    }
    double[] adjusted =
        MultipleTesting.adjust(method, ps.stream().mapToDouble(Double::doubleValue).toArray());
    List<KeyResult> results = new ArrayList<>(k);
    List<ChangeAlert> alerts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String key = keys.get(i);
      if (testedIndex[i] < 0) {
        results.add(
            new KeyResult(key, before[i], after[i], null, Double.NaN, Double.NaN, Status.TOO_FEW));
        continue;
      }
      double p = diffs[i].pValue();
      double adj = adjusted[testedIndex[i]];
      Integer quiet = disarmed.get(key);
      Status status;
      if (adj <= q) {
        if (quiet == null) {
          status = Status.ALERTED;
          disarmed.put(key, 0);
          double effect =
              diffs[i].statistic() * Math.sqrt(1.0 / after[i].n() + 1.0 / before[i].n());
          alerts.add(
              new ChangeAlert(
                  key,
                  test.metric(),
                  size.start(start),
                  size.start(end),
                  size.start(base[0]),
                  size.start(base[1]),
                  before[i],
                  after[i],
                  diffs[i],
                  effect,
                  p,
                  adj,
                  method));
        } else {
          status = Status.SUPPRESSED;
          disarmed.put(key, 0);
        }
      } else {
        status = Status.NOT_SIGNIFICANT;
        if (quiet != null) {
          if (quiet + 1 >= rearmAfter) {
            disarmed.remove(key);
          } else {
            disarmed.put(key, quiet + 1);
          }
        }
      }
      results.add(new KeyResult(key, before[i], after[i], diffs[i], p, adj, status));
    }
    for (ChangeAlert a : alerts) {
      listener.accept(a);
    }
    return new Evaluation(start, end, results, alerts);
  }

  /** Returns whether {@code key} is armed: it would raise an alert if significant now. */
  public synchronized boolean isArmed(String key) {
    return !disarmed.containsKey(key);
  }

  /**
   * Configures a {@link ChangeDetector}.
   *
   * @param <R> the metric of a window
   */
  public static final class Builder<R> {
    private final ScoreMonitor<R> monitor;
    private final ChangeTest<R> test;
    private Baseline baseline = Baseline.previousWindow();
    private MultipleTesting.Method method = MultipleTesting.Method.BENJAMINI_HOCHBERG;
    private double q = 0.05;
    private double level = 0.95;
    private long minimumN = 30;
    private int rearmAfter = 3;
    private Consumer<ChangeAlert> listener = a -> {};

    private Builder(ScoreMonitor<R> monitor, ChangeTest<R> test) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
      this.test = Objects.requireNonNull(test, "test");
    }

    /** Sets the baseline; {@link Baseline#previousWindow()} by default. */
    public Builder<R> baseline(Baseline baseline) {
      this.baseline = Objects.requireNonNull(baseline, "baseline");
      return this;
    }

    /**
     * Sets the multiple-testing procedure and its level: the false discovery rate for
     * Benjamini-Hochberg, the family-wise error rate for Holm. Benjamini-Hochberg at 0.05 by
     * default.
     *
     * @throws IllegalArgumentException if {@code q} is outside (0, 1)
     */
    public Builder<R> multipleTesting(MultipleTesting.Method method, double q) {
      if (!(q > 0 && q < 1)) {
        throw new IllegalArgumentException("q must be in (0, 1), got " + q);
      }
      this.method = Objects.requireNonNull(method, "method");
      this.q = q;
      return this;
    }

    /**
     * Sets the level of the difference intervals in alerts; 0.95 by default.
     *
     * @throws IllegalArgumentException if {@code level} is outside (0, 1)
     */
    public Builder<R> intervalLevel(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1), got " + level);
      }
      this.level = level;
      return this;
    }

    /**
     * Sets the fewest responses the window and the baseline each need for a key to be tested; 30 by
     * default.
     *
     * @throws IllegalArgumentException if {@code minimumN < 2}
     */
    public Builder<R> minimumN(long minimumN) {
      if (minimumN < 2) {
        throw new IllegalArgumentException("minimumN must be at least 2, got " + minimumN);
      }
      this.minimumN = minimumN;
      return this;
    }

    /**
     * Sets how many consecutive tested, non-significant evaluations re-arm a key after an alert; 3
     * by default.
     *
     * @throws IllegalArgumentException if {@code evaluations < 1}
     */
    public Builder<R> rearmAfter(int evaluations) {
      if (evaluations < 1) {
        throw new IllegalArgumentException("rearmAfter must be at least 1, got " + evaluations);
      }
      this.rearmAfter = evaluations;
      return this;
    }

    /** Sets the listener that receives alerts; none by default. */
    public Builder<R> listener(Consumer<ChangeAlert> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Returns the detector. */
    public ChangeDetector<R> build() {
      return new ChangeDetector<>(this);
    }
  }
}
