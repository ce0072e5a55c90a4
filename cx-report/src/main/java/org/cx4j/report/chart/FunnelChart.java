package org.cx4j.report.chart;

import java.util.List;

/**
 * A conversion funnel: one horizontal bar per step, its length proportional to the step's count,
 * labelled with the count and the conversion from the first step; between consecutive steps the
 * step-to-step conversion and the drop-off ({@code count[i-1] - count[i]}), the dropped part drawn
 * as a pale vermillion extension of the bar.
 *
 * <p>Conversions: from start {@code count[i] / count[0]}, step to step {@code count[i] /
 * count[i-1]}; a step after a zero count shows "n/a". Counts need not decrease: an increase is
 * shown as "+n" and drawn without a drop-off.
 *
 * <pre>{@code
 * Svg svg = FunnelChart.render("Checkout funnel",
 *     List.of("Cart", "Shipping", "Payment"), new long[] {1000, 600, 150});
 * }</pre>
 *
 * <p>With no steps, or all counts zero, the chart shows its title and "No data".
 */
public final class FunnelChart {

  private FunnelChart() {}

  /**
   * Renders a funnel with the default size (720 x 360).
   *
   * @param title the chart title, shown and used as accessible name
   * @param steps the step names, first to last
   * @param counts the count reaching each step, non-negative
   * @return the chart
   * @throws NullPointerException if an argument or a step name is null
   * @throws IllegalArgumentException if the lengths differ or a count is negative
   */
  public static Svg render(String title, List<String> steps, long[] counts) {
    return builder(title, steps, counts).render();
  }

  /**
   * Returns a builder for a funnel with options.
   *
   * @param title the chart title
   * @param steps the step names, first to last
   * @param counts the count reaching each step, non-negative
   * @return a new builder
   * @throws NullPointerException if an argument or a step name is null
   * @throws IllegalArgumentException if the lengths differ or a count is negative
   */
  public static Builder builder(String title, List<String> steps, long[] counts) {
    return new Builder(title, steps, counts);
  }

  /** Options of a funnel chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> steps;
    private final long[] counts;

    /** Below this width each step's name sits above its bar rather than beside it. */
    private static final int NARROW = 480;

    private int width = 720;
    private int height = 360;
    private String unit = "";

