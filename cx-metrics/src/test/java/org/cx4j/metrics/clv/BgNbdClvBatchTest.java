package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link BgNbdClvBatch} against the plain per-customer {@link DiscountedClv} (the oracle: no
 * factoring, no cache), on random histories; the same calculator is reused across tries, so cached
 * {@code (x, T)} entries are hit as well as filled.
 */
class BgNbdClvBatchTest {

  static final PurchaseModelFit<BgNbdModel> PURCHASES;
  static final GammaGammaFit SPEND;
  static final ClvHorizon HORIZON = new ClvHorizon(12, 52.0 / 12, 0.01, 0.3);
  static final BgNbdClvBatch BATCH;
  static final double TOL = 1e-7;

  static {
    // Data simulated from the CDNOW estimates of FHL 2005 (r, alpha, a, b).
    int n = 2000;
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 27 + (i % 85) / 7.0;
    }
    RepeatPurchaseData d = BgNbdModel.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 42);
    PURCHASES = BgNbdModel.fit(d);
    int[] x = new int[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.frequency(i);
      z[i] = x[i] == 0 ? 0 : 20 + (i * 37 % 61);
    }
    SPEND = GammaGammaModel.fit(x, z);
    BATCH = BgNbdClvBatch.of(PURCHASES, SPEND, HORIZON);
  }

  @Property(tries = 400, seed = "42")
  void equalsDiscountedClv(
      @ForAll @IntRange(min = 0, max = 12) int x,
      @ForAll @IntRange(min = 0, max = 7) int ageWeek,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 1, max = 200) double zbar) {
    // Few distinct T so that the cache is hit; t_x anywhere in [0, T] (0 when x = 0).
    double age = 5 + 9.5 * ageWeek;
    double tx = x == 0 ? 0 : age * recencyShare;
    double z = x == 0 ? 0 : zbar;
    DiscountedClv plain = DiscountedClv.of(PURCHASES.model(), SPEND.model(), HORIZON);
    double expected = plain.value(x, tx, age, z);
    assertEquals(expected, BATCH.value(x, tx, age, z), TOL * expected);
    IntervalEstimate want = DiscountedClv.interval(PURCHASES, SPEND, HORIZON, x, tx, age, z, 0.9);
    IntervalEstimate got = BATCH.interval(x, tx, age, z, 0.9);
    assertEquals(want.lower(), got.lower(), 1e-6 * want.lower());
    assertEquals(want.upper(), got.upper(), 1e-6 * want.upper());
    assertEquals(0.9, got.level());
  }

  @org.junit.jupiter.api.Test
  void invalidHistoriesAreRefusedAsByTheModel() {
    assertThrows(IllegalArgumentException.class, () -> BATCH.value(1, 5, 4, 10));
    assertThrows(IllegalArgumentException.class, () -> BATCH.value(2, 1, 4, 0));
    assertThrows(IllegalArgumentException.class, () -> BATCH.interval(2, 1, 4, 10, 1.5));
  }
}
