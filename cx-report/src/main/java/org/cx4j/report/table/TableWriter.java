package org.cx4j.report.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.json.CxJson;

/**
 * Writes {@link Table}s as CSV (RFC 4180, header row, UTF-8, empty cell for no value) and as JSON
 * (an object with the title and an array of row objects, {@code null} for no value), through
 * Jackson. A list value (a journey path) is a JSON array in both: native in JSON, as the text of
 * the array in the CSV cell, so names containing separators read back unchanged.
 *
 * <p>CSV injection (OWASP, "CSV Injection"): in the CSV files, a text cell that begins with {@code
 * =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would run as
 * a formula, is prefixed with a single quote {@code '} so that it is shown as text. Numeric columns
 * ({@link Table#isNumeric(int)}: numbers and booleans only) are written as they are, so an NPS of
 * {@code -12.5} stays a number. The JSON files hold the values unchanged.
 */
public final class TableWriter {

  private static final CsvMapper CSV = new CsvMapper();

  private TableWriter() {}

  /**
   * Writes {@code table} as CSV; text cells that a spreadsheet would run as a formula are
   * neutralised (see the class comment).
   *
   * @throws UncheckedIOException if the writer fails
   */
  public static void csv(Table table, Writer out) {
    Objects.requireNonNull(table, "table");
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String c : table.columns()) {
      schema.addColumn(c);
    }
    try (var w =
        CSV.writer(schema.build())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .writeValues(out)) {
      boolean[] numeric = new boolean[table.columns().size()];
      for (int i = 0; i < numeric.length; i++) {
        numeric[i] = table.isNumeric(i);
      }
      for (List<Object> row : table.rows()) {
        w.write(csvRow(table.columns(), numeric, row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write table " + table.name(), e);
    }
  }

  /**
   * Returns the row keyed by column name: Jackson's CSV generator skips a null inside an array row
   * (the later values would shift left into the wrong columns), but writes a null field by name as
   * an empty cell in its column.
   */
  private static Map<String, Object> csvRow(
      List<String> columns, boolean[] numeric, List<Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      if (v instanceof List<?> list) {
        v = jsonText(list);
      }
      if (!numeric[i] && v instanceof String text) {
        v = neutralise(text);
      }
      out.put(columns.get(i), v);
    }
    return out;
  }

  /**
   * Starts a CSV table written row by row as the rows are produced, so that a table of millions of
   * rows (one per customer) never exists in memory as a whole: the header is written now, each
   * {@link RowWriter#row(Object...)} goes straight to {@code out} through Jackson's CSV generator,
   * with the same rules as {@link #csv(Table, Writer)}: null is an empty cell, a {@code double}
   * that is NaN or infinite is an empty cell, text cells of a text column are neutralised against
   * CSV injection. Whether a column is numeric is declared here, since the values are not known in
   * advance; a numeric column refuses text.
   *
   * @param out where the CSV goes; not closed by {@link RowWriter#close()}
   * @param columns the column names
   * @param numeric {@code numeric[i]}: column {@code i} holds numbers and booleans only
   * @return the row writer; close it to flush the last rows
   * @throws IllegalArgumentException if there are no columns or the lengths differ
   * @throws UncheckedIOException if the header cannot be written
   */
  public static RowWriter csvRows(Writer out, List<String> columns, boolean[] numeric) {
    Objects.requireNonNull(out, "out");
    if (columns.isEmpty() || columns.size() != numeric.length) {
      throw new IllegalArgumentException(
          "csvRows needs one numeric flag per column, got "
              + numeric.length
              + " flags for "
              + columns.size()
              + " columns");
    }
    return new RowWriter(out, List.copyOf(columns), numeric.clone());
  }

  /**
   * A CSV table being written row by row ({@link #csvRows}). Not thread-safe; close it when the
   * last row is written.
   */
  public static final class RowWriter implements AutoCloseable {
    private final List<String> columns;
    private final boolean[] numeric;
    private final com.fasterxml.jackson.databind.SequenceWriter w;
    private long rows;

    private RowWriter(Writer out, List<String> columns, boolean[] numeric) {
      this.columns = columns;
      this.numeric = numeric;
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      for (String c : columns) {
        schema.addColumn(c);
      }
      try {
        w =
            CSV.writer(schema.build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
                .writeValues(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a CSV table", e);
      }
    }

    /**
     * Writes one row.
     *
     * @throws IllegalArgumentException if the number of values differs from the columns, or a
     *     numeric column gets a value that is not a number or a boolean (the column is named)
     * @throws UncheckedIOException if the writer fails
     */
    public void row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "row " + rows + " has " + values.length + " values for " + columns.size() + " columns");
      }
      List<Object> row = java.util.Arrays.asList(values.clone());
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Double d && !Double.isFinite(d)) {
          row.set(i, null);
        } else if (numeric[i] && v != null && !(v instanceof Number) && !(v instanceof Boolean)) {
          throw new IllegalArgumentException(
              "column " + columns.get(i) + " is numeric, got '" + v + "' in row " + rows);
        }
      }
      try {
        w.write(csvRow(columns, numeric, row));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write row " + rows, e);
      }
      rows++;
    }

    /** Returns the number of rows written so far. */
    public long rows() {
      return rows;
    }

    /** Flushes the last rows; the underlying writer stays open. @throws UncheckedIOException */
    @Override
    public void close() {
      try {
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot finish a CSV table", e);
      }
    }
  }

  /**
   * Returns {@code text} with a single quote in front when it begins with a character that makes a
   * spreadsheet read it as a formula ({@code = + - @}, tab, carriage return; OWASP "CSV
   * Injection"); otherwise {@code text} itself (null stays null).
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  private static String jsonText(List<?> list) {
    try {
      return CxJson.mapper().writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of plain values is always JSON: " + list, e);
    }
  }

  /**
   * Writes {@code table} as JSON: {@code {"name":..., "title":..., "rows":[{column: value}]}}.
   *
   * @throws UncheckedIOException if the writer fails
   */
  public static void json(Table table, Writer out) {
    Objects.requireNonNull(table, "table");
    try (JsonGenerator g = CxJson.mapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("name", table.name());
      g.writeStringField("title", table.title());
      g.writeArrayFieldStart("rows");
      for (List<Object> row : table.rows()) {
        g.writeStartObject();
        for (int i = 0; i < row.size(); i++) {
          g.writeFieldName(table.columns().get(i));
          CxJson.mapper().writeValue(g, row.get(i));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write table " + table.name(), e);
    }
  }

  /**
   * Writes every table into {@code folder} as {@code <name>.csv} and {@code <name>.json}.
   *
   * @throws UncheckedIOException if a file cannot be written (the file is named)
   */
  public static void writeAll(List<Table> tables, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create folder " + folder, e);
    }
    for (Table t : tables) {
      Path csv = folder.resolve(t.name() + ".csv");
      try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        csv(t, w);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + csv, e);
      }
      Path json = folder.resolve(t.name() + ".json");
      try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
        json(t, w);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + json, e);
      }
    }
  }
}
