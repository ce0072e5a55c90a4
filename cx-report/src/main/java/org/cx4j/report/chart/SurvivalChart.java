package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Survival curves: the step function {@code S(t)} of one or more groups (e.g. a Kaplan-Meier
 * estimate per segment), each with an optional confidence band drawn as a shaded step band and
 * optional censoring marks (short vertical ticks on the curve), y from 0% to 100%, x = time with
 * its unit, and a legend of the groups.
 *
 * <p>A curve is given as the times at which it steps and the value after each step: {@code S(t) =
 * survival[i]} for {@code time[i] <= t < time[i+1]}, {@code S(t) = 1} before {@code time[0]}, and
 * the last value lasts to the end of the axis.
 *
 * <pre>{@code
 * Svg svg = SurvivalChart.render("Time to churn", "days since first purchase",
 *     SurvivalChart.Curve.of("All customers", times, s).withBand(lower, upper));
 * }</pre>
 *
 * <p>With no curves, or only curves without points, the chart shows its title and "No data".
 */
public final class SurvivalChart {

  private SurvivalChart() {}

  /** One group's survival curve; immutable. */
  public static final class Curve {
    private final String name;
    private final double[] time;
    private final double[] survival;
    private final double[] lower;
    private final double[] upper;
    private final double[] censored;

    private Curve(
        String name,
        double[] time,
        double[] survival,
        double[] lower,
        double[] upper,
        double[] censored) {
      this.name = name;
      this.time = time;
      this.survival = survival;
      this.lower = lower;
      this.upper = upper;
      this.censored = censored;
    }

    /**
     * Returns a curve without band or censoring marks.
     *
     * @param name the group name shown in the legend
     * @param time the step times, finite, non-negative and non-decreasing
     * @param survival the value of {@code S} from each step time on, 0..1
     * @return the curve
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, a time is negative, not finite or
     *     decreasing, or a survival value is outside 0..1
     */
    public static Curve of(String name, double[] time, double[] survival) {
      Objects.requireNonNull(name, "name");
      Checks.length("survival", survival.length, "time", time.length);
      Checks.finite("time", time);
      for (int i = 0; i < time.length; i++) {
        if (time[i] < 0) {
          throw new IllegalArgumentException("time[" + i + "] must be >= 0, got " + time[i]);
        }
        if (i > 0 && time[i] < time[i - 1]) {
          throw new IllegalArgumentException(
              "time must be non-decreasing, got time["
                  + i
                  + "] = "
                  + time[i]
                  + " after "
                  + time[i - 1]);
        }
        if (!(survival[i] >= 0 && survival[i] <= 1)) {
          throw new IllegalArgumentException(
              "survival[" + i + "] must be between 0 and 1, got " + survival[i]);
        }
      }
      return new Curve(name, time.clone(), survival.clone(), null, null, new double[0]);
    }

    /**
     * Returns this curve with a confidence band; a NaN bound leaves a gap in the band.
     *
     * @param lower the lower bound from each step time on, 0..1 or NaN
     * @param upper the upper bound from each step time on, 0..1 or NaN
     * @return a new curve
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a length differs from the times, a bound is outside 0..1
     *     or {@code lower[i] > upper[i]}
     */
    public Curve withBand(double[] lower, double[] upper) {
      Checks.length("lower", lower.length, "time", time.length);
      Checks.length("upper", upper.length, "time", time.length);
      for (int i = 0; i < lower.length; i++) {
        Checks.share("lower[" + i + "]", lower[i]);
        Checks.share("upper[" + i + "]", upper[i]);
        if (lower[i] > upper[i]) {
          throw new IllegalArgumentException(
              "lower[" + i + "] must be <= upper[" + i + "], got " + lower[i] + " > " + upper[i]);
        }
      }
      return new Curve(name, time, survival, lower.clone(), upper.clone(), censored);
    }

    /**
     * Returns this curve with censoring marks at the given times.
     *
     * @param times the censoring times, finite and non-negative
     * @return a new curve
     * @throws NullPointerException if {@code times} is null
     * @throws IllegalArgumentException if a time is negative or not finite
     */
    public Curve withCensored(double[] times) {
      Checks.finite("times", times);
      for (int i = 0; i < times.length; i++) {
        if (times[i] < 0) {
          throw new IllegalArgumentException("times[" + i + "] must be >= 0, got " + times[i]);
        }
      }
      double[] c = times.clone();
      Arrays.sort(c);
      return new Curve(name, time, survival, lower, upper, c);
    }

