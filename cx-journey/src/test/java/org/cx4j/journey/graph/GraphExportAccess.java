package org.cx4j.journey.graph;

/** Test access to GraphExport's package-private helpers. */
public final class GraphExportAccess {
  private GraphExportAccess() {}

  public static String dot(String s) {
    return GraphExport.dotEscape(s);
  }

  public static String mermaid(String s) {
    return GraphExport.mermaidEscape(s);
  }

  public static String duration(double seconds) {
    return GraphExport.duration(seconds);
  }
}
