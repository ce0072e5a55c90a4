/**
 * cx4j journey: journeys rebuilt from interaction logs, and their analyses.
 *
 * <ul>
 *   <li>{@code org.cx4j.journey.log}: the columnar interaction store and node abstractions;
 *   <li>{@code org.cx4j.journey.rebuild}: journey rebuild and the {@code Journey} view;
 *   <li>{@code org.cx4j.journey.timing}: exact, mergeable duration histograms;
 *   <li>{@code org.cx4j.journey.graph}: the transition (directly-follows) graph;
 *   <li>{@code org.cx4j.journey.funnel}: funnels with windows, modes, breakdowns;
 *   <li>{@code org.cx4j.journey.variant}: variants with coverage;
 *   <li>{@code org.cx4j.journey.path}: path analysis and channel switching;
 *   <li>{@code org.cx4j.journey.conformance}: designed journeys and conformance checking;
 *   <li>{@code org.cx4j.journey.painpoint}: pain points and moments of delight;
 *   <li>{@code org.cx4j.journey.attribution}: multi-touch attribution (heuristic, Markov, Shapley);
 *   <li>{@code org.cx4j.journey.eventlog}: event logs from CSV and IEEE 1849 XES.
 * </ul>
 */
module org.cx4j.journey {
  requires transitive org.cx4j.metrics;
  requires com.google.common;
  requires com.fasterxml.jackson.dataformat.csv;
  // Hipparchus and EJML declare no module name: they are not required here but relocated into
  // org.cx4j.journey.internal.shaded when the jar is packaged (pom.xml, README).
  requires java.xml; // XES via StAX

  exports org.cx4j.journey.log;
  exports org.cx4j.journey.rebuild;
  exports org.cx4j.journey.timing;
  exports org.cx4j.journey.graph;
  exports org.cx4j.journey.funnel;
  exports org.cx4j.journey.variant;
  exports org.cx4j.journey.path;
  exports org.cx4j.journey.conformance;
  exports org.cx4j.journey.painpoint;
  exports org.cx4j.journey.attribution;
  exports org.cx4j.journey.eventlog;
  exports org.cx4j.journey.monitor;

  // Unsupported internals (sequence counters), exported because cx-spark, not a module, cannot be
  // named in a qualified export; left out of the Javadoc.
  exports org.cx4j.journey.internal;
}
