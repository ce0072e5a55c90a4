package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.io.CxReadException;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.eventlog.EventLog;
import org.cx4j.journey.eventlog.EventLogCsv;
import org.cx4j.journey.eventlog.Xes;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.junit.jupiter.api.Test;

/** Event logs from CSV and XES: the running example both ways, round trips, and bad input. */
class EventLogTest {

  private static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults().noInactivityGap();

  private static EventLog xes(String text) {
    return Xes.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.xes");
  }

  private static byte[] write(EventLog log) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Xes.write(log, out);
    return out.toByteArray();
  }

  /** Variants as (labels, count) and graph edges as label pair to (count, seconds histogram). */
  private static List<Object> summary(Journeys js) {
    List<Object> variants = new ArrayList<>();
    for (Variants.Variant v : Variants.of(js, Level.TOUCHPOINT).all()) {
      variants.add(List.of(v.steps(), v.count()));
    }
    Map<String, Object> edges = new TreeMap<>();
    for (TransitionGraph.Edge e : TransitionGraph.of(js, Level.TOUCHPOINT).edges()) {
      edges.put(e.from() + " -> " + e.to(), List.of(e.count(), e.timing().frequencies()));
    }
    return List.of(variants, edges);
  }

  @Test
  void runningExampleXesAndCsvGiveTheSameVariantsAndGraph() throws Exception {
    Path xesFile = SharedDatasets.require("event_log/running-example.xes");
    Path csvFile = SharedDatasets.require("event_log/pm4py_running-example.csv");
    EventLog fromXes;
    try (InputStream in = Files.newInputStream(xesFile)) {
      fromXes = Xes.read(in, xesFile.toString());
    }
    EventLog fromCsv;
    try (var in = Files.newBufferedReader(csvFile)) {
      fromCsv = EventLogCsv.pm4py().read(in, csvFile.toString());
    }
    // Van der Aalst's table 1.1: 6 cases, 42 events.
    assertEquals(6, fromXes.traces().size());
    assertEquals(42, fromXes.eventCount());
    assertEquals(6, fromCsv.traces().size());
    assertEquals(42, fromCsv.eventCount());
    EventLog.Event first = fromXes.traces().get(0).events().get(0);
    assertEquals("register request", first.activity().orElseThrow());
    assertEquals(
        OffsetDateTime.parse("2010-12-30T14:32:00+01:00"), first.timestamp().orElseThrow());
    assertEquals("Pete", first.attributes().get("org:resource"));
    assertEquals("3", fromXes.traces().get(0).name().orElseThrow());
    Journeys a = REBUILD.rebuild(fromXes.toInteractionLog());
    Journeys b = REBUILD.rebuild(fromCsv.toInteractionLog());
    assertEquals(6, a.journeyCount());
    assertEquals(summary(a), summary(b));
    // The XES copy written and read back gives the same journeys again.
    EventLog again = Xes.read(new ByteArrayInputStream(write(fromXes)), "again.xes");
    assertEquals(fromXes, again);
    assertEquals(summary(a), summary(REBUILD.rebuild(again.toInteractionLog())));
  }

  @Test
  void theCatalogueIsInferredAndCanBeRefined() {
    EventLog log =
        xes(
            """
        <log><trace><string key="concept:name" value="c1"/>
          <event><string key="concept:name" value="pay"/>
            <date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
        </trace></log>""");
    InteractionLog inferred = log.toInteractionLog();
    Touchpoint t = inferred.dictionary().touchpoint(0);
    assertEquals("pay", t.id());
    assertEquals(EventLog.UNASSIGNED, t.channel().name());
    InteractionLog refined =
        log.toInteractionLog(act -> Touchpoint.of(act, Channel.WEB, JourneyStage.PURCHASE));
    assertEquals(JourneyStage.PURCHASE, refined.dictionary().touchpoint(0).stage());
    assertEquals(Instant.parse("2020-01-01T10:00:00Z"), refined.interaction(0).timestamp());
  }

  @Test
  void externalEntitiesAndDtdsAreRejected() throws Exception {
    Path secret = Files.createTempFile("xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET");
    String doc =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n<log><string key=\"k\" value=\"&x;\"/></log>";
    CxReadException e = assertThrows(CxReadException.class, () -> xes(doc));
    assertTrue(e.getMessage().contains("DTD"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    Files.delete(secret);
  }

  @Test
  void badXmlNamesTheLine() {
    CxReadException e =
        assertThrows(CxReadException.class, () -> xes("<log>\n<trace>\n<event>\n</trace>\n</log>"));
    assertTrue(e.getMessage().startsWith("t.xes:4: malformed XML"), e.getMessage());
    CxReadException v =
        assertThrows(
            CxReadException.class,
            () -> xes("<log>\n<trace>\n<int key=\"cost\" value=\"12x\"/>\n</trace></log>"));
    assertEquals("t.xes:3: column 'cost', value '12x': not a valid XES int", v.getMessage());
    CxReadException root = assertThrows(CxReadException.class, () -> xes("<events/>"));
    assertTrue(root.getMessage().contains("expected the root element <log>"), root.getMessage());
  }

  @Test
  void csvMappingNamesColumnsAndLines() {
    String csv =
        "order,step,at,case:segment,channel\n"
            + "o1,visit,2024-01-01 10:00:00,gold,web\n"
            + "o2,visit,2024-01-01T11:00:00+02:00,silver,\n"
            + "o1,buy,2024-01-01 10:05:00,gold,app\n";
    EventLog log =
        EventLogCsv.columns("order", "step", "at")
            .zone(ZoneId.of("Europe/Paris"))
            .read(new StringReader(csv), "orders.csv");
    assertEquals(2, log.traces().size());
    EventLog.Trace o1 = log.traces().get(0);
    assertEquals(Map.of("concept:name", "o1", "segment", "gold"), o1.attributes());
    assertEquals(
        List.of("visit", "buy"),
        o1.events().stream().map(x -> x.activity().orElseThrow()).toList());
    // No offset: read in Europe/Paris, UTC+1 in January.
    assertEquals(
        OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1)),
        o1.events().get(0).timestamp().orElseThrow());
    assertEquals("web", o1.events().get(0).attributes().get("channel"));
    assertFalse(log.traces().get(1).events().get(0).attributes().containsKey("channel"));

    CxReadException missing =
        assertThrows(
            CxReadException.class,
            () -> EventLogCsv.pm4py().read(new StringReader(csv), "orders.csv"));
    assertTrue(
        missing.getMessage().startsWith("orders.csv:1: column 'case:concept:name'"),
        missing.getMessage());
    CxReadException bad =
        assertThrows(
            CxReadException.class,
            () ->
                EventLogCsv.columns("order", "step", "at")
                    .read(
                        new StringReader(
                            "order,step,at\no1,visit,2024-01-01 10:00\no1,buy,yesterday\n"),
                        "orders.csv"));
    assertTrue(
        bad.getMessage().startsWith("orders.csv:3: column 'at', value 'yesterday'"),
        bad.getMessage());
    CxReadException afterQuotes =
        assertThrows(
            CxReadException.class,
            () ->
                EventLogCsv.columns("order", "step", "at")
                    .read(
                        new StringReader(
                            "order,step,at,note\no1,visit,2024-01-01T10:00:00Z,\"two\nlines\"\no1,buy,never,\n"),
                        "orders.csv"));
    assertTrue(
        afterQuotes.getMessage().startsWith("orders.csv:4: column 'at', value 'never'"),
        afterQuotes.getMessage());
    CxReadException afterBlank =
        assertThrows(
            CxReadException.class,
            () ->
                EventLogCsv.columns("order", "step", "at")
                    .read(new StringReader("order,step,at\n\no1,buy,never\n"), "orders.csv"));
    assertTrue(afterBlank.getMessage().startsWith("orders.csv:3: "), afterBlank.getMessage());
    CxReadException empty =
        assertThrows(
            CxReadException.class,
            () ->
                EventLogCsv.columns("order", "step", "at")
                    .read(
                        new StringReader("order,step,at\n,visit,2024-01-01T10:00:00Z\n"),
                        "orders.csv"));
    assertTrue(empty.getMessage().startsWith("orders.csv:2: column 'order'"), empty.getMessage());
  }

  // Round trip: XML-safe strings (no tabs or line breaks, which attribute normalization turns
  // into spaces), markup characters included.
  @Provide
  Arbitrary<EventLog> logs() {
    // Characters one by one (a lone surrogate is not text), and whole supplementary characters.
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab <>&\"'é€=:").ofMaxLength(8),
            Arbitraries.of("😀", "a😀&"));
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            text.map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)
                .map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Combinators.combine(
                    Arbitraries.longs().between(-5_000_000_000_000L, 5_000_000_000_000L),
                    Arbitraries.integers().between(-18 * 4, 18 * 4))
                .as(
                    (ms, q) ->
                        (Object)
                            OffsetDateTime.ofInstant(
                                Instant.ofEpochMilli(ms), ZoneOffset.ofTotalSeconds(q * 900))));
    Arbitrary<Map<String, Object>> attrs =
        Combinators.combine(
                Arbitraries.strings()
                    .withChars("abc:")
                    .ofMinLength(1)
                    .ofMaxLength(3)
                    .list()
                    .ofMaxSize(4),
                value.list().ofSize(4))
            .as(
                (keys, vals) -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), vals.get(i));
                  }
                  return m;
                });
    Arbitrary<EventLog.Trace> trace =
        Combinators.combine(attrs, attrs.map(EventLog.Event::new).list().ofMaxSize(3))
            .as(EventLog.Trace::new);
    return Combinators.combine(attrs, trace.list().ofMaxSize(3)).as(EventLog::new);
  }

  @Property(tries = 300, seed = "42")
  void xesRoundTripsExactly(@ForAll("logs") EventLog log) {
    byte[] once = write(log);
    EventLog back = Xes.read(new ByteArrayInputStream(once), "round.xes");
    assertEquals(log, back);
    assertArrayEquals(once, write(back));
  }
}
