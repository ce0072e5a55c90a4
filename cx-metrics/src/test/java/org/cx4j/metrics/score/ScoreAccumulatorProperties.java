package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.feedback.Scale;
import org.junit.jupiter.api.Test;

/** Algebra of the score accumulators: merge is exact, associative, commutative, equals batch. */
class ScoreAccumulatorProperties {

  private static final Scale NPS = Scale.of(0, 10);

  /** A weighted sample: scores on 0..10 with weights in [0, 1e6]. */
  record Weighted(int[] scores, double[] weights) {}

  @Provide
  Arbitrary<int[]> npsScores() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Weighted> weighted() {
    return Arbitraries.integers()
        .between(0, 200)
        .flatMap(
            n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, 10).array(int[].class).ofSize(n),
                        Arbitraries.doubles().between(0, 1e6).array(double[].class).ofSize(n))
                    .as(Weighted::new));
  }

  private static ScoreAccumulator<ScoreDistribution> unweighted(int[] s, int from, int to) {
    ScoreAccumulator<ScoreDistribution> acc = ScoreDistribution.accumulator(NPS);
    for (int i = from; i < to; i++) {
      acc.add(s[i]);
    }
    return acc;
  }

  private static ScoreAccumulator<ScoreDistribution> weighted(Weighted w, int from, int to) {
    ScoreAccumulator<ScoreDistribution> acc = ScoreDistribution.accumulator(NPS);
    for (int i = from; i < to; i++) {
      acc.addWeighted(w.scores()[i], w.weights()[i]);
    }
    return acc;
  }

  @Property(tries = 300, seed = "42")
  void mergeOfCountsIsExactAssociativeCommutativeAndBatch(
      @ForAll("npsScores") int[] s,
      @ForAll @IntRange(min = 0, max = 300) int a,
      @ForAll @IntRange(min = 0, max = 300) int b) {
    int i = Math.min(a, s.length);
    int j = Math.max(i, Math.min(b, s.length));
    long[] batch = ScoreSamples.histogram(s, 0, 10);
    // (x + y) + z
    ScoreAccumulator<ScoreDistribution> left = unweighted(s, 0, i);
    left.merge(unweighted(s, i, j));
    left.merge(unweighted(s, j, s.length));
    // x + (y + z), in the other order
    ScoreAccumulator<ScoreDistribution> yz = unweighted(s, j, s.length);
    yz.merge(unweighted(s, i, j));
    ScoreAccumulator<ScoreDistribution> right = unweighted(s, 0, i);
    right.merge(yz);
    ScoreAccumulator<ScoreDistribution> commuted = unweighted(s, j, s.length);
    commuted.merge(unweighted(s, 0, i));
    commuted.merge(unweighted(s, i, j));
    assertArrayEquals(batch, left.result().counts());
    assertArrayEquals(batch, right.result().counts());
    assertArrayEquals(batch, commuted.result().counts());
    assertArrayEquals(batch, ScoreDistribution.of(NPS, s).counts());
    ScoreAccumulator<ScoreDistribution> all = ScoreDistribution.accumulator(NPS);
    all.addAll(s);
    assertEquals(left.result(), all.result());
  }

  @Property(tries = 300, seed = "42")
  void weightedMergeEqualsBatchToTwelveDigits(
      @ForAll("weighted") Weighted w,
      @ForAll @IntRange(min = 0, max = 200) int a,
      @ForAll @IntRange(min = 0, max = 200) int b) {
    int n = w.scores().length;
    int i = Math.min(a, n);
    int j = Math.max(i, Math.min(b, n));
    ScoreDistribution batch = weighted(w, 0, n).result();
    ScoreAccumulator<ScoreDistribution> left = weighted(w, 0, i);
    left.merge(weighted(w, i, j));
    left.merge(weighted(w, j, n));
    ScoreAccumulator<ScoreDistribution> yz = weighted(w, j, n);
    yz.merge(weighted(w, i, j));
    ScoreAccumulator<ScoreDistribution> right = weighted(w, 0, i);
    right.merge(yz);
    // Oracle: exact sums of the weights per score in BigDecimal.
    java.math.BigDecimal[] exact = new java.math.BigDecimal[11];
    Arrays.fill(exact, java.math.BigDecimal.ZERO);
    for (int k = 0; k < n; k++) {
      exact[w.scores()[k]] = exact[w.scores()[k]].add(new java.math.BigDecimal(w.weights()[k]));
    }
    for (ScoreDistribution d : List.of(batch, left.result(), right.result())) {
      assertArrayEquals(ScoreSamples.histogram(w.scores(), 0, 10), d.counts());
      for (int s = 0; s <= 10; s++) {
        double e = exact[s].doubleValue();
        assertEquals(e, d.weight(s), 1e-12 * Math.abs(e));
        assertEquals(batch.weightSquares(s), d.weightSquares(s), 1e-12 * batch.weightSquares(s));
      }
    }
  }

  @Property(tries = 200, seed = "42")
  void permutingInputChangesNothing(@ForAll("weighted") Weighted w, @ForAll long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < w.scores().length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new java.util.Random(seed));
    ScoreAccumulator<ScoreDistribution> shuffled = ScoreDistribution.accumulator(NPS);
    for (int i : order) {
      shuffled.addWeighted(w.scores()[i], w.weights()[i]);
    }
    ScoreDistribution d = weighted(w, 0, w.scores().length).result();
    assertArrayEquals(d.counts(), shuffled.result().counts());
    for (int s = 0; s <= 10; s++) {
      assertEquals(d.weight(s), shuffled.result().weight(s), 1e-12 * d.weight(s));
    }
  }

  @Property(tries = 300, seed = "42")
  void byteHistogramEqualsOracle(
      @ForAll("anyScale") Scale scale,
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    int[] ints = new int[n];
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      ints[i] = scale.min() + r.nextInt(scale.points());
      bytes[i] = (byte) ints[i];
    }
    long[] oracle = ScoreSamples.histogram(ints, scale.min(), scale.max());
    assertArrayEquals(oracle, ScoreDistribution.of(scale, ints).counts());
    assertArrayEquals(oracle, ScoreDistribution.of(scale, bytes).counts());
    if (n > 0) {
      // One invalid value at a random position is found and named, in both paths.
      int at = r.nextInt(n);
      int bad = r.nextBoolean() ? scale.max() + 1 : scale.min() - 1;
      if (bad >= Byte.MIN_VALUE && bad <= Byte.MAX_VALUE) {
        bytes[at] = (byte) bad;
        ints[at] = bad;
        String msg = "score " + bad + " at index " + at + " is outside the scale " + scale;
        assertEquals(msg, assertThrowsIae(() -> ScoreDistribution.of(scale, ints)));
        assertEquals(msg, assertThrowsIae(() -> ScoreDistribution.of(scale, bytes)));
      }
    }
  }

  private static String assertThrowsIae(Runnable r) {
    return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run)
        .getMessage();
  }

  @Provide
  Arbitrary<Scale> anyScale() {
    return Arbitraries.of(
        Scale.of(0, 10),
        Scale.of(1, 5),
        Scale.of(1, 7),
        Scale.of(1, 10),
        Scale.of(0, 100),
        Scale.of(-3, 3),
        Scale.of(0, 1),
        Scale.of(20, 30));
  }

  @Test
  void concurrentAccumulatorUnderManyWritersGivesExactBatchCounts() throws Exception {
    int threads = 4;
    int perThread = 250_000; // a million adds in all
    ConcurrentScoreAccumulator<ScoreDistribution> acc =
        ScoreDistribution.concurrentAccumulator(NPS);
    int[][] data = new int[threads][perThread];
    long[] expected = new long[11];
    double expectedWeight = 0;
    java.util.Random r = new java.util.Random(42);
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        data[t][i] = r.nextInt(11);
        expected[data[t][i]]++;
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int[] mine = data[t];
      fs.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < mine.length; i++) {
                  if (i % 10 == 0) {
                    acc.addWeighted(
                        mine[i], 0.5); // every tenth add is weighted, through the striped path
                  } else {
                    acc.add(mine[i]);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    ScoreDistribution d = acc.result();
    assertArrayEquals(expected, d.counts());
    assertEquals(1_000_000, d.n());
    // 100,000 weighted adds of 0.5 and 900,000 unit adds
    expectedWeight = 900_000 + 100_000 * 0.5;
    assertEquals(expectedWeight, d.totalWeight(), 1e-6);
    assertTrue(d.isWeighted());
  }

  @Property(tries = 200, seed = "42")
  void concurrentAccumulatorEqualsBatchAndMergesBothWays(
      @ForAll("weighted") Weighted w, @ForAll("npsScores") int[] unweighted) {
    ConcurrentScoreAccumulator<ScoreDistribution> c = ScoreDistribution.concurrentAccumulator(NPS);
    ScoreAccumulator<ScoreDistribution> batch = weighted(w, 0, w.scores().length);
    for (int i = 0; i < w.scores().length; i++) {
      c.addWeighted(w.scores()[i], w.weights()[i]);
    }
    for (int s : unweighted) {
      c.add(s);
      batch.add(s);
    }
    ScoreDistribution d = c.result();
    ScoreDistribution b = batch.result();
    assertArrayEquals(b.counts(), d.counts());
    for (int s = 0; s <= 10; s++) {
      assertEquals(b.weight(s), d.weight(s), 1e-12 * b.weight(s));
    }
    // merging a single-threaded accumulator into a concurrent one, and a concurrent into another
    ConcurrentScoreAccumulator<ScoreDistribution> other =
        ScoreDistribution.concurrentAccumulator(NPS);
    other.merge(batch);
    other.merge(c);
    assertEquals(2 * b.n(), other.result().n());
  }

  @Test
  void snapshotIsIsolatedFromLaterAdds() {
    ScoreAccumulator<ScoreDistribution> acc = ScoreDistribution.accumulator(NPS);
    acc.add(3);
    ScoreDistribution d = acc.result();
    acc.add(4);
    assertEquals(1, d.n());
    assertEquals(2, acc.result().n());
  }
}
