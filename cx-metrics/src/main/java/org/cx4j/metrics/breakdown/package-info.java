/**
 * Any survey metric broken down by segment, touchpoint, channel, journey stage or a user key, in
 * one pass.
 */
package org.cx4j.metrics.breakdown;
