package org.cx4j.journey.eventlog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.io.ReadError;

/**
 * Reads and writes IEEE 1849 XES event logs with the JDK's streaming XML API (StAX): no DOM, no
 * dependency. DTDs and external entities are disabled, and a document with a DTD is rejected (no
 * XXE).
 *
 * <p>Read: the log's, each trace's and each event's attributes of the elementary types {@code
 * string}, {@code date}, {@code int}, {@code float}, {@code boolean} and {@code id} (read as a
 * string). Not kept: extension declarations, {@code global} and {@code classifier} elements, {@code
 * list} and {@code container} attributes, and meta-attributes (attributes nested in an attribute);
 * they are skipped. A {@code date} without an offset is read at UTC.
 *
 * <p>Write: UTF-8, the Concept, Time and Lifecycle extensions declared, dates at millisecond
 * precision with their offset ({@code 2010-12-30T14:32:00.000+01:00}), floats as {@link
 * Double#toString} with {@code NaN}, {@code INF}, {@code -INF}. A log read from what {@link #write}
 * wrote equals the log written (for dates of millisecond precision), and writing it again gives the
 * same bytes.
 *
 * <p>Reference: IEEE 1849-2016, <i>Standard for eXtensible Event Stream (XES)</i>.
 */
public final class Xes {

  /** The XES namespace. */
  public static final String NAMESPACE = "http://www.xes-standard.org/";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

  private Xes() {}

