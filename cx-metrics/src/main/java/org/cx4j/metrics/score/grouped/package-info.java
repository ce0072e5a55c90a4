/**
 * Grouped columnar scoring: every survey metric (NPS, CSAT, CES, Rating) over a score column and a
 * group-code column in one pass, the overall result and one per group, with the same results and
 * intervals as the per-row {@link org.cx4j.metrics.score.ScoreAccumulator}. Start at {@link
 * org.cx4j.metrics.score.grouped.GroupedScores}.
 */
package org.cx4j.metrics.score.grouped;
