package org.cx4j.metrics.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A side-by-side comparison of fitted purchase models ({@link BgNbdModel}, {@link MbgNbdModel},
 * {@link ParetoNbdModel}) on one calibration period and its holdout: in-sample fit (log-likelihood,
 * AIC, BIC) and out-of-sample accuracy of each customer's conditional expectation {@code E[Y(t) |
 * x, t_x, T]} against the purchases the customer actually made in the holdout.
 *
 * <pre>{@code
 * AIC  = 2k - 2 LL                  BIC = k ln(n) - 2 LL       (k parameters, n customers)
 * MAE  = Σ|y_i - E_i| / n           RMSE = sqrt(Σ(y_i - E_i)² / n)
 * }</pre>
 *
 * Lower is better for all four; the totals (predicted and actual holdout purchases) show the bias
 * at the level of the whole cohort. Immutable; an empty comparison has no rows.
 */
public final class ModelComparison {

  /**
   * One model's line of the comparison.
   *
   * @param model the model name, for example {@code "BG/NBD"}
   * @param parameters the number of parameters {@code k}
   * @param customers the number of customers {@code n}
   * @param logLikelihood the maximised calibration log-likelihood
   * @param aic {@code 2k - 2 LL}
   * @param bic {@code k ln(n) - 2 LL}
   * @param meanAbsoluteError holdout mean absolute error per customer
   * @param rootMeanSquaredError holdout root mean squared error per customer
   * @param predictedTotal the sum of the customers' conditional expectations over the holdout
   * @param actualTotal the holdout purchases actually made
   */
  public record Row(
      String model,
      int parameters,
      int customers,
      double logLikelihood,
      double aic,
      double bic,
      double meanAbsoluteError,
      double rootMeanSquaredError,
      double predictedTotal,
      long actualTotal) {}

  private final List<Row> rows;

  private ModelComparison(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Compares already fitted models on the calibration data they were fitted on and its holdout.
   *
   * @param calibration the calibration summaries {@code (x, t_x, T)} the models were fitted on
   * @param holdoutPurchases each customer's purchases in the holdout, in the order of {@code
   *     calibration}
   * @param holdoutLengths each customer's holdout length in the model's time unit
   * @param fits the fitted models
   * @throws IllegalArgumentException if the lengths of the arrays differ from the number of
   *     customers, a holdout count is negative or a length is negative or not finite (naming the
   *     customer index), or a fit was made on a different number of customers
   */
  public static ModelComparison of(
      RepeatPurchaseData calibration,
      int[] holdoutPurchases,
      double[] holdoutLengths,
      List<? extends PurchaseModelFit<?>> fits) {
    int n = calibration.size();
    if (holdoutPurchases.length != n || holdoutLengths.length != n) {
      throw new IllegalArgumentException(
          "holdoutPurchases and holdoutLengths must have one entry per customer ("
              + n
              + "), got "
              + holdoutPurchases.length
              + " and "
              + holdoutLengths.length);
    }
    long actual = 0;
    for (int i = 0; i < n; i++) {
      if (holdoutPurchases[i] < 0) {
        throw new IllegalArgumentException(
            "holdout purchases of customer "
                + i
                + " must be at least 0, got "
                + holdoutPurchases[i]);
      }
      if (!(holdoutLengths[i] >= 0) || !Double.isFinite(holdoutLengths[i])) {
        throw new IllegalArgumentException(
            "holdout length of customer "
                + i
                + " must be finite and at least 0, got "
                + holdoutLengths[i]);
      }
      actual += holdoutPurchases[i];
    }
    List<Row> rows = new ArrayList<>();
    for (PurchaseModelFit<?> fit : fits) {
      ParameterEstimates e = fit.estimates();
      if (e.customers() != n) {
        throw new IllegalArgumentException(
            e.model()
                + " was fitted on "
                + e.customers()
                + " customers, the calibration data "
                + "hold "
                + n);
      }
      PurchaseModel m = fit.model();
      double abs = 0;
      double sq = 0;
      double predicted = 0;
      for (int i = 0; i < n; i++) {
        double expected =
            m.conditionalExpectedPurchases(
                holdoutLengths[i],
                calibration.frequency(i),
                calibration.recency(i),
                calibration.age(i));
        double err = holdoutPurchases[i] - expected;
        abs += Math.abs(err);
        sq += err * err;
        predicted += expected;
      }
      int k = e.names().size();
      double ll = e.logLikelihood();
      rows.add(
          new Row(
              e.model(),
              k,
              n,
              ll,
              2 * k - 2 * ll,
              k * Math.log(n) - 2 * ll,
              abs / n,
              Math.sqrt(sq / n),
              predicted,
              actual));
    }
    return new ModelComparison(rows);
  }

  /**
   * Compares already fitted models with one holdout length for every customer.
   *
   * @throws IllegalArgumentException as {@link #of(RepeatPurchaseData, int[], double[], List)}
   */
  public static ModelComparison of(
      RepeatPurchaseData calibration,
      int[] holdoutPurchases,
      double holdoutLength,
      List<? extends PurchaseModelFit<?>> fits) {
    double[] lengths = new double[calibration.size()];
    java.util.Arrays.fill(lengths, holdoutLength);
    return of(calibration, holdoutPurchases, lengths, fits);
  }

  /**
   * Fits BG/NBD, MBG/NBD and Pareto/NBD on {@code calibration} and compares them.
   *
   * @throws IllegalArgumentException as {@link #of(RepeatPurchaseData, int[], double[], List)}, or
   *     if the data cannot be fitted (see {@link BgNbdModel#fit(RepeatPurchaseData)})
   * @throws FitFailedException if one of the fits does not converge
   */
  public static ModelComparison fitAll(
      RepeatPurchaseData calibration, int[] holdoutPurchases, double[] holdoutLengths) {
    List<PurchaseModelFit<?>> fits =
        List.of(
            BgNbdModel.fit(calibration),
            MbgNbdModel.fit(calibration),
            ParetoNbdModel.fit(calibration));
    return of(calibration, holdoutPurchases, holdoutLengths, fits);
  }

  /** Returns the rows in the order the fits were given. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns the row of the named model.
   *
   * @throws IllegalArgumentException if no row has that name
   */
  public Row row(String model) {
    for (Row r : rows) {
      if (r.model().equals(model)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "model must be one of " + rows.stream().map(Row::model).toList() + ", got '" + model + "'");
  }

  /**
   * Returns the row with the lowest BIC.
   *
   * @throws IllegalStateException if the comparison is empty
   */
  public Row bestByBic() {
    return rows.stream()
        .min(Comparator.comparingDouble(Row::bic))
        .orElseThrow(() -> new IllegalStateException("the comparison has no models"));
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-11s %2s %12s %12s %12s %9s %9s %10s %8s%n",
                "model",
                "k",
                "LL",
                "AIC",
                "BIC",
                "MAE",
                "RMSE",
                "predicted",
                "actual"));
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-11s %2d %12.2f %12.2f %12.2f %9.4f %9.4f %10.1f %8d%n",
              r.model(),
              r.parameters(),
              r.logLikelihood(),
              r.aic(),
              r.bic(),
              r.meanAbsoluteError(),
              r.rootMeanSquaredError(),
              r.predictedTotal(),
              r.actualTotal()));
    }
    return sb.toString();
  }
}
