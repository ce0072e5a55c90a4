package org.cx4j.journey.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.testing.SharedDatasets;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

class AttributionTest {

  static final double TOL = 1e-9;

  /** path1 a>b>c: 2 conversions, value 10; path2 b: 1 conversion, value 3; path3 c>a: 5 nulls. */
  static PathData small() {
    return PathData.builder()
        .add("a > b > c", 2, 10, 0)
        .add("b", 1, 3, 0)
        .add("c > a", 0, 0, 5)
        .build();
  }

  @Test
  void heuristicsByHand() {
    PathData d = small();
    // First touch: path1 -> a (2, value 10), path2 -> b (1, value 3).
    AttributionResult first = HeuristicAttribution.firstTouch(d);
    assertEquals(2, first.credit("a").conversions(), TOL);
    assertEquals(10, first.credit("a").value(), TOL);
    assertEquals(1, first.credit("b").conversions(), TOL);
    assertEquals(0, first.credit("c").conversions(), TOL);
    // Last touch: path1 -> c, path2 -> b.
    AttributionResult last = HeuristicAttribution.lastTouch(d);
    assertEquals(2, last.credit("c").conversions(), TOL);
    assertEquals(1, last.credit("b").conversions(), TOL);
    // Last non-direct with c as "direct": path1 -> b.
    assertEquals(3, HeuristicAttribution.lastNonDirect(d, "c").credit("b").conversions(), TOL);
    // Linear: path1 splits 2 in thirds; path2 gives b 1. a = 2/3, b = 5/3, c = 2/3.
    AttributionResult lin = HeuristicAttribution.linear(d);
    assertEquals(2.0 / 3, lin.credit("a").conversions(), TOL);
    assertEquals(5.0 / 3, lin.credit("b").conversions(), TOL);
    assertEquals(10.0 / 3 + 3, lin.credit("b").value(), TOL);
    // Position 40/20/40: path1 a 0.8, b 0.4, c 0.8; path2 b 1.
    AttributionResult pos = HeuristicAttribution.positionBased(d);
    assertEquals(0.8, pos.credit("a").conversions(), TOL);
    assertEquals(1.4, pos.credit("b").conversions(), TOL);
    // Time decay, half-life 1 touch: weights 1/4, 1/2, 1 over 7/4: a 2/7, b 4/7 (+1), c 8/7.
    AttributionResult td = HeuristicAttribution.timeDecay(d, 1);
    assertEquals(2.0 / 7, td.credit("a").conversions(), TOL);
    assertEquals(4.0 / 7 + 1, td.credit("b").conversions(), TOL);
    assertEquals(8.0 / 7, td.credit("c").conversions(), TOL);
  }

  /**
   * Paths a>b (1 conv), a (1 null), b (1 conv, 1 null). Transitions weighted by journeys: start->a
   * 2, start->b 2, a->b 1, a->null 1, b->conv 2, b->null 1. So x_b = 2/3, x_a = 1/2 * 2/3 = 1/3,
   * x_start = 1/2 (1/3 + 2/3) = 1/2 (= 2 conversions of 4 journeys). Without a: x_start = 1/2 * 2/3
   * = 1/3, removal effect 1/3; without b: 0, removal effect 1. Credits of the 2 conversions: a 2
   * (1/3)/(4/3) = 1/2, b 3/2.
   */
  @Test
  void markovByHand() {
    PathData d =
        PathData.builder().add("a > b", 1, 4, 0).add("a", 0, 0, 1).add("b", 1, 8, 1).build();
    MarkovAttribution.MarkovResult m = MarkovAttribution.fit(d, 1);
    assertEquals(0.5, m.conversionProbability(), 1e-14);
    assertEquals(1.0 / 3, m.removalEffect("a"), 1e-14);
    assertEquals(1.0, m.removalEffect("b"), 1e-14);
    assertEquals(0.5, m.attribution().credit("a").conversions(), 1e-12);
    assertEquals(1.5, m.attribution().credit("b").conversions(), 1e-12);
    assertEquals(3.0, m.attribution().credit("a").value(), 1e-12); // 12 * 1/4
    assertEquals(2, m.states());
    // The transition matrix as derived above, row by row.
    assertEquals(
        List.of(
            new MarkovAttribution.Transition("(start)", "a", 0.5),
            new MarkovAttribution.Transition("(start)", "b", 0.5),
            new MarkovAttribution.Transition("a", "(null)", 0.5),
            new MarkovAttribution.Transition("a", "b", 0.5),
            new MarkovAttribution.Transition("b", "(conversion)", 2.0 / 3),
            new MarkovAttribution.Transition("b", "(null)", 1.0 / 3)),
        m.transitions());
  }

