package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Attribution by channel: grouped vertical bars, one group per channel and one bar per attribution
 * model (e.g. first touch, last touch, linear, Markov, Shapley), each the channel's share of the
 * conversions credited by that model, in percent, with a legend of the models. Values are written
 * on the bars (rotated when the bars are narrow) and always in the tooltips.
 *
 * <pre>{@code
 * Svg svg = AttributionChart.render("Credit by channel",
 *     List.of("Email", "Search", "Social"),
 *     List.of("First touch", "Last touch", "Markov"),
 *     new double[][] {{0.5, 0.3, 0.2}, {0.2, 0.5, 0.3}, {0.35, 0.4, 0.25}});
 * }</pre>
 *
 * <p>With no channels or no models the chart shows its title and "No data".
 */
public final class AttributionChart {

  private AttributionChart() {}

  /**
   * Renders grouped bars with the default size (720 x 360).
   *
   * @param title the chart title
   * @param channels the channel names, one group each, in axis order
   * @param models the model names, one bar per group each, in legend order
   * @param share {@code share[m][c]}: the share of conversions model {@code m} credits to channel
   *     {@code c}, finite (normally 0..1; Shapley shares can be slightly negative)
   * @return the chart
   * @throws NullPointerException if an argument, a name or a row is null
   * @throws IllegalArgumentException if the dimensions differ or a share is not finite
   */
  public static Svg render(
      String title, List<String> channels, List<String> models, double[][] share) {
    return builder(title, channels, models, share).render();
  }

  /**
   * Returns a builder for grouped bars with options.
   *
   * @param title the chart title
   * @param channels the channel names
   * @param models the model names
   * @param share {@code share[m][c]}, finite
   * @return a new builder
   * @throws NullPointerException if an argument, a name or a row is null
   * @throws IllegalArgumentException if the dimensions differ or a share is not finite
   */
  public static Builder builder(
      String title, List<String> channels, List<String> models, double[][] share) {
    return new Builder(title, channels, models, share);
  }

  /** Options of an attribution chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> channels;
    private final List<String> models;
    private final double[][] share;
    private String yAxisLabel = "Share of conversions";
    private int width = 720;
    private int height = 360;

    private Builder(String title, List<String> channels, List<String> models, double[][] share) {
      this.title = Checks.title(title);
      this.channels = Checks.list("channels", channels);
      this.models = Checks.list("models", models);
      Checks.length("share", share.length, "models", this.models.size());
      this.share = new double[share.length][];
      for (int m = 0; m < share.length; m++) {
        Objects.requireNonNull(share[m], "share[" + m + "]");
        Checks.length("share[" + m + "]", share[m].length, "channels", this.channels.size());
        Checks.finite("share[" + m + "]", share[m]);
        this.share[m] = share[m].clone();
      }
    }

    /**
     * Sets the title of the y axis (default "Share of conversions").
     *
     * @param label the axis title
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder yAxisLabel(String label) {
      this.yAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the size in pixels (default 720 x 360).
     *
     * @param width the width, 120..20000
     * @param height the height, 120..20000
     * @return this builder
     * @throws IllegalArgumentException if a size is out of range
     */
    public Builder size(int width, int height) {
      Checks.size(width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Renders the chart.
     *
     * @return the chart
     */
    public Svg render() {
      int nc = channels.size();
      int nm = models.size();
      if (nc == 0 || nm == 0) {
        return Frame.noData(
            width, height, title, nc == 0 ? "No channels" : "No attribution models");
      }
      double lo = 0;
      double hi = 0;
      for (double[] row : share) {
        for (double v : row) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      SvgWriter w =
          Frame.start(
              width,
              height,
              title,
              "Share of conversions by channel for " + nm + " attribution models");
      List<Frame.Entry> legend = new ArrayList<>();
      for (int m = 0; m < nm; m++) {
        legend.add(new Frame.Entry(models.get(m), Palette.series(m), Frame.Kind.BOX));
      }
      double legendH = Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      Ticks ticks = Ticks.nice(lo, hi == lo ? lo + 0.01 : hi, 5);
      int tickDecimals = Math.max(0, ticks.decimals() - 2);
      double left = Frame.PAD + 20 + Text.width("-100%", Frame.SMALL_SIZE, false) + 4;
      double right = width - Frame.PAD;
      double top = 40 + legendH + 30;
      double bottom = height - 30;
      if (bottom - top < 20) {
        top = Math.max(30, bottom - 20);
      }
      Scale y = new Scale(ticks.min(), ticks.max(), bottom, top);
      Frame.yAxis(w, ticks, y, left, right, yAxisLabel, v -> Text.percent(v, tickDecimals));
      double group = (right - left) / nc;
      double inner = group * 0.84;
      double barW = inner / nm;
      double y0 = y.map(0);
      for (int c = 0; c < nc; c++) {
        double gx = left + c * group + (group - inner) / 2;
        w.label(
            left + group * (c + 0.5),
            bottom + 16,
            channels.get(c),
            group - 4,
            Frame.LABEL_SIZE,
            "middle",
            Palette.TEXT,
            false);
        for (int m = 0; m < nm; m++) {
          double v = share[m][c];
          double bx = gx + m * barW;
          double by = y.map(v);
          // Whole percents on the bars (one decimal below 1%), one decimal in the tooltip.
          String text = Text.percent(v, v != 0 && Math.abs(v) < 0.01 ? 1 : 0);
          w.open("rect")
              .attr("class", "bar")
              .attr("x", bx + 0.5)
              .attr("y", Math.min(by, y0))
              .attr("width", Math.max(0, barW - 1))
              .attr("height", Math.abs(y0 - by))
              .attr("fill", Palette.series(m))
              .tooltip(channels.get(c) + ", " + models.get(m) + ": " + Text.percent(v, 1))
              .end("rect");
          double tw = Text.width(text, 10, false);
          double cx = bx + barW / 2;
          if (tw + 2 <= barW) {
            w.label(cx, Math.min(by, y0) - 4, text, 10, "middle", Palette.TEXT);
          } else if (barW >= 9) {
            double ty = Math.min(by, y0) - 4;
            w.open("text")
                .attr("x", cx)
                .attr("y", ty)
                .attr("font-size", 10)
                .attr("fill", Palette.TEXT)
                .attr("dominant-baseline", "central")
                .attr(
                    "transform", "rotate(-90 " + SvgWriter.num(cx) + " " + SvgWriter.num(ty) + ")")
                .text(text)
                .end("text");
          }
        }
      }
      w.line(left, y0, right, y0, Palette.AXIS, 1).close();
      return w.finish();
    }
  }
}
