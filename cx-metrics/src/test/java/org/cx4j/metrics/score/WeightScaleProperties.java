package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.metrics.nps.NetPromoterScore;

/**
 * Issue 19: weighted standard errors and Kish's n_eff do not depend on the scale of the weights.
 * The oracle is a naive computation in this class on weights of order 1.
 */
class WeightScaleProperties {

  record Sample(int[] scores, double[] weights) {}

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.integers()
        .between(2, 40)
        .flatMap(
            n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, 10).array(int[].class).ofSize(n),
                        Arbitraries.doubles().between(0.01, 20).array(double[].class).ofSize(n))
                    .as(Sample::new));
  }

  @Provide
  Arbitrary<Double> scales() {
    return Arbitraries.of(1e-200, 1e-150, 1e-30, 1.0, 3.7e40, 1e150, 1e200);
  }

  @Property(tries = 1000, seed = "42")
  void estimatesAreInvariantToTheScaleOfTheWeights(
      @ForAll("samples") Sample s, @ForAll("scales") double scale) {
    int n = s.scores().length;
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = s.weights()[i] * scale;
    }
    NetPromoterScore r = NetPromoterScore.of(s.scores(), scaled);
    // Naive oracle on the unscaled weights.
    double w = 0;
    double w2 = 0;
    double num = 0;
    for (int i = 0; i < n; i++) {
      double wi = s.weights()[i];
      w += wi;
      w2 += wi * wi;
      num += wi * z(s.scores()[i]);
    }
    double theta = num / w;
    double v = 0;
    double topShare = 0;
    for (int i = 0; i < n; i++) {
      double wi = s.weights()[i];
      double d = z(s.scores()[i]) - theta;
      v += wi * wi * d * d;
      topShare += s.scores()[i] == 10 ? wi : 0;
    }
    topShare /= w;
    double vTop = 0;
    for (int i = 0; i < n; i++) {
      double wi = s.weights()[i];
      double d = (s.scores()[i] == 10 ? 1 : 0) - topShare;
      vTop += wi * wi * d * d;
    }
    assertEquals(w * w / w2, r.effectiveSampleSize(), 1e-9 * n);
    assertEquals(100 * theta, r.score(), 1e-9);
    assertEquals(100 * Math.sqrt(v) / w, r.standardError(), 1e-9);
    ShareEstimate top = ShareEstimate.of(r.distribution(), 10, 10, 0.95);
    assertEquals(Math.sqrt(vTop) / w, top.standardError(), 1e-12);
    // Accumulated one by one and merged in two halves, the same.
    ScoreAccumulator<NetPromoterScore> a = NetPromoterScore.accumulator();
    ScoreAccumulator<NetPromoterScore> b = NetPromoterScore.accumulator();
    for (int i = 0; i < n; i++) {
      (i % 2 == 0 ? a : b).addWeighted(s.scores()[i], scaled[i]);
    }
    a.merge(b);
    NetPromoterScore merged = a.result();
    assertEquals(100 * Math.sqrt(v) / w, merged.standardError(), 1e-9);
    assertEquals(w * w / w2, merged.effectiveSampleSize(), 1e-9 * n);
    MeanEstimate mean = MeanEstimate.of(merged.distribution(), 0.95);
    MeanEstimate unscaled =
        MeanEstimate.of(NetPromoterScore.of(s.scores(), s.weights()).distribution(), 0.95);
    assertEquals(unscaled.standardError(), mean.standardError(), 1e-9);
  }

  private static int z(int score) {
    return score >= 9 ? 1 : score >= 7 ? 0 : -1;
  }
}
