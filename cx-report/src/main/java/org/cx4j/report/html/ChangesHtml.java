package org.cx4j.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.report.analysis.ChangeSection;
import org.cx4j.report.analysis.ChangeSection.Change;

/**
 * The "What changed" section of the HTML report: the significant changes with the largest {@code
 * |z|}, warnings, and a table of every change that the reader can sort (by {@code |z|}, by size of
 * change, by metric and group) without a script: one radio button per order, and CSS shows the
 * table in that order.
 */
final class ChangesHtml {

  /** The section's id (and its link in the navigation). */
  static final String ID = "changes";

  /** The section's rules, appended to the page's style sheet. */
  static final String CSS =
      String.join(
          "\n",
          ".chg-sort { margin: 8px 0 0; font-size: 14px; }",
          ".chg-sort input { margin: 0 4px 0 12px; }",
          ".chg-tables table { display: none; }",
          "#chg-by-z:checked ~ .chg-tables .chg-z, #chg-by-change:checked ~ .chg-tables .chg-change,",
          "#chg-by-group:checked ~ .chg-tables .chg-group { display: table; }",
          ".chg-tables { overflow-x: auto; }",
          ".chg-tables td.n { white-space: nowrap; }",
          "tr.sig td { font-weight: 600; }",
          "tr.untested td { color: var(--muted); }",
          "@media print { .chg-sort { display: none; } .chg-tables table { display: none; }",
          "  .chg-tables .chg-z { display: table; } }",
          "");

  private ChangesHtml() {}

  /** The orders the table can be sorted in: id suffix, label, comparator. */
  private record Order(String id, String label, Comparator<Change> comparator) {}

  private static final List<Order> ORDERS =
      List.of(
          new Order("z", "largest |z| first", ChangeSection.BY_STATISTIC),
          new Order(
              "change",
              "largest change first",
              Comparator.comparingDouble((Change c) -> -Math.abs(c.change()))),
          new Order("group", "metric and group", (a, b) -> 0));

