package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A journey map drawn as a flow (Sankey) diagram: the stages are columns in the given order, each
 * touchpoint a node in its stage's column with a height proportional to its volume, and each flow
 * between two touchpoints a curved band whose width is proportional to its count (one scale for all
 * bands). Pain points (vermillion triangle) and moments of delight (bluish-green circle) are marked
 * on their nodes with a short note such as "CES 5.8".
 *
 * <p>Layout: the first column's nodes are ordered by volume, later columns by the weighted mean
 * height of their incoming flows (one barycentre sweep, which removes most crossings). Forward
 * flows leave a node's right edge and enter the target's left edge, stacked so that they do not
 * overlap. Flows backwards or within a stage are drawn as purple arcs between the nodes' centres
 * (same width scale), and flows from a touchpoint to itself are not drawn but counted in the node's
 * tooltip as repeats. Flows dropped by {@link Builder#minLinkCount} or {@link Builder#topLinks} are
 * summarised in a footnote. Duplicate links are added up.
 *
 * <pre>{@code
 * Svg svg = JourneyMapChart.builder("Customer journey", List.of("Discover", "Buy", "Use"),
 *     List.of(new JourneyMapChart.Node("ad", "Online ad", 0, 900),
 *             new JourneyMapChart.Node("shop", "Web shop", 1, 700,
 *                 JourneyMapChart.Mark.PAIN_POINT, "CES 5.8")),
 *     List.of(new JourneyMapChart.Link("ad", "shop", 650)))
 *     .topLinks(100).render();
 * }</pre>
 *
 * <p>A node's note may hold several lines separated by {@code '\n'} (its volume, drop-off and
 * scores with intervals, say); each is drawn under the label, and the map grows to fit them.
 *
 * <p>Narrower than {@link #ROWS_BELOW} pixels, a Sankey diagram has no room to be read: the map is
 * then laid out as rows, stage by stage from the top, one row per touchpoint (busiest first) with
 * its mark, name, a bar as long as its volume, its note lines and where most of its flows go next;
 * flows themselves are not drawn and the chart says so. That layout's height always fits its rows.
 *
 * <p>With no stages or no nodes the chart shows its title and "No data". The height grows with the
 * busiest column unless set with {@link Builder#size}.
 */
public final class JourneyMapChart {

  private static final String NODE = "#3b4a5a";
  private static final String FORWARD = Palette.BLUE;
  private static final String BACKWARD = Palette.REDDISH_PURPLE;
  private static final String PAIN_TEXT = "#a33f00";
  private static final String DELIGHT_TEXT = "#006b4e";

  /** Below this width the map is laid out as rows by stage rather than as a Sankey diagram. */
  public static final int ROWS_BELOW = 700;

  private JourneyMapChart() {}

  /** How a touchpoint is marked. */
  public enum Mark {
    /** No mark. */
    NONE,
    /** A pain point: a vermillion warning triangle. */
    PAIN_POINT,
    /** A moment of delight: a bluish-green circle. */
    DELIGHT
  }

  /**
   * A touchpoint.
   *
   * @param id the unique key that links refer to
   * @param label the name shown next to the node
   * @param stage the index of the node's stage (column), {@code 0..stages-1}
   * @param volume the number of customers (or events) at the touchpoint, {@code >= 0}
   * @param mark the pain point / delight mark
   * @param note a short note shown under the label, e.g. "CES 5.8"; may be empty, and may hold
   *     several lines separated by {@code '\n'}
   */
  public record Node(String id, String label, int stage, long volume, Mark mark, String note) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a reference field is null
     * @throws IllegalArgumentException if {@code stage} or {@code volume} is negative
     */
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(mark, "mark");
      Objects.requireNonNull(note, "note");
      if (stage < 0) {
        throw new IllegalArgumentException("stage must be >= 0, got " + stage);
      }
      if (volume < 0) {
        throw new IllegalArgumentException("volume must be >= 0, got " + volume);
      }
    }

    /**
     * Creates an unmarked node without note.
     *
     * @param id the unique key
     * @param label the name shown
     * @param stage the stage index
     * @param volume the volume, {@code >= 0}
     * @throws NullPointerException if {@code id} or {@code label} is null
     * @throws IllegalArgumentException if {@code stage} or {@code volume} is negative
     */
    public Node(String id, String label, int stage, long volume) {
      this(id, label, stage, volume, Mark.NONE, "");
    }
  }

  /**
   * A flow between two touchpoints.
   *
   * @param from the id of the source node
   * @param to the id of the target node
   * @param count the number of customers (or transitions) flowing, {@code >= 0}
   */
  public record Link(String from, String to, long count) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if an id is null
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Link {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0, got " + count);
      }
    }
  }

  /**
   * Renders a journey map with the default options (all links drawn).
   *
   * @param title the chart title
   * @param stages the stage names, left to right
   * @param nodes the touchpoints
   * @param links the flows
   * @return the chart
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if ids repeat, a stage index is out of range or a link names
   *     an unknown node
   */
  public static Svg render(String title, List<String> stages, List<Node> nodes, List<Link> links) {
    return builder(title, stages, nodes, links).render();
  }

  /**
   * Returns a builder for a journey map with options.
   *
   * @param title the chart title
   * @param stages the stage names, left to right
   * @param nodes the touchpoints
   * @param links the flows
   * @return a new builder
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if ids repeat, a stage index is out of range or a link names
   *     an unknown node
   */
  public static Builder builder(
      String title, List<String> stages, List<Node> nodes, List<Link> links) {
    return new Builder(title, stages, nodes, links);
  }

  /** Options of a journey map; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> stages;
    private final List<Node> nodes;
    private final List<Link> links;
    private final Map<String, Integer> index = new HashMap<>();
    private long minLinkCount = 1;
    private int topLinks = Integer.MAX_VALUE;
    private String unit = "customers";
    private int width = 960;
    private int height = -1;

    private Builder(String title, List<String> stages, List<Node> nodes, List<Link> links) {
      this.title = Checks.title(title);
      this.stages = Checks.list("stages", stages);
      this.nodes = Checks.list("nodes", nodes);
      this.links = Checks.list("links", links);
      for (int i = 0; i < this.nodes.size(); i++) {
        Node n = this.nodes.get(i);
        if (index.put(n.id(), i) != null) {
          throw new IllegalArgumentException(
              "nodes[" + i + "].id must be unique, got " + n.id() + " twice");
        }
        if (n.stage() >= this.stages.size()) {
          throw new IllegalArgumentException(
              "nodes["
                  + i
                  + "].stage must be < "
                  + this.stages.size()
                  + " (the number of stages), got "
                  + n.stage());
        }
      }
      for (int i = 0; i < this.links.size(); i++) {
        Link l = this.links.get(i);
        if (!index.containsKey(l.from())) {
          throw new IllegalArgumentException("links[" + i + "].from names no node: " + l.from());
        }
        if (!index.containsKey(l.to())) {
          throw new IllegalArgumentException("links[" + i + "].to names no node: " + l.to());
        }
      }
    }

    /**
     * Hides flows with a count below {@code min} (default 1: zero flows are hidden).
     *
     * @param min the smallest count drawn, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code min} is negative
     */
    public Builder minLinkCount(long min) {
      if (min < 0) {
        throw new IllegalArgumentException("min must be >= 0, got " + min);
      }
      this.minLinkCount = min;
      return this;
    }

    /**
     * Draws only the {@code n} largest flows (ties: first given first; default all).
     *
     * @param n the number of flows drawn, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder topLinks(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
      this.topLinks = n;
      return this;
    }

    /**
     * Sets the unit of volumes and counts in tooltips and the legend (default "customers").
     *
     * @param unit the unit
     * @return this builder
     * @throws NullPointerException if {@code unit} is null
     */
    public Builder unit(String unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
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
     * Sets the size in pixels (default width 960, height fitted to the busiest stage).
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
     * Renders the journey map.
     *
     * @return the chart
     */
    public Svg render() {
      int ns = stages.size();
      int nn = nodes.size();
      int[] perStage = new int[Math.max(ns, 1)];
      for (Node n : nodes) {
        perStage[n.stage()]++;
      }
      int busiest = 0;
      for (int c : perStage) {
        busiest = Math.max(busiest, c);
      }
      if (ns == 0 || nn == 0) {
        return Frame.noData(
            width, height > 0 ? height : 360, title, ns == 0 ? "No stages" : "No touchpoints");
      }
      int lines = 0;
      for (Node n : nodes) {
        lines = Math.max(lines, noteLines(n).size());
      }
      // Room under each node for its label and note lines.
      double labelRoom = 16 + 12 * lines;
      double legendTop = 46;
      double headerY =
          legendTop + Frame.legendHeight(width - 2 * Frame.PAD, legendEntries(true)) + 20;
      double top = headerY + 14;
      double footer = 30;
      int h =
          height > 0
              ? height
              : (int)
                  Math.min(
                      Checks.MAX_SIZE,
                      Math.max(420, top + busiest * Math.max(60, labelRoom + 12) + footer));
      // Merge duplicates, split off self-loops, then filter.
      Map<Long, long[]> merged = new LinkedHashMap<>();
      long[] repeats = new long[nn];
      for (Link l : links) {
        int a = index.get(l.from());
        int b = index.get(l.to());
        if (a == b) {
          repeats[a] += l.count();
          continue;
        }
        merged.computeIfAbsent((long) a * nn + b, k -> new long[1])[0] += l.count();
      }
      List<long[]> kept = new ArrayList<>(); // {from, to, count}
      for (Map.Entry<Long, long[]> e : merged.entrySet()) {
        kept.add(new long[] {e.getKey() / nn, e.getKey() % nn, e.getValue()[0]});
      }
      int total = kept.size();
      kept.removeIf(l -> l[2] < minLinkCount || l[2] == 0);
      // A stable sort keeps the given order among equal counts.
      kept.sort((p, q) -> Long.compare(q[2], p[2]));
      if (width < ROWS_BELOW) {
        return renderRows(merged, repeats);
      }
      if (kept.size() > topLinks) {
        kept = new ArrayList<>(kept.subList(0, topLinks));
      }

      SvgWriter w =
          Frame.start(
              width,
              h,
              title,
              "Journey map of "
                  + nn
                  + " touchpoints in "
                  + ns
                  + " stages with "
                  + kept.size()
                  + " flows");
      boolean anyBackward = false;
      for (long[] l : kept) {
        anyBackward |= nodes.get((int) l[1]).stage() <= nodes.get((int) l[0]).stage();
      }
      List<Frame.Entry> legend = legendEntries(anyBackward);
      Frame.legend(w, Frame.PAD, legendTop, width - 2 * Frame.PAD, legend);

      // Every column's labels go to the right of its nodes; the last column keeps room for them.
      double plotLeft = Frame.PAD + 36;
      double spacing = (width - Frame.PAD - plotLeft + 20) / ns;
      // Many stages on a narrow chart: thinner nodes, so that the last column stays inside.
      double nodeW = Math.min(12, spacing * 0.6);
      double[] colX = new double[ns];
      for (int s = 0; s < ns; s++) {
        colX[s] = plotLeft + s * spacing;
      }
      double labelMax = spacing - nodeW - 14;
      for (int s = 0; s < ns; s++) {
        w.label(
            colX[s],
            headerY,
            stages.get(s),
            spacing - 8,
            Frame.LABEL_SIZE,
            "start",
            Palette.TEXT,
            true);
      }
      double bottom = h - footer;
      double avail = bottom - top;

      // Vertical scale: every node gets k * volume, and at least minSlot for its label.
      double gap = Math.min(10, avail / Math.max(1, busiest) * 0.2);
      double minSlot =
          Math.max(2, Math.min(Math.max(28, labelRoom), avail / Math.max(1, busiest) - gap));
      // The largest k with sum(max(k * volume, minSlot)) + gaps <= avail in every column; the
      // left side is monotone in k, so bisection finds it.
      double k = Double.POSITIVE_INFINITY;
      for (int s = 0; s < ns; s++) {
        double room = avail - (perStage[s] - 1) * gap;
        double hiK = 0;
        for (Node n : nodes) {
          if (n.stage() == s && n.volume() > 0) {
            hiK = Math.max(hiK, room / n.volume());
          }
        }
        if (hiK == 0) {
          continue;
        }
        double loK = 0;
        for (int iter = 0; iter < 60; iter++) {
          double mid = (loK + hiK) / 2;
          double used = 0;
          for (Node n : nodes) {
            if (n.stage() == s) {
              used += Math.max(mid * n.volume(), minSlot);
            }
          }
          if (used <= room) {
            loK = mid;
          } else {
            hiK = mid;
          }
        }
        k = Math.min(k, loK);
      }
      if (!Double.isFinite(k)) {
        k = 0;
      }
      double[] nodeH = new double[nn];
      double[] slot = new double[nn];
      for (int i = 0; i < nn; i++) {
        nodeH[i] = Math.max(2, k * nodes.get(i).volume());
        slot[i] = Math.max(nodeH[i], minSlot);
      }
      // Order columns: first by volume, then by barycentre of forward inflows.
      double[] nodeY = new double[nn];
      List<List<Integer>> columns = new ArrayList<>();
      for (int s = 0; s < ns; s++) {
        columns.add(new ArrayList<>());
      }
      for (int i = 0; i < nn; i++) {
        columns.get(nodes.get(i).stage()).add(i);
      }
      double[] bary = new double[nn];
      for (int s = 0; s < ns; s++) {
        List<Integer> col = columns.get(s);
        if (s == 0) {
          col.sort((a, b) -> Long.compare(nodes.get(b).volume(), nodes.get(a).volume()));
        } else {
          for (int i : col) {
            double sum = 0;
            double wsum = 0;
            for (long[] l : kept) {
              if (l[1] == i && nodes.get((int) l[0]).stage() < s) {
                sum += l[2] * (nodeY[(int) l[0]] + nodeH[(int) l[0]] / 2);
                wsum += l[2];
              }
            }
            bary[i] = wsum > 0 ? sum / wsum : Double.MAX_VALUE;
          }
          col.sort(
              (a, b) -> {
                int c = Double.compare(bary[a], bary[b]);
                return c != 0 ? c : Long.compare(nodes.get(b).volume(), nodes.get(a).volume());
              });
        }
        double used = (col.size() - 1) * gap;
        for (int i : col) {
          used += slot[i];
        }
        double y = top + Math.max(0, (avail - used) / 2);
        for (int i : col) {
          // The node sits at the top of its slot; the rest of the slot is label room.
          nodeY[i] = Math.min(y, bottom - nodeH[i]);
          y += slot[i] + gap;
        }
      }

      // Link widths: one scale; shrink it if a node's flows would not fit its height.
      double linkScale = k;
      long[] out = new long[nn];
      long[] in = new long[nn];
      for (long[] l : kept) {
        out[(int) l[0]] += l[2];
        in[(int) l[1]] += l[2];
      }
      for (int i = 0; i < nn; i++) {
        long m = Math.max(out[i], in[i]);
        if (m > 0 && nodes.get(i).volume() > 0) {
          linkScale = Math.min(linkScale, k * nodes.get(i).volume() / m);
        } else if (m > 0) {
          linkScale = Math.min(linkScale, nodeH[i] / m);
        }
      }
      // Stacking: forward outflows by target height, inflows by source height.
      List<long[]> forward = new ArrayList<>();
      List<long[]> backward = new ArrayList<>();
      for (long[] l : kept) {
        (nodes.get((int) l[1]).stage() > nodes.get((int) l[0]).stage() ? forward : backward).add(l);
      }
      // Each end stacks its links in the order of their other end, so that ribbons do not cross.
      double[] y0 = stackEnds(forward, nodeY, 0, linkScale, nn);
      double[] y1 = stackEnds(forward, nodeY, 1, linkScale, nn);
      // Backward flows first, underneath: they are the exception, not the story.
      for (long[] l : backward) {
        int a = (int) l[0];
        int b = (int) l[1];
        double xa = colX[nodes.get(a).stage()];
        double ya = nodeY[a] + nodeH[a] / 2;
        double yb = nodeY[b] + nodeH[b] / 2;
        String d;
        if (nodes.get(a).stage() == nodes.get(b).stage()) {
          // Within a stage: a C-shaped arc out to the left of the column.
          double bulge = Math.min(xa - 2, 16 + Math.abs(ya - yb) / 4);
          d = SvgWriter.cubic(xa, ya, xa - bulge, ya, xa - bulge, yb, xa, yb);
        } else {
          double xb = colX[nodes.get(b).stage()] + nodeW;
          double mx = (xa + xb) / 2;
          d = SvgWriter.cubic(xa, ya, mx, ya, mx, yb, xb, yb);
        }
        w.open("path")
            .attr("class", "link back")
            .attr("d", d)
            .attr("fill", "none")
            .attr("stroke", BACKWARD)
            .attr("stroke-opacity", 0.3)
            .attr("stroke-width", Math.max(0.5, l[2] * linkScale))
            .tooltip(
                nodes.get(a).label()
                    + " \u2192 "
                    + nodes.get(b).label()
                    + " (back): "
                    + Text.count(l[2])
                    + " "
                    + unit)
            .end("path");
      }
      // Widest first, so that thin flows stay visible on top.
      Integer[] drawOrder =
          order(forward.size(), (a, b) -> Long.compare(forward.get(b)[2], forward.get(a)[2]));
      for (int f : drawOrder) {
        long[] l = forward.get(f);
        int a = (int) l[0];
        int b = (int) l[1];
        double xa = colX[nodes.get(a).stage()] + nodeW;
        double xb = colX[nodes.get(b).stage()];
        double mx = (xa + xb) / 2;
        String d = SvgWriter.cubic(xa, y0[f], mx, y0[f], mx, y1[f], xb, y1[f]);
        w.open("path")
            .attr("class", "link")
            .attr("d", d)
            .attr("fill", "none")
            .attr("stroke", FORWARD)
            .attr("stroke-opacity", 0.3)
            .attr("stroke-width", Math.max(0.5, l[2] * linkScale))
            .tooltip(
                nodes.get(a).label()
                    + " \u2192 "
                    + nodes.get(b).label()
                    + ": "
                    + Text.count(l[2])
                    + " "
                    + unit)
            .end("path");
      }
      for (int i = 0; i < nn; i++) {
        drawNode(w, i, colX, nodeW, nodeY, nodeH, repeats[i], labelMax, top, bottom, lines);
      }
      if (kept.size() < total) {
        String note =
            "Showing "
                + kept.size()
                + " of "
                + total
                + " flows"
                + (minLinkCount > 1 ? "; flows under " + Text.count(minLinkCount) + " hidden" : "")
                + (total - kept.size() > 0 && topLinks < total
                    ? "; only the " + topLinks + " largest"
                    : "")
                + ".";
        w.label(
            Frame.PAD,
            h - 10,
            note,
            width - 2 * Frame.PAD,
            Frame.SMALL_SIZE,
            "start",
            Palette.MUTED,
            false);
      }
      return w.finish();
    }

    private void drawNode(
        SvgWriter w,
        int i,
        double[] colX,
        double nodeW,
        double[] nodeY,
        double[] nodeH,
        long repeat,
        double labelMax,
        double top,
        double bottom,
        int lines) {
      Node n = nodes.get(i);
      double x = colX[n.stage()];
      String tip =
          n.label()
              + " ("
              + stages.get(n.stage())
              + "): "
              + Text.count(n.volume())
              + " "
              + unit
              + (repeat > 0 ? ", " + Text.count(repeat) + " repeats" : "")
              + (n.note().isEmpty() ? "" : " \u2014 " + String.join("; ", noteLines(n)));
      w.open("rect")
          .attr("class", "node")
          .attr("x", x)
          .attr("y", nodeY[i])
          .attr("width", nodeW)
          .attr("height", nodeH[i])
          .attr("fill", NODE)
          .attr("rx", 1.5)
          .tooltip(tip)
          .end("rect");
      boolean marked = n.mark() != Mark.NONE;
      double cy = nodeY[i] + Math.min(nodeH[i], 24) / 2;
      double labelY = Math.max(top + 10, Math.min(bottom - 4 - 12 * lines, cy + 4));
      boolean hasNote = !n.note().isEmpty();
      double markX = Math.min(x + nodeW + 11, w.width() - 7);
      double textX = x + nodeW + 6 + (marked ? 16 : 0);
      String anchor = "start";
      if (marked) {
        double my = labelY - 4;
        if (n.mark() == Mark.PAIN_POINT) {
          w.open("path")
              .attr("class", "pain")
              .attr("d", Frame.triangle(markX, my, 6.5))
              .attr("fill", Palette.VERMILLION)
              .tooltip(
                  "Pain point: "
                      + n.label()
                      + (hasNote ? " \u2014 " + String.join("; ", noteLines(n)) : ""))
              .end("path");
          w.label(markX, my + 4, "!", 9, "middle", "#ffffff");
        } else {
          w.open("circle")
              .attr("class", "delight")
              .attr("cx", markX)
              .attr("cy", my)
              .attr("r", 6)
              .attr("fill", Palette.BLUISH_GREEN)
              .tooltip(
                  "Moment of delight: "
                      + n.label()
                      + (hasNote ? " \u2014 " + String.join("; ", noteLines(n)) : ""))
              .end("circle");
          w.label(markX, my + 3.5, "+", 10, "middle", "#ffffff");
        }
      }
      double max = Math.max(10, labelMax - (marked ? 16 : 0));
      halo(w, textX, labelY, n.label(), max, Frame.SMALL_SIZE, anchor, Palette.TEXT, true);
      if (hasNote) {
        String colour = noteColour(n);
        double ly = labelY;
        for (String line : noteLines(n)) {
          ly += 12;
          halo(w, textX, Math.min(bottom, ly), line, max, 10, anchor, colour, false);
        }
      }
    }

    private static String noteColour(Node n) {
      return n.mark() == Mark.PAIN_POINT
          ? PAIN_TEXT
          : n.mark() == Mark.DELIGHT ? DELIGHT_TEXT : Palette.MUTED;
    }

    /** Returns the lines of a node's note: none for an empty note. */
    private static List<String> noteLines(Node n) {
      if (n.note().isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String line : n.note().split("\n", -1)) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    }

    private List<Frame.Entry> legendEntries(boolean anyBackward) {
      List<Frame.Entry> legend = new ArrayList<>();
      legend.add(new Frame.Entry("Flow (width = " + unit + ")", FORWARD, Frame.Kind.BAND));
      if (anyBackward) {
        legend.add(new Frame.Entry("Flow back or within a stage", BACKWARD, Frame.Kind.BAND));
      }
      legend.add(new Frame.Entry("Pain point", Palette.VERMILLION, Frame.Kind.TRIANGLE));
      legend.add(new Frame.Entry("Moment of delight", Palette.BLUISH_GREEN, Frame.Kind.POINT));
      return legend;
    }

    /**
     * The narrow layout: stages as blocks from the top, one row per touchpoint (busiest first) with
     * its mark, name, a volume bar on one scale for all, its note lines and its largest flow
     * onwards (a share of all its flows to other touchpoints, before any filtering).
     */
    private Svg renderRows(Map<Long, long[]> merged, long[] repeats) {
      int nn = nodes.size();
      long[] outTotal = new long[nn];
      int[] next = new int[nn];
      long[] nextCount = new long[nn];
      Arrays.fill(next, -1);
      for (Map.Entry<Long, long[]> e : merged.entrySet()) {
        int a = (int) (e.getKey() / nn);
        int b = (int) (e.getKey() % nn);
        long c = e.getValue()[0];
        outTotal[a] += c;
        if (c > nextCount[a]) {
          nextCount[a] = c;
          next[a] = b;
        }
      }
      long maxVolume = 1;
      for (Node n : nodes) {
        maxVolume = Math.max(maxVolume, n.volume());
      }
      List<Frame.Entry> legend = new ArrayList<>();
      legend.add(new Frame.Entry("Bar length = " + unit, NODE, Frame.Kind.BOX));
      legend.add(new Frame.Entry("Pain point", Palette.VERMILLION, Frame.Kind.TRIANGLE));
      legend.add(new Frame.Entry("Moment of delight", Palette.BLUISH_GREEN, Frame.Kind.POINT));
      double legendH = Frame.legendHeight(width - 2 * Frame.PAD, legend);
      List<List<Integer>> byStage = new ArrayList<>();
      for (int s = 0; s < stages.size(); s++) {
        byStage.add(new ArrayList<>());
      }
      for (int i = 0; i < nn; i++) {
        byStage.get(nodes.get(i).stage()).add(i);
      }
      double needed = 46 + legendH + 8;
      for (List<Integer> col : byStage) {
        col.sort((a, b) -> Long.compare(nodes.get(b).volume(), nodes.get(a).volume()));
        if (!col.isEmpty()) {
          needed += 24;
        }
        for (int i : col) {
          needed += rowHeight(i, next);
        }
      }
      needed += 28;
      int h = (int) Math.min(Checks.MAX_SIZE, Math.max(height > 0 ? height : 0, needed));
      SvgWriter w =
          Frame.start(
              width,
              h,
              title,
              "Journey map of "
                  + nn
                  + " touchpoints in "
                  + stages.size()
                  + " stages, as rows (flows not drawn at this width)");
      Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      double x = Frame.PAD + 18;
      double textMax = width - x - Frame.PAD;
      double y = 46 + legendH + 8;
      for (int s = 0; s < stages.size(); s++) {
        List<Integer> col = byStage.get(s);
        if (col.isEmpty()) {
          continue;
        }
        y += 18;
        w.label(
            Frame.PAD,
            y,
            stages.get(s),
            width - 2 * Frame.PAD,
            Frame.LABEL_SIZE,
            "start",
            Palette.TEXT,
            true);
        w.line(Frame.PAD, y + 4, width - Frame.PAD, y + 4, Palette.GRID, 1).close();
        y += 6;
        for (int i : col) {
          Node n = nodes.get(i);
          y += 14;
          double my = y - 4;
          if (n.mark() == Mark.PAIN_POINT) {
            w.open("path")
                .attr("class", "pain")
                .attr("d", Frame.triangle(Frame.PAD + 7, my, 6))
                .attr("fill", Palette.VERMILLION)
                .tooltip("Pain point: " + n.label())
                .end("path");
          } else if (n.mark() == Mark.DELIGHT) {
            w.open("circle")
                .attr("class", "delight")
                .attr("cx", Frame.PAD + 7)
                .attr("cy", my)
                .attr("r", 5.5)
                .attr("fill", Palette.BLUISH_GREEN)
                .tooltip("Moment of delight: " + n.label())
                .end("circle");
          }
          w.label(x, y, n.label(), textMax, Frame.SMALL_SIZE, "start", Palette.TEXT, true);
          double len = Math.max(1.5, textMax * n.volume() / maxVolume);
          w.open("rect")
              .attr("class", "node")
              .attr("x", x)
              .attr("y", y + 4)
              .attr("width", len)
              .attr("height", 6)
              .attr("fill", NODE)
              .attr("rx", 1.5)
              .tooltip(
                  n.label()
                      + " ("
                      + stages.get(s)
                      + "): "
                      + Text.count(n.volume())
                      + " "
                      + unit
                      + (repeats[i] > 0 ? ", " + Text.count(repeats[i]) + " repeats" : ""))
              .end("rect");
          y += 10;
          for (String line : noteLines(n)) {
            y += 12;
            w.label(x, y, line, textMax, 10, "start", noteColour(n), false);
          }
          if (next[i] >= 0) {
            y += 12;
            w.label(
                x,
                y,
                "then "
                    + nodes.get(next[i]).label()
                    + " "
                    + Text.percent((double) nextCount[i] / outTotal[i], 0),
                textMax,
                10,
                "start",
                Palette.MUTED,
                false);
          }
          y += 6;
        }
      }
      w.label(
          Frame.PAD,
          h - 10,
          "Narrow layout: flows between touchpoints are not drawn.",
          width - 2 * Frame.PAD,
          Frame.SMALL_SIZE,
          "start",
          Palette.MUTED,
          false);
      return w.finish();
    }

    private double rowHeight(int i, int[] next) {
      return 14 + 10 + 12 * (noteLines(nodes.get(i)).size() + (next[i] >= 0 ? 1 : 0)) + 6;
    }

    /** A label with a white outline so that it stays readable over the flows. */
    private static void halo(
        SvgWriter w,
        double x,
        double y,
        String text,
        double max,
        double size,
        String anchor,
        String fill,
        boolean bold) {
      String shown = Text.fit(text, max, size, bold);
      // A tiny chart may have no room right of the last column: keep the anchor inside.
      x = Math.min(x, w.width());
      w.open("text")
          .attr("x", x)
          .attr("y", y)
          .attr("font-size", size)
          .attr("fill", fill)
          .attr("stroke", "#ffffff")
          .attr("stroke-width", 3)
          .attr("stroke-opacity", 0.85)
          .attr("paint-order", "stroke")
          .attr("stroke-linejoin", "round");
      if (!"start".equals(anchor)) {
        w.attr("text-anchor", anchor);
      }
      if (bold) {
        w.attr("font-weight", "600");
      }
      w.text(shown);
      if (!shown.equals(text)) {
        w.tooltip(text);
      }
      w.end("text");
    }

    /**
     * Returns, for each link, the centre y of its ribbon at end {@code at} (0 source, 1 target):
     * links sharing that node are stacked from its top in the order of their other end's y.
     */
    private static double[] stackEnds(
        List<long[]> links, double[] nodeY, int at, double linkScale, int nodeCount) {
      int other = 1 - at;
      Integer[] byOther =
          order(
              links.size(),
              (a, b) -> {
                int c =
                    Double.compare(
                        nodeY[(int) links.get(a)[other]], nodeY[(int) links.get(b)[other]]);
                return c != 0 ? c : Integer.compare(a, b);
              });
      double[] offset = new double[nodeCount];
      double[] y = new double[links.size()];
      for (int f : byOther) {
        long[] l = links.get(f);
        double lw = l[2] * linkScale;
        y[f] = nodeY[(int) l[at]] + offset[(int) l[at]] + lw / 2;
        offset[(int) l[at]] += lw;
      }
      return y;
    }

    private static Integer[] order(int n, java.util.Comparator<Integer> cmp) {
      Integer[] o = new Integer[n];
      for (int i = 0; i < n; i++) {
        o[i] = i;
      }
      Arrays.sort(o, cmp);
      return o;
    }
  }
}
