package org.cx4j.report.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadReport;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.painpoint.FeedbackSummary;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.variant.Variants;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.priority.EffortImpactMatrix;
import org.cx4j.metrics.retention.RetentionKind;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.DriverSection;
import org.cx4j.report.analysis.Estimate;
import org.cx4j.report.analysis.JourneySection;
import org.cx4j.report.analysis.RetentionSection;
import org.cx4j.report.analysis.ScoreSection;
import org.cx4j.report.analysis.ValueSection;
import org.cx4j.report.analysis.Wording;
import org.cx4j.report.input.ReportInput;

/**
 * The console summary of a {@link CxReport}: the headline figures with their intervals, then one
 * short block per section, in plain text of at most 100 columns. What {@code cx report} prints.
 * Control characters, terminal escape sequences and bidirectional formatting characters in the data
 * are shown escaped ({@link SafeText}).
 */
public final class ConsoleSummary {

  /** How many read errors are listed per file. */
  static final int ERRORS_SHOWN = 5;

  private ConsoleSummary() {}

  /**
   * Returns the summary as lines of text.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static String render(CxReport report) {
    Objects.requireNonNull(report, "report");
    Text t = new Text();
    ReportInput in = report.input();
    int pct = (int) Math.round(100 * report.options().level());
    t.line("CX report: %s", in.name());
    report.changes().ifPresent(c -> ChangesSummary.lines(c).forEach(l -> t.line("%s", l)));
    t.line(
        "Data: %s, %s, %s, %s",
        Wording.count(in.customers().size(), "customer", "customers"),
        Wording.count(in.interactions().size(), "interaction", "interactions"),
        Wording.count(in.responses().size(), "survey response", "survey responses"),
        Wording.count(in.transactions().size(), "transaction", "transactions"));
    reads(t, in);

    t.blank();
    t.line(
        "Headline (%d%% confidence intervals; * = unstable: fewer than %s,"
            + " or the figure outside its own interval)",
        pct, Wording.count(report.options().minGroupSize(), "response", "responses"));
    if (report.scores().isEmpty()) {
      t.line("  no survey responses");
    }
    for (ScoreSection s : report.scores()) {
      t.line("  %-5s %s   %s", s.metric(), figure(s.overall()), s.measure());
    }
    for (ScoreSection s : report.scores()) {
      t.blank();
      t.line("%s by segment and by channel", s.metric());
      int rows = Math.max(s.bySegment().size(), s.byChannel().size());
      for (int i = 0; i < rows; i++) {
        String a = i < s.bySegment().size() ? cell(s.bySegment().get(i)) : "";
        String b = i < s.byChannel().size() ? cell(s.byChannel().get(i)) : "";
        t.line("  %-48s %s", a, b);
      }
    }

    report.journeys().ifPresent(j -> journeys(t, j, report.options().topN()));
    report.retention().ifPresent(r -> retention(t, r, pct));
    report
        .value()
        .ifPresent(
            v -> {
              t.blank();
              t.line(
                  "Customer lifetime value (BG/NBD + Gamma-Gamma, %s, %.0f%% margin, %.1f%% "
                      + "monthly discount)",
                  Wording.months(v.horizon().periods()),
                  100 * v.horizon().margin(),
                  100 * v.horizon().discountRate());
              t.line(
                  "  %s: mean %,.2f, median %,.2f, 90th percentile %,.2f, total %,.0f",
                  Wording.count(v.customers(), "customer", "customers"),
                  v.mean(),
                  v.median(),
                  v.p90(),
                  v.total());
              t.line(
                  "  the top 10%% of customers hold %.1f%% of the value; mean P(still active) %.2f",
                  100 * v.topDecileShare(), v.meanAlive());
              if (!v.excluded().isEmpty()) {
                int n = v.excluded().size();
                t.line(
                    "  %,d repeat buyer%s with no spend model (repeat purchases summing to 0) %s no "
                        + "lifetime value: tables/clv_excluded.csv",
                    n, n == 1 ? "" : "s", n == 1 ? "has" : "have");
              }
              ValueSection.AtRisk r = v.atRisk();
              t.line(
                  "  at risk: %s in the top %.0f%% by CLV with P(alive) below %s, worth %,.0f (%.1f%% "
                      + "of the value): tables/clv_at_risk.csv",
                  Wording.count(r.customers(), "customer", "customers"),
                  100 * r.topShare(),
                  String.valueOf(r.aliveBelow()),
                  r.value(),
                  100 * r.shareOfValue());
            });
    report.drivers().ifPresent(d -> drivers(t, d, report.options().topN()));
    attribution(t, report.attribution());

    if (!report.notes().isEmpty()) {
      t.blank();
      t.line("Notes");
      for (String n : report.notes()) {
        t.line("  - %s", n);
      }
    }
    return t.toString();
  }

  private static void reads(Text t, ReportInput in) {
    for (ReadReport r : in.reads()) {
      // File names only: summary.txt goes into the report folder, without the analyst's paths.
      t.line(
          "  %s: %s read, %,d accepted, %,d rejected",
          ReportInput.fileName(r.source()),
          Wording.count(r.read(), "row", "rows"),
          r.accepted(),
          r.rejected());
      if (r.rejected() == 0) {
        continue;
      }
      // Why: the exact count per kind of reason and column, over every reject.
      t.line("    rejected because:");
      int shown = 0;
      for (ReadReport.Tally tally : r.tallies()) {
        if (shown++ == ERRORS_SHOWN) {
          t.line(
              "      ... %s",
              Wording.count(r.tallies().size() - ERRORS_SHOWN, "more reason", "more reasons"));
          break;
        }
        t.line(
            "      %,6d x %s%s",
            tally.rows(),
            tally.kind().description(),
            tally.column() == null ? "" : " in '" + SafeText.escape(tally.column()) + "'");
      }
      for (int i = 0; i < Math.min(3, r.errors().size()); i++) {
        ReadError e = r.errors().get(i);
        t.line(
            "      e.g. %s",
            new ReadError(
                ReportInput.fileName(e.source()),
                e.line(),
                e.column(),
                e.value(),
                e.reason(),
                e.kind(),
                null));
      }
    }
  }

  private static void journeys(Text t, JourneySection j, int topN) {
    t.blank();
    t.line(
        "Journeys: %,d journeys, %,d interactions, %d touchpoints",
        j.journeys(), j.events(), j.nodes().size());
    FunnelResult f = j.funnel();
    StringBuilder sb = new StringBuilder("  funnel: ");
    for (int k = 0; k < f.size(); k++) {
      if (k > 0) {
        sb.append(" -> ");
      }
      sb.append(String.format(Locale.ROOT, "%s %,d", f.steps().get(k), f.count(k)));
      if (k > 0) {
        sb.append(String.format(Locale.ROOT, " (%.1f%%)", 100 * f.conversionFromPrevious(k)));
      }
    }
    t.line("%s", sb);
    t.line(
        "  overall conversion %.1f%% of %,d journeys that entered",
        100 * f.conversion(), f.entered());
    List<Variants.Variant> top = j.variants().top(Math.min(3, topN));
    if (!top.isEmpty()) {
      t.line("  most common paths:");
      for (Variants.Variant v : top) {
        t.line("    %5.1f%%  %s", 100 * v.share(), abbreviate(String.join(" > ", v.steps()), 88));
      }
    }
    t.line(
        "  top pain points (pain 0..1 = weighted drop-off, rework, time over target, feedback):");
    for (int i = 0; i < j.painPoints().size(); i++) {
      NodeScore n = j.painPoints().get(i);
      t.line(
          "    %d. %-18s pain %.2f  drop-off %4.1f%%, rework %4.1f%%%s",
          i + 1, n.label(), n.pain(), 100 * n.dropOffPart(), 100 * n.reworkPart(), feedback(n));
    }
    if (!j.delights().isEmpty()) {
      t.line("  moments of delight:");
      for (int i = 0; i < j.delights().size(); i++) {
        NodeScore n = j.delights().get(i);
        t.line("    %d. %-18s delight %.2f%s", i + 1, n.label(), n.delight(), feedback(n));
      }
    }
  }

  private static String feedback(NodeScore n) {
    StringBuilder sb = new StringBuilder();
    for (FeedbackSummary f : n.feedback()) {
      boolean nps = f.metric().equals("nps");
      sb.append(
          String.format(
              Locale.ROOT,
              "; %s %.0f%s (n %d)",
              f.instrument().name().toUpperCase(Locale.ROOT),
              nps ? f.score() : 100 * f.score(),
              nps ? "" : "% " + f.metric(),
              f.responses()));
    }
    if (n.smallSample()) {
      sb.append(" [small sample]");
    }
    return sb.toString();
  }

  private static void retention(Text t, RetentionSection r, int pct) {
    t.blank();
    t.line("Retention and churn (activity = %s; monthly cohorts)", r.source());
    StringBuilder sb = new StringBuilder("  still active k months after the first:");
    for (int k = 1; k <= 6; k++) {
      OptionalDouble s = r.cohorts().pooledShare(RetentionKind.CLASSIC, k);
      if (s.isPresent()) {
        sb.append(String.format(Locale.ROOT, " %d: %.1f%%", k, 100 * s.getAsDouble()));
      }
    }
    t.line("%s", sb);
    if (r.retentionRate() != null && r.retentionRate().rate().isPresent()) {
      t.line(
          "  customer retention rate in %s: %.1f%% (churn %.1f%%)",
          r.retentionMonth(),
          100 * r.retentionRate().rate().getAsDouble(),
          100 * r.retentionRate().churnRate().getAsDouble());
    }
    String median =
        r.median().estimate().isPresent()
            ? Wording.days(r.median().estimate().getAsDouble())
                + " ("
                + Wording.dayInterval(
                    pct,
                    r.median().lower().orElse(Double.NaN),
                    r.median().upper().orElse(Double.NaN))
                + ")"
            : "not reached (more than half still active)";
    t.line(
        "  churn = %s without activity: %,d of %s churned; median time to churn (first to "
            + "last activity) %s",
        Wording.count(r.churnAfterDays(), "day", "days"),
        r.churned(),
        Wording.count(r.customers(), "customer", "customers"),
        median);
  }

  private static void drivers(Text t, DriverSection d, int topN) {
    t.blank();
    t.line(
        "What drives NPS (touchpoints visited before answering; R-squared %.3f, %,d respondents)",
        d.drivers().rSquared(), d.drivers().respondents());
    List<DriverImportance> ranked = d.drivers().ranked();
    for (int i = 0; i < Math.min(topN, ranked.size()); i++) {
      DriverImportance di = ranked.get(i);
      t.line(
          "  %d. %-18s %5.1f%% of R-squared, r = %+.3f (%s NPS)",
          i + 1,
          di.name(),
          100 * di.shapleyShare(),
          di.pearson(),
          di.pearson() < 0 ? "lowers" : "raises");
    }
    EffortImpactMatrix m = d.matrix();
    if (m != null) {
      t.line("  what to fix first (impact = share of R-squared, effort: %s):", d.effortSource());
      for (int i = 0; i < Math.min(topN, m.items().size()); i++) {
        t.line("    %s", m.items().get(i));
      }
    }
  }

  private static void attribution(Text t, List<AttributionResult> models) {
    if (models.isEmpty()) {
      return;
    }
    t.blank();
    t.line(
        "Attribution of %,.0f conversions by channel (share %%)", models.get(0).totalConversions());
    Set<String> channels = new LinkedHashSet<>();
    for (AttributionResult.ChannelCredit c : models.get(models.size() - 1).ranked()) {
      channels.add(c.channel());
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-10s", "channel"));
    for (AttributionResult m : models) {
      head.append(String.format(Locale.ROOT, " %9s", modelLabel(m.model())));
    }
    t.line("%s", head);
    for (String ch : channels) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-10s", ch));
      for (AttributionResult m : models) {
        row.append(String.format(Locale.ROOT, " %9.1f", 100 * share(m, ch)));
      }
      t.line("%s", row);
    }
  }

  /**
   * Returns a short column label of an attribution model's name: {@code first_touch} to {@code
   * first}, {@code markov(order=1)} to {@code markov}, {@code shapley_presence} to {@code shapley}.
   */
  public static String modelLabel(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    int cut = m.indexOf('(');
    if (cut > 0) {
      m = m.substring(0, cut);
    }
    if (m.endsWith("_touch")) {
      return m.substring(0, m.length() - "_touch".length());
    }
    if (m.startsWith("position")) {
      return "position";
    }
    if (m.startsWith("shapley")) {
      return "shapley";
    }
    return abbreviate(m, 9);
  }

