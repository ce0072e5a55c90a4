/** Exact, mergeable duration histograms at one-second resolution. */
package org.cx4j.journey.timing;
