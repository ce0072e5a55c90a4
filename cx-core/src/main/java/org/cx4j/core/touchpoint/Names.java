package org.cx4j.core.touchpoint;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalizes channel and stage names: trimmed, lower case, runs of whitespace as one {@code _}. */
final class Names {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Names() {}

  /**
   * Returns {@code name} trimmed, in lower case ({@link Locale#ROOT}), with every run of whitespace
   * ({@code \s}) replaced by one {@code _}.
   */
  static String normalize(String name) {
    // Readers call this once per row: trim() and toLowerCase() return their receiver when
    // nothing changes, and the regex runs only when there is whitespace to replace.
    String t = name.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return WHITESPACE.matcher(t).replaceAll("_");
      }
    }
    return t;
  }
}
