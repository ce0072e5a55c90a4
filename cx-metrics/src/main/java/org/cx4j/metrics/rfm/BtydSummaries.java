package org.cx4j.metrics.rfm;

import java.util.List;
import org.cx4j.metrics.clv.RepeatPurchaseData;

/**
 * The {@link BtydSummary BTYD summaries} of a cohort, sorted by customer id, with columnar views
 * for the models of {@code org.cx4j.metrics.clv}.
 *
 * <p>Immutable. An empty cohort has no summaries and empty columns.
 *
 * @param summaries the per-customer summaries, sorted by customer id
 */
public record BtydSummaries(List<BtydSummary> summaries) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if {@code summaries} or an element is null
   */
  public BtydSummaries {
    summaries = List.copyOf(summaries);
  }

  /** Returns the number of customers. */
  public int size() {
    return summaries.size();
  }

  /** Returns {@code (x, t_x, T)} in columns, in the order of {@link #summaries()}. */
  public RepeatPurchaseData repeatPurchaseData() {
    int n = summaries.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      BtydSummary s = summaries.get(i);
      x[i] = s.frequency();
      tx[i] = s.recency();
      t[i] = s.age();
    }
    return RepeatPurchaseData.of(x, tx, t);
  }

  /** Returns the monetary values (mean repeat spend, 0 when {@code x = 0}) in order. */
  public double[] monetaryValues() {
    double[] m = new double[summaries.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = summaries.get(i).monetaryValue();
    }
    return m;
  }

  /** Returns the holdout purchase counts in order. */
  public int[] holdoutFrequencies() {
    int[] h = new int[summaries.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = summaries.get(i).holdoutFrequency();
    }
    return h;
  }

  @Override
  public String toString() {
    long repeaters = summaries.stream().filter(s -> s.frequency() > 0).count();
    return "BtydSummaries[" + summaries.size() + " customers, " + repeaters + " with x > 0]";
  }
}
