package org.cx4j.journey.eventlog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.io.ReadError;

/**
 * Reads an event log from CSV with a one-line mapping of the case id, activity and timestamp
 * columns; {@link #pm4py()} is pm4py's layout ({@code case:concept:name}, {@code concept:name},
 * {@code time:timestamp}). Then {@link EventLog#toInteractionLog()} infers the touchpoint catalogue
 * (one touchpoint per activity), or {@link EventLog#toInteractionLog(java.util.function.Function)}
 * refines it.
 *
 * <pre>{@code
 * EventLog log = EventLogCsv.pm4py().read(reader, "running-example.csv");
 * EventLog other = EventLogCsv.columns("order", "step", "at").zone(ZoneId.of("Europe/Paris"))
 *     .read(reader, "orders.csv");
 * Journeys js = JourneyRebuilder.defaults().noInactivityGap().rebuild(log.toInteractionLog());
 * }</pre>
 *
 * <p>Rows become events of the trace of their case id, traces in order of first appearance, events
 * in row order. Other columns become string attributes: those named {@code case:...} (pm4py's
 * convention) of the trace, from the case's first row; the rest of the event; empty cells are left
 * out, and so are columns with a blank header (pandas' unnamed index). Timestamps are ISO 8601, a
 * space allowed between date and time ({@code 2010-12-30 14:32:00+01:00}, as pandas writes them); a
 * date-time without offset is read in {@link #zone} (default UTC). Immutable.
 */
public final class EventLogCsv {

  private final String caseColumn;
  private final String activityColumn;
  private final String timestampColumn;
  private final ZoneId zone;
  private final char separator;

  private EventLogCsv(String c, String a, String t, ZoneId zone, char separator) {
    this.caseColumn = c;
    this.activityColumn = a;
    this.timestampColumn = t;
    this.zone = zone;
    this.separator = separator;
  }

  /**
   * Returns the mapping of pm4py's layout: {@code case:concept:name}, {@code concept:name}, {@code
   * time:timestamp}.
   */
  public static EventLogCsv pm4py() {
    return columns("case:" + EventLog.NAME, EventLog.NAME, EventLog.TIMESTAMP);
  }

  /**
   * Returns the mapping with the given case id, activity and timestamp columns (comma-separated,
   * UTC for timestamps without offset).
   *
   * @throws IllegalArgumentException if a name is blank or two are equal
   */
  public static EventLogCsv columns(
      String caseColumn, String activityColumn, String timestampColumn) {
    for (String s : new String[] {caseColumn, activityColumn, timestampColumn}) {
      Objects.requireNonNull(s, "column");
      if (s.isBlank()) {
        throw new IllegalArgumentException("column names must not be blank");
      }
    }
    if (caseColumn.equals(activityColumn)
        || caseColumn.equals(timestampColumn)
        || activityColumn.equals(timestampColumn)) {
      throw new IllegalArgumentException(
          "the case, activity and timestamp columns must differ, got '"
              + caseColumn
              + "', '"
              + activityColumn
              + "', '"
              + timestampColumn
              + "'");
    }
    return new EventLogCsv(caseColumn, activityColumn, timestampColumn, ZoneOffset.UTC, ',');
  }

  /** Returns a copy that reads timestamps without offset in {@code zone}. */
  public EventLogCsv zone(ZoneId zone) {
    return new EventLogCsv(
        caseColumn,
        activityColumn,
        timestampColumn,
        Objects.requireNonNull(zone, "zone"),
        separator);
  }

  /** Returns a copy with another column separator (default {@code ','}). */
  public EventLogCsv separator(char separator) {
    return new EventLogCsv(caseColumn, activityColumn, timestampColumn, zone, separator);
  }

