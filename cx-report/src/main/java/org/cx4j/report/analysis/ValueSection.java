package org.cx4j.report.analysis;

import java.util.Locale;
import java.util.Objects;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.GammaGammaModel;

/**
 * Customer lifetime value: BG/NBD for the number of future purchases, Gamma-Gamma for the spend
 * per purchase, and the discounted value over a horizon, summarised over customers.
 *
 * @param customers customers with at least one purchase
 * @param purchases the fitted BG/NBD model (Fader, Hardie and Lee 2005)
 * @param spend the fitted Gamma-Gamma model (Fader, Hardie and Lee 2005), or null when too few
 *     customers repeat to fit it
 * @param horizon periods (months), discount rate per month and margin
 * @param mean the mean CLV per customer
 * @param median the median CLV
 * @param p90 the 90th percentile
 * @param total the sum over customers
 * @param topDecileShare the share of the total held by the top 10% of customers
 * @param meanAlive the mean probability that a customer is still active
 */
public record ValueSection(
    int customers,
    BgNbdModel purchases,
    GammaGammaModel spend,
    ClvHorizon horizon,
    double mean,
    double median,
    double p90,
    double total,
    double topDecileShare,
    double meanAlive) {

  /** Checks for nulls. */
  public ValueSection {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(horizon, "horizon");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "CLV over %d months (%d customers): mean %.2f, median %.2f, p90 %.2f, total %.0f, "
            + "top 10%% hold %.1f%%, mean P(alive) %.2f",
        horizon.periods(), customers, mean, median, p90, total, 100 * topDecileShare, meanAlive);
  }
}