    /**
     * Returns the group name.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /** Returns {@code S(t)}: 1 before the first step. */
    double at(double t) {
      double s = 1;
      for (int i = 0; i < time.length && time[i] <= t; i++) {
        s = survival[i];
      }
      return s;
    }

    @Override
    public String toString() {
      return "Curve["
          + name
          + ", "
          + time.length
          + " steps"
          + (lower == null ? "" : ", band")
          + (censored.length == 0 ? "" : ", " + censored.length + " censored")
          + "]";
    }
  }

  /**
   * Renders survival curves with the default size (720 x 360).
   *
   * @param title the chart title
   * @param timeLabel the title of the time axis with its unit, e.g. "days since first purchase"
   * @param curves the curves, one per group
   * @return the chart
   * @throws NullPointerException if an argument or a curve is null
   */
  public static Svg render(String title, String timeLabel, Curve... curves) {
    return builder(title, timeLabel, List.of(curves)).render();
  }

  /**
   * Returns a builder for survival curves with options.
   *
   * @param title the chart title
   * @param timeLabel the title of the time axis with its unit
   * @param curves the curves, one per group
   * @return a new builder
   * @throws NullPointerException if an argument or a curve is null
   * @throws IllegalArgumentException if a curve is null
   */
  public static Builder builder(String title, String timeLabel, List<Curve> curves) {
    return new Builder(title, timeLabel, curves);
  }

