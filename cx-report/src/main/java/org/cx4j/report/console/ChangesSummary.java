package org.cx4j.report.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cx4j.report.analysis.ChangeSection;

/**
 * The lines the console summary opens with when the report has a baseline: how many changes are
 * significant, the (at most) three with the largest {@code |z|}, and any warning. Plain text; the
 * caller escapes names from the data.
 */
public final class ChangesSummary {

  /** Lines are wrapped to this many columns. */
  static final int WIDTH = 100;

  private ChangesSummary() {}

  /** Returns the lines for {@code changes}, without a trailing blank line. */
  public static List<String> lines(ChangeSection changes) {
    List<String> out = new ArrayList<>();
    long significant = changes.changes().stream().filter(ChangeSection.Change::significant).count();
    out.add(
        String.format(
            Locale.ROOT,
            "What changed since the baseline (%s): %d of %d tested "
                + "changes significant (%s, %s <= %.2f)",
            changes.baselineSource(),
            significant,
            changes.tested(),
            changes.method() == org.cx4j.metrics.compare.MultipleTesting.Method.BENJAMINI_HOCHBERG
                ? "Benjamini-Hochberg"
                : "Holm",
            changes.adjustedName(),
            changes.alpha()));
    for (ChangeSection.Change c : changes.headlines()) {
      out.add("  " + c.describe(changes.adjustedName()));
    }
    for (String w : changes.warnings()) {
      wrap(out, "warning: " + w, "  ");
    }
    out.add("  (every change: \"What changed\" in report.html, tables/changes.csv)");
    return out;
  }

  /** Adds {@code text} word-wrapped to {@link #WIDTH} columns, each line indented. */
  static void wrap(List<String> out, String text, String indent) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.add(line.toString());
        line = new StringBuilder(indent + "  ");
      }
      if (line.length() > indent.length() && line.charAt(line.length() - 1) != ' ') {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
  }
}