  /**
   * Order 2 states hold the last two channels: path a>b>c visits (a), (a,b), (b,c). Ordered
   * presence: path1 a>b>c (2 conv) gives a, b, c 2/3 each at positions 0, 1, 2; path2 b (1 conv)
   * gives b 1 at position 0.
   */
  @Test
  void orderTwoStatesAndOrderedPresence() {
    MarkovAttribution.MarkovResult m = MarkovAttribution.fit(small(), 2);
    assertTrue(
        m.transitions().contains(new MarkovAttribution.Transition("a,b", "b,c", 1.0)),
        m.transitions().toString());
    ShapleyAttribution.OrderedResult o = ShapleyAttribution.orderedPresence(small(), 3);
    assertEquals(2.0 / 3, o.credit("a", 0), TOL);
    assertEquals(2.0 / 3, o.credit("b", 1), TOL);
    assertEquals(1.0, o.credit("b", 0), TOL);
    assertEquals(2.0 / 3, o.credit("c", 2), TOL);
    ShapleyAttribution.OrderedResult pooled = ShapleyAttribution.orderedPresence(small(), 2);
    assertEquals(2.0 / 3, pooled.credit("c", 1), TOL);
  }

  /** Mutating an array a result hands out, or the array it was built from, changes nothing. */
  @Test
  void resultsNeverHandOutTheirArrays() {
    MarkovAttribution.MarkovResult m = MarkovAttribution.fit(small(), 1);
    double effect = m.removalEffects()[0];
    double effectOfA = m.removalEffect("a");
    m.removalEffects()[0] = -99;
    assertEquals(effect, m.removalEffects()[0]);
    assertEquals(effectOfA, m.removalEffect("a"));

    ShapleyAttribution.OrderedResult o = ShapleyAttribution.orderedPresence(small(), 3);
    o.credit()[0][0] = -99;
    assertEquals(2.0 / 3, o.credit("a", 0), TOL);
    double[][] credit = {{1, 2}, {3, 4}};
    ShapleyAttribution.OrderedResult built =
        new ShapleyAttribution.OrderedResult(List.of("x", "y"), credit);
    credit[1][0] = -99;
    assertEquals(3, built.credit("y", 0));

    ShapleyAttribution.RateResult r = ShapleyAttribution.conversionRate(small(), 100, 1);
    double first = r.shapley()[0];
    r.shapley()[0] = -99;
    r.standardError()[0] = -99;
    assertEquals(first, r.shapley()[0]);
    assertEquals(0, r.standardError()[0]);
  }

  @Test
  void channelAttributionPathData() throws IOException {
    Path csv = SharedDatasets.require("channelattribution/Data.csv");
    PathData d;
    try (Reader r = Files.newBufferedReader(csv)) {
      d = PathData.readCsv(r, ';', " > ");
    }
    // SOURCES.md: 10000 rows, 12 channels, conversions 19785, value ~74802.97, nulls 68602.
    assertEquals(10000, d.size());
    assertEquals(12, d.channels().size());
    assertEquals(19785, d.totalConversions());
    assertEquals(68602, d.totalNulls());
    assertEquals(74802.97, d.totalValue(), 0.01);

    // Brute-force recount of the heuristics from the raw lines, by a different route.
    List<String> lines = Files.readAllLines(csv);
    Map<String, double[]> first = new HashMap<>();
    Map<String, double[]> last = new HashMap<>();
    Map<String, double[]> linear = new HashMap<>();
    Map<String, double[]> presence = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(";");
      String[] ch = f[0].split(" > ");
      double conv = Double.parseDouble(f[1]);
      double val = Double.parseDouble(f[2]);
      if (conv == 0) {
        continue;
      }
      add(first, ch[0], conv, val);
      add(last, ch[ch.length - 1], conv, val);
      for (String c : ch) {
        add(linear, c, conv / ch.length, val / ch.length);
      }
      Set<String> set = new LinkedHashSet<>(List.of(ch));
      for (String c : set) {
        add(presence, c, conv / set.size(), val / set.size());
      }
    }
    check(first, HeuristicAttribution.firstTouch(d));
    check(last, HeuristicAttribution.lastTouch(d));
    check(linear, HeuristicAttribution.linear(d));
    check(presence, ShapleyAttribution.presence(d));

