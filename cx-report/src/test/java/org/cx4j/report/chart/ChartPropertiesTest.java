package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * For any input in range (empty included), every chart is well-formed, safe, and has all its
 * coordinates finite and inside the viewBox ({@link SvgAssertions#assertValid}). Structured inputs
 * (curves, journeys) are drawn from a {@link Random} seeded by jqwik, so a failure reproduces from
 * the reported seed.
 */
class ChartPropertiesTest {

  private static final int TRIES = 150;

  @Provide
  Arbitrary<String> label() {
    // Any characters, including XML specials, control characters and emoji.
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("<>&\"' \u00e9\ud83d\ude00abcXYZ").ofMaxLength(80),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
  }

  @Provide
  Arbitrary<long[]> counts() {
    return Arbitraries.longs().between(0, 2_000_000_000L).array(long[].class).ofMaxSize(14);
  }

  @Provide
  Arbitrary<Integer> width() {
    return Arbitraries.integers().between(200, 1600);
  }

  @Provide
  Arbitrary<Integer> height() {
    return Arbitraries.integers().between(150, 1200);
  }

  private static List<String> labels(String base, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i % 2 == 0 ? base + i : base);
    }
    return out;
  }

  @Property(tries = TRIES, seed = "42")
  void funnel(
      @ForAll("label") String title,
      @ForAll("counts") long[] counts,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    assertValid(
        FunnelChart.builder(title, labels(title, counts.length), counts)
            .size(w, h)
            .unit("x")
            .render());
  }

  @Property(tries = TRIES, seed = "42")
  void distribution(
      @ForAll("label") String title,
      @ForAll("counts") long[] counts,
      @ForAll("width") int w,
      @ForAll("height") int h,
      @ForAll long seed) {
    int[] cat = new Random(seed).ints(counts.length, 0, 3).toArray();
    assertValid(
        DistributionChart.builder(title, labels("v", counts.length), counts)
            .categories(List.of("low", title, "high"), cat)
            .size(w, h)
            .render());
  }

  @Property(tries = TRIES, seed = "42")
  void trend(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 60) int n,
      @ForAll long seed,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    Random r = new Random(seed);
    double[] s = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = r.nextInt(5) == 0 ? Double.NaN : -100 + 200 * r.nextDouble();
      lo[i] = Double.isNaN(s[i]) || r.nextInt(9) == 0 ? Double.NaN : s[i] - 30 * r.nextDouble();
      hi[i] = Double.isNaN(lo[i]) ? Double.NaN : s[i] + 30 * r.nextDouble();
    }
    TrendChart.Builder b = TrendChart.builder(title, labels(title, n), s).band(lo, hi).size(w, h);
    if (r.nextBoolean()) {
      b.yRange(-100, 100).referenceLine(-100 + 200 * r.nextDouble(), title);
    }
    assertValid(b.render());
  }

  @Property(tries = TRIES, seed = "42")
  void heatmap(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 20) int rows,
      @ForAll long seed,
      @ForAll("width") int w) {
    Random r = new Random(seed);
    double[][] share = new double[rows][];
    long[] sizes = new long[rows];
    for (int c = 0; c < rows; c++) {
      share[c] = new double[r.nextInt(16)];
      sizes[c] = r.nextInt(100_000);
      for (int p = 0; p < share[c].length; p++) {
        share[c][p] = r.nextInt(6) == 0 ? Double.NaN : r.nextDouble();
      }
    }
    RetentionHeatmap.Builder b = RetentionHeatmap.builder(title, labels(title, rows), sizes, share);
    if (r.nextBoolean()) {
      b.size(w, 150 + r.nextInt(1000)).colourMax(0.05 + 0.95 * r.nextDouble());
    }
    assertValid(b.render());
  }

  @Property(tries = TRIES, seed = "42")
  void survival(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 4) int groups,
      @ForAll long seed,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    Random r = new Random(seed);
    List<SurvivalChart.Curve> curves = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int k = r.nextInt(30);
      double[] t = new double[k];
      double[] s = new double[k];
      double[] lo = new double[k];
      double[] hi = new double[k];
      double time = 0;
      double surv = 1;
      for (int i = 0; i < k; i++) {
        time += r.nextDouble() * 50;
        surv *= r.nextDouble();
        t[i] = time;
        s[i] = surv;
        lo[i] = r.nextInt(10) == 0 ? Double.NaN : surv * r.nextDouble();
        hi[i] = Double.isNaN(lo[i]) ? Double.NaN : surv + (1 - surv) * r.nextDouble();
      }
      double[] censored = r.doubles(r.nextInt(5), 0, time + 10).toArray();
      curves.add(SurvivalChart.Curve.of(title + g, t, s).withBand(lo, hi).withCensored(censored));
    }
    SurvivalChart.Builder b = SurvivalChart.builder(title, title, curves).size(w, h);
    if (r.nextBoolean()) {
      b.maxTime(1 + r.nextDouble() * 500);
    }
    assertValid(b.render());
  }

  @Property(tries = TRIES, seed = "42")
  void horizontalBars(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 25) int n,
      @ForAll long seed,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    Random r = new Random(seed);
    double scale = Math.pow(10, r.nextInt(12) - 6);
    double[] v = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] second = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (r.nextDouble() * 2 - 0.6) * scale;
      lo[i] = v[i] - r.nextDouble() * scale;
      hi[i] = v[i] + r.nextDouble() * scale;
      second[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    HorizontalBarChart.Builder b =
        HorizontalBarChart.builder(title, labels(title, n), v)
            .intervals(lo, hi)
            .second(title, second);
    if (r.nextBoolean()) {
      b.percent().size(w, h);
    }
    assertValid(b.render());
  }

  @Property(tries = TRIES, seed = "42")
  void effortImpact(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 30) int n,
      @ForAll long seed,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    Random r = new Random(seed);
    List<EffortImpactChart.Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(
          new EffortImpactChart.Item(
              title + i,
              r.nextDouble() * 10,
              r.nextDouble() * 10,
              r.nextInt(4) == 0 ? 0 : r.nextDouble() * 1000));
    }
    assertValid(
        EffortImpactChart.builder(title, items, r.nextDouble() * 20 - 5, r.nextDouble() * 10)
            .quadrants(title, title, title, title)
            .size(w, h)
            .render());
  }

  @Property(tries = TRIES, seed = "42")
  void attribution(
      @ForAll("label") String title,
      @ForAll @IntRange(max = 6) int models,
      @ForAll @IntRange(max = 10) int channels,
      @ForAll long seed,
      @ForAll("width") int w,
      @ForAll("height") int h) {
    Random r = new Random(seed);
    double[][] share = new double[models][channels];
    for (double[] row : share) {
      for (int c = 0; c < channels; c++) {
        row[c] = r.nextDouble() * 1.1 - 0.1;
      }
    }
    assertValid(
        AttributionChart.builder(title, labels(title, channels), labels("m", models), share)
            .size(w, h)
            .render());
  }

  @Property(tries = TRIES, seed = "42")
  void journey(
      @ForAll("label") String title,
      @ForAll @IntRange(min = 0, max = 7) int stages,
      @ForAll @IntRange(max = 40) int nodes,
      @ForAll @IntRange(max = 120) int links,
      @ForAll long seed) {
    Random r = new Random(seed);
    List<JourneyMapChart.Node> ns = new ArrayList<>();
    for (int i = 0; i < (stages == 0 ? 0 : nodes); i++) {
      JourneyMapChart.Mark m = JourneyMapChart.Mark.values()[r.nextInt(3)];
      ns.add(
          new JourneyMapChart.Node(
              "n" + i,
              title,
              r.nextInt(stages),
              r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000),
              m,
              r.nextBoolean() ? title : ""));
    }
    List<JourneyMapChart.Link> ls = new ArrayList<>();
    for (int i = 0; i < (ns.isEmpty() ? 0 : links); i++) {
      ls.add(
          new JourneyMapChart.Link(
              "n" + r.nextInt(ns.size()), "n" + r.nextInt(ns.size()), r.nextInt(2_000_000)));
    }
    JourneyMapChart.Builder b =
        JourneyMapChart.builder(title, labels(title, stages), ns, ls)
            .minLinkCount(r.nextInt(1000))
            .topLinks(r.nextInt(150));
    if (r.nextBoolean()) {
      b.size(200 + r.nextInt(1400), 150 + r.nextInt(1200));
    }
    assertValid(b.render());
  }

  @Property(tries = 50, seed = "42")
  void outputIsDeterministic(@ForAll @Size(max = 10) List<@StringLength(max = 10) String> s) {
    long[] counts = new long[s.size()];
    Arrays.fill(counts, 7);
    String a = FunnelChart.render("F", s, counts).markup();
    String b = FunnelChart.render("F", s, counts).markup();
    org.junit.jupiter.api.Assertions.assertEquals(a, b);
  }
}
