/**
 * Behavioural segments of customers: k-means++ on standardised behaviour features, the number of
 * segments chosen by silhouette, and profiles that say what sets each segment apart ({@link
 * org.cx4j.metrics.segment.BehaviouralSegmentation}).
 */
package org.cx4j.metrics.segment;
