package org.cx4j.report.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.cx4j.metrics.clv.BgNbdClvBatch;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.GammaGammaFit;
import org.cx4j.metrics.clv.IntervalEstimate;
import org.cx4j.metrics.clv.PurchaseModelFit;
import org.cx4j.metrics.rfm.RfmSegment;

/**
 * The lifetime value of every customer, kept as primitive columns ({@code x}, {@code t_x}, {@code
 * T}, mean repeat spend, RFM segment) and the two fitted models; each customer's row ({@link
 * CustomerValue}: predictions and the CLV interval) is computed only when asked for, so that a
 * million customers cost a few primitive arrays, never a million rows of text. {@link
 * #forEach(IntPredicate, java.util.function.Consumer)} hands the rows over one at a time, in
 * customer order, for streaming to a file.
 *
 * <p>The CLV and its interval are those of cx-metrics' {@code DiscountedClv}, computed by {@link
 * BgNbdClvBatch} (the hypergeometric part once per {@code (x, T)}). The interval is the
 * delta-method interval from the uncertainty of the fitted parameters only and excludes the
 * variance of the purchase process itself (how many purchases a customer with known parameters will
 * make), so it is an interval for the expected value, not a prediction interval for what the
 * customer will spend.
 *
 * <p>Not thread-safe: the calculator caches by {@code (x, T)}; rows are computed on one thread.
 */
public final class CustomerValues {

  /**
   * The columns of {@code tables/clv.csv}, in the order of {@link CustomerValue#cells()}; the
   * interval's names say that it is from parameter uncertainty only.
   */
  public static final List<String> COLUMNS =
      List.of(
          "customer_id",
          "x",
          "t_x",
          "T",
          "expected_purchases_next_month",
          "p_alive",
          "expected_spend",
          "clv",
          "clv_lower_params_only",
          "clv_upper_params_only",
          "rfm_segment",
          "excluded");

