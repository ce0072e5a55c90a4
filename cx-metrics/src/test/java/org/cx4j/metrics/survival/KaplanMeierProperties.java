package org.cx4j.metrics.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Algebraic laws of the Kaplan-Meier estimate and the log-rank test. */
class KaplanMeierProperties {

  private static final double TOL = 1e-9;

  /** A sample: integer times 0..30 (many ties), events, weights 1..3, groups 0..2. */
  record Sample(double[] time, boolean[] event, double[] weight, int[] group, long seed) {}

  @Provide
  Arbitrary<Sample> samples() {
    return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.longs())
        .as(
            (n, seed) -> {
              Random r = new Random(seed);
              double[] t = new double[n];
              boolean[] e = new boolean[n];
              double[] w = new double[n];
              int[] g = new int[n];
              for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(31);
                e[i] = r.nextInt(3) > 0;
                w[i] = 1 + r.nextInt(3);
                g[i] = r.nextInt(3);
              }
              return new Sample(t, e, w, g, seed);
            });
  }

  @Property(tries = 300, seed = "42")
  void survivalIsNonIncreasingInUnitIntervalAndBandsContainIt(@ForAll("samples") Sample s) {
    KaplanMeier km = KaplanMeier.fit(s.time(), s.event());
    double previous = 1.0;
    for (int j = 0; j < km.size(); j++) {
      double v = km.survival(j);
      assertTrue(v >= 0 && v <= previous, "S must be in [0, 1] and non-increasing");
      previous = v;
    }
    for (ConfidenceType type : ConfidenceType.values()) {
      SurvivalBand band = km.confidenceBand(type, 0.9);
      for (int j = 0; j < km.size(); j++) {
        if (band.isDefined(j)) {
          double lo = band.lower(j).getAsDouble();
          double hi = band.upper(j).getAsDouble();
          assertTrue(lo >= 0 && hi <= 1, type + " band in [0, 1]");
          assertTrue(
              lo <= km.survival(j) + TOL && km.survival(j) <= hi + TOL, type + " contains S");
        }
      }
      MedianSurvival m = km.median(type, 0.9);
      if (m.estimate().isPresent() && m.lower().isPresent()) {
        assertTrue(m.lower().getAsDouble() <= m.estimate().getAsDouble());
      }
      if (m.estimate().isPresent() && m.upper().isPresent()) {
        assertTrue(m.estimate().getAsDouble() <= m.upper().getAsDouble());
      }
    }
    RestrictedMean rm = km.restrictedMean(20);
    assertTrue(rm.estimate() >= 0 && rm.estimate() <= 20 + TOL);
  }

  @Property(tries = 300, seed = "42")
  void permutationInvariant(@ForAll("samples") Sample s) {
    int n = s.time().length;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(s.seed() ^ 7));
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = s.time()[order.get(i)];
      e[i] = s.event()[order.get(i)];
      w[i] = s.weight()[order.get(i)];
    }
    assertSame(KaplanMeier.fit(s.time(), s.event()), KaplanMeier.fit(t, e), 0);
    assertSame(KaplanMeier.fit(s.time(), s.event(), s.weight()), KaplanMeier.fit(t, e, w), TOL);
  }

  /** A weight of 2 is the same as two identical rows of weight 1. */
  @Property(tries = 300, seed = "42")
  void weightTwoEqualsDuplicatedRow(@ForAll("samples") Sample s) {
    int n = s.time().length;
    List<Double> dt = new ArrayList<>();
    List<Boolean> de = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < (int) s.weight()[i]; k++) {
        dt.add(s.time()[i]);
        de.add(s.event()[i]);
      }
    }
    double[] t = new double[dt.size()];
    boolean[] e = new boolean[dt.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = dt.get(i);
      e[i] = de.get(i);
    }
    assertSame(KaplanMeier.fit(t, e), KaplanMeier.fit(s.time(), s.event(), s.weight()), TOL);
  }

  /** The weighted/truncated path with unit weights and entry 0 equals the fast path. */
  @Property(tries = 300, seed = "42")
  void generalPathAgreesWithFastPath(@ForAll("samples") Sample s) {
    int n = s.time().length;
    double[] ones = new double[n];
    double[] entries = new double[n];
    double[] shifted = new double[n];
    for (int i = 0; i < n; i++) {
      ones[i] = 1;
      shifted[i] = s.time()[i] + 1; // entries at 0 must lie before the time
    }
    assertSame(KaplanMeier.fit(s.time(), s.event()), KaplanMeier.fit(s.time(), s.event(), ones), 0);
    assertSame(
        KaplanMeier.fit(shifted, s.event()),
        KaplanMeier.fitTruncated(entries, shifted, s.event(), null),
        0);
  }

  /**
   * The median's limits (read lazily, with a log-scale pre-filter) equal R's {@code minmin} rule
   * applied to the fully materialised band.
   */
  @Property(tries = 300, seed = "42")
  void medianLimitsEqualMinminOnTheFullBand(@ForAll("samples") Sample s) {
    KaplanMeier km = KaplanMeier.fit(s.time(), s.event(), s.weight());
    for (ConfidenceType type : ConfidenceType.values()) {
      for (double level : new double[] {0.5, 0.9, 0.95, 0.99}) {
        SurvivalBand band = km.confidenceBand(type, level);
        double[] lower = new double[km.size()];
        double[] upper = new double[km.size()];
        double[] t = new double[km.size()];
        for (int j = 0; j < km.size(); j++) {
          lower[j] = band.lower(j).orElse(Double.NaN);
          upper[j] = band.upper(j).orElse(Double.NaN);
          t[j] = km.time(j);
        }
        MedianSurvival m = km.median(type, level);
        assertEquals(minmin(lower, t), m.lower(), type + " " + level);
        assertEquals(minmin(upper, t), m.upper(), type + " " + level);
      }
    }
  }

  /** R's survmean::minmin, transcribed. */
  static java.util.OptionalDouble minmin(double[] y, double[] x) {
    double tol = Math.sqrt(Math.ulp(1.0));
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < y.length; j++) {
      if (!Double.isNaN(y[j]) && y[j] < 0.5 + tol) {
        keep.add(j);
      }
    }
    if (keep.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    int f = keep.get(0);
    if (Math.abs(y[f] - 0.5) < tol) {
      for (int j : keep) {
        if (y[j] < y[f]) {
          return java.util.OptionalDouble.of((x[f] + x[j]) / 2);
        }
      }
    }
    return java.util.OptionalDouble.of(x[f]);
  }

  /** At risk at t_j by brute force: the weight of customers with entry < t_j <= stop. */
  @Property(tries = 300, seed = "42")
  void truncatedRiskSetsMatchBruteForce(@ForAll("samples") Sample s) {
    int n = s.time().length;
    double[] stop = new double[n];
    double[] entry = new double[n];
    Random r = new Random(s.seed());
    for (int i = 0; i < n; i++) {
      stop[i] = s.time()[i] + 1;
      entry[i] = r.nextInt((int) stop[i]); // 0 .. stop - 1, often equal to other times
    }
    KaplanMeier km = KaplanMeier.fitTruncated(entry, stop, s.event(), s.weight());
    double surv = 1;
    for (int j = 0; j < km.size(); j++) {
      double t = km.time(j);
      double atRisk = 0;
      double dead = 0;
      for (int i = 0; i < n; i++) {
        if (entry[i] < t && t <= stop[i]) {
          atRisk += s.weight()[i];
        }
        if (stop[i] == t && s.event()[i]) {
          dead += s.weight()[i];
        }
      }
      surv *= dead > 0 ? 1 - dead / atRisk : 1;
      assertEquals(atRisk, km.atRisk(j), TOL, "at risk at " + t);
      assertEquals(dead, km.events(j), TOL);
      assertEquals(surv, km.survival(j), TOL);
    }
  }

  @Property(tries = 200, seed = "42")
  void logRankIsInvariantToRelabelling(@ForAll("samples") Sample s) {
    int distinct = (int) java.util.Arrays.stream(s.group()).distinct().count();
    LogRankTest a;
    try {
      a = LogRankTest.of(s.time(), s.event(), s.group());
    } catch (IllegalArgumentException e) {
      return; // fewer than two groups with risk at an event, or a singular variance: no test
    }
    assertTrue(a.chiSquare() >= -TOL);
    assertTrue(a.pValue() >= 0 && a.pValue() <= 1);
    assertTrue(a.degreesOfFreedom() <= distinct - 1);
    int[] relabelled = new int[s.group().length];
    for (int i = 0; i < relabelled.length; i++) {
      relabelled[i] = 10 - 3 * s.group()[i]; // reverses the order of the groups
    }
    LogRankTest b = LogRankTest.of(s.time(), s.event(), relabelled);
    assertEquals(a.chiSquare(), b.chiSquare(), 1e-7 * Math.max(1, a.chiSquare()));
    assertEquals(a.degreesOfFreedom(), b.degreesOfFreedom());
    double sumO = 0;
    double sumE = 0;
    for (int g = 0; g < a.observed().length; g++) {
      sumO += a.observed()[g];
      sumE += a.expected()[g];
    }
    assertEquals(sumO, sumE, 1e-9 * Math.max(1, sumO), "sum of O equals sum of E");
  }

  /** Accumulator of rows [from, to): plain rows; weights where {@code weighted}; entries too. */
  static KaplanMeier.Accumulator acc(Sample s, int from, int to, boolean weighted, boolean late) {
    KaplanMeier.Accumulator a = KaplanMeier.accumulator();
    for (int i = from; i < to; i++) {
      double t = s.time()[i] + 1;
      double w = weighted ? s.weight()[i] : 1.0;
      double entry = late ? Math.floor(t / 2) : Double.NEGATIVE_INFINITY;
      a.add(entry, t, s.event()[i], w);
    }
    return a;
  }

  @Property(tries = 300, seed = "42")
  void accumulatorMergeIsAssociativeCommutativeAndEqualsBatch(@ForAll("samples") Sample s) {
    int n = s.time().length;
    int i = n / 3;
    int j = 2 * n / 3;
    // Part b is weighted and part c left-truncated, so merging must widen the columns.
    KaplanMeier batch =
        acc(s, 0, i, false, false)
            .merge(acc(s, i, j, true, false))
            .merge(acc(s, j, n, false, true))
            .result();
    double[] entry = new double[n];
    double[] time = new double[n];
    double[] weight = new double[n];
    for (int k = 0; k < n; k++) {
      time[k] = s.time()[k] + 1;
      entry[k] = k >= j ? Math.floor(time[k] / 2) : Double.NEGATIVE_INFINITY;
      weight[k] = k >= i && k < j ? s.weight()[k] : 1.0;
    }
    assertSame(KaplanMeier.fitTruncated(entry, time, s.event(), weight), batch, TOL);
    KaplanMeier right =
        acc(s, 0, i, false, false)
            .merge(acc(s, i, j, true, false).merge(acc(s, j, n, false, true)))
            .result();
    assertSame(batch, right, TOL);
    KaplanMeier swapped =
        acc(s, j, n, false, true)
            .merge(acc(s, 0, i, false, false))
            .merge(acc(s, i, j, true, false))
            .result();
    assertSame(batch, swapped, TOL);
  }

  @Property(tries = 200, seed = "42")
  void accumulatorSnapshotIsIsolatedAndCollectorMatchesFit(@ForAll("samples") Sample s) {
    KaplanMeier.Accumulator a = KaplanMeier.accumulator();
    for (int k = 0; k < s.time().length; k++) {
      a.add(s.time()[k], s.event()[k]);
    }
    KaplanMeier before = a.result();
    a.add(0.5, true).add(100, false, 3);
    assertSame(KaplanMeier.fit(s.time(), s.event()), before, 0);
    List<Integer> idx = new ArrayList<>();
    for (int k = 0; k < s.time().length; k++) {
      idx.add(k);
    }
    KaplanMeier collected =
        idx.parallelStream()
            .collect(KaplanMeier.toKaplanMeier(k -> s.time()[k], k -> s.event()[k]));
    assertSame(before, collected, TOL);
  }

  static void assertSame(KaplanMeier a, KaplanMeier b, double tol) {
    assertEquals(a.size(), b.size());
    double[] ta = new double[a.size()];
    double[] tb = new double[b.size()];
    for (int j = 0; j < a.size(); j++) {
      ta[j] = a.time(j);
      tb[j] = b.time(j);
      assertEquals(a.atRisk(j), b.atRisk(j), tol);
      assertEquals(a.events(j), b.events(j), tol);
      assertEquals(a.censored(j), b.censored(j), tol);
      assertEquals(a.survival(j), b.survival(j), tol);
      if (Double.isInfinite(a.standardError(j))) {
        assertEquals(a.standardError(j), b.standardError(j));
      } else {
        assertEquals(a.standardError(j), b.standardError(j), tol);
      }
    }
    assertArrayEquals(ta, tb);
    assertEquals(a.median(ConfidenceType.LOG_LOG, 0.95), b.median(ConfidenceType.LOG_LOG, 0.95));
  }
}
