package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Discounted and historical CLV. */
class ClvTest {

  private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);

  @Test
  void undiscountedSumTelescopesToTheHorizonExpectation() {
    // With d = 0 the per-period increments telescope: sum_k (E[Y(k)] - E[Y(k-1)]) = E[Y(H L)].
    ClvHorizon h = ClvHorizon.of(12, 4.33, 0);
    DiscountedClv clv = DiscountedClv.of(BG, GG, h);
    double expected =
        GG.conditionalExpectedSpend(2, 22.35)
            * BG.conditionalExpectedPurchases(12 * 4.33, 2, 30.43, 38.86);
    assertEquals(expected, clv.value(2, 30.43, 38.86, 22.35), 1e-10 * expected);
  }

  @Test
  void twoPeriodsByHand() {
    double d = 0.1;
    ClvHorizon h = new ClvHorizon(2, 10, d, 0.3);
    double e1 = BG.conditionalExpectedPurchases(10, 3, 20, 30);
    double e2 = BG.conditionalExpectedPurchases(20, 3, 20, 30);
    double expected = 0.3 * GG.conditionalExpectedSpend(3, 40) * (e1 / 1.1 + (e2 - e1) / 1.21);
    assertEquals(expected, DiscountedClv.of(BG, GG, h).value(3, 20, 30, 40), 1e-12 * expected);
  }

  @Test
  void discountingLowersValue() {
    double none = DiscountedClv.of(BG, GG, ClvHorizon.of(24, 4, 0)).value(5, 30, 38, 30);
    double some = DiscountedClv.of(BG, GG, ClvHorizon.of(24, 4, 0.01)).value(5, 30, 38, 30);
    assertTrue(some < none && some > 0.75 * none, some + " vs " + none);
  }

  @Test
  void intervalOnCdnowBracketsTheValue() {
    CdnowData c = CdnowData.load();
    PurchaseModelFit<BgNbdModel> bg = BgNbdModel.fit(c.data());
    GammaGammaFit gg = GammaGammaModel.fit(c.x, c.zbar);
    ClvHorizon h = ClvHorizon.of(12, 4.35, 0.01);
    IntervalEstimate ci = DiscountedClv.interval(bg, gg, h, 2, 30.43, 38.86, 22.35, 0.95);
    assertTrue(ci.lower() < ci.estimate() && ci.estimate() < ci.upper(), ci.toString());
    IntervalEstimate ex = bg.expectedPurchasesInterval(39, 0.95);
    assertTrue(ex.lower() < ex.estimate() && ex.estimate() < ex.upper(), ex.toString());
    // Parameter uncertainty from 2357 customers is a few percent, not orders of magnitude.
    assertTrue(ex.upper() / ex.lower() < 1.5, ex.toString());
  }

  @Test
  void historicalByHand() {
    // 1,200 revenue in 40 orders by 10 customers over 2 years; 5-year lifespan; 25% margin.
    HistoricalClv h = HistoricalClv.fromTotals(1200, 40, 10, 2, 5);
    assertEquals(30, h.averageOrderValue(), 1e-12);
    assertEquals(2, h.purchaseFrequency(), 1e-12);
    assertEquals(300, h.revenueValue(), 1e-12);
    assertEquals(75, h.withMargin(0.25).value(), 1e-12);
    assertEquals(4, HistoricalClv.lifespanFromChurn(0.25), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> HistoricalClv.fromTotals(-1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new HistoricalClv(1, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> ClvHorizon.of(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> ClvHorizon.of(1, 1, Double.NaN));
  }
}
