package org.cx4j.report.html;

import static org.cx4j.report.html.HtmlReport.bdi;
import static org.cx4j.report.html.HtmlReport.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.cx4j.report.analysis.CustomerValues;
import org.cx4j.report.analysis.CustomerValues.CustomerValue;
import org.cx4j.report.analysis.ValueSection;
import org.cx4j.report.analysis.Wording;
import org.cx4j.report.chart.DistributionChart;
import org.cx4j.report.chart.MatrixHeatmap;
import org.cx4j.report.chart.Svg;
import org.cx4j.report.chart.TrackingChart;

/**
 * The per-customer parts of the lifetime value section: the customers worth the most (with a search
 * box), those at risk, those a model could not use, the fitted parameters, and the BTYD pictures
 * (tracking plot, frequency-recency matrices, P(alive) histogram), each chart with its title,
 * description and a link to the table behind it.
 *
 * <p>Customer ids come from the user's files and may be hostile: they are written only as escaped,
 * isolated text ({@link HtmlReport#bdi}); the search script reads the cells' text and never builds
 * markup from it.
 */
final class ValueHtml {

  /** Customers listed in the page's tables at most; every one is in the CSV files. */
  static final int LISTED = 50;

  /**
   * The search box's script: hides the rows of the searchable tables whose customer id (the first
   * cell's text) does not contain the query, case-insensitively. It reads text only ({@code
   * textContent}) and writes only the {@code hidden} property: no markup is built.
   */
  static final String SEARCH_SCRIPT =
      "(function () {\n"
          + "  var box = document.getElementById('clv-search');\n"
          + "  if (!box) { return; }\n"
          + "  box.addEventListener('input', function () {\n"
          + "    var q = box.value.toLowerCase();\n"
          + "    var rows = document.querySelectorAll('table.clv-searchable tbody tr');\n"
          + "    for (var i = 0; i < rows.length; i++) {\n"
          + "      var id = rows[i].cells[0].textContent.toLowerCase();\n"
          + "      rows[i].hidden = q !== '' && id.indexOf(q) < 0;\n"
          + "    }\n"
          + "  });\n"
          + "})();\n";

  private final StringBuilder h;
  private final ValueSection v;
  private final int pct;

  private ValueHtml(StringBuilder h, ValueSection v, int pct) {
    this.h = h;
    this.v = v;
    this.pct = pct;
  }

