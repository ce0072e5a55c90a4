/**
 * Customer lifetime value: "buy till you die" purchase models, the Gamma-Gamma spend model and
 * discounted CLV, with standard errors and intervals.
 *
 * <ul>
 *   <li>{@link org.cx4j.metrics.clv.BgNbdModel} (Fader, Hardie and Lee 2005, Marketing Science
 *       24(2)) and {@link org.cx4j.metrics.clv.ParetoNbdModel} (Schmittlein, Morrison and Colombo
 *       1987), both {@link org.cx4j.metrics.clv.PurchaseModel}s fitted by maximum likelihood in log
 *       space on {@link org.cx4j.metrics.clv.RepeatPurchaseData} {@code (x, t_x, T)}: expected
 *       purchases {@code E[X(t)]}, {@code P(alive)}, conditional expected purchases {@code E[Y(t) |
 *       x, t_x, T]}; for BG/NBD also {@code P(Y(t) = k | x, t_x, T)} and prediction intervals of a
 *       customer's realized purchases.
 *   <li>{@link org.cx4j.metrics.clv.MbgNbdModel} (Batislam et al. 2007), the third {@code
 *       PurchaseModel}, and {@link org.cx4j.metrics.clv.ModelComparison} (log-likelihood, AIC, BIC,
 *       holdout error) of fitted purchase models.
 *   <li>{@link org.cx4j.metrics.clv.SbgModel} (Fader and Hardie 2007) for contractual retention:
 *       survival projections, DEL, DERL and subscription CLV (Fader and Hardie 2010).
 *   <li>{@link org.cx4j.metrics.clv.BgBbModel} (Fader, Hardie and Shang 2010) for discrete
 *       transaction opportunities on weighted {@link org.cx4j.metrics.clv.DiscretePurchaseData}.
 *   <li>{@link org.cx4j.metrics.clv.GammaGammaModel} (Fader, Hardie and Lee 2005, JMR 42(4)) for
 *       the expected value of a customer's transactions, with the frequency-spend correlation check
 *       in {@link org.cx4j.metrics.clv.GammaGammaFit}.
 *   <li>{@link org.cx4j.metrics.clv.DiscountedClv} over a {@link org.cx4j.metrics.clv.ClvHorizon}
 *       and the descriptive {@link org.cx4j.metrics.clv.HistoricalClv}.
 *   <li>{@link org.cx4j.metrics.clv.ParameterEstimates}: estimates, standard errors from the
 *       observed information, log-scale Wald intervals and the optimiser's diagnostics; a fit that
 *       does not converge throws {@link org.cx4j.metrics.clv.FitFailedException} with the
 *       iterations and the last gradient instead of returning NaN parameters.
 * </ul>
 *
 * <p>Validated on CDNOW against the published estimates (BG/NBD r = 0.243, alpha = 4.414, a =
 * 0.793, b = 2.426, LL = -9582.4; Pareto/NBD r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669,
 * LL = -9595.0; Gamma-Gamma p = 6.25, q = 3.74, gamma = 15.44).
 *
 * <pre>{@code
 * BtydSummaries s = BtydSummarizer.builder(LocalDate.of(1997, 9, 30)).build().summarize(transactions);
 * RepeatPurchaseData data = s.repeatPurchaseData();
 * PurchaseModelFit<BgNbdModel> bg = BgNbdModel.fit(data);           // bg.estimates() has SEs
 * GammaGammaFit gg = GammaGammaModel.fit(data.frequency(), s.monetaryValues());
 * ClvHorizon year = new ClvHorizon(12, 52.0 / 12, 0.01, 0.3);      // 12 months, 1%/month, 30% margin
 * double[] clv = DiscountedClv.of(bg.model(), gg.model(), year).values(data, s.monetaryValues());
 * IntervalEstimate next39 = bg.model().predictionInterval(0.9, 39, 2, 30.43, 38.86);
 * }</pre>
 */
package org.cx4j.metrics.clv;
