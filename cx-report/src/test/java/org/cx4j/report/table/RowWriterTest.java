package org.cx4j.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TableWriter#csvRows}: the same cells as {@link TableWriter#csv} for the same rows. */
class RowWriterTest {

  static final List<String> COLUMNS = List.of("id", "value", "note");
  static final boolean[] NUMERIC = {false, true, false};

  @Test
  void streamedRowsEqualTheWholeTableWritten() {
    Object[][] rows = {
      {"=1+1", -12.5, null}, {"-3", Double.NaN, "@x"}, {"a,b", 3, "\"q\""}, {"plain", null, ""}
    };
    StringWriter streamed = new StringWriter();
    try (TableWriter.RowWriter w = TableWriter.csvRows(streamed, COLUMNS, NUMERIC)) {
      for (Object[] r : rows) {
        w.row(r);
      }
      assertEquals(4, w.rows());
    }
    Table.Builder t = Table.builder("t", "t", "id", "value", "note");
    for (Object[] r : rows) {
      t.row(r);
    }
    StringWriter whole = new StringWriter();
    TableWriter.csv(t.build(), whole);
    assertEquals(whole.toString(), streamed.toString());
    // Written out: formulas quoted as text, the number -12.5 kept, NaN an empty cell.
    assertTrue(streamed.toString().contains("\"'=1+1\",-12.5,\n"), streamed.toString());
    assertTrue(streamed.toString().contains("\"'-3\",,\"'@x\""), streamed.toString());
  }

  @Test
  void aNumericColumnRefusesTextAndLengthsAreChecked() {
    StringWriter out = new StringWriter();
    try (TableWriter.RowWriter w = TableWriter.csvRows(out, COLUMNS, NUMERIC)) {
      var e = assertThrows(IllegalArgumentException.class, () -> w.row("a", "=1", "n"));
      assertTrue(e.getMessage().contains("column value is numeric"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> w.row("a", 1));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> TableWriter.csvRows(out, COLUMNS, Arrays.copyOf(NUMERIC, 2)));
  }
}
