package org.cx4j.journey.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.naming.EditDistance;

/**
 * What an analysis does with a step or anchor that names a touchpoint (or node) that exists nowhere
 * in the journeys' dictionary: usually a typo, which would otherwise match nothing and silently
 * convert nobody.
 */
public enum UnknownNames {
  /**
   * The default: throw an {@link IllegalArgumentException} naming the unknown name and up to three
   * closest known names (edit distance at most 2).
   */
  REJECT,
  /** Accept the name: it matches no event. */
  ALLOW;

  /** Largest edit distance of a suggestion. */
  public static final int MAX_SUGGESTION_DISTANCE = 2;

  /**
   * Returns up to three of {@code known} within Levenshtein distance {@value
   * #MAX_SUGGESTION_DISTANCE} of {@code name} (insertions, deletions and substitutions of one
   * character each cost 1), closest first, then in the order of {@code known}; an empty list when
   * none is that close.
   */
  public static List<String> closest(String name, Collection<String> known) {
    Objects.requireNonNull(name, "name");
    List<String> close = new ArrayList<>();
    List<Integer> dist = new ArrayList<>();
    for (String k : known) {
      int d = EditDistance.levenshtein(name, k);
      if (d <= MAX_SUGGESTION_DISTANCE && !close.contains(k)) {
        close.add(k);
        dist.add(d);
      }
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < close.size(); i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparing(dist::get)); // stable: catalogue order on ties
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(3, idx.size()); i++) {
      out.add(close.get(idx.get(i)));
    }
    return List.copyOf(out);
  }

  /**
   * Returns the message for an unknown {@code name} used as {@code what} (e.g. "funnel step 2").
   */
  public static String message(String what, String name, Collection<String> known) {
    List<String> c = closest(name, known);
    return what
        + " names '"
        + name
        + "', which matches no known name"
        + (c.isEmpty()
            ? " (no known name within edit distance " + MAX_SUGGESTION_DISTANCE + ")"
            : "; closest known: " + String.join(", ", c))
        + ". Pass UnknownNames.ALLOW to accept names that match no event.";
  }
}
