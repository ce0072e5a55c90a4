/** The Net Promoter Score with Wald, adjusted-Wald (Rocks 2016) and bootstrap intervals. */
package org.cx4j.metrics.nps;
