/** Journey variants: distinct node sequences with counts, shares and coverage. */
package org.cx4j.journey.variant;
