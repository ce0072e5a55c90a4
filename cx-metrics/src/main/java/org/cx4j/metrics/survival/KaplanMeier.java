package org.cx4j.metrics.survival;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.cx4j.metrics.internal.RadixSort;

/**
 * The Kaplan-Meier estimate of a survival curve (time to churn) with right censoring, optional case
 * weights and optional left truncation (late entry), its Greenwood variance, pointwise confidence
 * bands, the median survival time with its interval, and the restricted mean survival time.
 *
 * <p>At each distinct observed time {@code t_j} (an event or a censoring time) with {@code n_j} at
 * risk and {@code d_j} events:
 *
 * <pre>{@code
 * S(t_j)   = prod_{i <= j} (1 - d_i / n_i)                          (Kaplan and Meier 1958)
 * se_j^2   = sum_{i <= j} d_i / (n_i * (n_i - d_i))                 (Greenwood 1926)
 * }</pre>
 *
 * <p>{@code se} is the standard error of the cumulative hazard {@code -log S}, the {@code std.err}
 * component of an R {@code survfit} object; {@link #survivalStandardError(int)} is {@code S * se},
 * the {@code std.err} column of R's {@code summary.survfit}. With case weights, {@code n} and
 * {@code d} are sums of weights; the variance is then the Greenwood formula on the weighted counts,
 * which is R's {@code survfit(..., weights = w, robust = FALSE)}. R's default for weighted data,
 * the infinitesimal-jackknife "robust" variance ({@code robust = TRUE}), is {@link Variance#ROBUST}
 * in {@link #fit(double[], boolean[], double[], Variance)}. With left truncation a customer
 * entering at {@code a} and leaving at {@code t} is at risk at times {@code u} with {@code a < u <=
 * t}, as for R's {@code Surv(start, stop, event)}.
 *
 * <p>Results match R 4.2 / survival 3.5-3 to 1e-6 on the {@code aml} and {@code lung} data (see the
 * tests). The estimate is reported at every distinct event or censoring time, as in an R {@code
 * survfit} object; entry times are not reported.
 *
 * <p>Instances are immutable and thread-safe. Fitting sorts the times once (a radix sort of the
 * time bits, the case weights riding along; entry times in a second one): {@code O(n)} time for a
 * fixed number of key digits, {@code O(n)} extra memory.
 *
 * <p>Example:
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.fit(times, churned);
 * MedianSurvival median = km.median(ConfidenceType.LOG_LOG, 0.95);
 * RestrictedMean rmst = km.restrictedMean(365);
 * }</pre>
 */
public final class KaplanMeier {

  /** R's tolerance for "equal to 0.5" in the median, {@code sqrt(.Machine$double.eps)}. */
  private static final double MEDIAN_TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private final int records;
  private final boolean weighted;
  private final boolean truncated;
  private final double[] time;
  private final double[] atRisk;
  private final double[] events;
  private final double[] censored;
  private final double[] survival;
  private final double[] stdErr;
  private Variance variance = Variance.GREENWOOD; // set once, by the factory, before publication

  /** Which variance the standard errors, bands and median intervals use. */
  public enum Variance {
    /** Greenwood's formula on the (weighted) counts: the default. */
    GREENWOOD,
    /**
     * The infinitesimal-jackknife (robust) variance of R's {@code survfit(..., weights = w, robust
     * = TRUE)}: with {@code U_i(t) = ∂S(t)/∂w_i}, the derivative of the estimate with respect to
     * case {@code i}'s weight, {@code Var S(t) = Σ_i (w_i U_i(t))²} (Therneau and Grambsch 2000,
     * sec. 7.2; the weighted-data default in R). The log-scale standard error is {@code sqrt(Var) /
     * S}. Differentiating the product limit gives, for a case whose time is {@code t_k}, {@code
     * U_i(t_j) / S(t_j) = G(min(j, k))} for a censored case or one still at risk, and {@code G(k -
     * 1) - 1 / n_k} for a case churning at {@code t_k <= t_j}, with {@code G(j) = Σ_{l <= j} d_l /
     * (n_l (n_l - d_l))}; the sum over cases runs in {@code O(n log m)}.
     */
    ROBUST
  }

