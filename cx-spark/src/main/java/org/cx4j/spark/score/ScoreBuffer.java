package org.cx4j.spark.score;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;

/**
 * The aggregation buffer of a {@link ScoreAggregator}: a cx-metrics {@link ScoreAccumulator} (one
 * {@code long} count per point of the scale) and the number of rejected (null) rows.
 *
 * <p>Spark keeps the buffer as an object while it aggregates a partition and serializes it only to
 * ship a partial aggregate: it is then written as the scale, the rejected count and the
 * accumulator's state in cx-metrics' versioned binary format ({@link ScoreAccumulator#writeTo}:
 * {@code 8 * points} bytes of counts, {@code 40 * points} more when weighted, plus a small header),
 * and read back with {@link ScoreAccumulator#mergeFrom}. The weighted sums travel with their
 * compensation terms, so a partial merges exactly as the accumulator would. Merging is {@link
 * ScoreAccumulator#merge}: exact for counts, associative and commutative.
 *
 * <p>Not thread-safe: Spark uses one buffer per task and group.
 */
public final class ScoreBuffer implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private transient ScoreAccumulator<ScoreDistribution> accumulator;
  private transient long rejected;

  /**
   * Returns an empty buffer on {@code scale}.
   *
   * @throws NullPointerException if {@code scale} is null
   */
  public ScoreBuffer(Scale scale) {
    this.accumulator = ScoreDistribution.accumulator(scale);
  }

  /** Returns the scale. */
  public Scale scale() {
    return accumulator.scale();
  }

  /**
   * Adds one score.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale, naming it
   */
  public void add(int score) {
    accumulator.add(score);
  }

  /**
   * Adds one score with its sampling weight ({@link ScoreAccumulator#addWeighted(int, double)}).
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale or {@code weight} is
   *     NaN, infinite or negative, naming it
   */
  public void add(int score, double weight) {
    accumulator.addWeighted(score, weight);
  }

  /** Counts one rejected (null) row. */
  public void reject() {
    rejected++;
  }

  /**
   * Adds everything {@code other} holds ({@link ScoreAccumulator#merge} and the rejected counts);
   * {@code other} is unchanged.
   *
   * @return this buffer
   * @throws IllegalArgumentException if the scales differ
   */
  public ScoreBuffer merge(ScoreBuffer other) {
    accumulator.merge(other.accumulator);
    rejected += other.rejected;
    return this;
  }

  /** Returns the distribution of the scores added so far (a snapshot). */
  public ScoreDistribution distribution() {
    return accumulator.distribution();
  }

  /** Returns the number of scores added (rejected rows excluded). */
  public long n() {
    return accumulator.n();
  }

  /** Returns the number of rejected (null) rows. */
  public long rejected() {
    return rejected;
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    Scale s = accumulator.scale();
    out.writeInt(s.min());
    out.writeInt(s.max());
    out.writeLong(rejected);
    // cx-metrics' versioned partial-state format (ScoreAccumulator.writeTo).
    accumulator.writeTo(out);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    Scale s = Scale.of(in.readInt(), in.readInt());
    rejected = in.readLong();
    accumulator = ScoreDistribution.accumulator(s).mergeFrom(in);
  }

  @Override
  public String toString() {
    return "ScoreBuffer[" + accumulator.distribution() + ", rejected=" + rejected + "]";
  }
}