  /** Returns the section's HTML. */
  static String section(ChangeSection c, int pct) {
    StringBuilder h = new StringBuilder(16 * 1024);
    h.append("<section id=\"").append(ID).append("\">\n<h2>What changed</h2>\n");
    h.append("<p>Since the baseline report on ").append(HtmlReport.bdi(c.baselineSource()));
    if (c.baselinePeriod() != null) {
      h.append(" (responses ").append(HtmlReport.esc(c.baselinePeriod().toString())).append(')');
    }
    if (c.currentPeriod() != null) {
      h.append("; this report: responses ").append(HtmlReport.esc(c.currentPeriod().toString()));
    }
    h.append(". ")
        .append(
            HtmlReport.esc(
                String.format(
                    Locale.ROOT,
                    "%d of %d changes tested; "
                        + "significant means an adjusted p-value (%s) at most %.2f, by %s across every change "
                        + "tested. Groups with an effective n below %d in either report are shown without a "
                        + "test.",
                    c.tested(),
                    c.changes().size(),
                    c.adjustedName(),
                    c.alpha(),
                    c.methodName(),
                    c.minGroup())))
        .append("</p>\n");
    for (String w : c.warnings()) {
      h.append("<p class=\"warn\">").append(HtmlReport.esc(w)).append("</p>\n");
    }
    List<Change> top = c.headlines();
    if (top.isEmpty()) {
      h.append("<p>No significant change.</p>\n");
    } else {
      h.append("<p>")
          .append(
              top.size() == 1
                  ? "The significant change:"
                  : "The " + top.size() + " significant changes with the largest |z|:")
          .append("</p>\n");
      h.append("<ol class=\"chg-top\">\n");
      for (Change x : top) {
        h.append("<li>").append(describe(c, x)).append("</li>\n");
      }
      h.append("</ol>\n");
    }
    if (!c.changes().isEmpty()) {
      h.append("<div class=\"chg-sort\">Sort:");
      for (int i = 0; i < ORDERS.size(); i++) {
        Order o = ORDERS.get(i);
        h.append("<input type=\"radio\" name=\"chg-sort\" id=\"chg-by-")
            .append(o.id())
            .append('"')
            .append(i == 0 ? " checked" : "")
            .append("><label for=\"chg-by-")
            .append(o.id())
            .append("\">")
            .append(HtmlReport.esc(o.label()))
            .append("</label>");
      }
      // The inputs precede the tables as siblings: the CSS selectors need that.
      StringBuilder tables = new StringBuilder();
      for (Order o : ORDERS) {
        List<Change> rows = new ArrayList<>(c.changes());
        rows.sort(o.comparator()); // stable: ties keep the report order
        table(tables, c, rows, "chg-" + o.id(), pct);
      }
      h.append("<div class=\"chg-tables\">\n").append(tables).append("</div>\n</div>\n");
      h.append(
              "<p class=\"small\">Changes are this report minus the baseline, in NPS points or "
                  + "percentage points (pp); intervals at ")
          .append(pct)
          .append("%. The same table is in " + "<code>tables/changes.csv</code>.</p>\n");
    }
    if (!c.notes().isEmpty()) {
      h.append("<ul>\n");
      for (String n : c.notes()) {
        h.append("<li>").append(HtmlReport.bdi(n)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
    return h.toString();
  }

  private static String group(Change x) {
    return x.dimension().equals("overall")
        ? "overall"
        : HtmlReport.esc(x.dimension()) + " " + HtmlReport.bdi(x.key());
  }

  private static String describe(ChangeSection c, Change x) {
    return String.format(
        Locale.ROOT,
        "%s%s, %s: %s &rarr; %s (%s%s, %s %s, %s %s)",
        HtmlReport.esc(x.metric()),
        x.test() == ChangeSection.Test.MEAN ? " mean" : "",
        group(x),
        fmt(x, x.baseline()),
        fmt(x, x.current()),
        signed(x, x.change()),
        x.changeUnit().isEmpty() ? "" : " " + x.changeUnit(),
        x.difference().degreesOfFreedom() == null ? "z" : "t",
        HtmlReport.esc(ChangeSection.number(x.difference().statistic())),
        c.adjustedName(),
        HtmlReport.esc(ChangeSection.pValue(x.adjusted())));
  }

  private static String fmt(Change x, double v) {
    return String.format(Locale.ROOT, x.test() == ChangeSection.Test.MEAN ? "%.2f" : "%.1f", v);
  }

  private static String signed(Change x, double v) {
    return String.format(Locale.ROOT, x.test() == ChangeSection.Test.MEAN ? "%+.2f" : "%+.1f", v);
  }

  private static void table(
      StringBuilder h, ChangeSection c, List<Change> rows, String cls, int pct) {
    h.append("<table class=\"")
        .append(cls)
        .append(
            "\">\n<thead><tr><th>metric</th><th>group"
                + "</th><th class=\"n\">baseline</th><th class=\"n\">now</th><th class=\"n\">change</th>"
                + "<th class=\"n\">")
        .append(pct)
        .append(
            "% interval</th><th class=\"n\">z or t</th>" + "<th class=\"n\">p</th><th class=\"n\">")
        .append(HtmlReport.esc(c.adjustedName()))
        .append(
            "</th><th>significant</th><th class=\"n\">n baseline</th><th class=\"n\">n now"
                + "</th></tr></thead>\n<tbody>\n");
    for (Change x : rows) {
      h.append(
          x.significant() ? "<tr class=\"sig\">" : x.tested() ? "<tr>" : "<tr class=\"untested\">");
      h.append("<td>")
          .append(HtmlReport.esc(x.metric() + (x.test() == ChangeSection.Test.MEAN ? " mean" : "")))
          .append("</td>");
      h.append("<td>").append(group(x)).append("</td>");
      num(h, fmt(x, x.baseline()));
      num(h, fmt(x, x.current()));
      num(h, signed(x, x.change()) + (x.changeUnit().isEmpty() ? "" : " " + x.changeUnit()));
      Difference d = x.difference();
      if (d == null) {
        h.append(
                "<td class=\"n\"></td><td class=\"n\"></td><td class=\"n\"></td>"
                    + "<td class=\"n\"></td><td>not tested: ")
            .append(HtmlReport.esc(x.untested()))
            .append("</td>");
      } else {
        double k = x.displayFactor();
        num(
            h,
            String.format(
                Locale.ROOT,
                x.test() == ChangeSection.Test.MEAN ? "%+.2f to %+.2f" : "%+.1f to %+.1f",
                k * d.interval().lower(),
                k * d.interval().upper()));
        num(h, ChangeSection.number(d.statistic()));
        num(h, ChangeSection.pValue(d.pValue()));
        num(h, ChangeSection.pValue(x.adjusted()));
        h.append("<td>").append(x.significant() ? "yes" : "no").append("</td>");
      }
      num(h, count(x.baselineN(), x.baselineEffectiveN()));
      num(h, count(x.currentN(), x.currentEffectiveN()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** Returns {@code n}, with the effective n when weights make it differ. */
  private static String count(long n, double effective) {
    return Math.abs(effective - n) < 0.5
        ? String.format(Locale.ROOT, "%,d", n)
        : String.format(Locale.ROOT, "%,d (n_eff %,.0f)", n, effective);
  }

  private static void num(StringBuilder h, String text) {
    h.append("<td class=\"n\">").append(HtmlReport.esc(text)).append("</td>");
  }
}
