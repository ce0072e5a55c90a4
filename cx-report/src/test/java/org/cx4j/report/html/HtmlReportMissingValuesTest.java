package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.cx4j.core.io.ReadError;
import org.cx4j.core.io.ReadReport;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.console.ConsoleSummary;
import org.cx4j.report.input.ReportInput;
import org.cx4j.report.table.ReportTables;
import org.cx4j.report.table.Table;
import org.cx4j.report.table.TableWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report never crashes on a missing value: rejected rows whose column, value or line is not known
 * (null, 0) render as empty cells in the HTML page, the console summary and the tables.
 */
class HtmlReportMissingValuesTest {

  static CxReport report;

  /** The sample with one file read whose rejects lack column, value and line. */
  @BeforeAll
  static void report() {
    ReportInput s = ReportInput.sample();
    ReadReport read =
        new ReadReport(
            "survey.csv",
            5,
            2,
            3,
            List.of(
                new ReadError("survey.csv", 0, null, null, "the file ended inside a quoted field"),
                new ReadError(
                    "survey.csv", 4, null, "a,b,\"c", "the row has 3 columns, the header 9"),
                new ReadError("survey.csv", 7, "score", null, "reason | with | bars")));
    report =
        CxReport.of(
            new ReportInput(
                s.name(),
                s.customers(),
                s.segmentation(),
                s.stages(),
                s.interactions(),
                s.responses(),
                s.transactions(),
                List.of(read)));
  }

  @Test
  void nullCellsRenderEmptyInTheHtml() {
    Document doc = Jsoup.parse(HtmlReport.render(report));
    Element data = doc.getElementById("data");
    // Tables of the data section: files, reasons, first rejected rows.
    List<Element> tables = data.select("table");
    assertEquals(3, tables.size());
    Element reasons = tables.get(1);
    // Counted per kind of reason and column: two without a column, one in 'score'.
    assertEquals(2, reasons.select("tbody tr").size());
    Element second = reasons.select("tbody tr").get(1);
    assertEquals(List.of("survey.csv", "invalid value", "score", "1"), texts(second));
    Element first = reasons.select("tbody tr").get(0);
    assertEquals(
        List.of("survey.csv", "invalid value", "", "2"), texts(first), "no column: an empty cell");
    Element examples = tables.get(2);
    List<String> row0 = texts(examples.select("tbody tr").get(0));
    assertEquals(List.of("survey.csv", "", "", "", "the file ended inside a quoted field"), row0);
    assertFalse(doc.text().contains("null"), "no 'null' shown for a missing value");
  }

  static List<Map<String, String>> readCsv(String csv) throws IOException {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() {})
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv)) {
      return it.readAll();
    }
  }

  /** Returns the text of every cell of a row, empty ones included (eachText() skips them). */
  static List<String> texts(Element tr) {
    return tr.select("td").stream().map(Element::text).toList();
  }

  @Test
  void nullCellsRenderEmptyInTheSummaryAndTables() throws IOException {
    String summary = ConsoleSummary.render(report);
    assertTrue(summary.contains("2 x invalid value\n"), summary);
    assertTrue(summary.contains("1 x invalid value in 'score'"), summary);
    assertTrue(summary.contains("e.g. survey.csv: the file ended inside a quoted field"), summary);
    assertFalse(summary.contains("null"), summary);
    Table rejected =
        ReportTables.of(report).stream()
            .filter(t -> t.name().equals("rejected_rows"))
            .findFirst()
            .orElseThrow();
    StringWriter csv = new StringWriter();
    TableWriter.csv(rejected, csv);
    // Read back with Jackson: a null column or value is an empty cell in its own column, and
    // the values after it stay in their columns.
    List<Map<String, String>> rows = readCsv(csv.toString());
    assertEquals(3, rows.size());
    assertEquals(
        Map.of(
            "source",
            "survey.csv",
            "line",
            "0",
            "column",
            "",
            "value",
            "",
            "reason",
            "the file ended inside a quoted field"),
        rows.get(0));
    assertEquals(
        Map.of(
            "source",
            "survey.csv",
            "line",
            "7",
            "column",
            "score",
            "value",
            "",
            "reason",
            "reason | with | bars"),
        rows.get(2));
  }
}
