package org.cx4j.report.chart;

/**
 * A linear map from a data domain to pixels. A degenerate domain maps everything to the middle of
 * the range.
 */
record Scale(double d0, double d1, double r0, double r1) {

  double map(double v) {
    if (d1 == d0) {
      return (r0 + r1) / 2;
    }
    return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
  }

  /** Maps and clamps to the range, so that an outlier stays inside the plot. */
  double clamped(double v) {
    double p = map(v);
    double lo = Math.min(r0, r1);
    double hi = Math.max(r0, r1);
    return Math.max(lo, Math.min(hi, p));
  }
}
