/**
 * cx4j metrics: survey scores with confidence intervals, comparisons, breakdowns and trends; key
 * drivers and prioritization; retention, survival and lifetime value.
 */
module org.cx4j.metrics {
  requires transitive org.cx4j.core;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.numbers.gamma;
  // Hipparchus declares no module name: it is not required here but relocated into
  // org.cx4j.metrics.internal.shaded.hipparchus when the jar is packaged (pom.xml, README).
  requires com.google.common;

  // Survey scores.
  exports org.cx4j.metrics.segment;
  exports org.cx4j.metrics.score;
  exports org.cx4j.metrics.nps;
  exports org.cx4j.metrics.csat;
  exports org.cx4j.metrics.ces;
  exports org.cx4j.metrics.rating;
  exports org.cx4j.metrics.compare;
  exports org.cx4j.metrics.monitor;
  exports org.cx4j.metrics.breakdown;
  exports org.cx4j.metrics.trend;
  exports org.cx4j.metrics.weighting;

  // What drives the experience, and what to fix first.
  exports org.cx4j.metrics.driver;
  exports org.cx4j.metrics.priority;

  // Retention, survival, lifetime value.
  exports org.cx4j.metrics.activity;
  exports org.cx4j.metrics.retention;
  exports org.cx4j.metrics.survival;
  exports org.cx4j.metrics.rfm;
  exports org.cx4j.metrics.clv;

  // Unsupported internals (the radix sort, the score counting kernels), exported because cx-spark
  // and the benchmarks, not modules, cannot be named in a qualified export; left out of the
  // Javadoc.
  exports org.cx4j.metrics.internal;

  // Jackson reads and writes the survey results (private @JsonProperty members).
  opens org.cx4j.metrics.score to
      com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.nps to
      com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.csat to
      com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.ces to
      com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.rating to
      com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.compare to
      com.fasterxml.jackson.databind;
}
