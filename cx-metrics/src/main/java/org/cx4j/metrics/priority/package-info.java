/**
 * What to fix first: the effort-impact matrix ({@link
 * org.cx4j.metrics.priority.EffortImpactMatrix}) places initiatives in quick wins, major projects,
 * fill-ins and thankless tasks and ranks them.
 */
package org.cx4j.metrics.priority;