  private final IntFunction<String> ids;
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] monetary;
  private final boolean[] noSpend;
  private final byte[] rfm;
  private final double[] clv;
  private final PurchaseModelFit<BgNbdModel> purchases;
  private final GammaGammaFit spend;
  private final ClvHorizon horizon;
  private final BgNbdClvBatch model;
  private final double level;
  private final boolean intervals;

  /**
   * Returns the values of {@code x.length} customers; the arrays are kept, not copied (the caller
   * hands them over).
   *
   * @param ids the id of the customer at an index
   * @param x repeat purchases
   * @param tx recency {@code t_x} in weeks
   * @param age {@code T} in weeks
   * @param monetary mean repeat spend ({@code zbar}; 0 when {@code x = 0})
   * @param noSpend whether the customer has no spend model (then no CLV)
   * @param rfm the RFM segment's ordinal ({@link RfmSegment}), or -1 for none
   * @param purchases the BG/NBD fit
   * @param spend the Gamma-Gamma fit
   * @param horizon the CLV horizon (periods of {@code periodLength} weeks)
   * @param level the level of the CLV intervals
   * @throws IllegalArgumentException if the lengths differ
   */
  public CustomerValues(
      IntFunction<String> ids,
      int[] x,
      double[] tx,
      double[] age,
      double[] monetary,
      boolean[] noSpend,
      byte[] rfm,
      PurchaseModelFit<BgNbdModel> purchases,
      GammaGammaFit spend,
      ClvHorizon horizon,
      double level) {
    int n = x.length;
    if (tx.length != n
        || age.length != n
        || monetary.length != n
        || noSpend.length != n
        || rfm.length != n) {
      throw new IllegalArgumentException("every column needs " + n + " customers");
    }
    this.ids = Objects.requireNonNull(ids, "ids");
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.monetary = monetary;
    this.noSpend = noSpend;
    this.rfm = rfm;
    this.purchases = Objects.requireNonNull(purchases, "purchases");
    this.spend = Objects.requireNonNull(spend, "spend");
    this.horizon = Objects.requireNonNull(horizon, "horizon");
    this.level = level;
    this.model = BgNbdClvBatch.of(purchases, spend, horizon);
    this.intervals = model.hasIntervals();
    this.clv = new double[n];
    for (int i = 0; i < n; i++) {
      clv[i] = noSpend[i] ? Double.NaN : model.value(x[i], tx[i], age[i], monetary[i]);
    }
  }

  /**
   * One customer's row of {@code tables/clv.csv}.
   *
   * @param customerId the customer's id
   * @param x repeat purchases
   * @param tx recency in weeks
   * @param age {@code T} in weeks
   * @param expectedPurchases expected purchases in the next month ({@code 52/12} weeks)
   * @param alive P(alive)
   * @param expectedSpend expected spend per purchase {@code E[Z | x, zbar]}; NaN without a spend
   *     model
   * @param clv the discounted CLV; NaN without a spend model
   * @param lower the interval's lower end (parameter uncertainty only); NaN without standard errors
   * @param upper the upper end
   * @param rfmSegment the RFM segment's name, or null
   * @param excluded the reason the customer has no CLV, or null
   */
  public record CustomerValue(
      String customerId,
      int x,
      double tx,
      double age,
      double expectedPurchases,
      double alive,
      double expectedSpend,
      double clv,
      double lower,
      double upper,
      String rfmSegment,
      String excluded) {

    /** Returns the row's cells in the order of {@link #COLUMNS}. */
    public Object[] cells() {
      return new Object[] {
        customerId,
        x,
        tx,
        age,
        expectedPurchases,
        alive,
        expectedSpend,
        clv,
        lower,
        upper,
        rfmSegment,
        excluded
      };
    }
  }

  /** Returns the number of customers. */
  public int size() {
    return x.length;
  }

  /** Returns the CLV of customer {@code i}; NaN when it has no spend model. */
  public double clv(int i) {
    return clv[i];
  }

  /** Returns P(alive) of customer {@code i} (FHL 2005 eq. 11). */
  public double alive(int i) {
    return purchases.model().probabilityAlive(x[i], tx[i], age[i]);
  }

  /** Returns whether the rows carry CLV intervals (both fits have standard errors). */
  public boolean hasIntervals() {
    return intervals;
  }

  /** Returns the interval level. */
  public double level() {
    return level;
  }

  /**
   * Returns customer {@code i}'s row, computing its predictions and interval.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not a customer
   */
  public CustomerValue row(int i) {
    Objects.checkIndex(i, x.length);
    double month = horizon.periodLength();
    double expected = purchases.model().conditionalExpectedPurchases(month, x[i], tx[i], age[i]);
    double spendI = Double.NaN;
    double lo = Double.NaN;
    double hi = Double.NaN;
    if (!noSpend[i]) {
      spendI = spend.model().conditionalExpectedSpend(x[i], monetary[i]);
      if (intervals && clv[i] > 0) {
        IntervalEstimate e = model.interval(x[i], tx[i], age[i], monetary[i], level);
        lo = e.lower();
        hi = e.upper();
      }
    }
    return new CustomerValue(
        ids.apply(i),
        x[i],
        tx[i],
        age[i],
        expected,
        alive(i),
        spendI,
        clv[i],
        lo,
        hi,
        rfm[i] < 0 ? null : RfmSegment.values()[rfm[i]].name().toLowerCase(java.util.Locale.ROOT),
        noSpend[i] ? ValueSection.NO_SPEND_MODEL : null);
  }

  /**
   * Hands the row of every customer that {@code filter} accepts to {@code sink}, one at a time in
   * index order; no row is kept.
   */
  public void forEach(IntPredicate filter, java.util.function.Consumer<CustomerValue> sink) {
    for (int i = 0; i < x.length; i++) {
      if (filter.test(i)) {
        sink.accept(row(i));
      }
    }
  }

  /**
   * Returns the indices of the at most {@code n} customers with the highest CLV among those {@code
   * filter} accepts, highest first (ties by index); customers without a CLV never count. A bounded
   * heap: {@code O(size log n)} time, {@code O(n)} memory.
   */
  public int[] top(int n, IntPredicate filter) {
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            Math.max(1, n + 1),
            (a, b) -> clv[a] != clv[b] ? Double.compare(clv[a], clv[b]) : Integer.compare(b, a));
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(clv[i]) && filter.test(i)) {
        heap.add(i);
        if (heap.size() > n) {
          heap.poll();
        }
      }
    }
    int[] out = new int[heap.size()];
    for (int k = out.length - 1; k >= 0; k--) {
      out[k] = heap.poll();
    }
    return out;
  }

  /** Returns the CLVs of the customers that have one, sorted ascending. */
  double[] sortedValues() {
    double[] v = Arrays.stream(clv).filter(d -> !Double.isNaN(d)).toArray();
    Arrays.sort(v);
    return v;
  }
}
