/**
 * Comparisons of two samples (NPS, shares, means), multiple-testing control across many comparisons
 * (Benjamini-Hochberg, Holm), finite-population correction and sample-size planning.
 */
package org.cx4j.metrics.compare;
