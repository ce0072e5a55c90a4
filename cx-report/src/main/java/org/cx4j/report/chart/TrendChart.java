package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A score over time with its confidence band: x = period labels (day, week, month ...), y = the
 * score; a line with points, a shaded band from {@code lower} to {@code upper}, and an optional
 * horizontal reference line (e.g. the overall NPS).
 *
 * <p>A NaN score marks a period without responses: the line has a gap there and a hollow marker on
 * the x axis says "no responses" in its tooltip. A NaN bound leaves a gap in the band only.
 *
 * <pre>{@code
 * Svg svg = TrendChart.nps("NPS by week", weeks, nps, lower, upper);
 * Svg custom = TrendChart.builder("CSAT by month", months, csat)
 *     .band(lower, upper).yRange(1, 5).yAxisLabel("CSAT (1-5)")
 *     .referenceLine(4.1, "Year average").render();
 * }</pre>
 *
 * <p>With no periods, or every score NaN, the chart shows its title and "No data".
 */
public final class TrendChart {

  private TrendChart() {}

  /**
   * Renders an NPS trend on the fixed range -100..100 with a band.
   *
   * @param title the chart title
   * @param periods the period labels, in time order
   * @param score the NPS per period, NaN for a period without responses
   * @param lower the lower confidence bound per period, NaN for none
   * @param upper the upper confidence bound per period, NaN for none
   * @return the chart
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static Svg nps(
      String title, List<String> periods, double[] score, double[] lower, double[] upper) {
    return builder(title, periods, score)
        .band(lower, upper)
        .yRange(-100, 100)
        .yAxisLabel("NPS")
        .seriesLabel("NPS")
        .render();
  }

  /**
   * Returns a builder for a trend of {@code score} over {@code periods}.
   *
   * @param title the chart title
   * @param periods the period labels, in time order
   * @param score the value per period, NaN for a period without responses
   * @return a new builder
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static Builder builder(String title, List<String> periods, double[] score) {
    return new Builder(title, periods, score);
  }

  /** Options of a trend chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> periods;
    private final double[] score;
    private double[] lower;
    private double[] upper;
    private long[] responses;
    private long minResponses;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private double reference = Double.NaN;
    private String referenceLabel = "";
    private String yAxisLabel = "Score";
    private String xAxisLabel = "";
    private String seriesLabel = "Score";
    private String bandLabel = "95% confidence interval";
    private int width = 720;
    private int height = 360;

    private Builder(String title, List<String> periods, double[] score) {
      this.title = Checks.title(title);
      this.periods = Checks.list("periods", periods);
      this.score = score.clone();
      Checks.length("score", score.length, "periods", this.periods.size());
      Checks.finiteOrNaN("score", this.score);
    }

    /**
     * Sets the confidence band.
     *
     * @param lower the lower bound per period, NaN for none
     * @param upper the upper bound per period, NaN for none
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a length differs from the periods, a bound is infinite,
     *     or {@code lower[i] > upper[i]}
     */
    public Builder band(double[] lower, double[] upper) {
      Checks.bounds(lower, upper, "periods", periods.size());
      this.lower = lower.clone();
      this.upper = upper.clone();
      return this;
    }

    /**
     * Sets the legend label of the band (default "95% confidence interval").
     *
     * @param label the label
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder bandLabel(String label) {
      this.bandLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the number of responses per period, shown in the tooltips.
     *
     * @param responses the counts, non-negative
     * @return this builder
     * @throws NullPointerException if {@code responses} is null
     * @throws IllegalArgumentException if the length differs or a count is negative
     */
    public Builder responses(long[] responses) {
      Checks.length("responses", responses.length, "periods", periods.size());
      Checks.nonNegative("responses", responses);
      this.responses = responses.clone();
      return this;
    }

    /**
     * Draws the points of periods with fewer than {@code min} responses hollow (white inside), with
     * their n in the tooltip, so that an unstable figure does not look like a firm one (default 0:
     * every point solid). Needs {@link #responses(long[])}; a period with no responses stays a gap.
     *
     * @param min the smallest number of responses drawn solid, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code min} is negative
     */
    public Builder minResponses(long min) {
      if (min < 0) {
        throw new IllegalArgumentException("min must be >= 0, got " + min);
      }
      this.minResponses = min;
      return this;
    }

    /**
     * Fixes the y range (default: the data range, rounded to nice ticks). Values outside are drawn
     * at the edge.
     *
     * @param min the bottom of the axis
     * @param max the top of the axis
     * @return this builder
     * @throws IllegalArgumentException if a bound is not finite or {@code min >= max}
     */
    public Builder yRange(double min, double max) {
      Checks.finite("min", min);
      Checks.finite("max", max);
      if (min >= max) {
        throw new IllegalArgumentException("min must be < max, got " + min + " >= " + max);
      }
      this.yMin = min;
      this.yMax = max;
      return this;
    }

