package org.cx4j.metrics.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.IntervalMethod;
import org.cx4j.metrics.score.ScoreAccumulator;

class NetPromoterScoreProperties {

  @Provide
  Arbitrary<int[]> npsScores() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMinSize(1).ofMaxSize(200);
  }

  @Property(tries = 500, seed = "42")
  void scoreInRangeAndIntervalsContainTheirCentres(
      @ForAll("npsScores") int[] s, @ForAll @DoubleRange(min = 0.5, max = 0.99) double level) {
    NetPromoterScore r = NetPromoterScore.of(s);
    assertTrue(r.score() >= -100 && r.score() <= 100);
    Interval wald = r.interval(level, IntervalMethod.WALD);
    Interval adj = r.interval(level, IntervalMethod.ADJUSTED_WALD);
    assertTrue(wald.contains(r.score()), wald + " " + r.score());
    assertTrue(adj.contains(r.adjustedScore()), adj + " " + r.adjustedScore());
    assertTrue(
        wald.lower() >= -100 && wald.upper() <= 100 && adj.lower() >= -100 && adj.upper() <= 100);
    // Brute-force oracle for the score.
    int p = 0;
    int d = 0;
    for (int x : s) {
      p += x >= 9 ? 1 : 0;
      d += x <= 6 ? 1 : 0;
    }
    assertEquals(100.0 * (p - d) / s.length, r.score(), 1e-9);
  }

  @Property(tries = 300, seed = "42")
  void weightedScoreInRangeAndWaldContainsIt(@ForAll("npsScores") int[] s, @ForAll long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    double[] w = new double[s.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextDouble() * 10 + 1e-3;
    }
    NetPromoterScore r = NetPromoterScore.of(s, w);
    assertTrue(r.score() >= -100 && r.score() <= 100);
    assertTrue(r.interval(0.95, IntervalMethod.WALD).contains(r.score()));
    assertTrue(r.interval().contains(r.adjustedScore()));
    assertTrue(r.effectiveSampleSize() <= s.length + 1e-9);
  }

  @Property(tries = 200, seed = "42")
  void mergeEqualsBatch(@ForAll("npsScores") int[] s, @ForAll("npsScores") int[] t) {
    ScoreAccumulator<NetPromoterScore> a = NetPromoterScore.accumulator();
    ScoreAccumulator<NetPromoterScore> b = NetPromoterScore.accumulator();
    a.addAll(s);
    b.addAll(t);
    int[] both = new int[s.length + t.length];
    System.arraycopy(s, 0, both, 0, s.length);
    System.arraycopy(t, 0, both, s.length, t.length);
    ScoreAccumulator<NetPromoterScore> ba = NetPromoterScore.accumulator();
    ba.addAll(t);
    ba.merge(a);
    a.merge(b);
    assertEquals(NetPromoterScore.of(both), a.result());
    assertEquals(NetPromoterScore.of(both), ba.result());
  }
}
