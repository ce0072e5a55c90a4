package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of a delimited file through Jackson's CSV parser, rows as arrays of strings ({@code
 * WRAP_AS_ARRAY}) so that row width, the header and line numbers are checked here.
 */
final class CsvRowSource implements RowSource {

  private static final CsvMapper CSV = new CsvMapper();

  private final String name;
  private final CsvParser parser;
  private final String[] header;
  private final int[] index = new int[Field.values().length]; // header position per field, or -1
  private final boolean[] extra; // header columns that no field reads
  private String[] values = new String[16];
  private int width;
  private long line;
  private final CsvRow row;

  CsvRowSource(
      Reader reader,
      String name,
      CsvFormat format,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      RecordSchema<?> schema)
      throws IOException {
    this.name = name;
    Reader r = Boms.skip(reader);
    if (format.isWhitespace()) {
      r = new WhitespaceSeparatedReader(r);
    }
    parser = (CsvParser) CSV.getFactory().createParser(r);
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(format.separatorChar()));
    parser.nextToken(); // the array that wraps all rows
    if (format.hasHeader()) {
      boolean any;
      try {
        any = readRow();
      } catch (RowError e) {
        throw fileError(e.line, null, e.getMessage() + " (in the header)");
      }
      if (!any) {
        throw fileError(0, null, "empty file: expected a header line");
      }
      header = new String[width];
      for (int i = 0; i < width; i++) {
        header[i] = values[i].strip();
      }
    } else {
      header = format.columns().toArray(new String[0]);
    }
    long headerLine = format.hasHeader() ? line : 0;
    row = new CsvRow(mapping, timestamps);
    extra = new boolean[header.length];
    resolve(mapping, schema, headerLine);
  }

  private void resolve(ColumnMapping mapping, RecordSchema<?> schema, long headerLine) {
    Map<String, Integer> positions = new HashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (int i = 0; i < header.length; i++) {
      if (positions.putIfAbsent(header[i], i) != null) {
        duplicates.add(header[i]);
      }
    }
    if (!duplicates.isEmpty()) {
      throw fileError(
          headerLine,
          String.join(", ", duplicates),
          "duplicate column names " + duplicates + " in header " + Arrays.toString(header));
    }
    Arrays.fill(index, -1);
    Set<Field> present = EnumSet.noneOf(Field.class);
    List<String> missing = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    for (Field f : schema.fields()) {
      if (mapping.isShadowed(f)) {
        continue; // its default column belongs to another field
      }
      String column = mapping.column(f);
      mapped.add(column);
      Integer i = positions.get(column);
      if (i != null) {
        index[f.ordinal()] = i;
        present.add(f);
      } else if (schema.required(f) || mapping.isExplicit(f)) {
        missing.add("'" + column + "'" + (column.equals(f.defaultName()) ? "" : " (" + f + ")"));
      }
    }
    if (!missing.isEmpty()) {
      throw fileError(
          headerLine,
          null,
          "missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
              + " for " + schema.kind() + " records; the header has " + Arrays.toString(header));
    }
    String problem = schema.checkColumns(present);
    if (problem != null) {
      throw fileError(headerLine, null, problem + "; the header has " + Arrays.toString(header));
    }
    for (int i = 0; i < header.length; i++) {
      extra[i] = !mapped.contains(header[i]);
    }
  }

  private CxReadException fileError(long atLine, String value, String reason) {
    try {
      parser.close();
    } catch (IOException ignored) {
      // the file-level error is the one to report
    }
    return new CxReadException(new ReadError(name, atLine, null, value, reason));
  }

  /** Reads the next non-blank row into {@code values}; false at the end. */
  private boolean readRow() throws IOException {
    while (true) {
      width = 0;
      line = 0;
      try {
        JsonToken t = parser.nextToken();
        if (t != JsonToken.START_ARRAY) {
          return false; // the end of the wrapping array, or of the input
        }
        while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
          if (width == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          if (width == values.length) {
            values = Arrays.copyOf(values, width * 2);
          }
          values[width++] = parser.getText();
        }
      } catch (JsonProcessingException e) {
        // Jackson reports an unterminated quote at the end of input, having consumed the rest
        long quoteLine = parser.currentTokenLocation().getLineNr();
        long start = width == 0 ? quoteLine : line;
        throw new RowError(
            null,
            null,
            "unterminated quoted value (opened on line " + quoteLine
                + "); the rest of the file was consumed by it and not read: "
                + e.getOriginalMessage(),
            true,
            start);
      }
      if (width == 1 && values[0].isBlank()) {
        continue; // a blank line, or one of only spaces
      }
      return true;
    }
  }

  @Override
  public boolean next() throws IOException {
    if (!readRow()) {
      return false;
    }
    if (width != header.length) {
      if (width < header.length) {
        throw new RowError(
            header[width],
            null,
            "short row: " + width + " values, expected " + header.length + " "
                + Arrays.toString(header));
      }
      throw new RowError(
          null,
          values[header.length],
          "long row: " + width + " values, expected " + header.length + " "
              + Arrays.toString(header));
    }
    return true;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public Row row() {
    return row;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private final class CsvRow extends Row {
    CsvRow(ColumnMapping mapping, TimestampFormat timestamps) {
      super(mapping, timestamps);
    }

    @Override
    String raw(Field field) {
      int i = index[field.ordinal()];
      return i < 0 ? null : values[i];
    }

    @Override
    void extras(Map<String, String> out) {
      for (int i = 0; i < header.length; i++) {
        if (extra[i] && !values[i].isEmpty()) {
          out.put(header[i], values[i]);
        }
      }
    }
  }
}
