package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart for rankings such as driver importance: one row per label in the order
 * given (sort before calling), a bar from zero to the value (negative values to the left), the
 * value written at the end of the bar, optional error bars (lower..upper), and an optional second
 * value per row drawn as a thinner bar beneath (e.g. the correlation next to the relative weight),
 * with a legend when there is more than one thing to tell apart.
 *
 * <pre>{@code
 * Svg svg = HorizontalBarChart.builder("What drives NPS", drivers, weights)
 *     .seriesName("Relative weight").percent()
 *     .intervals(lower, upper)
 *     .second("Correlation", correlations)
 *     .valueAxisLabel("share of explained variance")
 *     .render();
 * }</pre>
 *
 * <p>With no rows the chart shows its title and "No data". The height grows with the number of rows
 * unless set with {@link Builder#size}.
 */
public final class HorizontalBarChart {

  private HorizontalBarChart() {}

  /**
   * Renders a horizontal bar chart with the default options (values with two decimals).
   *
   * @param title the chart title
   * @param labels the row labels, top to bottom
   * @param values the value per row, finite
   * @return the chart
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a value is not finite
   */
  public static Svg render(String title, List<String> labels, double[] values) {
    return builder(title, labels, values).render();
  }

  /**
   * Returns a builder for a horizontal bar chart with options.
   *
   * @param title the chart title
   * @param labels the row labels, top to bottom
   * @param values the value per row, finite
   * @return a new builder
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a value is not finite
   */
  public static Builder builder(String title, List<String> labels, double[] values) {
    return new Builder(title, labels, values);
  }

  /** Options of a horizontal bar chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> labels;
    private final double[] values;
    private String seriesName = "Value";
    private double[] lower;
    private double[] upper;
    private String intervalName = "95% interval";
    private String secondName;
    private double[] second;
    private String valueAxisLabel = "";
    private boolean percent;
    private int decimals = 2;
    private int width = 720;
    private int height = -1;

    private Builder(String title, List<String> labels, double[] values) {
      this.title = Checks.title(title);
      this.labels = Checks.list("labels", labels);
      Checks.length("values", values.length, "labels", this.labels.size());
      Checks.finite("values", values);
      this.values = values.clone();
    }

    /**
     * Sets the legend name of the main values (default "Value"; shown when there is a second series
     * or intervals).
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder seriesName(String name) {
      this.seriesName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Adds error bars from {@code lower[i]} to {@code upper[i]}; a NaN pair draws none.
     *
     * @param lower the lower ends
     * @param upper the upper ends
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a length differs, a bound is infinite, or {@code lower[i]
     *     > upper[i]}
     */
    public Builder intervals(double[] lower, double[] upper) {
      Checks.bounds(lower, upper, "labels", labels.size());
      this.lower = lower.clone();
      this.upper = upper.clone();
      return this;
    }

    /**
     * Sets the legend name of the intervals (default "95% interval").
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder intervalName(String name) {
      this.intervalName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Adds a second value per row, drawn as a thinner orange bar under the main bar, on the same
     * axis.
     *
     * @param name the legend name, e.g. "Correlation"
     * @param values the second value per row, finite
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the length differs or a value is not finite
     */
    public Builder second(String name, double[] values) {
      Checks.length("values", values.length, "labels", labels.size());
      Checks.finite("values", values);
      this.secondName = Objects.requireNonNull(name, "name");
      this.second = values.clone();
      return this;
    }

    /**
     * Sets the title of the value axis with its unit (default none).
     *
     * @param label the axis title
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder valueAxisLabel(String label) {
      this.valueAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Shows the values as percentages: the values are shares, {@code 0.25} reads "25.0%".
     *
     * @return this builder
     */
    public Builder percent() {
      this.percent = true;
      this.decimals = 1;
      return this;
    }

    /**
     * Sets the decimals of the value labels (default 2, or 1 with {@link #percent()}).
     *
     * @param decimals 0..6
     * @return this builder
     * @throws IllegalArgumentException if {@code decimals} is outside 0..6
     */
    public Builder decimals(int decimals) {
      if (decimals < 0 || decimals > 6) {
        throw new IllegalArgumentException("decimals must be between 0 and 6, got " + decimals);
      }
      this.decimals = decimals;
      return this;
    }

    /**
     * Sets the width in pixels and fits the height to the content, so that the chart can be laid
     * out for the width it is shown at.
     *
     * @param width the width, 120..20000
     * @return this builder
     * @throws IllegalArgumentException if the width is out of range
     */
    public Builder width(int width) {
      Checks.size(width, Checks.MIN_SIZE);
      this.width = width;
      this.height = -1;
      return this;
    }

    /**
     * Sets the size in pixels (default width 720, height fitted to the rows).
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

    private String format(double v) {
      return percent ? Text.percent(v, decimals) : Text.decimal(v, decimals);
    }

    /**
     * Renders the chart.
     *
     * @return the chart
     */
    public Svg render() {
      int n = labels.size();
      List<Frame.Entry> legend = new ArrayList<>();
      if (second != null || lower != null) {
        legend.add(new Frame.Entry(seriesName, Palette.BLUE, Frame.Kind.BOX));
        if (second != null) {
          legend.add(new Frame.Entry(secondName, Palette.ORANGE, Frame.Kind.BOX));
        }
        if (lower != null) {
          legend.add(new Frame.Entry(intervalName, Palette.TEXT, Frame.Kind.LINE));
        }
      }
      double rowH = second != null ? 34 : 26;
      double legendH = legend.isEmpty() ? 0 : Frame.legendHeight(width - 2 * Frame.PAD, legend);
      double top = 40 + legendH + 12;
      double footer = valueAxisLabel.isEmpty() ? 28 : 44;
      int h =
          height > 0
              ? height
              : (int) Math.min(Checks.MAX_SIZE, Math.max(200, top + n * rowH + footer));
      if (n == 0) {
        return Frame.noData(width, h, title, "Nothing to rank");
      }
      double lo = 0;
      double hi = 0;
      for (int i = 0; i < n; i++) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
        if (second != null) {
          lo = Math.min(lo, second[i]);
          hi = Math.max(hi, second[i]);
        }
        if (lower != null && !Double.isNaN(lower[i]) && !Double.isNaN(upper[i])) {
          lo = Math.min(lo, lower[i]);
          hi = Math.max(hi, upper[i]);
        }
      }
      Ticks ticks = Ticks.nice(lo, hi, 5);
      SvgWriter w = Frame.start(width, h, title, description());
      if (!legend.isEmpty()) {
        Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      }
      double labelCol = 0;
      for (String l : labels) {
        labelCol = Math.max(labelCol, Text.width(l, Frame.LABEL_SIZE, false));
      }
      labelCol = Math.min(labelCol, width * 0.3);
      double left = Frame.PAD + labelCol + 10;
      // Room for the value labels beyond the longest bar on either side.
      double valueW =
          Text.width(format(-Math.max(Math.abs(lo), Math.abs(hi))), Frame.SMALL_SIZE, false) + 8;
      double right = width - Frame.PAD - valueW;
      double plotLeft = left + (lo < 0 ? valueW : 0);
      double bottom = h - footer;
      rowH = (bottom - top) / n;
      Scale x = new Scale(ticks.min(), ticks.max(), plotLeft, right);
      Frame.xAxis(
          w,
          ticks,
          x,
          top,
          bottom,
          v -> percent ? Text.percent(v, Math.max(0, ticks.decimals() - 2)) : ticks.format(v));
      Frame.xTitle(w, plotLeft, right, h - 10, valueAxisLabel);
      double x0 = x.map(0);
      double barH = second != null ? rowH * 0.42 : rowH * 0.62;
      double secondH = rowH * 0.22;
      for (int i = 0; i < n; i++) {
        double yTop = top + i * rowH + (rowH - barH - (second != null ? secondH + 2 : 0)) / 2;
        double cy = top + (i + 0.5) * rowH;
        w.label(
            left - 10,
            cy + 4,
            labels.get(i),
            labelCol,
            Frame.LABEL_SIZE,
            "end",
            Palette.TEXT,
            false);
        double xv = x.map(values[i]);
        w.open("rect")
            .attr("class", "bar")
            .attr("x", Math.min(x0, xv))
            .attr("y", yTop)
            .attr("width", Math.abs(xv - x0))
            .attr("height", barH)
            .attr("fill", Palette.BLUE)
            .tooltip(labels.get(i) + ": " + seriesName + " " + format(values[i]))
            .end("rect");
        double labelEnd = values[i] >= 0 ? xv : xv;
        if (lower != null && !Double.isNaN(lower[i]) && !Double.isNaN(upper[i])) {
          double xl = x.map(lower[i]);
          double xu = x.map(upper[i]);
          double my = yTop + barH / 2;
          w.open("g")
              .attr("class", "interval")
              .attr("stroke", Palette.TEXT)
              .attr("stroke-width", 1.25)
              .tooltip(
                  labels.get(i)
                      + ": "
                      + intervalName
                      + " "
                      + format(lower[i])
                      + " to "
                      + format(upper[i]));
          w.line(xl, my, xu, my, Palette.TEXT, 1.25).close();
          w.line(xl, my - 4, xl, my + 4, Palette.TEXT, 1.25).close();
          w.line(xu, my - 4, xu, my + 4, Palette.TEXT, 1.25).close();
          w.end("g");
          labelEnd = values[i] >= 0 ? Math.max(xv, xu) : Math.min(xv, xl);
        }
        if (values[i] >= 0) {
          w.label(
              labelEnd + 4,
              yTop + barH / 2 + 4,
              format(values[i]),
              Frame.SMALL_SIZE,
              "start",
              Palette.TEXT);
        } else {
          w.label(
              labelEnd - 4,
              yTop + barH / 2 + 4,
              format(values[i]),
              Frame.SMALL_SIZE,
              "end",
              Palette.TEXT);
        }
        if (second != null) {
          double sy = yTop + barH + 2;
          double xs = x.map(second[i]);
          w.open("rect")
              .attr("class", "bar2")
              .attr("x", Math.min(x0, xs))
              .attr("y", sy)
              .attr("width", Math.abs(xs - x0))
              .attr("height", secondH)
              .attr("fill", Palette.ORANGE)
              .tooltip(labels.get(i) + ": " + secondName + " " + format(second[i]))
              .end("rect");
          w.label(
              second[i] >= 0 ? xs + 4 : xs - 4,
              sy + secondH / 2 + 3.5,
              format(second[i]),
              9.5,
              second[i] >= 0 ? "start" : "end",
              Palette.MUTED);
        }
      }
      w.line(x0, top, x0, bottom, Palette.AXIS, 1).close();
      return w.finish();
    }

    private String description() {
      StringBuilder sb = new StringBuilder(seriesName).append(" by row: ");
      for (int i = 0; i < labels.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(format(values[i]));
      }
      return sb.toString();
    }
  }
}
