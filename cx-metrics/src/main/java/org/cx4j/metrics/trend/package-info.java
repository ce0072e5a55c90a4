/** Survey metrics per calendar period and over rolling windows, with empty periods kept. */
package org.cx4j.metrics.trend;