    List<AttributionResult> all = new ArrayList<>();
    all.add(HeuristicAttribution.positionBased(d));
    all.add(HeuristicAttribution.timeDecay(d, 2));
    all.add(HeuristicAttribution.lastNonDirect(d, "alpha"));
    all.add(ShapleyAttribution.conversionRate(d, 1000, 1).attribution());
    for (int order = 1; order <= 3; order++) {
      MarkovAttribution.MarkovResult m = MarkovAttribution.fit(d, order);
      assertEquals(m, MarkovAttribution.fit(d, order)); // deterministic, run to run
      all.add(m.attribution());
      for (double re : m.removalEffects()) {
        assertTrue(re >= 0 && re <= 1, m.toString());
      }
    }
    for (AttributionResult r : all) {
      assertEquals(19785, r.totalConversions(), 1e-6, r.model());
      assertEquals(d.totalValue(), r.totalValue(), 1e-6, r.model());
    }
  }

  /**
   * Order 1 against a dense solve of the absorbing chain by LU, written independently here: the
   * transition counts are rebuilt from the raw lines, Q (transient to transient) and b (transient
   * to conversion) normalized per row, and (I - Q) x = b solved; x[start] is P(conversion).
   */
  @Test
  void markovAgreesWithADenseSolve() throws IOException {
    Path csv = SharedDatasets.require("channelattribution/Data.csv");
    List<String> lines = Files.readAllLines(csv);
    Map<String, Integer> idx = new HashMap<>();
    idx.put("(start)", 0);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(";");
      rows.add(f);
      for (String c : f[0].split(" > ")) {
        idx.putIfAbsent(c, idx.size());
      }
    }
    PathData d;
    try (Reader r = Files.newBufferedReader(csv)) {
      d = PathData.readCsv(r, ';', " > ");
    }
    MarkovAttribution.MarkovResult m = MarkovAttribution.fit(d, 1);
    assertEquals(denseConversionProbability(rows, idx, null), m.conversionProbability(), 1e-12);
    for (String channel : d.channels()) {
      double without = denseConversionProbability(rows, idx, channel);
      assertEquals(
          1 - without / m.conversionProbability(), m.removalEffect(channel), 1e-12, channel);
    }
  }

  private static double denseConversionProbability(
      List<String[]> rows, Map<String, Integer> idx, String removed) {
    int n = idx.size();
    double[][] count = new double[n][n];
    double[] toConv = new double[n];
    double[] out = new double[n];
    for (String[] f : rows) {
      String[] ch = f[0].split(" > ");
      double conv = Double.parseDouble(f[1]);
      double nul = Double.parseDouble(f[3]);
      int from = 0;
      for (String c : ch) {
        int to = idx.get(c);
        count[from][to] += conv + nul;
        out[from] += conv + nul;
        from = to;
      }
      toConv[from] += conv;
      out[from] += conv + nul;
    }
    double[][] a = new double[n][n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      boolean dead = removed != null && i == idx.get(removed);
      if (dead || out[i] == 0) {
        continue; // absorbs as null: x_i = 0
      }
      for (int j = 0; j < n; j++) {
        a[i][j] -= count[i][j] / out[i];
      }
      b[i] = toConv[i] / out[i];
    }
    return new LUDecomposition(new Array2DRowRealMatrix(a))
        .getSolver()
        .solve(new ArrayRealVector(b))
        .getEntry(0);
  }

  /** Shapley values by the permutation definition, over all n! orders, as an oracle. */
  @Test
  void shapleyMatchesPermutationOracle() {
    PathData d =
        PathData.builder()
            .add("a > b", 3, 30, 7)
            .add("b > c > d", 2, 12, 3)
            .add("a", 1, 5, 9)
            .add("d > a > c", 4, 40, 1)
            .add("c", 0, 0, 6)
            .build();
    int c = d.channels().size();
    double[] rate = new double[c];
    double[] pres = new double[c];
    List<int[]> orders = new ArrayList<>();
    permutations(new int[] {0, 1, 2, 3}, 0, orders);
    for (int[] order : orders) {
      long coalition = 0;
      double prevRate = 0;
      double prevPres = 0;
      for (int j : order) {
        coalition |= 1L << j;
        double conv = 0;
        double all = 0;
        for (int p = 0; p < d.size(); p++) {
          long mask = 0;
          for (int t = 0; t < d.length(p); t++) {
            mask |= 1L << d.touch(p, t);
          }
          if ((mask & ~coalition) == 0) {
            conv += d.conversions(p);
            all += d.conversions(p) + d.nulls(p);
          }
        }
        double v = all > 0 ? conv / all : 0;
        rate[j] += (v - prevRate) / orders.size();
        pres[j] += (conv - prevPres) / orders.size();
        prevRate = v;
        prevPres = conv;
      }
    }
    ShapleyAttribution.RateResult r = ShapleyAttribution.conversionRate(d, 100, 1);
    AttributionResult p = ShapleyAttribution.presence(d);
    for (int j = 0; j < c; j++) {
      assertEquals(rate[j], r.shapley()[j], 1e-12);
      assertEquals(pres[j], p.channels().get(j).conversions(), 1e-12);
    }
    assertTrue(r.exact());
  }

  @Test
  void sampledShapleyAboveFifteenChannelsReportsItsError() {
    PathData.Builder b = PathData.builder();
    for (int i = 0; i < 16; i++) {
      b.add("c" + i + " > c" + ((i + 1) % 16), 1 + i % 3, 1, 2 + i % 5);
      b.add("c" + i, i % 2, 1, 1);
    }
    PathData d = b.build();
    ShapleyAttribution.RateResult r = ShapleyAttribution.conversionRate(d, 2000, 7);
    assertTrue(!r.exact());
    assertEquals(r, ShapleyAttribution.conversionRate(d, 2000, 7));
    double sum = 0;
    for (int j = 0; j < 16; j++) {
      assertTrue(r.standardError()[j] > 0);
      sum += r.shapley()[j];
    }
    // The value of the grand coalition: overall conversion rate, which every order sums to.
    double conv = d.totalConversions();
    assertEquals(conv / (conv + d.totalNulls()), sum, 1e-12);
    assertEquals(conv, r.attribution().totalConversions(), 1e-9);
  }

  @Test
  void badInputIsAClearError() {
    assertThrows(IllegalArgumentException.class, () -> PathData.builder().add("", 1, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> PathData.builder().add(List.of(" "), 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> PathData.builder().add("a", -1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> PathData.builder().add("a > > b", 1, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> PathData.builder().add("a", 1, Double.NaN, 0));
    PathData none = PathData.builder().add("a > b", 0, 0, 4).build();
    IllegalArgumentException noConv =
        assertThrows(IllegalArgumentException.class, () -> MarkovAttribution.fit(none, 1));
    assertTrue(noConv.getMessage().contains("no conversion"), noConv.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MarkovAttribution.fit(small(), 0));
    IllegalArgumentException line =
        assertThrows(
            IllegalArgumentException.class,
            () -> PathData.readCsv(new StringReader("path;c;v;n\na > b;1;2\n"), ';', " > "));
    assertTrue(line.getMessage().startsWith("line 2"), line.getMessage());
    // Paths with no conversions at all: heuristics credit nothing, and say so by zeros.
    assertEquals(0, HeuristicAttribution.linear(none).totalConversions());
  }

  private static void add(Map<String, double[]> m, String c, double conv, double val) {
    double[] a = m.computeIfAbsent(c, k -> new double[2]);
    a[0] += conv;
    a[1] += val;
  }

  private static void check(Map<String, double[]> expected, AttributionResult actual) {
    for (AttributionResult.ChannelCredit c : actual.channels()) {
      double[] e = expected.getOrDefault(c.channel(), new double[2]);
      assertEquals(e[0], c.conversions(), 1e-7, actual.model() + " " + c.channel());
      assertEquals(e[1], c.value(), 1e-7, actual.model() + " " + c.channel());
    }
  }

  private static void permutations(int[] a, int k, List<int[]> out) {
    if (k == a.length) {
      out.add(a.clone());
      return;
    }
    for (int i = k; i < a.length; i++) {
      int t = a[k];
      a[k] = a[i];
      a[i] = t;
      permutations(a, k + 1, out);
      a[i] = a[k];
      a[k] = t;
    }
  }
}
