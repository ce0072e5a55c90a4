package org.cx4j.report.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.cx4j.report.analysis.CustomerValues;
import org.cx4j.report.analysis.ValueSection;

/**
 * The per-customer lifetime value tables and the tables behind the lifetime value charts.
 *
 * <p>The two per-customer tables, {@code clv.csv} (every customer) and {@code clv_at_risk.csv} (the
 * customers at risk, highest CLV first), can have millions of rows: they are written row by row as
 * each customer's values are computed ({@link TableWriter#csvRows}), with the same CSV injection
 * neutralising as every other table, and never exist in memory as a whole; they are CSV only. Their
 * CLV interval ({@code clv_lower_params_only}, {@code clv_upper_params_only}) is the delta-method
 * interval from the uncertainty of the fitted parameters; it excludes the variance of the purchase
 * process itself.
 */
public final class ClvTables {

  /** The per-customer columns ({@link CustomerValues#COLUMNS}). */
  public static final List<String> COLUMNS = CustomerValues.COLUMNS;

  private static final boolean[] NUMERIC = {
    false, true, true, true, true, true, true, true, true, true, false, false
  };

  private ClvTables() {}

  /**
   * Returns the small tables of the lifetime value section: {@code clv_parameters}, {@code
   * clv_tracking}, {@code clv_frequency_recency}, {@code clv_alive_histogram} and {@code
   * clv_at_risk_summary}.
   *
   * @throws NullPointerException if {@code v} is null
   */
  public static List<Table> of(ValueSection v, double level) {
    Objects.requireNonNull(v, "v");
    List<Table> out = new ArrayList<>();
    Table.Builder p =
        Table.builder(
            "clv_parameters",
            "Fitted BG/NBD and Gamma-Gamma parameters "
                + "with their intervals (log scale) and the maximised log-likelihood",
            "model",
            "parameter",
            "estimate",
            "lower",
            "upper",
            "level",
            "log_likelihood",
            "customers");
    for (ValueSection.ModelFit f : v.fits()) {
      for (ValueSection.Parameter q : f.parameters()) {
        p.row(
            f.model(),
            q.name(),
            q.estimate(),
            q.lower(),
            q.upper(),
            level,
            f.logLikelihood(),
            f.customers());
      }
    }
    out.add(p.build());
    ValueSection.Tracking tr = v.tracking();
    Table.Builder t =
        Table.builder(
            "clv_tracking",
            "Actual and expected (BG/NBD) cumulative "
                + "repeat transactions at the end of each calendar week",
            "week",
            "week_end",
            "actual_cumulative",
            "expected_cumulative",
            "period");
    for (int k = 0; k < tr.weekEnds().size(); k++) {
      boolean calibration =
          tr.calibrationEnd() == null || !tr.weekEnds().get(k).isAfter(tr.calibrationEnd());
      t.row(
          k + 1,
          tr.weekEnds().get(k).toString(),
          tr.actual()[k],
          tr.expected()[k],
          calibration ? "calibration" : "holdout");
    }
    out.add(t.build());
    ValueSection.FrequencyRecency fr = v.frequencyRecency();
    Table.Builder m =
        Table.builder(
            "clv_frequency_recency",
            "Expected purchases in the next "
                + "month and P(alive) by frequency and recency, for a customer observed "
                + "the longest time (T in weeks)",
            "x",
            "t_x",
            "T",
            "expected_purchases_next_month",
            "p_alive");
    for (int i = 0; i < fr.frequencies().length; i++) {
      for (int j = 0; j < fr.recencies().length; j++) {
        if (!Double.isNaN(fr.alive()[i][j])) {
          m.row(
              fr.frequencies()[i],
              fr.recencies()[j],
              fr.age(),
              fr.expectedPurchases()[i][j],
              fr.alive()[i][j]);
        }
      }
    }
    out.add(m.build());
    Table.Builder h =
        Table.builder(
            "clv_alive_histogram",
            "Customers by P(alive), ten bins " + "(the last includes 1)",
            "from",
            "to",
            "customers");
    for (int b = 0; b < v.aliveCounts().length; b++) {
      h.row(b / 10.0, (b + 1) / 10.0, v.aliveCounts()[b]);
    }
    out.add(h.build());
    ValueSection.AtRisk r = v.atRisk();
    out.add(
        Table.builder(
                "clv_at_risk_summary",
                "Customers at risk: in the top share by CLV "
                    + "with P(alive) below the threshold, and what they are worth",
                "top_share",
                "p_alive_below",
                "clv_threshold",
                "customers",
                "clv_total",
                "share_of_total_clv")
            .row(
                r.topShare(),
                r.aliveBelow(),
                r.clvThreshold(),
                r.customers(),
                r.value(),
                r.shareOfValue())
            .build());
    return out;
  }

  /**
   * Writes {@code clv.csv} (every customer, in customer id order) and {@code clv_at_risk.csv} (the
   * customers at risk, highest CLV first) into {@code folder}, row by row.
   *
   * @throws UncheckedIOException if a file cannot be written (the file is named)
   */
  public static void writeCustomers(ValueSection v, Path folder) {
    CustomerValues c = v.perCustomer();
    write(folder.resolve("clv.csv"), w -> customers(c, i -> true, w));
    int[] atRisk = c.top(v.atRisk().customers(), v::isAtRisk);
    write(
        folder.resolve("clv_at_risk.csv"),
        w -> {
          try (TableWriter.RowWriter rows = TableWriter.csvRows(w, COLUMNS, NUMERIC)) {
            for (int i : atRisk) {
              rows.row(c.row(i).cells());
            }
          }
        });
  }

  /**
   * Streams the rows of the customers {@code filter} accepts, in index order, to {@code out} as CSV
   * with {@link #COLUMNS}; returns the number of rows.
   *
   * @throws UncheckedIOException if the writer fails
   */
  public static long customers(CustomerValues c, IntPredicate filter, Writer out) {
    try (TableWriter.RowWriter rows = TableWriter.csvRows(out, COLUMNS, NUMERIC)) {
      c.forEach(filter, r -> rows.row(r.cells()));
      return rows.rows();
    }
  }

  private interface Body {
    void write(Writer w);
  }

  private static void write(Path file, Body body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot write " + file,
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
  }
}
