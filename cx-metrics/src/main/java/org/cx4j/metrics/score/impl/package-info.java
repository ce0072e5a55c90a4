/** Internals of the survey scores: hot loops and statistical helpers. Not exported. */
package org.cx4j.metrics.score.impl;
