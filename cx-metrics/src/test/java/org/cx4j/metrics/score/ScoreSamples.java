package org.cx4j.metrics.score;

/** Named data sets for the survey-score tests, with their hand-derived facts in comments. */
public final class ScoreSamples {

  private ScoreSamples() {}

  /** Tolerance for values derived by hand with full double formulas. */
  public static final double TOLERANCE = 1e-9;

  /** Two-sided 95% standard normal quantile, Φ⁻¹(0.975). */
  public static final double Z95 = 1.959963984540054;

  /**
   * 10 NPS answers: 5 promoters (9, 9, 10, 10, 10), 2 passives (7, 8), 3 detractors (0, 5, 6). p_P
   * = 0.5, p_D = 0.3, NPS = 20; Var(p̂_P - p̂_D) = [0.5 + 0.3 - 0.2²] / 10 = 0.076.
   */
  public static final int[] NPS_TEN = {9, 10, 7, 0, 10, 5, 9, 8, 6, 10};

  /** 5 CSAT answers on 1..5: mean 4.2, Σ(x - 4.2)² = 2.8, s² = 0.7, top-2 4 of 5. */
  public static final int[] CSAT_FIVE = {5, 4, 4, 3, 5};

  /** Brute-force histogram oracle: counts[s - min]. */
  public static long[] histogram(int[] scores, int min, int max) {
    long[] c = new long[max - min + 1];
    for (int s : scores) {
      c[s - min]++;
    }
    return c;
  }
}
