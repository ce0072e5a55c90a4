/**
 * The CX report: the command line, the self-contained HTML report with inline SVG charts, the
 * CSV/JSON tables, and the JShell bench.
 */
module org.cx4j.report {
  requires transitive org.cx4j.journey;
  requires transitive org.cx4j.metrics;
  requires transitive org.cx4j.text;
  requires transitive org.cx4j.core;
  requires com.google.common;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.cx4j.report.chart;
  exports org.cx4j.report.input;
  exports org.cx4j.report.analysis;
  exports org.cx4j.report.console;
  exports org.cx4j.report.table;
  exports org.cx4j.report.html;
  exports org.cx4j.report.json;
  exports org.cx4j.report.cli;

  // picocli fills the command's option fields reflectively.
  opens org.cx4j.report.cli to
      info.picocli;
}
