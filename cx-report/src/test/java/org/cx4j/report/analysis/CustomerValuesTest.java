package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.GammaGammaModel;
import org.junit.jupiter.api.Test;

/** Per-customer values against the paper's formulas written out, and top-n against a sort. */
class CustomerValuesTest {

  static final double TOL = 1e-9;
  static final CustomerValues VALUES = ClvFixtures.synthetic(5000);

  @Test
  void pAliveAndSpendFollowThePapersFormulas() {
    BgNbdModel m = ClvFixtures.PURCHASES.model();
    GammaGammaModel g = ClvFixtures.SPEND.model();
    for (int i : new int[] {1, 2, 3, 8, 12, 100, 4321}) {
      CustomerValues.CustomerValue r = VALUES.row(i);
      assertEquals("c" + i, r.customerId());
      // FHL 2005 eq. 11: 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)).
      double alive =
          1
              / (1
                  + m.a()
                      / (m.b() + r.x() - 1)
                      * Math.pow((m.alpha() + r.age()) / (m.alpha() + r.tx()), m.r() + r.x()));
      assertEquals(alive, r.alive(), TOL);
      // Gamma-Gamma, FHL 2005 JMR eq. 5: p (gamma + x zbar) / (p x + q - 1), zbar = 10 + i % 101.
      double zbar = 10 + (i % 101);
      double spend = g.p() * (g.gamma() + r.x() * zbar) / (g.p() * r.x() + g.q() - 1);
      assertEquals(spend, r.expectedSpend(), TOL * spend);
      assertTrue(r.lower() < r.clv() && r.clv() < r.upper(), r.toString());
      assertNull(r.excluded());
    }
  }

  @Test
  void aCustomerWithoutRepeatPurchasesIsAliveAndGetsThePopulationSpend() {
    CustomerValues.CustomerValue r = VALUES.row(9);
    assertEquals(0, r.x());
    assertEquals(1.0, r.alive());
    GammaGammaModel g = ClvFixtures.SPEND.model();
    assertEquals(g.p() * g.gamma() / (g.q() - 1), r.expectedSpend(), TOL);
  }

  @Test
  void aCustomerWithoutSpendModelKeepsItsRowWithTheReason() {
    // i = 97: x = 97 mod 9 = 7 > 0 and 97 mod 97 = 0: no spend model.
    CustomerValues.CustomerValue r = VALUES.row(97);
    assertEquals(ValueSection.NO_SPEND_MODEL, r.excluded());
    assertTrue(Double.isNaN(r.clv()) && Double.isNaN(r.lower()) && Double.isNaN(r.expectedSpend()));
    assertTrue(r.alive() > 0 && r.expectedPurchases() > 0);
  }

  @Test
  void topIsTheHighestValuesHighestFirst() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      if (!Double.isNaN(VALUES.clv(i)) && i % 3 == 0) {
        all.add(i);
      }
    }
    all.sort(Comparator.comparingDouble((Integer i) -> -VALUES.clv(i)).thenComparing(i -> i));
    int[] want = all.subList(0, 50).stream().mapToInt(Integer::intValue).toArray();
    assertArrayEquals(want, VALUES.top(50, i -> i % 3 == 0));
    assertEquals(0, VALUES.top(50, i -> false).length);
  }
}
