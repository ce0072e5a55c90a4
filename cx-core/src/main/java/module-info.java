/**
 * cx4j core: the customer-experience domain model and its readers and writers.
 *
 * <p>Customers and segments ({@code org.cx4j.core.customer}), channels, stages and touchpoints
 * ({@code org.cx4j.core.touchpoint}), interactions ({@code org.cx4j.core.interaction}), survey
 * feedback ({@code org.cx4j.core.feedback}), transactions ({@code org.cx4j.core.transaction}), the
 * Jackson setup ({@code org.cx4j.core.json}), streaming CSV and JSON Lines readers and writers
 * ({@code org.cx4j.core.io}), and a seeded generator of realistic sample data with the main command
 * that summarizes it ({@code org.cx4j.core.sample}).
 */
module org.cx4j.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.google.common;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.rng.api;

  exports org.cx4j.core.customer;
  exports org.cx4j.core.touchpoint;
  exports org.cx4j.core.interaction;
  exports org.cx4j.core.feedback;
  exports org.cx4j.core.transaction;
  exports org.cx4j.core.json;
  exports org.cx4j.core.io;
  exports org.cx4j.core.sample;
  exports org.cx4j.core.naming;

  // Jackson reads and writes the records reflectively.
  opens org.cx4j.core.customer to
      com.fasterxml.jackson.databind;
  opens org.cx4j.core.touchpoint to
      com.fasterxml.jackson.databind;
  opens org.cx4j.core.interaction to
      com.fasterxml.jackson.databind;
  opens org.cx4j.core.feedback to
      com.fasterxml.jackson.databind;
  opens org.cx4j.core.transaction to
      com.fasterxml.jackson.databind;
}
