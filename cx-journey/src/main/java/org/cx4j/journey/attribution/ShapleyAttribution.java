package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Shapley-value attribution over channels: a cooperative game whose players are the channels and
 * whose value {@code v(S)} of a coalition S is read from the journeys whose channels all lie in S.
 * The Shapley value {@code phi_c = sum over S not containing c of |S|! (n-|S|-1)! / n! (v(S + c) -
 * v(S))} is the only split that is efficient, symmetric, additive and gives nothing to a channel
 * that adds nothing (Shapley 1953; for attribution, Dalessandro et al. 2012).
 *
 * <ul>
 *   <li>{@link #presence}: {@code v(S)} = conversions of journeys whose channel set lies within S.
 *       Each path contributes a unanimity game on its channel set, whose Shapley value splits the
 *       path's conversions equally among its distinct channels: exact in closed form, for any
 *       number of channels.
 *   <li>{@link #conversionRate}: {@code v(S)} = conversion rate of the journeys whose channel set
 *       lies within S (0 when there are none). Exact over all subsets up to {@value
 *       #MAX_EXACT_CHANNELS} channels; above that, estimated from random orders of the channels
 *       with a seed, and the standard error of each channel's value reported. The Shapley values
 *       sum to the overall conversion rate (efficiency), and each channel's credit is its value's
 *       share of that sum times the total conversions (and conversion value), so the credits sum to
 *       the totals. A channel whose presence lowers the conversion rate has a negative Shapley
 *       value: its credit is then negative and the shares are not confined to [0, 1] (no clipping,
 *       which would break the sum). The other games' shares lie in [0, 1].
 *   <li>{@link #orderedPresence}: the order-aware variant of the presence game (after the "ordered
 *       Shapley" of Zhao, Mahboobi and Bagheri 2018, arXiv 1804.05327): each channel's presence
 *       credit is split further by the position (1st, 2nd, ...) at which the channel first appears
 *       in the journey, so an analyst sees whether a channel earns its credit opening journeys or
 *       closing them. Summed over positions it equals {@link #presence}.
 * </ul>
 */
public final class ShapleyAttribution {

  /** The most channels for which the conversion-rate game is solved exactly (2^15 subsets). */
  public static final int MAX_EXACT_CHANNELS = 15;

  /** The most channels: channel sets are 64-bit masks. */
  public static final int MAX_CHANNELS = 63;

  private ShapleyAttribution() {}

  /** Returns presence-based Shapley attribution (exact, closed form). */
  public static AttributionResult presence(PathData data) {
    Objects.requireNonNull(data, "data");
    int c = data.channels().size();
    KahanSum[] conv = sums(c);
    KahanSum[] val = sums(c);
    boolean[] seen = new boolean[c];
    int[] distinct = new int[c];
    for (int p = 0; p < data.size(); p++) {
      if (data.conversions(p) == 0) {
        continue;
      }
      int k = distinctChannels(data, p, seen, distinct);
      double cs = (double) data.conversions(p) / k;
      double vs = data.value(p) / k;
      for (int i = 0; i < k; i++) {
        conv[distinct[i]].add(cs);
        val[distinct[i]].add(vs);
      }
    }
    return AttributionResult.of("shapley_presence", data.channels(), values(conv), values(val));
  }

  /**
   * Returns the order-aware presence game: credit per channel and per position of the channel's
   * first appearance among the path's distinct channels (positions past {@code maxPosition} pooled
   * in the last).
   *
   * @throws IllegalArgumentException if {@code maxPosition < 1}
   */
  public static OrderedResult orderedPresence(PathData data, int maxPosition) {
    Objects.requireNonNull(data, "data");
    checkArgument(maxPosition >= 1, "maxPosition must be >= 1, got %s", maxPosition);
    int c = data.channels().size();
    double[][] credit = new double[c][maxPosition];
    boolean[] seen = new boolean[c];
    int[] distinct = new int[c];
    for (int p = 0; p < data.size(); p++) {
      if (data.conversions(p) == 0) {
        continue;
      }
      int k = distinctChannels(data, p, seen, distinct);
      double share = (double) data.conversions(p) / k;
      for (int i = 0; i < k; i++) {
        credit[distinct[i]][Math.min(i, maxPosition - 1)] += share;
      }
    }
    return new OrderedResult(data.channels(), credit);
  }

  /**
   * Presence credit by channel and position of first appearance.
   *
   * @param channels the channel names
   * @param credit {@code credit[channel][position]}, conversions
   */
  public record OrderedResult(List<String> channels, double[][] credit) {

    /** Copies {@code credit} (every row), so that the caller's arrays cannot change the result. */
    public OrderedResult {
      channels = List.copyOf(channels);
      credit = deepCopy(credit);
    }

    /** Returns a copy of {@code credit[channel][position]}, conversions. */
    @Override
    public double[][] credit() {
      return deepCopy(credit);
    }

    private static double[][] deepCopy(double[][] a) {
      double[][] c = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        c[i] = a[i].clone();
      }
      return c;
    }

    /** Returns the conversions credited to {@code channel} at 0-based {@code position}. */
    public double credit(String channel, int position) {
      int i = channels.indexOf(channel);
      checkArgument(i >= 0, "no channel '%s'", channel);
      return credit[i][position];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OrderedResult r
          && channels.equals(r.channels)
          && java.util.Arrays.deepEquals(credit, r.credit);
    }

    @Override
    public int hashCode() {
      return channels.hashCode() * 31 + java.util.Arrays.deepHashCode(credit);
    }

    @Override
    public String toString() {
      StringBuilder sb =
          new StringBuilder("OrderedShapley[conversions by position of first touch]");
      for (int i = 0; i < channels.size(); i++) {
        sb.append(System.lineSeparator()).append("  ").append(channels.get(i)).append(':');
        for (double v : credit[i]) {
          sb.append(String.format(java.util.Locale.ROOT, " %.2f", v));
        }
      }
      return sb.toString();
    }
  }

  /**
   * Returns conversion-rate Shapley attribution: exact up to {@value #MAX_EXACT_CHANNELS} channels,
   * else sampled over {@code samples} random orders from {@code seed}.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_CHANNELS} channels, no
   *     conversion, or {@code samples < 100}
   */
  public static RateResult conversionRate(PathData data, int samples, long seed) {
    Objects.requireNonNull(data, "data");
    int c = data.channels().size();
    checkArgument(c <= MAX_CHANNELS, "at most %s channels, got %s", MAX_CHANNELS, c);
    checkArgument(samples >= 100, "samples must be >= 100, got %s", samples);
    long totalConv = data.totalConversions();
    checkArgument(totalConv > 0, "the paths hold no conversion: nothing to attribute");
    // Aggregate conversions and journeys per distinct channel-set mask.
    java.util.HashMap<Long, double[]> byMask = new java.util.HashMap<>();
    for (int p = 0; p < data.size(); p++) {
      long mask = 0;
      for (int t = 0; t < data.length(p); t++) {
        mask |= 1L << data.touch(p, t);
      }
      double[] a = byMask.computeIfAbsent(mask, k -> new double[2]);
      a[0] += data.conversions(p);
      a[1] += data.conversions(p) + data.nulls(p);
    }
    long[] masks = new long[byMask.size()];
    double[] mConv = new double[masks.length];
    double[] mAll = new double[masks.length];
    int i = 0;
    for (var e : byMask.entrySet()) {
      masks[i] = e.getKey();
      mConv[i] = e.getValue()[0];
      mAll[i] = e.getValue()[1];
      i++;
    }
    double[] phi;
    double[] se;
    boolean exact = c <= MAX_EXACT_CHANNELS;
    if (exact) {
      phi = exactRate(c, masks, mConv, mAll);
      se = new double[c];
    } else {
      double[][] r = sampledRate(c, masks, mConv, mAll, samples, seed);
      phi = r[0];
      se = r[1];
    }
    double sum = 0;
    for (double v : phi) {
      sum += v;
    }
    double totalValue = data.totalValue();
    double[] conv = new double[c];
    double[] val = new double[c];
    for (int j = 0; j < c; j++) {
      double share = sum > 0 ? phi[j] / sum : 0;
      conv[j] = totalConv * share;
      val[j] = totalValue * share;
    }
    String model = exact ? "shapley_conversion_rate" : "shapley_conversion_rate(sampled)";
    return new RateResult(
        AttributionResult.of(model, data.channels(), conv, val),
        phi,
        se,
        exact,
        exact ? 0 : samples,
        seed);
  }

  /**
   * The conversion-rate game's result.
   *
   * @param attribution the credits, scaled to the total conversions and value
   * @param shapley each channel's Shapley value of the conversion-rate game (sums to the overall
   *     conversion rate)
   * @param standardError each value's Monte Carlo standard error (0 when exact)
   * @param exact whether the values are exact
   * @param samples random orders drawn (0 when exact)
   * @param seed the seed of the sampled estimate
   */
  public record RateResult(
      AttributionResult attribution,
      double[] shapley,
      double[] standardError,
      boolean exact,
      int samples,
      long seed) {

    /** Copies the arrays, so that the caller's arrays cannot change the result. */
    public RateResult {
      shapley = shapley.clone();
      standardError = standardError.clone();
    }

    /** Returns a copy of each channel's Shapley value of the conversion-rate game. */
    @Override
    public double[] shapley() {
      return shapley.clone();
    }

    /** Returns a copy of each value's Monte Carlo standard error (0 when exact). */
    @Override
    public double[] standardError() {
      return standardError.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RateResult r
          && attribution.equals(r.attribution)
          && java.util.Arrays.equals(shapley, r.shapley)
          && java.util.Arrays.equals(standardError, r.standardError)
          && exact == r.exact
          && samples == r.samples
          && seed == r.seed;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribution, java.util.Arrays.hashCode(shapley), exact, samples, seed);
    }

    @Override
    public String toString() {
      return (exact ? "exact " : "sampled (" + samples + " orders, seed " + seed + ") ")
          + attribution;
    }
  }

  private static double[] exactRate(int c, long[] masks, double[] conv, double[] all) {
    int full = 1 << c;
    double[] sc = new double[full];
    double[] sa = new double[full];
    for (int i = 0; i < masks.length; i++) {
      sc[(int) masks[i]] += conv[i];
      sa[(int) masks[i]] += all[i];
    }
    // Zeta transform: sum over all submasks, O(2^c c).
    for (int b = 0; b < c; b++) {
      for (int m = 0; m < full; m++) {
        if ((m & (1 << b)) != 0) {
          sc[m] += sc[m ^ (1 << b)];
          sa[m] += sa[m ^ (1 << b)];
        }
      }
    }
    double[] v = new double[full];
    for (int m = 0; m < full; m++) {
      v[m] = sa[m] > 0 ? sc[m] / sa[m] : 0;
    }
    double[] weight = new double[c];
    for (int s = 0; s < c; s++) {
      double comb = 1;
      for (int i = 1; i <= s; i++) {
        comb = comb * (c - 1 - s + i) / i;
      }
      weight[s] = 1.0 / (c * comb);
    }
    double[] phi = new double[c];
    for (int m = 0; m < full; m++) {
      int size = Integer.bitCount(m);
      if (size == c) {
        continue;
      }
      for (int j = 0; j < c; j++) {
        if ((m & (1 << j)) == 0) {
          phi[j] += weight[size] * (v[m | (1 << j)] - v[m]);
        }
      }
    }
    return phi;
  }

  private static double[][] sampledRate(
      int c, long[] masks, double[] conv, double[] all, int samples, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] mean = new double[c];
    double[] m2 = new double[c];
    int[] order = new int[c];
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < c; j++) {
        order[j] = j;
      }
      for (int j = c - 1; j > 0; j--) {
        int k = rng.nextInt(j + 1);
        int t = order[j];
        order[j] = order[k];
        order[k] = t;
      }
      long coalition = 0;
      double prev = 0;
      for (int j : order) {
        coalition |= 1L << j;
        double cs = 0;
        double as = 0;
        for (int i = 0; i < masks.length; i++) {
          if ((masks[i] & ~coalition) == 0) {
            cs += conv[i];
            as += all[i];
          }
        }
        double v = as > 0 ? cs / as : 0;
        double gain = v - prev;
        prev = v;
        double d = gain - mean[j];
        mean[j] += d / (s + 1);
        m2[j] += d * (gain - mean[j]);
      }
    }
    double[] se = new double[c];
    for (int j = 0; j < c; j++) {
      se[j] = Math.sqrt(m2[j] / (samples - 1) / samples);
    }
    return new double[][] {mean, se};
  }

  /**
   * Writes the distinct channels of path {@code p} into {@code distinct} in order of first touch
   * and returns how many; {@code seen} is scratch space, all false before and after.
   */
  private static int distinctChannels(PathData data, int p, boolean[] seen, int[] distinct) {
    int k = 0;
    for (int t = 0; t < data.length(p); t++) {
      int ch = data.touch(p, t);
      if (!seen[ch]) {
        seen[ch] = true;
        distinct[k++] = ch;
      }
    }
    for (int i = 0; i < k; i++) {
      seen[distinct[i]] = false;
    }
    return k;
  }

  private static KahanSum[] sums(int n) {
    KahanSum[] s = new KahanSum[n];
    for (int i = 0; i < n; i++) {
      s[i] = new KahanSum();
    }
    return s;
  }

  private static double[] values(KahanSum[] s) {
    double[] v = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      v[i] = s[i].value();
    }
    return v;
  }
}
