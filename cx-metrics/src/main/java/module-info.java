/** cx4j metrics: survey scores with confidence intervals, retention, survival, lifetime value. */
module org.cx4j.metrics {
  requires transitive org.cx4j.core;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.numbers.gamma;
  // Hipparchus 4.0.2 jars carry neither module-info nor Automatic-Module-Name: these are the
  // file-name-derived automatic module names (hipparchus-core-4.0.2.jar, hipparchus-optim-4.0.2.jar).
  requires hipparchus.core;
  requires hipparchus.optim;
  requires com.google.common;

  exports org.cx4j.metrics.activity;
  exports org.cx4j.metrics.clv;
  exports org.cx4j.metrics.driver;
  exports org.cx4j.metrics.priority;
  exports org.cx4j.metrics.retention;
  exports org.cx4j.metrics.rfm;
  exports org.cx4j.metrics.survival;
}
