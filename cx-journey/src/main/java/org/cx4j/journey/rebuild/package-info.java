/**
 * Journeys rebuilt from an interaction log: {@link org.cx4j.journey.rebuild.JourneyRebuilder} sorts
 * by customer and time and splits by inactivity, ids or end events; {@link
 * org.cx4j.journey.rebuild.Journeys} is the columnar result, {@link
 * org.cx4j.journey.rebuild.Journey} a lazy view of one journey.
 */
package org.cx4j.journey.rebuild;
