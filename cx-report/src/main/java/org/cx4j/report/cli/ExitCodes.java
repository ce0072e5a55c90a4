package org.cx4j.report.cli;

/**
 * The exit codes of {@code cx-report}, which scripts can rely on.
 *
 * <table class="striped">
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>the report was written</td></tr>
 *   <tr><td>1</td><td>an analysis failed unexpectedly (a bug: please report it)</td></tr>
 *   <tr><td>2</td><td>the command line is wrong (unknown option, bad value)</td></tr>
 *   <tr><td>3</td><td>an input is wrong: a file is missing, a config is invalid, or (strict mode)
 *       a row is bad; the message names the file, line, column and value</td></tr>
 *   <tr><td>4</td><td>the output folder was refused (not an earlier report and no --force, a
 *       symbolic link) or could not be written; an earlier report there is unchanged</td></tr>
 * </table>
 */
public final class ExitCodes {

  /** The report was written. */
  public static final int OK = 0;

  /** An analysis failed unexpectedly. */
  public static final int SOFTWARE = 1;

  /** The command line is wrong. */
  public static final int USAGE = 2;

  /** An input file, row or config is wrong. */
  public static final int INPUT = 3;

  /** The output folder was refused or could not be written. */
  public static final int OUTPUT = 4;

  private ExitCodes() {}
}
