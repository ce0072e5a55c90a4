package org.cx4j.metrics.clv;

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
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link BgNbdModel#fit(RepeatPurchaseData, long[])}: counted rows against the same rows repeated
 * (the oracle is the per-customer likelihood and fit on the expanded data).
 */
class BgNbdCountedFitTest {

  /** Relative agreement of two fits of one likelihood whose sums run in another order. */
  private static final double FIT_TOLERANCE = 1e-7;

  /** Counted rows and their expansion, one row per customer. */
  private record Counted(RepeatPurchaseData rows, long[] counts, RepeatPurchaseData expanded) {}

  private static Counted random(Random rnd, int distinct) {
    int[] x = new int[distinct];
    double[] tx = new double[distinct];
    double[] t = new double[distinct];
    long[] c = new long[distinct];
    List<Integer> ex = new ArrayList<>();
    List<Double> etx = new ArrayList<>();
    List<Double> et = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      x[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(30);
      t[i] = 1 + 50 * rnd.nextDouble();
      tx[i] = x[i] == 0 ? 0 : t[i] * rnd.nextDouble();
      c[i] = rnd.nextInt(5); // 0 included: such rows are ignored
      for (long k = 0; k < c[i]; k++) {
        ex.add(x[i]);
        etx.add(tx[i]);
        et.add(t[i]);
      }
    }
    return new Counted(
        RepeatPurchaseData.of(x, tx, t),
        c,
        RepeatPurchaseData.of(
            ex.stream().mapToInt(Integer::intValue).toArray(),
            etx.stream().mapToDouble(Double::doubleValue).toArray(),
            et.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /** The counted log-likelihood and its gradient equal those of the expanded data. */
  @Property(tries = 200, seed = "42")
  void countedLikelihoodEqualsRepeatedRows(
      @ForAll @IntRange(min = 1, max = 40) int distinct,
      @ForAll @IntRange(min = 0, max = 100_000) int seed,
      @ForAll @DoubleRange(min = -1.5, max = 1.5) double lr,
      @ForAll @DoubleRange(min = -1, max = 3) double lalpha,
      @ForAll @DoubleRange(min = -1.5, max = 1.5) double la,
      @ForAll @DoubleRange(min = -1, max = 2) double lb) {
    Counted d = random(new Random(seed), distinct);
    RepeatPurchaseData counted = RepeatPurchaseData.wrapCounts(d.rows(), d.counts());
    double r = Math.exp(lr);
    double alpha = Math.exp(lalpha);
    double a = Math.exp(la);
    double b = Math.exp(lb);
    double[] g1 = new double[4];
    double[] g2 = new double[4];
    double expected = BgNbdModel.logLikelihood(d.expanded(), r, alpha, a, b, g1);
    double actual = BgNbdModel.logLikelihood(counted, r, alpha, a, b, g2);
    assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)));
    for (int i = 0; i < 4; i++) {
      assertEquals(g1[i], g2[i], 1e-9 * Math.max(1, Math.abs(g1[i])), "gradient " + i);
    }
    assertEquals(d.expanded().meanAge(), counted.meanAge(), 1e-12 * d.expanded().meanAge() + 0);
  }

  /**
   * CDNOW (2,357 customers, FHL 2005): the fit to the histogram of distinct (x, t_x, T) equals the
   * per-customer fit: the same estimates, standard errors and log-likelihood, and the customers.
   */
  @Test
  void cdnowHistogramFitEqualsThePerCustomerFit() {
    CdnowData cdnow = CdnowData.load();
    // The histogram, built naively: one map entry per distinct history.
    Map<List<Double>, long[]> histogram = new LinkedHashMap<>();
    for (int i = 0; i < cdnow.x.length; i++) {
      histogram
          .computeIfAbsent(List.of((double) cdnow.x[i], cdnow.tx[i], cdnow.t[i]), k -> new long[1])[
          0]++;
    }
    int m = histogram.size();
    assertTrue(m < cdnow.x.length, "distinct histories " + m);
    int[] x = new int[m];
    double[] tx = new double[m];
    double[] t = new double[m];
    long[] counts = new long[m];
    int k = 0;
    for (Map.Entry<List<Double>, long[]> e : histogram.entrySet()) {
      x[k] = e.getKey().get(0).intValue();
      tx[k] = e.getKey().get(1);
      t[k] = e.getKey().get(2);
      counts[k++] = e.getValue()[0];
    }
    PurchaseModelFit<BgNbdModel> perCustomer = BgNbdModel.fit(cdnow.data());
    PurchaseModelFit<BgNbdModel> counted = BgNbdModel.fit(RepeatPurchaseData.of(x, tx, t), counts);
    ParameterEstimates p = perCustomer.estimates();
    ParameterEstimates c = counted.estimates();
    assertEquals(2357, c.customers());
    assertEquals(p.customers(), c.customers());
    assertEquals(p.logLikelihood(), c.logLikelihood(), 1e-9 * Math.abs(p.logLikelihood()));
    for (String name : p.names()) {
      assertEquals(p.estimate(name), c.estimate(name), FIT_TOLERANCE * p.estimate(name), name);
      assertEquals(
          p.standardError(name),
          c.standardError(name),
          1e-5 * p.standardError(name),
          "standard error of " + name);
    }
    // And the published maximum (FHL 2005; CLVTools' four decimals).
    assertEquals(0.2425945, counted.model().r(), 5e-5);
    assertEquals(-9582.429, c.logLikelihood(), 0.005);
  }

  @Test
  void badCountsAreRefusedNamingTheRow() {
    RepeatPurchaseData rows =
        RepeatPurchaseData.of(new int[] {0, 2}, new double[] {0, 3}, new double[] {5, 10});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(rows, new long[] {1}));
    assertTrue(e.getMessage().contains("one entry per row of the data (2), got 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> BgNbdModel.fit(rows, new long[] {4, -1}));
    assertTrue(
        e.getMessage().contains("count of row 1 must be at least 0, got -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(rows, new long[] {0, 0}));
    assertTrue(e.getMessage().contains("at least 1 customer, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(rows, new long[] {7, 0}));
    assertTrue(e.getMessage().contains("frequency x = 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BgNbdModel.fit(rows, new long[] {Integer.MAX_VALUE, 1}));
    assertTrue(e.getMessage().contains("at most " + Integer.MAX_VALUE), e.getMessage());
  }
}
