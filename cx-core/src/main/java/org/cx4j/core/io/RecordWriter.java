package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes records one at a time as CSV or JSON Lines, through Jackson's generators; obtain one from
 * {@link CxWriter#open}. Memory stays constant. Not thread-safe; close it to flush.
 *
 * @param <T> the record type
 */
public final class RecordWriter<T> implements AutoCloseable {

  private static final CsvMapper CSV = new CsvMapper();
  private static final JsonFactory JSON = new JsonFactory();

  private final RecordSchema<T> schema;
  private final TimestampFormat timestamps;
  private final String[] columns; // mapped names of the schema's fields
  private final List<String> attributeColumns;
  private final String name;
  private final SequenceWriter csv; // null for JSON Lines
  private final JsonGenerator json; // null for CSV
  private long written;

  RecordWriter(
      Writer out,
      String name,
      RecordSchema<T> schema,
      CsvFormat format,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      List<String> attributeColumns)
      throws IOException {
    this.schema = schema;
    this.timestamps = timestamps;
    this.attributeColumns = attributeColumns;
    this.name = name;
    List<Field> fields = schema.fields();
    columns = new String[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      Field f = fields.get(i);
      if (mapping.isShadowed(f)) {
        throw new IllegalArgumentException(
            "cannot write "
                + schema.kind()
                + " field "
                + f
                + ": its column name '"
                + f.defaultName()
                + "' is mapped to another field; map "
                + f
                + " to a column of its own");
      }
      columns[i] = mapping.column(f);
    }
    if (format == null) {
      csv = null;
      json = JSON.createGenerator(out);
      json.setRootValueSeparator(new SerializedString(""));
    } else {
      json = null;
      CsvSchema s =
          CsvSchema.emptySchema()
              .withColumnSeparator(format.separatorChar())
              .withLineSeparator("\n");
      var writer = CSV.writerFor(String[].class).with(s);
      if (format.isWhitespace()) {
        // two separators in a row would collapse into one, so an empty value must be quoted
        writer = writer.with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
      }
      csv = writer.writeValues(out);
      if (format.hasHeader()) {
        String[] header = new String[columns.length + attributeColumns.size()];
        System.arraycopy(columns, 0, header, 0, columns.length);
        for (int i = 0; i < attributeColumns.size(); i++) {
          header[columns.length + i] = attributeColumns.get(i);
        }
        csv.write(header);
      }
    }
  }

  /**
   * Writes one record.
   *
   * @throws UncheckedIOException on an I/O error
   * @throws IllegalArgumentException if a JSON Lines attribute has the name of a mapped column
   */
  public void write(T record) {
    Objects.requireNonNull(record, "record");
    String[] v = schema.values(record, timestamps);
    try {
      if (csv != null) {
        String[] row = new String[v.length + attributeColumns.size()];
        for (int i = 0; i < v.length; i++) {
          row[i] = v[i] == null ? "" : v[i];
        }
        Map<String, String> attrs = schema.attributes(record);
        for (int i = 0; i < attributeColumns.size(); i++) {
          row[v.length + i] = attrs.getOrDefault(attributeColumns.get(i), "");
        }
        csv.write(row);
      } else {
        json.writeStartObject();
        for (int i = 0; i < v.length; i++) {
          if (v[i] != null) {
            json.writeFieldName(columns[i]);
            if (schema.numeric(schema.fields().get(i))) {
              json.writeNumber(v[i]);
            } else {
              json.writeString(v[i]);
            }
          }
        }
        for (Map.Entry<String, String> e : schema.attributes(record).entrySet()) {
          for (String c : columns) {
            if (c.equals(e.getKey())) {
              throw new IllegalArgumentException(
                  "attribute '" + c + "' of " + record + " has the name of a mapped column");
            }
          }
          json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + name, e);
    }
  }

  /** Returns the number of records written. */
  public long written() {
    return written;
  }

  /** Flushes and closes the output. @throws UncheckedIOException on an I/O error */
  @Override
  public void close() {
    try {
      if (csv != null) {
        csv.close();
      } else {
        json.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }

  @Override
  public String toString() {
    return "RecordWriter[" + schema.kind() + " records to " + name + ", " + written + " written]";
  }
}
