package org.cx4j.metrics.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Behavioural segments on data whose answer is known: a seeded mixture of four Gaussian clusters in
 * five dimensions (centres at least 6 sd apart) is recovered (k = 4, adjusted Rand index at least
 * 0.9 against the true labels); the silhouette equals a naive evaluation of its definition; the
 * standardised differences match a hand calculation.
 */
class BehaviouralSegmentationTest {

  private static final List<String> FIVE = List.of("f1", "f2", "f3", "f4", "f5");

  /** Four clusters of 250 in 5 dimensions, sd 1, centres on the axes 8 apart (>= 6 sd). */
  private static double[][] mixture(int[] truth, long seed) {
    Random r = new Random(seed);
    double[][] centres = {{0, 0, 0, 0, 0}, {8, 0, 0, 0, 0}, {0, 8, 0, 0, 0}, {0, 0, 8, 0, 0}};
    double[][] rows = new double[truth.length][5];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = i % 4;
      for (int f = 0; f < 5; f++) {
        rows[i][f] = centres[truth[i]][f] + r.nextGaussian();
      }
    }
    return rows;
  }

  /** Adjusted Rand index (Hubert and Arabie 1985) from the contingency table, written plainly. */
  static double adjustedRand(int[] a, int[] b) {
    int n = a.length;
    int ka = 0;
    int kb = 0;
    for (int i = 0; i < n; i++) {
      ka = Math.max(ka, a[i] + 1);
      kb = Math.max(kb, b[i] + 1);
    }
    long[][] t = new long[ka][kb];
    long[] rows = new long[ka];
    long[] cols = new long[kb];
    for (int i = 0; i < n; i++) {
      t[a[i]][b[i]]++;
      rows[a[i]]++;
      cols[b[i]]++;
    }
    double index = 0;
    for (long[] row : t) {
      for (long c : row) {
        index += c * (c - 1) / 2.0;
      }
    }
    double sa = 0;
    for (long c : rows) {
      sa += c * (c - 1) / 2.0;
    }
    double sb = 0;
    for (long c : cols) {
      sb += c * (c - 1) / 2.0;
    }
    double pairs = n * (n - 1) / 2.0;
    double expected = sa * sb / pairs;
    return (index - expected) / ((sa + sb) / 2 - expected);
  }

  @Test
  void recoversAKnownMixture() {
    int[] truth = new int[1000];
    double[][] rows = mixture(truth, 2024);
    Segments s = BehaviouralSegmentation.builder().kRange(2, 7).seed(7).build().fit(FIVE, rows);
    assertEquals(4, s.k(), s.toString());
    double ari = adjustedRand(truth, s.segments());
    assertTrue(ari >= 0.9, "adjusted Rand index " + ari);
    // every k from 2 to 7 was tried; the sum of squares falls as segments are added up to k = 4
    List<Segments.Candidate> c = s.candidates();
    assertEquals(List.of(2, 3, 4, 5, 6, 7), c.stream().map(Segments.Candidate::k).toList());
    assertTrue(
        c.get(0).withinSumOfSquares() > c.get(1).withinSumOfSquares()
            && c.get(1).withinSumOfSquares() > c.get(2).withinSumOfSquares(),
        c.toString());
  }

  @Test
  void deterministicForASeedAndSegmentsNumberedBySize() {
    int[] truth = new int[400];
    double[][] rows = mixture(truth, 5);
    BehaviouralSegmentation seg = BehaviouralSegmentation.builder().kRange(2, 5).seed(11).build();
    Segments a = seg.fit(FIVE, rows);
    Segments b = seg.fit(FIVE, rows);
    assertArrayEquals(a.segments(), b.segments());
    for (int s = 1; s < a.k(); s++) {
      assertTrue(a.size(s - 1) >= a.size(s));
    }
  }

  @Test
  void standardisedDifferencesByHand() {
    // The profile arithmetic on given segments (k-means itself is Hipparchus'): units (x, y)
    // (0, 1), (0, 2), (0, 3) in segment 0 and (10, 1), (10, 2), (10, 3) in segment 1.
    // x: mean 5, population sd 5; segment 1 vs the rest: (10 - 0) / 5 = 2; segment 0: -2.
    // y: mean 2, sd sqrt(2/3); both segments have mean y 2: difference 0.
    double[][] rows = {{0, 1}, {0, 2}, {0, 3}, {10, 1}, {10, 2}, {10, 3}};
    Segments s =
        new Segments(
            List.of("x", "y"),
            rows,
            new double[] {5, 2},
            new double[] {5, Math.sqrt(2.0 / 3)},
            new int[] {0, 0, 0, 1, 1, 1},
            2,
            List.of());
    assertEquals(2.0, s.standardisedDifference(1, "x"), 1e-12);
    assertEquals(-2.0, s.standardisedDifference(0, "x"), 1e-12);
    assertEquals(0.0, s.standardisedDifference(1, "y"), 1e-12);
    assertEquals(List.of("x", "y"), s.distinguishingFeatures(1));
    assertArrayEquals(new double[] {10, 2}, s.centre(1), 1e-12);
    assertEquals(3, s.size(0));
    assertThrows(IllegalArgumentException.class, () -> s.standardisedDifference(0, "z"));
  }

  @Test
  void badInputIsNamed() {
    BehaviouralSegmentation seg = BehaviouralSegmentation.builder().build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> seg.fit(List.of("a", "b"), new double[][] {{1, 2}, {1, 3}, {1, 4}}));
    assertTrue(e.getMessage().contains("'a' is the same for every unit"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> seg.fit(List.of("a"), new double[][] {{1}, {Double.NaN}, {3}}));
    assertTrue(e.getMessage().contains("unit 1: feature 'a'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> seg.fit(List.of("a"), new double[][] {{1}, {2}}));
    assertThrows(
        IllegalArgumentException.class, () -> BehaviouralSegmentation.builder().kRange(1, 3));
  }

  /** The silhouette's definition, evaluated literally on every unit. */
  private static double naiveSilhouette(double[][] z, int[] labels) {
    double total = 0;
    for (int i = 0; i < z.length; i++) {
      int own = labels[i];
      double a = 0;
      int na = 0;
      double b = Double.POSITIVE_INFINITY;
      for (int s = 0; s <= 9; s++) {
        double sum = 0;
        int cnt = 0;
        for (int j = 0; j < z.length; j++) {
          if (j != i && labels[j] == s) {
            double d2 = 0;
            for (int f = 0; f < z[i].length; f++) {
              d2 += (z[i][f] - z[j][f]) * (z[i][f] - z[j][f]);
            }
            sum += Math.sqrt(d2);
            cnt++;
          }
        }
        if (s == own) {
          a = sum;
          na = cnt;
        } else if (cnt > 0) {
          b = Math.min(b, sum / cnt);
        }
      }
      if (na == 0 || b == Double.POSITIVE_INFINITY) {
        continue;
      }
      a /= na;
      total += (b - a) / Math.max(a, b);
    }
    return total / z.length;
  }

  @Property(tries = 300, seed = "42")
  void silhouetteIsItsDefinition(
      @ForAll @IntRange(min = 3, max = 25) int n,
      @ForAll @IntRange(min = 2, max = 4) int k,
      @ForAll long seed) {
    Random r = new Random(seed);
    double[][] z = new double[n][2];
    int[] labels = new int[n];
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      z[i][0] = r.nextGaussian();
      z[i][1] = r.nextGaussian();
      labels[i] = r.nextInt(k);
      all[i] = i;
    }
    assertEquals(
        naiveSilhouette(z, labels), BehaviouralSegmentation.silhouette(z, labels, k, all), 1e-12);
  }
}
