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
 * The aggregation buffer of a {@link ScoreAggregator}: a cx-metrics {@link ScoreAccumulator}
 * (one {@code long} count per point of the scale) and the number of rejected (null) rows.
 *
 * <p>Spark keeps the buffer as an object while it aggregates a partition and serializes it only
 * to ship a partial aggregate: it is then written as its compact state, the scale and the
 * histogram of counts ({@link ScoreDistribution#counts()}), with the weight and squared-weight
 * sums per point when weighted ({@link WeightedScoreAggregator}), and read back into a fresh
 * accumulator ({@link ScoreAccumulator#addAll(ScoreDistribution)}), so a partial costs {@code 8 *
 * points} bytes (24 when weighted) plus a small header. The weighted sums travel without their
 * compensation terms, so a weighted result agrees with the single-machine one to rounding (about
 * 1e-15 relative), not bit for bit. Merging is {@link ScoreAccumulator#merge}: exact for counts,
 * associative and commutative.
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
    ScoreDistribution d = accumulator.distribution();
    for (long c : d.counts()) {
      out.writeLong(c);
    }
    out.writeBoolean(d.isWeighted());
    if (d.isWeighted()) {
      for (int score = s.min(); score <= s.max(); score++) {
        out.writeDouble(d.weight(score));
        out.writeDouble(d.weightSquares(score));
      }
    }
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    Scale s = Scale.of(in.readInt(), in.readInt());
    rejected = in.readLong();
    long[] counts = new long[s.points()];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = in.readLong();
    }
    accumulator = ScoreDistribution.accumulator(s);
    if (in.readBoolean()) {
      double[] weights = new double[counts.length];
      double[] squares = new double[counts.length];
      for (int k = 0; k < counts.length; k++) {
        weights[k] = in.readDouble();
        squares[k] = in.readDouble();
      }
      accumulator.addAll(ScoreDistribution.ofWeights(s, counts, weights, squares));
    } else {
      accumulator.addAll(ScoreDistribution.ofCounts(s, counts));
    }
  }

  @Override
  public String toString() {
    return "ScoreBuffer[" + accumulator.distribution() + ", rejected=" + rejected + "]";
  }
}
