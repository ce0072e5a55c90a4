package org.cx4j.report.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A heat map of a matrix of non-negative values, such as BTYD's frequency-recency matrix (expected
 * purchases or P(alive) by frequency and recency; Python lifetimes' {@code
 * plot_frequency_recency_matrix}): rows top to bottom, columns left to right, each cell on the
 * sequential blue scale from 0 to the largest value (or a given maximum), the value written in the
 * cell when it fits and always in its tooltip, and a colour legend. A NaN cell is one that cannot
 * occur: drawn blank and hatched.
 *
 * <pre>{@code
 * Svg svg = MatrixHeatmap.builder("P(alive)", rows, columns, values)
 *     .rowTitle("repeat purchases x").columnTitle("recency t_x (weeks)").max(1).render();
 * }</pre>
 *
 * <p>With no rows or columns the chart shows its title and "No data".
 */
public final class MatrixHeatmap {

  private MatrixHeatmap() {}

  /**
   * Returns a builder.
   *
   * @param title the chart title
   * @param rows the row labels, top to bottom
   * @param columns the column labels, left to right
   * @param values {@code values[row][column]}, non-negative and finite, or NaN (impossible cell)
   * @return a new builder
   * @throws IllegalArgumentException if the lengths differ or a value is negative or infinite
   * @throws NullPointerException if an argument, a label or a row is null
   */
  public static Builder builder(
      String title, List<String> rows, List<String> columns, double[][] values) {
    return new Builder(title, rows, columns, values);
  }

  /** Options of a matrix heat map; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final double[][] values;
    private int width = 720;
    private int height = 420;
    private String rowTitle = "";
    private String columnTitle = "";
    private double max = Double.NaN;
    private int decimals = 2;

    private Builder(String title, List<String> rows, List<String> columns, double[][] values) {
      this.title = Checks.title(title);
      this.rows = Checks.list("rows", rows);
      this.columns = Checks.list("columns", columns);
      Checks.length("values", values.length, "rows", this.rows.size());
      this.values = new double[values.length][];
      for (int i = 0; i < values.length; i++) {
        Objects.requireNonNull(values[i], "values[" + i + "]");
        Checks.length("values[" + i + "]", values[i].length, "columns", this.columns.size());
        for (int j = 0; j < values[i].length; j++) {
          double v = values[i][j];
          if (!Double.isNaN(v) && (v < 0 || Double.isInfinite(v))) {
            throw new IllegalArgumentException(
                "values[" + i + "][" + j + "] must be finite and at least 0, or NaN, got " + v);
          }
        }
        this.values[i] = values[i].clone();
      }
    }

    /** Sets the title of the row axis. @return this builder */
    public Builder rowTitle(String t) {
      this.rowTitle = Objects.requireNonNull(t, "t");
      return this;
    }

    /** Sets the title of the column axis. @return this builder */
    public Builder columnTitle(String t) {
      this.columnTitle = Objects.requireNonNull(t, "t");
      return this;
    }

    /**
     * Sets the value of the darkest colour (default: the largest value).
     *
     * @throws IllegalArgumentException if {@code max} is not positive and finite
     * @return this builder
     */
    public Builder max(double max) {
      if (!(max > 0) || Double.isInfinite(max)) {
        throw new IllegalArgumentException("max must be positive and finite, got " + max);
      }
      this.max = max;
      return this;
    }

    /**
     * Sets the decimals of the values written (default 2).
     *
     * @throws IllegalArgumentException if not in 0..6
     * @return this builder
     */
    public Builder decimals(int decimals) {
      if (decimals < 0 || decimals > 6) {
        throw new IllegalArgumentException("decimals must be in 0..6, got " + decimals);
      }
      this.decimals = decimals;
      return this;
    }

