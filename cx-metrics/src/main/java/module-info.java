/** cx4j metrics: survey scores with confidence intervals, retention, survival, lifetime value. */
module org.cx4j.metrics {
  requires transitive org.cx4j.core;
  requires org.apache.commons.statistics.distribution;
  requires com.google.common;
  requires hipparchus.core;

  exports org.cx4j.metrics.driver;
  exports org.cx4j.metrics.priority;
}
