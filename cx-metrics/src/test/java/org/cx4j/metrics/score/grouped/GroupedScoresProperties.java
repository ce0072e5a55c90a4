package org.cx4j.metrics.score.grouped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.SurveyMetric;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupedScores} against the oracle of one per-row {@link ScoreAccumulator} per group (and
 * one for all rows), fed row by row: equal results for counts; for weights, per score {@code Σw}
 * and {@code Σw²} to {@link #TOL} relative. Random tables cover the four metrics, both score types,
 * the three code types and none, one to 300 groups with empty groups, and lengths across the
 * unrolling tail and the weighted blocks (16,384 rows).
 */
class GroupedScoresProperties {

  static final double TOL = 1e-12;

  /** A metric under test: its accumulators and its scale. */
  record Metric(String name, Supplier<ScoreAccumulator<? extends SurveyMetric<?>>> supplier) {
    Scale scale() {
      return supplier.get().scale();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Supplier<ScoreAccumulator<SurveyMetric<?>>> raw(Metric m) {
    return (Supplier) m.supplier();
  }

  static final List<Metric> METRICS =
      List.of(
          new Metric("NPS", NetPromoterScore::accumulator),
          new Metric("CSAT 1..5", CustomerSatisfaction::accumulator),
          new Metric("CES 1..7", CustomerEffortScore::accumulator),
          new Metric(
              "Rating 0..100",
              () ->
                  Rating.accumulator(
                      new Rating.Definition(
                          Instrument.rating("ease", Scale.of(0, 100)), 20, 0.95))),
          new Metric(
              "Rating -3..3",
              () ->
                  Rating.accumulator(
                      new Rating.Definition(Instrument.rating("tone", Scale.of(-3, 3)), 2, 0.95))));

  /** A random table: scores on the metric's scale, codes using only some of the groups. */
  record Table(
      Metric metric,
      int[] scores,
      int[] codes,
      int groupCount,
      double[] weights,
      boolean byteScores,
      String codeType) {

    GroupedColumns columns() {
      GroupedColumns c;
      if (codeType.equals("none")) {
        c = byteScores ? GroupedColumns.of(bytes(scores)) : GroupedColumns.of(scores);
      } else if (codeType.equals("byte")) {
        c =
            byteScores
                ? GroupedColumns.of(bytes(scores), bytes(codes), groupCount)
                : GroupedColumns.of(scores, bytes(codes), groupCount);
      } else if (codeType.equals("short")) {
        c =
            byteScores
                ? GroupedColumns.of(bytes(scores), shorts(codes), groupCount)
                : GroupedColumns.of(scores, shorts(codes), groupCount);
      } else {
        c =
            byteScores
                ? GroupedColumns.of(bytes(scores), codes, groupCount)
                : GroupedColumns.of(scores, codes, groupCount);
      }
      return weights == null ? c : c.withWeights(weights);
    }

    @Override
    public String toString() {
      return metric
          + ", "
          + scores.length
          + " rows, "
          + groupCount
          + " groups, "
          + (byteScores ? "byte" : "int")
          + " scores, "
          + codeType
          + " codes"
          + (weights == null ? "" : ", weighted");
    }
  }

  static byte[] bytes(int[] a) {
    byte[] b = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = (byte) a[i];
    }
    return b;
  }

  static short[] shorts(int[] a) {
    short[] b = new short[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = (short) a[i];
    }
    return b;
  }

  static Table table(
      Random r,
      Metric m,
      int n,
      int groupCount,
      boolean weighted,
      boolean byteScores,
      String codeType) {
    Scale s = m.scale();
    if (byteScores && (s.min() < -128 || s.max() > 127)) {
      byteScores = false;
    }
    if (codeType.equals("none")) {
      groupCount = 1;
    } else if (codeType.equals("byte")) {
      groupCount = Math.min(groupCount, 256);
    }
    // Only a random subset of the groups is used, so that some are empty.
    int used = 1 + r.nextInt(groupCount);
    int[] scores = new int[n];
    int[] codes = new int[n];
    double[] w = weighted ? new double[n] : null;
    // Skewed scores (runs of one value) as well as uniform ones: the lanes must not care.
    boolean runs = r.nextBoolean();
    int last = s.min();
    for (int i = 0; i < n; i++) {
      last = runs && r.nextInt(4) != 0 ? last : s.min() + r.nextInt(s.points());
      scores[i] = last;
      codes[i] = r.nextInt(used) * (groupCount / used); // spreads used codes over 0..groupCount-1
      if (weighted) {
        // Weights over six orders of magnitude, some zero.
        w[i] = r.nextInt(20) == 0 ? 0 : Math.exp(r.nextDouble() * 14 - 7);
      }
    }
    return new Table(m, scores, codes, groupCount, w, byteScores, codeType);
  }

  @Provide
  Arbitrary<Table> tables() {
    return Arbitraries.randomValue(
        r -> {
          Metric m = METRICS.get(r.nextInt(METRICS.size()));
          int n =
              switch (r.nextInt(4)) {
                case 0 -> r.nextInt(9);
                case 1 -> r.nextInt(200);
                case 2 -> r.nextInt(3000);
                default -> 16384 - 50 + r.nextInt(100);
              };
          int groups =
              switch (r.nextInt(3)) {
                case 0 -> 1;
                case 1 -> 1 + r.nextInt(12);
                default -> 1 + r.nextInt(300);
              };
          String code = List.of("byte", "short", "int", "none").get(r.nextInt(4));
          return table(r, m, n, groups, r.nextInt(3) == 0, r.nextBoolean(), code);
        });
  }

  /** The oracle: per-row accumulators, [0] for all rows, [1 + g] for group g. */
  static List<ScoreAccumulator<SurveyMetric<?>>> perRow(Table t) {
    List<ScoreAccumulator<SurveyMetric<?>>> accs = new ArrayList<>();
    for (int g = 0; g <= t.groupCount(); g++) {
      accs.add(raw(t.metric()).get());
    }
    for (int i = 0; i < t.scores().length; i++) {
      for (ScoreAccumulator<SurveyMetric<?>> a : List.of(accs.get(0), accs.get(1 + t.codes()[i]))) {
        if (t.weights() == null) {
          a.add(t.scores()[i]);
        } else {
          a.addWeighted(t.scores()[i], t.weights()[i]);
        }
      }
    }
    return accs;
  }

  static void assertSameResult(SurveyMetric<?> expected, SurveyMetric<?> actual, String what) {
    ScoreDistribution e = expected.distribution();
    ScoreDistribution a = actual.distribution();
    assertArrayEquals(e.counts(), a.counts(), what + ": counts");
    assertEquals(e.isWeighted(), a.isWeighted(), what + ": weighted");
    if (!e.isWeighted()) {
      assertEquals(expected, actual, what);
      return;
    }
    Scale s = e.scale();
    for (int x = s.min(); x <= s.max(); x++) {
      assertClose(e.weight(x), a.weight(x), what + ": Σw at " + x);
      assertClose(e.weightSquares(x), a.weightSquares(x), what + ": Σw² at " + x);
    }
    assertEquals(expected.isEmpty(), actual.isEmpty(), what + ": empty");
    if (!expected.isEmpty()) {
      // Derived figures to TOL of the metric's range: a bound near 0 is a difference of nearly
      // equal terms, whose relative error says nothing about the sums.
      double range = expected.maximum() - expected.minimum();
      assertEquals(expected.score(), actual.score(), TOL * range, what + ": score");
      assertEquals(
          expected.interval().lower(), actual.interval().lower(), TOL * range, what + ": lower");
      assertEquals(
          expected.interval().upper(), actual.interval().upper(), TOL * range, what + ": upper");
    }
  }

  static void assertClose(double expected, double actual, String what) {
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    assertTrue(
        Math.abs(expected - actual) <= TOL * scale,
        what + ": expected " + expected + ", got " + actual);
  }

  static void assertSameAsOracle(Table t, GroupedScores<SurveyMetric<?>> r) {
    List<ScoreAccumulator<SurveyMetric<?>>> oracle = perRow(t);
    assertEquals(t.groupCount(), r.groupCount());
    assertSameResult(oracle.get(0).result(), r.overall(), t + ", overall");
    for (int g = 0; g < t.groupCount(); g++) {
      assertEquals(oracle.get(1 + g).n(), r.n(g), t + ", n of group " + g);
      assertSameResult(oracle.get(1 + g).result(), r.group(g), t + ", group " + g);
    }
  }

  // ------------------------------------------------------------------ equality with per row

  @Property(tries = 2000, seed = "42")
  void equalsPerRowAccumulators(@ForAll("tables") Table t) {
    assertSameAsOracle(t, GroupedScores.of(raw(t.metric()), t.columns()));
  }

  @Property(tries = 2000, seed = "42")
  void anyChunkingAndMergeOrderGivesTheSameResult(
      @ForAll("tables") Table t, @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int cuts) {
    Random r = new Random(seed);
    int n = t.scores().length;
    int[] bounds = new int[cuts + 1];
    for (int i = 1; i < cuts; i++) {
      bounds[i] = r.nextInt(n + 1);
    }
    bounds[cuts] = n;
    Arrays.sort(bounds);
    GroupedColumns c = t.columns();
    List<GroupedScores.Accumulator<SurveyMetric<?>>> parts = new ArrayList<>();
    for (int i = 0; i < cuts; i++) {
      parts.add(
          GroupedScores.accumulator(raw(t.metric()), t.groupCount())
              .add(c, bounds[i], bounds[i + 1]));
    }
    Collections.shuffle(parts, r);
    GroupedScores.Accumulator<SurveyMetric<?>> merged = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      merged = r.nextBoolean() ? merged.merge(parts.get(i)) : parts.get(i).merge(merged);
    }
    // Also several chunks added to one accumulator, in order.
    GroupedScores.Accumulator<SurveyMetric<?>> sequential =
        GroupedScores.accumulator(raw(t.metric()), t.groupCount());
    for (int i = 0; i < cuts; i++) {
      sequential.add(c, bounds[i], bounds[i + 1]);
    }
    assertSameAsOracle(t, merged.result());
    assertSameAsOracle(t, sequential.result());
    assertEquals(n, merged.n());
  }

  @Property(tries = 30, seed = "42")
  void parallelEqualsPerRow(@ForAll long seed, @ForAll boolean weighted) {
    Random r = new Random(seed);
    Table t =
        table(
            r,
            METRICS.get(r.nextInt(METRICS.size())),
            3 * GroupedScores.PARALLEL_MIN_CHUNK + r.nextInt(1000),
            1 + r.nextInt(40),
            weighted,
            r.nextBoolean(),
            "int");
    assertSameAsOracle(t, GroupedScores.parallel(raw(t.metric()), t.columns()));
  }

  // ------------------------------------------------------------------ pairs of rows

  /** Table bits of a packed row for byte scores on {@code s} by {@code groupCount} byte codes. */
  static int packedBits(Scale s, int groupCount) {
    int sh = 32 - Integer.numberOfLeadingZeros(s.points() - 1);
    return Integer.numberOfTrailingZeros(Integer.highestOneBit(2 * groupCount - 1) << sh);
  }

  /**
   * Long slices of byte scores by byte codes on 32 to 128 table bins are counted two rows per
   * increment ({@code GroupedCounting.countPairs}); the random tables above are too short for it.
   * Here every slice is long enough, with tails of 0 to 7 rows and skewed as well as uniform rows.
   */
  @Property(tries = 40, seed = "42")
  void pairsOfRowsEqualPerRow(@ForAll long seed) {
    Random r = new Random(seed);
    Metric m = METRICS.get(r.nextInt(3)); // NPS, CSAT 1..5, CES 1..7: scales that pack
    int groupCount;
    int bits;
    do {
      groupCount = 2 + r.nextInt(15);
      bits = packedBits(m.scale(), groupCount);
    } while (bits < GroupedScores.PAIR_MIN_BITS || bits > 7);
    int n = (GroupedScores.PAIR_ROWS_PER_BIN << (2 * bits)) + r.nextInt(40);
    Table t = table(r, m, n, groupCount, false, true, "byte");
    assertSameAsOracle(t, GroupedScores.of(raw(t.metric()), t.columns()));
    // Two long slices into one accumulator: the pair table starts empty for the second.
    int cut = n / 2 + r.nextInt(8);
    GroupedScores.Accumulator<SurveyMetric<?>> acc =
        GroupedScores.accumulator(raw(t.metric()), t.groupCount());
    GroupedColumns c = t.columns();
    assertSameAsOracle(t, acc.add(c, 0, cut).add(c, cut, n).result());
  }

  /**
   * A bad row anywhere in a slice counted in pairs (in a pair, or in the tail that does not fill a
   * {@code long}) is named, adds nothing, and leaves no count behind for the next slice: beyond the
   * packing masks (score 16, score -1, code 8 of 8 groups) or within them but beyond the scale or
   * the groups (score 11 of NPS, code 6 of 6 groups).
   */
  @Property(tries = 60, seed = "42")
  void badRowInPairedSliceIsNamedAndNothingIsAdded(@ForAll long seed) {
    Random r = new Random(seed);
    int groupCount = r.nextBoolean() ? 8 : 6;
    int n = (GroupedScores.PAIR_ROWS_PER_BIN << 14) + r.nextInt(16);
    byte[] s = new byte[n];
    byte[] g = new byte[n];
    for (int i = 0; i < n; i++) {
      s[i] = (byte) r.nextInt(11);
      g[i] = (byte) r.nextInt(groupCount);
    }
    int bad = r.nextBoolean() ? r.nextInt(n) : n - 1 - r.nextInt(8);
    int kind = r.nextInt(4);
    String message;
    if (kind == 0 || kind == 1) {
      s[bad] = (byte) (kind == 0 ? 11 + r.nextInt(6) : -1 - r.nextInt(128));
      message =
          "score "
              + s[bad]
              + " at index "
              + bad
              + " is outside the scale "
              + NetPromoterScore.SCALE;
    } else {
      g[bad] = (byte) (kind == 2 ? groupCount + r.nextInt(256 - groupCount) : groupCount);
      int code = g[bad] & 0xFF;
      message =
          "group code "
              + code
              + " at index "
              + bad
              + " is outside 0.."
              + (groupCount - 1)
              + " (groupCount "
              + groupCount
              + ")";
    }
    GroupedScores.Accumulator<NetPromoterScore> acc =
        GroupedScores.accumulator(NetPromoterScore::accumulator, groupCount);
    // A first good row, then the bad slice, then the good rows of the bad slice but the bad one.
    acc.add(GroupedColumns.of(new byte[] {10}, new byte[] {0}, groupCount));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> acc.add(GroupedColumns.of(s, g, groupCount)));
    assertEquals(message, e.getMessage());
    assertEquals(1, acc.n());
    s[bad] = 0;
    g[bad] = 0;
    acc.add(GroupedColumns.of(s, g, groupCount));
    // Oracle: row by row, the first row plus every row of the mended slice.
    ScoreAccumulator<NetPromoterScore> all = NetPromoterScore.accumulator().add(10);
    List<ScoreAccumulator<NetPromoterScore>> parts = new ArrayList<>();
    for (int k = 0; k < groupCount; k++) {
      parts.add(NetPromoterScore.accumulator());
    }
    parts.get(0).add(10);
    for (int i = 0; i < n; i++) {
      all.add(s[i]);
      parts.get(g[i]).add(s[i]);
    }
    GroupedScores<NetPromoterScore> result = acc.result();
    assertSameResult(all.result(), result.overall(), "overall");
    for (int k = 0; k < groupCount; k++) {
      assertEquals(parts.get(k).n(), result.n(k), "n of group " + k);
      assertSameResult(parts.get(k).result(), result.group(k), "group " + k);
    }
  }

  @Property(tries = 1000, seed = "42")
  void npsOfCategoriesEqualsTheHistogramPath(@ForAll("npsInts") int[] scores) {
    NetPromoterScore a = NetPromoterScore.ofCategories(scores);
    NetPromoterScore b = NetPromoterScore.of(scores);
    assertEquals(b.n(), a.n());
    assertEquals(b.promoters(), a.promoters());
    assertEquals(b.passives(), a.passives());
    assertEquals(b.detractors(), a.detractors());
    if (!b.isEmpty()) {
      assertEquals(b.score(), a.score());
      assertEquals(b.interval(), a.interval());
    }
  }

  @Provide
  Arbitrary<int[]> npsInts() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMaxSize(5000);
  }

  @Property(tries = 300, seed = "42")
  void npsOfCategoriesNamesTheFirstBadScore(
      @ForAll("npsInts") int[] scores, @ForAll("badNps") int bad, @ForAll long seed) {
    int[] s = Arrays.copyOf(scores, scores.length + 1);
    int at = new Random(seed).nextInt(s.length);
    s[s.length - 1] = s[at];
    s[at] = bad;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.ofCategories(s));
    assertEquals(
        "score " + bad + " at index " + at + " is outside the scale " + NetPromoterScore.SCALE,
        e.getMessage());
  }

  @Provide
  Arbitrary<Integer> badNps() {
    return Arbitraries.of(
        -1, 11, 15, 16, 64, 1 << 20, -(1 << 20), Integer.MIN_VALUE, Integer.MAX_VALUE, 0x00100401);
  }

  // ------------------------------------------------------------------ fixed cases

  @Test
  void handCountedExample() {
    // Group 0: 10, 9, 7, 0 -> 2 promoters, 1 passive, 1 detractor: NPS 25.
    // Group 1: 3, 6 -> 2 detractors: NPS -100. Group 2: empty. Overall: 2, 1, 3 of 6: NPS -16.67.
    byte[] s = {10, 3, 9, 7, 6, 0};
    byte[] g = {0, 1, 0, 0, 1, 0};
    GroupedScores<NetPromoterScore> r =
        GroupedScores.of(NetPromoterScore::accumulator, GroupedColumns.of(s, g, 3));
    assertEquals(25.0, r.group(0).score(), 1e-12);
    assertEquals(-100.0, r.group(1).score(), 1e-12);
    assertTrue(r.group(2).isEmpty());
    assertEquals(0, r.n(2));
    assertEquals(100.0 * (2 - 3) / 6, r.overall().score(), 1e-12);
  }

  @Test
  void emptyColumns() {
    GroupedScores<NetPromoterScore> r =
        GroupedScores.of(
            NetPromoterScore::accumulator, GroupedColumns.of(new byte[0], new byte[0], 4));
    assertTrue(r.overall().isEmpty());
    assertEquals(4, r.groups().size());
    assertTrue(r.groups().stream().allMatch(NetPromoterScore::isEmpty));
  }

  @Test
  void badScoreIsNamedAndNothingIsAdded() {
    GroupedScores.Accumulator<NetPromoterScore> acc =
        GroupedScores.accumulator(NetPromoterScore::accumulator, 2);
    acc.add(GroupedColumns.of(new byte[] {9, 9}, new byte[] {0, 1}, 2));
    byte[] s = {1, 2, 3, 4, 5, 11, 7, 8, 9};
    byte[] g = {0, 1, 0, 1, 0, 1, 0, 1, 0};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> acc.add(GroupedColumns.of(s, g, 2)));
    assertEquals(
        "score 11 at index 5 is outside the scale " + NetPromoterScore.SCALE, e.getMessage());
    assertEquals(2, acc.n());
    assertEquals(100.0, acc.result().overall().score());
    int[] neg = {1, 2, -1};
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.add(GroupedColumns.of(neg, new int[] {0, 0, 0}, 2)));
    assertEquals(
        "score -1 at index 2 is outside the scale " + NetPromoterScore.SCALE, e.getMessage());
    assertEquals(2, acc.n());
  }

  @Test
  void badCodesAreNamed() {
    byte[] s = {1, 2, 3, 4, 5, 6};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupedScores.of(
                    NetPromoterScore::accumulator,
                    GroupedColumns.of(s, new byte[] {0, 1, 2, 3, (byte) 200, 0}, 4)));
    assertEquals("group code 200 at index 4 is outside 0..3 (groupCount 4)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupedScores.of(
                    NetPromoterScore::accumulator,
                    GroupedColumns.of(s, new int[] {0, 1, -7, 3, 2, 0}, 4)));
    assertEquals("group code -7 at index 2 is outside 0..3 (groupCount 4)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupedScores.of(
                    NetPromoterScore::accumulator,
                    GroupedColumns.of(s, new short[] {0, 1, 2, 3, 2, (short) 40000}, 4)));
    assertEquals("group code 40000 at index 5 is outside 0..3 (groupCount 4)", e.getMessage());
  }

  @Test
  void badWeightsAreNamedAndNothingIsAdded() {
    byte[] s = new byte[40000];
    byte[] g = new byte[40000];
    double[] w = new double[40000];
    Arrays.fill(w, 1.0);
    GroupedScores.Accumulator<NetPromoterScore> acc =
        GroupedScores.accumulator(NetPromoterScore::accumulator, 1);
    for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      w[30000] = bad; // in the second weighted block: the first was already summed
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> acc.add(GroupedColumns.of(s, g, 1).withWeights(w)));
      assertEquals(
          "weight " + bad + " at index 30000 must be finite and non-negative", e.getMessage());
      assertEquals(0, acc.n());
    }
    w[30000] = -0.0; // valid, although its sign bit is set
    assertEquals(40000, acc.add(GroupedColumns.of(s, g, 1).withWeights(w)).n());
    assertFalse(acc.result().overall().isEmpty());
  }

  @Test
  void badScoresAndCodesInWeightedBlocksAreNamedAndNothingIsAdded() {
    byte[] s = new byte[40000];
    byte[] g = new byte[40000];
    double[] w = new double[40000];
    Arrays.fill(w, 2.0);
    GroupedScores.Accumulator<NetPromoterScore> acc =
        GroupedScores.accumulator(NetPromoterScore::accumulator, 8);
    s[33333] = 11; // past the mask check (0..15): only the bins outside the scale show it
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.add(GroupedColumns.of(s, g, 8).withWeights(w)));
    assertEquals(
        "score 11 at index 33333 is outside the scale " + NetPromoterScore.SCALE, e.getMessage());
    s[33333] = 0;
    g[20000] = 9;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.add(GroupedColumns.of(s, g, 8).withWeights(w)));
    assertEquals("group code 9 at index 20000 is outside 0..7 (groupCount 8)", e.getMessage());
    assertEquals(0, acc.n());
    g[20000] = 7;
    GroupedScores<NetPromoterScore> r = acc.add(GroupedColumns.of(s, g, 8).withWeights(w)).result();
    assertEquals(40000, r.overall().n());
    assertEquals(1, r.n(7));
    assertEquals(2.0, r.group(7).distribution().totalWeight(), 1e-12);
  }

  @Test
  void lengthAndGroupCountMismatches() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GroupedColumns.of(new byte[3], new byte[2], 2));
    assertEquals("scores and group codes must have the same length, got 3 and 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupedColumns.of(new int[3], new int[3], 2).withWeights(new double[4]));
    assertEquals("scores and weights must have the same length, got 3 and 4", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> GroupedColumns.of(new int[3], new int[3], 0));
    assertEquals("groupCount must be at least 1, got 0", e.getMessage());
    GroupedScores.Accumulator<NetPromoterScore> acc =
        GroupedScores.accumulator(NetPromoterScore::accumulator, 3);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.add(GroupedColumns.of(new int[3], new int[3], 2)));
    assertEquals("columns have 2 groups, this accumulator 3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.add(GroupedColumns.of(new int[3], new int[3], 3), 2, 5));
    assertEquals("rows 2..5 are not within 0..3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> acc.merge(GroupedScores.accumulator(CustomerSatisfaction::accumulator, 3)));
    assertEquals(
        "cannot merge 3 groups on "
            + Scale.of(1, 5)
            + " into 3 groups on "
            + NetPromoterScore.SCALE,
        e.getMessage());
  }

  @Test
  void parallelNamesTheFirstBadRow() {
    int n = 4 * GroupedScores.PARALLEL_MIN_CHUNK;
    byte[] s = new byte[n];
    byte[] g = new byte[n];
    s[n - 10] = 12;
    s[n / 2 + 3] = 13;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupedScores.parallel(NetPromoterScore::accumulator, GroupedColumns.of(s, g, 1)));
    assertEquals(
        "score 13 at index " + (n / 2 + 3) + " is outside the scale " + NetPromoterScore.SCALE,
        e.getMessage());
  }
}
