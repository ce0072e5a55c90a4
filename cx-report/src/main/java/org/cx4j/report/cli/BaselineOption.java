package org.cx4j.report.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.report.analysis.ChangeSection;
import picocli.CommandLine;

/** The command's {@code --baseline}, {@code --adjust} and {@code --strict-baseline} handling. */
final class BaselineOption {

  private BaselineOption() {}

  /**
   * Returns the procedure {@code --adjust} names: {@code bh} (also {@code fdr}, {@code
   * benjamini-hochberg}) or {@code holm}, in any case.
   *
   * @throws CommandLine.ParameterException naming the option and the value otherwise
   */
  static MultipleTesting.Method method(CommandLine cl, String adjust) {
    return switch (adjust.strip().toLowerCase(Locale.ROOT)) {
      case "bh", "fdr", "benjamini-hochberg" -> MultipleTesting.Method.BENJAMINI_HOCHBERG;
      case "holm" -> MultipleTesting.Method.HOLM;
      default ->
          throw new CommandLine.ParameterException(
              cl, "--adjust must be bh (Benjamini-Hochberg) or holm, got '" + adjust + "'");
    };
  }

  /**
   * Prints the overlap warning of {@code changes}, if any, to {@code err} as a warning, or (with
   * {@code strict}) as an error; returns whether the run goes on.
   */
  static boolean checkOverlap(ChangeSection changes, boolean strict, PrintWriter err) {
    if (!changes.overlap()) {
      return true;
    }
    for (String w : changes.warnings()) {
      err.println((strict ? "error: --strict-baseline: " : "warning: ") + w);
    }
    err.flush();
    return !strict;
  }
}
