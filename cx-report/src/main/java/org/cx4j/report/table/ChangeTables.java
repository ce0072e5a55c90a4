package org.cx4j.report.table;

import org.cx4j.metrics.compare.Difference;
import org.cx4j.report.analysis.ChangeSection;

/** The table behind the report's "What changed" section: {@code tables/changes.csv}. */
public final class ChangeTables {

  private ChangeTables() {}

  /**
   * Returns one row per change, in report order (metric, then overall, segments, touchpoints,
   * channels): the figures of both reports in display units (NPS points, shares in percent), the
   * change with its interval and standard error in the same units (its square is the variance of
   * the difference: {@code se_now² + se_then²}), the test, its statistic and p-value, the adjusted
   * p-value and whether it is significant; the test columns are empty, and {@code untested} says
   * why, when a group was not tested.
   */
  public static Table changes(ChangeSection c) {
    Table.Builder t =
        Table.builder(
            "changes",
            "Change of each metric and group since the baseline, with its two-sample test and "
                + (c.method() == org.cx4j.metrics.compare.MultipleTesting.Method.BENJAMINI_HOCHBERG
                    ? "Benjamini-Hochberg"
                    : "Holm")
                + " adjustment",
            "metric",
            "figure",
            "group_type",
            "group",
            "baseline",
            "current",
            "change",
            "lower",
            "upper",
            "standard_error",
            "level",
            "test",
            "statistic",
            "df",
            "p_value",
            "adjusted",
            "adjustment",
            "significant",
            "n_baseline",
            "n_current",
            "n_eff_baseline",
            "n_eff_current",
            "untested");
    String adjustment = c.method().name().toLowerCase(java.util.Locale.ROOT);
    for (ChangeSection.Change x : c.changes()) {
      Difference d = x.difference();
      double k = x.displayFactor();
      t.row(
          x.metric(),
          x.figure(),
          x.dimension(),
          x.key(),
          x.baseline(),
          x.current(),
          x.change(),
          d == null ? null : k * d.interval().lower(),
          d == null ? null : k * d.interval().upper(),
          d == null ? null : k * d.standardError(),
          c.level(),
          x.test().description(),
          d == null ? null : d.statistic(),
          d == null ? null : d.degreesOfFreedom(),
          d == null ? null : d.pValue(),
          x.adjusted(),
          adjustment,
          x.tested() ? x.significant() : null,
          x.baselineN(),
          x.currentN(),
          x.baselineEffectiveN(),
          x.currentEffectiveN(),
          x.untested());
    }
    return t.build();
  }
}
