package org.cx4j.report.chart;

import java.util.List;

/**
 * The parts every chart shares: the title, the "No data" state, legends and axes. Layout constants
 * live here so that all charts look like one family.
 */
final class Frame {

  static final double TITLE_SIZE = 16;
  static final double LABEL_SIZE = 12;
  static final double SMALL_SIZE = 11;

  /** The baseline of the title. */
  static final double TITLE_Y = 24;

  /** The left and right padding of the whole chart. */
  static final double PAD = 12;

  /** A legend entry: a swatch of the given kind and colour, and a label. */
  record Entry(String label, String colour, Kind kind) {}

  /** The shape of a legend swatch. */
  enum Kind {
    BOX,
    LINE,
    DASHED_LINE,
    BAND,
    POINT,
    HOLLOW,
    TRIANGLE,
    TICK
  }

  private Frame() {}

  /** The extra height of a title on two lines. */
  static final double TITLE_WRAP = 20;

  /**
   * Starts a chart with its title drawn; the accessible name is the title. A title too long for one
   * line (a narrow chart) is broken at a space onto a second line, and the chart is drawn {@link
   * #TITLE_WRAP} pixels lower in an SVG that much taller, so that no chart's own layout changes;
   * what does not fit on two lines ends in an ellipsis, with the whole title in its tooltip.
   */
  static SvgWriter start(int width, int height, String title, String description) {
    // A blank accessible name is no name: screen readers would announce just "image".
    String name = title.replaceAll("[\\p{Cntrl}]", " ").strip();
    String accessible = name.isEmpty() ? "Chart" : title;
    double max = width - 2 * PAD;
    int cut = -1;
    if (Text.width(title, TITLE_SIZE, true) > max && height + TITLE_WRAP <= Checks.MAX_SIZE) {
      for (int i = 1; i < title.length(); i++) {
        if (title.charAt(i) == ' ' && Text.width(title.substring(0, i), TITLE_SIZE, true) <= max) {
          cut = i;
        }
      }
    }
    if (cut < 0) {
      SvgWriter w = new SvgWriter(width, height, accessible, description);
      w.label(PAD, TITLE_Y, title, max, TITLE_SIZE, "start", Palette.TEXT, true);
      return w;
    }
    SvgWriter w = new SvgWriter(width, (int) (height + TITLE_WRAP), accessible, description);
    String rest = title.substring(cut + 1);
    String shown = Text.fit(rest, max, TITLE_SIZE, true);
    // One text element: its content is the whole title (the first line keeps its space).
    w.open("text")
        .attr("x", PAD)
        .attr("y", TITLE_Y)
        .attr("font-size", TITLE_SIZE)
        .attr("fill", Palette.TEXT)
        .attr("font-weight", "600");
    w.open("tspan").attr("x", PAD).text(title.substring(0, cut + 1)).end("tspan");
    w.open("tspan").attr("x", PAD).attr("dy", TITLE_WRAP).text(shown).end("tspan");
    if (!shown.equals(rest)) {
      w.tooltip(title);
    }
    w.end("text");
    return w.shiftDown(TITLE_WRAP);
  }

  /** Renders the "No data" state: the title and a centred message, never an empty SVG. */
  static Svg noData(int width, int height, String title, String message) {
    SvgWriter w = start(width, height, title, "No data");
    double cy = (TITLE_Y + height) / 2;
    w.open("rect")
        .attr("x", PAD)
        .attr("y", TITLE_Y + 12)
        .attr("width", width - 2 * PAD)
        .attr("height", Math.max(1, height - TITLE_Y - 12 - PAD))
        .attr("fill", "#fafafa")
        .attr("stroke", Palette.GRID)
        .attr("rx", 6)
        .close();
    w.label(width / 2.0, cy, "No data", width - 4 * PAD, 16, "middle", Palette.MUTED, true);
    if (message != null && !message.isEmpty()) {
      w.label(
          width / 2.0,
          cy + 20,
          message,
          width - 4 * PAD,
          LABEL_SIZE,
          "middle",
          Palette.MUTED,
          false);
    }
    return w.finish();
  }

  /**
   * Draws a one-line (wrapping) legend starting at {@code (x, y)} (y is the text baseline) and
   * returns the height used.
   */
  static double legend(SvgWriter w, double x, double y, double maxWidth, List<Entry> entries) {
    double cx = x;
    double cy = y;
    double rowHeight = 18;
    for (Entry e : entries) {
      double labelMax = Math.min(220, maxWidth - 22);
      String shown = Text.fit(e.label(), labelMax, SMALL_SIZE, false);
      double itemWidth = 22 + Text.width(shown, SMALL_SIZE, false) + 16;
      if (cx > x && cx + itemWidth > x + maxWidth) {
        cx = x;
        cy += rowHeight;
      }
      swatch(w, cx, cy - 4, e);
      w.label(cx + 20, cy, e.label(), labelMax, SMALL_SIZE, "start", Palette.TEXT, false);
      cx += itemWidth;
    }
    return cy - y + rowHeight;
  }

