package org.cx4j.report.chart;

import java.util.List;
import java.util.Objects;

/**
 * A cohort retention heat map: one row per cohort (label and cohort size), one column per period
 * since the cohort's start (0, 1, 2 ...), each cell the share 0..1 of the cohort still active,
 * coloured on a sequential light-to-dark blue scale with the percentage written in the cell when it
 * fits, and a colour legend.
 *
 * <p>A NaN share, or a row shorter than the longest row, is a period not yet observed: the cell is
 * drawn blank with a diagonal hatch and "not observed" in its tooltip.
 *
 * <pre>{@code
 * Svg svg = RetentionHeatmap.render("Retention by signup month",
 *     List.of("2024-01", "2024-02"), new long[] {1200, 950},
 *     new double[][] {{1, 0.42, 0.35}, {1, 0.47, Double.NaN}});
 * }</pre>
 *
 * <p>With no cohorts or no periods, the chart shows its title and "No data". The height grows with
 * the number of cohorts unless set with {@link Builder#size}.
 */
public final class RetentionHeatmap {

  private RetentionHeatmap() {}

  /**
   * Renders a retention heat map with the default options.
   *
   * @param title the chart title
   * @param cohorts the cohort labels, e.g. "2024-01"
   * @param cohortSizes the number of customers in each cohort, non-negative
   * @param share {@code share[c][p]}: the share of cohort {@code c} active in period {@code p},
   *     0..1 or NaN (not observed); rows may have different lengths
   * @return the chart
   * @throws NullPointerException if an argument, a label or a row is null
   * @throws IllegalArgumentException if the lengths differ, a size is negative or a share is
   *     outside 0..1
   */
  public static Svg render(
      String title, List<String> cohorts, long[] cohortSizes, double[][] share) {
    return builder(title, cohorts, cohortSizes, share).render();
  }

  /**
   * Returns a builder for a retention heat map with options.
   *
   * @param title the chart title
   * @param cohorts the cohort labels
   * @param cohortSizes the number of customers in each cohort, non-negative
   * @param share {@code share[c][p]}, 0..1 or NaN; rows may have different lengths
   * @return a new builder
   * @throws NullPointerException if an argument, a label or a row is null
   * @throws IllegalArgumentException if the lengths differ, a size is negative or a share is
   *     outside 0..1
   */
  public static Builder builder(
      String title, List<String> cohorts, long[] cohortSizes, double[][] share) {
    return new Builder(title, cohorts, cohortSizes, share);
  }

  /** Options of a retention heat map; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> cohorts;
    private final long[] sizes;
    private final double[][] share;
    private int width = 720;
    private int height = -1;
    private String periodLabel = "Periods since start";
    private double colourMax = 1;

    private Builder(String title, List<String> cohorts, long[] cohortSizes, double[][] share) {
      this.title = Checks.title(title);
      this.cohorts = Checks.list("cohorts", cohorts);
      Checks.length("cohortSizes", cohortSizes.length, "cohorts", this.cohorts.size());
      Checks.length("share", share.length, "cohorts", this.cohorts.size());
      Checks.nonNegative("cohortSizes", cohortSizes);
      this.sizes = cohortSizes.clone();
      this.share = new double[share.length][];
      for (int c = 0; c < share.length; c++) {
        Objects.requireNonNull(share[c], "share[" + c + "]");
        for (int p = 0; p < share[c].length; p++) {
          Checks.share("share[" + c + "][" + p + "]", share[c][p]);
        }
        this.share[c] = share[c].clone();
      }
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
     * Sets the size in pixels (default width 720, height fitted to the cohorts).
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
     * Sets the title of the period axis with its unit, e.g. "Months since first purchase" (default
     * "Periods since start").
     *
     * @param label the axis title
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder periodLabel(String label) {
      this.periodLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the share that gets the darkest colour (default 1). A lower value, e.g. 0.5, shows
     * differences among low retention rates better; larger shares are drawn darkest.
     *
     * @param max the share of the darkest colour, in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is not in (0, 1]
     */
    public Builder colourMax(double max) {
      if (!(max > 0 && max <= 1)) {
        throw new IllegalArgumentException("max must be in (0, 1], got " + max);
      }
      this.colourMax = max;
      return this;
    }

