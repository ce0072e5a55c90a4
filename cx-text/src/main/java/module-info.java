/**
 * cx4j text: sentiment of free-text customer comments (a VADER-style rule-based scorer with the
 * VADER lexicon) and what distinguishes one group's comments from another's (weighted log-odds with
 * an informative Dirichlet prior) and theme dictionaries. English only.
 */
module org.cx4j.text {
  requires transitive org.cx4j.metrics;
  requires transitive org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.commons.statistics.distribution;
  requires com.google.common;
  requires com.fasterxml.jackson.databind;

  // Hipparchus declares no module name: it is not required here but relocated into
  // org.cx4j.text.internal.shaded.hipparchus when the jar is packaged (pom.xml, README).

  exports org.cx4j.text;

  // Jackson reads and writes trained classifiers.
  opens org.cx4j.text to
      com.fasterxml.jackson.databind;
}
