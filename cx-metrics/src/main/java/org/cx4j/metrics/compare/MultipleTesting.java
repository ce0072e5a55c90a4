package org.cx4j.metrics.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Multiple-testing control for a family of p-values (one per segment, touchpoint or key): the
 * Benjamini-Hochberg step-up procedure, which controls the false discovery rate, and Holm's
 * step-down procedure, which controls the family-wise error rate. Adjusted values follow the
 * definitions of R's {@code p.adjust} ({@code "BH"} and {@code "holm"}), so a hypothesis is
 * rejected at level {@code alpha} exactly when its adjusted value is {@code <= alpha}.
 *
 * <p>Stateless; all methods are thread-safe. An empty family gives an empty result.
 */
public final class MultipleTesting {

  private MultipleTesting() {}

  /** The adjustment procedure. */
  public enum Method {
    /**
     * Benjamini and Hochberg (1995), J. R. Stat. Soc. B 57:289-300: with the p-values sorted
     * ascending, {@code p_(1) <= ... <= p_(n)}, {@code q_(i) = min_{j >= i} min(1, n p_(j) / j)}.
     * Controls the false discovery rate at {@code alpha} for independent or positively dependent
     * tests (PRDS).
     */
    BENJAMINI_HOCHBERG,
    /**
     * Holm (1979), Scand. J. Statist. 6:65-70: {@code p~_(i) = min(1, max_{j <= i} (n - j + 1)
     * p_(j))}. Controls the family-wise error rate at {@code alpha} under any dependence.
     */
    HOLM
  }

  /**
   * One hypothesis of a family.
   *
   * @param index its position in the input
   * @param pValue the unadjusted p-value, in [0, 1]
   * @param adjusted the adjusted value (q-value for Benjamini-Hochberg), in [pValue, 1]
   * @param rejected whether {@code adjusted <= level}
   */
  public record Hypothesis(int index, double pValue, double adjusted, boolean rejected) {}

  /**
   * The adjusted family.
   *
   * @param method the procedure used
   * @param level the level {@code alpha} (FDR or FWER) at which {@link Hypothesis#rejected} was
   *     decided
   * @param hypotheses one entry per input p-value, in input order; empty for an empty family
   */
  public record Result(Method method, double level, List<Hypothesis> hypotheses) {

    /** Copies the hypotheses. */
    public Result {
      Objects.requireNonNull(method, "method");
      hypotheses = List.copyOf(hypotheses);
    }

    /** Returns the number of rejected hypotheses; 0 for an empty family. */
    public int rejections() {
      int r = 0;
      for (Hypothesis h : hypotheses) {
        r += h.rejected() ? 1 : 0;
      }
      return r;
    }

    /** Returns the adjusted values in input order (a fresh array); empty for an empty family. */
    public double[] adjusted() {
      double[] a = new double[hypotheses.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = hypotheses.get(i).adjusted();
      }
      return a;
    }

    /** Returns the hypothesis at input position {@code index}. */
    public Hypothesis get(int index) {
      return hypotheses.get(index);
    }
  }

  /**
   * Adjusts {@code pValues} by {@code method} and rejects those with an adjusted value {@code <=
   * level}.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), or a p-value is NaN or
   *     outside [0, 1] (the message names its index and value)
   */
  public static Result test(Method method, double level, double... pValues) {
    Objects.requireNonNull(method, "method");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double[] adj = adjust(method, pValues);
    List<Hypothesis> hs = new ArrayList<>(adj.length);
    for (int i = 0; i < adj.length; i++) {
      hs.add(new Hypothesis(i, pValues[i], adj[i], adj[i] <= level));
    }
    return new Result(method, level, hs);
  }

  /**
   * Returns the adjusted values of {@code pValues} by {@code method}, in input order; an empty
   * array for an empty input.
   *
   * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
   */
  public static double[] adjust(Method method, double... pValues) {
    Objects.requireNonNull(method, "method");
    return switch (method) {
      case BENJAMINI_HOCHBERG -> benjaminiHochberg(pValues);
      case HOLM -> holm(pValues);
    };
  }

  /**
   * Returns Benjamini-Hochberg q-values in input order: {@code q_(i) = min_{j >= i} min(1, n p_(j)
   * / j)} over the ascending order, computed in one pass from the largest p-value down (R's {@code
   * p.adjust(p, "BH")}). Tied p-values get the same q-value. Empty input gives an empty array.
   *
   * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
   */
  public static double[] benjaminiHochberg(double... pValues) {
    int n = pValues.length;
    int[] order = ascendingOrder(pValues);
    double[] q = new double[n];
    double running = 1;
    for (int rank = n; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, (double) n * pValues[i] / rank);
      q[i] = running;
    }
    return q;
  }

  /**
   * Returns Holm-adjusted p-values in input order: {@code p~_(i) = min(1, max_{j <= i} (n - j + 1)
   * p_(j))} over the ascending order (R's {@code p.adjust(p, "holm")}). Empty input gives an empty
   * array.
   *
   * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
   */
  public static double[] holm(double... pValues) {
    int n = pValues.length;
    int[] order = ascendingOrder(pValues);
    double[] a = new double[n];
    double running = 0;
    for (int rank = 1; rank <= n; rank++) {
      int i = order[rank - 1];
      running = Math.max(running, Math.min(1, (double) (n - rank + 1) * pValues[i]));
      a[i] = running;
    }
    return a;
  }

  // Indices sorted by p-value; validates on the way. Sorting (p, index) pairs packed in a long
  // would be faster, but families here are keys of a monitor (hundreds), not millions.
  private static int[] ascendingOrder(double[] p) {
    Objects.requireNonNull(p, "pValues");
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(
            "p-value at index " + i + " must be in [0, 1], got " + p[i]);
      }
    }
    Integer[] boxed = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (x, y) -> Double.compare(p[x], p[y]));
    int[] order = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }
}
