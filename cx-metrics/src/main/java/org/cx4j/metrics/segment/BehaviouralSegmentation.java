package org.cx4j.metrics.segment;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.random.Well19937c;

/**
 * Behavioural segments: k-means++ (Arthur and Vassilvitskii 2007, through Hipparchus' {@code
 * KMeansPlusPlusClusterer}) with several seeded restarts, on features standardised to mean 0 and
 * standard deviation 1 (RFM, P(alive), expected value, channels used, journey length, conversion:
 * whatever describes a customer's behaviour), with the number of segments chosen by the mean
 * silhouette (Rousseeuw 1987).
 *
 * <p>For each {@code k} in the range the best of {@code restarts} runs (least within-segment sum of
 * squares) is kept; the chosen {@code k} has the largest mean silhouette, computed exactly ({@code
 * O(m²)}) on a seeded sample of at most {@link Builder#silhouetteSample(int) m = 10,000} units (the
 * smaller {@code k} on a tie); the within-segment sums of squares of every {@code k} are kept for
 * an elbow plot. Segments are numbered by size, largest first (ties by centre), so the result is
 * deterministic for a seed and does not depend on the clusterer's own order.
 *
 * <p>Silhouette of unit {@code i}: {@code s(i) = (b - a) / max(a, b)}, where {@code a} is the mean
 * distance from {@code i} to the other units of its segment and {@code b} the least mean distance
 * to the units of another segment, both within the sample; {@code s(i) = 0} for a unit alone in its
 * segment.
 *
 * <pre>{@code
 * Segments s = BehaviouralSegmentation.builder().kRange(2, 8).seed(7).build()
 *     .fit(List.of("recency", "frequency", "monetary", "p_alive"), rows);
 * s.k(); s.segment(i); s.standardisedDifference(0, "monetary"); s.candidates();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BehaviouralSegmentation {

  private final int minK;
  private final int maxK;
  private final int restarts;
  private final int maxIterations;
  private final long seed;
  private final int silhouetteSample;

  private BehaviouralSegmentation(Builder b) {
    minK = b.minK;
    maxK = b.maxK;
    restarts = b.restarts;
    maxIterations = b.maxIterations;
    seed = b.seed;
    silhouetteSample = b.silhouetteSample;
  }

  /** Returns a builder: k from 2 to 8, 10 restarts, 300 iterations, seed 42, sample 10,000. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Segments the units whose features are the rows of {@code rows} ({@code rows[i][f]} is feature
   * {@code f} of unit {@code i}).
   *
   * @param features the feature names, one per column
   * @throws IllegalArgumentException if a row has the wrong length, a value is not finite (the unit
   *     and feature are named), a feature is constant (it cannot separate segments), or there are
   *     fewer than {@code minK + 1} units
   */
  public Segments fit(List<String> features, double[][] rows) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(rows, "rows");
    int d = features.size();
    checkArgument(d > 0, "at least one feature is needed");
    int n = rows.length;
    checkArgument(n > minK, "%s units cannot be split into %s or more segments", n, minK);
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int i = 0; i < n; i++) {
      checkArgument(
          rows[i] != null && rows[i].length == d,
          "unit %s has %s values, expected %s (%s)",
          i,
          rows[i] == null ? 0 : rows[i].length,
          d,
          features);
      for (int f = 0; f < d; f++) {
        checkArgument(
            Double.isFinite(rows[i][f]),
            "unit %s: feature '%s' must be finite, got %s",
            i,
            features.get(f),
            rows[i][f]);
      }
    }
    // Welford per feature: no cancellation on large, close values.
    for (int f = 0; f < d; f++) {
      double m = 0;
      double s = 0;
      for (int i = 0; i < n; i++) {
        double delta = rows[i][f] - m;
        m += delta / (i + 1);
        s += delta * (rows[i][f] - m);
      }
      mean[f] = m;
      sd[f] = Math.sqrt(s / n);
      checkArgument(
          sd[f] > 0,
          "feature '%s' is the same for every unit and cannot separate " + "segments; leave it out",
          features.get(f));
    }
    double[][] z = new double[n][d];
    List<Unit> units = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        z[i][f] = (rows[i][f] - mean[f]) / sd[f];
      }
      units.add(new Unit(i, z[i]));
    }
    int[] sample = sample(n);
    int top = Math.min(maxK, n - 1);
    List<Segments.Candidate> candidates = new ArrayList<>();
    int[] best = null;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    int bestK = 0;
    for (int k = minK; k <= top; k++) {
      // The best of the restarts by the within-segment sum of squares, the k-means objective.
      int[] labels = null;
      double wss = Double.POSITIVE_INFINITY;
      Well19937c rng = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), k});
      for (int run = 0; run < restarts; run++) {
        KMeansPlusPlusClusterer<Unit> one =
            new KMeansPlusPlusClusterer<>(
                k, maxIterations, new EuclideanDistance(), new Well19937c(rng.nextLong()));
        int[] l = relabel(one.cluster(units), n, d);
        double w = withinSumOfSquares(z, l, k);
        if (w < wss) {
          wss = w;
          labels = l;
        }
      }
      double sil = silhouette(z, labels, k, sample);
      candidates.add(new Segments.Candidate(k, sil, wss));
      if (sil > bestSilhouette) {
        bestSilhouette = sil;
        best = labels;
        bestK = k;
      }
    }
    return new Segments(List.copyOf(features), rows, mean, sd, best, bestK, candidates);
  }

  /** Indices of a seeded sample of at most {@code silhouetteSample} units (all if fewer). */
  private int[] sample(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n <= silhouetteSample) {
      return idx;
    }
    Well19937c rng = new Well19937c(seed);
    for (int i = 0; i < silhouetteSample; i++) { // partial Fisher-Yates
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] s = Arrays.copyOf(idx, silhouetteSample);
    Arrays.sort(s);
    return s;
  }

  /** Labels 0..k-1 by segment size, largest first, ties by centre (lexicographic). */
  private static int[] relabel(List<CentroidCluster<Unit>> clusters, int n, int d) {
    List<CentroidCluster<Unit>> sorted = new ArrayList<>(clusters);
    sorted.sort(
        Comparator.<CentroidCluster<Unit>>comparingInt(c -> -c.getPoints().size())
            .thenComparing(c -> c.getCenter().getPoint(), Arrays::compare));
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    for (int s = 0; s < sorted.size(); s++) {
      for (Unit u : sorted.get(s).getPoints()) {
        labels[u.index] = s;
      }
    }
    return labels;
  }

  static double withinSumOfSquares(double[][] z, int[] labels, int k) {
    int d = z[0].length;
    double[][] centre = new double[k][d];
    int[] size = new int[k];
    for (int i = 0; i < z.length; i++) {
      size[labels[i]]++;
      for (int f = 0; f < d; f++) {
        centre[labels[i]][f] += z[i][f];
      }
    }
    for (int s = 0; s < k; s++) {
      for (int f = 0; f < d; f++) {
        centre[s][f] /= Math.max(1, size[s]);
      }
    }
    double wss = 0;
    for (int i = 0; i < z.length; i++) {
      for (int f = 0; f < d; f++) {
        double e = z[i][f] - centre[labels[i]][f];
        wss += e * e;
      }
    }
    return wss;
  }

  /**
   * Returns the mean silhouette of the units {@code sample} (indices into {@code z}), distances
   * Euclidean, both means within the sample.
   */
  static double silhouette(double[][] z, int[] labels, int k, int[] sample) {
    int m = sample.length;
    double[] sums = new double[k];
    int[] counts = new int[k];
    for (int j : sample) {
      counts[labels[j]]++;
    }
    double total = 0;
    for (int p = 0; p < m; p++) {
      int i = sample[p];
      Arrays.fill(sums, 0);
      for (int q = 0; q < m; q++) {
        if (q != p) {
          int j = sample[q];
          sums[labels[j]] += distance(z[i], z[j]);
        }
      }
      int own = labels[i];
      if (counts[own] <= 1) {
        continue; // s(i) = 0
      }
      double a = sums[own] / (counts[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int s = 0; s < k; s++) {
        if (s != own && counts[s] > 0) {
          b = Math.min(b, sums[s] / counts[s]);
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue;
      }
      double max = Math.max(a, b);
      total += max == 0 ? 0 : (b - a) / max;
    }
    return total / m;
  }

  private static double distance(double[] x, double[] y) {
    double s = 0;
    for (int f = 0; f < x.length; f++) {
      double e = x[f] - y[f];
      s += e * e;
    }
    return Math.sqrt(s);
  }

  @Override
  public String toString() {
    return "BehaviouralSegmentation[k "
        + minK
        + ".."
        + maxK
        + ", "
        + restarts
        + " restarts, "
        + maxIterations
        + " iterations, seed "
        + seed
        + ", silhouette sample "
        + silhouetteSample
        + "]";
  }

  /** A unit as Hipparchus' clusterer sees it: its standardised features and its index. */
  private static final class Unit implements Clusterable {
    private static final long serialVersionUID = 1L;
    final int index;
    private final double[] point;

    Unit(int index, double[] point) {
      this.index = index;
      this.point = point;
    }

    @Override
    public double[] getPoint() {
      return point;
    }
  }

  /** Configures a {@link BehaviouralSegmentation}. Not thread-safe. */
  public static final class Builder {
    private int minK = 2;
    private int maxK = 8;
    private int restarts = 10;
    private int maxIterations = 300;
    private long seed = 42;
    private int silhouetteSample = 10_000;

    private Builder() {}

    /**
     * Sets the numbers of segments to try (default 2 to 8).
     *
     * @throws IllegalArgumentException unless {@code 2 <= min <= max}
     */
    public Builder kRange(int min, int max) {
      checkArgument(min >= 2 && max >= min, "need 2 <= min <= max, got %s..%s", min, max);
      this.minK = min;
      this.maxK = max;
      return this;
    }

    /**
     * Sets the k-means++ runs per k, the best kept (default 10). @throws IllegalArgumentException
     * if below 1
     */
    public Builder restarts(int restarts) {
      checkArgument(restarts >= 1, "restarts must be at least 1, got %s", restarts);
      this.restarts = restarts;
      return this;
    }

    /**
     * Sets the iteration cap of one k-means run (default 300). @throws IllegalArgumentException if
     * below 1
     */
    public Builder maxIterations(int maxIterations) {
      checkArgument(maxIterations >= 1, "maxIterations must be at least 1, got %s", maxIterations);
      this.maxIterations = maxIterations;
      return this;
    }

    /** Sets the seed of the k-means++ seeding and of the silhouette sample (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the most units the silhouette is computed on (default 10,000: it costs {@code m²}
     * distances). @throws IllegalArgumentException if below 2
     */
    public Builder silhouetteSample(int m) {
      checkArgument(m >= 2, "the silhouette sample must hold at least 2 units, got %s", m);
      this.silhouetteSample = m;
      return this;
    }

    /** Returns the configured segmentation. */
    public BehaviouralSegmentation build() {
      return new BehaviouralSegmentation(this);
    }
  }
}
