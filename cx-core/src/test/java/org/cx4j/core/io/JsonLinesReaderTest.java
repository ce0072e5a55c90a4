package org.cx4j.core.io;

import static org.cx4j.core.io.IoFixtures.CATALOG;
import static org.cx4j.core.io.IoFixtures.CHECKOUT;
import static org.cx4j.core.io.IoFixtures.T0;
import static org.cx4j.core.io.IoFixtures.readAll;
import static org.cx4j.core.io.IoFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private static final CxReader<SurveyResponse> NPS =
      CxReaders.surveyResponses(Instrument.nps())
          .jsonLines()
          .mapping(
              ColumnMapping.of(
                  "customer_id", "respondent_id", "score", "nps_score", "timestamp", "created_at"));

  @Test
  void readsFlatObjectsWithMappedNamesNumbersAndNulls() {
    String jsonl =
        "{\"respondent_id\":\"r1\",\"nps_score\":9,\"created_at\":\"2024-03-01T09:30:00Z\",\"comment\":null}\n"
            + "\n"
            + "{\"created_at\":\"2024-03-01T09:30:00Z\",\"nps_score\":\"10\",\"respondent_id\":\"r2\",\"comment\":\"a \\\"b\\\"\\nc\"}";
    assertEquals(
        List.of(
            SurveyResponse.of(CustomerId.of("r1"), Instrument.nps(), 9, T0),
            new SurveyResponse(
                CustomerId.of("r2"), null, Instrument.nps(), 10, T0, 1.0, "a \"b\"\nc")),
        readAll(NPS, jsonl));
  }

  @Test
  void interactionsResolveTouchpointsThroughTheCatalog() {
    String jsonl =
        "\uFEFF{\"customer_id\":\"c1\",\"touchpoint\":\"web_checkout\",\"timestamp\":\"2024-03-01T09:30:00Z\"}\r\n";
    assertEquals(
        List.of(Interaction.of(CustomerId.of("c1"), CHECKOUT, T0)),
        readAll(CxReaders.interactions(CATALOG).jsonLines(), jsonl));
  }

  @Test
  void extraPropertiesAsAttributes() {
    String jsonl = "{\"customer_id\":\"c1\",\"plan\":\"gold\",\"segment\":\"smb\",\"visits\":3}\n";
    assertEquals(
        List.of(
            new Customer(
                CustomerId.of("c1"), null, null, "gold", Map.of("segment", "smb", "visits", "3"))),
        readAll(CxReaders.customers().jsonLines().extraColumnsAsAttributes(), jsonl));
  }

  @Test
  void badLinesAreRowErrorsWithTheirLineNumbers() {
    String jsonl =
        "{\"respondent_id\":\"r1\",\"nps_score\":9,\"created_at\":\"2024-03-01T09:30:00Z\"}\n" // 1
            // ok
            + "{\"respondent_id\":\"r2\",\"nps_score\":11,\"created_at\":\"2024-03-01T09:30:00Z\"}\n" // 2 scale
            + "{\"respondent_id\":\"r3\",\"nps_score\":9,\n" // 3 malformed
            + "{\"respondent_id\":\"r4\",\"nps_score\":{\"v\":9},\"created_at\":\"2024-03-01T09:30:00Z\"}\n" // 4 nested
            + "{\"respondent_id\":\"r5\",\"respondent_id\":\"r6\"}\n" // 5 duplicate
            + "[1,2]\n" // 6 not an object
            + "{\"nps_score\":9,\"created_at\":\"2024-03-01T09:30:00Z\"}\n" // 7 missing id
            + "{\"respondent_id\":\"r8\",\"nps_score\":9,\"created_at\":\"2024-03-01T09:30:00Z\"} {}\n" // 8 two values
            + "{\"respondent_id\":\"r9\",\"nps_score\":\"nine\",\"created_at\":\"2024-03-01T09:30:00Z\"}\n"; // 9
    ReadReport r = report(NPS.lenient(), jsonl);
    assertEquals(9, r.read());
    assertEquals(1, r.accepted());
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), r.errors().stream().map(ReadError::line).toList());
    assertEquals("nps_score", r.errors().get(0).column());
    assertEquals("11", r.errors().get(0).value());
    assertTrue(r.errors().get(1).reason().startsWith("malformed JSON"), r.errors().get(1).reason());
    assertEquals("nps_score", r.errors().get(2).column());
    assertEquals("respondent_id", r.errors().get(3).column());
    assertEquals("missing value for customer_id", r.errors().get(5).reason());
    assertEquals("nine", r.errors().get(7).value());

    CxReadException e = assertThrows(CxReadException.class, () -> readAll(NPS, jsonl));
    assertEquals(2, e.error().line());
  }

  @Test
  void emptyFileIsNoRecords() {
    assertEquals(new ReadReport("test.csv", 0, 0, 0, List.of()), report(NPS, ""));
  }
}