  /** Returns the height {@link #legend} would use, without drawing. */
  static double legendHeight(double maxWidth, List<Entry> entries) {
    double cx = 0;
    double rows = entries.isEmpty() ? 0 : 1;
    for (Entry e : entries) {
      String shown = Text.fit(e.label(), Math.min(220, maxWidth - 22), SMALL_SIZE, false);
      double itemWidth = 22 + Text.width(shown, SMALL_SIZE, false) + 16;
      if (cx > 0 && cx + itemWidth > maxWidth) {
        cx = 0;
        rows++;
      }
      cx += itemWidth;
    }
    return rows * 18;
  }

  /** Draws a legend swatch centred vertically on {@code cy}, 16 px wide from {@code x}. */
  static void swatch(SvgWriter w, double x, double cy, Entry e) {
    switch (e.kind()) {
      case BOX -> w.rect(x, cy - 6, 14, 12, e.colour()).attr("rx", 2).close();
      case BAND -> w.rect(x, cy - 6, 16, 12, e.colour()).attr("fill-opacity", 0.25).close();
      case LINE -> w.line(x, cy, x + 16, cy, e.colour(), 2.5).close();
      case DASHED_LINE ->
          w.line(x, cy, x + 16, cy, e.colour(), 2).attr("stroke-dasharray", "4 3").close();
      case POINT -> w.circle(x + 8, cy, 4.5, e.colour()).close();
      case HOLLOW ->
          w.circle(x + 8, cy, 4, "#ffffff")
              .attr("stroke", e.colour())
              .attr("stroke-width", 1.5)
              .close();
      case TRIANGLE ->
          w.open("path").attr("d", triangle(x + 8, cy, 6)).attr("fill", e.colour()).close();
      case TICK -> w.line(x + 8, cy - 6, x + 8, cy + 6, e.colour(), 1.5).close();
      default -> throw new AssertionError(e.kind());
    }
  }

  /** Returns the path of an upward warning triangle of half-width {@code r} centred at (x, y). */
  static String triangle(double x, double y, double r) {
    return "M"
        + SvgWriter.num(x)
        + " "
        + SvgWriter.num(y - r)
        + " L"
        + SvgWriter.num(x + r)
        + " "
        + SvgWriter.num(y + r * 0.8)
        + " L"
        + SvgWriter.num(x - r)
        + " "
        + SvgWriter.num(y + r * 0.8)
        + " Z";
  }

  /**
   * Draws horizontal grid lines with tick labels on the left of a plot, and the rotated axis title.
   */
  static void yAxis(
      SvgWriter w,
      Ticks ticks,
      Scale y,
      double left,
      double right,
      String axisTitle,
      java.util.function.DoubleFunction<String> format) {
    for (double v : ticks.values()) {
      double py = y.map(v);
      w.line(left, py, right, py, v == 0 ? Palette.AXIS : Palette.GRID, 1).close();
      w.label(left - 6, py + 4, format.apply(v), SMALL_SIZE, "end", Palette.MUTED);
    }
    if (axisTitle != null && !axisTitle.isEmpty()) {
      double cy = (y.r0() + y.r1()) / 2;
      double maxLen = Math.abs(y.r0() - y.r1());
      w.open("text")
          .attr("x", PAD + 4)
          .attr("y", cy)
          .attr("font-size", LABEL_SIZE)
          .attr("text-anchor", "middle")
          .attr("fill", Palette.MUTED)
          .attr("transform", "rotate(-90 " + SvgWriter.num(PAD + 4) + " " + SvgWriter.num(cy) + ")")
          .attr("dominant-baseline", "hanging");
      String shown = Text.fit(axisTitle, maxLen, LABEL_SIZE, false);
      w.text(shown);
      if (!shown.equals(axisTitle)) {
        w.tooltip(axisTitle);
      }
      w.end("text");
    }
  }

  /** Draws vertical grid lines with tick labels under a plot. */
  static void xAxis(
      SvgWriter w,
      Ticks ticks,
      Scale x,
      double top,
      double bottom,
      java.util.function.DoubleFunction<String> format) {
    for (double v : ticks.values()) {
      double px = x.map(v);
      w.line(px, top, px, bottom, v == 0 ? Palette.AXIS : Palette.GRID, 1).close();
      w.label(px, bottom + 16, format.apply(v), SMALL_SIZE, "middle", Palette.MUTED);
    }
  }

  /** Draws an axis title centred under the plot. */
  static void xTitle(SvgWriter w, double left, double right, double y, String axisTitle) {
    if (axisTitle != null && !axisTitle.isEmpty()) {
      w.label(
          (left + right) / 2,
          y,
          axisTitle,
          right - left,
          LABEL_SIZE,
          "middle",
          Palette.MUTED,
          false);
    }
  }
}
