package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The distribution of scores: one vertical bar per score value (e.g. 0..10 or 1..5), its height
 * proportional to the count, coloured by the category the caller assigns to the value (e.g.
 * detractor / passive / promoter, or bottom / neutral / top box), with the share of all responses
 * ({@code count[i] / sum(count)}) written above each bar and a legend of the categories with their
 * shares.
 *
 * <pre>{@code
 * Svg svg = DistributionChart.nps("Likelihood to recommend", counts); // counts[0..10]
 * Svg csat = DistributionChart.builder("CSAT", List.of("1", "2", "3", "4", "5"), counts)
 *     .categories(List.of("Bottom box", "Neutral", "Top box"), new int[] {0, 0, 1, 2, 2})
 *     .render();
 * }</pre>
 *
 * <p>With no values, or all counts zero, the chart shows its title and "No data".
 */
public final class DistributionChart {

  /** The default category colours: vermillion, grey, blue (colour-blind safe, diverging). */
  private static final List<String> THREE = List.of(Palette.VERMILLION, Palette.GREY, Palette.BLUE);

  private DistributionChart() {}

  /**
   * Renders the distribution of 0..10 likelihood-to-recommend answers with the NPS categories:
   * detractors 0..6, passives 7..8, promoters 9..10 (Reichheld, "The One Number You Need to Grow",
   * HBR 2003).
   *
   * @param title the chart title
   * @param counts the number of answers per score 0..10 (length 11), non-negative
   * @return the chart
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code counts} does not have length 11 or a count is
   *     negative
   */
  public static Svg nps(String title, long[] counts) {
    return npsBuilder(title, counts).render();
  }

  /**
   * Returns a builder for an NPS distribution (scores 0 to 10 coloured as detractors, passives and
   * promoters), for options such as the size.
   *
   * @param title the chart title
   * @param counts the number of answers per score 0..10 (length 11), non-negative
   * @return a new builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code counts} does not have length 11 or a count is
   *     negative
   */
  public static Builder npsBuilder(String title, long[] counts) {
    if (counts.length != 11) {
      throw new IllegalArgumentException(
          "counts must have 11 entries (scores 0..10), got " + counts.length);
    }
    List<String> labels = new ArrayList<>();
    int[] category = new int[11];
    for (int s = 0; s <= 10; s++) {
      labels.add(Integer.toString(s));
      category[s] = s <= 6 ? 0 : s <= 8 ? 1 : 2;
    }
    return builder(title, labels, counts)
        .categories(List.of("Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"), category)
        .xAxisLabel("Score");
  }

  /**
   * Renders a distribution without categories (all bars blue).
   *
   * @param title the chart title
   * @param values the labels of the score values, in axis order
   * @param counts the count per value, non-negative
   * @return the chart
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a count is negative
   */
  public static Svg render(String title, List<String> values, long[] counts) {
    return builder(title, values, counts).render();
  }

  /**
   * Returns a builder for a distribution with options.
   *
   * @param title the chart title
   * @param values the labels of the score values, in axis order
   * @param counts the count per value, non-negative
   * @return a new builder
   * @throws NullPointerException if an argument or a label is null
   * @throws IllegalArgumentException if the lengths differ or a count is negative
   */
  public static Builder builder(String title, List<String> values, long[] counts) {
    return new Builder(title, values, counts);
  }

  /** Options of a distribution chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> values;
    private final long[] counts;
    private int width = 720;
    private int height = 360;
    private List<String> categoryNames = List.of();
    private int[] category;
    private List<String> colours;
    private String xAxisLabel = "Score";
    private String yAxisLabel = "Responses";

    private Builder(String title, List<String> values, long[] counts) {
      this.title = Checks.title(title);
      this.values = Checks.list("values", values);
      this.counts = counts.clone();
      Checks.length("counts", counts.length, "values", this.values.size());
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
     * Colours the bars by category: bar {@code i} gets category {@code categoryOfValue[i]}. Colours
     * default to vermillion / grey / blue for three categories (low / middle / high), otherwise the
     * Okabe-Ito series colours.
     *
     * @param names the category names shown in the legend, in order
     * @param categoryOfValue the category index of each value
     * @return this builder
     * @throws NullPointerException if an argument or a name is null
     * @throws IllegalArgumentException if {@code categoryOfValue} does not have one entry per value
     *     or an index is outside {@code 0..names.size()-1}
     */
    public Builder categories(List<String> names, int[] categoryOfValue) {
      List<String> n = Checks.list("names", names);
      Checks.length("categoryOfValue", categoryOfValue.length, "values", values.size());
      for (int i = 0; i < categoryOfValue.length; i++) {
        if (categoryOfValue[i] < 0 || categoryOfValue[i] >= n.size()) {
          throw new IllegalArgumentException(
              "categoryOfValue["
                  + i
                  + "] must be between 0 and "
                  + (n.size() - 1)
                  + ", got "
                  + categoryOfValue[i]);
        }
      }
      this.categoryNames = n;
      this.category = categoryOfValue.clone();
      return this;
    }

