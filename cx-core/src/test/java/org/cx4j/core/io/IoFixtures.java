package org.cx4j.core.io;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/** Named inputs and helpers shared by the reader and writer tests. */
final class IoFixtures {

  static final Touchpoint CHECKOUT =
      Touchpoint.of("web_checkout", Channel.WEB, JourneyStage.PURCHASE);
  static final Touchpoint HOTLINE = Touchpoint.of("hotline", Channel.PHONE, JourneyStage.RETENTION);
  static final TouchpointCatalog CATALOG = TouchpointCatalog.of(List.of(CHECKOUT, HOTLINE));

  static final Instant T0 = Instant.parse("2024-03-01T09:30:00Z");

  private IoFixtures() {}

  /** Reads every record of {@code text} (named "test.csv" in errors). */
  static <T> List<T> readAll(CxReader<T> reader, String text) {
    try (RecordStream<T> s = reader.read(new StringReader(text), "test.csv")) {
      return s.stream().toList();
    }
  }

  /** Reads {@code text} to the end and returns the report. */
  static <T> ReadReport report(CxReader<T> reader, String text) {
    try (RecordStream<T> s = reader.read(new StringReader(text), "test.csv")) {
      s.forEachRemaining(r -> {});
      return s.report();
    }
  }
}