  /**
   * Returns the event log in {@code in} (not closed).
   *
   * @param source the file name used in error messages
   * @throws CxReadException if there is no header, a mapped column is missing, or a row has an
   *     empty case id or activity, a bad timestamp or a wrong number of cells, naming the source,
   *     the line, the column and the value
   * @throws UncheckedIOException if reading fails
   */
  public EventLog read(Reader in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    Map<String, List<EventLog.Event>> events = new LinkedHashMap<>();
    Map<String, Map<String, Object>> traceAttributes = new LinkedHashMap<>();
    try (MappingIterator<String[]> it =
        mapper.readerFor(String[].class).with(schema).readValues(in)) {
      if (!it.hasNext()) {
        throw new CxReadException(new ReadError(source, 1, null, null, "no header row"));
      }
      String[] header = it.next();
      int c = index(header, caseColumn, source);
      int a = index(header, activityColumn, source);
      int t = index(header, timestampColumn, source);
      // A row starts on the line after the previous row's last line; quoted cells may span
      // lines, and their line breaks are in the cell values.
      long line = 1 + lineBreaks(header);
      while (it.hasNext()) {
        String[] row = it.next();
        line++;
        long rowLine = line;
        line += lineBreaks(row);
        if (row.length == 1 && row[0].isEmpty()) {
          continue; // blank line
        }
        if (row.length != header.length) {
          throw new CxReadException(
              new ReadError(
                  source,
                  rowLine,
                  null,
                  null,
                  "the row has " + row.length + " cells, the header " + header.length));
        }
        String id = required(row, c, header, source, rowLine);
        String activity = required(row, a, header, source, rowLine);
        OffsetDateTime at = timestamp(row[t], header[t], source, rowLine);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(EventLog.NAME, activity);
        attributes.put(EventLog.TIMESTAMP, at);
        Map<String, Object> trace = traceAttributes.get(id);
        boolean first = trace == null;
        if (first) {
          trace = new LinkedHashMap<>();
          trace.put(EventLog.NAME, id);
          traceAttributes.put(id, trace);
        }
        for (int i = 0; i < header.length; i++) {
          if (i == c || i == a || i == t || header[i].isBlank() || row[i].isEmpty()) {
            continue;
          }
          if (header[i].startsWith("case:")) {
            if (first) {
              trace.put(header[i].substring(5), row[i]);
            }
          } else {
            attributes.put(header[i], row[i]);
          }
        }
        events.computeIfAbsent(id, k -> new ArrayList<>()).add(new EventLog.Event(attributes));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source + " failed", e);
    } catch (RuntimeException e) {
      if (e instanceof CxReadException) {
        throw e;
      }
      throw new CxReadException(
          new ReadError(source, 0, null, null, "malformed CSV: " + e.getMessage()), e);
    }
    List<EventLog.Trace> traces = new ArrayList<>();
    for (Map.Entry<String, List<EventLog.Event>> e : events.entrySet()) {
      traces.add(new EventLog.Trace(traceAttributes.get(e.getKey()), e.getValue()));
    }
    return new EventLog(Map.of(), traces);
  }

  private static long lineBreaks(String[] cells) {
    long n = 0;
    for (String c : cells) {
      n += c.chars().filter(ch -> ch == '\n').count();
    }
    return n;
  }

  private static int index(String[] header, String column, String source) {
    int i = Arrays.asList(header).indexOf(column);
    if (i < 0) {
      throw new CxReadException(
          new ReadError(
              source,
              1,
              column,
              null,
              "no such column; the header has " + Arrays.toString(header)));
    }
    return i;
  }

  private static String required(String[] row, int i, String[] header, String source, long line) {
    String v = row[i].trim();
    if (v.isEmpty()) {
      throw new CxReadException(
          new ReadError(source, line, header[i], row[i], "must not be empty"));
    }
    return v;
  }

  private OffsetDateTime timestamp(String text, String column, String source, long line) {
    String s = text.trim();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeException e) {
      try {
        LocalDateTime local = LocalDateTime.parse(s);
        return local.atZone(zone).toOffsetDateTime();
      } catch (DateTimeException e2) {
        throw new CxReadException(
            new ReadError(
                source,
                line,
                column,
                text,
                "not an ISO 8601 timestamp (2010-12-30T14:32:00+01:00, a space allowed before the "
                    + "time; without offset read in "
                    + zone
                    + ")"));
      }
    }
  }

  @Override
  public String toString() {
    return "EventLogCsv[case "
        + caseColumn
        + ", activity "
        + activityColumn
        + ", timestamp "
        + timestampColumn
        + ", zone "
        + zone
        + ", separator '"
        + separator
        + "']";
  }
}