  /**
   * Returns the event log in {@code in} (not closed).
   *
   * @param source the file name used in error messages
   * @throws CxReadException if the XML is malformed, has a DTD, is not an XES log, or an attribute
   *     value does not parse as its type, naming the source, the line, the key and the value
   */
  public static EventLog read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(in);
      return new Reader(r, source).log();
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String msg = e.getMessage();
      // The JDK prefixes its message with "ParseError at [row,col]:[..]"; keep the reason.
      int i = msg == null ? -1 : msg.indexOf("Message: ");
      throw new CxReadException(
          new ReadError(
              source,
              l == null ? 0 : Math.max(0, l.getLineNumber()),
              null,
              null,
              "malformed XML: " + (i < 0 ? msg : msg.substring(i + 9))),
          e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Closing a reader releases nothing the caller holds; the stream stays open.
        }
      }
    }
  }

  private static final class Reader {
    private final XMLStreamReader r;
    private final String source;

    Reader(XMLStreamReader r, String source) {
      this.r = r;
      this.source = source;
    }

    EventLog log() throws XMLStreamException {
      int ev = next();
      if (ev != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("log")) {
        throw error(
            null,
            null,
            "expected the root element <log> of an XES document, found "
                + (ev == XMLStreamConstants.START_ELEMENT ? "<" + r.getLocalName() + ">" : "none"));
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      List<EventLog.Trace> traces = new ArrayList<>();
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("trace")) {
          traces.add(trace());
        } else if (!attribute(attributes)) {
          skip();
        }
      }
      return new EventLog(attributes, traces);
    }

    private EventLog.Trace trace() throws XMLStreamException {
      Map<String, Object> attributes = new LinkedHashMap<>();
      List<EventLog.Event> events = new ArrayList<>();
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("event")) {
          Map<String, Object> a = new LinkedHashMap<>();
          while (next() == XMLStreamConstants.START_ELEMENT) {
            if (!attribute(a)) {
              skip();
            }
          }
          events.add(new EventLog.Event(a));
        } else if (!attribute(attributes)) {
          skip();
        }
      }
      return new EventLog.Trace(attributes, events);
    }

    /**
     * Reads an elementary attribute element into {@code into}; returns false for another element.
     */
    private boolean attribute(Map<String, Object> into) throws XMLStreamException {
      String type = r.getLocalName();
      switch (type) {
        case "string":
        case "date":
        case "int":
        case "float":
        case "boolean":
        case "id":
          break;
        default:
          return false;
      }
      String key = r.getAttributeValue(null, "key");
      String value = r.getAttributeValue(null, "value");
      if (key == null || value == null) {
        throw error(key, value, "<" + type + "> needs both a key and a value attribute");
      }
      Object v;
      try {
        v = parse(type, value);
      } catch (DateTimeException | NumberFormatException e) {
        throw error(key, value, "not a valid XES " + type);
      }
      into.put(key, v);
      skip(); // meta-attributes, if any
      return true;
    }

    /** Skips the rest of the current element, nested elements included. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0) {
        int ev = next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (ev == XMLStreamConstants.END_DOCUMENT) {
          throw error(null, null, "the document ends inside an element");
        }
      }
    }

    /** Returns the next start or end element (or end of document), rejecting DTDs. */
    private int next() throws XMLStreamException {
      while (true) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.DTD:
          case XMLStreamConstants.ENTITY_REFERENCE:
          case XMLStreamConstants.ENTITY_DECLARATION:
            throw error(
                null, null, "DTDs and entities are not allowed in XES input (XXE " + "protection)");
          case XMLStreamConstants.START_ELEMENT:
          case XMLStreamConstants.END_ELEMENT:
          case XMLStreamConstants.END_DOCUMENT:
            return ev;
          default:
            break; // text, comments, processing instructions
        }
      }
    }

    private CxReadException error(String key, String value, String reason) {
      return new CxReadException(
          new ReadError(source, Math.max(0, r.getLocation().getLineNumber()), key, value, reason));
    }
  }

  private static Object parse(String type, String value) {
    switch (type) {
      case "date":
        return parseDate(value.trim());
      case "int":
        return Long.parseLong(value.trim());
      case "float":
        return parseFloat(value.trim());
      case "boolean":
        String b = value.trim();
        if (b.equals("true") || b.equals("1")) {
          return Boolean.TRUE;
        }
        if (b.equals("false") || b.equals("0")) {
          return Boolean.FALSE;
        }
        throw new NumberFormatException(value);
      default:
        return value;
    }
  }

  private static OffsetDateTime parseDate(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeException e) {
      return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
    }
  }

  private static double parseFloat(String s) {
    switch (s) {
      case "INF":
      case "+INF":
        return Double.POSITIVE_INFINITY;
      case "-INF":
        return Double.NEGATIVE_INFINITY;
      default:
        if (s.contains("Infinity")
            || s.endsWith("d")
            || s.endsWith("D")
            || s.endsWith("f")
            || s.endsWith("F")
            || s.startsWith("0x")
            || s.startsWith("0X")) {
          throw new NumberFormatException(s); // Java literals, not xs:double
        }
        return Double.parseDouble(s);
    }
  }

  /**
   * Writes {@code log} as XES to {@code out} (UTF-8; flushed, not closed).
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  public static void write(EventLog log, OutputStream out) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(out, "out");
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("log");
      w.writeDefaultNamespace(NAMESPACE);
      w.writeAttribute("xes.version", "1849-2016");
      w.writeAttribute("xes.features", "");
      extension(w, "Concept", "concept");
      extension(w, "Time", "time");
      extension(w, "Lifecycle", "lifecycle");
      attributes(w, log.attributes(), "  ");
      for (EventLog.Trace t : log.traces()) {
        w.writeCharacters("\n  ");
        w.writeStartElement("trace");
        attributes(w, t.attributes(), "    ");
        for (EventLog.Event e : t.events()) {
          w.writeCharacters("\n    ");
          w.writeStartElement("event");
          attributes(w, e.attributes(), "      ");
          w.writeCharacters("\n    ");
          w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
      out.flush();
    } catch (XMLStreamException e) {
      throw new java.io.UncheckedIOException(new java.io.IOException("writing XES failed", e));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void extension(XMLStreamWriter w, String name, String prefix)
      throws XMLStreamException {
    w.writeCharacters("\n  ");
    w.writeEmptyElement("extension");
    w.writeAttribute("name", name);
    w.writeAttribute("prefix", prefix);
    w.writeAttribute("uri", NAMESPACE + prefix + ".xesext");
  }

  private static void attributes(XMLStreamWriter w, Map<String, Object> a, String indent)
      throws XMLStreamException {
    for (Map.Entry<String, Object> e : a.entrySet()) {
      Object v = e.getValue();
      String type;
      String text;
      if (v instanceof OffsetDateTime) {
        type = "date";
        text = DATE.format((OffsetDateTime) v);
      } else if (v instanceof Long) {
        type = "int";
        text = v.toString();
      } else if (v instanceof Double) {
        type = "float";
        double d = (Double) v;
        text =
            Double.isNaN(d)
                ? "NaN"
                : d == Double.POSITIVE_INFINITY
                    ? "INF"
                    : d == Double.NEGATIVE_INFINITY ? "-INF" : Double.toString(d);
      } else if (v instanceof Boolean) {
        type = "boolean";
        text = v.toString();
      } else {
        type = "string";
        text = (String) v;
      }
      w.writeCharacters("\n" + indent);
      w.writeEmptyElement(type);
      w.writeAttribute("key", e.getKey());
      w.writeAttribute("value", text);
    }
  }
}
