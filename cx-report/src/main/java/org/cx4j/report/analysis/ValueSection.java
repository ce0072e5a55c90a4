package org.cx4j.report.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.GammaGammaModel;

/**
 * Customer lifetime value: BG/NBD for the number of future purchases, Gamma-Gamma for the spend per
 * purchase, and the discounted value over a horizon, summarised over customers.
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
 * @param meanAlive the mean probability that a customer is still active, over every customer (those
 *     without a spend model included)
 * @param excluded the customers left out of a model, with the reason; they have no lifetime value
 * @param segments behavioural segments of the customers with a lifetime value, largest first; empty
 *     when they could not be found (the report notes why)
 * @param fits the two fitted models' parameters with their intervals and log-likelihoods (BG/NBD
 *     first, then Gamma-Gamma)
 * @param tracking actual and expected cumulative repeat transactions by calendar week
 * @param frequencyRecency the frequency-recency matrices of expected purchases and P(alive)
 * @param aliveCounts customers by P(alive) in ten bins of width 0.1 ({@code [0, 0.1)}, ..., {@code
 *     [0.9, 1]}), every customer counted
 * @param atRisk the "at risk" customers: high value, probably gone
 * @param perCustomer every customer's values, computed row by row when asked for
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
    List<SegmentProfile> segments,
    List<ModelFit> fits,
    Tracking tracking,
    FrequencyRecency frequencyRecency,
    long[] aliveCounts,
    AtRisk atRisk,
    CustomerValues perCustomer) {

  /**
   * One fitted parameter.
   *
   * @param name its name as in the paper ({@code r}, {@code alpha}, {@code a}, {@code b}; {@code
   *     p}, {@code q}, {@code gamma})
   * @param estimate the maximum likelihood estimate
   * @param lower the lower end of its interval (log scale, so positive); NaN without standard
   *     errors
   * @param upper the upper end; NaN without standard errors
   */
  public record Parameter(String name, double estimate, double lower, double upper) {}

  /**
   * A fitted model's parameters and fit.
   *
   * @param model "BG/NBD" or "Gamma-Gamma"
   * @param parameters its parameters in the paper's order
   * @param logLikelihood the maximised log-likelihood
   * @param customers the customers it was fitted on
   */
  public record ModelFit(
      String model, List<Parameter> parameters, double logLikelihood, int customers) {
    /** Copies the list. */
    public ModelFit {
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * The tracking plot's data: cumulative repeat transactions at the end of each calendar week since
   * the first purchase ({@link BtydTracking}).
   *
   * @param origin the first day (day 0), the first purchase of anyone
   * @param weekEnds the last day of each week (the last week may be partial)
   * @param actual the actual cumulative repeat transactions (purchase days after each customer's
   *     first)
   * @param expected the expected ones: the sum over customers of BG/NBD's {@code E[X(t)]}
   * @param calibrationEnd the last day of calibration, or null when the whole period is calibration
   * @param calibrationDays days from the origin to the end of calibration (the whole period without
   *     one)
   */
  public record Tracking(
      LocalDate origin,
      List<LocalDate> weekEnds,
      long[] actual,
      double[] expected,
      LocalDate calibrationEnd,
      int calibrationDays) {
    /** Copies the list. */
    public Tracking {
      weekEnds = List.copyOf(weekEnds);
    }
  }

  /**
   * The frequency-recency matrices (Python lifetimes' {@code plot_frequency_recency_matrix} and
   * {@code plot_probability_alive_matrix}) for a hypothetical customer observed for {@code age}
   * weeks.
   *
   * @param frequencies the row values {@code x}, from 0
   * @param recencies the column values {@code t_x} in weeks, from 0
   * @param age {@code T} in weeks: the longest observed
   * @param period the prediction period of {@code expectedPurchases} in weeks (a month)
   * @param expectedPurchases {@code [row][column]}: expected purchases in the next period; NaN for
   *     the impossible cells ({@code x = 0} with {@code t_x > 0})
   * @param alive {@code [row][column]}: P(alive); NaN for the impossible cells
   */
  public record FrequencyRecency(
      int[] frequencies,
      double[] recencies,
      double age,
      double period,
      double[][] expectedPurchases,
      double[][] alive) {}

  /**
   * The customers "at risk": in the top {@code topShare} by CLV with P(alive) below {@code
   * aliveBelow}.
   *
   * @param topShare the share of customers (by CLV, highest first) looked at
   * @param aliveBelow the P(alive) below which such a customer is at risk
   * @param clvThreshold the lowest CLV in the top share (customers with a CLV at least this are in
   *     it, ties included)
   * @param customers the number of customers at risk
   * @param value their total CLV
   * @param shareOfValue their share of the total CLV
   */
  public record AtRisk(
      double topShare,
      double aliveBelow,
      double clvThreshold,
      int customers,
      double value,
      double shareOfValue) {}

  /** Returns whether customer {@code i} of {@link #perCustomer()} is at risk. */
  public boolean isAtRisk(int i) {
    double v = perCustomer.clv(i);
    return !Double.isNaN(v)
        && v >= atRisk.clvThreshold()
        && perCustomer.alive(i) < atRisk.aliveBelow();
  }

  /**
   * One behavioural segment of customers (cx-metrics' {@code BehaviouralSegmentation} on their
   * weeks since the last purchase, repeat purchases, mean repeat spend, P(active) and CLV).
   *
   * @param customers the customers in it (of the sample segmented)
   * @param share its share of the sample
   * @param apart what sets it apart, largest first: feature name and standardised difference {@code
   *     (mean in the segment - mean of the rest) / sd}
   * @param meanClv the segment's mean CLV
   * @param meanAlive the segment's mean P(active)
   * @param nps the NPS of the segment's respondents (points, with its interval), or {@link
   *     Estimate#empty(String)} without respondents
   * @param csat the CSAT top-box share of the segment's respondents (percent, with its interval),
   *     or {@link Estimate#empty(String)} without respondents
   */
  public record SegmentProfile(
      int customers,
      double share,
      List<Map.Entry<String, Double>> apart,
      double meanClv,
      double meanAlive,
      Estimate nps,
      Estimate csat) {
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
   * @param detail what about the customer's history made it so, e.g. "1 repeat purchase summing to
   *     0"
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
    fits = List.copyOf(fits);
    Objects.requireNonNull(tracking, "tracking");
    Objects.requireNonNull(frequencyRecency, "frequencyRecency");
    Objects.requireNonNull(aliveCounts, "aliveCounts");
    Objects.requireNonNull(atRisk, "atRisk");
    Objects.requireNonNull(perCustomer, "perCustomer");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "CLV over %d months (%d customers): mean %.2f, median %.2f, p90 %.2f, total %.0f, "
            + "top 10%% hold %.1f%%, mean P(alive) %.2f%s",
        horizon.periods(),
        customers,
        mean,
        median,
        p90,
        total,
        100 * topDecileShare,
        meanAlive,
        excluded.isEmpty() ? "" : ", " + excluded.size() + " without a spend model");
  }
}
