/**
 * Continuous monitoring of survey scores (and, through cx-journey, conversions) per key in time
 * buckets: a thread-safe {@link org.cx4j.metrics.monitor.ScoreMonitor} with bounded memory,
 * mergeable snapshots, window-versus-baseline change detection with multiple-testing control across
 * keys, and CUSUM and EWMA control charts for a single stream.
 */
package org.cx4j.metrics.monitor;
