package org.cx4j.core.naming;

import java.util.Objects;

/**
 * The Levenshtein distance between two names: the fewest single-character insertions, deletions and
 * substitutions that turn one into the other. Used to suggest the closest known name when a user's
 * name matches none (a mistyped column, touchpoint or option value).
 */
public final class EditDistance {

  private EditDistance() {}

  /**
   * Returns the Levenshtein distance between {@code a} and {@code b}, comparing {@code char}s as
   * they are (case-sensitive); 0 for equal strings, the other's length when one is empty. Time
   * O(|a| |b|), memory O(|b|) (Wagner-Fischer with two rows).
   *
   * @throws NullPointerException if {@code a} or {@code b} is null
   */
  public static int levenshtein(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
