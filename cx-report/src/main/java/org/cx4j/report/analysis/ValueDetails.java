package org.cx4j.report.analysis;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.IntervalEstimate;
import org.cx4j.metrics.clv.ParameterEstimates;
import org.cx4j.metrics.rfm.BtydSummary;
import org.cx4j.metrics.rfm.RfmScore;
import org.cx4j.metrics.rfm.RfmScorer;

/** The lifetime value section's details: fits, tracking, matrices, histogram, at risk, RFM. */
final class ValueDetails {

  /** Rows of the frequency-recency matrix at most ({@code x = 0..30}). */
  static final int MAX_FREQUENCY = 30;

  /** Columns of the frequency-recency matrix at most. */
  static final int MAX_RECENCY_COLUMNS = 40;

  private ValueDetails() {}

  /** Returns a fit's parameters with their intervals (NaN bounds without standard errors). */
  static ValueSection.ModelFit fit(String model, ParameterEstimates e, double level) {
    List<ValueSection.Parameter> ps = new ArrayList<>();
    for (String name : e.names()) {
      double lo = Double.NaN;
      double hi = Double.NaN;
      if (e.standardErrorsAvailable()) {
        IntervalEstimate ci = e.confidenceInterval(name, level);
        lo = ci.lower();
        hi = ci.upper();
      }
      ps.add(new ValueSection.Parameter(name, e.estimate(name), lo, hi));
    }
    return new ValueSection.ModelFit(model, ps, e.logLikelihood(), e.customers());
  }

  /**
   * Returns the RFM segment ordinal of each customer of {@code ids} (sorted ascending), -1 for a
   * customer the scorer did not score.
   */
  static byte[] rfm(
      CustomerId[] ids, Collection<Transaction> transactions, LocalDate last, ZoneId zone) {
    List<RfmScore> scores = RfmScorer.at(last, zone).score(transactions);
    byte[] out = new byte[ids.length];
    Arrays.fill(out, (byte) -1);
    // Both are sorted by customer id: one merge pass.
    int j = 0;
    for (int i = 0; i < ids.length; i++) {
      while (j < scores.size() && scores.get(j).customer().compareTo(ids[i]) < 0) {
        j++;
      }
      if (j < scores.size() && scores.get(j).customer().equals(ids[i])) {
        out[i] = (byte) scores.get(j).segment().ordinal();
      }
    }
    return out;
  }

  /**
   * Returns the repeat purchase days of all customers by day since {@code origin}: each customer's
   * distinct purchase days after its first, as BTYD counts them. Customers are found in {@code ids}
   * (sorted) by binary search; the (customer, day) pairs are sorted as longs, so memory is one long
   * per transaction.
   */
  static long[] repeatsByDay(
      CustomerId[] ids,
      Collection<Transaction> transactions,
      LocalDate origin,
      int days,
      ZoneId zone) {
    long[] keys = new long[transactions.size()];
    int n = 0;
    for (Transaction t : transactions) {
      int c = Arrays.binarySearch(ids, t.customer());
      long day = ChronoUnit.DAYS.between(origin, t.timestamp().atZone(zone).toLocalDate());
      if (c < 0 || day < 0 || day >= days) {
        continue;
      }
      keys[n++] = ((long) c << 32) | day;
    }
    Arrays.sort(keys, 0, n);
    long[] perDay = new long[days];
    long previous = -1;
    for (int k = 0; k < n; k++) {
      long key = keys[k];
      if (key == previous) {
        continue; // another purchase on the same day: one purchase
      }
      boolean sameCustomer = previous >= 0 && (key >>> 32) == (previous >>> 32);
      if (sameCustomer) {
        perDay[(int) (key & 0xffffffffL)]++;
      }
      previous = key;
    }
    return perDay;
  }

  /**
   * Returns the tracking plot's data: weeks from {@code origin} to {@code last}, actual repeat
   * purchase days and the expected ones under {@code model} (fitted on calibration).
   */
  static ValueSection.Tracking tracking(
      BgNbdModel model,
      CustomerId[] ids,
      List<BtydSummary> summaries,
      Collection<Transaction> transactions,
      LocalDate origin,
      LocalDate last,
      LocalDate calibrationEnd,
      ZoneId zone) {
    int days = (int) ChronoUnit.DAYS.between(origin, last) + 1;
    long[] births = new long[days];
    for (BtydSummary s : summaries) {
      births[(int) ChronoUnit.DAYS.between(origin, s.firstPurchase())]++;
    }
    int[] ends = BtydTracking.weekEnds(days);
    long[] actual =
        BtydTracking.cumulative(repeatsByDay(ids, transactions, origin, days, zone), ends);
    double[] expected = BtydTracking.expectedCumulative(model, births, ends, 7);
    List<LocalDate> endDates = new ArrayList<>();
    for (int e : ends) {
      endDates.add(origin.plusDays(e));
    }
    int calDays =
        calibrationEnd == null ? days : (int) ChronoUnit.DAYS.between(origin, calibrationEnd) + 1;
    return new ValueSection.Tracking(origin, endDates, actual, expected, calibrationEnd, calDays);
  }

  /**
   * Returns the frequency-recency matrices for a customer observed for {@code age} weeks:
   * frequencies {@code 0..min(maxX, 30)}, recencies from 0 to {@code age} in at most 40 whole-week
   * steps.
   */
  static ValueSection.FrequencyRecency frequencyRecency(
      BgNbdModel m, int maxX, double age, double period) {
    int rows = Math.min(maxX, MAX_FREQUENCY) + 1;
    int weeks = (int) Math.floor(age);
    int step = Math.max(1, (weeks + MAX_RECENCY_COLUMNS) / MAX_RECENCY_COLUMNS);
    int cols = weeks / step + 1;
    int[] f = new int[rows];
    double[] r = new double[cols];
    double[][] e = new double[rows][cols];
    double[][] a = new double[rows][cols];
    for (int j = 0; j < cols; j++) {
      r[j] = j * step;
    }
    for (int i = 0; i < rows; i++) {
      f[i] = i;
      for (int j = 0; j < cols; j++) {
        if (i == 0 && r[j] > 0) {
          e[i][j] = Double.NaN;
          a[i][j] = Double.NaN;
        } else {
          e[i][j] = m.conditionalExpectedPurchases(period, i, r[j], age);
          a[i][j] = m.probabilityAlive(i, r[j], age);
        }
      }
    }
    return new ValueSection.FrequencyRecency(f, r, age, period, e, a);
  }

  /** Returns the customers by P(alive) in ten bins of width 0.1, the last closed. */
  static long[] aliveCounts(CustomerValues v) {
    long[] out = new long[10];
    for (int i = 0; i < v.size(); i++) {
      out[Math.min(9, (int) Math.floor(v.alive(i) * 10))]++;
    }
    return out;
  }

  /**
   * Returns the at-risk summary: the threshold is the {@code ceil(top n)}-th highest CLV ({@code
   * sorted} ascending); customers with a CLV at least that and P(alive) below {@code alive}.
   */
  static ValueSection.AtRisk atRisk(
      CustomerValues v, double[] sorted, double total, double top, double alive) {
    int k = (int) Math.ceil(top * sorted.length - 1e-9);
    double threshold = sorted[sorted.length - Math.max(1, k)];
    int count = 0;
    double value = 0;
    for (int i = 0; i < v.size(); i++) {
      double c = v.clv(i);
      if (!Double.isNaN(c) && c >= threshold && v.alive(i) < alive) {
        count++;
        value += c;
      }
    }
    return new ValueSection.AtRisk(
        top, alive, threshold, count, value, total == 0 ? 0 : value / total);
  }
}
