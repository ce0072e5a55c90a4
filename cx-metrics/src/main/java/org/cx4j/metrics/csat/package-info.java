/** Customer satisfaction: top-box share (Wilson interval) and mean rating (t interval). */
package org.cx4j.metrics.csat;
