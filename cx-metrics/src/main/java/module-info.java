/** cx4j metrics: survey scores with confidence intervals, retention, survival, lifetime value. */
module org.cx4j.metrics {
  requires transitive org.cx4j.core;
  requires org.apache.commons.statistics.distribution;
  requires com.google.common;

  exports org.cx4j.metrics.activity;
  exports org.cx4j.metrics.retention;
  exports org.cx4j.metrics.survival;
}
