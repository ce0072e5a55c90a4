/**
 * The shared core of cx4j's survey scores: the {@link org.cx4j.metrics.score.ScoreDistribution}
 * (histogram with sampling weights) from which every metric is computed, the mergeable {@link
 * org.cx4j.metrics.score.ScoreAccumulator} and its thread-safe variant {@link
 * org.cx4j.metrics.score.ConcurrentScoreAccumulator}, {@link org.cx4j.metrics.score.Interval}s and
 * the share and mean estimates.
 */
package org.cx4j.metrics.score;
