package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

/**
 * The versioned binary state of {@link ScoreAccumulator} ({@code writeTo} / {@code mergeFrom}), in
 * the style of DataSketches' SerDe tests: round trips byte for byte, merging a written state equals
 * merging the accumulator, and the committed version-1 fixture still decodes.
 */
class ScoreAccumulatorSerDeTest {

  private static final Scale NPS = Scale.of(0, 10);

  /**
   * The version-1 fixture, {@code score-state-v1.bin} in test resources, written byte by byte from
   * the format documented on {@code writeTo} (not by the code): scale 0..10; scores 0, 9, 9
   * unweighted; score 10 with weight 2 (exponent 1, stored sum 1.0, squares 1.0); missing code 99
   * once.
   */
  private static ScoreAccumulator<NetPromoterScore> fixtureAccumulator() {
    return NetPromoterScore.accumulator()
        .missingCodes(99)
        .add(0)
        .add(9)
        .add(9)
        .addWeighted(10, 2.0)
        .add(99);
  }

  private static byte[] bytes(ScoreAccumulator<?> acc) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    acc.writeTo(new DataOutputStream(b));
    return b.toByteArray();
  }

  private static DataInputStream in(byte[] b) {
    return new DataInputStream(new ByteArrayInputStream(b));
  }

  private static byte[] fixture() throws IOException {
    try (InputStream s =
        ScoreAccumulatorSerDeTest.class.getResourceAsStream("score-state-v1.bin")) {
      return s.readAllBytes();
    }
  }

  @Test
  void version1FixtureDecodes() throws IOException {
    NetPromoterScore r = NetPromoterScore.accumulator().mergeFrom(in(fixture())).result();
    // By hand: n 4 (0, 9, 9, 10), promoters 9, 9, 10, detractor 0; weights 1, 1, 1, 2, so
    // NPS = 100 (w_P - w_D) / w = 100 (4 - 1) / 5 = 60; one missing answer (code 99).
    assertEquals(4, r.n());
    assertEquals(3, r.promoters());
    assertEquals(1, r.detractors());
    assertEquals(60, r.score(), 1e-12);
    assertEquals(5, r.distribution().totalWeight(), 1e-12);
    assertEquals(1, r.distribution().missingCount());
  }

  @Test
  void theSameAccumulatorStillWritesTheFixture() throws IOException {
    byte[] f = fixture();
    assertEquals(559, f.length); // 102 + 445 weighted + 12 for one missing code
    assertEquals(ScoreAccumulator.FORMAT_VERSION, f[0]);
    assertArrayEquals(f, bytes(fixtureAccumulator()));
  }

  @Provide
  Arbitrary<int[]> scores() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMaxSize(40);
  }

  @Provide
  Arbitrary<double[]> weights() {
    return Arbitraries.doubles().between(0, 1e6).array(double[].class).ofMaxSize(40);
  }

  private static ScoreAccumulator<ScoreDistribution> build(int[] scores, double[] weights) {
    ScoreAccumulator<ScoreDistribution> acc =
        ScoreDistribution.accumulator(NPS).missingCodes(99, -1);
    for (int s : scores) {
      acc.add(s % 3 == 2 ? 99 : s);
    }
    for (int i = 0; i < weights.length; i++) {
      acc.addWeighted(i % 11, weights[i]);
    }
    return acc;
  }

  @Property(tries = 500, seed = "42")
  void roundTripsByteForByte(@ForAll("scores") int[] s, @ForAll("weights") double[] w)
      throws IOException {
    ScoreAccumulator<ScoreDistribution> a = build(s, w);
    byte[] first = bytes(a);
    ScoreAccumulator<ScoreDistribution> back =
        ScoreDistribution.accumulator(NPS).mergeFrom(in(first));
    assertEquals(a.distribution(), back.distribution());
    assertArrayEquals(first, bytes(back));
  }

  @Property(tries = 300, seed = "42")
  void mergingAWrittenStateEqualsMerge(
      @ForAll("scores") int[] s1,
      @ForAll("weights") double[] w1,
      @ForAll("scores") int[] s2,
      @ForAll("weights") double[] w2)
      throws IOException {
    ScoreAccumulator<ScoreDistribution> viaMerge = build(s1, w1).merge(build(s2, w2));
    ScoreAccumulator<ScoreDistribution> viaBytes =
        build(s1, w1).mergeFrom(in(bytes(build(s2, w2))));
    assertEquals(viaMerge.distribution(), viaBytes.distribution());
  }

  @Test
  void aTruncatedStateChangesNothing() throws IOException {
    byte[] f = fixture();
    ScoreAccumulator<NetPromoterScore> acc = NetPromoterScore.accumulator().add(5);
    byte[] before = bytes(acc);
    assertThrows(EOFException.class, () -> acc.mergeFrom(in(Arrays.copyOf(f, f.length - 1))));
    assertArrayEquals(before, bytes(acc));
  }

  @Test
  void anUnknownVersionOrScaleIsNamed() throws IOException {
    byte[] f = fixture();
    f[0] = 7;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NetPromoterScore.accumulator().mergeFrom(in(f)));
    assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    IllegalArgumentException s =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScoreDistribution.accumulator(Scale.of(1, 5)).mergeFrom(in(fixture())));
    assertTrue(s.getMessage().contains("1..5") || s.getMessage().contains("0..10"), s.getMessage());
    byte[] negative = fixture();
    negative[9 + 7] = -1; // low byte of the count of score 0: the long becomes 0x..FF, still >= 0
    negative[9] = (byte) 0x80; // high byte: now negative
    IllegalArgumentException c =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetPromoterScore.accumulator().mergeFrom(in(negative)));
    assertTrue(c.getMessage().contains("count of score 0"), c.getMessage());
  }
}
