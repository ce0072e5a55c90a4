package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * Markov-chain attribution (Anderl, Becker, von Wangenheim and Schumann 2016, "Mapping the customer
 * journey: lessons learned from graph-based online attribution modeling", IJRM 33(3)).
 *
 * <p>Every journey is a walk from a start state through channel states to one of two absorbing
 * states, conversion or null. With order {@code k} a state is the last {@code k} channels touched
 * (the first states of a journey hold fewer). Transition probabilities are the observed transition
 * counts, each path row weighted by its number of journeys (conversions + nulls), normalized per
 * state. The conversion probability is the probability of absorption in the conversion state from
 * the start.
 *
 * <p>The <em>removal effect</em> of channel c is {@code 1 - P(conversion without c) /
 * P(conversion)}, where removing c sends every transition into a state containing c to the null
 * state. Channel c then receives {@code removal effect / sum of removal effects} of all conversions
 * and of all conversion value.
 *
 * <p>Absorption probabilities solve {@code (I - Q) x = b} ({@code Q} the transitions among
 * transient states, {@code b} the one-step conversion probabilities) exactly, by {@link
 * Solver#AUTO} unless another solver is given: dense LU (Hipparchus) up to 200 states; above,
 * Gauss-Seidel on the sparse rows for at most 1,000 sweeps, which finishes ordinary chains in tens
 * of sweeps, and sparse LU (EJML) for the chains it cannot finish, the sticky ones whose walks stay
 * thousands of steps between absorptions (two channels alternating with rare jumps elsewhere).
 * Every solve is checked: the infinity norm of the residual, {@code max_s |x_s - sum_t Q(s, t) x_t
 * - b_s|}, is at most 1e-12, or the fit throws {@link IllegalStateException}. The same data always
 * give the same credits: no simulation, no seed.
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

  /** Up to this many states the chain is solved by dense LU. */
  static final int DIRECT_SOLVE_STATES = 200;

  /** Above, Gauss-Seidel gets this many sweeps before the chain goes to sparse LU. */
  static final int AUTO_SWEEPS = 1_000;

  /** Every solve is checked: the infinity norm of {@code (I - Q) x - b} is at most this. */
  static final double RESIDUAL_LIMIT = 1e-12;

  private static final double REFINE_ABOVE = 1e-15;
  private static final int REFINEMENT_STEPS = 3;

  private MarkovAttribution() {}

  /**
   * How the absorbing chain is solved. Every solver returns the same absorption probabilities to
   * rounding (within 1e-9 relative of each other, tested), with a residual of at most 1e-12 in the
   * infinity norm; they differ in time and memory only.
   */
  public enum Solver {
    /**
     * Dense LU up to 200 states; above, Gauss-Seidel for at most 1,000 sweeps, and sparse LU for a
     * chain it has not finished by then (or whose residual is above 1e-12) and for the removals of
     * the same fit. The default.
     */
    AUTO,
    /** Dense LU (Hipparchus) of the whole chain: {@code O(n^3)} time, {@code n^2} memory. */
    DENSE_LU,
    /**
     * Sparse LU (EJML {@code LinearSolverFactory_DSCC.lu}, partial pivoting, no fill-reducing
     * ordering) of the live transient states, with up to three steps of iterative refinement. Fast
     * where the transition graph is sparse; an order-3 chain of 20 channels in which every
     * transition occurs (8,000 states, a de Bruijn graph) fills in to a nearly dense factor, and
     * one solve takes minutes.
     */
    SPARSE_LU,
    /**
     * Gauss-Seidel until no probability changes by more than 1e-15, at most 1,000,000 sweeps: fast
     * when walks are short, but the number of sweeps grows with the expected walk length, so sticky
     * chains take minutes or fail.
     */
    GAUSS_SEIDEL
  }

  /**
   * Fits the chain of the given order and attributes conversions by removal effects, solving the
   * chain by {@link Solver#AUTO}.
   *
   * @throws IllegalArgumentException if {@code order} is not in 1..{@value #MAX_ORDER}, there are
   *     more than {@value #MAX_CHANNELS} channels, or the data hold no conversion
   * @throws IllegalStateException if a solve leaves a residual above 1e-12 (not seen in tests)
   */
  public static MarkovResult fit(PathData data, int order) {
    return fit(data, order, Solver.AUTO);
  }

  /**
   * Fits the chain of the given order and attributes conversions by removal effects, solving the
   * chain (once, then once per channel removed) by the given solver.
   *
   * @throws IllegalArgumentException if {@code order} is not in 1..{@value #MAX_ORDER}, there are
   *     more than {@value #MAX_CHANNELS} channels, or the data hold no conversion
   * @throws IllegalStateException if {@link Solver#GAUSS_SEIDEL} does not converge in 1,000,000
   *     sweeps, or a solve leaves a residual above 1e-12
   */
  public static MarkovResult fit(PathData data, int order, Solver solver) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(solver, "solver");
    checkArgument(
        order >= 1 && order <= MAX_ORDER, "order must be in 1..%s, got %s", MAX_ORDER, order);
    int channels = data.channels().size();
    checkArgument(
        channels <= MAX_CHANNELS,
        "at most %s channels are supported, got %s",
        MAX_CHANNELS,
        channels);
    long totalConversions = data.totalConversions();
    checkArgument(
        totalConversions > 0,
        "the %s paths hold no conversion: there is nothing to attribute",
        data.size());

    Chain chain = Chain.count(data, order);
    double p = chain.conversionProbability(-1, solver);
    double[] removal = new double[channels];
    double sum = 0;
    for (int c = 0; c < channels; c++) {
      removal[c] = Math.max(0, 1 - chain.conversionProbability(c, solver) / p);
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
   * @param transitions the transition matrix: every observed transition with its probability, by
   *     source state then target state
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

    /** Copies {@code removalEffects}, so that the caller's array cannot change the result. */
    public MarkovResult {
      removalEffects = removalEffects.clone();
    }

    /** Returns a copy of each channel's removal effect, in channel-code order. */
    @Override
    public double[] removalEffects() {
      return removalEffects.clone();
    }

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
              order,
              states,
              transitions.size(),
              conversionProbability)
          + attribution;
    }
  }

  /**
   * One entry of the transition matrix. States are named by their channels joined with {@code ","}
   * (order above 1), plus {@code (start)}, {@code (conversion)} and {@code (null)}.
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

    /** Set once {@link Solver#AUTO} has found Gauss-Seidel too slow on this chain. */
    boolean sticky;

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
     * Returns the absorption probability in conversion from the start, with channel {@code removed}
     * taken out (every state containing it absorbs as null), or none when -1.
     */
    double conversionProbability(int removed, Solver solver) {
      return absorption(dead(removed), solver)[START];
    }

    /** Returns the states that contain channel {@code removed} (none when -1). */
    boolean[] dead(int removed) {
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
      return dead;
    }

    /**
     * Returns the absorption probabilities in conversion of every state ({@code x[CONVERSION] = 1},
     * null and dead states 0), by the given solver.
     *
     * @throws IllegalStateException if Gauss-Seidel (when chosen explicitly) does not converge, or
     *     a direct solve leaves a residual above 1e-12
     */
    double[] absorption(boolean[] dead, Solver solver) {
      double[] x =
          switch (solver) {
            case DENSE_LU -> solveDense(dead);
            case SPARSE_LU -> solveSparse(dead);
            case GAUSS_SEIDEL -> {
              double[] gs = gaussSeidel(dead, MAX_SWEEPS);
              if (gs == null) {
                throw new IllegalStateException(
                    "absorption probabilities did not converge in " + MAX_SWEEPS + " sweeps");
              }
              yield gs;
            }
            case AUTO -> {
              if (stateCount() <= DIRECT_SOLVE_STATES) {
                yield solveDense(dead);
              }
              double[] gs = sticky ? null : gaussSeidel(dead, AUTO_SWEEPS);
              if (gs != null && residual(dead, gs) <= RESIDUAL_LIMIT) {
                yield gs;
              }
              // A chain that Gauss-Seidel cannot finish in AUTO_SWEEPS is sticky: its walks stay
              // long between absorptions, exactly where a direct solve is worth its fill. The
              // removals of the same fit then go straight to sparse LU.
              sticky = true;
              yield solveSparse(dead);
            }
          };
      double r = residual(dead, x);
      if (!(r <= RESIDUAL_LIMIT)) {
        throw new IllegalStateException(
            "the "
                + solver
                + " solve of "
                + stateCount()
                + " states left a residual of "
                + r
                + ", above "
                + RESIDUAL_LIMIT);
      }
      return x;
    }

    /**
     * Returns the infinity norm of the residual {@code x - Q x - b} over the live transient states:
     * {@code max_s |x[s] - sum_t P(s, t) x[t]|} with {@code x[CONVERSION] = 1} and null and removed
     * states at 0.
     */
    double residual(boolean[] dead, double[] x) {
      double worst = 0;
      for (int s = 0; s < stateCount(); s++) {
        if (s == CONVERSION || s == NULL || dead[s]) {
          continue;
        }
        double acc = x[s];
        for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
          acc -= prob[e] * value(x, dead, target[e]);
        }
        worst = Math.max(worst, Math.abs(acc));
      }
      return worst;
    }

    private static double value(double[] x, boolean[] dead, int t) {
      return t == CONVERSION ? 1 : t == NULL || dead[t] ? 0 : x[t];
    }

    /**
     * Dense LU of {@code (I - Q) x = b} over all states (absorbing and removed states as identity
     * rows with {@code b = 1} for conversion, 0 otherwise): exact to rounding, and for small chains
     * far cheaper than iterating to 1e-15.
     */
    private double[] solveDense(boolean[] dead) {
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
          .toArray();
    }

    /**
     * Sparse LU (EJML's {@code LuUpLooking_DSCC}, partial pivoting) of {@code (I - Q) x = b} over
     * the live transient states only, {@code b} the one-step conversion probabilities; then up to
     * three steps of iterative refinement with the same factors while the residual exceeds 1e-15.
     */
    private double[] solveSparse(boolean[] dead) {
      int n = stateCount();
      int[] index = new int[n];
      int m = 0;
      for (int s = 0; s < n; s++) {
        index[s] = s == CONVERSION || s == NULL || dead[s] ? -1 : m++;
      }
      DMatrixSparseTriplet triplet = new DMatrixSparseTriplet(m, m, edgeCount() + m);
      double[] b = new double[m];
      for (int s = 0; s < n; s++) {
        int i = index[s];
        if (i < 0) {
          continue;
        }
        double diagonal = 1;
        for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
          int t = target[e];
          if (t == s) {
            diagonal -= prob[e];
          } else if (t == CONVERSION) {
            b[i] += prob[e];
          } else if (index[t] >= 0) {
            triplet.addItem(i, index[t], -prob[e]);
          }
        }
        triplet.addItem(i, i, diagonal);
      }
      DMatrixSparseCSC a = DConvertMatrixStruct.convert(triplet, (DMatrixSparseCSC) null);
      if (!a.indicesSorted) {
        a.sortIndices(null);
      }
      LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu =
          LinearSolverFactory_DSCC.lu(FillReducing.NONE);
      if (!lu.setA(a)) {
        throw new IllegalStateException("the absorbing chain of " + m + " states is singular");
      }
      DMatrixRMaj y = new DMatrixRMaj(m, 1);
      lu.solve(new DMatrixRMaj(m, 1, true, b), y);
      double[] x = new double[n];
      x[CONVERSION] = 1;
      scatter(index, y, x);
      for (int step = 0; step < REFINEMENT_STEPS && residual(dead, x) > REFINE_ABOVE; step++) {
        // r = b - (I - Q) x on the live states; x += (I - Q)^-1 r with the same factors.
        DMatrixRMaj r = new DMatrixRMaj(m, 1);
        for (int s = 0; s < n; s++) {
          int i = index[s];
          if (i < 0) {
            continue;
          }
          double acc = -x[s];
          for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
            acc += prob[e] * value(x, dead, target[e]);
          }
          r.data[i] = acc;
        }
        DMatrixRMaj d = new DMatrixRMaj(m, 1);
        lu.solve(r, d);
        for (int s = 0; s < n; s++) {
          if (index[s] >= 0) {
            x[s] += d.data[index[s]];
          }
        }
      }
      return x;
    }

    private static void scatter(int[] index, DMatrixRMaj y, double[] x) {
      for (int s = 0; s < index.length; s++) {
        if (index[s] >= 0) {
          x[s] = y.data[index[s]];
        }
      }
    }

    /**
     * Gauss-Seidel on the sparse rows (self-loops solved in closed form) until no probability
     * changes by more than 1e-15 in a sweep; returns null when that takes more than {@code
     * maxSweeps} sweeps.
     */
    double[] gaussSeidel(boolean[] dead, int maxSweeps) {
      int n = stateCount();
      double[] x = new double[n];
      x[CONVERSION] = 1;
      for (int sweep = 0; sweep < maxSweeps; sweep++) {
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
          return x;
        }
      }
      return null;
    }
  }
}
