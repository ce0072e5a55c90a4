package org.cx4j.journey.funnel;

/**
 * A two-sample test of proportions, the seam through which cx-metrics' proportion tests (for
 * example a two-proportion z-test) judge the difference in conversion between two breakdown groups:
 * pass a method reference to {@link FunnelBreakdown#compare}.
 */
@FunctionalInterface
public interface ProportionTest {

  /**
   * The pooled two-proportion z test of cx-metrics ({@link
   * org.cx4j.metrics.compare.Comparisons#proportions}); the default of {@link
   * FunnelBreakdown#compare(String, String, int)}.
   */
  ProportionTest TWO_PROPORTION_Z =
      (sa, ta, sb, tb) ->
          org.cx4j.metrics.compare.Comparisons.proportions(sa, ta, sb, tb, 0.95).pValue();

  /**
   * Returns the two-sided p-value for the null hypothesis that the two groups convert at the same
   * rate.
   *
   * @param successesA conversions in group A
   * @param trialsA units in group A
   * @param successesB conversions in group B
   * @param trialsB units in group B
   */
  double pValue(long successesA, long trialsA, long successesB, long trialsB);
}
