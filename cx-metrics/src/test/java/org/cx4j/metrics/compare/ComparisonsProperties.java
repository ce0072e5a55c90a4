package org.cx4j.metrics.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;

class ComparisonsProperties {

  @Provide
  Arbitrary<int[]> npsScores() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMinSize(2).ofMaxSize(200);
  }

  @Provide
  Arbitrary<int[]> csatScores() {
    return Arbitraries.integers().between(1, 5).array(int[].class).ofMinSize(2).ofMaxSize(200);
  }

  @Property(tries = 300, seed = "42")
  void npsDifferenceIsAntisymmetricAndItsIntervalContainsIt(
      @ForAll("npsScores") int[] a, @ForAll("npsScores") int[] b) {
    Difference ab = Comparisons.nps(NetPromoterScore.of(a), NetPromoterScore.of(b), 0.95);
    Difference ba = Comparisons.nps(NetPromoterScore.of(b), NetPromoterScore.of(a), 0.95);
    assertEquals(-ab.estimate(), ba.estimate(), 1e-9);
    assertEquals(ab.pValue(), ba.pValue(), 1e-12);
    assertTrue(ab.interval().contains(ab.estimate()));
    assertTrue(ab.interval().lower() >= -200 && ab.interval().upper() <= 200);
  }

  @Property(tries = 300, seed = "42")
  void shareAndMeanDifferencesAreAntisymmetric(
      @ForAll("csatScores") int[] a, @ForAll("csatScores") int[] b) {
    CustomerSatisfaction ca = CustomerSatisfaction.of(a);
    CustomerSatisfaction cb = CustomerSatisfaction.of(b);
    Difference s1 = Comparisons.shares(ca.topBox(), cb.topBox(), 0.9);
    Difference s2 = Comparisons.shares(cb.topBox(), ca.topBox(), 0.9);
    assertEquals(-s1.estimate(), s2.estimate(), 1e-12);
    assertEquals(s1.pValue(), s2.pValue(), 1e-12);
    Difference m1 = Comparisons.means(ca.mean(), cb.mean(), 0.9);
    Difference m2 = Comparisons.means(cb.mean(), ca.mean(), 0.9);
    assertEquals(-m1.estimate(), m2.estimate(), 1e-12);
    assertEquals(m1.pValue(), m2.pValue(), 1e-9);
    assertTrue(m1.interval().contains(m1.estimate()));
  }
}
