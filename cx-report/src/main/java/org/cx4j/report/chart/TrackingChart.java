package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The BTYD tracking plot (Fader, Hardie and Lee 2005, figure 2; Python lifetimes' {@code
 * plot_cumulative_transactions}): actual and expected cumulative repeat transactions over calendar
 * weeks, the actual as a solid line and the model's expectation dashed, with an optional vertical
 * line where calibration ends and the holdout begins.
 *
 * <pre>{@code
 * Svg svg = TrackingChart.builder("Repeat transactions", actual, expected)
 *     .calibrationEnd(39).render();
 * }</pre>
 *
 * <p>With no weeks the chart shows its title and "No data".
 */
public final class TrackingChart {

  private TrackingChart() {}

  /**
   * Returns a builder; week {@code k} (from 1) ends at index {@code k - 1}.
   *
   * @param title the chart title
   * @param actual the actual cumulative count at the end of each week, non-negative and finite
   * @param expected the expected cumulative count at the end of each week, non-negative and finite
   * @return a new builder
   * @throws IllegalArgumentException if the lengths differ or a value is negative or not finite
   */
  public static Builder builder(String title, double[] actual, double[] expected) {
    return new Builder(title, actual, expected);
  }

  /** Options of a tracking plot; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final double[] actual;
    private final double[] expected;
    private double calibrationEnd = Double.NaN;
    private int width = 720;
    private int height = 340;
    private String xAxisLabel = "weeks";
    private String yAxisLabel = "cumulative repeat transactions";

    private Builder(String title, double[] actual, double[] expected) {
      this.title = Checks.title(title);
      Checks.length("expected", expected.length, "actual", actual.length);
      Checks.finite("actual", actual);
      Checks.finite("expected", expected);
      for (int i = 0; i < actual.length; i++) {
        if (actual[i] < 0 || expected[i] < 0) {
          throw new IllegalArgumentException(
              "counts must be at least 0, got actual "
                  + actual[i]
                  + " and expected "
                  + expected[i]
                  + " at week "
                  + (i + 1));
        }
      }
      this.actual = actual.clone();
      this.expected = expected.clone();
    }

    /**
     * Marks the end of calibration at {@code weeks} (fractional weeks from the start, 0 to the
     * number of weeks).
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code weeks} is outside that range
     */
    public Builder calibrationEnd(double weeks) {
      if (!(weeks >= 0 && weeks <= actual.length)) {
        throw new IllegalArgumentException(
            "calibrationEnd must be in 0.." + actual.length + " weeks, got " + weeks);
      }
      this.calibrationEnd = weeks;
      return this;
    }

    /** Sets the x axis title (default "weeks"). @return this builder */
    public Builder xAxisLabel(String label) {
      this.xAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** Sets the y axis title. @return this builder */
    public Builder yAxisLabel(String label) {
      this.yAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the size in pixels (default 720 x 340).
     *
     * @throws IllegalArgumentException if a size is out of range
     * @return this builder
     */
    public Builder size(int width, int height) {
      Checks.size(width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /** Renders the chart. */
    public Svg render() {
      int n = actual.length;
      if (n == 0) {
        return Frame.noData(width, height, title, "No weeks");
      }
      double hi = 0;
      for (int i = 0; i < n; i++) {
        hi = Math.max(hi, Math.max(actual[i], expected[i]));
      }
      Ticks ticks = Ticks.counts(hi, 5);
      SvgWriter w =
          Frame.start(
              width,
              height,
              title,
              String.format(
                  java.util.Locale.ROOT,
                  "Cumulative repeat transactions over %d weeks: actual %s, expected %s at the end%s",
                  n,
                  Text.count(Math.round(actual[n - 1])),
                  Text.count(Math.round(expected[n - 1])),
                  Double.isNaN(calibrationEnd)
                      ? ""
                      : "; calibration ends after week " + Text.decimal(calibrationEnd, 1)));
      List<Frame.Entry> legend = new ArrayList<>();
      legend.add(new Frame.Entry("actual", Palette.BLUE, Frame.Kind.LINE));
      legend.add(new Frame.Entry("expected (model)", Palette.VERMILLION, Frame.Kind.DASHED_LINE));
      if (!Double.isNaN(calibrationEnd)) {
        legend.add(new Frame.Entry("end of calibration", Palette.MUTED, Frame.Kind.TICK));
      }
      double legendH = Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      double tickW = 0;
      for (double v : ticks.values()) {
        tickW = Math.max(tickW, Text.width(Text.count(Math.round(v)), Frame.SMALL_SIZE, false));
      }
      double left = Frame.PAD + 20 + tickW + 8;
      double right = width - Frame.PAD - 8;
      double top = 40 + legendH + 14;
      double bottom = height - 44;
      if (bottom - top < 20) {
        top = Math.max(30, bottom - 20);
      }
      Scale x = new Scale(0, n, left, right);
      Scale y = new Scale(ticks.min(), ticks.max(), bottom, top);
      Frame.yAxis(w, ticks, y, left, right, yAxisLabel, v -> Text.count(Math.round(v)));
      // Week ticks inside the data only: a nice step, never a tick past the last week.
      Ticks xt = Ticks.counts(n, 8);
      for (double v : xt.values()) {
        if (v <= n) {
          double px = x.map(v);
          w.line(px, top, px, bottom, v == 0 ? Palette.AXIS : Palette.GRID, 1).close();
          w.label(
              px,
              bottom + 16,
              Text.count(Math.round(v)),
              Frame.SMALL_SIZE,
              "middle",
              Palette.MUTED);
        }
      }
      w.line(left, bottom, right, bottom, Palette.AXIS, 1).close();
      Frame.xTitle(w, left, right, height - 8, xAxisLabel);
      if (!Double.isNaN(calibrationEnd)) {
        double cx = x.map(calibrationEnd);
        w.line(cx, top, cx, bottom, Palette.MUTED, 1.5)
            .attr("stroke-dasharray", "2 3")
            .attr("class", "calibration-end")
            .close();
        w.label(
            cx - 4,
            top + 12,
            "calibration",
            Math.max(20, cx - left - 4),
            Frame.SMALL_SIZE,
            "end",
            Palette.MUTED,
            false);
        w.label(
            cx + 4,
            top + 12,
            "holdout",
            Math.max(20, right - cx - 4),
            Frame.SMALL_SIZE,
            "start",
            Palette.MUTED,
            false);
      }
      path(w, x, y, actual, Palette.BLUE, null, "actual");
      path(w, x, y, expected, Palette.VERMILLION, "6 4", "expected");
      return w.finish();
    }

    private static void path(
        SvgWriter w, Scale x, Scale y, double[] v, String colour, String dash, String name) {
      StringBuilder d =
          new StringBuilder("M")
              .append(SvgWriter.num(x.map(0)))
              .append(' ')
              .append(SvgWriter.num(y.map(0)));
      for (int i = 0; i < v.length; i++) {
        d.append(" L")
            .append(SvgWriter.num(x.map(i + 1)))
            .append(' ')
            .append(SvgWriter.num(y.clamped(v[i])));
      }
      w.open("path")
          .attr("class", name)
          .attr("d", d.toString())
          .attr("fill", "none")
          .attr("stroke", colour)
          .attr("stroke-width", 2);
      if (dash != null) {
        w.attr("stroke-dasharray", dash);
      }
      w.close();
    }
  }
}
