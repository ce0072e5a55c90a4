package org.cx4j.journey.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * Maps touchpoint codes of a {@link TouchpointDictionary} to node codes {@code 0..size()-1} with
 * labels: the node set of a transition graph, of variants or of a path analysis.
 *
 * <p>{@link #of(TouchpointDictionary, Level)} groups by touchpoint, channel or stage; {@link
 * #rename(TouchpointDictionary, Function)} is path cleaning: a rule that renames touchpoints, and
 * merges those that get the same name (for example all help pages into {@code "help"}). Node codes
 * follow the order of first appearance in the dictionary.
 *
 * <p>Immutable and thread-safe.
 */
public final class Abstraction {

  private final TouchpointDictionary dictionary;
  private final int[] nodeOf;
  private final ImmutableList<String> labels;

  private Abstraction(TouchpointDictionary dictionary, int[] nodeOf, List<String> labels) {
    this.dictionary = dictionary;
    this.nodeOf = nodeOf;
    this.labels = ImmutableList.copyOf(labels);
  }

  /** Returns the abstraction of {@code dictionary} at {@code level}. */
  public static Abstraction of(TouchpointDictionary dictionary, Level level) {
    Objects.requireNonNull(level, "level");
    switch (level) {
      case TOUCHPOINT:
        return rename(dictionary, Touchpoint::id);
      case CHANNEL:
        return rename(dictionary, t -> t.channel().name());
      case STAGE:
        return rename(dictionary, t -> t.stage().name());
      default:
        throw new AssertionError(level);
    }
  }

  /**
   * Returns the abstraction that labels each touchpoint by {@code rule}; touchpoints with equal
   * labels become one node.
   *
   * @throws IllegalArgumentException if the rule returns a null or blank label, naming the
   *     touchpoint
   */
  public static Abstraction rename(
      TouchpointDictionary dictionary, Function<Touchpoint, String> rule) {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(rule, "rule");
    Map<String, Integer> codes = new LinkedHashMap<>();
    int[] nodeOf = new int[dictionary.size()];
    for (int i = 0; i < nodeOf.length; i++) {
      Touchpoint t = dictionary.touchpoint(i);
      String label = rule.apply(t);
      checkArgument(
          label != null && !label.isBlank(),
          "the renaming rule gave a null or blank label for touchpoint %s: '%s'",
          t,
          label);
      Integer c = codes.get(label);
      if (c == null) {
        c = codes.size();
        codes.put(label, c);
      }
      nodeOf[i] = c;
    }
    return new Abstraction(dictionary, nodeOf, new ArrayList<>(codes.keySet()));
  }

  /**
   * Returns the node code of touchpoint code {@code touchpointCode} (unchecked: a hot-loop call).
   */
  public int node(int touchpointCode) {
    return nodeOf[touchpointCode];
  }

  /** Returns the number of nodes. */
  public int size() {
    return labels.size();
  }

  /** Returns the label of node {@code node}. */
  public String label(int node) {
    return labels.get(node);
  }

  /** Returns the node labels in node-code order. */
  public List<String> labels() {
    return labels;
  }

  /**
   * Returns the code of the node labelled {@code label}.
   *
   * @throws IllegalArgumentException if no node has that label
   */
  public int nodeOf(String label) {
    int i = labels.indexOf(Objects.requireNonNull(label, "label"));
    checkArgument(i >= 0, "no node labelled '%s'; nodes: %s", label, labels);
    return i;
  }

  /** Returns the dictionary this abstraction maps. */
  public TouchpointDictionary dictionary() {
    return dictionary;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Abstraction)) {
      return false;
    }
    Abstraction a = (Abstraction) o;
    return a.labels.equals(labels)
        && Arrays.equals(a.nodeOf, nodeOf)
        && a.dictionary.equals(dictionary);
  }

  @Override
  public int hashCode() {
    return labels.hashCode() * 31 + Arrays.hashCode(nodeOf);
  }

  @Override
  public String toString() {
    return "Abstraction" + labels;
  }
}
