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
 * Writes every chart with the demo data of {@link ChartFixtures}, plus the "No data" states,
 * into one self-contained HTML page, {@code target/chart-gallery.html}, for looking at (e.g.
 * a headless Chromium screenshot).
 */
class ChartGalleryTest {

  static List<Svg> demoCharts() {
    List<Svg> charts = new ArrayList<>();
    charts.add(TrendChart.builder("NPS by week", ChartFixtures.WEEKS, ChartFixtures.NPS)
        .band(ChartFixtures.NPS_LOWER, ChartFixtures.NPS_UPPER).yRange(-100, 100)
        .yAxisLabel("NPS (-100 to 100)").seriesLabel("NPS").xAxisLabel("Week")
        .responses(ChartFixtures.NPS_RESPONSES).referenceLine(35.2, "Overall NPS").render());
    charts.add(DistributionChart.nps("Likelihood to recommend (0-10)",
        ChartFixtures.NPS_COUNTS));
    charts.add(JourneyMapChart.builder("Customer journey: flows between touchpoints",
        ChartFixtures.STAGES, ChartFixtures.journeyNodes(), ChartFixtures.journeyLinks())
        .minLinkCount(50).render());
    charts.add(FunnelChart.builder("Checkout funnel", ChartFixtures.FUNNEL_STEPS,
        ChartFixtures.FUNNEL_COUNTS).unit("sessions").render());
    charts.add(RetentionHeatmap.builder("Retention by first-purchase month",
        ChartFixtures.COHORTS, ChartFixtures.COHORT_SIZES, ChartFixtures.retention())
        .periodLabel("Months since first purchase").render());
    charts.add(SurvivalChart.builder("Time to churn by segment (Kaplan-Meier)",
        "Days since first purchase", List.of(ChartFixtures.survivalCurves()))
        .yAxisLabel("Still active").render());
    charts.add(HorizontalBarChart.builder("What drives NPS", ChartFixtures.DRIVERS,
        ChartFixtures.DRIVER_WEIGHTS).seriesName("Relative weight")
        .intervals(ChartFixtures.DRIVER_LOWER, ChartFixtures.DRIVER_UPPER)
        .intervalName("95% bootstrap interval")
        .second("Correlation with NPS", ChartFixtures.DRIVER_CORRELATION)
        .valueAxisLabel("Relative weight (share of R²) and Pearson r").render());
    charts.add(EffortImpactChart.builder("Where to act first", ChartFixtures.effortImpactItems(),
        5, 5).axisLabels("Effort (person-weeks, 0-10 scale)", "Impact on NPS (0-10)").render());
    charts.add(AttributionChart.render("Conversion credit by channel and model",
        ChartFixtures.CHANNELS, ChartFixtures.MODELS, ChartFixtures.ATTRIBUTION));
    return charts;
  }

  static List<Svg> emptyCharts() {
    List<Svg> charts = new ArrayList<>();
    charts.add(TrendChart.nps("NPS by week (empty)", List.of(), new double[0], new double[0],
        new double[0]));
    charts.add(DistributionChart.render("Distribution (empty)", List.of(), new long[0]));
    charts.add(JourneyMapChart.render("Journey (empty)", List.of(), List.of(), List.of()));
    charts.add(FunnelChart.render("Funnel (empty)", List.of(), new long[0]));
    charts.add(RetentionHeatmap.render("Retention (empty)", List.of(), new long[0],
        new double[0][]));
    charts.add(SurvivalChart.render("Survival (empty)", "days"));
    charts.add(HorizontalBarChart.render("Drivers (empty)", List.of(), new double[0]));
    charts.add(EffortImpactChart.render("Matrix (empty)", List.of(), 5, 5));
    charts.add(AttributionChart.render("Attribution (empty)", List.of(), List.of(),
        new double[0][]));
    return charts;
  }

  @Test
  void writesGallery() throws IOException {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>cx4j charts</title><style>"
        + "body{font-family:system-ui,sans-serif;background:#f4f4f4;margin:16px}"
        + "figure{display:inline-block;vertical-align:top;background:#fff;margin:8px;"
        + "padding:8px;border:1px solid #ddd}</style></head><body>");
    for (Svg s : demoCharts()) {
      html.append("<figure>").append(s.markup()).append("</figure>");
    }
    html.append("<h2>Empty input</h2>");
    for (Svg s : emptyCharts()) {
      html.append("<figure>").append(s.markup()).append("</figure>");
    }
    html.append("</body></html>");
    // One page per chart as well, for close-up screenshots.
    List<Svg> all = new ArrayList<>(demoCharts());
    all.addAll(emptyCharts());
    for (int i = 0; i < all.size(); i++) {
      Files.createDirectories(Path.of("target", "charts"));
      Files.writeString(Path.of("target", "charts", "chart-" + i + ".html"),
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
          + "<body style=\"margin:0\">" + all.get(i).markup() + "</body></html>",
          StandardCharsets.UTF_8);
    }
    Path out = Path.of("target", "chart-gallery.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    assertTrue(Files.size(out) > 10_000);
  }
}
