package org.cx4j.report.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.cx4j.metrics.trend.Period;

/**
 * The settings of a report. {@link #defaults()} are what an analyst would choose first; change one
 * with the {@code with...} methods.
 *
 * @param level the confidence level of every interval, in (0, 1); default 0.95
 * @param zone the time zone of periods and cohorts; default UTC
 * @param trendPeriod the period of the metric trends; default month
 * @param minGroupSize groups (segments, channels, periods, touchpoints) with fewer responses are
 *     flagged as small; default 30
 * @param journeyGap the inactivity that splits a customer's interactions into journeys, or null to
 *     keep one journey per customer (or per journey id); default null
 * @param churnAfterDays a customer counts as churned after this many days without activity; default
 *     90
 * @param clvMonths the CLV horizon in months; default 12
 * @param monthlyDiscount the discount rate per month of the CLV; default 0.01
 * @param margin the share of spend that is profit, in (0, 1]; default 0.3
 * @param topN how many pain points, delights, paths and drivers the summary lists; default 5
 * @param effort the effort to fix a touchpoint by id (any consistent unit); touchpoints not listed
 *     get a default by channel
 * @param calibrationEnd the last day (inclusive) of the calibration period of the lifetime value
 *     tracking plot, whose model is then fitted on the transactions up to that day and checked
 *     against the later ones; null (the default) makes the whole period calibration
 * @param atRiskTop the share of customers with the highest CLV among whom "at risk" customers are
 *     looked for, in (0, 1]; default 0.2
 * @param atRiskAlive a customer of that top share is at risk when P(alive) is below this, in (0,
 *     1]; default 0.5
 */
public record ReportOptions(
    double level,
    ZoneId zone,
    Period trendPeriod,
    int minGroupSize,
    Duration journeyGap,
    int churnAfterDays,
    int clvMonths,
    double monthlyDiscount,
    double margin,
    int topN,
    Map<String, Double> effort,
    LocalDate calibrationEnd,
    double atRiskTop,
    double atRiskAlive) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a value is out of range (named in the message)
   */
  public ReportOptions {
    checkArgument(level > 0 && level < 1, "level must be in (0, 1), got %s", level);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(trendPeriod, "trendPeriod");
    checkArgument(minGroupSize >= 1, "minGroupSize must be at least 1, got %s", minGroupSize);
    checkArgument(
        journeyGap == null || (!journeyGap.isNegative() && !journeyGap.isZero()),
        "journeyGap must be positive, got %s",
        journeyGap);
    checkArgument(churnAfterDays >= 1, "churnAfterDays must be at least 1, got %s", churnAfterDays);
    checkArgument(clvMonths >= 1, "clvMonths must be at least 1, got %s", clvMonths);
    checkArgument(
        monthlyDiscount >= 0 && monthlyDiscount < 1,
        "monthlyDiscount must be in [0, 1), got %s",
        monthlyDiscount);
    checkArgument(margin > 0 && margin <= 1, "margin must be in (0, 1], got %s", margin);
    checkArgument(topN >= 1, "topN must be at least 1, got %s", topN);
    effort = Map.copyOf(effort);
    effort.forEach(
        (k, v) ->
            checkArgument(
                v != null && v > 0 && Double.isFinite(v),
                "effort of '%s' must be positive and finite, got %s",
                k,
                v));
    checkArgument(
        atRiskTop > 0 && atRiskTop <= 1, "atRiskTop must be in (0, 1], got %s", atRiskTop);
    checkArgument(
        atRiskAlive > 0 && atRiskAlive <= 1, "atRiskAlive must be in (0, 1], got %s", atRiskAlive);
  }

  /** Returns the defaults listed on the record. */
  public static ReportOptions defaults() {
    return new ReportOptions(
        0.95,
        ZoneOffset.UTC,
        Period.MONTH,
        30,
        null,
        90,
        12,
        0.01,
        0.3,
        5,
        Map.of(),
        null,
        0.2,
        0.5);
  }

  /** Returns these options with another confidence level. */
  public ReportOptions withLevel(double level) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another time zone. */
  public ReportOptions withZone(ZoneId zone) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another trend period. */
  public ReportOptions withTrendPeriod(Period trendPeriod) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another minimum group size. */
  public ReportOptions withMinGroupSize(int minGroupSize) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with journeys split after {@code gap} of inactivity (null: never). */
  public ReportOptions withJourneyGap(Duration gap) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        gap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another churn threshold. */
  public ReportOptions withChurnAfterDays(int days) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        days,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another CLV horizon, discount rate and margin. */
  public ReportOptions withClv(int months, double monthlyDiscount, double margin) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        months,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with another number of listed items. */
  public ReportOptions withTopN(int topN) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /** Returns these options with effort estimates by touchpoint id. */
  public ReportOptions withEffort(Map<String, Double> effort) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /**
   * Returns these options with a calibration period for the lifetime value tracking plot ending on
   * {@code calibrationEnd} (inclusive); null for the whole period.
   */
  public ReportOptions withCalibrationEnd(LocalDate calibrationEnd) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        atRiskTop,
        atRiskAlive);
  }

  /**
   * Returns these options with other "at risk" thresholds: customers in the top {@code top} share
   * by CLV whose P(alive) is below {@code alive}.
   *
   * @throws IllegalArgumentException if a threshold is not in (0, 1]
   */
  public ReportOptions withAtRisk(double top, double alive) {
    return new ReportOptions(
        level,
        zone,
        trendPeriod,
        minGroupSize,
        journeyGap,
        churnAfterDays,
        clvMonths,
        monthlyDiscount,
        margin,
        topN,
        effort,
        calibrationEnd,
        top,
        alive);
  }
}
