/**
 * The {@code cx-report} command line ({@link org.cx4j.report.cli.CxReportCommand}, built on
 * picocli): from files or the bundled sample to a console summary and an output folder; exit codes
 * in {@link org.cx4j.report.cli.ExitCodes}.
 */
package org.cx4j.report.cli;
