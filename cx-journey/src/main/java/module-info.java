/** cx4j journey: journeys, paths, funnels, transition graphs, conformance, attribution. */
module org.cx4j.journey {
  requires transitive org.cx4j.metrics;
  requires com.google.common;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.cx4j.journey.attribution;
}
