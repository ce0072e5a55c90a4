package org.cx4j.spark.score;

import java.io.Serial;
import java.io.Serializable;

/**
 * The aggregation buffer of {@link InstrumentScoreAggregator}: the instrument of the group (set by
 * its first row), its {@link ScoreBuffer} (a cx-metrics accumulator on that instrument's scale),
 * and the rejected rows seen before the instrument was known. Not thread-safe.
 */
public final class InstrumentBuffer implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  String instrument; // null until the first row with an instrument
  ScoreBuffer scores; // null until then
  long rejectedBefore; // rejected rows counted while scores was null

  /** Returns an empty buffer. */
  public InstrumentBuffer() {}

  /** Returns the instrument name of the group, or null while it has no row. */
  public String instrument() {
    return instrument;
  }

  @Override
  public String toString() {
    return "InstrumentBuffer["
        + instrument
        + ", "
        + scores
        + ", rejected before "
        + rejectedBefore
        + "]";
  }
}
