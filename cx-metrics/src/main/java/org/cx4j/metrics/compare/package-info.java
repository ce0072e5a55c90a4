/** Comparisons of two samples (NPS, shares, means), finite-population correction and sample-size planning. */
package org.cx4j.metrics.compare;
