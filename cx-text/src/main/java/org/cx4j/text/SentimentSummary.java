package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.stream.Collector;
import org.apache.commons.statistics.distribution.TDistribution;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;

/**
 * The sentiment of a set of comments: how many had no comment, were truncated, were positive,
 * neutral or negative ({@link Polarity}), scored exactly 0, and the mean compound score with its
 * interval. Immutable; built by {@link Accumulator}.
 *
 * <p>With no scored comment ({@code scored() == 0}), {@link #meanCompound()} is NaN and the shares
 * are NaN; {@link #meanInterval(double)} is empty below two scored comments.
 */
public final class SentimentSummary {

  private final long noComment;
  private final long scored;
  private final long truncated;
  private final long positive;
  private final long neutral;
  private final long negative;
  private final long exactZeros;
  private final double mean;
  private final double m2;

  private SentimentSummary(Accumulator a) {
    this.noComment = a.noComment;
    this.scored = a.scored;
    this.truncated = a.truncated;
    this.positive = a.positive;
    this.neutral = a.neutral;
    this.negative = a.negative;
    this.exactZeros = a.exactZeros;
    this.mean = a.mean;
    this.m2 = a.m2;
  }

  /** Returns a new, empty accumulator that scores with {@code analyzer}. */
  public static Accumulator accumulator(SentimentAnalyzer analyzer) {
    return new Accumulator(analyzer);
  }

  /** Returns the summary of {@code comments} scored with {@code analyzer}. */
  public static SentimentSummary of(SentimentAnalyzer analyzer, Iterable<String> comments) {
    Accumulator a = accumulator(analyzer);
    for (String c : comments) {
      a.add(c);
    }
    return a.snapshot();
  }

  /**
   * Returns a collector of comments into a summary; its combiner is {@link
   * Accumulator#addAll(Accumulator)}.
   */
  public static Collector<String, ?, SentimentSummary> collector(SentimentAnalyzer analyzer) {
    requireNonNull(analyzer, "analyzer");
    return Collector.of(
        () -> accumulator(analyzer),
        Accumulator::add,
        (a, b) -> {
          a.addAll(b);
          return a;
        },
        Accumulator::snapshot);
  }

  /** Returns the number of null, empty or whitespace-only comments (not scored, not neutral). */
  public long noComment() {
    return noComment;
  }

  /** Returns the number of comments scored. */
  public long scored() {
    return scored;
  }

  /** Returns the number of scored comments that were truncated to the maximum length. */
  public long truncated() {
    return truncated;
  }

  /** Returns the number of scored comments with {@code compound >= 0.05}. */
  public long positive() {
    return positive;
  }

  /** Returns the number of scored comments with {@code -0.05 < compound < 0.05}. */
  public long neutral() {
    return neutral;
  }

  /** Returns the number of scored comments with {@code compound <= -0.05}. */
  public long negative() {
    return negative;
  }

  /**
   * Returns the number of scored comments with a compound of exactly 0 (no lexicon word): they are
   * negative in a two-class evaluation, which is worth reporting beside its accuracy.
   */
  public long exactZeros() {
    return exactZeros;
  }

  /** Returns {@code positive() / scored()}; NaN when nothing was scored. */
  public double positiveShare() {
    return positive / (double) scored;
  }

  /** Returns {@code negative() / scored()}; NaN when nothing was scored. */
  public double negativeShare() {
    return negative / (double) scored;
  }

  /** Returns {@code exactZeros() / scored()}; NaN when nothing was scored. */
  public double exactZeroShare() {
    return exactZeros / (double) scored;
  }

  /** Returns the mean compound score of the scored comments; NaN when nothing was scored. */
  public double meanCompound() {
    return scored == 0 ? Double.NaN : mean;
  }

  /** Returns the sample standard deviation of the compound scores; NaN below two. */
  public double standardDeviation() {
    return scored < 2 ? Double.NaN : Math.sqrt(m2 / (scored - 1));
  }

  /**
   * Returns the Student-t interval of the mean compound, {@code mean ± t(n-1, (1+level)/2) s /
   * sqrt(n)}, clipped to [-1, 1]; empty below two scored comments.
   *
   * @throws IllegalArgumentException if {@code level} is not in (0, 1)
   */
  public Optional<Interval> meanInterval(double level) {
    checkArgument(level > 0 && level < 1, "level must be in (0, 1), got %s", level);
    if (scored < 2) {
      return Optional.empty();
    }
    double t = TDistribution.of(scored - 1).inverseSurvivalProbability((1 - level) / 2);
    double half = t * standardDeviation() / Math.sqrt(scored);
    return Optional.of(
        new Interval(Math.max(-1, mean - half), Math.min(1, mean + half), level, IntervalMethod.T));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "SentimentSummary[scored %d (%d positive, %d neutral, %d negative, %d exactly 0,"
            + " %d truncated), no comment %d, mean compound %.4f]",
        scored,
        positive,
        neutral,
        negative,
        exactZeros,
        truncated,
        noComment,
        meanCompound());
  }

  /**
   * Mutable builder of a {@link SentimentSummary}. Not thread-safe: give each thread its own and
   * merge them with {@link #addAll(Accumulator)}.
   */
  public static final class Accumulator {
    private final SentimentAnalyzer analyzer;
    private long noComment;
    private long scored;
    private long truncated;
    private long positive;
    private long neutral;
    private long negative;
    private long exactZeros;
    private double mean;
    private double m2;

    private Accumulator(SentimentAnalyzer analyzer) {
      this.analyzer = requireNonNull(analyzer, "analyzer");
    }

    /**
     * Scores {@code comment} and adds it; a null, empty or whitespace-only comment counts as no
     * comment. Returns the score, empty for no comment.
     */
    public Optional<SentimentScore> add(String comment) {
      Optional<SentimentScore> s = analyzer.score(comment);
      if (s.isPresent()) {
        add(s.get());
      } else {
        noComment++;
      }
      return s;
    }

    /** Adds a score already computed. */
    public void add(SentimentScore score) {
      requireNonNull(score, "score");
      double c = score.compound();
      merge(
          0,
          1,
          score.truncated() ? 1 : 0,
          c >= Polarity.THRESHOLD ? 1 : 0,
          c > -Polarity.THRESHOLD && c < Polarity.THRESHOLD ? 1 : 0,
          c <= -Polarity.THRESHOLD ? 1 : 0,
          c == 0 ? 1 : 0,
          c,
          0);
    }

    /** Counts one "no comment" without scoring anything. */
    public void addNoComment() {
      noComment++;
    }

    /** Adds everything {@code other} holds (it is unchanged). */
    public void addAll(Accumulator other) {
      merge(
          other.noComment,
          other.scored,
          other.truncated,
          other.positive,
          other.neutral,
          other.negative,
          other.exactZeros,
          other.mean,
          other.m2);
    }

    // Chan et al. parallel update of mean and sum of squared deviations.
    private void merge(
        long noC,
        long n,
        long trunc,
        long pos,
        long neu,
        long neg,
        long zeros,
        double otherMean,
        double otherM2) {
      noComment += noC;
      truncated += trunc;
      positive += pos;
      neutral += neu;
      negative += neg;
      exactZeros += zeros;
      if (n == 0) {
        return;
      }
      long total = scored + n;
      double delta = otherMean - mean;
      mean += delta * n / total;
      m2 += otherM2 + delta * delta * ((double) scored * n / total);
      scored = total;
    }

    /** Returns the summary so far; later additions do not change it. */
    public SentimentSummary snapshot() {
      return new SentimentSummary(this);
    }
  }
}
