/** Live conversion rates per key with change detection, on the cx-metrics monitor. */
package org.cx4j.journey.monitor;
