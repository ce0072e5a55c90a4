package org.cx4j.report.analysis;

import java.util.SplittableRandom;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.GammaGammaFit;
import org.cx4j.metrics.clv.GammaGammaModel;
import org.cx4j.metrics.clv.PurchaseModelFit;
import org.cx4j.metrics.clv.RepeatPurchaseData;

/**
 * Named lifetime value fixtures: models fitted on data simulated from the CDNOW parameters of
 * Fader, Hardie and Lee (2005) ({@code r = 0.243, alpha = 4.414, a = 0.793, b = 2.426}), and
 * synthetic customers in any number, generated from their index (no per-customer object).
 */
public final class ClvFixtures {

  /** The published CDNOW BG/NBD parameters (FHL 2005, table 1 note). */
  public static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

  /** A BG/NBD fit on 3,000 customers simulated from {@link #CDNOW}, ages 27 to 39 weeks. */
  public static final PurchaseModelFit<BgNbdModel> PURCHASES;

  /** A Gamma-Gamma fit on synthetic spends (shape 6 around 35, seeded). */
  public static final GammaGammaFit SPEND;

  /** Twelve months of 52/12 weeks, 1% a month, 30% margin. */
  public static final ClvHorizon HORIZON = new ClvHorizon(12, 52.0 / 12, 0.01, 0.3);

  static {
    int n = 3000;
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 27 + (i % 85) / 7.0;
    }
    RepeatPurchaseData d = CDNOW.simulate(ages, 42);
    PURCHASES = BgNbdModel.fit(d);
    int[] x = new int[n];
    double[] z = new double[n];
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      x[i] = d.frequency(i);
      double sum = 0;
      for (int k = 0; k < 6; k++) {
        sum += -Math.log(1 - rnd.nextDouble());
      }
      z[i] = x[i] == 0 ? 0 : 35 * sum / 6;
    }
    SPEND = GammaGammaModel.fit(x, z);
  }

  private ClvFixtures() {}

  /**
   * Returns {@code n} synthetic customers {@code c0, c1, ...} whose history follows from the index:
   * {@code x = i mod 9}, {@code T} between 1 and 78 weeks, {@code t_x} a share of {@code T}, spend
   * 10 to 110; every 97th repeat buyer has a zero spend (no spend model).
   */
  public static CustomerValues synthetic(int n) {
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] m = new double[n];
    boolean[] noSpend = new boolean[n];
    byte[] rfm = new byte[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 9;
      age[i] = 1 + (i % 547) / 7.0;
      tx[i] = x[i] == 0 ? 0 : age[i] * ((i % 11) / 10.0);
      m[i] = x[i] == 0 ? 0 : 10 + (i % 101);
      noSpend[i] = x[i] > 0 && i % 97 == 0;
      m[i] = noSpend[i] ? 0 : m[i];
      rfm[i] = (byte) (i % 10);
    }
    return new CustomerValues(
        i -> "c" + i, x, tx, age, m, noSpend, rfm, PURCHASES, SPEND, HORIZON, 0.95);
  }
}
