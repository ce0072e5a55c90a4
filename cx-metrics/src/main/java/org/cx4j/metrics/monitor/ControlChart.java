package org.cx4j.metrics.monitor;

/**
 * A sequential control chart on one stream of observations (a metric per bucket, standardised by
 * its in-control mean and standard deviation): {@link Cusum} or {@link Ewma}. Not thread-safe: one
 * chart per stream, fed by one thread.
 */
public interface ControlChart {

  /** The outcome of one observation. */
  enum Signal {
    /** In control. */
    NONE,
    /** The statistic crossed the upper limit: the mean went up. */
    UP,
    /** The statistic crossed the lower limit: the mean went down. */
    DOWN
  }

  /**
   * Adds one observation and returns whether the chart signals. After a signal the chart restarts
   * from its initial state, so a persisting shift signals again only after it has accumulated anew.
   *
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   */
  Signal add(double x);

  /** Restarts the chart from its initial state. */
  void reset();

  /** Returns the number of observations since the start or the last signal or reset. */
  long runLength();

  /** Checks an observation. */
  static void checkObservation(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("observation must be finite, got " + x);
    }
  }
}
