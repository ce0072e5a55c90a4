package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.testing.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The separator rule of {@link SeparatorDetector}, case by case and on random tables. */
class SeparatorDetectorTest {

  @TempDir Path dir;

  private static CsvFormat detect(String... lines) {
    return SeparatorDetector.detect(List.of(lines));
  }

  @Test
  void commaSemicolonTabAndWhitespace() {
    assertEquals(CsvFormat.comma(), detect("id,when,amount", "1,2024-01-01,3.5"));
    assertEquals(CsvFormat.semicolon(), detect("id;when;amount", "1;2024-01-01;3,5"));
    assertEquals(CsvFormat.tab(), detect("id\twhen\tamount", "1\t2024-01-01\t3.5"));
    // The CDNOW master file's layout: leading spaces, runs of spaces.
    assertEquals(
        CsvFormat.whitespace(),
        detect(" customer_id  date number_of_cds  dollar_value", " 00001 19970101  1   11.77"));
  }

  @Test
  void decimalCommasDoNotMakeASemicolonFileCommaSeparated() {
    // The header has no comma, so comma is out whatever the rows hold.
    assertEquals(CsvFormat.semicolon(), detect("id;amount;fee", "1;3,5;0,25", "2;4,75;0,5"));
  }

  @Test
  void theSeparatorThatKeepsTheRowsAsWideAsTheHeaderWins() {
    // The header has one comma (inside a name) and two tabs; only tab gives every row 2 tabs.
    assertEquals(
        CsvFormat.tab(),
        detect("id\tamount, USD\twhen", "1\t3.5\t2024-01-01", "2\t4.5\t2024-01-02"));
  }

  @Test
  void textInQuotesIsIgnored() {
    // Three semicolons inside the quoted comment would outnumber the single comma otherwise.
    assertEquals(CsvFormat.comma(), detect("id,comment", "1,\"a;b;c;d\"", "2,\"x;y;z;w\""));
    // A quoted value over two lines is one record: its second line is not a short row.
    assertEquals(
        CsvFormat.semicolon(),
        detect("id;comment;score", "1;\"first line", "second, line\";9", "2;ok;7"));
  }

  @Test
  void tiesGoToCommaThenSemicolon() {
    // Header only: no row agrees with either, both occur once in the header.
    assertEquals(CsvFormat.comma(), detect("a;b,c"));
    assertEquals(CsvFormat.semicolon(), detect("a;b\tc"));
  }

  @Test
  void aSingleColumnOrNothingIsComma() {
    assertEquals(CsvFormat.comma(), detect("customer_id", "1", "2"));
    assertEquals(CsvFormat.comma(), detect());
    assertEquals(CsvFormat.comma(), detect("", "  "));
    assertEquals(CsvFormat.comma(), detect("\"customer id\"", "1"));
  }

  @Test
  void filesWithByteOrderMarksAndCrlf() throws IOException {
    Path utf8 = dir.resolve("bom.csv");
    Files.write(
        utf8,
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "a;b;c\r\n1;2;3\r\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(CsvFormat.semicolon(), SeparatorDetector.detect(utf8));
    assertEquals(
        List.of(List.of("a", "b", "c"), List.of("1", "2", "3")),
        SeparatorDetector.firstRecords(utf8, StandardCharsets.UTF_8, CsvFormat.semicolon(), 5));
    Path utf16 = dir.resolve("utf16.tsv");
    Files.write(
        utf16,
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(CsvFormat.tab(), SeparatorDetector.detect(utf16));
  }

  @Test
  void firstRecordsSplitsWhitespaceFilesAndStripsValues() throws IOException {
    Path f = dir.resolve("ws.txt");
    Files.writeString(
        f, " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n");
    assertEquals(
        List.of(List.of("customer_id", "date", "number_of_cds", "dollar_value")),
        SeparatorDetector.firstRecords(f, StandardCharsets.UTF_8, CsvFormat.whitespace(), 1));
  }

  @Test
  void theCdnowMasterFileIsWhitespaceSeparated() {
    Path f = SharedDatasets.require("cdnow/CDNOW_master.txt");
    assertEquals(CsvFormat.whitespace(), SeparatorDetector.detect(f));
  }

  /**
   * Any table of at least two columns, written with any of the four separators (values that hold a
   * separator, a quote or a space quoted), is detected as written.
   */
  @Property(tries = 1000, seed = "42")
  void randomTablesAreDetectedAsWritten(
      @ForAll("tables") List<List<String>> table, @ForAll("separators") String sep) {
    List<String> lines = new ArrayList<>();
    for (List<String> row : table) {
      List<String> cells = new ArrayList<>();
      for (String v : row) {
        boolean quote = v.isEmpty() || v.matches(".*[,;\t \"].*");
        cells.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      lines.add(String.join(sep.equals("ws") ? "   " : sep, cells));
    }
    CsvFormat expected =
        switch (sep) {
          case "," -> CsvFormat.comma();
          case ";" -> CsvFormat.semicolon();
          case "\t" -> CsvFormat.tab();
          default -> CsvFormat.whitespace();
        };
    assertEquals(expected, SeparatorDetector.detect(lines), String.join("\n", lines));
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(",", ";", "\t", "ws");
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> header =
        Arbitraries.strings()
            .withChars("abc_ ,;")
            .ofMinLength(1)
            .ofMaxLength(6)
            .filter(s -> !s.isBlank());
    Arbitrary<String> value = Arbitraries.strings().withChars("xyz09.-,; \"").ofMaxLength(6);
    return Combinators.combine(
            Arbitraries.integers().between(2, 6), Arbitraries.integers().between(0, 8))
        .flatAs(
            (cols, rows) ->
                Combinators.combine(
                        header.list().ofSize(cols), value.list().ofSize(cols).list().ofSize(rows))
                    .as(
                        (h, body) -> {
                          List<List<String>> t = new ArrayList<>();
                          t.add(h);
                          t.addAll(body);
                          return t;
                        }));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
