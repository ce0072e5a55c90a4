/**
 * The plain-text console summary of a CX report: {@link org.cx4j.report.console.ConsoleSummary}.
 */
package org.cx4j.report.console;