  private static double share(AttributionResult m, String channel) {
    for (AttributionResult.ChannelCredit c : m.channels()) {
      if (c.channel().equals(channel)) {
        return c.share();
      }
    }
    return 0;
  }

  private static String figure(Estimate e) {
    if (e.isEmpty()) {
      return String.format(Locale.ROOT, "%-24s", "n/a (n 0)");
    }
    return String.format(
        Locale.ROOT,
        "%6.1f [%6.1f, %6.1f] n %,7d%s",
        e.value(),
        e.lower(),
        e.upper(),
        e.n(),
        e.small() ? "*" : " ");
  }

  private static String cell(Estimate e) {
    return String.format(Locale.ROOT, "%-14s %s", abbreviate(e.label(), 14), figure(e));
  }

  /** Returns {@code s} cut to {@code max} characters with an ellipsis; null is empty. */
  static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * A line buffer with {@link Locale#ROOT} formatting. The format strings are this class's own;
   * every argument that is not a number comes from the data and is passed through {@link
   * SafeText#escape(String)}, so no control character or terminal escape sequence in a name reaches
   * the console or {@code summary.txt}, and a line break in a name cannot add a line.
   */
  private static final class Text {
    private final List<String> lines = new ArrayList<>();

    void line(String format, Object... args) {
      Object[] safe = args.clone();
      for (int i = 0; i < safe.length; i++) {
        if (safe[i] != null && !(safe[i] instanceof Number)) {
          safe[i] = SafeText.escape(safe[i].toString());
        }
      }
      lines.add(String.format(Locale.ROOT, format, safe));
    }

    void blank() {
      lines.add("");
    }

    @Override
    public String toString() {
      return String.join("\n", lines) + "\n";
    }
  }
}
