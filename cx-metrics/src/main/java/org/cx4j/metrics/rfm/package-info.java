/**
 * RFM: per-customer purchase summaries for lifetime-value models and marketing RFM scores.
 *
 * <p>Two recencies live here and must not be confused:
 *
 * <ul>
 *   <li>{@link org.cx4j.metrics.rfm.BtydSummarizer} builds the "buy till you die" statistics of
 *       Fader, Hardie and Lee: frequency {@code x} (repeat purchases, same-day purchases merged),
 *       recency {@code t_x} (time of the last purchase <em>since the first</em>), age {@code T} and
 *       the mean repeat spend, over a calibration period with an optional holdout. Its {@link
 *       org.cx4j.metrics.rfm.BtydSummaries#repeatPurchaseData()} feeds {@code
 *       org.cx4j.metrics.clv}.
 *   <li>{@link org.cx4j.metrics.rfm.RfmScorer} computes the marketing recency (days <em>since</em>
 *       the last purchase at an analysis date), frequency and monetary value, their quintile scores
 *       1..5 and the {@link org.cx4j.metrics.rfm.RfmSegment segment}.
 * </ul>
 *
 * <pre>{@code
 * BtydSummaries s = BtydSummarizer.builder(LocalDate.of(1997, 9, 30))
 *     .holdoutEnd(LocalDate.of(1998, 6, 30)).build().summarize(transactions);
 * List<RfmScore> rfm = RfmScorer.at(LocalDate.of(1998, 6, 30), ZoneOffset.UTC).score(transactions);
 * }</pre>
 */
package org.cx4j.metrics.rfm;