  private KaplanMeier(
      int records,
      boolean weighted,
      boolean truncated,
      double[] time,
      double[] atRisk,
      double[] events,
      double[] censored) {
    this.records = records;
    this.weighted = weighted;
    this.truncated = truncated;
    this.time = time;
    this.atRisk = atRisk;
    this.events = events;
    this.censored = censored;
    int m = time.length;
    this.survival = new double[m];
    this.stdErr = new double[m];
    double s = 1.0;
    double greenwood = 0.0;
    for (int j = 0; j < m; j++) {
      double d = events[j];
      if (d > 0) {
        double n = atRisk[j];
        s *= 1.0 - d / n;
        // n == d gives d / 0 = +Infinity, R's std.err of Inf where the curve drops to 0.
        greenwood += d / (n * (n - d));
      }
      survival[j] = s;
      stdErr[j] = Math.sqrt(greenwood);
    }
  }

  /**
   * Fits the Kaplan-Meier estimate to right-censored times.
   *
   * @param times the observed time of each customer (churn or censoring), finite and {@code >= 0}
   * @param events {@code events[i]} is true when customer {@code i} churned at {@code times[i]} and
   *     false when it was still active then (censored)
   * @return the estimate; with no customers, an empty curve ({@link #size()} 0, no median)
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a time is negative, NaN or
   *     infinite
   */
  public static KaplanMeier fit(double[] times, boolean[] events) {
    checkLengths(times, events);
    int n = times.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      double t = times[i];
      checkTime(t, i);
      // Non-negative doubles order like their bit patterns (as unsigned longs). Shifting left
      // makes room for the event flag (the sign bit is 0 so nothing is lost); censorings (flag 0)
      // sort before events at the same time, which does not matter as they are counted together.
      keys[i] = (Double.doubleToRawLongBits(t + 0.0) << 1) | (events[i] ? 1L : 0L);
    }
    keys = RadixSort.sort(keys).keys();
    int m = 0;
    long previous = 0;
    for (int i = 0; i < n; i++) {
      long tb = keys[i] >>> 1;
      if (i == 0 || tb != previous) {
        m++;
        previous = tb;
      }
    }
    double[] time = new double[m];
    double[] atRisk = new double[m];
    double[] ev = new double[m];
    double[] cens = new double[m];
    long remaining = n;
    int i = 0;
    for (int j = 0; j < m; j++) {
      long tb = keys[i] >>> 1;
      int start = i;
      long d = 0;
      while (i < n && (keys[i] >>> 1) == tb) {
        d += keys[i] & 1L;
        i++;
      }
      long count = i - start;
      time[j] = Double.longBitsToDouble(tb);
      atRisk[j] = remaining;
      ev[j] = d;
      cens[j] = count - d;
      remaining -= count;
    }
    return new KaplanMeier(n, false, false, time, atRisk, ev, cens);
  }

  /**
   * Fits the Kaplan-Meier estimate to right-censored times with case weights (a weight of 2 counts
   * as two identical customers).
   *
   * @param times the observed times, finite and {@code >= 0}
   * @param events true for churn, false for censored
   * @param weights the case weights, finite and {@code > 0}
   * @return the estimate; with no customers, an empty curve
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, or a time or weight is out of range
   */
  public static KaplanMeier fit(double[] times, boolean[] events, double[] weights) {
    checkLengths(times, events);
    if (weights.length != times.length) {
      throw new IllegalArgumentException(
          "weights must have the length of times (" + times.length + "), got " + weights.length);
    }
    return fitGeneral(null, times, events, weights);
  }

  /**
   * Fits the Kaplan-Meier estimate to right-censored times with case weights and the chosen
   * variance: {@link Variance#GREENWOOD} is {@link #fit(double[], boolean[], double[])}; {@link
   * Variance#ROBUST} replaces the standard errors (and so the bands and median intervals) with the
   * infinitesimal-jackknife ones of R's {@code robust = TRUE}.
   *
   * @param times the observed times, finite and {@code >= 0}
   * @param events true for churn, false for censored
   * @param weights the case weights, finite and {@code > 0}
   * @param variance the variance estimator
   * @return the estimate; with no customers, an empty curve
   * @throws NullPointerException if an array or {@code variance} is null
   * @throws IllegalArgumentException if the lengths differ, or a time or weight is out of range
   */
  public static KaplanMeier fit(
      double[] times, boolean[] events, double[] weights, Variance variance) {
    java.util.Objects.requireNonNull(variance, "variance");
    KaplanMeier km = fit(times, events, weights);
    if (variance == Variance.ROBUST) {
      km.useRobustVariance(times, events, weights);
    }
    return km;
  }

  /** Returns the variance the standard errors use. */
  public Variance variance() {
    return variance;
  }

  // See Variance.ROBUST for the formula.
  private void useRobustVariance(double[] times, boolean[] ev, double[] weights) {
    int m = time.length;
    double[] g = new double[m];
    double cum = 0;
    for (int j = 0; j < m; j++) {
      double d = events[j];
      if (d > 0) {
        double n = atRisk[j];
        cum += d / (n * (n - d));
      }
      g[j] = cum;
    }
    double[] fixedAt = new double[m]; // Σ w² c² of cases whose influence is fixed from t_k on
    double[] w2At = new double[m]; // Σ w² of cases whose time is t_k
    for (int i = 0; i < times.length; i++) {
      int k = upperBound(time, times[i]) - 1;
      double w2 = weights[i] * weights[i];
      double c = ev[i] ? (k == 0 ? 0 : g[k - 1]) - 1 / atRisk[k] : g[k];
      fixedAt[k] += w2 * c * c;
      w2At[k] += w2;
    }
    double later = 0;
    for (double x : w2At) {
      later += x;
    }
    double fixed = 0;
    for (int j = 0; j < m; j++) {
      fixed += fixedAt[j];
      later -= w2At[j];
      double v = fixed + Math.max(0, later) * g[j] * g[j];
      stdErr[j] = Double.isFinite(g[j]) ? Math.sqrt(v) : Double.POSITIVE_INFINITY;
    }
    variance = Variance.ROBUST;
  }

  /**
   * Fits the Kaplan-Meier estimate to left-truncated, right-censored data: customer {@code i} is
   * observed from {@code entries[i]} (exclusive) to {@code times[i]} (inclusive), R's {@code
   * Surv(entries, times, events)}.
   *
   * @param entries the entry (late-entry, truncation) times, each {@code < times[i]}; {@code
   *     Double.NEGATIVE_INFINITY} (or any value below every time) for a customer observed from the
   *     start
   * @param times the observed times, finite and {@code >= 0}
   * @param events true for churn, false for censored
   * @param weights the case weights (finite, {@code > 0}), or {@code null} for weight 1
   * @return the estimate; with no customers, an empty curve
   * @throws NullPointerException if {@code entries}, {@code times} or {@code events} is null
   * @throws IllegalArgumentException if the lengths differ, a value is out of range, or an entry is
   *     not before its time
   */
  public static KaplanMeier fitTruncated(
      double[] entries, double[] times, boolean[] events, double[] weights) {
    checkLengths(times, events);
    if (entries.length != times.length) {
      throw new IllegalArgumentException(
          "entries must have the length of times (" + times.length + "), got " + entries.length);
    }
    if (weights != null && weights.length != times.length) {
      throw new IllegalArgumentException(
          "weights must have the length of times (" + times.length + "), got " + weights.length);
    }
    return fitGeneral(entries, times, events, weights);
  }

  private static KaplanMeier fitGeneral(
      double[] entries, double[] times, boolean[] events, double[] weights) {
    int n = times.length;
    long[] keys = new long[n];
    double[] w = weights == null ? null : new double[n];
    int lateCount = 0;
    for (int i = 0; i < n; i++) {
      double t = times[i];
      checkTime(t, i);
      keys[i] = (Double.doubleToRawLongBits(t + 0.0) << 1) | (events[i] ? 1L : 0L);
      if (weights != null) {
        double wi = weights[i];
        if (!(wi > 0) || wi == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException(
              "weights[" + i + "] must be finite and > 0, got " + wi);
        }
        w[i] = wi;
      }
      if (entries != null) {
        double a = entries[i];
        if (!(a < t)) {
          throw new IllegalArgumentException(
              "entries[" + i + "] must be < times[" + i + "] = " + t + " (and not NaN), got " + a);
        }
        if (a != Double.NEGATIVE_INFINITY) {
          lateCount++;
        }
      }
    }
    // Sort (time, event) keys with the weights riding along: one radix sort, no index sort.
    RadixSort.Sorted sorted = RadixSort.sort(keys, w, Long.SIZE);
    keys = sorted.keys();
    w = sorted.doublePayload();
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || (keys[i] >>> 1) != (keys[i - 1] >>> 1)) {
        m++;
      }
    }
    double[] time = new double[m];
    double[] ev = new double[m];
    double[] cens = new double[m];
    int j = -1;
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      if (i == 0 || (k >>> 1) != (keys[i - 1] >>> 1)) {
        j++;
        time[j] = Double.longBitsToDouble(k >>> 1);
      }
      double wi = w == null ? 1.0 : w[i];
      if ((k & 1L) != 0) {
        ev[j] += wi;
      } else {
        cens[j] += wi;
      }
    }
    // Entry times in the same unsigned order (sign-aware transform, negative entries allowed),
    // weights riding along; customers observed from the start (-Infinity) never leave the risk set
    // for lack of entry and are left out.
    long[] lateKeys = null;
    double[] lateWeights = null;
    if (lateCount > 0) {
      lateKeys = new long[lateCount];
      lateWeights = weights == null ? null : new double[lateCount];
      int q = 0;
      for (int i = 0; i < n; i++) {
        double a = entries[i];
        if (a != Double.NEGATIVE_INFINITY) {
          lateKeys[q] = sortable(a);
          if (lateWeights != null) {
            lateWeights[q] = weights[i];
          }
          q++;
        }
      }
      RadixSort.Sorted late = RadixSort.sort(lateKeys, lateWeights, Long.SIZE);
      lateKeys = late.keys();
      lateWeights = late.doublePayload();
    }
    double[] atRisk = new double[m];
    // From the last time backwards: suffix sums of non-negative terms, no cancellation. At time t
    // the customers with entry >= t have not entered yet (at risk means entry < t <= stop).
    double leaving = 0;
    double notYetEntered = 0;
    int p = lateCount - 1;
    for (int jj = m - 1; jj >= 0; jj--) {
      leaving += ev[jj] + cens[jj];
      if (lateKeys != null) {
        long tk = sortable(time[jj]);
        while (p >= 0 && Long.compareUnsigned(lateKeys[p], tk) >= 0) {
          notYetEntered += lateWeights == null ? 1.0 : lateWeights[p];
          p--;
        }
      }
      atRisk[jj] = leaving - notYetEntered;
    }
    return new KaplanMeier(n, weights != null, entries != null, time, atRisk, ev, cens);
  }

  /** Maps a double to a long whose unsigned order is the numeric order (-0.0 taken as 0.0). */
  private static long sortable(double x) {
    long b = Double.doubleToRawLongBits(x + 0.0);
    return b ^ ((b >> 63) | Long.MIN_VALUE);
  }

  /** Returns the number of sorted values {@code <= x}. */
  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkLengths(double[] times, boolean[] events) {
    if (times.length != events.length) {
      throw new IllegalArgumentException(
          "events must have the length of times (" + times.length + "), got " + events.length);
    }
  }

  private static void checkTime(double t, int i) {
    if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("times[" + i + "] must be finite and >= 0, got " + t);
    }
  }

  /** Returns the number of input records (customers) the curve was fitted to. */
  public int records() {
    return records;
  }

  /** Returns whether the curve was fitted with case weights. */
  public boolean isWeighted() {
    return weighted;
  }

  /** Returns whether the curve was fitted with entry (left-truncation) times. */
  public boolean isTruncated() {
    return truncated;
  }

  /** Returns the number of distinct event or censoring times, the rows of the curve. */
  public int size() {
    return time.length;
  }

  /**
   * Returns the {@code j}-th distinct observed time, ascending.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= j < size()}
   */
  public double time(int j) {
    return time[j];
  }

  /** Returns the (weighted) number at risk just before {@link #time(int) time(j)}. */
  public double atRisk(int j) {
    return atRisk[j];
  }

  /** Returns the (weighted) number of events (churns) at {@link #time(int) time(j)}. */
  public double events(int j) {
    return events[j];
  }

  /** Returns the (weighted) number censored at {@link #time(int) time(j)}. */
  public double censored(int j) {
    return censored[j];
  }

  /** Returns the (weighted) total number of events. */
  public double totalEvents() {
    double sum = 0;
    for (double d : events) {
      sum += d;
    }
    return sum;
  }

  /** Returns the Kaplan-Meier estimate {@code S(time(j))}, in {@code [0, 1]}. */
  public double survival(int j) {
    return survival[j];
  }

  /**
   * Returns the Greenwood standard error of the cumulative hazard at {@code time(j)}, {@code
   * sqrt(sum d / (n (n - d)))} (R's {@code fit$std.err}); {@code +Infinity} from the time the last
   * customer at risk churns (then {@code S = 0}).
   */
  public double standardError(int j) {
    return stdErr[j];
  }

  /**
   * Returns the Greenwood standard error of the survival estimate, {@code S * se} (the {@code
   * std.err} column of R's {@code summary.survfit}); 0 where {@code S = 0}.
   */
  public double survivalStandardError(int j) {
    return survival[j] == 0.0 ? 0.0 : survival[j] * stdErr[j];
  }

  /**
   * Returns the estimate at any time: {@code S(t)} of the step function, 1 before the first event.
   *
   * @throws IllegalArgumentException if {@code t} is NaN
   */
  public double survivalAt(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t must not be NaN");
    }
    int k = upperBound(time, t);
    return k == 0 ? 1.0 : survival[k - 1];
  }

  /**
   * Returns the pointwise confidence band of the curve at every {@link #time(int)}, as R's {@code
   * survfit(..., conf.type, conf.int = level)}.
   *
   * @param type the scale of the interval
   * @param level the confidence level, in {@code (0, 1)}, e.g. 0.95
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public SurvivalBand confidenceBand(ConfidenceType type, double level) {
    double z = zValue(level);
    int m = time.length;
    double[] lower = new double[m];
    double[] upper = new double[m];
    double[] pair = new double[2];
    for (int j = 0; j < m; j++) {
      type.limits(survival[j], stdErr[j], z, pair);
      lower[j] = pair[0];
      upper[j] = pair[1];
    }
    return new SurvivalBand(type, level, time, lower, upper);
  }

  /** Returns R's default band: {@code confidenceBand(ConfidenceType.LOG, 0.95)}. */
  public SurvivalBand confidenceBand() {
    return confidenceBand(ConfidenceType.LOG, 0.95);
  }

  static double zValue(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /**
   * Returns the median survival time and its confidence interval, as R's {@code print.survfit}
   * reports them.
   *
   * <p>The median is the first time at which {@code S < 0.5 + tol} ({@code tol = sqrt(machine
   * epsilon)}); where {@code S} equals 0.5 (within {@code tol}) on a flat piece, it is the midpoint
   * between the start of that piece and the next time the curve drops. The lower limit is the same
   * rule applied to the lower band, the upper limit to the upper band; points where a band is
   * undefined are skipped (R's {@code survmean}). Each part is empty where the curve or band never
   * reaches 0.5 (for example when every customer is censored), never NaN.
   *
   * @param type the scale of the band the interval is read from
   * @param level the confidence level, in {@code (0, 1)}
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public MedianSurvival median(ConfidenceType type, double level) {
    Objects.requireNonNull(type, "type");
    double z = zValue(level);
    // The band is evaluated lazily, only up to where it crosses 0.5: no band arrays are built.
    return new MedianSurvival(
        crossingOfSurvival(), crossing(null, type, z, 0), crossing(null, type, z, 1), type, level);
  }

  /** Returns the median with R's default interval, {@code median(ConfidenceType.LOG, 0.95)}. */
  public MedianSurvival median() {
    return median(ConfidenceType.LOG, 0.95);
  }

  /**
   * R's {@code minmin} in {@code survmean}: the first time y < 0.5, midpoint rule at 0.5. {@code y}
   * is {@code curve} when {@code side < 0}, else side 0 (lower) or 1 (upper) of the band of {@code
   * type}, computed on the fly and skipped where undefined.
   */
  private OptionalDouble crossing(double[] curve, ConfidenceType type, double z, int side) {
    double[] pair = new double[2];
    int m = time.length;
    // The upper band is never below S, so it cannot fall under 0.5 + tol before S does: start
    // there (S is non-increasing, so that index is found by bisection).
    int from = side == 1 ? firstBelow(survival, 0.5 + MEDIAN_TOLERANCE) : 0;
    int first = -1;
    double y1 = Double.NaN;
    double y = Double.NaN;
    double logC = Math.log(0.5 + MEDIAN_TOLERANCE);
    for (int j = from; j < m; j++) {
      if (curve == null) {
        // Censoring rows repeat S and se, hence the band: reuse the previous value.
        if (j > from && survival[j] == survival[j - 1] && stdErr[j] == stdErr[j - 1]) {
          continue; // same limit as the previous row, which was not below (else we had stopped)
        } else if (!type.mayBeBelow(survival[j], stdErr[j], z, side, logC)) {
          y = Double.NaN; // provably not below 0.5 + tol: skip the exact limit
          continue;
        } else {
          y = value(curve, type, z, side, j, pair);
        }
      } else {
        y = curve[j];
      }
      if (!Double.isNaN(y) && y < 0.5 + MEDIAN_TOLERANCE) {
        first = j;
        y1 = y;
        break;
      }
    }
    if (first < 0) {
      return OptionalDouble.empty();
    }
    if (Math.abs(y1 - 0.5) < MEDIAN_TOLERANCE) {
      for (int j = first + 1; j < m; j++) {
        y = value(curve, type, z, side, j, pair);
        if (!Double.isNaN(y) && y < y1) {
          return OptionalDouble.of((time[first] + time[j]) / 2);
        }
      }
    }
    return OptionalDouble.of(time[first]);
  }

  private OptionalDouble crossingOfSurvival() {
    return crossing(survival, null, 0, -1);
  }

  /** Returns the first index of the non-increasing {@code y} with {@code y < c}, or its length. */
  private static int firstBelow(double[] y, double c) {
    int lo = 0;
    int hi = y.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (y[mid] < c) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private double value(
      double[] curve, ConfidenceType type, double z, int side, int j, double[] pair) {
    if (side < 0) {
      return curve[j];
    }
    type.limits(survival[j], stdErr[j], z, pair);
    return pair[side];
  }

  /**
   * Returns the restricted mean survival time up to {@code horizon}, {@code integral_0^horizon S(t)
   * dt}, with its standard error, as R's {@code print(survfit(...), rmean = horizon)}.
   *
   * <pre>{@code
   * rmst   = sum of rectangles of the step function S on [0, horizon]
   * var    = sum_{event times t_j <= horizon} A_j^2 * d_j / (n_j (n_j - d_j)),
   *          A_j = integral_{t_j}^{horizon} S(t) dt                  (terms with n_j = d_j are 0)
   * }</pre>
   *
   * <p>(Klein and Moeschberger 2003, section 4.5; R's {@code survmean}.) With no customers, the
   * estimate is {@code horizon} with standard error 0.
   *
   * @param horizon the upper limit of the integral, finite and {@code > 0}
   * @throws IllegalArgumentException if {@code horizon} is not finite and positive
   */
  public RestrictedMean restrictedMean(double horizon) {
    if (!(horizon > 0) || horizon == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("horizon must be finite and > 0, got " + horizon);
    }
    int keep = upperBound(time, horizon);
    // Area after each kept time, accumulated from the horizon backwards.
    double mean = 0;
    double after = 0;
    double var = 0;
    double right = horizon;
    for (int j = keep - 1; j >= 0; j--) {
      double piece = (right - time[j]) * survival[j];
      after += piece;
      double n = atRisk[j];
      double d = events[j];
      if (d > 0 && n - d != 0) {
        var += after * after * d / (n * (n - d));
      }
      right = time[j];
    }
    mean = after + right; // the first rectangle, from 0 to the first time, has height 1
    return new RestrictedMean(horizon, mean, Math.sqrt(var));
  }

  /** Returns a new, empty {@link Accumulator}. */
  public static Accumulator accumulator() {
    return new Accumulator();
  }

  /**
   * Returns a collector fitting the Kaplan-Meier estimate to a stream of customers; its combiner is
   * {@link Accumulator#merge(Accumulator)}, so parallel streams give the same curve.
   *
   * @param time the observed time of a customer, finite and {@code >= 0}
   * @param event whether the customer churned (true) or was censored (false)
   * @param <T> the element type
   */
  public static <T> Collector<T, Accumulator, KaplanMeier> toKaplanMeier(
      ToDoubleFunction<? super T> time, Predicate<? super T> event) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    return Collector.of(
        Accumulator::new,
        (acc, x) -> acc.add(time.applyAsDouble(x), event.test(x)),
        Accumulator::merge,
        Accumulator::result);
  }

  /**
   * Collects survival records one by one (or merges partial collections) and fits the curve with
   * {@link #result()}. The curve does not depend on the order of the records, so merging is
   * associative and commutative and equals adding every record to one accumulator.
   *
   * <p>Not thread-safe: use one per thread and {@link #merge(Accumulator)} them. Memory: 25 bytes a
   * record.
   */
  public static final class Accumulator {
    private double[] times = new double[16];
    private boolean[] events = new boolean[16];
    private double[] weights; // null while every weight is 1
    private double[] entries; // null while no record has an entry time
    private int n;

    private Accumulator() {}

    /**
     * Adds a right-censored record of weight 1.
     *
     * @throws IllegalArgumentException if {@code time} is negative, NaN or infinite
     */
    public Accumulator add(double time, boolean event) {
      return add(Double.NEGATIVE_INFINITY, time, event, 1.0);
    }

    /**
     * Adds a right-censored record with a case weight.
     *
     * @throws IllegalArgumentException if {@code time} or {@code weight} is out of range
     */
    public Accumulator add(double time, boolean event, double weight) {
      return add(Double.NEGATIVE_INFINITY, time, event, weight);
    }

    /**
     * Adds a left-truncated record: observed from {@code entry} (exclusive) to {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} or {@code weight} is out of range, or {@code
     *     entry} is not below {@code time}
     */
    public Accumulator add(double entry, double time, boolean event, double weight) {
      checkTime(time, n);
      if (!(weight > 0) || weight == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
      }
      if (!(entry < time)) {
        throw new IllegalArgumentException(
            "entry must be < time = " + time + " (and not NaN), got " + entry);
      }
      grow(n + 1);
      times[n] = time;
      events[n] = event;
      if (weight != 1.0 && weights == null) {
        weights = new double[times.length];
        Arrays.fill(weights, 0, n, 1.0);
      }
      if (weights != null) {
        weights[n] = weight;
      }
      if (entry != Double.NEGATIVE_INFINITY && entries == null) {
        entries = new double[times.length];
        Arrays.fill(entries, 0, n, Double.NEGATIVE_INFINITY);
      }
      if (entries != null) {
        entries[n] = entry;
      }
      n++;
      return this;
    }

    /** Adds all records of {@code other} (which is left unchanged) and returns this accumulator. */
    public Accumulator merge(Accumulator other) {
      Accumulator o = Objects.requireNonNull(other, "other");
      int m = o.n; // read first: other may be this
      grow(n + m);
      if (o.weights != null && weights == null) {
        weights = new double[times.length];
        Arrays.fill(weights, 0, n, 1.0);
      }
      if (o.entries != null && entries == null) {
        entries = new double[times.length];
        Arrays.fill(entries, 0, n, Double.NEGATIVE_INFINITY);
      }
      System.arraycopy(o.times, 0, times, n, m);
      System.arraycopy(o.events, 0, events, n, m);
      if (weights != null) {
        if (o.weights != null) {
          System.arraycopy(o.weights, 0, weights, n, m);
        } else {
          Arrays.fill(weights, n, n + m, 1.0);
        }
      }
      if (entries != null) {
        if (o.entries != null) {
          System.arraycopy(o.entries, 0, entries, n, m);
        } else {
          Arrays.fill(entries, n, n + m, Double.NEGATIVE_INFINITY);
        }
      }
      n += m;
      return this;
    }

    /** Returns the number of records added. */
    public int count() {
      return n;
    }

    /** Returns the Kaplan-Meier estimate of the records added so far (a snapshot). */
    public KaplanMeier result() {
      double[] t = Arrays.copyOf(times, n);
      boolean[] e = Arrays.copyOf(events, n);
      double[] w = weights == null ? null : Arrays.copyOf(weights, n);
      if (entries != null) {
        return fitTruncated(Arrays.copyOf(entries, n), t, e, w);
      }
      return w == null ? fit(t, e) : fit(t, e, w);
    }

    private void grow(int need) {
      if (need > times.length) {
        int cap = Math.max(need, times.length * 2);
        times = Arrays.copyOf(times, cap);
        events = Arrays.copyOf(events, cap);
        if (weights != null) {
          weights = Arrays.copyOf(weights, cap);
        }
        if (entries != null) {
          entries = Arrays.copyOf(entries, cap);
        }
      }
    }

    @Override
    public String toString() {
      return "KaplanMeier.Accumulator["
          + n
          + " records"
          + (weights != null ? ", weighted" : "")
          + (entries != null ? ", truncated" : "")
          + "]";
    }
  }

  @Override
  public String toString() {
    MedianSurvival med = median();
    return String.format(
        Locale.ROOT,
        "KaplanMeier[records=%d, times=%d, events=%s%s%s, median=%s]",
        records,
        time.length,
        fmt(totalEvents()),
        weighted ? ", weighted" : "",
        truncated ? ", truncated" : "",
        med.toShortString());
  }

  static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * Returns a table like R's {@code summary(survfit(...))}: time, at risk, events, censored,
   * survival, its standard error and the band, one row per distinct time.
   */
  public String table(ConfidenceType type, double level) {
    SurvivalBand band = confidenceBand(type, level);
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%10s %10s %8s %8s %8s %8s %8s %8s%n",
                "time",
                "n.risk",
                "n.event",
                "n.cens",
                "surv",
                "std.err",
                "lower",
                "upper"));
    for (int j = 0; j < time.length; j++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%10s %10s %8s %8s %8.4f %8.4f %8s %8s%n",
              fmt(time[j]),
              fmt(atRisk[j]),
              fmt(events[j]),
              fmt(censored[j]),
              survival[j],
              survivalStandardError(j),
              SurvivalBand.na(band.lowerArray()[j]),
              SurvivalBand.na(band.upperArray()[j])));
    }
    return sb.toString();
  }
}
