package org.cx4j.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntFunction;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadReport;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.painpoint.FeedbackSummary;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.variant.Variants;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.priority.EffortImpactMatrix;
import org.cx4j.metrics.priority.Quadrant;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.RetentionKind;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.SurveyMetric;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.metrics.survival.SurvivalBand;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.DriverSection;
import org.cx4j.report.analysis.Estimate;
import org.cx4j.report.analysis.JourneySection;
import org.cx4j.report.analysis.RetentionSection;
import org.cx4j.report.analysis.ScoreSection;
import org.cx4j.report.analysis.ValueSection;
import org.cx4j.report.analysis.Wording;
import org.cx4j.report.chart.AttributionChart;
import org.cx4j.report.chart.DistributionChart;
import org.cx4j.report.chart.EffortImpactChart;
import org.cx4j.report.chart.FunnelChart;
import org.cx4j.report.chart.HorizontalBarChart;
import org.cx4j.report.chart.JourneyMapChart;
import org.cx4j.report.chart.RetentionHeatmap;
import org.cx4j.report.chart.SurvivalChart;
import org.cx4j.report.chart.Svg;
import org.cx4j.report.chart.TrendChart;
import org.cx4j.report.console.ConsoleSummary;
import org.cx4j.report.console.SafeText;
import org.cx4j.report.input.ReportInput;

/**
 * The CX report as one self-contained HTML5 document: inline CSS and inline SVG charts, two small
 * inline scripts (sorting the tables by touchpoint and stage; the lifetime value section's customer
 * search, {@code ValueHtml.SEARCH_SCRIPT}), no fonts, images or links to anything outside the file
 * but the {@code tables/*.csv} written beside it, so it opens offline and can be mailed as it is.
 * Every chart sits in a {@code <figure class="chart">} with a title, axes and units, and a caption
 * with a one-line reading of what it shows (figures with their unit and n), computed from the data,
 * and a link to the table behind it. Charts are laid out at each of {@link #WIDTHS} and CSS
 * container queries show the one that fits the figure; a print stylesheet makes the page print
 * cleanly to PDF.
 *
 * <p>Sections: data read (with rejected rows and why), headline figures, each survey metric (trend
 * with confidence band, score distribution, by segment, channel and stage, and a sortable table by
 * stage and touchpoint), the journey map, the funnel, pain points and moments of delight, retention
 * (cohort heat map, survival curve), lifetime value, the drivers of NPS and the effort-impact
 * matrix, attribution by channel, and the notes on what was left out.
 */
public final class HtmlReport {

  /**
   * The widths, in pixels, each chart is laid out at: for a wide page, a tablet or a printed page,
   * and a phone (390 px wide, less the page's margins).
   */
  static final int[] WIDTHS = {1000, 680, 360};

  /** The CSS class of each of {@link #WIDTHS}. */
  private static final String[] WIDTH_CLASS = {"w-l", "w-m", "w-s"};

  /**
   * Appends a chart laid out at each of {@link #WIDTHS}, with its reading and, when {@code table}
   * is not null, a link to the table behind it: the page's CSS shows the layout that suits the
   * width of the figure (container queries), so a chart is drawn for the room it has rather than
   * shrunk from one size; without container queries the widest shows, scaled.
   */
  static void figure(
      StringBuilder h, String id, IntFunction<Svg> at, String readingHtml, String table) {
    h.append("<figure class=\"chart\" id=\"chart-").append(id).append("\">\n");
    for (int k = 0; k < WIDTHS.length; k++) {
      h.append("<div class=\"")
          .append(WIDTH_CLASS[k])
          .append("\">")
          .append(at.apply(WIDTHS[k]).markup())
          .append("</div>\n");
    }
    h.append("<figcaption>")
        .append(readingHtml)
        .append(dataLink(table))
        .append("</figcaption>\n</figure>\n");
  }

  /** Returns the link to {@code tables/<table>.csv}, or nothing when {@code table} is null. */
  static String dataLink(String table) {
    return table == null
        ? ""
        : " <a class=\"data\" href=\"tables/" + table + ".csv\">Data: tables/" + table + ".csv</a>";
  }

  /**
   * Returns the height of a chart laid out {@code width} pixels wide: {@code wide} at 1,000 px,
   * {@code narrow} at 360 px, linear between.
   */
  static int tall(int width, int wide, int narrow) {
    return (int) Math.round(narrow + (wide - narrow) * (width - 360) / 640.0);
  }

  /** Returns the name of the table (in {@code tables/}) behind the chart with this id, or null. */
  static String tableOf(String chartId) {
    if (chartId.endsWith("-trend")) {
      return "score_trend";
    }
    if (chartId.endsWith("-distribution")) {
      return "score_distribution";
    }
    if (chartId.endsWith("-segments")
        || chartId.endsWith("-channels")
        || chartId.endsWith("-stages")) {
      return "scores";
    }
    if (chartId.startsWith("segment-")) {
      return "segments";
    }
    return switch (chartId) {
      case "journey-map" -> "journey_touchpoints";
      case "funnel" -> "funnel";
      case "retention" -> "cohort_retention";
      case "survival" -> "survival";
      case "drivers" -> "drivers";
      case "effort-impact" -> "effort_impact";
      case "attribution" -> "attribution";
      default -> null;
    };
  }

  /** At most this many journey-map links are drawn; the rest are in the transitions table. */
  static final int MAX_MAP_LINKS = 60;

  /**
   * The cx4j version named in the footer, from the build-filtered {@code
   * cx-report-version.properties} that {@code cx-report --version} also reads; "(unknown version)"
   * when the resource is missing or unfiltered.
   */
  static final String VERSION = readVersion();

  private HtmlReport() {}

