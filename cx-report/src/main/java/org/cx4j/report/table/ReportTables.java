package org.cx4j.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadReport;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.variant.Variants;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.priority.EffortImpactMatrix;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.RetentionKind;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.metrics.survival.SurvivalBand;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.Estimate;
import org.cx4j.report.analysis.JourneySection;
import org.cx4j.report.analysis.ScoreSection;
import org.cx4j.report.input.ReportInput;

/**
 * The tables behind a {@link CxReport}, one per chart or list, for other tools: what the report
 * writes as CSV and JSON next to the HTML page. Columns are documented by their names; shares are
 * fractions in {@code [0, 1]} except where a column says {@code _pct}.
 */
public final class ReportTables {

  private ReportTables() {}

  /**
   * Returns every table of the report (sections that are absent give no table, except {@code reads}
   * and {@code rejected_rows}, always present).
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static List<Table> of(CxReport report) {
    Objects.requireNonNull(report, "report");
    List<Table> out = new ArrayList<>();
    out.add(reads(report));
    out.add(rejected(report));
    if (!report.scores().isEmpty()) {
      out.add(scores(report));
      out.add(trend(report));
      out.add(distribution(report));
    }
    report.changes().ifPresent(c -> out.add(ChangeTables.changes(c)));
    report
        .journeys()
        .ifPresent(
            j -> {
              out.add(nodes(j));
              out.add(edges(j.graph()));
              out.add(funnel(j.funnel()));
              out.add(paths(j.variants()));
              out.add(painPoints(j));
            });
    report
        .retention()
        .ifPresent(
            r -> {
              out.add(cohorts(r.cohorts()));
              out.add(survival(r.survival(), r.band()));
            });
    report
        .value()
        .ifPresent(
            v ->
                out.add(
                    Table.builder(
                            "lifetime_value",
                            "Customer lifetime value summary (BG/NBD + Gamma-Gamma)",
                            "customers",
                            "months",
                            "monthly_discount",
                            "margin",
                            "mean",
                            "median",
                            "p90",
                            "total",
                            "top_decile_share",
                            "mean_p_alive")
                        .row(
                            v.customers(),
                            v.horizon().periods(),
                            v.horizon().discountRate(),
                            v.horizon().margin(),
                            v.mean(),
                            v.median(),
                            v.p90(),
                            v.total(),
                            v.topDecileShare(),
                            v.meanAlive())
                        .build()));
    report
        .value()
        .ifPresent(
            v -> {
              Table.Builder t =
                  Table.builder(
                      "clv_excluded",
                      "Customers left out of a lifetime value model, and why",
                      "customer_id",
                      "reason",
                      "detail");
              for (var e : v.excluded()) {
                t.row(e.customerId(), e.reason(), e.detail());
              }
              out.add(t.build());
            });
    report.value().ifPresent(v -> out.addAll(ClvTables.of(v, report.options().level())));
    report
        .value()
        .filter(v -> !v.segments().isEmpty())
        .ifPresent(
            v -> {
              Table.Builder t =
                  Table.builder(
                      "segments",
                      "Behavioural segments: size, what sets each apart (sd from the other customers), "
                          + "value and NPS",
                      "segment",
                      "customers",
                      "share",
                      "feature_1",
                      "difference_1",
                      "feature_2",
                      "difference_2",
                      "feature_3",
                      "difference_3",
                      "mean_clv",
                      "mean_p_alive",
                      "nps_n",
                      "nps",
                      "nps_lower",
                      "nps_upper",
                      "csat_n",
                      "csat_percent",
                      "csat_lower",
                      "csat_upper");
              for (int g = 0; g < v.segments().size(); g++) {
                var sp = v.segments().get(g);
                var a = sp.apart();
                var nps = sp.nps();
                t.row(
                    g + 1,
                    sp.customers(),
                    sp.share(),
                    a.get(0).getKey(),
                    a.get(0).getValue(),
                    a.get(1).getKey(),
                    a.get(1).getValue(),
                    a.get(2).getKey(),
                    a.get(2).getValue(),
                    sp.meanClv(),
                    sp.meanAlive(),
                    nps.n(),
                    nps.n() == 0 ? null : nps.value(),
                    nps.n() == 0 ? null : nps.lower(),
                    nps.n() == 0 ? null : nps.upper(),
                    sp.csat().n(),
                    sp.csat().n() == 0 ? null : sp.csat().value(),
                    sp.csat().n() == 0 ? null : sp.csat().lower(),
                    sp.csat().n() == 0 ? null : sp.csat().upper());
              }
              out.add(t.build());
            });
    report
        .drivers()
        .ifPresent(
            d -> {
              Table.Builder t =
                  Table.builder(
                      "drivers",
                      "Drivers of NPS: touchpoints visited before answering",
                      "driver",
                      "n",
                      "pearson",
                      "spearman",
                      "beta",
                      "relative_weight_share",
                      "shapley_share",
                      "effort");
              for (DriverImportance di : d.drivers().ranked()) {
                t.row(
                    di.name(),
                    di.n(),
                    di.pearson(),
                    di.spearman(),
                    di.beta(),
                    di.relativeWeightShare(),
                    di.shapleyShare(),
                    d.effort().get(di.name()));
              }
              out.add(t.build());
              EffortImpactMatrix m = d.matrix();
              if (m != null) {
                Table.Builder e =
                    Table.builder(
                        "effort_impact",
                        "Effort-impact matrix of fixes",
                        "rank",
                        "initiative",
                        "quadrant",
                        "impact",
                        "effort",
                        "impact_threshold",
                        "effort_threshold");
                for (EffortImpactMatrix.Placed p : m.items()) {
                  e.row(
                      p.rank(),
                      p.initiative().name(),
                      p.quadrant().name().toLowerCase(java.util.Locale.ROOT),
                      p.initiative().impact(),
                      p.initiative().effort(),
                      m.impactThreshold(),
                      m.effortThreshold());
                }
                out.add(e.build());
              }
            });
    if (!report.attribution().isEmpty()) {
      Table.Builder t =
          Table.builder(
              "attribution",
              "Conversion credit by channel and model",
              "model",
              "channel",
              "conversions",
              "value",
              "share");
      for (AttributionResult m : report.attribution()) {
        for (AttributionResult.ChannelCredit c : m.channels()) {
          t.row(m.model(), c.channel(), c.conversions(), c.value(), c.share());
        }
      }
      out.add(t.build());
    }
    return out;
  }

  private static Table reads(CxReport report) {
    Table.Builder t =
        Table.builder(
            "reads",
            "Input files: rows read, accepted and rejected",
            "source",
            "read",
            "accepted",
            "rejected");
    for (ReadReport r : report.input().reads()) {
      // File names only: no absolute path of the analyst's machine in the tables.
      t.row(ReportInput.fileName(r.source()), r.read(), r.accepted(), r.rejected());
    }
    return t.build();
  }

  private static Table rejected(CxReport report) {
    Table.Builder t =
        Table.builder(
            "rejected_rows",
            "Rejected input rows (the first " + ReadReport.MAX_ERRORS + " per file)",
            "source",
            "line",
            "column",
            "value",
            "reason");
    for (ReadReport r : report.input().reads()) {
      for (ReadError e : r.errors()) {
        t.row(ReportInput.fileName(e.source()), e.line(), e.column(), e.value(), e.reason());
      }
    }
    return t.build();
  }

  private static Table scores(CxReport report) {
    Table.Builder t =
        Table.builder(
            "scores",
            "Survey metrics overall, by segment, channel, touchpoint and journey stage, with "
                + "confidence intervals",
            "metric",
            "measure",
            "group_type",
            "group",
            "n",
            "value",
            "lower",
            "upper",
            "level",
            "small");
    double level = report.options().level();
    for (ScoreSection s : report.scores()) {
      add(t, s, "overall", List.of(s.overall()), level);
      add(t, s, "segment", s.bySegment(), level);
      add(t, s, "channel", s.byChannel(), level);
      add(t, s, "touchpoint", s.byTouchpoint(), level);
      add(t, s, "stage", s.byStage(), level);
    }
    return t.build();
  }

  private static void add(
      Table.Builder t, ScoreSection s, String type, List<Estimate> es, double level) {
    for (Estimate e : es) {
      t.row(
          s.metric(),
          s.measure(),
          type,
          e.label(),
          e.n(),
          e.value(),
          e.lower(),
          e.upper(),
          level,
          e.small());
    }
  }

  private static Table trend(CxReport report) {
    Table.Builder t =
        Table.builder(
            "score_trend",
            "Survey metrics per "
                + report.options().trendPeriod().name().toLowerCase(java.util.Locale.ROOT)
                + " (empty periods have n = 0)",
            "metric",
            "period_start",
            "n",
            "value",
            "lower",
            "upper",
            "small");
    for (ScoreSection s : report.scores()) {
      for (Estimate e : s.trend()) {
        t.row(s.metric(), e.label(), e.n(), e.value(), e.lower(), e.upper(), e.small());
      }
    }
    return t.build();
  }

  private static Table distribution(CxReport report) {
    Table.Builder t =
        Table.builder(
            "score_distribution",
            "Distribution of raw scores",
            "metric",
            "score",
            "count",
            "share",
            "category");
    for (ScoreSection s : report.scores()) {
      int min = s.instrument().scale().min();
      long[] counts = s.distribution().counts();
      for (int i = 0; i < counts.length; i++) {
        t.row(
            s.metric(),
            min + i,
            counts[i],
            s.distribution().n() == 0 ? null : (double) counts[i] / s.distribution().n(),
            s.categories().get(i).label());
      }
    }
    return t.build();
  }

  private static Table nodes(JourneySection j) {
    Table.Builder t =
        Table.builder(
            "journey_touchpoints",
            "Touchpoints on the journey map",
            "touchpoint",
            "stage",
            "channel",
            "visits",
            "journeys");
    for (JourneySection.Node n : j.nodes()) {
      t.row(n.id(), n.stage(), n.channel(), n.visits(), n.journeys());
    }
    return t.build();
  }

  private static Table edges(TransitionGraph g) {
    Table.Builder t =
        Table.builder(
            "journey_transitions",
            "Transitions between touchpoints (directly-follows graph)",
            "from",
            "to",
            "count",
            "median_seconds",
            "p90_seconds");
    for (TransitionGraph.Edge e : g.edges()) {
      t.row(
          e.from(),
          e.to(),
          e.count(),
          e.timing().count() == 0 ? null : e.timing().medianSeconds(),
          e.timing().count() == 0 ? null : e.timing().p90Seconds());
    }
    return t.build();
  }

  private static Table funnel(FunnelResult f) {
    Table.Builder t =
        Table.builder(
            "funnel",
            "Stage funnel with drop-offs",
            "step",
            "count",
            "conversion_from_first",
            "conversion_from_previous",
            "drop_off");
    for (int k = 0; k < f.size(); k++) {
      t.row(
          f.steps().get(k),
          f.count(k),
          f.conversionFromFirst(k),
          k == 0 ? null : f.conversionFromPrevious(k),
          k == 0 ? null : f.dropOff(k));
    }
    return t.build();
  }

  private static Table paths(Variants v) {
    // "path" is for reading; "steps" is the same path as a list (a JSON array in the CSV), so a
    // touchpoint whose name contains " > " cannot be confused with two.
    Table.Builder t =
        Table.builder(
            "paths",
            "Most common journey paths (touchpoints)",
            "rank",
            "path",
            "steps",
            "journeys",
            "share",
            "cumulative_share");
    List<Variants.Variant> top = v.top(50);
    for (int i = 0; i < top.size(); i++) {
      Variants.Variant x = top.get(i);
      t.row(
          i + 1,
          String.join(" > ", x.steps()),
          x.steps(),
          x.count(),
          x.share(),
          x.cumulativeShare());
    }
    return t.build();
  }

  private static Table painPoints(JourneySection j) {
    Table.Builder t =
        Table.builder(
            "pain_points",
            "Touchpoints scored for pain and delight (parts in [0, 1])",
            "touchpoint",
            "pain",
            "delight",
            "drop_off_part",
            "rework_part",
            "over_target_part",
            "feedback_pain_part",
            "visits",
            "journeys",
            "drop_offs",
            "small_sample");
    for (NodeScore n : j.pains().painPoints()) {
      t.row(
          n.label(),
          n.pain(),
          n.delight(),
          n.dropOffPart(),
          n.reworkPart(),
          n.overTargetPart(),
          n.feedbackPainPart(),
          n.visits(),
          n.journeys(),
          n.dropOffs(),
          n.smallSample());
    }
    return t.build();
  }

  private static Table cohorts(CohortRetention c) {
    Table.Builder t =
        Table.builder(
            "cohort_retention",
            "Monthly cohorts: customers active k months after their first month",
            "cohort_start",
            "cohort_size",
            "months_since_start",
            "active",
            "share");
    for (int i = 0; i < c.cohorts(); i++) {
      for (int k = 0; k < c.periods(i); k++) {
        t.row(
            c.cohortStart(i).toString(),
            c.cohortSize(i),
            k,
            c.count(RetentionKind.CLASSIC, i, k),
            c.share(RetentionKind.CLASSIC, i, k));
      }
    }
    return t.build();
  }

  private static Table survival(KaplanMeier km, SurvivalBand band) {
    Table.Builder t =
        Table.builder(
            "survival",
            "Kaplan-Meier survival (still active) by days since first activity",
            "days",
            "at_risk",
            "churned",
            "censored",
            "survival",
            "lower",
            "upper");
    for (int j = 0; j < km.size(); j++) {
      t.row(
          km.time(j),
          km.atRisk(j),
          km.events(j),
          km.censored(j),
          km.survival(j),
          band.lower(j).isPresent() ? band.lower(j).getAsDouble() : null,
          band.upper(j).isPresent() ? band.upper(j).getAsDouble() : null);
    }
    return t.build();
  }
}
