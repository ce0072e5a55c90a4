package org.cx4j.metrics.driver;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Key driver analysis: how much each driver rating (satisfaction with wifi, boarding, seat
 * comfort...) explains an outcome (overall satisfaction, likelihood to recommend, or a 0/1 such as
 * "satisfied" or "churned").
 *
 * <p>For each driver it reports:
 *
 * <ul>
 *   <li>Pearson correlation with the outcome, and Spearman's rank correlation (average ranks);
 *   <li>the standardized regression coefficient {@code beta = R^-1 r}, from the linear model with
 *       all drivers ({@code R}: the drivers' correlation matrix, {@code r}: their correlations with
 *       the outcome), and the model's {@code R^2 = beta . r};
 *   <li>Johnson's (2000) relative weight, a part of R-squared;
 *   <li>the Shapley value of R-squared (Lindeman, Merenda and Gold 1980, "LMG"; Grömping 2006,
 *       "Relative importance for linear regression in R: the package relaimpo", J. Stat. Softw.
 *       17(1)), exact over all {@code 2^p} subsets of drivers, the decomposition commercial CX
 *       suites sell as "Shapley regression".
 * </ul>
 *
 * Relative weights and Shapley values each sum to R-squared and are also reported as shares of it.
 * A 0/1 outcome is analysed as a linear probability model (its R-squared is the linear one).
 *
 * <p><b>Missing data.</b> NaN is missing everywhere; in the drivers, so are values equal to {@link
 * Builder#missingCode(double)} (for surveys where a rating of 0 means "not applicable"; the code
 * never applies to the outcome, where 0 is often a real answer such as "not satisfied").
 * Respondents without an outcome are always dropped. Then {@link MissingRule#LISTWISE} (the
 * default) keeps complete cases only, and {@link MissingRule#PAIRWISE} computes each correlation on
 * the respondents who have both values; a pairwise matrix that is not positive definite is an
 * error. The result reports how many respondents were used and dropped.
 *
 * <p><b>Bootstrap.</b> With {@link Builder#bootstrap(int, long, double)} every measure gets a
 * percentile interval from resampling respondents with replacement. Replicate {@code b} draws from
 * its own generator, split deterministically from the seed, so the intervals are identical on every
 * run and thread count. Replicates run in parallel.
 *
 * <p><b>Cost.</b> One correlation pass over the data, {@code O(n p^2)}, then {@code O(2^p p^2)} for
 * the subsets from the correlation matrix alone. Exact Shapley values are supported up to {@value
 * RSquaredDecomposition#MAX_SHAPLEY_DRIVERS} drivers (about a million subsets, well under a
 * second); beyond that the analysis refuses rather than silently sampling.
 *
 * <p>Instances are immutable and thread-safe; the builder is not.
 */
public final class KeyDriverAnalysis {

  private KeyDriverAnalysis() {}

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decomposes R-squared from correlations alone, for users who have a correlation matrix but not
   * the respondents (no Spearman correlations, no bootstrap; {@code n} reported as 0).
   *
   * @param outcome the outcome's name
   * @param drivers the drivers' names, in the order of the matrix
   * @param driverCorrelations the drivers' correlation matrix, symmetric with unit diagonal
   * @param outcomeCorrelations each driver's correlation with the outcome
   * @throws IllegalArgumentException if the shapes disagree, names repeat, a correlation is outside
   *     [-1, 1] or NaN, the matrix is not symmetric with unit diagonal, it is not positive
   *     definite, or the joint matrix of drivers and outcome is not positive semi-definite
   *     (smallest eigenvalue below {@code -1e-10}; the message gives it)
   */
  public static KeyDriverResult fromCorrelations(
      String outcome,
      List<String> drivers,
      double[][] driverCorrelations,
      double[] outcomeCorrelations) {
    Objects.requireNonNull(outcome, "outcome");
    List<String> names = List.copyOf(drivers);
    int p = names.size();
    checkArgument(p > 0, "at least one driver is needed");
    checkArgument(new HashSet<>(names).size() == p, "driver names repeat: %s", names);
    checkArgument(
        driverCorrelations.length == p && outcomeCorrelations.length == p,
        "%s driver names but a %sx? matrix and %s outcome correlations",
        p,
        driverCorrelations.length,
        outcomeCorrelations.length);
    for (int i = 0; i < p; i++) {
      checkArgument(
          driverCorrelations[i].length == p,
          "row %s of the matrix has length %s, expected %s",
          i,
          driverCorrelations[i].length,
          p);
      checkCorrelation(outcomeCorrelations[i], names.get(i), outcome);
      checkArgument(
          driverCorrelations[i][i] == 1.0,
          "diagonal entry for '%s' is %s, expected 1",
          names.get(i),
          driverCorrelations[i][i]);
      for (int j = 0; j < i; j++) {
        checkCorrelation(driverCorrelations[i][j], names.get(i), names.get(j));
        checkArgument(
            driverCorrelations[i][j] == driverCorrelations[j][i],
            "matrix is not symmetric at '%s','%s': %s vs %s",
            names.get(i),
            names.get(j),
            driverCorrelations[i][j],
            driverCorrelations[j][i]);
      }
    }
    double[][] rxx = new double[p][];
    for (int i = 0; i < p; i++) {
      rxx[i] = driverCorrelations[i].clone();
    }
    double[] rxy = outcomeCorrelations.clone();
    RSquaredDecomposition d = RSquaredDecomposition.of(rxx, rxy, names); // names a collinear driver
    checkJointPositiveSemiDefinite(rxx, rxy, names, outcome, "the given correlations");
    List<DriverImportance> out = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      out.add(importance(names.get(j), 0, rxy[j], Double.NaN, d, j, null));
    }
    return new KeyDriverResult(outcome, out, d.rSquared, 0, 0, null, 0, 0, 0);
  }

  /**
   * Smallest eigenvalue of a joint correlation matrix below which it is rejected: rounding of a
   * valid matrix stays far above it.
   */
  static final double MIN_EIGENVALUE = -1e-10;

  /**
   * Checks that the joint correlation matrix of the drivers and the outcome, {@code [[R_xx, r_xy],
   * [r_xy', 1]]}, is positive semi-definite: its smallest eigenvalue (Hipparchus' symmetric
   * eigendecomposition) is at least {@link #MIN_EIGENVALUE}. Otherwise no data have these
   * correlations and {@code R² = r_xy' R_xx^-1 r_xy} can exceed 1 (e.g. 1.28 or 209) even when
   * {@code R_xx} alone is positive definite.
   *
   * @throws IllegalArgumentException naming the smallest eigenvalue, the outcome and the drivers
   */
  static void checkJointPositiveSemiDefinite(
      double[][] rxx, double[] rxy, List<String> names, String outcome, String source) {
    int p = rxy.length;
    double[][] joint = new double[p + 1][p + 1];
    for (int i = 0; i < p; i++) {
      System.arraycopy(rxx[i], 0, joint[i], 0, p);
      joint[i][p] = rxy[i];
      joint[p][i] = rxy[i];
    }
    joint[p][p] = 1;
    double[] eigenvalues =
        new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(joint, false))
            .getEigenvalues();
    double min = Double.POSITIVE_INFINITY;
    for (double e : eigenvalues) {
      min = Math.min(min, e);
    }
    if (!(min >= MIN_EIGENVALUE)) {
      throw new IllegalArgumentException(
          "the joint correlation matrix of the outcome '"
              + outcome
              + "' and the drivers "
              + names
              + " ("
              + source
              + ") is not positive semi-definite: its smallest eigenvalue is "
              + min
              + "; no data have these correlations, and R-squared would be "
              + "meaningless (it can exceed 1). Check the correlations, or use listwise deletion");
    }
  }

  private static void checkCorrelation(double r, String a, String b) {
    checkArgument(
        r >= -1 && r <= 1, "correlation of '%s' and '%s' must be in [-1, 1], got %s", a, b, r);
  }

  private static DriverImportance importance(
      String name,
      long n,
      double pearson,
      double spearman,
      RSquaredDecomposition d,
      int j,
      DriverImportance.Intervals intervals) {
    double r2 = d.rSquared;
    return new DriverImportance(
        name,
        n,
        pearson,
        spearman,
        d.beta[j],
        d.relativeWeight[j],
        r2 > 0 ? d.relativeWeight[j] / r2 : 0,
        d.shapley[j],
        r2 > 0 ? d.shapley[j] / r2 : 0,
        intervals);
  }

  /** Collects the outcome, the drivers and the options of one analysis. */
  public static final class Builder {
    private String outcomeName;
    private double[] outcome;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> drivers = new ArrayList<>();
    private MissingRule missing = MissingRule.LISTWISE;
    private double missingCode = Double.NaN;
    private int replicates;
    private long seed;
    private double level = 0.95;

    private Builder() {}

    /**
     * Sets the outcome: one value per respondent; NaN (or the missing code) where missing.
     *
     * @throws IllegalArgumentException if a value is infinite, or the name is blank
     */
    public Builder outcome(String name, double[] values) {
      this.outcomeName = checkName(name);
      this.outcome = checkValues(name, values);
      return this;
    }

    /**
     * Adds a driver: one rating per respondent, in the outcome's order; NaN (or the missing code)
     * where missing.
     *
     * @throws IllegalArgumentException if the name is blank or repeats, or a value is infinite
     */
    public Builder driver(String name, double[] values) {
      checkName(name);
      checkArgument(!names.contains(name), "driver '%s' was added twice", name);
      names.add(name);
      drivers.add(checkValues(name, values));
      return this;
    }

    /** Sets the missing-data rule; {@link MissingRule#LISTWISE} by default. */
    public Builder missing(MissingRule rule) {
      this.missing = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Treats {@code code} as missing in the driver ratings, as surveys that code "not applicable"
     * as 0. It does not apply to the outcome (0 is a valid "no" of a 0/1 outcome). NaN is always
     * missing.
     */
    public Builder missingCode(double code) {
      this.missingCode = code;
      return this;
    }

    /**
     * Adds bootstrap percentile intervals.
     *
     * @param replicates the number of resamples, 100 to 1,000,000 (1,000 or more for 95% intervals)
     * @param seed the seed; the same seed gives the same intervals
     * @param level the confidence level, in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Builder bootstrap(int replicates, long seed, double level) {
      checkArgument(
          replicates >= 100 && replicates <= 1_000_000,
          "replicates must be in [100, 1000000], got %s",
          replicates);
      checkArgument(level > 0 && level < 1, "level must be in (0, 1), got %s", level);
      this.replicates = replicates;
      this.seed = seed;
      this.level = level;
      return this;
    }

    /**
     * Runs the analysis.
     *
     * @throws IllegalStateException if no outcome or no driver was given
     * @throws IllegalArgumentException if column lengths differ, too few respondents remain (at
     *     least drivers + 2 are needed), a column is constant, drivers are collinear, more than
     *     {@value RSquaredDecomposition#MAX_SHAPLEY_DRIVERS} drivers were given, or the pairwise
     *     correlation matrix is not positive definite; each message names the driver(s)
     */
    public KeyDriverResult run() {
      if (outcome == null) {
        throw new IllegalStateException("no outcome: call outcome(name, values) first");
      }
      if (drivers.isEmpty()) {
        throw new IllegalStateException("no drivers: call driver(name, values) at least once");
      }
      int p = drivers.size();
      checkArgument(
          p <= RSquaredDecomposition.MAX_SHAPLEY_DRIVERS,
          "at most %s drivers are supported (exact Shapley values over 2^p subsets), got %s",
          RSquaredDecomposition.MAX_SHAPLEY_DRIVERS,
          p);
      int rows = outcome.length;
      for (int j = 0; j < p; j++) {
        checkArgument(
            drivers.get(j).length == rows,
            "driver '%s' has %s values but the outcome '%s' has %s",
            names.get(j),
            drivers.get(j).length,
            outcomeName,
            rows);
      }
      List<String> all = new ArrayList<>(names);
      all.add(outcomeName);
      // Keep respondents with an outcome (and, listwise, with every driver).
      // Mark incomplete rows column by column: sequential reads of one array at a time.
      boolean[] drop = new boolean[rows];
      long withoutOutcome = 0;
      for (int i = 0; i < rows; i++) {
        boolean none = Double.isNaN(outcome[i]);
        drop[i] = none;
        withoutOutcome += none ? 1 : 0;
      }
      if (missing == MissingRule.LISTWISE) {
        double code = missingCode;
        for (double[] x : drivers) {
          for (int i = 0; i < rows; i++) {
            double v = x[i];
            drop[i] |= v != v || v == code;
          }
        }
      }
      int kept = 0;
      int[] keep = new int[rows];
      for (int i = 0; i < rows; i++) {
        if (!drop[i]) {
          keep[kept++] = i;
        }
      }
      long incomplete = rows - kept - withoutOutcome;
      checkArgument(
          kept >= p + 2,
          "%s respondents remain after %s deletion (%s without outcome, %s incomplete); "
              + "%s drivers need at least %s",
          kept,
          missing.name().toLowerCase(java.util.Locale.ROOT),
          withoutOutcome,
          incomplete,
          p,
          p + 2);
      double[][] cols = new double[p + 1][];
      if (kept == rows && missing == MissingRule.LISTWISE) {
        // Nothing is missing: the analysis only reads, so it can use the caller's arrays.
        for (int j = 0; j < p; j++) {
          cols[j] = drivers.get(j);
        }
        cols[p] = outcome;
      } else {
        for (int j = 0; j <= p; j++) {
          cols[j] = new double[kept];
        }
        for (int k = 0; k < kept; k++) {
          int i = keep[k];
          for (int j = 0; j < p; j++) {
            double x = drivers.get(j)[i];
            cols[j][k] = isMissing(x) ? Double.NaN : x;
          }
          cols[p][k] = outcome[i];
        }
      }
      List<String> driverNames = List.copyOf(names);
      RankCorrelation ranks = new RankCorrelation(cols);
      Replicate full = Replicate.compute(cols, null, missing, all, driverNames, ranks);
      long dropped = withoutOutcome + incomplete;

      double[][][] boot = null; // [measure][driver][replicate]
      int failed = 0;
      if (replicates > 0) {
        boot = new double[5][p][replicates];
        long[] seeds = new long[replicates];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < replicates; b++) {
          seeds[b] = root.nextLong();
        }
        final double[][][] out = boot;
        final int size = kept;
        boolean[] ok = new boolean[replicates];
        IntStream.range(0, replicates)
            .parallel()
            .forEach(
                b -> {
                  SplittableRandom rng = new SplittableRandom(seeds[b]);
                  int[] counts = new int[size];
                  for (int t = 0; t < size; t++) {
                    counts[rng.nextInt(size)]++;
                  }
                  Replicate r;
                  try {
                    r = Replicate.compute(cols, counts, missing, all, driverNames, ranks);
                  } catch (IllegalArgumentException e) {
                    return; // a degenerate resample (a constant column): counted as failed
                  }
                  ok[b] = true;
                  for (int j = 0; j < p; j++) {
                    out[0][j][b] = r.pearson[j];
                    out[1][j][b] = r.spearman[j];
                    out[2][j][b] = r.decomposition.beta[j];
                    out[3][j][b] = r.decomposition.relativeWeight[j];
                    out[4][j][b] = r.decomposition.shapley[j];
                  }
                });
        int good = 0;
        for (boolean g : ok) {
          good += g ? 1 : 0;
        }
        failed = replicates - good;
        checkArgument(
            good >= replicates / 2,
            "%s of %s bootstrap replicates were degenerate (a constant or collinear resample); "
                + "the sample is too small for a bootstrap",
            failed,
            replicates);
        if (failed > 0) {
          for (int m = 0; m < 5; m++) {
            for (int j = 0; j < p; j++) {
              double[] v = new double[good];
              int k = 0;
              for (int b = 0; b < replicates; b++) {
                if (ok[b]) {
                  v[k++] = out[m][j][b];
                }
              }
              out[m][j] = v;
            }
          }
        }
      }
      List<DriverImportance> result = new ArrayList<>(p);
      for (int j = 0; j < p; j++) {
        DriverImportance.Intervals iv = null;
        if (boot != null) {
          iv =
              new DriverImportance.Intervals(
                  level,
                  percentile(boot[0][j], level),
                  percentile(boot[1][j], level),
                  percentile(boot[2][j], level),
                  percentile(boot[3][j], level),
                  percentile(boot[4][j], level));
        }
        result.add(
            importance(
                names.get(j),
                full.n[j],
                full.pearson[j],
                full.spearman[j],
                full.decomposition,
                j,
                iv));
      }
      return new KeyDriverResult(
          outcomeName,
          result,
          full.decomposition.rSquared,
          kept,
          dropped,
          missing,
          replicates,
          failed,
          seed);
    }

    private boolean isMissing(double v) {
      return Double.isNaN(v) || v == missingCode;
    }

    private static String checkName(String name) {
      Objects.requireNonNull(name, "name");
      checkArgument(!name.isBlank(), "a driver or outcome name must not be blank");
      return name;
    }

    private static double[] checkValues(String name, double[] values) {
      Objects.requireNonNull(values, () -> "values of " + name);
      for (int i = 0; i < values.length; i++) {
        if (Double.isInfinite(values[i])) {
          throw new IllegalArgumentException(
              "value " + values[i] + " of '" + name + "' at index " + i + " is infinite");
        }
      }
      return values;
    }
  }

  /** Percentile interval with R's type-7 (linear interpolation) quantiles. */
  static DriverImportance.Bounds percentile(double[] values, double level) {
    double[] v = values.clone();
    Arrays.sort(v);
    double alpha = (1 - level) / 2;
    return new DriverImportance.Bounds(quantile(v, alpha), quantile(v, 1 - alpha));
  }

  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** All measures from one (re)sample. */
  private static final class Replicate {
    final double[] pearson;
    final double[] spearman;
    final long[] n;
    final RSquaredDecomposition decomposition;

    private Replicate(
        double[] pearson, double[] spearman, long[] n, RSquaredDecomposition decomposition) {
      this.pearson = pearson;
      this.spearman = spearman;
      this.n = n;
      this.decomposition = decomposition;
    }

    static Replicate compute(
        double[][] cols,
        int[] counts,
        MissingRule rule,
        List<String> all,
        List<String> driverNames,
        RankCorrelation ranks) {
      int p = cols.length - 1;
      CorrelationPass c =
          rule == MissingRule.LISTWISE
              ? CorrelationPass.listwise(cols, counts, all)
              : CorrelationPass.pairwise(cols, counts, all);
      double[][] rxx = new double[p][p];
      double[] rxy = new double[p];
      long[] n = new long[p];
      for (int a = 0; a < p; a++) {
        System.arraycopy(c.corr[a], 0, rxx[a], 0, p);
        rxy[a] = c.corr[a][p];
        n[a] = c.n[a][p];
      }
      RSquaredDecomposition d = RSquaredDecomposition.of(rxx, rxy, driverNames);
      if (rule == MissingRule.PAIRWISE) {
        checkJointPositiveSemiDefinite(rxx, rxy, driverNames, all.get(p), "pairwise deletion");
      }
      return new Replicate(rxy.clone(), ranks.spearman(counts), n, d);
    }
  }
}