  /** Appends the parts to {@code h}. */
  static void render(StringBuilder h, ValueSection v, int pct) {
    new ValueHtml(h, v, pct).render();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private void render() {
    CustomerValues c = v.perCustomer();
    h.append("<h3 id=\"clv-customers\">The customers worth the most</h3>\n");
    p(
        f(
            "The %d customers with the highest lifetime value; all %,d customers, with the same "
                + "columns, are in tables/clv.csv. The interval of each CLV (%d%%, delta method) "
                + "comes from the uncertainty of the fitted parameters only: it excludes the "
                + "variance of the purchase process itself (how many purchases a customer with "
                + "known parameters makes), so the customer's actual value varies more. Expected "
                + "purchases are for the next month; the RFM segment is from recency and frequency "
                + "quintiles.",
            Math.min(LISTED, c.size()), c.size(), pct));
    h.append(
        "<p><label for=\"clv-search\">Find a customer id in the tables below: </label>"
            + "<input type=\"search\" id=\"clv-search\" autocomplete=\"off\" spellcheck=\"false\">"
            + "</p>\n");
    customers("clv-top", c.top(LISTED, i -> true));
    atRisk(c);
    excluded();
    h.append("<script>\n").append(SEARCH_SCRIPT).append("</script>\n");
    parameters();
    tracking();
    matrices();
    histogram();
  }

  private void p(String text) {
    h.append("<p>").append(esc(text)).append("</p>\n");
  }

  private void customers(String id, int[] rows) {
    CustomerValues c = v.perCustomer();
    // Wide tables scroll inside their box on a narrow screen, never the page.
    h.append("<div class=\"scroll\">\n");
    h.append("<table class=\"clv-searchable\" id=\"").append(id).append("\">\n<thead><tr>");
    h.append("<th>customer</th>");
    for (String col :
        List.of(
            "repeat purchases x",
            "recency t_x (weeks)",
            "age T (weeks)",
            "expected purchases next month",
            "P(alive)",
            "expected spend per purchase",
            "CLV",
            f("%d%% interval of CLV (parameters only)", pct))) {
      h.append("<th class=\"n\">").append(esc(col)).append("</th>");
    }
    h.append("<th>RFM segment</th></tr></thead>\n<tbody>\n");
    for (int i : rows) {
      CustomerValue r = c.row(i);
      h.append("<tr><td>").append(bdi(r.customerId())).append("</td>");
      num(f("%d", r.x()));
      num(f("%.1f", r.tx()));
      num(f("%.1f", r.age()));
      num(f("%.2f", r.expectedPurchases()));
      num(f("%.2f", r.alive()));
      num(Double.isNaN(r.expectedSpend()) ? "" : f("%,.2f", r.expectedSpend()));
      num(f("%,.2f", r.clv()));
      h.append("<td class=\"n\" style=\"white-space:nowrap\">")
          .append(Double.isNaN(r.lower()) ? "n/a" : esc(f("%,.2f to %,.2f", r.lower(), r.upper())))
          .append("</td>");
      h.append("<td>")
          .append(r.rfmSegment() == null ? "" : esc(r.rfmSegment().replace('_', ' ')))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private void num(String text) {
    h.append("<td class=\"n\">").append(esc(text)).append("</td>");
  }

  private void atRisk(CustomerValues c) {
    ValueSection.AtRisk a = v.atRisk();
    h.append("<h3 id=\"clv-at-risk\">At risk</h3>\n");
    String who =
        f(
            "customers in the top %s by CLV (CLV at least %,.2f) whose probability of "
                + "still being active, P(alive), is below %s",
            pctText(a.topShare()), a.clvThreshold(), trim(a.aliveBelow()));
    if (a.customers() == 0) {
      p("No customer is at risk: none of the " + who + ".");
      return;
    }
    p(
        f(
            "%s at risk: %s. Together they are worth %,.2f of expected lifetime value, %.1f%% "
                + "of the total. The %d worth the most are listed; all are in "
                + "tables/clv_at_risk.csv (thresholds: --at-risk-top, --at-risk-alive).",
            Wording.count(a.customers(), "customer is", "customers are"),
            who,
            a.value(),
            100 * a.shareOfValue(),
            Math.min(LISTED, a.customers())));
    IntPredicate risk = v::isAtRisk;
    customers("clv-at-risk-top", c.top(LISTED, risk));
  }

  private static String pctText(double share) {
    return trim(100 * share) + "%";
  }

  private static String trim(double d) {
    String s = f("%.4f", d).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private void excluded() {
    h.append("<h3 id=\"clv-excluded\">Customers a model could not use</h3>\n");
    if (v.excluded().isEmpty()) {
      p("Every customer could be used by both models.");
      return;
    }
    int n = v.excluded().size();
    p(
        f(
            "%s left out of a model, with the reason; %s listed here, all in "
                + "tables/clv_excluded.csv (and marked in tables/clv.csv).",
            Wording.count(n, "customer was", "customers were"),
            n <= LISTED ? (n == 1 ? "it is" : "all are") : "the first " + LISTED + " are"));
    h.append(
        "<div class=\"scroll\">\n<table class=\"clv-searchable\" "
            + "id=\"clv-excluded-list\">\n<thead><tr>"
            + "<th>customer</th><th>model left out of</th><th>reason</th><th>detail</th>"
            + "</tr></thead>\n<tbody>\n");
    for (ValueSection.Excluded e : v.excluded().subList(0, Math.min(LISTED, n))) {
      h.append("<tr><td>")
          .append(bdi(e.customerId()))
          .append("</td><td>Gamma-Gamma (spend)" + "</td><td>")
          .append(esc(e.reason()))
          .append("</td><td>")
          .append(esc(e.detail()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private void parameters() {
    h.append("<h3 id=\"clv-parameters\">The fitted models</h3>\n");
    p(
        f(
            "Maximum likelihood estimates with %d%% intervals (on the log scale, from the inverse "
                + "observed information), and the maximised log-likelihood. BG/NBD: purchase rate "
                + "Gamma(r, alpha) per week, drop-out probability Beta(a, b) after each purchase. "
                + "Gamma-Gamma: spend per purchase with shape p and Gamma(q, gamma) scale "
                + "(Fader, Hardie and Lee 2005).",
            pct));
    h.append(
            "<div class=\"scroll\">\n<table id=\"clv-parameter-table\">\n<thead><tr><th>model</th><th>parameter</th>"
                + "<th class=\"n\">estimate</th><th class=\"n\">")
        .append(pct)
        .append(
            "% interval</th><th class=\"n\">log-likelihood</th><th class=\"n\">customers "
                + "fitted</th></tr></thead>\n<tbody>\n");
    for (ValueSection.ModelFit m : v.fits()) {
      for (ValueSection.Parameter q : m.parameters()) {
        h.append("<tr><td>")
            .append(esc(m.model()))
            .append("</td><td>")
            .append(esc(q.name()))
            .append("</td>");
        num(f("%.4g", q.estimate()));
        num(Double.isNaN(q.lower()) ? "n/a" : f("%.4g to %.4g", q.lower(), q.upper()));
        num(f("%,.2f", m.logLikelihood()));
        num(f("%,d", m.customers()));
        h.append("</tr>\n");
      }
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  /** A chart laid out at each of the page's widths, linked to {@code table}. */
  private void figure(String id, IntFunction<Svg> at, String reading, String table) {
    HtmlReport.figure(h, id, at, esc(reading), table);
  }

  private void tracking() {
    ValueSection.Tracking t = v.tracking();
    int n = t.weekEnds().size();
    double[] actual = new double[n];
    for (int k = 0; k < n; k++) {
      actual[k] = t.actual()[k];
    }
    TrackingChart.Builder b =
        TrackingChart.builder(
                "Repeat transactions: actual and expected, " + "cumulative", actual, t.expected())
            .xAxisLabel("weeks since " + t.origin());
    String split =
        "The whole period is calibration (set --calibration-end to test the model on "
            + "later weeks).";
    if (t.calibrationEnd() != null) {
      b.calibrationEnd(Math.min(n, t.calibrationDays() / 7.0));
      int k = 0;
      while (k < n && !t.weekEnds().get(k).isAfter(t.calibrationEnd())) {
        k++;
      }
      double a = k == 0 ? 0 : actual[k - 1];
      double e = k == 0 ? 0 : t.expected()[k - 1];
      split =
          f(
              "Calibration ends %s (the dotted line), the model fitted on it alone; in the "
                  + "holdout after it, actual repeat transactions grew by %,.0f and the model "
                  + "expected %,.0f.",
              t.calibrationEnd(), actual[n - 1] - a, t.expected()[n - 1] - e);
    }
    figure(
        "clv-tracking",
        w -> b.size(w, HtmlReport.tall(w, 340, 280)).render(),
        f(
            "By the end, %,.0f repeat transactions (purchase days "
                + "after each customer's first) against %,.0f expected by BG/NBD (%+.1f%%). %s",
            actual[n - 1],
            t.expected()[n - 1],
            actual[n - 1] == 0 ? 0.0 : 100 * (t.expected()[n - 1] - actual[n - 1]) / actual[n - 1],
            split),
        "clv_tracking");
  }

  private void matrices() {
    ValueSection.FrequencyRecency fr = v.frequencyRecency();
    List<String> rows = new ArrayList<>();
    for (int x : fr.frequencies()) {
      rows.add(Integer.toString(x));
    }
    List<String> cols = new ArrayList<>();
    for (double r : fr.recencies()) {
      cols.add(f("%.0f", r));
    }
    String who = f("a customer first seen %.0f weeks ago (the longest observed)", fr.age());
    MatrixHeatmap.Builder expected =
        MatrixHeatmap.builder(
                "Expected purchases next month by frequency and recency",
                rows,
                cols,
                fr.expectedPurchases())
            .rowTitle("repeat purchases x")
            .columnTitle("weeks from first to last purchase t_x")
            .decimals(2);
    figure(
        "clv-fr-purchases",
        w -> expected.size(w, HtmlReport.tall(w, 420, 380)).render(),
        "For "
            + who
            + ": the more often and the more recently "
            + "a customer bought, the more purchases the model expects; frequent buyers who have "
            + "not bought for long are expected to have left.",
        "clv_frequency_recency");
    MatrixHeatmap.Builder alive =
        MatrixHeatmap.builder("P(alive) by frequency and recency", rows, cols, fr.alive())
            .rowTitle("repeat purchases x")
            .columnTitle("weeks from first to last purchase t_x")
            .max(1)
            .decimals(2);
    figure(
        "clv-fr-alive",
        w -> alive.size(w, HtmlReport.tall(w, 420, 380)).render(),
        "For "
            + who
            + ": the probability of still being an active "
            + "customer. Blank cells cannot occur (no repeat purchase means t_x = 0).",
        "clv_frequency_recency");
  }

  private void histogram() {
    long[] counts = v.aliveCounts();
    List<String> labels = new ArrayList<>();
    long total = 0;
    long below = 0;
    for (int b = 0; b < counts.length; b++) {
      labels.add(f("%.1f", b / 10.0)); // the bin's lower end: short enough for a phone
      total += counts[b];
      below += b < 5 ? counts[b] : 0;
    }
    DistributionChart.Builder chart =
        DistributionChart.builder("Customers by P(alive)", labels, counts)
            .xAxisLabel("P(alive), bins of 0.1 from")
            .yAxisLabel("customers");
    figure(
        "clv-alive-histogram",
        w -> chart.size(w, HtmlReport.tall(w, 300, 260)).render(),
        f(
            "%.1f%% of customers are more likely gone than "
                + "active (P(alive) below 0.5). A customer without a repeat purchase has P(alive) = 1 "
                + "in BG/NBD (drop-out happens only after a purchase).",
            total == 0 ? 0.0 : 100.0 * below / total),
        "clv_alive_histogram");
  }
}