  /** Options of a survival chart; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final String timeLabel;
    private final List<Curve> curves;
    private String yAxisLabel = "Share without event";
    private String bandLabel = "95% confidence band";
    private double maxTime = Double.NaN;
    private int width = 720;
    private int height = 360;

    private Builder(String title, String timeLabel, List<Curve> curves) {
      this.title = Checks.title(title);
      this.timeLabel = Objects.requireNonNull(timeLabel, "timeLabel");
      this.curves = Checks.list("curves", curves);
    }

    /**
     * Sets the title of the y axis (default "Share without event").
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
     * Sets the legend label of the bands (default "95% confidence band").
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
     * Sets the end of the time axis (default: the last step or censoring time).
     *
     * @param maxTime the end, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code maxTime} is not positive and finite
     */
    public Builder maxTime(double maxTime) {
      if (!(maxTime > 0) || Double.isInfinite(maxTime)) {
        throw new IllegalArgumentException("maxTime must be positive and finite, got " + maxTime);
      }
      this.maxTime = maxTime;
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
     * Renders the curves.
     *
     * @return the chart
     */
    public Svg render() {
      double tMax = 0;
      boolean any = false;
      boolean bands = false;
      boolean censoring = false;
      for (Curve c : curves) {
        any |= c.time.length > 0;
        bands |= c.lower != null && c.time.length > 0;
        censoring |= c.censored.length > 0 && c.time.length > 0;
        if (c.time.length > 0) {
          tMax = Math.max(tMax, c.time[c.time.length - 1]);
        }
        if (c.censored.length > 0) {
          tMax = Math.max(tMax, c.censored[c.censored.length - 1]);
        }
      }
      if (!any) {
        return Frame.noData(width, height, title, "No survival curve to show");
      }
      boolean fixedEnd = !Double.isNaN(maxTime);
      Ticks xt = Ticks.nice(0, fixedEnd ? maxTime : Math.max(tMax, 1e-9), 6);
      double end = fixedEnd ? maxTime : xt.max();
      SvgWriter w =
          Frame.start(width, height, title, curves.size() + " survival curves over " + timeLabel);
      List<Frame.Entry> legend = new ArrayList<>();
      for (int i = 0; i < curves.size(); i++) {
        legend.add(new Frame.Entry(curves.get(i).name(), Palette.series(i), Frame.Kind.LINE));
      }
      if (bands) {
        legend.add(new Frame.Entry(bandLabel, Palette.GREY, Frame.Kind.BAND));
      }
      if (censoring) {
        legend.add(new Frame.Entry("Censored", Palette.MUTED, Frame.Kind.TICK));
      }
      double legendH = Frame.legend(w, Frame.PAD, 46, width - 2 * Frame.PAD, legend);
      double left = Frame.PAD + 20 + Text.width("100%", Frame.SMALL_SIZE, false) + 8;
      double right = width - Frame.PAD - 8;
      double top = 40 + legendH + 20;
      double bottom = height - 44;
      if (bottom - top < 20) {
        top = Math.max(30, bottom - 20);
      }
      Scale x = new Scale(0, end, left, right);
      Scale y = new Scale(0, 1, bottom, top);
      Ticks yt = new Ticks(0, 1, 0.2);
      Frame.yAxis(w, yt, y, left, right, yAxisLabel, v -> Text.percent(v, 0));
      Ticks xShown =
          fixedEnd
              ? new Ticks(xt.min(), Math.floor(end / xt.step() + 1e-9) * xt.step(), xt.step())
              : xt;
      Frame.xAxis(w, xShown, x, top, bottom, xShown::format);
      w.line(left, bottom, right, bottom, Palette.AXIS, 1).close();
      Frame.xTitle(w, left, right, height - 10, timeLabel);
      for (int i = 0; i < curves.size(); i++) {
        Curve c = curves.get(i);
        if (c.time.length > 0 && c.lower != null) {
          drawBand(w, c, x, y, end, Palette.series(i));
        }
      }
      for (int i = 0; i < curves.size(); i++) {
        Curve c = curves.get(i);
        if (c.time.length == 0) {
          continue;
        }
        String colour = Palette.series(i);
        StringBuilder d =
            new StringBuilder("M")
                .append(SvgWriter.num(x.clamped(0)))
                .append(' ')
                .append(SvgWriter.num(y.map(1)));
        for (int k = 0; k < c.time.length && c.time[k] <= end; k++) {
          d.append(" H")
              .append(SvgWriter.num(x.clamped(c.time[k])))
              .append(" V")
              .append(SvgWriter.num(y.map(c.survival[k])));
        }
        d.append(" H").append(SvgWriter.num(x.clamped(end)));
        w.open("path")
            .attr("class", "curve")
            .attr("d", d.toString())
            .attr("fill", "none")
            .attr("stroke", colour)
            .attr("stroke-width", 2.25)
            .tooltip(
                c.name()
                    + ": S("
                    + Text.decimal(end, xt.decimals())
                    + ") = "
                    + Text.percent(c.at(end), 1))
            .end("path");
        for (double t : c.censored) {
          if (t > end) {
            break;
          }
          double cx = x.clamped(t);
          double cy = y.map(c.at(t));
          w.line(cx, Math.max(top, cy - 5), cx, Math.min(bottom, cy + 5), colour, 1.5)
              .attr("class", "censor")
              .close();
        }
      }
      return w.finish();
    }

    private static void drawBand(
        SvgWriter w, Curve c, Scale x, Scale y, double end, String colour) {
      int n = c.time.length;
      int i = 0;
      while (i < n) {
        if (Double.isNaN(c.lower[i]) || c.time[i] >= end) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < n && !Double.isNaN(c.lower[j + 1]) && c.time[j + 1] < end) {
          j++;
        }
        // Upper steps left to right, then lower steps right to left.
        StringBuilder d = new StringBuilder();
        d.append('M')
            .append(SvgWriter.num(x.clamped(c.time[i])))
            .append(' ')
            .append(SvgWriter.num(y.map(c.upper[i])));
        for (int k = i; k <= j; k++) {
          double xe = x.clamped(k + 1 < n ? Math.min(c.time[k + 1], end) : end);
          d.append(" V")
              .append(SvgWriter.num(y.map(c.upper[k])))
              .append(" H")
              .append(SvgWriter.num(xe));
        }
        for (int k = j; k >= i; k--) {
          d.append(" V")
              .append(SvgWriter.num(y.map(c.lower[k])))
              .append(" H")
              .append(SvgWriter.num(x.clamped(c.time[k])));
        }
        w.open("path")
            .attr("class", "band")
            .attr("d", d.append(" Z").toString())
            .attr("fill", colour)
            .attr("fill-opacity", 0.15)
            .close();
        i = j + 1;
      }
    }
  }
}
