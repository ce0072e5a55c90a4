/**
 * Inline SVG charts for the HTML report: plain data in, a self-contained {@code <svg>} element
 * out, with no scripts, fonts or external references.
 */
package org.cx4j.report.chart;
