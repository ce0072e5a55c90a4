package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rows of a JSON Lines file: one flat JSON object per line, parsed by Jackson's streaming parser
 * line by line so that a malformed line is one bad row, not the end of the file. Property names
 * are the mapped column names; {@code null} is an absent value; numbers and booleans are read as
 * their text.
 */
final class JsonLinesRowSource implements RowSource {

  private static final JsonFactory JSON = new JsonFactory();

  private final BufferedReader in;
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> mapped = new HashSet<>();
  private final String[] columns = new String[Field.values().length]; // null: shadowed
  private final JsonRow row;
  private long line;

  JsonLinesRowSource(
      Reader reader, ColumnMapping mapping, TimestampFormat timestamps, RecordSchema<?> schema)
      throws IOException {
    in = new BufferedReader(Boms.skip(reader));
    for (Field f : Field.values()) {
      columns[f.ordinal()] = mapping.isShadowed(f) ? null : mapping.column(f);
    }
    for (Field f : schema.fields()) {
      if (columns[f.ordinal()] != null) {
        mapped.add(columns[f.ordinal()]);
      }
    }
    row = new JsonRow(mapping, timestamps);
  }

  @Override
  public boolean next() throws IOException {
    String text;
    do {
      text = in.readLine();
      if (text == null) {
        return false;
      }
      line++;
    } while (text.isBlank());
    values.clear();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RowError(null, text, "a JSON Lines row must be a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          throw new RowError(
              key, null, "nested values are not supported: rows must be flat objects");
        }
        if (values.containsKey(key)) {
          throw new RowError(key, p.getText(), "duplicate property");
        }
        if (v != JsonToken.VALUE_NULL) {
          values.put(key, p.getText());
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new RowError(null, text, "expected exactly one JSON object on the line");
      }
    } catch (JsonProcessingException e) {
      throw new RowError(null, text, "malformed JSON: " + e.getOriginalMessage());
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
    in.close();
  }

  private final class JsonRow extends Row {
    JsonRow(ColumnMapping mapping, TimestampFormat timestamps) {
      super(mapping, timestamps);
    }

    @Override
    String raw(Field field) {
      String column = columns[field.ordinal()];
      return column == null ? null : values.get(column);
    }

    @Override
    void extras(Map<String, String> out) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (!mapped.contains(e.getKey()) && !e.getValue().isEmpty()) {
          out.put(e.getKey(), e.getValue());
        }
      }
    }
  }
}
