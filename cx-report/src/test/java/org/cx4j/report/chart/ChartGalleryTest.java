package org.cx4j.report.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes every chart with the demo data of {@link ChartFixtures}, plus the "No data" states, into
 * one self-contained HTML page, {@code target/chart-gallery.html}, for looking at (e.g. a headless
 * Chromium screenshot).
 */
class ChartGalleryTest {

  static List<Svg> demoCharts() {
    List<Svg> charts = new ArrayList<>();
    charts.add(
        TrendChart.builder("NPS by week", ChartFixtures.WEEKS, ChartFixtures.NPS)
            .band(ChartFixtures.NPS_LOWER, ChartFixtures.NPS_UPPER)
            .yRange(-100, 100)
            .yAxisLabel("NPS (-100 to 100)")
            .seriesLabel("NPS")
            .xAxisLabel("Week")
            .responses(ChartFixtures.NPS_RESPONSES)
            .referenceLine(35.2, "Overall NPS")
            .render());
    charts.add(DistributionChart.nps("Likelihood to recommend (0-10)", ChartFixtures.NPS_COUNTS));
    charts.add(
        JourneyMapChart.builder(
                "Customer journey: flows between touchpoints",
                ChartFixtures.STAGES,
                ChartFixtures.journeyNodes(),
                ChartFixtures.journeyLinks())
            .minLinkCount(50)
            .render());
    charts.add(
        FunnelChart.builder(
                "Checkout funnel", ChartFixtures.FUNNEL_STEPS, ChartFixtures.FUNNEL_COUNTS)
            .unit("sessions")
            .render());
    charts.add(
        RetentionHeatmap.builder(
                "Retention by first-purchase month",
                ChartFixtures.COHORTS,
                ChartFixtures.COHORT_SIZES,
                ChartFixtures.retention())
            .periodLabel("Months since first purchase")
            .render());
    charts.add(
        SurvivalChart.builder(
                "Time to churn by segment (Kaplan-Meier)",
                "Days since first purchase",
                List.of(ChartFixtures.survivalCurves()))
            .yAxisLabel("Still active")
            .render());
    charts.add(
        HorizontalBarChart.builder(
                "What drives NPS", ChartFixtures.DRIVERS, ChartFixtures.DRIVER_WEIGHTS)
            .seriesName("Relative weight")
            .intervals(ChartFixtures.DRIVER_LOWER, ChartFixtures.DRIVER_UPPER)
            .intervalName("95% bootstrap interval")
            .second("Correlation with NPS", ChartFixtures.DRIVER_CORRELATION)
            .valueAxisLabel("Relative weight (share of R²) and Pearson r")
            .render());
    charts.add(
        EffortImpactChart.builder("Where to act first", ChartFixtures.effortImpactItems(), 5, 5)
            .axisLabels("Effort (person-weeks, 0-10 scale)", "Impact on NPS (0-10)")
            .render());
    charts.add(
        AttributionChart.render(
            "Conversion credit by channel and model",
            ChartFixtures.CHANNELS,
            ChartFixtures.MODELS,
            ChartFixtures.ATTRIBUTION));
    return charts;
  }

