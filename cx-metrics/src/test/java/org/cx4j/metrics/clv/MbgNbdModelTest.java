package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.rfm.BtydSummaries;
import org.cx4j.metrics.rfm.BtydSummarizer;
import org.cx4j.metrics.rfm.BtydSummary;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD (Batislam, Denizel and Filiztekin 2007) on CDNOW against Python lifetimes' {@code
 * ModifiedBetaGeoFitter} on {@code cdnow_customers_summary.csv} (its documentation and test suite:
 * r = 0.525, alpha = 6.183, a = 0.891, b = 1.614), and the comparison table against BG/NBD and
 * Pareto/NBD on the CDNOW sample's 39-week calibration / 39-week holdout split.
 */
class MbgNbdModelTest {

  @Test
  void fitMatchesLifetimes() {
    PurchaseModelFit<MbgNbdModel> fit = MbgNbdModel.fit(CdnowData.load().data());
    MbgNbdModel m = fit.model();
    assertEquals(0.525, m.r(), 0.0005 + 1e-9, "r");
    assertEquals(6.183, m.alpha(), 0.0005 + 1e-9, "alpha");
    assertEquals(0.891, m.a(), 0.0005 + 1e-9, "a");
    assertEquals(1.614, m.b(), 0.0005 + 1e-9, "b");
    assertTrue(fit.estimates().standardErrorsAvailable());
    assertTrue(
        fit.toString().startsWith("MBG/NBD fit on 2357 customers: r = 0.52"), fit.toString());
  }

  /** The likelihood of one customer written as the plain sum of its two terms. */
  static double naiveLikelihood(
      double r, double al, double a, double b, int x, double tx, double t) {
    double common = Math.exp(LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(al));
    return common
        * (Math.exp(LogBeta.value(a, b + x + 1) - LogBeta.value(a, b)) / Math.pow(al + t, r + x)
            + Math.exp(LogBeta.value(a + 1, b + x) - LogBeta.value(a, b))
                / Math.pow(al + tx, r + x));
  }

  @Property(tries = 300, seed = "42")
  void likelihoodGradientAndExpectations(
      @ForAll @DoubleRange(min = 0.1, max = 3) double r,
      @ForAll @DoubleRange(min = 0.5, max = 20) double al,
      @ForAll @DoubleRange(min = 0.2, max = 5) double a,
      @ForAll @DoubleRange(min = 0.2, max = 5) double b,
      @ForAll @DoubleRange(min = 1, max = 60) double t) {
    int[] x = {0, 1, 3, 7};
    double[] tx = {0, 5, 20, 30};
    double[] age = {38, 39, 35, 31};
    RepeatPurchaseData d = RepeatPurchaseData.of(x, tx, age);
    double naive = 0;
    for (int i = 0; i < x.length; i++) {
      naive += Math.log(naiveLikelihood(r, al, a, b, x[i], tx[i], age[i]));
    }
    double[] g = new double[4];
    assertEquals(naive, MbgNbdModel.logLikelihood(d, r, al, a, b, g), 1e-9 * Math.abs(naive));
    double[] g2 = new double[4];
    assertEquals(naive, MbgNbdModel.of(r, al, a, b).logLikelihood(d, g2), 1e-9 * Math.abs(naive));
    assertEquals(g[3], g2[3], 0);
    double[] theta = {r, al, a, b};
    double h = 1e-6;
    for (int i = 0; i < 4; i++) {
      double[] up = theta.clone();
      double[] dn = theta.clone();
      up[i] *= Math.exp(h);
      dn[i] *= Math.exp(-h);
      double fd =
          (MbgNbdModel.logLikelihood(d, up[0], up[1], up[2], up[3], null)
                  - MbgNbdModel.logLikelihood(d, dn[0], dn[1], dn[2], dn[3], null))
              / (2 * h);
      assertEquals(fd, g[i], 1e-5 * (1 + Math.abs(fd)), "gradient " + i);
    }
    // E[X(t)] equals the mean of the frequency distribution P(X(t) = k), an independent route.
    MbgNbdModel m = MbgNbdModel.of(r, al, a, b);
    double total = 0;
    double mean = 0;
    for (int k = 0; k < 20_000; k++) {
      double p = m.probabilityOfPurchases(k, t);
      total += p;
      mean += k * p;
      if (k > 50 && p < 1e-18) {
        break;
      }
    }
    assertEquals(1, total, 1e-9);
    assertEquals(mean, m.expectedPurchases(t), 1e-7 * (1 + mean));
    // Nothing observed (x = 0, t_x = 0, T = 0): the conditional expectation is E[X(t)].
    assertEquals(
        m.expectedPurchases(t), m.conditionalExpectedPurchases(t, 0, 0, 0), 1e-10 * (1 + mean));
    // The conditional distribution P(Y(t) = k | history) sums to 1 and has the conditional mean.
    double ctotal = 0;
    double cmean = 0;
    for (int k = 0; k < 20_000; k++) {
      double p = m.probabilityOfPurchases(k, t, 3, 20, 31);
      ctotal += p;
      cmean += k * p;
      if (k > 50 && p < 1e-18) {
        break;
      }
    }
    assertEquals(1, ctotal, 1e-9);
    double cond = m.conditionalExpectedPurchases(t, 3, 20, 31);
    assertEquals(cond, cmean, 1e-7 * (1 + cond));
    IntervalEstimate pi = m.predictionInterval(0.9, t, 3, 20, 31);
    assertTrue(pi.lower() <= pi.upper() && pi.estimate() == cond, pi.toString());
    // P(alive) from the posterior weights of the likelihood's two terms.
    double alive =
        Math.exp(LogBeta.value(a, b + 4) - LogBeta.value(a, b))
            / Math.pow(al + 31, r + 3)
            * Math.exp(LogGamma.value(r + 3) - LogGamma.value(r) + r * Math.log(al))
            / naiveLikelihood(r, al, a, b, 3, 20, 31);
    assertEquals(alive, m.probabilityAlive(3, 20, 31), 1e-10);
  }

