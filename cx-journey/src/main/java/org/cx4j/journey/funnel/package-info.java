/**
 * Funnels over journeys: ordered, strict or unordered steps with windows, optional and exclusion
 * steps, breakdowns and trends.
 */
package org.cx4j.journey.funnel;
