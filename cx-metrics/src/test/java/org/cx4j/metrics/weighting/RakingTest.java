package org.cx4j.metrics.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

class RakingTest {

  static final double TOL = 1e-9;

  /** n respondents of each (sex, age) cell, in the order given. */
  static List<Map<String, String>> cells(Object... spec) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < spec.length; i += 3) {
      for (int k = 0; k < (Integer) spec[i + 2]; k++) {
        out.add(Map.of("sex", (String) spec[i], "age", (String) spec[i + 1]));
      }
    }
    return out;
  }

  static Map<String, Double> ordered(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  /**
   * Two variables by hand. Sample: 2 male-young, 3 male-old, 4 female-young, 1 female-old (base
   * weight 1). Targets: male 60, female 40; young 50, old 50 (total 100).
   *
   * <p>Raking a two-way table converges to the cell totals W_ij = n_ij a_i b_j that meet both
   * margins; such a table keeps the sample's cross-product ratio (Bishop, Fienberg and Holland
   * 1975, ch. 3): W_my W_fo / (W_mo W_fy) = (2 * 1) / (3 * 4) = 1/6. With W_my = u the margins give
   * W_mo = 60 - u, W_fy = 50 - u, W_fo = 40 - (50 - u) = u - 10, so u (u - 10) / ((60 - u)(50 - u))
   * = 1/6, i.e. 6u² - 60u = 3000 - 110u + u², 5u² + 50u - 3000 = 0, u² + 10u - 600 = 0, u = (-10 +
   * sqrt(100 + 2400)) / 2 = 20. Cell totals: male-young 20, male-old 40, female-young 30,
   * female-old 10; per respondent: 20/2 = 10, 40/3 = 13.333..., 30/4 = 7.5, 10/1 = 10. Check: male
   * 20 + 40 = 60, female 30 + 10 = 40, young 20 + 30 = 50, old 40 + 10 = 50. Kish: Σw = 100, Σw² =
   * 2*100 + 3*(40/3)² + 4*56.25 + 100 = 200 + 1600/3 + 225 + 100 = 3175/3, so deff = 10 * (3175/3)
   * / 100² = 1.058333..., n_eff = 10 / deff = 9.4488...
   */
  @Test
  void twoVariablesByHand() {
    List<Map<String, String>> sample =
        cells("m", "young", 2, "m", "old", 3, "f", "young", 4, "f", "old", 1);
    Raking raking =
        Raking.builder()
            .margin("sex", ordered("m", 60, "f", 40))
            .margin("age", ordered("young", 50, "old", 50))
            .tolerance(1e-13)
            .build();
    RakingResult r = raking.rake(sample);
    double[] w = r.weights();
    double[] expected = {10, 10, 40.0 / 3, 40.0 / 3, 40.0 / 3, 7.5, 7.5, 7.5, 7.5, 10};
    for (int i = 0; i < w.length; i++) {
      assertEquals(expected[i], w[i], 1e-10, "respondent " + i);
    }
    assertEquals(60, r.achievedMargins().get("sex").get("m"), 1e-10);
    assertEquals(50, r.achievedMargins().get("age").get("old"), 1e-10);
    assertEquals(1, r.designEffectBefore(), 1e-15);
    assertEquals(10, r.effectiveSampleSizeBefore(), 1e-12);
    assertEquals(10 * (3175.0 / 3) / 10_000, r.designEffectAfter(), 1e-10);
    assertEquals(10 / (10 * (3175.0 / 3) / 10_000), r.effectiveSampleSizeAfter(), 1e-9);
    assertTrue(r.iterations() > 1, "needs more than one sweep: " + r.iterations());
    assertTrue(r.toString().contains("sex: m 60 (target 60) f 40 (target 40)"), r.toString());
    // Base weights that already meet the margins are a fixed point: one sweep, unchanged.
    RakingResult again = raking.rake(sample, w);
    assertEquals(1, again.iterations());
    assertEquals(expected[2], again.weights()[2], 1e-10);
    // The weights flow into the weighted estimators: promoters in the male-old cell only.
    int[] scores = {5, 5, 10, 10, 10, 5, 5, 5, 5, 5};
    NetPromoterScore nps = NetPromoterScore.of(scores, w);
    assertEquals(-100 + 200 * 40.0 / 100, nps.score(), 1e-9); // 40% promoters, 60% detractors
  }

  /**
   * Trimming by hand. One variable, region: north has 3 respondents with base weights 1, 1 and 8,
   * south 7 with base weight 1; targets 50 and 50 (n = 10, mean weight 10); cap 2 x mean = 20.
   * Raking alone gives north 5, 5, 40. Trimming the 40 to 20 and re-raking scales the two others by
   * the same factor while the third stays at the cap, so the fixed point is 2x + 20 = 50: north 15,
   * 15, 20; south 50/7 each.
   */
  @Test
  void trimmingReRakesUntilCapAndMarginsHold() {
    List<Map<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sample.add(Map.of("region", "north"));
    }
    for (int i = 0; i < 7; i++) {
      sample.add(Map.of("region", "south"));
    }
    double[] base = {1, 1, 8, 1, 1, 1, 1, 1, 1, 1};
    RakingResult r =
        Raking.builder()
            .margin("region", ordered("north", 50, "south", 50))
            .trimAt(2)
            .build()
            .rake(sample, base);
    double[] w = r.weights();
    assertEquals(15, w[0], 1e-8);
    assertEquals(15, w[1], 1e-8);
    assertEquals(20, w[2], 1e-12);
    assertEquals(50.0 / 7, w[5], 1e-9);
    assertEquals(20, r.cap(), 1e-12);
    assertEquals(1, r.weightsAtCap());
    // Without trimming: 5, 5, 40.
    double[] untrimmed =
        Raking.builder()
            .margin("region", ordered("north", 50, "south", 50))
            .build()
            .rake(sample, base)
            .weights();
    assertEquals(40, untrimmed[2], 1e-10);
    // A cap no weighting can meet: north needs 50 from three weights of at most 12 each.
    RakingFailedException e =
        assertThrows(
            RakingFailedException.class,
            () ->
                Raking.builder()
                    .margin("region", ordered("north", 50, "south", 50))
                    .trimAt(1.2)
                    .maxIterations(200)
                    .build()
                    .rake(sample, base));
    assertEquals("region", e.variable());
    assertTrue(e.getMessage().contains("did not converge in 200 sweeps"), e.getMessage());
    assertTrue(
        e.getMessage().contains("category 'north'") || e.getMessage().contains("category 'south'"),
        e.getMessage());
  }

  @Test
  void errorsNameTheVariableAndCategory() {
    Raking raking =
        Raking.builder()
            .margin("sex", ordered("m", 60, "f", 40))
            .margin("age", ordered("young", 50, "old", 50))
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> raking.rake(cells("m", "young", 3, "f", "young", 2)));
    assertEquals(
        "category 'old' of variable 'age' has target 50.0 but no respondents", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Raking.builder()
                    .margin("sex", ordered("m", 60, "f", 40))
                    .margin("age", ordered("young", 50, "old", 51))
                    .build());
    assertTrue(
        e.getMessage().contains("variable 'sex' sums to 100.0, variable 'age' to 101.0"),
        e.getMessage());
    List<Map<String, String>> missing = new ArrayList<>(cells("m", "young", 1, "f", "old", 1));
    missing.add(Map.of("sex", "m"));
    e = assertThrows(IllegalArgumentException.class, () -> raking.rake(missing));
    assertEquals("response 2 has no value for raking variable 'age'", e.getMessage());
    List<Map<String, String>> unknown = new ArrayList<>(cells("m", "young", 1, "f", "old", 1));
    unknown.add(Map.of("sex", "x", "age", "old"));
    e = assertThrows(IllegalArgumentException.class, () -> raking.rake(unknown));
    assertTrue(
        e.getMessage().startsWith("response 2 has category 'x' of variable 'sex'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> raking.rake(cells("m", "young", 1, "f", "old", 1), new double[] {1, 0}));
    assertTrue(e.getMessage().contains("base weight of response 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Raking.builder().margin("sex", ordered("m", 0, "f", 40)));
    assertTrue(e.getMessage().contains("variable 'sex' category 'm'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> raking.rake(List.of()));
    // Inconsistent structure: only male-young and female-old respondents, so sex and age are
    // the same split and 60/40 against 50/50 cannot both hold.
    RakingFailedException f =
        assertThrows(
            RakingFailedException.class, () -> raking.rake(cells("m", "young", 3, "f", "old", 2)));
    assertTrue(f.getMessage().contains("did not converge in 1000 sweeps"), f.getMessage());
  }

  /**
   * Random samples over three variables whose margins are those of some hidden positive weighting
   * of the same sample (so a solution exists): the raked weights reproduce every margin within the
   * tolerance, sum to the total, and, with anesrake's default trimming at 5 x the mean and hidden
   * weights in [1, 5] (a weighting under the cap exists), also respect the cap.
   */
  @Property(tries = 300, seed = "42")
  void rakedWeightsReproduceEveryMargin(
      @ForAll @IntRange(min = 5, max = 400) int n, @ForAll long seed, @ForAll boolean trim) {
    Random rnd = new Random(seed);
    String[][] cats = {{"a", "b"}, {"x", "y", "z"}, {"p", "q", "r", "s"}};
    String[] vars = {"segment", "channel", "region"};
    List<Map<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> r = new LinkedHashMap<>();
      for (int v = 0; v < vars.length; v++) {
        // Category i mod size first, so that every category has a respondent when n >= 4.
        String c = i < cats[v].length ? cats[v][i] : cats[v][rnd.nextInt(cats[v].length)];
        r.put(vars[v], c);
      }
      sample.add(r);
    }
    double[] hidden = new double[n];
    double[] base = new double[n];
    for (int i = 0; i < n; i++) {
      hidden[i] = 1 + 4 * rnd.nextDouble();
      base[i] = 0.5 + rnd.nextDouble();
    }
    Raking.Builder b = Raking.builder().tolerance(1e-9);
    List<Map<String, Double>> targets = new ArrayList<>();
    for (int v = 0; v < vars.length; v++) {
      Map<String, Double> t = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        t.merge(sample.get(i).get(vars[v]), hidden[i], Double::sum);
      }
      targets.add(t);
      b.margin(vars[v], t);
    }
    if (trim) {
      b.trimAt();
    }
    Raking raking = b.build();
    RakingResult r = raking.rake(sample, base);
    double[] w = r.weights();
    double sum = 0;
    for (double x : w) {
      sum += x;
      assertTrue(x > 0);
      if (trim) {
        assertTrue(x <= r.cap() * (1 + 1e-12), x + " above the cap " + r.cap());
      }
    }
    assertEquals(raking.total(), sum, 1e-8 * raking.total());
    for (int v = 0; v < vars.length; v++) {
      Map<String, Double> got = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        got.merge(sample.get(i).get(vars[v]), w[i], Double::sum);
      }
      for (Map.Entry<String, Double> e : targets.get(v).entrySet()) {
        assertEquals(
            e.getValue(), got.get(e.getKey()), 1e-9 * raking.total(), vars[v] + "=" + e.getKey());
      }
    }
  }
}
