package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument checks and messages of the reader settings and results. */
class SettingsTest {

  @Test
  void columnMappings() {
    ColumnMapping m = ColumnMapping.of("customer_id", "respondent_id", "SCORE", " nps_score ");
    assertEquals("respondent_id", m.column(Field.CUSTOMER_ID));
    assertEquals("nps_score", m.column(Field.SCORE));
    assertEquals("timestamp", m.column(Field.TIMESTAMP));
    assertTrue(m.isExplicit(Field.SCORE));
    assertFalse(m.isExplicit(Field.TIMESTAMP));
    assertEquals(
        m,
        ColumnMapping.defaults()
            .map(Field.CUSTOMER_ID, "respondent_id")
            .map(Field.SCORE, "nps_score"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("respondent", "id"));
    assertTrue(
        e.getMessage().contains("unknown logical field 'respondent'")
            && e.getMessage().contains("customer_id"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("customer_id"));
    assertTrue(e.getMessage().contains("got 1 strings"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColumnMapping.of("customer_id", "id", "transaction_id", "id"));
    assertTrue(e.getMessage().contains("already mapped to customer_id"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("customer_id", " "));
    // remapping a field replaces its column
    assertEquals(
        "b",
        ColumnMapping.of("customer_id", "a").map(Field.CUSTOMER_ID, "b").column(Field.CUSTOMER_ID));
  }

  @Test
  void csvFormats() {
    assertEquals(';', CsvFormat.semicolon().separatorChar());
    assertTrue(CsvFormat.whitespace().isWhitespace());
    assertEquals(List.of("a", "b"), CsvFormat.tab().withoutHeader("a", "b").columns());
    assertFalse(CsvFormat.tab().withoutHeader("a").hasHeader());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CsvFormat.comma().withoutHeader("a", "b", "a"));
    assertTrue(e.getMessage().contains("'a' is given twice"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CsvFormat.comma().withoutHeader());
    assertThrows(IllegalArgumentException.class, () -> CsvFormat.separator('"'));
    assertEquals("CsvFormat[whitespace, header]", CsvFormat.whitespace().toString());
  }

  @Test
  void reportsAndErrorsReadWell() {
    ReadError e = new ReadError("a.csv", 7, null, null, "short row");
    assertEquals("a.csv:7: short row", e.toString());
    assertEquals(
        "a.csv: empty file", new ReadError("a.csv", 0, null, null, "empty file").toString());
    ReadReport r = new ReadReport("a.csv", 3, 2, 1, List.of(e));
    assertEquals(
        "ReadReport[a.csv: read 3, accepted 2, rejected 1 [1 x invalid value]; first error: a.csv:7: short row]",
        r.toString());
    assertThrows(IllegalArgumentException.class, () -> new ReadReport("a.csv", 3, 2, 2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ReadError("a.csv", -1, null, null, "x"));
  }
}