    /**
     * Sets the size in pixels (default 720 x 420).
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

    /** Renders the heat map. */
    public Svg render() {
      int nr = rows.size();
      int nc = columns.size();
      if (nr == 0 || nc == 0) {
        return Frame.noData(width, height, title, "No cells");
      }
      double top = 40 + 40;
      double hiValue = 0;
      for (double[] r : values) {
        for (double v : r) {
          if (!Double.isNaN(v)) {
            hiValue = Math.max(hiValue, v);
          }
        }
      }
      double colourMax = Double.isNaN(max) ? (hiValue > 0 ? hiValue : 1) : max;
      SvgWriter w =
          Frame.start(
              width,
              height,
              title,
              String.format(
                  Locale.ROOT,
                  "%d rows (%s) by %d columns (%s); values from 0 to %s",
                  nr,
                  rowTitle,
                  nc,
                  columnTitle,
                  Text.decimal(hiValue, decimals)));
      double labelCol = 0;
      for (String r : rows) {
        labelCol = Math.max(labelCol, Text.width(r, Frame.SMALL_SIZE, false));
      }
      labelCol = Math.min(labelCol, width * 0.2);
      double left = Frame.PAD + 20 + labelCol + 6;
      double right = width - Frame.PAD;
      double bottom = height - 44;
      double cellH = (bottom - top) / nr;
      double cellW = (right - left) / nc;
      Frame.xTitle(w, left, right, 56, columnTitle);
      // Column labels: every k-th so that they do not collide.
      double labelW = 0;
      for (String c : columns) {
        labelW = Math.max(labelW, Text.width(c, Frame.SMALL_SIZE, false));
      }
      int every = Math.max(1, (int) Math.ceil((labelW + 6) / cellW));
      for (int j = 0; j < nc; j += every) {
        w.label(
            left + cellW * (j + 0.5),
            top - 6,
            columns.get(j),
            cellW * every,
            Frame.SMALL_SIZE,
            "middle",
            Palette.MUTED,
            false);
      }
      int rowEvery = Math.max(1, (int) Math.ceil(14 / cellH));
      double fontSize = Math.min(Frame.SMALL_SIZE, cellH * 0.6);
      for (int i = 0; i < nr; i++) {
        double y = top + i * cellH;
        if (i % rowEvery == 0) {
          w.label(
              left - 6,
              y + cellH / 2 + 4,
              rows.get(i),
              labelCol,
              Frame.SMALL_SIZE,
              "end",
              Palette.MUTED,
              false);
        }
        for (int j = 0; j < nc; j++) {
          double x = left + j * cellW;
          double v = values[i][j];
          String where = rowTitle + " " + rows.get(i) + ", " + columnTitle + " " + columns.get(j);
          if (Double.isNaN(v)) {
            w.open("g").attr("class", "impossible").tooltip(where + ": cannot occur");
            w.rect(x + 0.5, y + 0.5, Math.max(0, cellW - 1), Math.max(0, cellH - 1), "#ffffff")
                .attr("stroke", "#e0e0e0")
                .attr("stroke-width", 0.5)
                .close();
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
              .tooltip(where + ": " + Text.decimal(v, decimals))
              .end("rect");
          String text = Text.decimal(v, decimals);
          double fs = Math.min(fontSize, (cellW - 3) / Math.max(1e-9, Text.width(text, 1, false)));
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
      yTitle(w, top, bottom);
      legend(w, left, right, height - 30, colourMax);
      return w.finish();
    }

    private void yTitle(SvgWriter w, double top, double bottom) {
      if (rowTitle.isEmpty()) {
        return;
      }
      double cy = (top + bottom) / 2;
      w.open("text")
          .attr("x", Frame.PAD + 4)
          .attr("y", cy)
          .attr("font-size", Frame.LABEL_SIZE)
          .attr("text-anchor", "middle")
          .attr("fill", Palette.MUTED)
          .attr(
              "transform",
              "rotate(-90 " + SvgWriter.num(Frame.PAD + 4) + " " + SvgWriter.num(cy) + ")")
          .attr("dominant-baseline", "hanging");
      String shown = Text.fit(rowTitle, bottom - top, Frame.LABEL_SIZE, false);
      w.text(shown);
      if (!shown.equals(rowTitle)) {
        w.tooltip(rowTitle);
      }
      w.end("text");
    }

    private void legend(SvgWriter w, double left, double right, double y, double colourMax) {
      int steps = 10;
      double x = Math.min(left, Frame.PAD + 40);
      String maxText = Text.decimal(colourMax, decimals);
      double sw = Math.max(3, Math.min(28, (right - x - 80) / steps));
      w.label(x, y + 11, "0", Frame.SMALL_SIZE, "start", Palette.MUTED);
      x += 16;
      for (int i = 0; i < steps; i++) {
        w.rect(x + i * sw, y, sw, 14, Palette.sequential((i + 0.5) / steps)).close();
      }
      w.label(x + steps * sw + 4, y + 11, maxText, Frame.SMALL_SIZE, "start", Palette.MUTED);
    }
  }
}
