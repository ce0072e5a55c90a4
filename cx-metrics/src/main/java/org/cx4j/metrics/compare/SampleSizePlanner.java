package org.cx4j.metrics.compare;

import org.cx4j.metrics.score.FinitePopulation;
import org.cx4j.metrics.score.impl.Stats;

/**
 * Margin-of-error planning: how many responses are needed to estimate a metric to within {@code ±m}
 * at a confidence level, given the distribution expected (from a previous wave, say). Uses the
 * normal approximation {@code n = z² Var₁ / m²}, rounded up, with the per-response variance {@code
 * Var₁}; optionally corrected for a finite population (Cochran 1977, eq. 4.2), in which case the
 * unrounded {@code n0} is corrected and the result rounded up once.
 */
public final class SampleSizePlanner {

  private SampleSizePlanner() {}

  /**
   * Returns the responses needed for an NPS margin of {@code ±marginPoints} (in NPS points, e.g. 5)
   * when promoters and detractors are expected in shares {@code pP} and {@code pD}: {@code n = z²
   * [pP + pD - (pP - pD)²] / (m / 100)²} (Rocks 2016, sec. 2 variance).
   *
   * @throws IllegalArgumentException if a share is outside [0, 1], their sum exceeds 1, the margin
   *     is outside (0, 200] or the level outside (0, 1)
   */
  public static long nps(double pP, double pD, double marginPoints, double level) {
    return ceil(npsN0(pP, pD, marginPoints, level));
  }

  private static double npsN0(double pP, double pD, double marginPoints, double level) {
    checkShare("promoter share", pP);
    checkShare("detractor share", pD);
    if (pP + pD > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "promoter and detractor shares must sum to at most 1, got " + pP + " + " + pD);
    }
    FinitePopulation.checkMargin(marginPoints, 200);
    double z = Stats.z(level);
    double v = pP + pD - (pP - pD) * (pP - pD);
    double m = marginPoints / 100;
    return z * z * v / (m * m);
  }

  /**
   * Returns the NPS sample size for a population of {@code populationSize}: {@code n = n0 / (1 +
   * (n0 - 1) / N)} with the unrounded {@code n0} of {@link #nps(double, double, double, double)},
   * rounded up once, at the end (Cochran 1977, eq. 4.2).
   *
   * @throws IllegalArgumentException as there, or if {@code populationSize < 1}
   */
  public static long nps(
      double pP, double pD, double marginPoints, double level, long populationSize) {
    return Math.max(
        1, FinitePopulation.sampleSize(npsN0(pP, pD, marginPoints, level), populationSize));
  }

  /**
   * Returns the responses needed for a share (CSAT top-box, easy share) within {@code ±margin} (a
   * proportion, e.g. 0.03) when the share is expected to be {@code p}: {@code n = z² p (1 - p) /
   * m²}. Use {@code p = 0.5} when nothing is known: it gives the largest n.
   *
   * @throws IllegalArgumentException if {@code p} is outside [0, 1], the margin outside (0, 1] or
   *     the level outside (0, 1)
   */
  public static long share(double p, double margin, double level) {
    return ceil(shareN0(p, margin, level));
  }

  private static double shareN0(double p, double margin, double level) {
    checkShare("expected share", p);
    FinitePopulation.checkMargin(margin, 1);
    double z = Stats.z(level);
    return z * z * p * (1 - p) / (margin * margin);
  }

  /**
   * Returns the share sample size for a population of {@code populationSize}: {@code n = n0 / (1 +
   * (n0 - 1) / N)} with the unrounded {@code n0 = z² p (1 - p) / m²}, rounded up once, at the end
   * (Cochran 1977, eq. 4.2): 278 for {@code p = 0.5}, {@code m = 0.05}, 95% and {@code N = 1000}
   * ({@code n0 = 384.15}; rounding {@code n0} to 385 first would give 279).
   *
   * @throws IllegalArgumentException as there, or if {@code populationSize < 1}
   */
  public static long share(double p, double margin, double level, long populationSize) {
    return Math.max(1, FinitePopulation.sampleSize(shareN0(p, margin, level), populationSize));
  }

  private static void checkShare(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
    }
  }

  // A tiny tolerance so that 1067.0000000001 from rounding noise does not become 1068.
  private static long ceil(double n) {
    return Math.max(1, (long) Math.ceil(n - 1e-9));
  }
}
