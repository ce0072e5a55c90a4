package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy placement of point labels inside a plot area, so that no label overlaps another label, a
 * point or any other obstacle (quadrant names, a legend). Labels are placed one at a time, in the
 * order asked (give the most important first): the first of the eight places around the point
 * (right, left, above, below, then the diagonals) that is free and inside the plot wins; when none
 * is, the free place nearest the point on rings of growing distance (24 directions per ring, 6 px
 * apart, out to the plot's diagonal), and the caller draws a leader line to it. A label that fits
 * nowhere is not placed ({@link #place} returns null), never drawn on top of something; the chart
 * then lists it elsewhere.
 *
 * <p>Boxes are {@code {x0, y0, x1, y1}} in pixels with {@code x0 <= x1, y0 <= y1}; two boxes
 * collide when they overlap by more than nothing after each is grown by {@link #MARGIN}. Cost: at
 * most {@code 8 + 24 * diagonal / 6} candidates per label, each tested against every box so far, so
 * {@code O(n^2)} in the number of labels for a fixed plot: instant for the dozens of items a matrix
 * shows. Not thread-safe.
 */
final class LabelPlacer {

  /** The clearance kept between a label and anything else, in pixels. */
  static final double MARGIN = 1.5;

  private static final double RING_STEP = 6;
  private static final int DIRECTIONS = 24;

  private final double left;
  private final double top;
  private final double right;
  private final double bottom;
  private final List<double[]> boxes = new ArrayList<>();

  /**
   * Starts a placement in the plot area {@code [left, right] x [top, bottom]}.
   *
   * @throws IllegalArgumentException if the area is empty or not finite
   */
  LabelPlacer(double left, double top, double right, double bottom) {
    if (!(left < right && top < bottom)
        || !Double.isFinite(right - left)
        || !Double.isFinite(bottom - top)) {
      throw new IllegalArgumentException(
          "the plot area must be finite and non-empty, got ["
              + left
              + ", "
              + right
              + "] x ["
              + top
              + ", "
              + bottom
              + "]");
    }
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
  }

  /** Adds a box that no label may overlap (a point, a quadrant name). */
  void obstacle(double x0, double y0, double x1, double y1) {
    boxes.add(new double[] {x0, y0, x1, y1});
  }

  /** Adds a point of radius {@code r} at {@code (cx, cy)} as an obstacle. */
  void point(double cx, double cy, double r) {
    obstacle(cx - r, cy - r, cx + r, cy + r);
  }

  /**
   * Places a {@code w x h} label for the point of radius {@code r} at {@code (cx, cy)} and records
   * it as an obstacle for later labels.
   *
   * @return the label's box {@code {x0, y0, x1, y1}} and, as a fifth value, 1 when the label is
   *     away from its point and needs a leader line, else 0; or null when it fits nowhere
   */
  double[] place(double cx, double cy, double r, double w, double h) {
    if (w > right - left || h > bottom - top) {
      return null;
    }
    double g = r + 3;
    double d = g * 0.7;
    double[][] near = {
      {cx + g, cy - h / 2}, {cx - g - w, cy - h / 2},
      {cx - w / 2, cy - g - h}, {cx - w / 2, cy + g},
      {cx + d, cy - d - h}, {cx - d - w, cy - d - h},
      {cx + d, cy + d}, {cx - d - w, cy + d}
    };
    for (double[] c : near) {
      double[] box = {c[0], c[1], c[0] + w, c[1] + h, 0};
      if (free(box)) {
        boxes.add(box);
        return box;
      }
    }
    double reach = Math.hypot(right - left, bottom - top);
    for (double ring = g + RING_STEP; ring <= reach + RING_STEP; ring += RING_STEP) {
      for (int k = 0; k < DIRECTIONS; k++) {
        double a = 2 * Math.PI * k / DIRECTIONS;
        // The box's centre on an ellipse around the point, so that its nearest side is about
        // `ring` away whichever way it lies.
        double mx = cx + Math.cos(a) * (ring + w / 2);
        double my = cy - Math.sin(a) * (ring + h / 2);
        double[] box = {mx - w / 2, my - h / 2, mx + w / 2, my + h / 2, 1};
        if (free(box)) {
          boxes.add(box);
          return box;
        }
      }
    }
    return null;
  }

  /** Returns whether {@code box} lies inside the plot and clear of every box so far. */
  private boolean free(double[] box) {
    if (box[0] < left || box[2] > right || box[1] < top || box[3] > bottom) {
      return false;
    }
    for (double[] o : boxes) {
      if (collide(box, o, MARGIN)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether two boxes overlap once each is grown by {@code margin}. */
  static boolean collide(double[] a, double[] b, double margin) {
    return Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > -2 * margin
        && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > -2 * margin;
  }

  /**
   * Returns the point on the edge of {@code box} nearest to {@code (x, y)}: where a leader line
   * from the point ends.
   */
  static double[] nearestOnBox(double[] box, double x, double y) {
    return new double[] {
      Math.max(box[0], Math.min(box[2], x)), Math.max(box[1], Math.min(box[3], y))
    };
  }
}
