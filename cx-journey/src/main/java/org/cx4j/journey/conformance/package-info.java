/** Designed journeys (journey maps) and the conformance of actual journeys to them. */
package org.cx4j.journey.conformance;