    private Builder(String title, List<String> steps, long[] counts) {
      this.title = Checks.title(title);
      this.steps = Checks.list("steps", steps);
      this.counts = counts.clone();
      Checks.length("counts", counts.length, "steps", this.steps.size());
      Checks.nonNegative("counts", this.counts);
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
     * Sets the unit of the counts shown after each count, e.g. {@code "customers"} (default none).
     *
     * @param unit the unit, may be empty
     * @return this builder
     * @throws NullPointerException if {@code unit} is null
     */
    public Builder unit(String unit) {
      this.unit = java.util.Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * Renders the funnel.
     *
     * @return the chart
     */
    public Svg render() {
      long max = 0;
      for (long c : counts) {
        max = Math.max(max, c);
      }
      if (steps.isEmpty() || max == 0) {
        return Frame.noData(
            width, height, title, steps.isEmpty() ? "No funnel steps" : "No one reached any step");
      }
      int n = steps.size();
      SvgWriter w = Frame.start(width, height, title, description());
      boolean drops = false;
      for (int i = 1; i < n; i++) {
        drops |= counts[i] < counts[i - 1];
      }
      List<Frame.Entry> legend = new java.util.ArrayList<>();
      legend.add(new Frame.Entry("Reached the step", Palette.BLUE, Frame.Kind.BOX));
      if (drops) {
        legend.add(
            new Frame.Entry(
                "Dropped since the previous step", Palette.VERMILLION, Frame.Kind.BAND));
      }
      double legendH = Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      double top = 40 + legendH + 14;
      double bottom = height - 8;
      String suffix0 = unit.isEmpty() ? "" : " " + unit;
      if (width < NARROW) {
        stacked(w, top, bottom, max, suffix0);
        return w.finish();
      }
      double labelCol = Math.min(width * 0.26, 200);
      double x0 = Frame.PAD + labelCol + 8;
      String suffix = unit.isEmpty() ? "" : " " + unit;
      double valueCol = 0;
      for (int i = 0; i < n; i++) {
        valueCol = Math.max(valueCol, Text.width(valueText(i, suffix), Frame.SMALL_SIZE, false));
      }
      valueCol = Math.min(valueCol + 10, width * 0.4);
      double barMax = Math.max(20, width - Frame.PAD - valueCol - x0);
      // The last row needs no gap under its bar: n bars and n - 1 gaps fill the height.
      double rowH = (bottom - top) / (n - 0.44);
      double barH = Math.max(4, Math.min(34, rowH * 0.56));
      for (int i = 0; i < n; i++) {
        double y = top + i * rowH;
        double bw = (double) counts[i] / max * barMax;
        double labelY = y + barH / 2 + 4;
        w.label(
            Frame.PAD,
            labelY,
            steps.get(i),
            labelCol,
            Frame.LABEL_SIZE,
            "start",
            Palette.TEXT,
            true);
        w.open("rect")
            .attr("class", "bar")
            .attr("x", x0)
            .attr("y", y)
            .attr("width", bw)
            .attr("height", barH)
            .attr("fill", Palette.BLUE)
            .attr("rx", 2)
            .tooltip(steps.get(i) + ": " + Text.count(counts[i]) + suffix)
            .end("rect");
        double endX = x0 + bw;
        if (i > 0 && counts[i - 1] > counts[i]) {
          double dw = (double) (counts[i - 1] - counts[i]) / max * barMax;
          dropBar(w, endX, y, dw, barH, i, suffix);
          endX += dw;
        }
        w.label(
            endX + 6,
            labelY,
            valueText(i, suffix),
            width - Frame.PAD - endX - 6,
            Frame.SMALL_SIZE,
            "start",
            Palette.TEXT,
            false);
        if (i > 0) {
          String step =
              counts[i - 1] == 0 ? "n/a" : Text.percent((double) counts[i] / counts[i - 1], 1);
          long drop = counts[i - 1] - counts[i];
          String dropText = drop >= 0 ? Text.count(drop) + " dropped" : "+" + Text.count(-drop);
          // The step-to-step line sits in the gap above this bar when there is room.
          double gap = rowH - barH;
          double ty = gap >= 13 ? y - gap / 2 + 4 : labelY + 13;
          w.label(
              x0 + 4,
              ty,
              "\u2193 " + step + " continued \u00b7 " + dropText,
              barMax + valueCol - 4,
              Frame.SMALL_SIZE,
              "start",
              Palette.MUTED,
              false);
        }
      }
      return w.finish();
    }

    /**
     * The narrow layout: each step's name and figures on a line of their own, its bar the full
     * width under them, and the step-to-step line above.
     */
    private void stacked(SvgWriter w, double top, double bottom, long max, String suffix) {
      int n = steps.size();
      double rowH = (bottom - top) / n;
      double x0 = Frame.PAD;
      double barMax = width - 2 * Frame.PAD;
      for (int i = 0; i < n; i++) {
        double y = top + i * rowH;
        if (i > 0) {
          String step =
              counts[i - 1] == 0 ? "n/a" : Text.percent((double) counts[i] / counts[i - 1], 1);
          long drop = counts[i - 1] - counts[i];
          String dropText = drop >= 0 ? Text.count(drop) + " dropped" : "+" + Text.count(-drop);
          w.label(
              x0 + 4,
              y + 10,
              "\u2193 " + step + " continued \u00b7 " + dropText,
              barMax - 4,
              Frame.SMALL_SIZE,
              "start",
              Palette.MUTED,
              false);
          y += 16;
        }
        String name = Text.fit(steps.get(i), barMax * 0.5, Frame.LABEL_SIZE, true);
        w.label(
            x0, y + 12, steps.get(i), barMax * 0.5, Frame.LABEL_SIZE, "start", Palette.TEXT, true);
        double nameW = Text.width(name, Frame.LABEL_SIZE, true) + 8;
        w.label(
            x0 + nameW,
            y + 12,
            valueText(i, suffix),
            barMax - nameW,
            Frame.SMALL_SIZE,
            "start",
            Palette.TEXT,
            false);
        // A chart too short for its rows squeezes the bars, never draws them outside.
        double barH = Math.max(1, Math.min(24, top + (i + 1) * rowH - y - 24));
        double by = Math.max(0, Math.min(y + 18, height - barH));
        double bw = (double) counts[i] / max * barMax;
        w.open("rect")
            .attr("class", "bar")
            .attr("x", x0)
            .attr("y", by)
            .attr("width", bw)
            .attr("height", barH)
            .attr("fill", Palette.BLUE)
            .attr("rx", 2)
            .tooltip(steps.get(i) + ": " + Text.count(counts[i]) + suffix)
            .end("rect");
        if (i > 0 && counts[i - 1] > counts[i]) {
          double dw = (double) (counts[i - 1] - counts[i]) / max * barMax;
          dropBar(w, x0 + bw, by, dw, barH, i, suffix);
        }
      }
    }

    /** Draws the dashed bar of the {@code dw} pixels lost between step {@code i - 1} and i. */
    private void dropBar(
        SvgWriter w, double x, double y, double dw, double barH, int i, String suffix) {
      w.open("rect")
          .attr("class", "drop")
          .attr("x", x)
          .attr("y", y)
          .attr("width", dw)
          .attr("height", barH)
          .attr("fill", Palette.VERMILLION)
          .attr("fill-opacity", 0.22)
          .attr("stroke", Palette.VERMILLION)
          .attr("stroke-opacity", 0.5)
          .attr("stroke-dasharray", "3 2")
          .tooltip(
              Text.count(counts[i - 1] - counts[i])
                  + suffix
                  + " dropped between "
                  + steps.get(i - 1)
                  + " and "
                  + steps.get(i))
          .end("rect");
    }

    private String valueText(int i, String suffix) {
      if (i == 0) {
        return Text.count(counts[0]) + suffix;
      }
      String fromStart = counts[0] == 0 ? "n/a" : Text.percent((double) counts[i] / counts[0], 1);
      return Text.count(counts[i]) + suffix + " \u00b7 " + fromStart + " of start";
    }

    private String description() {
      StringBuilder sb = new StringBuilder("Funnel of ").append(steps.size()).append(" steps: ");
      for (int i = 0; i < steps.size(); i++) {
        sb.append(i == 0 ? "" : ", ")
            .append(steps.get(i))
            .append(' ')
            .append(Text.count(counts[i]));
      }
      return sb.toString();
    }
  }
}