  /** Larger inputs: a 40-touchpoint journey with 100 flows, 52 weeks, 18 cohorts. */
  static List<Svg> stressCharts() {
    List<Svg> charts = new ArrayList<>();
    List<String> stages = List.of("Discover", "Research", "Buy", "Receive", "Use", "Support");
    List<JourneyMapChart.Node> nodes = new ArrayList<>();
    String[] names = {
      "Online ad",
      "TV spot",
      "Search",
      "Social post",
      "Podcast",
      "Friend",
      "Newsletter",
      "Blog",
      "Product page",
      "Reviews",
      "Comparison",
      "Store",
      "Chat",
      "Call",
      "Web checkout",
      "App checkout",
      "In store",
      "Phone order",
      "Click & collect",
      "Courier",
      "Parcel locker",
      "Pick-up",
      "Delivery e-mail",
      "Unboxing",
      "Set-up",
      "Tutorial",
      "First use",
      "Update",
      "Renewal",
      "Loyalty app",
      "FAQ",
      "Call centre",
      "E-mail support",
      "Returns",
      "Community forum",
      "Technician visit",
      "Warranty claim",
      "Complaint",
      "Survey",
      "Chatbot"
    };
    int[] stageOf = {
      0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5,
      5, 5, 5, 5, 5, 5, 5, 5, 5
    };
    List<JourneyMapChart.Link> links = new ArrayList<>();
    long[] in = new long[40];
    long[] out = new long[40];
    for (int i = 0; i < 130; i++) {
      int a = (i * 31) % 40;
      // Mostly forward: to a touchpoint one or two stages on, sometimes back or sideways.
      int target =
          i % 10 == 9
              ? Math.max(0, stageOf[a] - (i % 2))
              : Math.min(5, stageOf[a] + 1 + (i % 4 == 0 ? 1 : 0));
      if (stageOf[a] == 5 && i % 10 != 9) {
        continue;
      }
      int first = 0;
      while (stageOf[first] != target) {
        first++;
      }
      int count = 0;
      while (first + count < 40 && stageOf[first + count] == target) {
        count++;
      }
      int b = first + (i * 7) % count;
      long n = 20 + (i * 104729L) % 900;
      links.add(new JourneyMapChart.Link("t" + a, "t" + b, n));
      out[a] += n;
      in[b] += n;
    }
    for (int i = 0; i < 40; i++) {
      JourneyMapChart.Mark m =
          i % 9 == 4
              ? JourneyMapChart.Mark.PAIN_POINT
              : i % 11 == 7 ? JourneyMapChart.Mark.DELIGHT : JourneyMapChart.Mark.NONE;
      String note =
          m == JourneyMapChart.Mark.PAIN_POINT
              ? "CES " + (5 + i % 3) + ".2"
              : m == JourneyMapChart.Mark.DELIGHT ? "CSAT 4." + (5 + i % 5) : "";
      // Volume as the report computes it: customers at the touchpoint >= in- and outflow.
      nodes.add(
          new JourneyMapChart.Node(
              "t" + i, names[i], stageOf[i], Math.max(100, Math.max(in[i], out[i])), m, note));
    }
    charts.add(
        JourneyMapChart.builder(
                "Journey: 40 touchpoints, top 100 of 130 flows", stages, nodes, links)
            .topLinks(100)
            .render());
    List<String> weeks = new ArrayList<>();
    double[] s = new double[52];
    double[] lo = new double[52];
    double[] hi = new double[52];
    for (int i = 0; i < 52; i++) {
      weeks.add(String.format(java.util.Locale.ROOT, "2024-W%02d", i + 1));
      s[i] = i % 13 == 6 ? Double.NaN : 20 + 15 * Math.sin(i / 6.0) + (i * 37 % 11) - 5;
      lo[i] = s[i] - 8 - (i % 5);
      hi[i] = s[i] + 8 + (i % 4);
    }
    charts.add(
        TrendChart.builder("NPS by week, 2024", weeks, s)
            .band(lo, hi)
            .xAxisLabel("ISO week")
            .yAxisLabel("NPS")
            .seriesLabel("NPS")
            .render());
    List<String> cohorts = new ArrayList<>();
    long[] sizes = new long[18];
    double[][] r = new double[18][];
    for (int c = 0; c < 18; c++) {
      cohorts.add(String.format(java.util.Locale.ROOT, "%d-%02d", 2023 + (c / 12), c % 12 + 1));
      sizes[c] = 800 + (c * 131) % 700;
      r[c] = new double[18 - c];
      for (int p = 0; p < r[c].length; p++) {
        r[c][p] = p == 0 ? 1 : 0.25 + 0.2 * Math.exp(-0.3 * p) + 0.01 * ((c + p) % 4);
      }
    }
    charts.add(
        RetentionHeatmap.builder("Monthly retention, 18 cohorts", cohorts, sizes, r)
            .periodLabel("Months since first purchase")
            .colourMax(0.6)
            .render());
    return charts;
  }

  static List<Svg> emptyCharts() {
    List<Svg> charts = new ArrayList<>();
    charts.add(
        TrendChart.nps(
            "NPS by week (empty)", List.of(), new double[0], new double[0], new double[0]));
    charts.add(DistributionChart.render("Distribution (empty)", List.of(), new long[0]));
    charts.add(JourneyMapChart.render("Journey (empty)", List.of(), List.of(), List.of()));
    charts.add(FunnelChart.render("Funnel (empty)", List.of(), new long[0]));
    charts.add(
        RetentionHeatmap.render("Retention (empty)", List.of(), new long[0], new double[0][]));
    charts.add(SurvivalChart.render("Survival (empty)", "days"));
    charts.add(HorizontalBarChart.render("Drivers (empty)", List.of(), new double[0]));
    charts.add(EffortImpactChart.render("Matrix (empty)", List.of(), 5, 5));
    charts.add(
        AttributionChart.render("Attribution (empty)", List.of(), List.of(), new double[0][]));
    return charts;
  }

  @Test
  void writesGallery() throws IOException {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>cx4j charts</title><style>"
                + "body{font-family:system-ui,sans-serif;background:#f4f4f4;margin:16px}"
                + "main{display:flex;flex-wrap:wrap;align-items:flex-start}"
                + "figure{flex:none;background:#fff;margin:8px;padding:8px;border:1px solid #ddd}"
                + "</style></head><body><main>");
    for (Svg s : demoCharts()) {
      html.append("<figure>").append(s.markup()).append("</figure>");
    }
    html.append("</main><h2>Larger inputs</h2><main>");
    for (Svg s : stressCharts()) {
      html.append("<figure>").append(s.markup()).append("</figure>");
    }
    html.append("</main><h2>Empty input</h2><main>");
    for (Svg s : emptyCharts()) {
      html.append("<figure>").append(s.markup()).append("</figure>");
    }
    html.append("</main></body></html>");
    // One page per chart as well, for close-up screenshots.
    List<Svg> all = new ArrayList<>(demoCharts());
    all.addAll(stressCharts());
    all.addAll(emptyCharts());
    for (int i = 0; i < all.size(); i++) {
      Files.createDirectories(Path.of("target", "charts"));
      Files.writeString(
          Path.of("target", "charts", "chart-" + i + ".html"),
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
              + "<body style=\"margin:0\">"
              + all.get(i).markup()
              + "</body></html>",
          StandardCharsets.UTF_8);
    }
    Path out = Path.of("target", "chart-gallery.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    assertTrue(Files.size(out) > 10_000);
  }
}
