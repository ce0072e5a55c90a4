package org.cx4j.report.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.cx4j.core.io.Field;
import org.cx4j.core.io.TimestampFormat;
import org.junit.jupiter.api.Test;

/** {@code --map} values with formats, and the column suggestions of {@link ColumnCheck}. */
class ColumnOptionTest {

  @Test
  void aTimestampColumnTakesAFormatAfterTheFirstColonThatIsFollowedByOne() {
    ColumnOption c = ColumnOption.parse("transactions.timestamp", "date:yyyyMMdd");
    assertEquals(new ColumnOption(DataKind.TRANSACTIONS, Field.TIMESTAMP, "date", "yyyyMMdd"), c);
    assertEquals("transactions.timestamp=date:yyyyMMdd", c.option());
    // A column name with a colon (pm4py's event logs): "timestamp:..." is no valid format.
    ColumnOption pm =
        ColumnOption.parse(
            "interactions.timestamp", "time:timestamp:yyyy-MM-dd HH:mm:ss@Europe/Paris");
    assertEquals("time:timestamp", pm.column());
    assertEquals("yyyy-MM-dd HH:mm:ss@Europe/Paris", pm.format());
    // Without a valid format anywhere, the whole value is the column.
    assertEquals(
        "time:timestamp", ColumnOption.parse("interactions.timestamp", "time:timestamp").column());
    assertNull(ColumnOption.parse("interactions.timestamp", "time:timestamp").format());
    // Other fields take no format: the colon is part of the name.
    assertEquals("a:yyyy", ColumnOption.parse("transactions.amount", "a:yyyy").column());
    assertEquals("iso", ColumnOption.parse("customers.signup_date", "joined:iso").format());
  }

  @Test
  void aFormatReadsLocalTimesInTheGivenZoneUnlessItNamesOne() {
    TimestampFormat utc = ColumnOption.timestampFormat("yyyyMMdd", ZoneId.of("UTC"));
    assertEquals(Instant.parse("1997-01-01T00:00:00Z"), utc.parse("19970101"));
    TimestampFormat paris = ColumnOption.timestampFormat("yyyyMMdd@Europe/Paris", ZoneId.of("UTC"));
    assertEquals(Instant.parse("1996-12-31T23:00:00Z"), paris.parse("19970101")); // UTC+1 in winter
    assertEquals(
        Instant.ofEpochMilli(1000),
        ColumnOption.timestampFormat("epoch-millis", ZoneId.of("UTC")).parse("1000"));
  }

  @Test
  void mistakesAreNamed() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnOption.parse("transactions.timestamp", "date:yyyyMMddd"))
            .getMessage();
    assertTrue(m.contains("yyyyMMddd") && m.contains("date"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnOption.parse("transactions.timestamp", "date:yyyyMMdd@Mars/Base"))
            .getMessage();
    assertTrue(m.contains("Mars/Base"), m);
    m =
        assertThrows(
                IllegalArgumentException.class, () -> ColumnOption.parse("transactions.score", "x"))
            .getMessage();
    assertTrue(m.contains("transactions files have no field 'score'"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> ColumnOption.parse("transaction", "x"))
            .getMessage();
    assertTrue(m.contains("KIND.FIELD=COLUMN"), m);
  }

  @Test
  void suggestionsPreferWordsPeopleUseThenEditDistance() {
    List<String> header = List.of("customer_id", "date", "number_of_cds", "dollar_value");
    assertEquals("date", ColumnCheck.suggest(Field.TIMESTAMP, null, header, Set.of()));
    assertEquals("dollar_value", ColumnCheck.suggest(Field.AMOUNT, null, header, Set.of()));
    assertEquals(
        "dollar_value", ColumnCheck.suggest(Field.AMOUNT, "dolar_valeu", header, Set.of()));
    assertEquals(
        "customer_id",
        ColumnCheck.suggest(
            Field.CUSTOMER_ID, null, List.of("customr_id", "customer_id"), Set.of()));
    assertNull(ColumnCheck.suggest(Field.SCORE, null, header, Set.of()));
    assertEquals(
        "yyyyMMdd", ColumnCheck.layout(List.of("19970101", "19980630"), TimestampFormat.iso()));
    assertEquals(
        "dd/MM/yyyy",
        ColumnCheck.layout(List.of("25/12/2024", "01/02/2024"), TimestampFormat.iso()));
    assertNull(
        ColumnCheck.layout(List.of("01/02/2024", "03/04/2024"), TimestampFormat.iso()),
        "day-first or month-first: no guess");
  }
}
