package org.cx4j.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** CSV tables: formula-like text neutralised (OWASP CSV injection), numbers left alone. */
class TableWriterTest {

  static List<Map<String, String>> readCsv(String csv) throws IOException {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() {})
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv)) {
      return it.readAll();
    }
  }

  static String csv(Table t) {
    StringWriter w = new StringWriter();
    TableWriter.csv(t, w);
    return w.toString();
  }

  @Test
  void formulaLikeTextIsPrefixedWithAQuoteAndNumbersAreNot() throws IOException {
    // The OWASP list: = + - @ tab carriage return. Expected cells written by hand.
    List<String> text =
        List.of(
            "=SUM(A1:A9)",
            "+1",
            "-12.5",
            "@cmd",
            "\tx",
            "\rx",
            "plain",
            "a=b",
            "'quoted",
            "",
            " =space first");
    List<String> expected =
        List.of(
            "'=SUM(A1:A9)",
            "'+1",
            "'-12.5",
            "'@cmd",
            "'\tx",
            "'\rx",
            "plain",
            "a=b",
            "'quoted",
            "",
            " =space first");
    Table.Builder b = Table.builder("t", "test", "name", "nps", "small");
    for (int i = 0; i < text.size(); i++) {
      b.row(text.get(i), -12.5 + i, i % 2 == 0);
    }
    Table t = b.build();
    assertFalse(t.isNumeric(0), "text column");
    assertTrue(t.isNumeric(1), "number column");
    assertTrue(t.isNumeric(2), "boolean column");
    List<Map<String, String>> rows = readCsv(csv(t));
    for (int i = 0; i < text.size(); i++) {
      assertEquals(expected.get(i), rows.get(i).get("name"), "row " + i);
      assertEquals(-12.5 + i, Double.parseDouble(rows.get(i).get("nps")), "row " + i);
      assertEquals(Boolean.toString(i % 2 == 0), rows.get(i).get("small"));
    }
    // The first row's NPS is written as the number it is, without a quote.
    assertTrue(csv(t).contains(",-12.5,true"), csv(t));
  }

  @Test
  void aColumnIsNumericByItsValuesTypesNotByParsingText() {
    Table t =
        Table.builder("t", "test", "a", "b", "c")
            .row("-12.5", 1L, null)
            .row("3", null, null)
            .build();
    assertFalse(t.isNumeric(0), "text that looks like a number is still text");
    assertTrue(t.isNumeric(1));
    assertTrue(t.isNumeric(2), "an empty column has nothing to neutralise");
  }

  @Test
  void jsonHoldsTheValuesUnchanged() throws IOException {
    Table t = Table.builder("t", "test", "name", "nps").row("=1+1", -3).build();
    StringWriter w = new StringWriter();
    TableWriter.json(t, w);
    JsonNode row = new ObjectMapper().readTree(w.toString()).get("rows").get(0);
    assertEquals("=1+1", row.get("name").asText());
    assertEquals(-3, row.get("nps").asInt());
  }

  @Provide
  Arbitrary<String> cells() {
    // Printable and control characters, the formula starters often first; no lone surrogates
    // (not writable as UTF-8 text).
    Arbitrary<String> any =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u00ff')
            .withChars('\u20ac', '\u202e')
            .ofMaxLength(12);
    Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", "a", "1", "");
    return net.jqwik.api.Combinators.combine(start, any).as(String::concat);
  }

  /** Any text reads back as itself, or as itself after one quote if it starts a formula. */
  @Property(tries = 1000, seed = "42")
  void everyTextCellReadsBackNeutralisedAndEveryNumberExactly(
      @ForAll("cells") String s, @ForAll double x) throws IOException {
    Table t =
        Table.builder("t", "test", "text", "number").row(s, Double.isFinite(x) ? x : 0.0).build();
    Map<String, String> row = readCsv(csv(t)).get(0);
    boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    assertEquals(formula ? "'" + s : s, row.get("text"));
    assertEquals(Double.isFinite(x) ? x : 0.0, Double.parseDouble(row.get("number")));
  }
}
