package org.cx4j.metrics.weighting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raking (iterative proportional fitting, rim weighting) of survey weights to known population
 * margins on several variables (Deming and Stephan 1940; R {@code survey::rake}, {@code anesrake}).
 *
 * <p>Starting from base weights (or 1), each sweep visits the variables in the order they were
 * added and multiplies the weights of every respondent in category {@code c} of variable {@code v}
 * by {@code target(v, c) / Σ_{i in c} w_i}, so that variable's margins hold exactly; the sweeps
 * repeat until every margin of every variable is within {@code tolerance} of its target, relative
 * to the population total:
 *
 * <pre>{@code max_{v,c} |Σ_{i in (v,c)} w_i - target(v, c)| / total <= tolerance}</pre>
 *
 * When a solution exists the limit is the weighting closest to the base weights in the
 * Kullback-Leibler sense that reproduces the margins; in a two-way table it keeps the sample's
 * cross-product ratios (Bishop, Fienberg and Holland 1975, ch. 3). R's {@code survey::rake} stops
 * after 10 sweeps at {@code epsilon = 1} by default; this class rakes to convergence.
 *
 * <p><b>Trimming</b> as in {@code anesrake} (Pasek 2018): with {@link Builder#trimAt(double)} a cap
 * of {@code multiplier} times the mean raked weight ({@code total / n}, default multiplier 5) is
 * applied after every sweep, and sweeps continue until the margins and the cap hold together (R's
 * {@code survey::trimWeights} trims once and does not re-rake). A cap that no weighting can meet
 * ends in {@link RakingFailedException}.
 *
 * <p>Margins are population totals per category (counts, or proportions summing to 1): every
 * variable must have the same total, and the raked weights sum to it. Errors are never fixed
 * silently: a category with a target but no respondents, margins with different totals, a response
 * without one of the variables or with a category that has no target, and non-convergence each
 * throw, naming the variable and the category.
 *
 * <pre>{@code
 * Raking raking = Raking.builder()
 *     .margin("segment", Map.of("consumer", 7000.0, "business", 3000.0))
 *     .margin("channel", Map.of("web", 5500.0, "store", 4500.0))
 *     .trimAt(5)
 *     .build();
 * RakingResult r = raking.rake(responses);                 // List<Map<String, String>>
 * NetPromoterScore nps = NetPromoterScore.of(scores, r.weights());
 * }</pre>
 *
 * <p>Immutable and thread-safe; one {@code Raking} may rake many samples.
 */
public final class Raking {

  /** The default convergence tolerance, relative to the population total. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  /** The default cap on sweeps. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  /** The default trimming cap, as a multiple of the mean weight ({@code anesrake}'s default). */
  public static final double DEFAULT_TRIM_MULTIPLIER = 5;

  private final Map<String, Map<String, Double>> margins;
  private final double total;
  private final double tolerance;
  private final int maxIterations;
  private final double trimMultiplier;

  private Raking(Builder b) {
    this.margins = b.freeze();
    this.total = b.checkTotals();
    this.tolerance = b.tolerance;
    this.maxIterations = b.maxIterations;
    this.trimMultiplier = b.trimMultiplier;
  }

  /** Returns a builder with no margins, the default tolerance and iteration cap, no trimming. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Raking}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Map<String, Double>> margins = new LinkedHashMap<>();
    private double tolerance = DEFAULT_TOLERANCE;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private double trimMultiplier = Double.POSITIVE_INFINITY;

    private Builder() {}

    /**
     * Adds a variable with its population margin: the target total of each category. The
     * categories' order is kept for diagnostics when the map keeps one (for example {@link
     * LinkedHashMap}).
     *
     * @throws IllegalArgumentException if the variable was already added, the margin is empty, or a
     *     target is not positive and finite (naming the variable and the category)
     * @throws NullPointerException if an argument, a category or a target is null
     */
    public Builder margin(String variable, Map<String, ? extends Number> targets) {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(targets, "targets");
      if (margins.containsKey(variable)) {
        throw new IllegalArgumentException("variable '" + variable + "' was already added");
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(
            "margin of variable '" + variable + "' must have at least one category");
      }
      Map<String, Double> copy = new LinkedHashMap<>();
      for (Map.Entry<String, ? extends Number> e : targets.entrySet()) {
        String category = Objects.requireNonNull(e.getKey(), "category of " + variable);
        double t = Objects.requireNonNull(e.getValue(), "target of " + variable).doubleValue();
        if (!(t > 0) || !Double.isFinite(t)) {
          throw new IllegalArgumentException(
              "target of variable '"
                  + variable
                  + "' category '"
                  + category
                  + "' must be positive and finite, got "
                  + t);
        }
        copy.put(category, t);
      }
      margins.put(variable, Collections.unmodifiableMap(copy));
      return this;
    }

    /**
     * Sets the convergence tolerance: the largest margin error allowed, relative to the population
     * total (default {@value Raking#DEFAULT_TOLERANCE}).
     *
     * @throws IllegalArgumentException if {@code tolerance} is not in (0, 1)
     */
    public Builder tolerance(double tolerance) {
      if (!(tolerance > 0 && tolerance < 1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the cap on sweeps (default {@value Raking#DEFAULT_MAX_ITERATIONS}).
     *
     * @throws IllegalArgumentException if {@code maxIterations < 1}
     */
    public Builder maxIterations(int maxIterations) {
      if (maxIterations < 1) {
        throw new IllegalArgumentException(
            "maxIterations must be at least 1, got " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Trims weights to {@code multiplier} times the mean weight after every sweep, re-raking until
     * both the margins and the cap hold ({@code anesrake}'s default multiplier is 5: {@link
     * #trimAt()}).
     *
     * @throws IllegalArgumentException if {@code multiplier} is not above 1 and finite
     */
    public Builder trimAt(double multiplier) {
      if (!(multiplier > 1) || !Double.isFinite(multiplier)) {
        throw new IllegalArgumentException(
            "trim multiplier must be above 1 and finite, got " + multiplier);
      }
      this.trimMultiplier = multiplier;
      return this;
    }

    /** Trims at {@value Raking#DEFAULT_TRIM_MULTIPLIER} times the mean weight. */
    public Builder trimAt() {
      return trimAt(DEFAULT_TRIM_MULTIPLIER);
    }

    private Map<String, Map<String, Double>> freeze() {
      if (margins.isEmpty()) {
        throw new IllegalArgumentException("raking needs at least one margin");
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(margins));
    }

    private double checkTotals() {
      String first = null;
      double firstTotal = 0;
      for (Map.Entry<String, Map<String, Double>> e : margins.entrySet()) {
        double t = 0;
        for (double v : e.getValue().values()) {
          t += v;
        }
        if (first == null) {
          first = e.getKey();
          firstTotal = t;
        } else if (Math.abs(t - firstTotal) > 1e-9 * Math.max(t, firstTotal)) {
          throw new IllegalArgumentException(
              "margins must have the same total: variable '"
                  + first
                  + "' sums to "
                  + firstTotal
                  + ", variable '"
                  + e.getKey()
                  + "' to "
                  + t);
        }
      }
      return firstTotal;
    }

    /**
     * Returns the configured raking.
     *
     * @throws IllegalArgumentException if no margin was added or the margins' totals differ (naming
     *     the two variables and their totals; relative difference above 1e-9)
     */
    public Raking build() {
      return new Raking(this);
    }
  }

  /** Returns the margins by variable, in the order added. */
  public Map<String, Map<String, Double>> margins() {
    return margins;
  }

  /** Returns the population total every variable's margin sums to. */
  public double total() {
    return total;
  }

  /** Returns the tolerance, relative to the total. */
  public double tolerance() {
    return tolerance;
  }

  /** Returns the cap on sweeps. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Returns the trimming multiplier; infinite when weights are not trimmed. */
  public double trimMultiplier() {
    return trimMultiplier;
  }

  /**
   * Rakes responses from base weights of 1.
   *
   * @throws IllegalArgumentException see {@link #rake(List, double[])}
   * @throws RakingFailedException see {@link #rake(List, double[])}
   */
  public RakingResult rake(List<? extends Map<String, String>> responses) {
    double[] ones = new double[responses.size()];
    java.util.Arrays.fill(ones, 1);
    return rake(responses, ones);
  }

  /**
   * Rakes responses from base weights (design weights, or the weights of an earlier step).
   *
   * @param responses each respondent's category of every raking variable (other keys ignored)
   * @param baseWeights one positive, finite weight per response
   * @throws IllegalArgumentException if there are no responses, the lengths differ, a base weight
   *     is not positive and finite (naming its index), a response lacks a variable or holds a
   *     category without a target (naming the response index, the variable and the category), or a
   *     category with a target has no respondents (naming the variable and the category)
   * @throws RakingFailedException if the margins (and the cap, when trimming) do not hold within
   *     the tolerance after {@code maxIterations} sweeps; it names the worst variable and category
   */
  public RakingResult rake(List<? extends Map<String, String>> responses, double[] baseWeights) {
    int n = responses.size();
    if (n == 0) {
      throw new IllegalArgumentException("raking needs at least 1 response, got 0");
    }
    if (baseWeights.length != n) {
      throw new IllegalArgumentException(
          "baseWeights must have one entry per response (" + n + "), got " + baseWeights.length);
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double b = baseWeights[i];
      if (!(b > 0) || !Double.isFinite(b)) {
        throw new IllegalArgumentException(
            "base weight of response " + i + " must be positive and finite, got " + b);
      }
      w[i] = b;
    }
    int k = margins.size();
    String[] names = margins.keySet().toArray(new String[0]);
    String[][] categories = new String[k][];
    double[][] targets = new double[k][];
    int[][] cell = new int[k][n];
    for (int v = 0; v < k; v++) {
      Map<String, Double> m = margins.get(names[v]);
      categories[v] = m.keySet().toArray(new String[0]);
      targets[v] = new double[categories[v].length];
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int c = 0; c < categories[v].length; c++) {
        index.put(categories[v][c], c);
        targets[v][c] = m.get(categories[v][c]);
      }
      int[] count = new int[categories[v].length];
      for (int i = 0; i < n; i++) {
        Map<String, String> r = responses.get(i);
        if (r == null) {
          throw new NullPointerException("response " + i);
        }
        String value = r.get(names[v]);
        if (value == null) {
          throw new IllegalArgumentException(
              "response " + i + " has no value for raking variable '" + names[v] + "'");
        }
        Integer c = index.get(value);
        if (c == null) {
          throw new IllegalArgumentException(
              "response "
                  + i
                  + " has category '"
                  + value
                  + "' of variable '"
                  + names[v]
                  + "', which has no target in the margin "
                  + m.keySet());
        }
        cell[v][i] = c;
        count[c]++;
      }
      for (int c = 0; c < count.length; c++) {
        if (count[c] == 0) {
          throw new IllegalArgumentException(
              "category '"
                  + categories[v][c]
                  + "' of variable '"
                  + names[v]
                  + "' has target "
                  + targets[v][c]
                  + " but no respondents");
        }
      }
    }
    double cap = trimMultiplier * total / n;
    double[] sums = new double[16];
    int iterations = 0;
    int trimmed = 0;
    Worst worst = null;
    while (iterations < maxIterations) {
      iterations++;
      for (int v = 0; v < k; v++) {
        double[] s = categorySums(w, cell[v], categories[v].length, sums);
        double[] factor = new double[s.length];
        for (int c = 0; c < s.length; c++) {
          factor[c] = targets[v][c] / s[c];
        }
        int[] cv = cell[v];
        for (int i = 0; i < n; i++) {
          w[i] *= factor[cv[i]];
        }
      }
      trimmed = 0;
      if (trimMultiplier < Double.POSITIVE_INFINITY) {
        for (int i = 0; i < n; i++) {
          if (w[i] > cap) {
            w[i] = cap;
            trimmed++;
          }
        }
      }
      worst = worst(w, names, categories, targets, cell, sums);
      if (worst.error <= tolerance * total) {
        return new RakingResult(
            w,
            baseWeights,
            achieved(w, names, categories, cell, sums),
            margins,
            iterations,
            worst.error / total,
            trimMultiplier,
            cap,
            trimmed);
      }
      if (!Double.isFinite(worst.error)) {
        break;
      }
    }
    throw new RakingFailedException(
        "raking did not converge in "
            + iterations
            + " sweeps"
            + (trimMultiplier < Double.POSITIVE_INFINITY
                ? " with weights trimmed at " + trimMultiplier + " x the mean weight (" + cap + ")"
                : "")
            + ": variable '"
            + worst.variable
            + "' category '"
            + worst.category
            + "' reaches "
            + worst.achieved
            + " against the target "
            + worst.target
            + " (error "
            + worst.error / total
            + " of the total, tolerance "
            + tolerance
            + ")",
        worst.variable,
        worst.category,
        worst.achieved,
        worst.target,
        iterations);
  }

  private static double[] categorySums(double[] w, int[] cell, int m, double[] scratch) {
    double[] s = scratch.length >= m ? scratch : new double[m];
    java.util.Arrays.fill(s, 0, m, 0);
    for (int i = 0; i < w.length; i++) {
      s[cell[i]] += w[i];
    }
    return java.util.Arrays.copyOf(s, m);
  }

  private record Worst(
      String variable, String category, double achieved, double target, double error) {}

  private static Worst worst(
      double[] w,
      String[] names,
      String[][] categories,
      double[][] targets,
      int[][] cell,
      double[] scratch) {
    Worst worst = null;
    for (int v = 0; v < names.length; v++) {
      double[] s = categorySums(w, cell[v], categories[v].length, scratch);
      for (int c = 0; c < s.length; c++) {
        double err = Math.abs(s[c] - targets[v][c]);
        if (worst == null || err > worst.error || Double.isNaN(err)) {
          worst = new Worst(names[v], categories[v][c], s[c], targets[v][c], err);
        }
      }
    }
    return worst;
  }

  private static Map<String, Map<String, Double>> achieved(
      double[] w, String[] names, String[][] categories, int[][] cell, double[] scratch) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int v = 0; v < names.length; v++) {
      double[] s = categorySums(w, cell[v], categories[v].length, scratch);
      Map<String, Double> m = new LinkedHashMap<>();
      for (int c = 0; c < s.length; c++) {
        m.put(categories[v][c], s[c]);
      }
      out.put(names[v], Collections.unmodifiableMap(m));
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    margins.forEach((v, m) -> parts.add(v + " " + m));
    return "Raking["
        + String.join("; ", parts)
        + ", total "
        + total
        + ", tolerance "
        + tolerance
        + ", max "
        + maxIterations
        + " sweeps"
        + (trimMultiplier < Double.POSITIVE_INFINITY
            ? ", trim at " + trimMultiplier + " x mean"
            : "")
        + "]";
  }
}
