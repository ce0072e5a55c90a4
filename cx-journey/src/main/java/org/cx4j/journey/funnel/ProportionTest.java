package org.cx4j.journey.funnel;

/**
 * A two-sample test of proportions, the seam through which cx-metrics' proportion tests (for
 * example a two-proportion z-test) judge the difference in conversion between two breakdown
 * groups: pass a method reference to {@link FunnelBreakdown#compare}.
 */
@FunctionalInterface
public interface ProportionTest {

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
