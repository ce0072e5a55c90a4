package org.cx4j.report.chart;

/**
 * "Nice" axis ticks: a step of 1, 2 or 5 times a power of ten, and an axis range of whole steps
 * covering the data (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 *
 * @param min the first tick, {@code <=} the data minimum
 * @param max the last tick, {@code >=} the data maximum
 * @param step the distance between ticks, {@code m * 10^k} with {@code m} in {1, 2, 5}
 */
record Ticks(double min, double max, double step) {

  /**
   * Returns ticks covering {@code [lo, hi]} with about {@code target} intervals (at most {@code 2 *
   * target}). A degenerate range is widened around its value.
   */
  static Ticks nice(double lo, double hi, int target) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("tick range must be finite, got " + lo + ".." + hi);
    }
    if (lo > hi) {
      double t = lo;
      lo = hi;
      hi = t;
    }
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    double rough = (hi - lo) / Math.max(1, target);
    double mag = Math.pow(10, Math.floor(Math.log10(rough)));
    double norm = rough / mag;
    // Heckbert's rounding thresholds: the nearest of 1, 2, 5, 10 on a log-ish scale, so the
    // number of intervals stays between about target / 1.5 and 2 * target.
    double m = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
    double step = m * mag;
    // The epsilon keeps a value that is already a multiple of the step (up to rounding) on it.
    double min = Math.floor(lo / step + 1e-9) * step;
    double max = Math.ceil(hi / step - 1e-9) * step;
    return new Ticks(min, max, step);
  }

  /** Returns ticks for counts {@code 0..max}: like {@link #nice} but with a whole step. */
  static Ticks counts(double max, int target) {
    Ticks t = nice(0, Math.max(max, 1), target);
    return t.step() >= 1 ? t : new Ticks(0, Math.ceil(Math.max(max, 1)), 1);
  }

  /** Returns the tick values from {@code min} to {@code max}. */
  double[] values() {
    int n = (int) Math.round((max - min) / step);
    double[] v = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      // Round to the step's precision so that 0.1 * 3 prints as 0.3.
      v[i] = roundTo(min + i * step, decimals() + 2);
    }
    return v;
  }

  /** Returns the number of decimals that tick labels need. */
  int decimals() {
    return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
  }

  /** Formats a tick value with {@link #decimals()} decimals. */
  String format(double v) {
    return Text.decimal(v, decimals());
  }

  private static double roundTo(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
