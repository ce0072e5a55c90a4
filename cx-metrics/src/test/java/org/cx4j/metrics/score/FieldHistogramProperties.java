package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.internal.Counting;
import org.junit.jupiter.api.Test;

/**
 * The packed-field {@code int[]} histogram ({@link Counting#histogramFields}) against the
 * brute-force oracle {@link ScoreSamples#histogram}: exact counts for every length around the block
 * ({@value Counting#LANES} scores) and flush (63 blocks) boundaries, and the first invalid score
 * named wherever it sits.
 */
class FieldHistogramProperties {

  private static final int LANES = Counting.LANES;

  /** Scores per flush of the 6-bit fields: 63 blocks. */
  private static final int FLUSH = 63 * LANES;

  @Provide
  Arbitrary<Scale> fieldScale() {
    // Every accumulator count (1, 2, 3), the 16-point limit, negative and non-zero minima.
    return Arbitraries.of(
        Scale.of(0, 1),
        Scale.of(1, 5),
        Scale.of(0, 5),
        Scale.of(1, 6),
        Scale.of(1, 7),
        Scale.of(0, 10),
        Scale.of(1, 10),
        Scale.of(0, 15),
        Scale.of(-3, 3),
        Scale.of(-8, 7),
        Scale.of(85, 100));
  }

  @Provide
  Arbitrary<Integer> badScore() {
    return Arbitraries.of(
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        -1,
        16,
        64,
        1 << 16,
        -(1 << 20),
        0x01041041,
        0x80000000 >>> 1);
  }

  @Property(tries = 300, seed = "42")
  void countsEqualOracleAroundOneBlock(
      @ForAll("fieldScale") Scale scale,
      @ForAll @IntRange(min = 0, max = Counting.LANES + 17) int n,
      @ForAll long seed) {
    int[] s = random(scale, n, new Random(seed));
    long[] oracle = ScoreSamples.histogram(s, scale.min(), scale.max());
    assertArrayEquals(oracle, Counting.histogramFields(s, scale));
    assertArrayEquals(oracle, ScoreDistribution.of(scale, s).counts());
  }

  @Property(tries = 40, seed = "42")
  void countsEqualOracleAcrossFlushes(
      @ForAll("fieldScale") Scale scale,
      @ForAll @IntRange(min = 2 * 63 * Counting.LANES - 300, max = 2 * 63 * Counting.LANES + 300)
          int n,
      @ForAll long seed) {
    int[] s = random(scale, n, new Random(seed));
    long[] oracle = ScoreSamples.histogram(s, scale.min(), scale.max());
    assertArrayEquals(oracle, Counting.histogramFields(s, scale));
    assertArrayEquals(oracle, ScoreDistribution.of(scale, s).counts());
  }

  @Property(tries = 300, seed = "42")
  void anInvalidScoreAnywhereIsNamed(
      @ForAll("fieldScale") Scale scale,
      @ForAll @IntRange(min = 1, max = 3 * Counting.LANES + 17) int n,
      @ForAll("badScore") int offset,
      @ForAll boolean above,
      @ForAll long seed) {
    Random r = new Random(seed);
    int[] s = random(scale, n, r);
    int at = r.nextInt(n);
    // Just outside either end, or far outside (wrapping around int if need be).
    int bad =
        offset == -1 || offset == 16 || offset == 64
            ? (above ? scale.max() + Math.abs(offset) : scale.min() - Math.abs(offset))
            : offset;
    if (scale.contains(bad)) {
      bad = scale.max() + 1;
    }
    s[at] = bad;
    String expected = "score " + bad + " at index " + at + " is outside the scale " + scale;
    int[] scores = s;
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> Counting.histogramFields(scores, scale))
            .getMessage());
  }

  @Test
  void anInvalidScoreAfterManyFlushesIsNamed() {
    Scale nps = Scale.of(0, 10);
    int[] s = random(nps, 3 * FLUSH + 5, new Random(7));
    for (int at :
        new int[] {0, FLUSH - 1, FLUSH, 2 * FLUSH + LANES / 2, 3 * FLUSH - 1, 3 * FLUSH + 4}) {
      int[] copy = s.clone();
      copy[at] = 11;
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Counting.histogramFields(copy, nps));
      assertEquals("score 11 at index " + at + " is outside the scale " + nps, e.getMessage());
    }
  }

  @Test
  void fieldsFullToTheLastFlushDoNotOverflow() {
    // Every score at max: every threshold field of every lane reaches 63 before each flush.
    // All at min: every field stays 0. Oracle: n in the last bin, or n in the first.
    for (Scale scale : new Scale[] {Scale.of(0, 10), Scale.of(1, 5), Scale.of(0, 15)}) {
      int n = 5 * FLUSH + 3;
      int[] s = new int[n];
      java.util.Arrays.fill(s, scale.max());
      long[] expected = new long[scale.points()];
      expected[scale.points() - 1] = n;
      assertArrayEquals(expected, Counting.histogramFields(s, scale));
      java.util.Arrays.fill(s, scale.min());
      expected[scale.points() - 1] = 0;
      expected[0] = n;
      assertArrayEquals(expected, Counting.histogramFields(s, scale));
    }
  }

  @Test
  void scalesAboveSixteenPointsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Counting.histogramFields(new int[0], Scale.of(0, 16)));
    assertEquals("scale must have at most 16 points, got 0..16", e.getMessage());
  }

  private static int[] random(Scale scale, int n, Random r) {
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = scale.min() + r.nextInt(scale.points());
    }
    return s;
  }
}
