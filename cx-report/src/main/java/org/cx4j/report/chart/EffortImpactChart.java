package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An effort-impact (prioritisation) matrix: one point per item at (effort, impact), its area
 * proportional to an optional size (e.g. the number of customers affected), two split lines at the
 * given effort and impact thresholds making four named quadrants (the lines always inside the plot
 * area), and point labels that never overlap each other, a point or a quadrant name and never leave
 * the plot area: a greedy placement ({@link LabelPlacer}) tries eight places around each point,
 * biggest items first, then the nearest free place farther out with a leader line to its point; a
 * label with no free place anywhere is named in a line under the chart (which grows by that line)
 * instead. An axis whose values (and split) are all non-negative starts at 0 or above, never below.
 *
 * <p>Quadrants (default names after the common action-priority matrix): low effort / high impact
 * "Quick wins" (top left), high effort / high impact "Major projects" (top right), low effort / low
 * impact "Fill-ins" (bottom left), high effort / low impact "Thankless tasks" (bottom right).
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

  /** The height of a point label's box in pixels (an 11 px font's text box, rounded up). */
  static final double LABEL_HEIGHT = 14;

  /** Where a label's baseline sits below the top of its box. */
  static final double LABEL_BASELINE = 11;

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
  public static Svg render(String title, List<Item> items, double effortSplit, double impactSplit) {
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
  public static Builder builder(
      String title, List<Item> items, double effortSplit, double impactSplit) {
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
    public Builder quadrants(
        String lowEffortHighImpact,
        String highEffortHighImpact,
        String lowEffortLowImpact,
        String highEffortLowImpact) {
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
      // Pad by 8% so that points do not sit on the frame; but an axis whose values are all
      // non-negative (effort, a share of variance) never runs below 0.
      double px = Math.max((xHi - xLo) * 0.08, 1e-9 + Math.abs(xHi) * 1e-3);
      double py = Math.max((yHi - yLo) * 0.08, 1e-9 + Math.abs(yHi) * 1e-3);
      Ticks xt = Ticks.nice(xLo >= 0 ? Math.max(0, xLo - px) : xLo - px, xHi + px, 5);
      Ticks yt = Ticks.nice(yLo >= 0 ? Math.max(0, yLo - py) : yLo - py, yHi + py, 5);
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
      // The split lines stay inside the plot area whatever the rounding.
      double sx = Math.max(left, Math.min(right, x.map(effortSplit)));
      double sy = Math.max(top, Math.min(bottom, y.map(impactSplit)));

      // Place everything before drawing: labels that find no room are listed under the chart,
      // which grows by a line for each.
      LabelPlacer placer = new LabelPlacer(left, top, right, bottom);
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
        placer.point(cx[i], cy[i], r[i]);
      }
      // Each quadrant's name in its outer corner, or the corner by the split line when a point
      // sits on the outer one; labels then keep off the names and the split lines.
      String[] quadrant = {quickWins, majorProjects, fillIns, thankless};
      double[] qx = {left + 6, right - 6, left + 6, right - 6};
      double[] qRoom = {sx - left - 12, right - sx - 12, sx - left - 12, right - sx - 12};
      double[][] qy = {
        {top + 16, sy - 8}, {top + 16, sy - 8}, {bottom - 8, sy + 16}, {bottom - 8, sy + 16}
      };
      String[] qShown = new String[4];
      double[] qAt = new double[4];
      List<double[]> pointBoxes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pointBoxes.add(new double[] {cx[i] - r[i], cy[i] - r[i], cx[i] + r[i], cy[i] + r[i]});
      }
      for (int q = 0; q < 4; q++) {
        if (qRoom[q] < 20 || quadrant[q].isEmpty()) {
          continue;
        }
        qShown[q] = Text.fit(quadrant[q], qRoom[q], Frame.LABEL_SIZE, true);
        double tw = Text.width(qShown[q], Frame.LABEL_SIZE, true);
        double x0 = q % 2 == 1 ? qx[q] - tw : qx[q];
        qAt[q] = qy[q][0];
        for (double cand : qy[q]) {
          double[] box = {x0, cand - 12, x0 + tw, cand + 3};
          boolean inside =
              box[1] >= top && box[3] <= bottom && (q < 2 ? box[3] <= sy : box[1] >= sy);
          boolean clear = true;
          for (double[] pb : pointBoxes) {
            clear &= !LabelPlacer.collide(box, pb, 0);
          }
          if (inside && clear) {
            qAt[q] = cand;
            break;
          }
        }
        placer.obstacle(x0, qAt[q] - 12, x0 + tw, qAt[q] + 3);
      }
      placer.obstacle(sx - 1, top, sx + 1, bottom);
      placer.obstacle(left, sy - 1, right, sy + 1);
      // Labels in decreasing size, so that the big items get the best places.
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
      double[][] placed = new double[n][];
      String[] shownText = new String[n];
      List<Integer> unplaced = new ArrayList<>();
      double labelMax = Math.min(150, (right - left) * 0.45);
      for (int i : order) {
        shownText[i] = Text.fit(items.get(i).label(), labelMax, Frame.SMALL_SIZE, false);
        double tw = Text.width(shownText[i], Frame.SMALL_SIZE, false);
        placed[i] = placer.place(cx[i], cy[i], r[i], tw, LABEL_HEIGHT);
        if (placed[i] == null) {
          unplaced.add(i);
        }
      }

      SvgWriter w =
          Frame.start(
              width,
              height + 16 * unplaced.size(),
              title,
              items.size()
                  + " items by "
                  + effortLabel
                  + " and "
                  + impactLabel
                  + "; split at "
                  + effortLabel
                  + " "
                  + Text.decimal(effortSplit, 1)
                  + " and "
                  + impactLabel
                  + " "
                  + Text.decimal(impactSplit, 1));
      // Tints: green-ish where to act first, vermillion where to avoid.
      w.rect(left, top, sx - left, sy - top, Palette.BLUISH_GREEN)
          .attr("fill-opacity", 0.07)
          .close();
      w.rect(sx, sy, right - sx, bottom - sy, Palette.VERMILLION)
          .attr("fill-opacity", 0.05)
          .close();
      Frame.yAxis(w, yt, y, left, right, impactLabel, yt::format);
      Frame.xAxis(w, xt, x, top, bottom, xt::format);
      Frame.xTitle(w, left, right, height - 10, effortLabel);
      w.open("rect")
          .attr("x", left)
          .attr("y", top)
          .attr("width", right - left)
          .attr("height", bottom - top)
          .attr("fill", "none")
          .attr("stroke", Palette.AXIS)
          .close();
      w.line(sx, top, sx, bottom, Palette.TEXT, 1.25)
          .attr("stroke-dasharray", "5 3")
          .attr("class", "split")
          .close();
      w.line(left, sy, right, sy, Palette.TEXT, 1.25)
          .attr("stroke-dasharray", "5 3")
          .attr("class", "split")
          .close();
      for (int q = 0; q < 4; q++) {
        if (qShown[q] != null) {
          quadrantName(w, quadrant[q], qShown[q], qx[q], qAt[q], q % 2 == 1);
        }
      }
      // Leader lines under the points and labels.
      for (int i = 0; i < n; i++) {
        if (placed[i] != null && placed[i][4] > 0) {
          double[] end = LabelPlacer.nearestOnBox(placed[i], cx[i], cy[i]);
          w.line(cx[i], cy[i], end[0], end[1], Palette.MUTED, 0.75).attr("class", "leader").close();
        }
      }
      for (int i = 0; i < n; i++) {
        Item it = items.get(i);
        w.open("circle")
            .attr("class", "point")
            .attr("cx", cx[i])
            .attr("cy", cy[i])
            .attr("r", r[i])
            .attr("fill", Palette.BLUE)
            .attr("fill-opacity", 0.75)
            .attr("stroke", "#ffffff")
            .attr("stroke-width", 1)
            .tooltip(
                it.label()
                    + ": "
                    + effortLabel
                    + " "
                    + Text.decimal(it.effort(), 2)
                    + ", "
                    + impactLabel
                    + " "
                    + Text.decimal(it.impact(), 2)
                    + (it.size() == 1 ? "" : ", size " + Text.decimal(it.size(), 0)))
            .end("circle");
      }
      for (int i : order) {
        if (placed[i] == null) {
          continue;
        }
        w.open("text")
            .attr("class", "point-label")
            .attr("x", placed[i][0])
            .attr("y", placed[i][1] + LABEL_BASELINE)
            .attr("font-size", Frame.SMALL_SIZE)
            .attr("fill", Palette.TEXT)
            .attr("stroke", "#ffffff")
            .attr("stroke-width", 3)
            .attr("paint-order", "stroke")
            .text(shownText[i]);
        if (!shownText[i].equals(items.get(i).label())) {
          w.tooltip(items.get(i).label());
        }
        w.end("text");
      }
      // Labels with no free place in the plot are named under it, never drawn over a mark.
      double noteY = height - 10;
      for (int i : unplaced) {
        noteY += 16;
        Item it = items.get(i);
        w.open("text")
            .attr("class", "unplaced")
            .attr("x", Frame.PAD)
            .attr("y", noteY)
            .attr("font-size", Frame.SMALL_SIZE)
            .attr("fill", Palette.MUTED)
            .text(
                Text.fit(
                    "Not labelled in the plot (no room): "
                        + it.label()
                        + " at "
                        + effortLabel
                        + " "
                        + Text.decimal(it.effort(), 1)
                        + ", "
                        + impactLabel
                        + " "
                        + Text.decimal(it.impact(), 1),
                    width - 2 * Frame.PAD,
                    Frame.SMALL_SIZE,
                    false))
            .end("text");
      }
      return w.finish();
    }

    private static void quadrantName(
        SvgWriter w, String name, String shown, double x, double y, boolean end) {
      w.open("text")
          .attr("class", "quadrant")
          .attr("x", x)
          .attr("y", y)
          .attr("font-size", Frame.LABEL_SIZE)
          .attr("font-weight", "600")
          .attr("fill", Palette.MUTED)
          .attr("stroke", "#ffffff")
          .attr("stroke-width", 3)
          .attr("paint-order", "stroke");
      if (end) {
        w.attr("text-anchor", "end");
      }
      w.text(shown);
      if (!shown.equals(name)) {
        w.tooltip(name);
      }
      w.end("text");
    }
  }
}
