/**
 * The tables behind the CX report ({@link org.cx4j.report.table.ReportTables}), written as CSV and
 * JSON through Jackson by {@link org.cx4j.report.table.TableWriter}.
 */
package org.cx4j.report.table;
