/** RFM: per-customer recency-frequency-monetary summaries and scores (placeholder). */
package org.cx4j.metrics.rfm;
