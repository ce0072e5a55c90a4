package org.cx4j.metrics.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link BehaviouralSegmentation}: which segment each unit is in, the segments'
 * sizes and centres, the features that set each segment apart, and the silhouette and
 * within-segment sum of squares of every number of segments tried. Immutable.
 */
public final class Segments {

  /**
   * One number of segments tried.
   *
   * @param k the number of segments
   * @param silhouette the mean silhouette, in [-1, 1] (higher: better separated)
   * @param withinSumOfSquares the within-segment sum of squares, in standardised units (for an
   *     elbow plot)
   */
  public record Candidate(int k, double silhouette, double withinSumOfSquares) {}

  private final List<String> features;
  private final int k;
  private final int[] labels;
  private final int[] sizes;
  private final double[][] centres; // original units
  private final double[][] differences; // standardised: (mean in - mean rest) / sd of all
  private final List<Candidate> candidates;

  Segments(
      List<String> features,
      double[][] rows,
      double[] mean,
      double[] sd,
      int[] labels,
      int k,
      List<Candidate> candidates) {
    this.features = features;
    this.k = k;
    this.labels = labels.clone();
    this.candidates = List.copyOf(candidates);
    int d = features.size();
    sizes = new int[k];
    centres = new double[k][d];
    double[] totals = new double[d];
    for (int i = 0; i < rows.length; i++) {
      sizes[labels[i]]++;
      for (int f = 0; f < d; f++) {
        centres[labels[i]][f] += rows[i][f];
        totals[f] += rows[i][f];
      }
    }
    differences = new double[k][d];
    for (int s = 0; s < k; s++) {
      int rest = rows.length - sizes[s];
      for (int f = 0; f < d; f++) {
        double in = centres[s][f] / sizes[s];
        double out = rest == 0 ? in : (totals[f] - centres[s][f]) / rest;
        centres[s][f] = in;
        differences[s][f] = (in - out) / sd[f];
      }
    }
  }

  /** Returns the number of segments chosen. */
  public int k() {
    return k;
  }

  /** Returns the feature names. */
  public List<String> features() {
    return features;
  }

  /** Returns the number of units. */
  public int units() {
    return labels.length;
  }

  /**
   * Returns the segment (0 = largest) of unit {@code i}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not a unit
   */
  public int segment(int i) {
    return labels[i];
  }

  /** Returns every unit's segment, a copy. */
  public int[] segments() {
    return labels.clone();
  }

  /** Returns the number of units in {@code segment}. @throws IndexOutOfBoundsException if none */
  public int size(int segment) {
    return sizes[segment];
  }

  /** Returns the mean of each feature over {@code segment}, in the features' own units (a copy). */
  public double[] centre(int segment) {
    return centres[segment].clone();
  }

  /**
   * Returns how far {@code segment} stands from the rest on {@code feature}: {@code (mean in the
   * segment - mean of the other units) / standard deviation of all units}.
   *
   * @throws IllegalArgumentException if there is no such feature
   */
  public double standardisedDifference(int segment, String feature) {
    int f = features.indexOf(feature);
    if (f < 0) {
      throw new IllegalArgumentException("no feature '" + feature + "'; features: " + features);
    }
    return differences[segment][f];
  }

  /**
   * Returns the features that set {@code segment} apart, by absolute standardised difference,
   * largest first.
   */
  public List<String> distinguishingFeatures(int segment) {
    Integer[] order = new Integer[features.size()];
    for (int f = 0; f < order.length; f++) {
      order[f] = f;
    }
    Arrays.sort(
        order,
        (x, y) ->
            Double.compare(Math.abs(differences[segment][y]), Math.abs(differences[segment][x])));
    List<String> out = new ArrayList<>();
    for (int f : order) {
      out.add(features.get(f));
    }
    return out;
  }

  /** Returns the numbers of segments tried, with their silhouette and sum of squares. */
  public List<Candidate> candidates() {
    return candidates;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT, "Segments[k %d of %d units; silhouette by k:", k, labels.length));
    for (Candidate c : candidates) {
      sb.append(String.format(Locale.ROOT, " %d=%.3f", c.k(), c.silhouette()));
    }
    sb.append(']');
    for (int s = 0; s < k; s++) {
      sb.append(String.format(Locale.ROOT, "%n  %d: %d units;", s, sizes[s]));
      List<String> top = distinguishingFeatures(s);
      for (int j = 0; j < Math.min(3, top.size()); j++) {
        sb.append(
            String.format(
                Locale.ROOT, " %s %+.2f sd", top.get(j), standardisedDifference(s, top.get(j))));
      }
    }
    return sb.toString();
  }
}
