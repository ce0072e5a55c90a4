package org.cx4j.journey;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.UnknownTouchpoints;

/** Named touchpoints, logs and the pm4py running example for the journey tests. */
public final class JourneyFixtures {

  private JourneyFixtures() {}

  /** Time origin of hand-built logs: 2024-01-01T00:00:00Z. */
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  public static final Touchpoint AD = Touchpoint.of("ad", Channel.SOCIAL, JourneyStage.AWARENESS);
  public static final Touchpoint HOME = Touchpoint.of("home", Channel.WEB, JourneyStage.AWARENESS);
  public static final Touchpoint PRODUCT =
      Touchpoint.of("product", Channel.WEB, JourneyStage.CONSIDERATION);
  public static final Touchpoint APP_PRODUCT =
      Touchpoint.of("app_product", Channel.APP, JourneyStage.CONSIDERATION);
  public static final Touchpoint CART = Touchpoint.of("cart", Channel.WEB, JourneyStage.PURCHASE);
  public static final Touchpoint CHECKOUT =
      Touchpoint.of("checkout", Channel.WEB, JourneyStage.PURCHASE);
  public static final Touchpoint CALL =
      Touchpoint.of("call", Channel.PHONE, JourneyStage.RETENTION);

  /** Seven touchpoints, codes 0..6 in this order. */
  public static final TouchpointCatalog CATALOG =
      TouchpointCatalog.of(List.of(AD, HOME, PRODUCT, APP_PRODUCT, CART, CHECKOUT, CALL));

  /** Returns the touchpoint with the given index in {@link #CATALOG}. */
  public static Touchpoint tp(int code) {
    return CATALOG.touchpoints().get(code);
  }

  /** Returns an interaction of customer {@code c} at {@code t} seconds after {@link #T0}. */
  public static Interaction at(String c, Touchpoint t, long seconds) {
    return Interaction.of(CustomerId.of(c), t, T0.plusSeconds(seconds));
  }

  /** Returns an interaction with an outcome. */
  public static Interaction at(String c, Touchpoint t, long seconds, Outcome o) {
    return Interaction.of(CustomerId.of(c), t, T0.plusSeconds(seconds), o);
  }

  /** Returns an interaction with an explicit journey id. */
  public static Interaction session(String c, Touchpoint t, long seconds, String journeyId) {
    return new Interaction(CustomerId.of(c), t, T0.plusSeconds(seconds), null, journeyId, Map.of());
  }

  /** Returns a log over {@link #CATALOG} (rejecting unknown touchpoints) of {@code events}. */
  public static InteractionLog log(List<Interaction> events) {
    return InteractionLog.builder().catalog(CATALOG).addAll(events).build();
  }

  /** One row of the running example: case id, activity, timestamp, row number. */
  public record Row(String caseId, String activity, Instant time, int row) {}

  /**
   * Reads the running example of van der Aalst, <i>Process Mining</i> (Springer 2011/2016), table
   * 1.1, as shipped by pm4py (6 cases, 42 events), or skips the test when the data set is absent.
   */
  public static List<Row> runningExample() throws IOException {
    Path p = SharedDatasets.require("event_log/pm4py_running-example.csv");
    CsvMapper m = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
    List<Row> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        m.readerFor(Map.class).with(schema).readValues(p.toFile())) {
      int i = 0;
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        rows.add(
            new Row(
                r.get("case:concept:name"),
                r.get("concept:name"),
                OffsetDateTime.parse(r.get("time:timestamp"), f).toInstant(),
                i++));
      }
    }
    return rows;
  }

  /**
   * Returns the running example as a log: customer = case, touchpoint = activity (web, awareness).
   */
  public static InteractionLog runningExampleLog(List<Row> rows) {
    InteractionLog.Builder b =
        InteractionLog.builder().unknownTouchpoints(UnknownTouchpoints.REGISTER);
    for (Row r : rows) {
      b.add(
          Interaction.of(
              CustomerId.of(r.caseId()),
              Touchpoint.of(r.activity(), Channel.WEB, JourneyStage.AWARENESS),
              r.time()));
    }
    return b.build();
  }
}