    /**
     * Adds a dashed horizontal reference line, e.g. the overall score.
     *
     * @param value the y value
     * @param label the legend label, e.g. "Overall NPS"; the value is appended
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public Builder referenceLine(double value, String label) {
      Checks.finite("value", value);
      this.reference = value;
      this.referenceLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the title of the y axis, with its unit (default "Score").
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
     * Sets the title of the x axis, e.g. "Week" (default none).
     *
     * @param label the axis title
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder xAxisLabel(String label) {
      this.xAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the legend label of the line (default "Score").
     *
     * @param label the label
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder seriesLabel(String label) {
      this.seriesLabel = Objects.requireNonNull(label, "label");
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
      int n = periods.size();
      boolean any = false;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(score[i])) {
          any = true;
          lo = Math.min(lo, score[i]);
          hi = Math.max(hi, score[i]);
          if (lower != null && !Double.isNaN(lower[i])) {
            lo = Math.min(lo, lower[i]);
          }
          if (upper != null && !Double.isNaN(upper[i])) {
            hi = Math.max(hi, upper[i]);
          }
        }
      }
      if (!any) {
        return Frame.noData(
            width, height, title, n == 0 ? "No periods" : "No responses in any period");
      }
      if (!Double.isNaN(reference)) {
        lo = Math.min(lo, reference);
        hi = Math.max(hi, reference);
      }
      boolean fixed = !Double.isNaN(yMin);
      Ticks ticks = fixed ? Ticks.nice(yMin, yMax, 4) : Ticks.nice(lo, hi, 5);
      double dMin = fixed ? yMin : ticks.min();
      double dMax = fixed ? yMax : ticks.max();

      SvgWriter w = Frame.start(width, height, title, seriesLabel + " over " + n + " periods");
      List<Frame.Entry> legend = new ArrayList<>();
      legend.add(new Frame.Entry(seriesLabel, Palette.BLUE, Frame.Kind.LINE));
      if (lower != null) {
        legend.add(new Frame.Entry(bandLabel, Palette.BLUE, Frame.Kind.BAND));
      }
      if (!Double.isNaN(reference)) {
        legend.add(
            new Frame.Entry(
                referenceLabel + " " + Text.decimal(reference, 1),
                Palette.ORANGE,
                Frame.Kind.DASHED_LINE));
      }
      boolean gaps = false;
      for (double s : score) {
        gaps |= Double.isNaN(s);
      }
      boolean anySmall = false;
      for (int i = 0; i < n; i++) {
        anySmall |= isSmall(i);
      }
      if (anySmall) {
        legend.add(
            new Frame.Entry(
                "Fewer than " + Text.count(minResponses) + " responses",
                Palette.BLUE,
                Frame.Kind.HOLLOW));
      }
      if (gaps) {
        legend.add(new Frame.Entry("No responses", Palette.MUTED, Frame.Kind.HOLLOW));
      }
      double legendH = Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);

      double tickW = 0;
      for (double v : ticks.values()) {
        tickW = Math.max(tickW, Text.width(ticks.format(v), Frame.SMALL_SIZE, false));
      }
      double left = Frame.PAD + 20 + tickW + 8;
      double right = width - Frame.PAD - 8;
      double top = 40 + legendH + 14;
      double bottom = height - (xAxisLabel.isEmpty() ? 28 : 44);
      if (bottom - top < 20) {
        top = Math.max(30, bottom - 20);
      }
      Scale y = new Scale(dMin, dMax, bottom, top);
      double band = (right - left) / n;
      double[] px = new double[n];
      for (int i = 0; i < n; i++) {
        px[i] = left + band * (i + 0.5);
      }
      // Periods without responses: a faint column under the grid, so the gap reads as "no data
      // here".
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(score[i])) {
          w.rect(px[i] - band / 2, top, band, bottom - top, "#f6f6f6").close();
        }
      }
      Ticks shown = fixed ? clip(ticks, yMin, yMax) : ticks;
      Frame.yAxis(w, shown, y, left, right, yAxisLabel, shown::format);
      w.line(left, bottom, right, bottom, Palette.AXIS, 1).close();

      // Thin the x labels so that they do not collide: every k-th label.
      double labelW = 0;
      for (String p : periods) {
        labelW = Math.max(labelW, Math.min(90, Text.width(p, Frame.SMALL_SIZE, false)));
      }
      int every = Math.max(1, (int) Math.ceil((labelW + 8) / band));
      for (int i = 0; i < n; i++) {
        w.line(px[i], bottom, px[i], bottom + 4, Palette.AXIS, 1).close();
        if (i % every == 0) {
          // 18 px down: clear of the lowest tick label, which is centred on the axis line.
          w.label(
              px[i],
              bottom + 18,
              periods.get(i),
              Math.max(band * every - 6, 20),
              Frame.SMALL_SIZE,
              "middle",
              Palette.MUTED,
              false);
        }
      }
      Frame.xTitle(w, left, right, height - 10, xAxisLabel);

      if (lower != null) {
        drawBand(w, px, y, band);
      }
      if (!Double.isNaN(reference)) {
        double ry = y.clamped(reference);
        w.line(left, ry, right, ry, Palette.ORANGE, 1.5)
            .attr("stroke-dasharray", "6 4")
            .tooltip(referenceLabel + ": " + Text.decimal(reference, 1))
            .end("line");
      }
      // The line: one path per run of periods with responses.
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(score[i])) {
          continue;
        }
        boolean startsRun = i == 0 || Double.isNaN(score[i - 1]);
        d.append(startsRun ? "M" : " L")
            .append(SvgWriter.num(px[i]))
            .append(' ')
            .append(SvgWriter.num(y.clamped(score[i])));
        if (startsRun) {
          d.append(' ');
        }
      }
      w.open("path")
          .attr("class", "line")
          .attr("d", d.toString().trim())
          .attr("fill", "none")
          .attr("stroke", Palette.BLUE)
          .attr("stroke-width", 2.5)
          .attr("stroke-linejoin", "round")
          .close();
      double r = Math.max(1.5, Math.min(4, band / 4));
      for (int i = 0; i < n; i++) {
        String when = periods.get(i);
        String nText = responses == null ? "" : ", n = " + Text.count(responses[i]);
        if (Double.isNaN(score[i])) {
          w.open("circle")
              .attr("class", "gap")
              .attr("cx", px[i])
              .attr("cy", bottom)
              .attr("r", Math.max(2.5, r))
              .attr("fill", "#ffffff")
              .attr("stroke", Palette.MUTED)
              .attr("stroke-width", 1.5)
              .tooltip(when + ": no responses")
              .end("circle");
          continue;
        }
        String tip = when + ": " + seriesLabel + " " + Text.decimal(score[i], 1);
        if (lower != null && !Double.isNaN(lower[i]) && !Double.isNaN(upper[i])) {
          tip +=
              " ("
                  + bandLabel
                  + " "
                  + Text.decimal(lower[i], 1)
                  + " to "
                  + Text.decimal(upper[i], 1)
                  + ")";
        }
        if (isSmall(i)) {
          // Hollow: a figure from fewer responses than the minimum group size.
          w.open("circle")
              .attr("class", "point small")
              .attr("cx", px[i])
              .attr("cy", y.clamped(score[i]))
              .attr("r", Math.max(2.5, r))
              .attr("fill", "#ffffff")
              .attr("stroke", Palette.BLUE)
              .attr("stroke-width", 1.5)
              .tooltip(tip + nText + " (fewer than " + Text.count(minResponses) + ")")
              .end("circle");
          continue;
        }
        w.open("circle")
            .attr("class", "point")
            .attr("cx", px[i])
            .attr("cy", y.clamped(score[i]))
            .attr("r", r)
            .attr("fill", Palette.BLUE)
            .attr("stroke", "#ffffff")
            .attr("stroke-width", 1)
            .tooltip(tip + nText)
            .end("circle");
      }
      return w.finish();
    }

    private void drawBand(SvgWriter w, double[] px, Scale y, double band) {
      int n = px.length;
      int i = 0;
      while (i < n) {
        if (!hasBand(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < n && hasBand(j + 1)) {
          j++;
        }
        if (i == j) {
          // A lone period: an error bar instead of an area.
          w.line(
                  px[i],
                  y.clamped(lower[i]),
                  px[i],
                  y.clamped(upper[i]),
                  Palette.BLUE,
                  Math.max(2, Math.min(8, band / 3)))
              .attr("class", "band")
              .attr("stroke-opacity", 0.25)
              .close();
        } else {
          StringBuilder d = new StringBuilder();
          for (int k = i; k <= j; k++) {
            d.append(k == i ? "M" : " L")
                .append(SvgWriter.num(px[k]))
                .append(' ')
                .append(SvgWriter.num(y.clamped(upper[k])));
          }
          for (int k = j; k >= i; k--) {
            d.append(" L")
                .append(SvgWriter.num(px[k]))
                .append(' ')
                .append(SvgWriter.num(y.clamped(lower[k])));
          }
          w.open("path")
              .attr("class", "band")
              .attr("d", d.append(" Z").toString())
              .attr("fill", Palette.BLUE)
              .attr("fill-opacity", 0.18)
              .close();
        }
        i = j + 1;
      }
    }

    private boolean isSmall(int i) {
      return responses != null && !Double.isNaN(score[i]) && responses[i] < minResponses;
    }

    private boolean hasBand(int i) {
      return !Double.isNaN(score[i]) && !Double.isNaN(lower[i]) && !Double.isNaN(upper[i]);
    }

    /** Returns the ticks inside a fixed range, so no gridline is drawn outside the plot. */
    private static Ticks clip(Ticks t, double min, double max) {
      double first = Math.ceil(min / t.step() - 1e-9) * t.step();
      double last = Math.floor(max / t.step() + 1e-9) * t.step();
      return first > last ? new Ticks(min, max, max - min) : new Ticks(first, last, t.step());
    }
  }
}
