package org.cx4j.report.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.GammaGammaModel;

/**
 * Customer lifetime value: BG/NBD for the number of future purchases, Gamma-Gamma for the spend
 * per purchase, and the discounted value over a horizon, summarised over customers.
 *
 * @param customers customers with a lifetime value: at least one purchase, and a spend model
 * @param purchases the fitted BG/NBD model (Fader, Hardie and Lee 2005)
 * @param spend the fitted Gamma-Gamma model (Fader, Hardie and Lee 2005), or null when too few
 *     customers repeat to fit it
 * @param horizon periods (months), discount rate per month and margin
 * @param mean the mean CLV per customer
 * @param median the median CLV
 * @param p90 the 90th percentile
 * @param total the sum over customers
 * @param topDecileShare the share of the total held by the top 10% of customers
 * @param meanAlive the mean probability that a customer is still active, over every customer
 *     (those without a spend model included)
 * @param excluded the customers left out of a model, with the reason; they have no lifetime value
 * @param segments behavioural segments of the customers with a lifetime value, largest first;
 *     empty when they could not be found (the report notes why)
 *     and are not counted in {@code customers}
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
    double meanAlive,
    List<Excluded> excluded,
    List<SegmentProfile> segments) {

  /**
   * One behavioural segment of customers (cx-metrics' {@code BehaviouralSegmentation} on their
   * weeks since the last purchase, repeat purchases, mean repeat spend, P(active) and CLV).
   *
   * @param customers the customers in it (of the sample segmented)
   * @param share its share of the sample
   * @param apart what sets it apart, largest first: feature name and standardised difference
   *     {@code (mean in the segment - mean of the rest) / sd}
   * @param meanClv the segment's mean CLV
   * @param meanAlive the segment's mean P(active)
   * @param nps the NPS of the segment's respondents (points, with its interval), or {@link
   *     Estimate#empty(String)} without respondents
   * @param csat the CSAT top-box share of the segment's respondents (percent, with its
   *     interval), or {@link Estimate#empty(String)} without respondents
   */
  public record SegmentProfile(int customers, double share, List<Map.Entry<String, Double>> apart,
      double meanClv, double meanAlive, Estimate nps, Estimate csat) {
    /** Copies the list. */
    public SegmentProfile {
      apart = List.copyOf(apart);
      Objects.requireNonNull(nps, "nps");
      Objects.requireNonNull(csat, "csat");
    }
  }

  /** The reason of a repeat buyer left out of the Gamma-Gamma fit. */
  public static final String NO_SPEND_MODEL = "no spend model";

  /**
   * A customer left out of one of the models.
   *
   * @param customerId the customer's id
   * @param reason {@link #NO_SPEND_MODEL}
   * @param detail what about the customer's history made it so, e.g. "1 repeat purchase summing
   *     to 0"
   */
  public record Excluded(String customerId, String reason, String detail) {
    /** Checks for nulls. */
    public Excluded {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Checks for nulls and copies the list. */
  public ValueSection {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(horizon, "horizon");
    excluded = List.copyOf(excluded);
    segments = List.copyOf(segments);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "CLV over %d months (%d customers): mean %.2f, median %.2f, p90 %.2f, total %.0f, "
            + "top 10%% hold %.1f%%, mean P(alive) %.2f%s",
        horizon.periods(), customers, mean, median, p90, total, 100 * topDecileShare, meanAlive,
        excluded.isEmpty() ? "" : ", " + excluded.size() + " without a spend model");
  }
}
