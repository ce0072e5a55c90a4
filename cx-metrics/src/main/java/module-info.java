/** cx4j metrics: survey scores with confidence intervals, retention, survival, lifetime value. */
module org.cx4j.metrics {
  requires transitive org.cx4j.core;
  requires org.apache.commons.statistics.distribution;
  requires com.google.common;

  // Survey scores.
  exports org.cx4j.metrics.score;
  exports org.cx4j.metrics.nps;
  exports org.cx4j.metrics.csat;
  exports org.cx4j.metrics.ces;
  exports org.cx4j.metrics.rating;
  exports org.cx4j.metrics.compare;
  exports org.cx4j.metrics.breakdown;
  exports org.cx4j.metrics.trend;

  // Jackson reads and writes the survey results (private @JsonProperty members).
  opens org.cx4j.metrics.score to com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.nps to com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.csat to com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.ces to com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.rating to com.fasterxml.jackson.databind;
  opens org.cx4j.metrics.compare to com.fasterxml.jackson.databind;
}