    /**
     * Sets the colours of the categories, one {@code #RRGGBB} per category name.
     *
     * @param colours the colours
     * @return this builder
     * @throws NullPointerException if {@code colours} is null
     * @throws IllegalArgumentException if a colour is not {@code #RRGGBB}
     */
    public Builder categoryColours(List<String> colours) {
      List<String> c = Checks.list("colours", colours);
      for (int i = 0; i < c.size(); i++) {
        Checks.colour("colours[" + i + "]", c.get(i));
      }
      this.colours = c;
      return this;
    }

    /**
     * Sets the title of the horizontal axis (default "Score").
     *
     * @param label the axis title, may be empty
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder xAxisLabel(String label) {
      this.xAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the title of the vertical axis (default "Responses").
     *
     * @param label the axis title, may be empty
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     */
    public Builder yAxisLabel(String label) {
      this.yAxisLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Renders the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException if category colours were set but fewer than categories
     */
    public Svg render() {
      if (colours != null && colours.size() < categoryNames.size()) {
        throw new IllegalArgumentException(
            "colours must have one entry per category ("
                + categoryNames.size()
                + "), got "
                + colours.size());
      }
      long total = 0;
      long max = 0;
      for (long c : counts) {
        total += c;
        max = Math.max(max, c);
      }
      if (values.isEmpty() || total == 0) {
        return Frame.noData(width, height, title, "No responses");
      }
      int n = values.size();
      SvgWriter w = Frame.start(width, height, title, description(total));
      List<Frame.Entry> legend = new ArrayList<>();
      if (category != null) {
        long[] perCategory = new long[categoryNames.size()];
        for (int i = 0; i < n; i++) {
          perCategory[category[i]] += counts[i];
        }
        for (int c = 0; c < categoryNames.size(); c++) {
          legend.add(
              new Frame.Entry(
                  categoryNames.get(c) + " " + Text.percent((double) perCategory[c] / total, 1),
                  colour(c),
                  Frame.Kind.BOX));
        }
      }
      double legendH = legend.isEmpty() ? 0 : Frame.legendHeight(width - 2 * Frame.PAD, legend);
      if (!legend.isEmpty()) {
        Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      }
      Ticks ticks = Ticks.counts(max, 5);
      double left =
          Frame.PAD
              + 20
              + Math.max(
                  Text.width(ticks.format(ticks.max()), Frame.SMALL_SIZE, false),
                  Text.width(Text.count((long) ticks.max()), Frame.SMALL_SIZE, false))
              + 8;
      double right = width - Frame.PAD;
      double top = 40 + legendH + 22;
      double bottom = height - 44;
      if (bottom - top < 20) {
        top = Math.max(30, bottom - 20);
      }
      Scale y = new Scale(0, ticks.max(), bottom, top);
      Frame.yAxis(w, ticks, y, left, right, yAxisLabel, v -> Text.count(Math.round(v)));
      double band = (right - left) / n;
      double barW = band * 0.72;
      // Many values (e.g. 0..100): label every k-th bar so that the labels do not collide.
      double labelW = 0;
      for (String v : values) {
        labelW = Math.max(labelW, Math.min(60, Text.width(v, Frame.LABEL_SIZE, false)));
      }
      int every = Math.max(1, (int) Math.ceil((labelW + 6) / band));
      for (int i = 0; i < n; i++) {
        double cx = left + band * (i + 0.5);
        double by = y.map(counts[i]);
        String colour = category == null ? Palette.BLUE : colour(category[i]);
        String share = Text.percent((double) counts[i] / total, 1);
        w.open("rect")
            .attr("class", "bar")
            .attr("x", cx - barW / 2)
            .attr("y", by)
            .attr("width", barW)
            .attr("height", bottom - by)
            .attr("fill", colour)
            .tooltip(values.get(i) + ": " + Text.count(counts[i]) + " (" + share + ")")
            .end("rect");
        // Percentages above the bars when they fit the band with a gap (else whole percents,
        // else only in the tooltip), so that neighbours never touch.
        String whole = Text.percent((double) counts[i] / total, 0);
        String above = Text.width(share, Frame.SMALL_SIZE, false) <= band - 4 ? share : whole;
        double size =
            Text.width(above, Frame.SMALL_SIZE, false) <= band - 4 ? Frame.SMALL_SIZE : 9.5;
        if (Text.width(above, size, false) <= band - 4) {
          w.label(cx, Math.max(top - 2, by - 5), above, size, "middle", Palette.TEXT);
        }
        if (i % every == 0) {
          w.label(
              cx,
              bottom + 16,
              values.get(i),
              band * every,
              Frame.LABEL_SIZE,
              "middle",
              Palette.TEXT,
              false);
        }
      }
      w.line(left, bottom, right, bottom, Palette.AXIS, 1).close();
      Frame.xTitle(w, left, right, height - 10, xAxisLabel);
      return w.finish();
    }

    private String colour(int c) {
      if (colours != null) {
        return colours.get(c);
      }
      return categoryNames.size() == 3 ? THREE.get(c) : Palette.series(c);
    }

    private String description(long total) {
      StringBuilder sb =
          new StringBuilder("Distribution of ").append(Text.count(total)).append(" responses: ");
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ", ")
            .append(values.get(i))
            .append(": ")
            .append(Text.count(counts[i]));
      }
      return sb.toString();
    }
  }
}