    /**
     * Renders the heat map.
     *
     * @return the chart
     */
    public Svg render() {
      int rows = cohorts.size();
      int cols = 0;
      for (double[] r : share) {
        cols = Math.max(cols, r.length);
      }
      double top = 40 + 18 + 18;
      double cellH = rows == 0 ? 24 : 24;
      int h =
          height > 0
              ? height
              : (int) Math.min(Checks.MAX_SIZE, Math.max(240, top + rows * cellH + 64));
      if (rows == 0 || cols == 0) {
        return Frame.noData(width, Math.max(h, 240), title, "No cohorts observed");
      }
      SvgWriter w =
          Frame.start(
              width, h, title, "Retention of " + rows + " cohorts over " + cols + " periods");
      double labelCol = 0;
      for (int c = 0; c < rows; c++) {
        labelCol = Math.max(labelCol, Text.width(rowLabel(c), Frame.SMALL_SIZE, false));
      }
      labelCol = Math.min(labelCol, Math.max(80, width * 0.28));
      double left = Frame.PAD + labelCol + 8;
      double right = width - Frame.PAD;
      double bottom = h - 52;
      cellH = (bottom - top) / rows;
      double cellW = (right - left) / cols;
      Frame.xTitle(w, left, right, 50, periodLabel);
      for (int p = 0; p < cols; p++) {
        w.label(
            left + cellW * (p + 0.5),
            top - 6,
            Integer.toString(p),
            cellW,
            Frame.SMALL_SIZE,
            "middle",
            Palette.MUTED,
            false);
      }
      double fontSize = Math.min(Frame.SMALL_SIZE, cellH * 0.6);
      for (int c = 0; c < rows; c++) {
        double y = top + c * cellH;
        w.label(
            left - 8,
            y + cellH / 2 + 4,
            rowLabel(c),
            labelCol,
            Frame.SMALL_SIZE,
            "end",
            Palette.TEXT,
            false);
        for (int p = 0; p < cols; p++) {
          double x = left + p * cellW;
          double v = p < share[c].length ? share[c][p] : Double.NaN;
          String where = cohorts.get(c) + ", period " + p;
          if (Double.isNaN(v)) {
            w.open("g").attr("class", "not-observed").tooltip(where + ": not observed");
            w.rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1, "#ffffff")
                .attr("stroke", "#d0d0d0")
                .attr("stroke-width", 0.5)
                .close();
            w.line(x + 2, y + cellH - 2, x + cellW - 2, y + 2, "#d0d0d0", 0.75).close();
            w.end("g");
            continue;
          }
          double t = v / colourMax;
          w.open("rect")
              .attr("class", "cell")
              .attr("x", x)
              .attr("y", y)
              .attr("width", cellW)
              .attr("height", cellH)
              .attr("fill", Palette.sequential(t))
              .attr("stroke", "#ffffff")
              .attr("stroke-width", 1)
              .tooltip(where + ": " + Text.percent(v, 1) + " of " + Text.count(sizes[c]))
              .end("rect");
          String text = Text.percent(v, 0);
          // Shrink the text to the cell down to 7 px; below that the tooltip has to do.
          double fs = Math.min(fontSize, (cellW - 4) / Text.width(text, 1, false));
          if (fs >= 7) {
            w.label(
                x + cellW / 2,
                y + cellH / 2 + fs * 0.35,
                text,
                fs,
                "middle",
                Palette.sequentialIsDark(t) ? "#ffffff" : Palette.TEXT);
          }
        }
      }
      legend(w, left, right, h - 34);
      return w.finish();
    }

    private String rowLabel(int c) {
      return cohorts.get(c) + " (n=" + Text.count(sizes[c]) + ")";
    }

    private void legend(SvgWriter w, double left, double right, double y) {
      int steps = 10;
      String maxText = Text.percent(colourMax, 0) + (colourMax < 1 ? "+" : "");
      String missing = "not observed yet";
      double x = Math.min(left, Frame.PAD + 40);
      double fixed =
          24
              + 4
              + Text.width(maxText, Frame.SMALL_SIZE, false)
              + 20
              + 20
              + Text.width(missing, Frame.SMALL_SIZE, false);
      double sw = Math.max(3, Math.min(28, (right - x - fixed) / steps));
      w.label(x, y + 11, "0%", Frame.SMALL_SIZE, "start", Palette.MUTED);
      x += 24;
      for (int i = 0; i < steps && x + (i + 1) * sw <= right; i++) {
        double t = (i + 0.5) / steps;
        w.rect(x + i * sw, y, sw, 14, Palette.sequential(t)).close();
      }
      x += steps * sw + 4;
      w.label(x, y + 11, maxText, Frame.SMALL_SIZE, "start", Palette.MUTED);
      x += Text.width(maxText, Frame.SMALL_SIZE, false) + 20;
      if (x + 14 <= right) {
        w.rect(x, y, 14, 14, "#ffffff").attr("stroke", "#d0d0d0").close();
        w.line(x + 2, y + 12, x + 12, y + 2, "#d0d0d0", 0.75).close();
        w.label(
            x + 20,
            y + 11,
            missing,
            right - x - 20,
            Frame.SMALL_SIZE,
            "start",
            Palette.MUTED,
            false);
      }
    }
  }
}