  /**
   * Returns the cx4j version that writes reports: from the build-filtered {@code
   * cx-report-version.properties} (so it is right however the code is launched: the jar, {@code
   * ./cx report}, {@code exec:java}, an IDE), else the jar manifest, else "(unknown version)".
   */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (java.io.InputStream in =
        HtmlReport.class.getResourceAsStream("/org/cx4j/report/cli/cx-report-version.properties")) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.strip();
        }
      }
    } catch (java.io.IOException e) {
      // fall through to the manifest
    }
    String v = HtmlReport.class.getPackage().getImplementationVersion();
    return v == null ? "(unknown version)" : v;
  }

  /**
   * Returns the report as one HTML document.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static String render(CxReport report) {
    Objects.requireNonNull(report, "report");
    return new HtmlReport.Page(report).render();
  }

  /**
   * Escapes text for HTML element content and attribute values; null ("no value") is empty; control
   * characters other than tab and line breaks are shown as <code>&#92;uXXXX</code>.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c != '\n'
              && c != '\t'
              && c != '\r'
              && SafeText.isUnsafe(c)
              && !SafeText.isBidiControl(c)) {
            // Control characters are parse errors in HTML (and forbidden in inline SVG's XML):
            // shown in the visible form the console uses.
            sb.append(SafeText.escape(String.valueOf(c)));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** A name from the data (touchpoint, channel, segment, file...): shown isolated in a bdi. */
  private record Name(String text) {}

  /** Markup that is already escaped. */
  private record Raw(String html) {}

  /**
   * A cell of a sortable table: its markup, and for a number the value it sorts by (as text, {@code
   * null} for text cells, which sort by their text).
   */
  private record Cell(String html, String sortKey) {
    static Cell text(String s) {
      return new Cell(esc(s), null);
    }

    static Cell name(String s) {
      return new Cell(s.isEmpty() ? "" : bdi(s), null);
    }

    static Cell number(String shown, double value) {
      return new Cell(esc(shown), Double.isFinite(value) ? f("%s", value) : "");
    }

    static Cell missing() {
      return new Cell("n/a", "");
    }
  }

  /**
   * Returns a name from the data as HTML: escaped, its bidirectional controls balanced ({@link
   * #balance(String)}) and isolated in {@code <bdi>}, so that an override in it (U+202E) cannot
   * reorder the text around it.
   */
  static String bdi(String name) {
    return "<bdi>" + esc(balance(name)) + "</bdi>";
  }

  /**
   * Returns {@code format} as HTML with its arguments: a {@link Name} isolated ({@link
   * #bdi(String)}), {@link Raw} markup as it is, other text escaped, numbers formatted ({@link
   * Locale#ROOT}). The format's own text is escaped too.
   */
  private static String html(String format, Object... args) {
    Object[] a = args.clone();
    for (int i = 0; i < a.length; i++) {
      if (a[i] instanceof Name n) {
        a[i] = bdi(n.text());
      } else if (a[i] instanceof Raw r) {
        a[i] = r.html();
      } else if (a[i] instanceof String t) {
        a[i] = esc(t);
      }
    }
    return String.format(Locale.ROOT, esc(format), a);
  }

  /** Returns names from the data as HTML, each isolated, joined by {@code separator}. */
  private static Raw isolated(List<String> names, String separator) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : esc(separator)).append(bdi(n));
    }
    return new Raw(sb.toString());
  }

  /**
   * Returns {@code text} with its bidirectional embeddings, overrides and isolates balanced: a
   * closer that closes nothing opened in the text (U+202C PDF, U+2069 PDI) is dropped, and openers
   * still open at the end (U+202A, U+202B, U+202D, U+202E; U+2066 to U+2068) are closed there,
   * following the pairing rules of the Unicode Bidirectional Algorithm (UAX #9, X6a: a PDI also
   * closes the embeddings opened after its isolate). So the text's own directional formatting ends
   * where the text ends, even before a browser's {@code <bdi>} isolation; null is empty.
   */
  static String balance(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 4);
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068' -> {
          open.append(c);
          sb.append(c);
        }
        case '\u202c' -> {
          int top = open.length() - 1;
          if (top >= 0 && !isIsolate(open.charAt(top))) {
            open.setLength(top);
            sb.append(c);
          }
        }
        case '\u2069' -> {
          int at = open.length() - 1;
          while (at >= 0 && !isIsolate(open.charAt(at))) {
            at--;
          }
          if (at >= 0) {
            open.setLength(at);
            sb.append(c);
          }
        }
        default -> sb.append(c);
      }
    }
    for (int k = open.length() - 1; k >= 0; k--) {
      sb.append(isIsolate(open.charAt(k)) ? '\u2069' : '\u202c');
    }
    return sb.toString();
  }

  private static boolean isIsolate(char c) {
    return c >= '\u2066' && c <= '\u2068';
  }

  /** One rendering: a string builder and the report. */
  private static final class Page {
    private final CxReport r;
    private final StringBuilder h = new StringBuilder(256 * 1024);
    private final int pct;

    Page(CxReport r) {
      this.r = r;
      this.pct = (int) Math.round(100 * r.options().level());
    }

    String render() {
      ReportInput in = r.input();
      h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          // No element inside <title>: the name's directional formatting is balanced, so that it
          // ends with the name (the title's own text comes before it).
          .append("<title>CX report: ")
          .append(esc(balance(in.name())))
          .append("</title>\n")
          .append("<style>\n")
          .append(CSS)
          .append(ChangesHtml.CSS)
          .append("</style>\n</head>\n<body>\n");
      h.append("<header>\n<h1>Customer experience report</h1>\n<p class=\"sub\">")
          .append(bdi(in.name()))
          .append(" &middot; ")
          .append(
              f(
                  "%s, %s, %s, %s",
                  Wording.count(in.customers().size(), "customer", "customers"),
                  Wording.count(in.interactions().size(), "interaction", "interactions"),
                  Wording.count(in.responses().size(), "survey response", "survey responses"),
                  Wording.count(in.transactions().size(), "transaction", "transactions")))
          .append(" &middot; intervals at ")
          .append(pct)
          .append("% confidence</p>\n</header>\n");
      nav();
      h.append("<main>\n");
      data();
      headline();
      r.changes().ifPresent(c -> h.append(ChangesHtml.section(c, pct)));
      for (ScoreSection s : r.scores()) {
        scores(s);
      }
      r.journeys().ifPresent(this::journeys);
      r.retention().ifPresent(this::retention);
      r.value().ifPresent(this::value);
      r.drivers().ifPresent(this::drivers);
      r.text().ifPresent(t -> h.append(TextSectionHtml.render(t, pct)));
      attribution();
      notes();
      h.append("</main>\n<footer>Made with cx4j ").append(esc(VERSION));
      h.append(
          ". Methods: NPS adjusted-Wald interval (Rocks "
              + "2016); CSAT and CES shares with Wilson intervals; Kaplan-Meier with log-log band; "
              + "BG/NBD and Gamma-Gamma (Fader, Hardie and Lee 2005); Shapley value regression "
              + "(Lindeman, Merenda and Gold 1980); Markov removal effects. The tables behind every "
              + "chart are in the <code>tables</code> folder next to this file.</footer>\n");
      h.append("<script>\n").append(SORT_SCRIPT).append("</script>\n");
      h.append("</body>\n</html>\n");
      return h.toString();
    }

    private void nav() {
      h.append("<nav><ul>");
      link("data", "Data");
      link("headline", "Headline");
      if (r.changes().isPresent()) {
        link(ChangesHtml.ID, "What changed");
      }
      for (ScoreSection s : r.scores()) {
        link(s.metric().toLowerCase(Locale.ROOT), s.metric());
      }
      if (r.journeys().isPresent()) {
        link("journeys", "Journeys");
      }
      if (r.retention().isPresent()) {
        link("retention", "Retention");
      }
      if (r.value().isPresent()) {
        link("value", "Lifetime value");
      }
      if (r.drivers().isPresent()) {
        link("drivers", "Drivers");
      }
      if (r.text().isPresent()) {
        link(TextSectionHtml.ID, TextSectionHtml.NAV);
      }
      if (!r.attribution().isEmpty()) {
        link("attribution", "Attribution");
      }
      if (!r.notes().isEmpty()) {
        link("notes", "Notes");
      }
      h.append("</ul></nav>\n");
    }

    private void link(String id, String text) {
      h.append("<li><a href=\"#").append(id).append("\">").append(esc(text)).append("</a></li>");
    }

    private void section(String id, String title) {
      h.append("<section id=\"")
          .append(id)
          .append("\">\n<h2>")
          .append(esc(title))
          .append("</h2>\n");
    }

    private void endSection() {
      h.append("</section>\n");
    }

    private void p(String text) {
      h.append("<p>").append(esc(text)).append("</p>\n");
    }

    /** Writes a chart with its reading, given as HTML (names isolated by {@link #html}). */
    private void figure(String id, Svg svg, String readingHtml) {
      h.append("<figure class=\"chart\" id=\"chart-")
          .append(id)
          .append("\">\n")
          .append(svg.markup())
          .append("\n<figcaption>")
          .append(readingHtml)
          .append(dataLink(tableOf(id)))
          .append("</figcaption>\n</figure>\n");
    }

    /** Writes a chart laid out at each of {@link #WIDTHS}: see {@link HtmlReport#figure}. */
    private void figure(String id, IntFunction<Svg> at, String readingHtml) {
      HtmlReport.figure(h, id, at, readingHtml, tableOf(id));
    }

    /**
     * Writes a table; a null cell ("no value") is an empty cell, never an error. Text cells come
     * from the data: each is isolated in {@code <bdi>}; a {@link Raw} cell is markup as it is.
     */
    private void table(List<String> head, List<? extends List<?>> rows, Set<Integer> numeric) {
      // A wide table scrolls inside its box on a phone; the page itself never scrolls sideways.
      h.append("<div class=\"scroll\"><table>\n<thead><tr>");
      for (int i = 0; i < head.size(); i++) {
        h.append(numeric.contains(i) ? "<th class=\"n\">" : "<th>")
            .append(esc(head.get(i)))
            .append("</th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      for (List<?> row : rows) {
        h.append("<tr>");
        for (int i = 0; i < row.size(); i++) {
          Object v = row.get(i);
          String cell =
              v == null
                  ? ""
                  : v instanceof Raw raw
                      ? raw.html()
                      : numeric.contains(i) ? esc(v.toString()) : bdi(v.toString());
          h.append(numeric.contains(i) ? "<td class=\"n\">" : "<td>").append(cell).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table></div>\n");
    }

    /**
     * Writes a table whose columns sort on a click of their heading (the page's one small inline
     * script, {@link #SORT_SCRIPT}); numeric cells sort by their value, not their text.
     */
    private void sortable(String id, List<String> head, List<List<Cell>> rows) {
      h.append("<div class=\"scroll\"><table class=\"sortable\" id=\"table-")
          .append(id)
          .append("\">\n<thead><tr>");
      List<Cell> first = rows.isEmpty() ? List.of() : rows.get(0);
      for (int i = 0; i < head.size(); i++) {
        boolean num = i < first.size() && first.get(i).sortKey() != null;
        h.append(num ? "<th class=\"n\" data-type=\"number\">" : "<th>")
            .append("<button type=\"button\">")
            .append(esc(head.get(i)))
            .append("</button></th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      for (List<Cell> row : rows) {
        h.append("<tr>");
        for (Cell c : row) {
          h.append(c.sortKey() != null ? "<td class=\"n\" data-v=\"" + c.sortKey() + "\">" : "<td>")
              .append(c.html())
              .append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table></div>\n");
    }

    // -------------------------------------------------------------------------------------------

    private void data() {
      section("data", "Data");
      ReportInput in = r.input();
      if (in.reads().isEmpty()) {
        p("The bundled sample data, generated in memory: nothing was read from files.");
      } else {
        List<List<String>> rows = new ArrayList<>();
        for (ReadReport rr : in.reads()) {
          rows.add(
              Arrays.asList(
                  fileName(rr.source()),
                  f("%,d", rr.read()),
                  f("%,d", rr.accepted()),
                  f("%,d", rr.rejected())));
        }
        table(List.of("file", "rows read", "accepted", "rejected"), rows, Set.of(1, 2, 3));
        long rejected = in.rejectedRows();
        if (rejected == 0) {
          p("Every row was accepted.");
        } else {
          h.append("<p class=\"warn\">")
              .append(
                  esc(
                      f(
                          "%s rejected and %s in no figure of " + "this report. Why:",
                          Wording.count(rejected, "row was", "rows were"),
                          rejected == 1 ? "is" : "are")))
              .append("</p>\n");
          // The exact count per kind of reason and column, over every reject (the readers tally
          // all of them); the examples are the first ones kept.
          List<List<String>> rows2 = new ArrayList<>();
          List<List<String>> examples = new ArrayList<>();
          for (ReadReport rr : in.reads()) {
            for (ReadReport.Tally t : rr.tallies()) {
              rows2.add(
                  Arrays.asList(
                      fileName(rr.source()),
                      t.kind().description(),
                      t.column(),
                      f("%,d", t.rows())));
            }
            for (ReadError e : rr.errors()) {
              if (examples.size() < 20) {
                examples.add(
                    Arrays.asList(
                        fileName(e.source()),
                        e.line() > 0 ? Long.toString(e.line()) : null,
                        e.column(),
                        e.value(),
                        e.reason()));
              }
            }
          }
          table(List.of("file", "why", "column", "rows"), rows2, Set.of(3));
          p(
              "The first rejected rows (every one of them, with its raw text, is in "
                  + "tables/rejected_rows.csv):");
          table(List.of("file", "line", "column", "value", "reason"), examples, Set.of(1));
        }
      }
      endSection();
    }

    /** One group of rejected rows: file, column (null for the whole row) and reason. */

    /** File names only: no absolute path of the analyst's machine in the report. */
    private static String fileName(String source) {
      return ReportInput.fileName(source);
    }

    private void headline() {
      section("headline", "Headline");
      if (r.scores().isEmpty()) {
        p("No survey responses.");
      }
      h.append("<div class=\"kpis\">\n");
      for (ScoreSection s : r.scores()) {
        Estimate e = s.overall();
        h.append("<div class=\"kpi\"><div class=\"label\">")
            .append(esc(s.metric()))
            .append("</div><div class=\"value\">")
            .append(e.isEmpty() ? "n/a" : f("%.1f", e.value()))
            .append("</div><div class=\"ci\">")
            .append(
                e.isEmpty() ? "" : esc(f("%d%% interval %.1f to %.1f", pct, e.lower(), e.upper())))
            .append("</div><div class=\"count\">")
            .append(f("n = %,d", e.n()))
            .append(" &middot; ")
            .append(esc(s.measure()))
            .append("</div></div>\n");
      }
      r.journeys()
          .ifPresent(
              j ->
                  h.append(
                          "<div class=\"kpi\"><div class=\"label\">Conversion"
                              + "</div><div class=\"value\">")
                      .append(f("%.1f%%", 100 * j.funnel().conversion()))
                      .append("</div><div class=\"ci\">")
                      .append(
                          esc(
                              f(
                                  "%,d of %,d journeys",
                                  j.funnel().converted(), j.funnel().entered())))
                      .append(
                          "</div><div class=\"count\">funnel from the first stage</div></div>\n"));
      r.value()
          .ifPresent(
              v ->
                  h.append(
                          "<div class=\"kpi\"><div class=\"label\">Mean CLV"
                              + "</div><div class=\"value\">")
                      .append(f("%,.0f", v.mean()))
                      .append("</div><div " + "class=\"ci\">")
                      .append(
                          esc(
                              f(
                                  "median %,.0f, top 10%% hold %.0f%%",
                                  v.median(), 100 * v.topDecileShare())))
                      .append("</div><div class=\"count\">")
                      .append(
                          esc(
                              Wording.months(v.horizon().periods())
                                  + ", "
                                  + Wording.count(v.customers(), "customer", "customers")))
                      .append("</div></div>\n"));
      h.append("</div>\n");
      endSection();
    }

    private void scores(ScoreSection s) {
      String id = s.metric().toLowerCase(Locale.ROOT);
      section(id, s.title());
      p(
          s.measure()
              + f(
                  ": %.1f overall, %d%% interval %.1f to %.1f, n = %,d.",
                  s.overall().value(),
                  pct,
                  s.overall().lower(),
                  s.overall().upper(),
                  s.overall().n()));
      String axis = axisLabel(s);
      // Trend with band.
      List<String> periods = new ArrayList<>();
      int n = s.trend().size();
      double[] v = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      long[] counts = new long[n];
      for (int i = 0; i < n; i++) {
        Estimate e = s.trend().get(i);
        periods.add(e.label());
        v[i] = e.value();
        lo[i] = e.lower();
        hi[i] = e.upper();
        counts[i] = e.n();
      }
      TrendChart.Builder tb =
          TrendChart.builder(
                  s.metric()
                      + " per "
                      + r.options().trendPeriod().name().toLowerCase(Locale.ROOT)
                      + " with its "
                      + pct
                      + "% confidence band",
                  periods,
                  v)
              .band(lo, hi)
              .bandLabel(pct + "% interval")
              .responses(counts)
              .minResponses(r.options().minGroupSize())
              .yAxisLabel(axis)
              .seriesLabel(s.metric())
              .xAxisLabel(r.options().trendPeriod().name().toLowerCase(Locale.ROOT) + " starting");
      tb.yRange(s.minimum(), s.maximum());
      if (!s.overall().isEmpty()) {
        tb.referenceLine(s.overall().value(), "overall");
      }
      figure(id + "-trend", w -> tb.size(w, tall(w, 340, 280)).render(), esc(trendReading(s)));
      // Distribution.
      long[] dist = s.distribution().counts();
      DistributionChart.Builder d;
      if (s.instrument().kind() == Instrument.Kind.NPS) {
        d =
            DistributionChart.npsBuilder(
                    "Distribution of " + s.metric() + " answers (counts)", dist)
                .yAxisLabel("Responses");
      } else {
        List<String> values = new ArrayList<>();
        int min = s.instrument().scale().min();
        int[] cat = new int[dist.length];
        List<ScoreCategory> kinds = new ArrayList<>(new LinkedHashSet<>(s.categories()));
        // Put the "bad" category first so the palette reads bad-to-good left to right.
        kinds.sort(java.util.Comparator.comparing(ScoreCategory::tone));
        List<String> names = new ArrayList<>();
        for (ScoreCategory k : kinds) {
          names.add(k.label());
        }
        for (int i = 0; i < dist.length; i++) {
          values.add(Integer.toString(min + i));
          cat[i] = kinds.indexOf(s.categories().get(i));
        }
        d =
            DistributionChart.builder(
                    "Distribution of " + s.metric() + " answers (counts)", values, dist)
                .categories(names, cat)
                .xAxisLabel("Score")
                .yAxisLabel("Responses");
      }
      DistributionChart.Builder chart = d;
      figure(
          id + "-distribution",
          w -> chart.size(w, tall(w, 300, 260)).render(),
          esc(distributionReading(s)));
      groups(id + "-segments", s, s.bySegment(), "segment");
      groups(id + "-channels", s, s.byChannel(), "channel");
      groups(id + "-stages", s, s.byStage(), "journey stage");
      scoreTable(id, s);
      endSection();
    }

    /**
     * The metric by touchpoint and by journey stage as one sortable table: each row's figure in its
     * unit, the interval, n and the small-group flag.
     */
    private void scoreTable(String id, ScoreSection s) {
      if (s.byTouchpoint().isEmpty() && s.byStage().isEmpty()) {
        return;
      }
      Map<String, String> stageOf = new HashMap<>();
      r.journeys().ifPresent(j -> j.nodes().forEach(n -> stageOf.put(n.id(), n.stage())));
      h.append("<h3>").append(esc(s.metric())).append(" by touchpoint and journey stage</h3>\n");
      h.append("<p class=\"small\">")
          .append(
              esc(
                  f(
                      "%s with its %d%% interval; responses "
                          + "without a touchpoint count only overall. Click a column heading to sort. Flagged "
                          + "rows (*) have fewer than %d responses, or a figure outside its own interval: shown, "
                          + "not hidden, but unstable. All rows: tables/scores.csv.",
                      axisLabel(s), pct, r.options().minGroupSize())))
          .append("</p>\n");
      List<List<Cell>> rows = new ArrayList<>();
      for (Estimate e : s.byStage()) {
        rows.add(scoreRow("stage", e.label(), "", e));
      }
      for (Estimate e : s.byTouchpoint()) {
        rows.add(scoreRow("touchpoint", e.label(), stageOf.getOrDefault(e.label(), ""), e));
      }
      sortable(
          id + "-by-touchpoint",
          List.of(
              "level", "name", "stage", axisLabel(s), pct + "% interval", "n (responses)", "flag"),
          rows);
    }

    private List<Cell> scoreRow(String level, String name, String stage, Estimate e) {
      return List.of(
          Cell.text(level),
          Cell.name(name),
          Cell.name(stage),
          e.isEmpty() ? Cell.missing() : Cell.number(f("%.1f", e.value()), e.value()),
          e.isEmpty()
              ? Cell.missing()
              : Cell.number(f("%.1f to %.1f", e.lower(), e.upper()), e.upper() - e.lower()),
          Cell.number(f("%,d", e.n()), e.n()),
          Cell.text(e.small() ? "* small" : ""));
    }

    /** Returns the unit written after a figure: " points", "%" or nothing for a mean. */
    private static String unit(ScoreSection s) {
      return switch (s.unit()) {
        case POINTS -> " points";
        case SHARE -> "%";
        case MEAN -> "";
      };
    }

    /** Returns the number of periods with responses but fewer than the minimum group size. */
    private int small(ScoreSection s) {
      int k = 0;
      for (Estimate e : s.trend()) {
        k += !e.isEmpty() && e.n() < r.options().minGroupSize() ? 1 : 0;
      }
      return k;
    }

    /** Returns the value-axis label: "NPS (points)", "CSAT (%)", a mean's plain name. */
    private static String axisLabel(ScoreSection s) {
      return switch (s.unit()) {
        case POINTS -> s.metric() + " (points)";
        case SHARE -> s.metric() + " (%)";
        case MEAN -> s.metric();
      };
    }

    private void groups(String id, ScoreSection s, List<Estimate> groups, String kind) {
      List<String> labels = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      List<Double> los = new ArrayList<>();
      List<Double> his = new ArrayList<>();
      int small = 0;
      for (Estimate e : groups) {
        if (e.isEmpty()) {
          continue;
        }
        labels.add(e.label() + (e.small() ? " *" : "") + f(" (n %,d)", e.n()));
        vs.add(e.value());
        los.add(e.lower());
        his.add(e.upper());
        small += e.small() ? 1 : 0;
      }
      HorizontalBarChart.Builder b =
          HorizontalBarChart.builder(
                  s.metric() + " by " + kind + " with " + pct + "% intervals", labels, unbox(vs, 1))
              .seriesName(s.metric())
              .valueAxisLabel(axisLabel(s))
              .decimals(1);
      if (!labels.isEmpty()) {
        b.intervals(unbox(los, 1), unbox(his, 1)).intervalName(pct + "% interval");
      }
      String reading;
      if (labels.isEmpty()) {
        reading = esc("No responses could be assigned to a " + kind + ".");
      } else {
        int best = 0;
        int worst = 0;
        for (int i = 1; i < vs.size(); i++) {
          best = vs.get(i) > vs.get(best) ? i : best;
          worst = vs.get(i) < vs.get(worst) ? i : worst;
        }
        List<Estimate> shown = nonEmpty(groups);
        Estimate bE = shown.get(best);
        Estimate wE = shown.get(worst);
        boolean apart = bE.lower() > wE.upper();
        reading =
            labels.size() == 1
                ? html("Only one %s (%s) has responses.", kind, new Name(bE.label()))
                : html(
                    "Highest: %s at %.1f%s (n %,d); lowest: %s at %.1f%s (n %,d). Their "
                        + "intervals %s.%s",
                    new Name(bE.label()),
                    bE.value(),
                    unit(s),
                    bE.n(),
                    new Name(wE.label()),
                    wE.value(),
                    unit(s),
                    wE.n(),
                    apart
                        ? "do not overlap: the gap is larger than sampling noise"
                        : "overlap: the gap may be sampling noise",
                    small == 0
                        ? ""
                        : f(
                            " * %d %s%s unstable: fewer than %d responses, or the figure"
                                + " outside its own interval.",
                            small, kind, small == 1 ? "" : "s", r.options().minGroupSize()));
      }
      figure(id, w -> b.width(w).render(), reading);
    }

    private static List<Estimate> nonEmpty(List<Estimate> es) {
      List<Estimate> out = new ArrayList<>();
      for (Estimate e : es) {
        if (!e.isEmpty()) {
          out.add(e);
        }
      }
      return out;
    }

    private static double[] unbox(List<Double> xs, double scale) {
      double[] a = new double[xs.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = xs.get(i) * scale;
      }
      return a;
    }

    private String trendReading(ScoreSection s) {
      Estimate best = null;
      Estimate worst = null;
      int empty = 0;
      for (Estimate e : s.trend()) {
        if (e.isEmpty()) {
          empty++;
          continue;
        }
        best = best == null || e.value() > best.value() ? e : best;
        worst = worst == null || e.value() < worst.value() ? e : worst;
      }
      if (best == null) {
        return "No period has responses.";
      }
      Estimate last = null;
      for (Estimate e : s.trend()) {
        if (!e.isEmpty()) {
          last = e;
        }
      }
      Estimate all = s.overall();
      String lastVsAll =
          last.upper() < all.value()
              ? "below the overall figure, beyond sampling noise"
              : last.lower() > all.value()
                  ? "above the overall figure, beyond sampling noise"
                  : "consistent with the overall figure";
      String u = unit(s);
      return f(
          "%s ranged from %.1f%s (%s, n %,d) to %.1f%s (%s, n %,d); the latest period with "
              + "responses, %s, is at %.1f%s [%.1f, %.1f] (n %,d): %s.%s%s",
          s.metric(),
          worst.value(),
          u,
          worst.label(),
          worst.n(),
          best.value(),
          u,
          best.label(),
          best.n(),
          last.label(),
          last.value(),
          u,
          last.lower(),
          last.upper(),
          last.n(),
          lastVsAll,
          empty == 0
              ? ""
              : f(" %d period%s without responses (gaps).", empty, empty == 1 ? "" : "s"),
          small(s) == 0
              ? ""
              : f(
                  " Hollow points: %d period%s with fewer than %d responses.",
                  small(s), small(s) == 1 ? "" : "s", r.options().minGroupSize()));
    }

    private String distributionReading(ScoreSection s) {
      long n = s.distribution().n();
      if (n == 0) {
        return "No responses.";
      }
      Map<String, Long> byCat = new LinkedHashMap<>();
      long[] c = s.distribution().counts();
      for (int i = 0; i < c.length; i++) {
        byCat.merge(s.categories().get(i).label(), c[i], Long::sum);
      }
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, Long> e : byCat.entrySet()) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(f("%.1f%% %s", 100.0 * e.getValue() / n, e.getKey()));
      }
      return f("Of %,d answers (unweighted counts): %s.", n, sb);
    }

    // -------------------------------------------------------------------------------------------

    private void journeys(JourneySection j) {
      section("journeys", "Journeys");
      p(
          f(
              "%,d journeys with %,d interactions over %d touchpoints.",
              j.journeys(), j.events(), j.nodes().size()));
      // Journey map.
      Map<String, Integer> stageIndex = new HashMap<>();
      for (int i = 0; i < j.stages().size(); i++) {
        stageIndex.put(j.stages().get(i), i);
      }
      Set<String> pains = new HashSet<>();
      for (NodeScore ns : j.painPoints()) {
        pains.add(ns.label());
      }
      Map<String, NodeScore> delights = new HashMap<>();
      for (NodeScore ns : j.delights()) {
        delights.put(ns.label(), ns);
      }
      Map<String, NodeScore> scores = new HashMap<>();
      for (NodeScore ns : j.pains().nodes()) {
        scores.put(ns.label(), ns);
      }
      List<JourneyMapChart.Node> nodes = new ArrayList<>();
      JourneySection.Node busiest = null;
      for (JourneySection.Node n : j.nodes()) {
        JourneyMapChart.Mark mark =
            pains.contains(n.id())
                ? JourneyMapChart.Mark.PAIN_POINT
                : delights.containsKey(n.id())
                    ? JourneyMapChart.Mark.DELIGHT
                    : JourneyMapChart.Mark.NONE;
        nodes.add(
            new JourneyMapChart.Node(
                n.id(),
                n.id(),
                stageIndex.getOrDefault(n.stage(), 0),
                n.visits(),
                mark,
                nodeNote(n, scores.get(n.id()))));
        busiest = busiest == null || n.visits() > busiest.visits() ? n : busiest;
      }
      List<JourneyMapChart.Link> links = new ArrayList<>();
      for (TransitionGraph.Edge e : j.graph().edges()) {
        if (!e.isSelfLoop()) {
          links.add(new JourneyMapChart.Link(e.from(), e.to(), e.count()));
        }
      }
      JourneyMapChart.Builder map =
          JourneyMapChart.builder(
                  "Journey map: touchpoints by stage, flows between them", j.stages(), nodes, links)
              .topLinks(MAX_MAP_LINKS)
              .unit("interactions");
      figure(
          "journey-map",
          w -> map.width(w).render(),
          html(
              "The busiest touchpoint is %s (%,d interactions). Marked "
                  + "as pain points: %s; as moments of delight: %s. Under each touchpoint: its channel "
                  + "and interactions, the share of its journeys that end there without converting "
                  + "(drop-off), and each survey metric given there with its %d%% interval and n "
                  + "(NPS in points, CSAT and CES as %% of answers; * fewer than %d responses). Band "
                  + "widths are transitions; the %d largest flows are drawn (all are in "
                  + "tables/journey_transitions.csv).",
              busiest == null ? "none" : new Name(busiest.id()),
              busiest == null ? 0 : busiest.visits(),
              pains.isEmpty() ? "none" : isolated(labels(j.painPoints()), ", "),
              delights.isEmpty() ? "none" : isolated(labels(j.delights()), ", "),
              pct,
              r.options().minGroupSize(),
              Math.min(MAX_MAP_LINKS, links.size())));
      // Funnel.
      FunnelResult fr = j.funnel();
      FunnelChart.Builder funnel =
          FunnelChart.builder("Funnel: journeys reaching each step", fr.steps(), fr.counts())
              .unit("journeys");
      figure("funnel", w -> funnel.size(w, tall(w, 340, 300)).render(), funnelReading(fr));
      // Pain points and delights.
      h.append("<h3>Top pain points</h3>\n");
      painTable(j.painPoints(), true);
      h.append(
          "<p class=\"small\">Pain (0 to 1) weighs the share of journeys that end here "
              + "without converting, repeat visits, time over target and what customers say "
              + "(feedback counts double). Feedback shows each instrument's headline figure.</p>\n");
      if (!j.delights().isEmpty()) {
        h.append("<h3>Moments of delight</h3>\n");
        painTable(j.delights(), false);
      }
      // Paths.
      h.append("<h3>Most common paths</h3>\n");
      List<List<Object>> rows = new ArrayList<>();
      for (Variants.Variant v : j.variants().top(10)) {
        // Each touchpoint isolated on its own: an override in one cannot reorder the path.
        rows.add(
            List.of(
                isolated(v.steps(), " \u203a "),
                f("%,d", v.count()),
                f("%.1f%%", 100 * v.share()),
                f("%.1f%%", 100 * v.cumulativeShare())));
      }
      table(List.of("path", "journeys", "share", "cumulative"), rows, Set.of(1, 2, 3));
      endSection();
    }

    private static List<String> labels(List<NodeScore> ns) {
      List<String> out = new ArrayList<>();
      for (NodeScore n : ns) {
        out.add(n.label());
      }
      return out;
    }

    /**
     * Returns the lines shown under a touchpoint on the journey map: channel and volume, the
     * drop-off after it, then each survey metric given there with its interval and n (flagged with
     * * under the minimum group size).
     */
    private String nodeNote(JourneySection.Node n, NodeScore ns) {
      List<String> lines = new ArrayList<>();
      lines.add(f("%s \u00b7 %,d interactions", n.channel(), n.visits()));
      if (ns != null && ns.journeys() > 0) {
        lines.add(f("drop-off %.0f%% of %,d journeys", 100 * ns.dropOffPart(), ns.journeys()));
      }
      for (ScoreSection s : r.scores()) {
        for (Estimate e : s.byTouchpoint()) {
          if (e.label().equals(n.id()) && !e.isEmpty()) {
            String u = s.unit() == SurveyMetric.Unit.SHARE ? "%" : "";
            lines.add(
                f(
                    "%s %.0f%s [%.0f, %.0f] n %,d%s",
                    s.metric(), e.value(), u, e.lower(), e.upper(), e.n(), e.small() ? "*" : ""));
          }
        }
      }
      return String.join("\n", lines);
    }

    private void painTable(List<NodeScore> list, boolean pain) {
      List<List<String>> rows = new ArrayList<>();
      for (NodeScore n : list) {
        StringBuilder fb = new StringBuilder();
        for (FeedbackSummary fs : n.feedback()) {
          boolean nps = fs.metric().equals("nps");
          fb.append(fb.length() == 0 ? "" : "; ")
              .append(
                  f(
                      "%s %.0f%s (n %d)",
                      fs.instrument().name().toUpperCase(Locale.ROOT),
                      nps ? fs.score() : 100 * fs.score(),
                      nps ? "" : "% " + fs.metric(),
                      fs.responses()));
        }
        rows.add(
            Arrays.asList(
                n.label(),
                f("%.2f", pain ? n.pain() : n.delight()),
                f("%.1f%%", 100 * n.dropOffPart()),
                f("%.1f%%", 100 * n.reworkPart()),
                f("%,d", n.journeys()),
                fb.length() == 0
                    ? "no feedback"
                    : fb.toString() + (n.smallSample() ? " [small sample]" : "")));
      }
      table(
          List.of(
              "touchpoint",
              pain ? "pain" : "delight",
              "drop-off",
              "rework",
              "journeys",
              "feedback"),
          rows,
          Set.of(1, 2, 3, 4));
    }

    private String funnelReading(FunnelResult fr) {
      int worst = -1;
      double worstLoss = -1;
      for (int k = 1; k < fr.size(); k++) {
        double loss = 1 - fr.conversionFromPrevious(k);
        if (loss > worstLoss) {
          worstLoss = loss;
          worst = k;
        }
      }
      Raw drop =
          new Raw(
              worst < 0
                  ? ""
                  : html(
                      " The largest drop is from %s to %s: %.1f%% of " + "journeys are lost there.",
                      new Name(fr.steps().get(worst - 1)),
                      new Name(fr.steps().get(worst)),
                      100 * worstLoss));
      return html(
          "Of %,d journeys that entered, %,d (%.1f%%) converted.%s",
          fr.entered(), fr.converted(), 100 * fr.conversion(), drop);
    }

    // -------------------------------------------------------------------------------------------

    private void retention(RetentionSection rs) {
      section("retention", "Retention and churn");
      CohortRetention c = rs.cohorts();
      List<String> cohorts = new ArrayList<>();
      long[] sizes = new long[c.cohorts()];
      double[][] share = new double[c.cohorts()][];
      for (int i = 0; i < c.cohorts(); i++) {
        cohorts.add(c.cohortStart(i).toString().substring(0, 7));
        sizes[i] = c.cohortSize(i);
        share[i] = new double[c.periods(i)];
        for (int k = 0; k < c.periods(i); k++) {
          share[i][k] = c.share(RetentionKind.CLASSIC, i, k);
        }
      }
      RetentionHeatmap.Builder heat =
          RetentionHeatmap.builder(
                  "Monthly cohorts: share active k months after the " + "first",
                  cohorts,
                  sizes,
                  share)
              .periodLabel("months since first " + activity(rs));
      OptionalDouble m1 = c.pooledShare(RetentionKind.CLASSIC, 1);
      OptionalDouble m3 = c.pooledShare(RetentionKind.CLASSIC, 3);
      figure(
          "retention",
          w -> heat.width(w).render(),
          html(
              "Across cohorts, %s of customers are active again one month "
                  + "after their first month and %s three months after (activity = %s).%s",
              m1.isPresent() ? f("%.1f%%", 100 * m1.getAsDouble()) : "n/a",
              m3.isPresent() ? f("%.1f%%", 100 * m3.getAsDouble()) : "n/a",
              rs.source(),
              rs.retentionRate() != null && rs.retentionRate().rate().isPresent()
                  ? f(
                      " Customer retention rate in %s: %.1f%%.",
                      rs.retentionMonth(), 100 * rs.retentionRate().rate().getAsDouble())
                  : ""));
      KaplanMeier km = rs.survival();
      SurvivalBand band = rs.band();
      int n = km.size();
      double[] t = new double[n];
      double[] s = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int j = 0; j < n; j++) {
        t[j] = km.time(j);
        s[j] = km.survival(j);
        lo[j] = band.lower(j).isPresent() ? band.lower(j).getAsDouble() : s[j];
        hi[j] = band.upper(j).isPresent() ? band.upper(j).getAsDouble() : s[j];
      }
      SurvivalChart.Builder surv =
          SurvivalChart.builder(
                  "Still active: Kaplan-Meier estimate with " + pct + "% band",
                  "days since first " + activity(rs),
                  List.of(SurvivalChart.Curve.of("all customers", t, s).withBand(lo, hi)))
              .yAxisLabel("share still active")
              .bandLabel(pct + "% band (log-log)");
      String churn = Wording.count(rs.churnAfterDays(), "day", "days") + " without activity";
      String median;
      if (rs.median().estimate().isEmpty()) {
        median =
            f(
                "More than half of customers are still active at the end of observation "
                    + "(churn = %s).",
                churn);
      } else if (Math.round(rs.median().estimate().getAsDouble()) == 0) {
        median =
            f(
                "Half of customers were never active again after their first day: they "
                    + "churned (%s) with less than a day between their first and last %s (%s).",
                churn, activity(rs), interval(pct, rs));
      } else {
        median =
            f(
                "Half of customers churn (%s) within %s of their first %s (%s).",
                churn,
                Wording.days(rs.median().estimate().getAsDouble()),
                activity(rs),
                interval(pct, rs));
      }
      figure(
          "survival",
          w -> surv.size(w, tall(w, 360, 300)).render(),
          esc(
              median
                  + f(
                      " %,d of %s churned; the rest are censored.",
                      rs.churned(), Wording.count(rs.customers(), "customer", "customers"))));
      endSection();
    }

    private static String activity(RetentionSection rs) {
      return rs.source().equals("transactions") ? "purchase" : "interaction";
    }

    private static String interval(int pct, RetentionSection rs) {
      return Wording.dayInterval(
          pct, rs.median().lower().orElse(Double.NaN), rs.median().upper().orElse(Double.NaN));
    }

    private static String opt(OptionalDouble d) {
      return d.isPresent() ? f("%.0f", d.getAsDouble()) : "n/a";
    }

    private void value(ValueSection v) {
      section("value", "Customer lifetime value");
      p(
          f(
              "Expected value of each customer over the next %s: BG/NBD for the number of "
                  + "purchases, Gamma-Gamma for the spend per purchase, %.0f%% margin, %.1f%% "
                  + "discount per month.",
              v.horizon().periods() == 1 ? "month" : Wording.months(v.horizon().periods()),
              100 * v.horizon().margin(),
              100 * v.horizon().discountRate()));
      table(
          List.of(
              "customers",
              "mean",
              "median",
              "90th percentile",
              "total",
              "top 10% hold",
              "mean P(active)"),
          List.of(
              List.of(
                  f("%,d", v.customers()),
                  f("%,.2f", v.mean()),
                  f("%,.2f", v.median()),
                  f("%,.2f", v.p90()),
                  f("%,.0f", v.total()),
                  f("%.1f%%", 100 * v.topDecileShare()),
                  f("%.2f", v.meanAlive()))),
          Set.of(0, 1, 2, 3, 4, 5, 6));
      if (!v.excluded().isEmpty()) {
        int n = v.excluded().size();
        p(
            f(
                "%,d repeat buyer%s with no spend model: %s repeat purchases sum to 0, which the "
                    + "Gamma-Gamma spend model cannot use, so %s no lifetime value above (%s "
                    + "purchase predictions are kept). They are listed by customer id in "
                    + "tables/clv_excluded.csv.",
                n,
                n == 1 ? "" : "s",
                n == 1 ? "its" : "their",
                n == 1 ? "it has" : "they have",
                n == 1 ? "its" : "their"));
      }
      ValueHtml.render(h, v, pct);
      if (!v.segments().isEmpty()) {
        segments(v.segments());
      }
      endSection();
    }

    private String withInterval(Estimate e) {
      return e.n() == 0
          ? "no respondents"
          : f(
              "%.1f [%.1f, %.1f] n %,d%s",
              e.value(), e.lower(), e.upper(), e.n(), e.small() ? "*" : "");
    }

    /** Behavioural segments: a profile table and one small chart per segment. */
    private void segments(List<ValueSection.SegmentProfile> segs) {
      h.append("<h3>Behavioural segments</h3>\n");
      p(
          f(
              "Customers grouped by how they buy (k-means++ on weeks since the last purchase, repeat "
                  + "purchases, mean repeat spend, P(active) and CLV, standardised; %d segments, the "
                  + "number with the best silhouette). What sets a segment apart is in standard "
                  + "deviations from the other customers.",
              segs.size()));
      List<List<String>> rows = new ArrayList<>();
      for (int g = 0; g < segs.size(); g++) {
        ValueSection.SegmentProfile sp = segs.get(g);
        StringBuilder apart = new StringBuilder();
        for (Map.Entry<String, Double> e : sp.apart()) {
          apart
              .append(apart.length() == 0 ? "" : ", ")
              .append(f("%s %+.1f sd", e.getKey(), e.getValue()));
        }
        rows.add(
            Arrays.asList(
                f("%d", g + 1),
                f("%,d", sp.customers()),
                f("%.0f%%", 100 * sp.share()),
                apart.toString(),
                f("%,.2f", sp.meanClv()),
                f("%.2f", sp.meanAlive()),
                withInterval(sp.nps()),
                withInterval(sp.csat())));
      }
      table(
          List.of(
              "segment",
              "customers",
              "share",
              "what sets it apart",
              "mean CLV",
              "mean P(active)",
              "NPS of its respondents",
              "CSAT (%) of its respondents"),
          rows,
          Set.of(1, 2, 4, 5));
      for (int g = 0; g < segs.size(); g++) {
        ValueSection.SegmentProfile sp = segs.get(g);
        List<String> labels = new ArrayList<>();
        double[] diff = new double[sp.apart().size()];
        for (int k = 0; k < diff.length; k++) {
          labels.add(sp.apart().get(k).getKey());
          diff[k] = sp.apart().get(k).getValue();
        }
        Svg chart =
            HorizontalBarChart.builder(
                    f("Segment %d: %,d customers", g + 1, sp.customers()), labels, diff)
                .seriesName("standardised difference")
                .valueAxisLabel("sd from the other customers")
                .decimals(1)
                .size(360, 200)
                .render();
        figure(
            "segment-" + (g + 1),
            chart,
            esc(f("Segment %d stands out most by %s (%+.1f sd).", g + 1, labels.get(0), diff[0])));
      }
    }

    private void drivers(DriverSection d) {
      section("drivers", "What drives NPS, and what to fix first");
      List<DriverImportance> ranked = d.drivers().ranked();
      List<String> labels = new ArrayList<>();
      double[] share = new double[ranked.size()];
      double[] r2 = new double[ranked.size()];
      for (int i = 0; i < ranked.size(); i++) {
        DriverImportance di = ranked.get(i);
        // The sign first: a truncated name on a phone keeps it.
        labels.add((di.pearson() < 0 ? "(\u2212) " : "(+) ") + di.name());
        share[i] = di.shapleyShare();
        r2[i] = di.relativeWeightShare();
      }
      HorizontalBarChart.Builder chart =
          HorizontalBarChart.builder(
                  "Driver importance: share " + "of explained NPS variance", labels, share)
              .seriesName("Shapley share of R\u00b2")
              .second("Relative weight share", r2)
              .percent()
              .valueAxisLabel("share of R\u00b2 (%)");
      DriverImportance top = ranked.get(0);
      figure(
          "drivers",
          w -> chart.width(w).render(),
          html(
              "Drivers are the touchpoints a respondent visited before "
                  + "answering. %s explains %.0f%% of what the model explains (R\u00b2 = %.3f, %,d "
                  + "respondents); respondents who visited it score %s. (\u2212) lowers NPS, (+) "
                  + "raises it.",
              new Name(top.name()),
              100 * top.shapleyShare(),
              d.drivers().rSquared(),
              d.drivers().respondents(),
              top.pearson() < 0 ? "lower" : "higher"));
      EffortImpactMatrix m = d.matrix();
      if (m != null) {
        List<EffortImpactChart.Item> items = new ArrayList<>();
        for (EffortImpactMatrix.Placed p : m.items()) {
          items.add(
              new EffortImpactChart.Item(
                  p.initiative().name(), p.initiative().effort(), p.initiative().impact()));
        }
        EffortImpactChart.Builder matrix =
            EffortImpactChart.builder(
                    "Effort-impact matrix of fixes",
                    items,
                    m.effortThreshold(),
                    m.impactThreshold())
                .quadrants("Quick wins", "Major projects", "Fill-ins", "Thankless tasks")
                .axisLabels(
                    "effort ("
                        + (d.effortSource().startsWith("your")
                            ? "your units"
                            : "person-weeks, default estimates")
                        + ")",
                    "impact (% of explained NPS variance)");
        figure(
            "effort-impact",
            w -> matrix.size(w, tall(w, 460, 400)).render(),
            html(
                "Fixing the touchpoints that lower NPS: quick wins %s; "
                    + "major projects %s. Effort: %s.",
                names(m, Quadrant.QUICK_WIN), names(m, Quadrant.MAJOR_PROJECT), d.effortSource()));
      }
      endSection();
    }

    private static Object names(EffortImpactMatrix m, Quadrant q) {
      List<String> out = new ArrayList<>();
      for (EffortImpactMatrix.Placed p : m.in(q)) {
        out.add(p.initiative().name());
      }
      return out.isEmpty() ? "none" : isolated(out, ", ");
    }

    private void attribution() {
      List<AttributionResult> models = r.attribution();
      if (models.isEmpty()) {
        return;
      }
      section("attribution", "Attribution of conversions by channel");
      List<String> channels = new ArrayList<>();
      for (AttributionResult.ChannelCredit c : models.get(models.size() - 1).ranked()) {
        channels.add(c.channel());
      }
      List<String> names = new ArrayList<>();
      double[][] share = new double[models.size()][channels.size()];
      int markov = -1;
      int last = -1;
      for (int m = 0; m < models.size(); m++) {
        names.add(ConsoleSummary.modelLabel(models.get(m).model()));
        markov = names.get(m).equals("markov") ? m : markov;
        last = names.get(m).equals("last") ? m : last;
        for (int c = 0; c < channels.size(); c++) {
          share[m][c] = models.get(m).credit(channels.get(c)).share();
        }
      }
      AttributionChart.Builder chart =
          AttributionChart.builder(
                  "Share of conversions credited " + "to each channel, by model",
                  channels,
                  names,
                  share)
              .yAxisLabel("share of conversions (%)");
      // Position carries the model too, not colour alone: say the order.
      String reading =
          html(
              "%,.0f conversions. In each channel's group the bars are in the "
                  + "legend's order: %s.",
              models.get(0).totalConversions(), String.join(", ", names));
      if (markov >= 0 && last >= 0) {
        int most = 0;
        for (int c = 1; c < channels.size(); c++) {
          if (Math.abs(share[markov][c] - share[last][c])
              > Math.abs(share[markov][most] - share[last][most])) {
            most = c;
          }
        }
        reading +=
            html(
                " Models disagree most on %s: last touch gives it %.1f%%, the Markov "
                    + "model (removal effects) %.1f%%.",
                new Name(channels.get(most)), 100 * share[last][most], 100 * share[markov][most]);
      }
      figure("attribution", w -> chart.size(w, tall(w, 380, 360)).render(), reading);
      endSection();
    }

    private void notes() {
      if (r.notes().isEmpty()) {
        return;
      }
      section("notes", "Notes");
      h.append("<ul>\n");
      for (String n : r.notes()) {
        // A note may quote names: the whole note is isolated, its formatting balanced.
        h.append("<li>").append(bdi(n)).append("</li>\n");
      }
      h.append("</ul>\n");
      endSection();
    }
  }

  /**
   * The page's only script, inline: sorts a {@code table.sortable} by the column whose heading
   * button is clicked (again: the other way), numbers by their {@code data-v} value with missing
   * values last, text by its content; the heading's {@code aria-sort} says how. Without scripts the
   * tables stay in their written order.
   */
  static final String SORT_SCRIPT =
      String.join(
          "\n",
          "document.querySelectorAll('table.sortable').forEach(function (t) {",
          "  var heads = t.tHead.rows[0].cells;",
          "  Array.prototype.forEach.call(heads, function (th, col) {",
          "    th.querySelector('button').addEventListener('click', function () {",
          "      var asc = th.getAttribute('aria-sort') !== 'ascending';",
          "      Array.prototype.forEach.call(heads, function (o) { o.removeAttribute('aria-sort'); });",
          "      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');",
          "      var num = th.getAttribute('data-type') === 'number';",
          "      var body = t.tBodies[0];",
          "      var rows = Array.prototype.slice.call(body.rows);",
          "      rows.sort(function (a, b) {",
          "        var x = a.cells[col], y = b.cells[col];",
          "        if (num) {",
          "          var u = parseFloat(x.getAttribute('data-v')), v = parseFloat(y.getAttribute('data-v'));",
          "          if (isNaN(u) || isNaN(v)) { return isNaN(u) ? (isNaN(v) ? 0 : 1) : -1; }",
          "          return asc ? u - v : v - u;",
          "        }",
          "        var c = x.textContent.localeCompare(y.textContent);",
          "        return asc ? c : -c;",
          "      });",
          "      rows.forEach(function (r) { body.appendChild(r); });",
          "    });",
          "  });",
          "});",
          "");

  private static final String CSS =
      String.join(
          "\n",
          ":root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #f8fafc; --accent: #0072b2; }",
          "* { box-sizing: border-box; }",
          "body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;",
          "  color: var(--ink); background: var(--bg); line-height: 1.45; }",
          "header { padding: 24px 32px 8px; background: #fff; border-bottom: 1px solid var(--line); }",
          "h1 { margin: 0 0 4px; font-size: 26px; }",
          ".sub { margin: 0 0 8px; color: var(--muted); }",
          "nav { background: #fff; border-bottom: 1px solid var(--line); padding: 0 32px; }",
          "nav ul { list-style: none; margin: 0; padding: 8px 0; display: flex; flex-wrap: wrap; gap: 18px; }",
          "nav a { color: var(--accent); text-decoration: none; }",
          "main { max-width: 1120px; margin: 0 auto; padding: 8px 24px 40px; }",
          "section { background: #fff; border: 1px solid var(--line); border-radius: 8px;",
          "  padding: 16px 24px; margin: 20px 0; }",
          "h2 { font-size: 20px; margin: 4px 0 12px; }",
          "h3 { font-size: 16px; margin: 20px 0 8px; }",
          "figure.chart { margin: 16px 0 24px; container-type: inline-size; }",
          "figure.chart svg { max-width: 100%; height: auto; display: block; }",
          // Each chart is laid out at three widths; show the one that suits the figure's width.
          ".chart .w-m, .chart .w-s { display: none; }",
          "@container (max-width: 799px) { .chart .w-l { display: none; } .chart .w-m { display: block; } }",
          "@container (max-width: 559px) { .chart .w-m { display: none; } .chart .w-s { display: block; } }",
          "a.data { white-space: nowrap; }",
          "figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; max-width: 900px; }",
          "table { border-collapse: collapse; font-size: 14px; margin: 8px 0 12px; }",
          "th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left;",
          "  vertical-align: top; }",
          "th { background: var(--bg); }",
          ".n { text-align: right; font-variant-numeric: tabular-nums; }",
          ".kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 16px; }",
          ".kpi { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }",
          ".kpi .label { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }",
          ".kpi .value { font-size: 32px; font-weight: 600; }",
          ".kpi .ci, .kpi .count { color: var(--muted); font-size: 13px; }",
          ".warn { color: #a33f00; font-weight: 600; }",
          ".small { color: var(--muted); font-size: 13px; }",
          ".scroll { max-width: 100%; overflow-x: auto; }",
          "table.sortable th { padding: 0; }",
          "table.sortable th button { font: inherit; font-weight: 600; color: inherit; background: none;",
          "  border: 0; padding: 4px 10px; width: 100%; text-align: inherit; cursor: pointer; }",
          "table.sortable th[aria-sort=ascending] button::after { content: ' \\25B2'; }",
          "table.sortable th[aria-sort=descending] button::after { content: ' \\25BC'; }",
          "footer { max-width: 1120px; margin: 0 auto 32px; padding: 0 24px; color: var(--muted);",
          "  font-size: 13px; }",
          "@media (max-width: 600px) {",
          "  header { padding: 16px 12px 4px; } nav { padding: 0 12px; }",
          "  main { padding: 4px 8px 24px; } section { padding: 12px; }",
          "  footer { padding: 0 12px; } .kpis { grid-template-columns: 1fr 1fr; gap: 8px; }",
          "  .kpi .value { font-size: 26px; }",
          "}",
          // Printing (or saving as PDF): no navigation, no boxes, charts and table rows kept whole.
          "@media print {",
          "  @page { margin: 15mm; }",
          "  body { background: #fff; font-size: 10.5pt; }",
          "  nav { display: none; }",
          "  header { padding: 0 0 8px; border: 0; }",
          "  main, footer { max-width: none; padding: 0; }",
          "  section { border: 0; border-radius: 0; padding: 0; margin: 0 0 14pt; }",
          "  h2, h3 { break-after: avoid; }",
          "  figure.chart, tr, .kpi { break-inside: avoid; }",
          // Paper cannot scroll: wide tables wrap their cells instead.
          "  .scroll { overflow: visible; }",
          "  table { font-size: 9pt; max-width: 100%; }",
          "  th, td { padding: 2px 5px; overflow-wrap: anywhere; }",
          "  table.sortable th button { padding: 2px 6px; }",
          "  a { color: inherit; text-decoration: none; }",
          "}",
          "");
}
