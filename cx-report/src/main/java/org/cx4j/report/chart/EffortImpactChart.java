package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An effort-impact (prioritisation) matrix: one point per item at (effort, impact), its area
 * proportional to an optional size (e.g. the number of customers affected), two split lines at
 * the given effort and impact thresholds making four named quadrants, and point labels placed
 * to avoid overlapping each other, the points and the quadrant names (a greedy choice among
 * eight positions around each point; labels that cannot avoid a collision keep the least
 * overlapping position and always carry the full text in the point's tooltip).
 *
 * <p>Quadrants (default names after the common action-priority matrix): low effort / high
 * impact "Quick wins" (top left), high effort / high impact "Major projects" (top right), low
 * effort / low impact "Fill-ins" (bottom left), high effort / low impact "Thankless tasks"
 * (bottom right).
 *
 * <pre>{@code
 * Svg svg = EffortImpactChart.render("Where to act", List.of(
 *     new EffortImpactChart.Item("Faster refunds", 2.0, 8.5, 1200),
 *     new EffortImpactChart.Item("New app", 8.0, 7.0, 300)), 5, 5);
 * }</pre>
 *
 * <p>With no items the chart shows its title and "No data".
 */
public final class EffortImpactChart {

  private EffortImpactChart() {}

  /**
   * One item of the matrix.
   *
   * @param label the item name
   * @param effort the effort (x), finite
   * @param impact the impact (y), finite
   * @param size the relative size, e.g. customers affected: finite and {@code >= 0}; points of
   *     equal size are drawn equally large
   */
  public record Item(String label, double effort, double impact, double size) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if a value is not finite or {@code size < 0}
     */
    public Item {
      Objects.requireNonNull(label, "label");
      Checks.finite("effort", effort);
      Checks.finite("impact", impact);
      Checks.finite("size", size);
      if (size < 0) {
        throw new IllegalArgumentException("size must be >= 0, got " + size);
      }
    }

    /**
     * Creates an item of size 1.
     *
     * @param label the item name
     * @param effort the effort (x), finite
     * @param impact the impact (y), finite
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if a value is not finite
     */
    public Item(String label, double effort, double impact) {
      this(label, effort, impact, 1);
    }
  }

  /**
   * Renders the matrix with the default quadrant names and axis titles.
   *
   * @param title the chart title
   * @param items the items
   * @param effortSplit the effort threshold between low and high effort
   * @param impactSplit the impact threshold between low and high impact
   * @return the chart
   * @throws NullPointerException if an argument or an item is null
   * @throws IllegalArgumentException if a split is not finite
   */
  public static Svg render(String title, List<Item> items, double effortSplit,
      double impactSplit) {
    return builder(title, items, effortSplit, impactSplit).render();
  }

  /**
   * Returns a builder for the matrix with options.
   *
   * @param title the chart title
   * @param items the items
   * @param effortSplit the effort threshold between low and high effort
   * @param impactSplit the impact threshold between low and high impact
   * @return a new builder
   * @throws NullPointerException if an argument or an item is null
   * @throws IllegalArgumentException if a split is not finite
   */
  public static Builder builder(String title, List<Item> items, double effortSplit,
      double impactSplit) {
    return new Builder(title, items, effortSplit, impactSplit);
  }

  /** Options of an effort-impact matrix; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<Item> items;
    private final double effortSplit;
    private final double impactSplit;
    private String quickWins = "Quick wins";
    private String majorProjects = "Major projects";
    private String fillIns = "Fill-ins";
    private String thankless = "Thankless tasks";
    private String effortLabel = "Effort";
    private String impactLabel = "Impact";
    private int width = 720;
    private int height = 420;

    private Builder(String title, List<Item> items, double effortSplit, double impactSplit) {
      this.title = Checks.title(title);
      this.items = Checks.list("items", items);
      Checks.finite("effortSplit", effortSplit);
      Checks.finite("impactSplit", impactSplit);
      this.effortSplit = effortSplit;
      this.impactSplit = impactSplit;
    }

    /**
     * Names the quadrants.
     *
     * @param lowEffortHighImpact top left, e.g. "Quick wins"
     * @param highEffortHighImpact top right, e.g. "Major projects"
     * @param lowEffortLowImpact bottom left, e.g. "Fill-ins"
     * @param highEffortLowImpact bottom right, e.g. "Thankless tasks"
     * @return this builder
     * @throws NullPointerException if a name is null
     */
    public Builder quadrants(String lowEffortHighImpact, String highEffortHighImpact,
        String lowEffortLowImpact, String highEffortLowImpact) {
      this.quickWins = Objects.requireNonNull(lowEffortHighImpact, "lowEffortHighImpact");
      this.majorProjects = Objects.requireNonNull(highEffortHighImpact, "highEffortHighImpact");
      this.fillIns = Objects.requireNonNull(lowEffortLowImpact, "lowEffortLowImpact");
      this.thankless = Objects.requireNonNull(highEffortLowImpact, "highEffortLowImpact");
      return this;
    }

    /**
     * Sets the axis titles with their units (default "Effort" and "Impact").
     *
     * @param effort the x axis title
     * @param impact the y axis title
     * @return this builder
     * @throws NullPointerException if a label is null
     */
    public Builder axisLabels(String effort, String impact) {
      this.effortLabel = Objects.requireNonNull(effort, "effort");
      this.impactLabel = Objects.requireNonNull(impact, "impact");
      return this;
    }

    /**
     * Sets the size in pixels (default 720 x 420).
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
     * Renders the matrix.
     *
     * @return the chart
     */
    public Svg render() {
      if (items.isEmpty()) {
        return Frame.noData(width, height, title, "No items to place");
      }
      double xLo = effortSplit;
      double xHi = effortSplit;
      double yLo = impactSplit;
      double yHi = impactSplit;
      double maxSize = 0;
      for (Item it : items) {
        xLo = Math.min(xLo, it.effort());
        xHi = Math.max(xHi, it.effort());
        yLo = Math.min(yLo, it.impact());
        yHi = Math.max(yHi, it.impact());
        maxSize = Math.max(maxSize, it.size());
      }
      // Pad by 8% so that points do not sit on the frame.
      double px = Math.max((xHi - xLo) * 0.08, 1e-9 + Math.abs(xHi) * 1e-3);
      double py = Math.max((yHi - yLo) * 0.08, 1e-9 + Math.abs(yHi) * 1e-3);
      Ticks xt = Ticks.nice(xLo - px, xHi + px, 5);
      Ticks yt = Ticks.nice(yLo - py, yHi + py, 5);
      SvgWriter w = Frame.start(width, height, title, items.size() + " items by "
          + effortLabel + " and " + impactLabel);
      double tickW = 0;
      for (double v : yt.values()) {
        tickW = Math.max(tickW, Text.width(yt.format(v), Frame.SMALL_SIZE, false));
      }
      double left = Frame.PAD + 20 + tickW + 8;
      double right = width - Frame.PAD - 4;
      double top = 44;
      double bottom = height - 44;
      Scale x = new Scale(xt.min(), xt.max(), left, right);
      Scale y = new Scale(yt.min(), yt.max(), bottom, top);
      double sx = x.map(effortSplit);
      double sy = y.map(impactSplit);
      // Tints: green-ish where to act first, vermillion where to avoid.
      w.rect(left, top, sx - left, sy - top, Palette.BLUISH_GREEN).attr("fill-opacity", 0.07)
          .close();
      w.rect(sx, sy, right - sx, bottom - sy, Palette.VERMILLION).attr("fill-opacity", 0.05)
          .close();
      Frame.yAxis(w, yt, y, left, right, impactLabel, yt::format);
      Frame.xAxis(w, xt, x, top, bottom, xt::format);
      Frame.xTitle(w, left, right, height - 10, effortLabel);
      w.open("rect").attr("x", left).attr("y", top).attr("width", right - left)
          .attr("height", bottom - top).attr("fill", "none").attr("stroke", Palette.AXIS)
          .close();
      w.line(sx, top, sx, bottom, Palette.TEXT, 1.25).attr("stroke-dasharray", "5 3")
          .attr("class", "split").close();
      w.line(left, sy, right, sy, Palette.TEXT, 1.25).attr("stroke-dasharray", "5 3")
          .attr("class", "split").close();

      List<double[]> boxes = new ArrayList<>();
      quadrantName(w, boxes, quickWins, left + 6, top + 16, sx - left - 12, "start");
      quadrantName(w, boxes, majorProjects, right - 6, top + 16, right - sx - 12, "end");
      quadrantName(w, boxes, fillIns, left + 6, bottom - 8, sx - left - 12, "start");
      quadrantName(w, boxes, thankless, right - 6, bottom - 8, right - sx - 12, "end");

      int n = items.size();
      double[] cx = new double[n];
      double[] cy = new double[n];
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        Item it = items.get(i);
        cx[i] = x.map(it.effort());
        cy[i] = y.map(it.impact());
        // Area proportional to size: radius ~ sqrt(size), 4 to 14 px.
        r[i] = maxSize == 0 ? 6 : 4 + 10 * Math.sqrt(it.size() / maxSize);
        boxes.add(new double[] {cx[i] - r[i], cy[i] - r[i], cx[i] + r[i], cy[i] + r[i]});
      }
      for (int i = 0; i < n; i++) {
        Item it = items.get(i);
        w.open("circle").attr("class", "point").attr("cx", cx[i]).attr("cy", cy[i])
            .attr("r", r[i]).attr("fill", Palette.BLUE).attr("fill-opacity", 0.75)
            .attr("stroke", "#ffffff").attr("stroke-width", 1)
            .tooltip(it.label() + ": " + effortLabel + " " + Text.decimal(it.effort(), 2) + ", "
                + impactLabel + " " + Text.decimal(it.impact(), 2)
                + (it.size() == 1 ? "" : ", size " + Text.decimal(it.size(), 0)))
            .end("circle");
      }
      // Labels in decreasing size, so that the big items get the best places.
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
      for (int i : order) {
        String text = Text.fit(items.get(i).label(), 150, Frame.SMALL_SIZE, false);
        double tw = Text.width(text, Frame.SMALL_SIZE, false);
        double th = 12;
        double best = Double.POSITIVE_INFINITY;
        double[] bestBox = null;
        double g = r[i] + 3;
        double[][] candidates = {
            {cx[i] + g, cy[i] - th / 2}, {cx[i] - g - tw, cy[i] - th / 2},
            {cx[i] - tw / 2, cy[i] - g - th}, {cx[i] - tw / 2, cy[i] + g},
            {cx[i] + g * 0.7, cy[i] - g * 0.7 - th}, {cx[i] - g * 0.7 - tw, cy[i] - g * 0.7 - th},
            {cx[i] + g * 0.7, cy[i] + g * 0.7}, {cx[i] - g * 0.7 - tw, cy[i] + g * 0.7}};
        for (double[] c : candidates) {
          double[] box = {c[0], c[1], c[0] + tw, c[1] + th};
          double cost = 0;
          for (double[] o : boxes) {
            cost += overlap(box, o);
          }
          // Outside the plot costs more than any overlap.
          cost += 10 * (Math.max(0, left - box[0]) + Math.max(0, box[2] - right)
              + Math.max(0, top - box[1]) + Math.max(0, box[3] - bottom)) * th;
          if (cost < best - 1e-9) {
            best = cost;
            bestBox = box;
          }
        }
        double bx = Math.max(left + 1, Math.min(right - tw - 1, bestBox[0]));
        double by = Math.max(top + 1, Math.min(bottom - th - 1, bestBox[1]));
        boxes.add(new double[] {bx, by, bx + tw, by + th});
        w.open("text").attr("class", "point-label").attr("x", bx).attr("y", by + th - 2)
            .attr("font-size", Frame.SMALL_SIZE).attr("fill", Palette.TEXT)
            .attr("stroke", "#ffffff").attr("stroke-width", 3).attr("paint-order", "stroke")
            .text(text);
        if (!text.equals(items.get(i).label())) {
          w.tooltip(items.get(i).label());
        }
        w.end("text");
      }
      return w.finish();
    }

    private static void quadrantName(SvgWriter w, List<double[]> boxes, String name, double x,
        double y, double maxWidth, String anchor) {
      if (maxWidth < 20 || name.isEmpty()) {
        return;
      }
      String shown = Text.fit(name, maxWidth, Frame.LABEL_SIZE, true);
      double tw = Text.width(shown, Frame.LABEL_SIZE, true);
      double x0 = "end".equals(anchor) ? x - tw : x;
      boxes.add(new double[] {x0, y - 12, x0 + tw, y + 2});
      w.open("text").attr("class", "quadrant").attr("x", x).attr("y", y)
          .attr("font-size", Frame.LABEL_SIZE).attr("font-weight", "600")
          .attr("fill", Palette.MUTED);
      if ("end".equals(anchor)) {
        w.attr("text-anchor", "end");
      }
      w.text(shown);
      if (!shown.equals(name)) {
        w.tooltip(name);
      }
      w.end("text");
    }

    private static double overlap(double[] a, double[] b) {
      double ox = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
      double oy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
      return ox > 0 && oy > 0 ? ox * oy : 0;
    }
  }
}
