package org.cx4j.journey.graph;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link TransitionGraph} as text for tools that draw graphs: Graphviz DOT and Mermaid
 * flowcharts, for users who draw their own journey maps.
 *
 * <p>Both show every node with its visit count, a start node with an edge to each node where
 * journeys start, an end node with an edge from each node where journeys end, and each transition
 * with its count and median time. Edges seen fewer than {@code minCount} times are left out, and
 * the output says how many (a comment in DOT, {@code %%} in Mermaid), so nothing disappears
 * silently. Node identifiers are generated ({@code n0, n1, ...}) and never derived from names;
 * labels are quoted and escaped per format (DOT: {@code \\}, {@code \"}, line breaks as {@code \n};
 * Mermaid: entity codes such as {@code #quot;} and {@code <br/>}), so any touchpoint name, with
 * {@code " > "}, commas, quotes, {@code <}, {@code &}, backslashes or line breaks, reads back
 * unchanged (line breaks as {@code \n}).
 */
public final class GraphExport {

  private GraphExport() {}

  /**
   * Returns the graph in Graphviz DOT: {@code digraph journey { ... }}, left to right, edge width
   * growing with the count.
   *
   * @param minCount the smallest edge count shown, at least 1
   * @throws IllegalArgumentException if {@code minCount < 1}
   */
  public static String dot(TransitionGraph graph, long minCount) {
    Objects.requireNonNull(graph, "graph");
    checkArgument(minCount >= 1, "minCount must be >= 1, got %s", minCount);
    Map<String, String> id = ids(graph.nodes());
    long max = maxCount(graph);
    StringBuilder sb = new StringBuilder("digraph journey {\n");
    sb.append("  rankdir=LR;\n");
    sb.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    sb.append("  start [label=\"start\", shape=circle];\n");
    sb.append("  end [label=\"end\", shape=doublecircle];\n");
    for (String node : graph.nodes()) {
      sb.append("  ")
          .append(id.get(node))
          .append(" [label=\"")
          .append(dotEscape(node))
          .append("\\n")
          .append(graph.visits().getOrDefault(node, 0L))
          .append(" visits\"];\n");
    }
    for (Map.Entry<String, Long> e : graph.starts().entrySet()) {
      if (e.getValue() > 0) {
        sb.append("  start -> ")
            .append(id.get(e.getKey()))
            .append(" [label=\"")
            .append(e.getValue())
            .append("\", style=dashed];\n");
      }
    }
    int hidden = 0;
    for (TransitionGraph.Edge e : graph.edges()) {
      if (e.count() < minCount) {
        hidden++;
        continue;
      }
      double width = 1 + 4.0 * e.count() / max;
      sb.append("  ")
          .append(id.get(e.from()))
          .append(" -> ")
          .append(id.get(e.to()))
          .append(" [label=\"")
          .append(e.count())
          .append(" · ")
          .append(duration(e.timing().medianSeconds()))
          .append("\", penwidth=")
          .append(String.format(Locale.ROOT, "%.2f", width))
          .append("];\n");
    }
    for (Map.Entry<String, Long> e : graph.ends().entrySet()) {
      if (e.getValue() > 0) {
        sb.append("  ")
            .append(id.get(e.getKey()))
            .append(" -> end [label=\"")
            .append(e.getValue())
            .append("\", style=dashed];\n");
      }
    }
    if (hidden > 0) {
      sb.append("  // ")
          .append(hidden)
          .append(" edges seen fewer than ")
          .append(minCount)
          .append(" times are not shown\n");
    }
    return sb.append("}\n").toString();
  }

  /**
   * Returns the graph as a Mermaid flowchart ({@code flowchart LR}).
   *
   * @param minCount the smallest edge count shown, at least 1
   * @throws IllegalArgumentException if {@code minCount < 1}
   */
  public static String mermaid(TransitionGraph graph, long minCount) {
    Objects.requireNonNull(graph, "graph");
    checkArgument(minCount >= 1, "minCount must be >= 1, got %s", minCount);
    Map<String, String> id = ids(graph.nodes());
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    sb.append("  start((start))\n");
    sb.append("  stop(((end)))\n");
    for (String node : graph.nodes()) {
      sb.append("  ")
          .append(id.get(node))
          .append("[\"")
          .append(mermaidEscape(node))
          .append("<br/>")
          .append(graph.visits().getOrDefault(node, 0L))
          .append(" visits\"]\n");
    }
    for (Map.Entry<String, Long> e : graph.starts().entrySet()) {
      if (e.getValue() > 0) {
        sb.append("  start -.->|")
            .append(e.getValue())
            .append("| ")
            .append(id.get(e.getKey()))
            .append('\n');
      }
    }
    int hidden = 0;
    for (TransitionGraph.Edge e : graph.edges()) {
      if (e.count() < minCount) {
        hidden++;
        continue;
      }
      sb.append("  ")
          .append(id.get(e.from()))
          .append(" -->|\"")
          .append(e.count())
          .append(" · ")
          .append(duration(e.timing().medianSeconds()))
          .append("\"| ")
          .append(id.get(e.to()))
          .append('\n');
    }
    for (Map.Entry<String, Long> e : graph.ends().entrySet()) {
      if (e.getValue() > 0) {
        sb.append("  ")
            .append(id.get(e.getKey()))
            .append(" -.->|")
            .append(e.getValue())
            .append("| stop\n");
      }
    }
    if (hidden > 0) {
      sb.append("  %% ")
          .append(hidden)
          .append(" edges seen fewer than ")
          .append(minCount)
          .append(" times are not shown\n");
    }
    return sb.toString();
  }

  /** Returns a duration for a label: seconds, minutes, hours or days, two significant digits. */
  static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "n/a";
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.0fs", seconds);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    if (seconds < 86400) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
    return String.format(Locale.ROOT, "%.1f d", seconds / 86400);
  }

  private static Map<String, String> ids(List<String> nodes) {
    Map<String, String> id = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      id.put(nodes.get(i), "n" + i);
    }
    return id;
  }

  private static long maxCount(TransitionGraph graph) {
    long max = 1;
    for (TransitionGraph.Edge e : graph.edges()) {
      max = Math.max(max, e.count());
    }
    return max;
  }

  /**
   * DOT double-quoted strings: backslash and quote escaped ({@code \\}, {@code \"}), every line
   * break ({@code \r\n}, {@code \r}, {@code \n}) as the DOT escape {@code \n}, so a label ends
   * where its closing quote is and reads back to the name.
   */
  static String dotEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\r' -> {
          sb.append("\\n");
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Mermaid quoted labels: {@code #} (which starts Mermaid's entity codes), quotes, markup
   * characters and the backtick (which starts a Markdown string) as entity codes ({@code #35;},
   * {@code #quot;}, {@code #amp;}, {@code #lt;}, {@code #gt;}, {@code #96;}), every line break as
   * {@code <br/>}. Node identifiers are synthetic, so the label is the only place a name appears.
   */
  static String mermaidEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '#' -> sb.append("#35;");
        case '&' -> sb.append("#amp;");
        case '"' -> sb.append("#quot;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '`' -> sb.append("#96;");
        case '\r' -> {
          sb.append("<br/>");
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> sb.append("<br/>");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
