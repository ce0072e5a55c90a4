/**
 * The report's input: {@link org.cx4j.report.input.ReportInput} (customers, interaction log,
 * responses, transactions and what reading them did), built from the bundled sample or from a
 * user's CSV / JSON Lines files by {@link org.cx4j.report.input.InputLoader}, optionally configured
 * by a small JSON {@link org.cx4j.report.input.ReportConfig}.
 */
package org.cx4j.report.input;
