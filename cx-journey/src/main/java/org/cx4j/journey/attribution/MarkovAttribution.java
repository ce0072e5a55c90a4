package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * Markov-chain attribution (Anderl, Becker, von Wangenheim and Schumann 2016, "Mapping the
 * customer journey: lessons learned from graph-based online attribution modeling", IJRM 33(3)).
 *
 * <p>Every journey is a walk from a start state through channel states to one of two absorbing
 * states, conversion or null. With order {@code k} a state is the last {@code k} channels touched
 * (the first states of a journey hold fewer). Transition probabilities are the observed transition
 * counts, each path row weighted by its number of journeys (conversions + nulls), normalized per
 * state. The conversion probability is the probability of absorption in the conversion state from
 * the start.
 *
 * <p>The <em>removal effect</em> of channel c is {@code 1 - P(conversion without c) / P(conversion)},
 * where removing c sends every transition into a state containing c to the null state. Channel c
 * then receives {@code removal effect / sum of removal effects} of all conversions and of all
 * conversion value.
 *
 * <p>Absorption probabilities are solved exactly: by dense LU (Hipparchus) up to 200 states, and
 * above that by Gauss-Seidel on the sparse transition matrix (self-loops solved in closed form,
 * iterated until no probability changes by more than 1e-15). The same data always give the same
 * credits: no simulation, no seed.
 */
public final class MarkovAttribution {

  /** The most channels: state keys pack up to {@value #MAX_ORDER} channel codes in a long. */
  public static final int MAX_CHANNELS = 255;

  /** The highest order supported. */
  public static final int MAX_ORDER = 7;

  private static final int START = 0;
  private static final int CONVERSION = 1;
  private static final int NULL = 2;
  private static final double TOLERANCE = 1e-15;
  private static final int MAX_SWEEPS = 1_000_000;
  /** Up to this many states the chain is solved by dense LU, above by sparse Gauss-Seidel. */
  private static final int DIRECT_SOLVE_STATES = 200;

  private MarkovAttribution() {}

  /**
   * Fits the chain of the given order and attributes conversions by removal effects.
   *
   * @throws IllegalArgumentException if {@code order} is not in 1..{@value #MAX_ORDER}, there are
   *     more than {@value #MAX_CHANNELS} channels, or the data hold no conversion
   */
  public static MarkovResult fit(PathData data, int order) {
    Objects.requireNonNull(data, "data");
    checkArgument(
        order >= 1 && order <= MAX_ORDER, "order must be in 1..%s, got %s", MAX_ORDER, order);
    int channels = data.channels().size();
    checkArgument(
        channels <= MAX_CHANNELS, "at most %s channels are supported, got %s", MAX_CHANNELS,
        channels);
    long totalConversions = data.totalConversions();
    checkArgument(
        totalConversions > 0,
        "the %s paths hold no conversion: there is nothing to attribute", data.size());

    Chain chain = Chain.count(data, order);
    double p = chain.conversionProbability(-1);
    double[] removal = new double[channels];
    double sum = 0;
    for (int c = 0; c < channels; c++) {
      removal[c] = Math.max(0, 1 - chain.conversionProbability(c) / p);
      sum += removal[c];
    }
    double totalValue = data.totalValue();
    double[] conv = new double[channels];
    double[] value = new double[channels];
    for (int c = 0; c < channels; c++) {
      double share = sum > 0 ? removal[c] / sum : 0;
      conv[c] = totalConversions * share;
      value[c] = totalValue * share;
    }
    AttributionResult credit =
        AttributionResult.of("markov(order=" + order + ")", data.channels(), conv, value);
    return new MarkovResult(
        order, chain.stateCount() - 3, chain.transitions(data.channels()), p, removal, credit);
  }

  /**
   * The fitted chain's summary and the attribution.
   *
   * @param order the order
   * @param states the number of channel states (start, conversion and null not counted)
   * @param transitions the transition matrix: every observed transition with its probability,
   *     by source state then target state
   * @param conversionProbability the probability of absorption in conversion from the start
   * @param removalEffects each channel's removal effect, in channel-code order
   * @param attribution the credit per channel
   */
  public record MarkovResult(
      int order,
      int states,
      List<Transition> transitions,
      double conversionProbability,
      double[] removalEffects,
      AttributionResult attribution) {

    /** Returns the removal effect of the named channel. */
    public double removalEffect(String channel) {
      List<AttributionResult.ChannelCredit> cs = attribution.channels();
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i).channel().equals(channel)) {
          return removalEffects[i];
        }
      }
      throw new IllegalArgumentException("no channel '" + channel + "'");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MarkovResult m
          && order == m.order
          && states == m.states
          && transitions.equals(m.transitions)
          && Double.compare(conversionProbability, m.conversionProbability) == 0
          && Arrays.equals(removalEffects, m.removalEffects)
          && attribution.equals(m.attribution);
    }

    @Override
    public int hashCode() {
      return Objects.hash(order, states, conversionProbability, Arrays.hashCode(removalEffects));
    }

    @Override
    public String toString() {
      return String.format(
              java.util.Locale.ROOT,
              "MarkovResult[order %d, %d states, %d transitions, P(conversion)=%.6f]%n",
              order, states, transitions.size(), conversionProbability)
          + attribution;
    }
  }

  /**
   * One entry of the transition matrix. States are named by their channels joined with {@code
   * ","} (order above 1), plus {@code (start)}, {@code (conversion)} and {@code (null)}.
   *
   * @param from the source state
   * @param to the target state
   * @param probability the transition probability; a state's probabilities sum to 1
   */
  public record Transition(String from, String to, double probability) {}

  /** The transition structure in compressed sparse rows, with the channels each state holds. */
  static final class Chain {
    final int[] rowStart;
    final int[] target;
    final double[] prob;
    /** For each state, the channel codes it contains (empty for start/absorbing). */
    final int[][] contains;

    private Chain(int[] rowStart, int[] target, double[] prob, int[][] contains) {
      this.rowStart = rowStart;
      this.target = target;
      this.prob = prob;
      this.contains = contains;
    }

    int stateCount() {
      return contains.length;
    }

    List<Transition> transitions(List<String> channels) {
      String[] label = new String[contains.length];
      label[START] = "(start)";
      label[CONVERSION] = "(conversion)";
      label[NULL] = "(null)";
      for (int s = 3; s < contains.length; s++) {
        StringBuilder sb = new StringBuilder();
        // contains[] holds the channels newest first; show them in journey order.
        for (int i = contains[s].length - 1; i >= 0; i--) {
          sb.append(sb.length() == 0 ? "" : ",").append(channels.get(contains[s][i]));
        }
        label[s] = sb.toString();
      }
      List<Transition> out = new ArrayList<>(target.length);
      for (int s = 0; s < contains.length; s++) {
        for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
          out.add(new Transition(label[s], label[target[e]], prob[e]));
        }
      }
      return List.copyOf(out);
    }

    int edgeCount() {
      return target.length;
    }

    static Chain count(PathData data, int order) {
      if (order == 1) {
        return countFirstOrder(data);
      }
      int channels = data.channels().size();
      long base = channels + 1L;
      int[] offsets = data.offsetsArray();
      int[] touches = data.touchesArray();
      // State ids: 0 start, 1 conversion, 2 null, then channel states by first appearance.
      LongDoubleMap ids = new LongDoubleMap(order == 1 ? channels : 1024);
      List<long[]> keysSeen = new ArrayList<>();
      LongDoubleMap edges = new LongDoubleMap(4096);
      int next = 3;
      for (int p = 0; p < data.size(); p++) {
        double journeys = (double) data.conversions(p) + data.nulls(p);
        if (journeys == 0) {
          continue;
        }
        int from = START;
        int lo = offsets[p];
        int hi = offsets[p + 1];
        for (int t = lo; t < hi; t++) {
          long key = 0;
          for (int s = Math.max(lo, t - order + 1); s <= t; s++) {
            key = key * base + touches[s] + 1;
          }
          int slot = ids.find(key);
          int to;
          if (slot < 0) {
            to = next++;
            ids.add(key, to);
            keysSeen.add(new long[] {key, to});
          } else {
            to = (int) ids.value(slot);
          }
          edges.add(((long) from << 32) | to, journeys);
          from = to;
        }
        if (data.conversions(p) > 0) {
          edges.add(((long) from << 32) | CONVERSION, data.conversions(p));
        }
        if (data.nulls(p) > 0) {
          edges.add(((long) from << 32) | NULL, data.nulls(p));
        }
      }
      int states = next;
      int[][] contains = new int[states][];
      contains[START] = contains[CONVERSION] = contains[NULL] = new int[0];
      for (long[] kv : keysSeen) {
        long key = kv[0];
        int[] tmp = new int[order];
        int n = 0;
        while (key > 0) {
          tmp[n++] = (int) (key % base) - 1;
          key /= base;
        }
        contains[(int) kv[1]] = Arrays.copyOf(tmp, n);
      }
      return compress(states, edges, contains);
    }

    /**
     * Order 1: the state of a touch is its channel, so transitions count straight into a dense
     * (channels + 3)^2 matrix with no hashing; this is the hot path of the common case.
     */
    private static Chain countFirstOrder(PathData data) {
      int channels = data.channels().size();
      int states = channels + 3;
      int[] offsets = data.offsetsArray();
      int[] touches = data.touchesArray();
      // Journey counts are whole numbers: long increments have no floating-point latency chain
      // when a sticky channel hits the same cell touch after touch.
      long[] dense = new long[states * states];
      for (int p = 0; p < data.size(); p++) {
        long conv = data.conversions(p);
        long nul = data.nulls(p);
        long journeys = conv + nul;
        if (journeys == 0) {
          continue;
        }
        int from = START;
        for (int t = offsets[p]; t < offsets[p + 1]; t++) {
          int to = touches[t] + 3;
          dense[from * states + to] += journeys;
          from = to;
        }
        dense[from * states + CONVERSION] += conv;
        dense[from * states + NULL] += nul;
      }
      // States by first appearance would need a second pass; channel code order is as stable.
      int[][] contains = new int[states][];
      contains[START] = contains[CONVERSION] = contains[NULL] = new int[0];
      for (int c = 0; c < channels; c++) {
        contains[c + 3] = new int[] {c};
      }
      LongDoubleMap edges = new LongDoubleMap(states * 4);
      for (int f = 0; f < states; f++) {
        for (int t = 0; t < states; t++) {
          long w = dense[f * states + t];
          if (w != 0) {
            edges.add(((long) f << 32) | t, w);
          }
        }
      }
      return compress(states, edges, contains);
    }

    private static Chain compress(int states, LongDoubleMap edges, int[][] contains) {
      // CSR by source state.
      int[] rowCount = new int[states + 1];
      for (int s = 0; s < edges.capacity(); s++) {
        if (edges.occupied(s)) {
          rowCount[(int) (edges.key(s) >>> 32) + 1]++;
        }
      }
      for (int i = 0; i < states; i++) {
        rowCount[i + 1] += rowCount[i];
      }
      int[] fill = Arrays.copyOf(rowCount, states);
      int[] target = new int[edges.size()];
      double[] weight = new double[edges.size()];
      for (int s = 0; s < edges.capacity(); s++) {
        if (edges.occupied(s)) {
          long k = edges.key(s);
          int from = (int) (k >>> 32);
          int at = fill[from]++;
          target[at] = (int) k;
          weight[at] = edges.value(s);
        }
      }
      // Sort each row by target so that results do not depend on hash order.
      for (int i = 0; i < states; i++) {
        sortRow(target, weight, rowCount[i], rowCount[i + 1]);
        double total = 0;
        for (int e = rowCount[i]; e < rowCount[i + 1]; e++) {
          total += weight[e];
        }
        for (int e = rowCount[i]; e < rowCount[i + 1]; e++) {
          weight[e] /= total;
        }
      }
      return new Chain(rowCount, target, weight, contains);
    }

    private static void sortRow(int[] t, double[] w, int lo, int hi) {
      for (int i = lo + 1; i < hi; i++) {
        int kt = t[i];
        double kw = w[i];
        int j = i - 1;
        while (j >= lo && t[j] > kt) {
          t[j + 1] = t[j];
          w[j + 1] = w[j];
          j--;
        }
        t[j + 1] = kt;
        w[j + 1] = kw;
      }
    }

    /**
     * Returns the absorption probability in conversion from the start, with channel {@code
     * removed} taken out (every state containing it absorbs as null), or none when -1.
     */
    double conversionProbability(int removed) {
      int n = stateCount();
      boolean[] dead = new boolean[n];
      if (removed >= 0) {
        for (int s = 3; s < n; s++) {
          for (int c : contains[s]) {
            if (c == removed) {
              dead[s] = true;
              break;
            }
          }
        }
      }
      return n <= DIRECT_SOLVE_STATES ? solveDirect(dead) : solveIterative(dead);
    }

    /**
     * Dense LU of {@code (I - Q) x = b} over all states (absorbing and removed states as identity
     * rows with {@code b = 1} for conversion, 0 otherwise): exact to rounding, and for small
     * chains far cheaper than iterating to 1e-15.
     */
    private double solveDirect(boolean[] dead) {
      int n = stateCount();
      double[][] a = new double[n][n];
      double[] b = new double[n];
      for (int s = 0; s < n; s++) {
        a[s][s] = 1;
        if (s == CONVERSION) {
          b[s] = 1;
          continue;
        }
        if (s == NULL || dead[s]) {
          continue;
        }
        for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
          a[s][target[e]] -= prob[e];
        }
      }
      return new LUDecomposition(new Array2DRowRealMatrix(a, false))
          .getSolver()
          .solve(new ArrayRealVector(b, false))
          .getEntry(START);
    }

    private double solveIterative(boolean[] dead) {
      int n = stateCount();
      double[] x = new double[n];
      x[CONVERSION] = 1;
      for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
        double change = 0;
        // Channel states in reverse order of first appearance, then the start: later states
        // tend to lie nearer absorption, so Gauss-Seidel propagates in few sweeps.
        for (int s = n - 1; s >= 0; s--) {
          if (s == CONVERSION || s == NULL || dead[s]) {
            continue;
          }
          double acc = 0;
          double self = 0;
          for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
            int t = target[e];
            if (t == s) {
              self += prob[e];
            } else {
              acc += prob[e] * x[t];
            }
          }
          double v = self < 1 ? acc / (1 - self) : 0;
          change = Math.max(change, Math.abs(v - x[s]));
          x[s] = v;
        }
        if (change <= TOLERANCE) {
          return x[START];
        }
      }
      throw new IllegalStateException(
          "absorption probabilities did not converge in " + MAX_SWEEPS + " sweeps");
    }
  }
}
