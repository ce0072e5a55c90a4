/** A modular application that uses cx-metrics from the module path (ModulePathConsumerIT). */
module org.cx4j.consumer {
  requires org.cx4j.metrics;
}