  @Test
  void recoversSimulatedParameters() {
    MbgNbdModel truth = MbgNbdModel.of(0.5, 6, 0.9, 1.6);
    double[] ages = new double[30_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 20 + i % 40;
    }
    PurchaseModelFit<MbgNbdModel> fit = MbgNbdModel.fit(truth.simulate(ages, 2007));
    for (String name : truth.parameterNames()) {
      IntervalEstimate ci = fit.estimates().confidenceInterval(name, 0.999);
      double v = truth.parameters()[truth.parameterNames().indexOf(name)];
      assertTrue(ci.contains(v), name + " " + ci);
    }
  }

  @Test
  void comparisonTableOnCdnowCalibrationAndHoldout() throws IOException {
    Path log = SharedDatasets.require("cdnow/CDNOW_sample.txt");
    DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
    List<Transaction> tx = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      LocalDate d = LocalDate.parse(f[2], ymd);
      tx.add(
          new Transaction(
              CustomerId.of(f[1]),
              d.atStartOfDay(ZoneOffset.UTC).toInstant(),
              Double.parseDouble(f[4]),
              Integer.parseInt(f[3]),
              null));
    }
    BtydSummaries s =
        BtydSummarizer.builder(LocalDate.of(1997, 9, 30))
            .holdoutEnd(LocalDate.of(1998, 6, 30))
            .build()
            .summarize(tx);
    RepeatPurchaseData cal = s.repeatPurchaseData();
    int[] holdout = s.holdoutFrequencies();
    double[] lengths = s.summaries().stream().mapToDouble(BtydSummary::holdoutDuration).toArray();
    ModelComparison c = ModelComparison.fitAll(cal, holdout, lengths);
    assertEquals(
        List.of("BG/NBD", "MBG/NBD", "Pareto/NBD"),
        c.rows().stream().map(ModelComparison.Row::model).toList());
    // The calibration likelihoods of FHL 2005 and CLVTools (see BgNbdCdnowTest, ParetoNbdCdnowTest)
    // and AIC/BIC written out from them: n = 2357 customers, k = 4.
    ModelComparison.Row bg = c.row("BG/NBD");
    assertEquals(-9582.429, bg.logLikelihood(), 0.005);
    assertEquals(8 + 2 * 9582.429, bg.aic(), 0.01);
    assertEquals(4 * Math.log(2357) + 2 * 9582.429, bg.bic(), 0.01);
    assertEquals(-9594.976, c.row("Pareto/NBD").logLikelihood(), 0.01);
    // Holdout error recomputed naively for MBG/NBD from its model.
    MbgNbdModel m = MbgNbdModel.fit(cal).model();
    double abs = 0;
    double sq = 0;
    long actual = 0;
    for (int i = 0; i < cal.size(); i++) {
      double e =
          holdout[i]
              - m.conditionalExpectedPurchases(
                  lengths[i], cal.frequency(i), cal.recency(i), cal.age(i));
      abs += Math.abs(e);
      sq += e * e;
      actual += holdout[i];
    }
    ModelComparison.Row mbg = c.row("MBG/NBD");
    assertEquals(abs / cal.size(), mbg.meanAbsoluteError(), 1e-9);
    assertEquals(Math.sqrt(sq / cal.size()), mbg.rootMeanSquaredError(), 1e-9);
    assertEquals(actual, mbg.actualTotal());
    // A sanity band, not a published figure: each model predicts the cohort's holdout total
    // (1882 repeat purchases on distinct days) within 20%.
    for (ModelComparison.Row r : c.rows()) {
      assertEquals(actual, r.predictedTotal(), 0.2 * actual, r.model());
    }
    assertTrue(c.toString().contains("MBG/NBD"), c.toString());
    assertThrows(IllegalArgumentException.class, () -> c.row("BG/BB"));
    assertThrows(
        IllegalArgumentException.class, () -> ModelComparison.of(cal, new int[3], 39.0, List.of()));
  }
}
