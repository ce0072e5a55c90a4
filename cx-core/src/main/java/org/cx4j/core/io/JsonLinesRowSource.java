package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rows of a JSON Lines file: one flat JSON object per line. {@link RecordSplitter} cuts the bytes
 * into lines (at most {@link ReadLimits#maxRecordBytes()} each; a longer line is skipped without
 * being held in memory), {@link InputDecoding} decodes each, and Jackson's streaming parser reads
 * it, so that a malformed or over-long line is one bad row, not the end of the file. Property names
 * are the mapped column names; {@code null} is an absent value; numbers and booleans are read as
 * their text.
 */
final class JsonLinesRowSource implements RowSource {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private final InputDecoding decoding;
  private final RecordSplitter splitter;
  private final ReadLimits limits;
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> mapped = new HashSet<>();
  private final String[] columns = new String[Field.values().length]; // null: shadowed
  private final JsonRow row;
  private long line;
  private String text;
  private boolean first = true;
  private final String name;

  JsonLinesRowSource(
      InputDecoding decoding,
      String name,
      ReadLimits limits,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      RecordSchema<?> schema) {
    this.decoding = decoding;
    this.name = name;
    this.limits = limits;
    this.splitter =
        new RecordSplitter(decoding.bytes(), ',', false, false, limits.maxRecordBytes(), 1);
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
    do {
      if (!splitter.next()) {
        return false;
      }
    } while (splitter.problem() == null && splitter.blank());
    line = splitter.line();
    values.clear();
    if (splitter.problem() != null) {
      text =
          new String(
              splitter.buffer(),
              splitter.start(),
              splitter.end() - splitter.start(),
              StandardCharsets.UTF_8);
      throw new RowError(
          null,
          null,
          "the line is longer than the limit of "
              + limits.maxRecordBytes()
              + " bytes; it is skipped and reading resumes on the next line",
          ReadError.Kind.TOO_LONG);
    }
    try {
      text = decoding.decode(splitter);
    } catch (RowError e) {
      text =
          new String(
              splitter.buffer(),
              splitter.start(),
              splitter.end() - splitter.start(),
              StandardCharsets.UTF_8);
      throw e;
    }
    if (text.isBlank()) {
      return next(); // a line blank once decoded (e.g. only a non-breaking space is not blank)
    }
    if (first && text.stripLeading().startsWith("[")) {
      // One JSON array, not JSON Lines: every line would be a reject; say what the file is.
      throw new CxReadException(
          new ReadError(
              name,
              line,
              null,
              null,
              "the file is a JSON array, not JSON Lines (one object per line); convert it, e.g. "
                  + "with jq -c '.[]' file.json > file.jsonl",
              ReadError.Kind.MALFORMED,
              null));
    }
    first = false;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RowError(
            null, null, "a JSON Lines row must be a JSON object", ReadError.Kind.MALFORMED);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          throw new RowError(
              key,
              null,
              "nested values are not supported: rows must be flat objects",
              ReadError.Kind.MALFORMED);
        }
        if (values.containsKey(key)) {
          throw new RowError(key, p.getText(), "duplicate property", ReadError.Kind.MALFORMED);
        }
        if (v != JsonToken.VALUE_NULL) {
          String value = p.getText();
          if (value.length() > limits.maxFieldChars()) {
            throw new RowError(
                key,
                value.substring(0, Math.min(80, value.length())) + "...",
                "a value of "
                    + value.length()
                    + " characters is longer than the limit of "
                    + limits.maxFieldChars(),
                ReadError.Kind.TOO_LONG);
          }
          values.put(key, value);
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new RowError(
            null, null, "expected exactly one JSON object on the line", ReadError.Kind.MALFORMED);
      }
    } catch (JsonProcessingException e) {
      throw new RowError(
          null, null, "malformed JSON: " + e.getOriginalMessage(), ReadError.Kind.MALFORMED);
    }
    return true;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Row row() {
    return row;
  }

  @Override
  public void close() throws IOException {
    decoding.bytes().close();
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
