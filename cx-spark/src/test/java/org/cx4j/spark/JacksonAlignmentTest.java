package org.cx4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.json.CxJson;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.junit.jupiter.api.Test;

/**
 * cx-spark runs on Spark's Jackson: the databind on the class path is the version Spark's Scala
 * module accepts, and cx-core's JSON (records, java.time, cx-metrics results) still round-trips on
 * it.
 */
class JacksonAlignmentTest {

  @Test
  void databindIsTheVersionOfSparksScalaModule() {
    com.fasterxml.jackson.core.Version databind =
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
    com.fasterxml.jackson.core.Version scala = new DefaultScalaModule().version();
    assertEquals(scala.getMajorVersion(), databind.getMajorVersion());
    assertEquals(scala.getMinorVersion(), databind.getMinorVersion());
    // Registering the Scala module is what fails on a mismatched databind.
    new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
  }

  @Test
  void cxJsonRoundTripsOnSparksJackson() throws Exception {
    ObjectMapper m = CxJson.mapper();
    SurveyResponse r = SparkTesting.sample().responses().get(0);
    assertEquals(r, m.readValue(m.writeValueAsString(r), SurveyResponse.class));
    CustomerSatisfaction c = CustomerSatisfaction.of(5, 4, 4, 2, 1);
    assertEquals(c, m.readValue(m.writeValueAsString(c), CustomerSatisfaction.class));
  }
}
