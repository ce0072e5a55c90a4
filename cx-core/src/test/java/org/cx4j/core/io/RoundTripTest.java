package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing records and reading them back gives equal records, for every format. */
class RoundTripTest {

  /** The formats under test: the four separators, and null for JSON Lines. */
  private static final List<CsvFormat> FORMATS =
      java.util.Arrays.asList(
          CsvFormat.comma(), CsvFormat.semicolon(), CsvFormat.tab(), CsvFormat.whitespace(), null);

  private static final ColumnMapping USER_NAMES =
      ColumnMapping.of(
          "customer_id",
          "respondent_id",
          "score",
          "nps_score",
          "timestamp",
          "created_at",
          "amount",
          "dollar_value");

  private static <T> List<T> roundTrip(
      CxWriter<T> writer, CxReader<T> reader, CsvFormat format, List<T> records) {
    CxWriter<T> w = format == null ? writer.jsonLines() : writer.format(format);
    CxReader<T> r = format == null ? reader.jsonLines() : reader.format(format);
    StringWriter out = new StringWriter();
    assertEquals(records.size(), w.write(out, records));
    try (RecordStream<T> s = r.read(new StringReader(out.toString()), "roundtrip")) {
      List<T> back = s.stream().toList();
      assertEquals(
          new ReadReport("roundtrip", records.size(), records.size(), 0, List.of()),
          s.report(),
          out::toString);
      return back;
    }
  }

  @Property(tries = 40, seed = "42")
  void interactions(@ForAll("interactionLists") List<Interaction> records) {
    for (CsvFormat f : FORMATS) {
      List<Interaction> back =
          roundTrip(
              CxWriters.interactions().mapping(USER_NAMES).attributeColumns("segment", "tier"),
              CxReaders.interactions().mapping(USER_NAMES).extraColumnsAsAttributes(),
              f,
              records);
      assertEquals(records, back, String.valueOf(f));
    }
  }

  @Property(tries = 40, seed = "42")
  void surveyResponses(@ForAll("responseLists") List<SurveyResponse> records) {
    for (CsvFormat f : FORMATS) {
      assertEquals(
          records,
          roundTrip(
              CxWriters.surveyResponses().mapping(USER_NAMES),
              CxReaders.surveyResponses().mapping(USER_NAMES),
              f,
              records),
          String.valueOf(f));
    }
  }

  @Property(tries = 40, seed = "42")
  void transactions(@ForAll("transactionLists") List<Transaction> records) {
    for (CsvFormat f : FORMATS) {
      assertEquals(
          records,
          roundTrip(
              CxWriters.transactions().mapping(USER_NAMES),
              CxReaders.transactions().mapping(USER_NAMES),
              f,
              records),
          String.valueOf(f));
    }
  }

  @Property(tries = 40, seed = "42")
  void customers(@ForAll("customerLists") List<Customer> records) {
    for (CsvFormat f : FORMATS) {
      assertEquals(
          records,
          roundTrip(
              CxWriters.customers().attributeColumns("segment", "tier"),
              CxReaders.customers().extraColumnsAsAttributes(),
              f,
              records),
          String.valueOf(f));
    }
  }

  @Test
  void epochMillisAndPatternTimestamps() {
    Instant t = Instant.parse("2024-03-01T09:30:00.123Z");
    List<Transaction> tx = List.of(new Transaction(CustomerId.of("c1"), t, 12.5, 2, "t1"));
    TimestampFormat ms = TimestampFormat.epochMillis();
    assertEquals(
        tx,
        roundTrip(
            CxWriters.transactions().timestamps(ms),
            CxReaders.transactions().timestamps(ms),
            CsvFormat.comma(),
            tx));
    TimestampFormat day = TimestampFormat.pattern("yyyyMMdd", ZoneId.of("Europe/Paris"));
    List<Customer> c =
        List.of(new Customer(CustomerId.of("c1"), LocalDate.of(2024, 1, 31), null, null, Map.of()));
    assertEquals(
        c,
        roundTrip(
            CxWriters.customers().timestamps(day),
            CxReaders.customers().timestamps(day),
            CsvFormat.semicolon(),
            c));
  }

  @Test
  void writesTheExpectedCsvText() {
    StringWriter out = new StringWriter();
    CxWriters.surveyResponses()
        .mapping(USER_NAMES)
        .write(
            out,
            List.of(
                new SurveyResponse(
                    CustomerId.of("r1"),
                    null,
                    Instrument.nps(),
                    9,
                    IoFixtures.T0,
                    1.0,
                    "fast, \"kind\"")));
    assertEquals(
        "respondent_id,touchpoint,channel,stage,instrument,nps_score,created_at,weight,comment\n"
            + "r1,,,,nps,9,2024-03-01T09:30:00Z,1.0,\"fast, \"\"kind\"\"\"\n",
        out.toString());
    StringWriter json = new StringWriter();
    CxWriters.transactions()
        .jsonLines()
        .write(json, List.of(new Transaction(CustomerId.of("c1"), IoFixtures.T0, 11.77, 1, null)));
    assertEquals(
        "{\"customer_id\":\"c1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"amount\":11.77,\"quantity\":1}\n",
        json.toString());
  }

  @Test
  void filesOnDisk(@TempDir Path dir) {
    Path f = dir.resolve("tx.jsonl");
    List<Transaction> tx =
        List.of(
            Transaction.of(CustomerId.of("c1"), IoFixtures.T0, 1),
            Transaction.of(CustomerId.of("c2"), IoFixtures.T0, 2));
    assertEquals(2, CxWriters.transactions().jsonLines().write(f, tx));
    List<Transaction> back = new ArrayList<>();
    ReadReport r = CxReaders.transactions().jsonLines().forEach(f, back::add);
    assertEquals(tx, back);
    assertEquals(2, r.accepted());
  }

  // ---- generators -----------------------------------------------------------------------

  /** Text with the characters that break naive CSV: separators, quotes, newlines, non-ASCII. */
  private static Arbitrary<String> nastyText() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', '\r', '\t', ',', ';', '"', 'é', '€', '中')
        .ofMinLength(1)
        .ofMaxLength(24);
  }

  /** Non-blank text without surrounding whitespace (ids and trimmed fields). */
  private static Arbitrary<String> token() {
    return nastyText().map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(0, 4_000_000_000L)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, 999_999_999)
                    .map(n -> Instant.ofEpochSecond(s, n)));
  }

  private static Arbitrary<Touchpoint> touchpoints() {
    Arbitrary<Channel> channels =
        Arbitraries.of(Channel.WEB, Channel.APP, Channel.STORE, Channel.of("kiosk"));
    Arbitrary<JourneyStage> stages = Arbitraries.of(StageModel.DEFAULT.stages());
    return Combinators.combine(token(), channels, stages).as(Touchpoint::of);
  }

  private static Arbitrary<Map<String, String>> attributes() {
    return Arbitraries.maps(Arbitraries.of("segment", "tier"), nastyText()).ofMaxSize(2);
  }

  @Provide
  Arbitrary<List<Interaction>> interactionLists() {
    Arbitrary<Outcome> outcomes =
        Arbitraries.of(Outcome.CONVERTED, Outcome.ABANDONED, Outcome.of("resolved"))
            .injectNull(0.3);
    Arbitrary<Interaction> one =
        Combinators.combine(
                token().map(CustomerId::of),
                touchpoints(),
                instants(),
                outcomes,
                token().injectNull(0.5),
                attributes())
            .as(Interaction::new);
    return one.list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<SurveyResponse>> responseLists() {
    Arbitrary<Instrument> instruments =
        Arbitraries.of(Instrument.nps(), Instrument.csat(), Instrument.ces());
    Arbitrary<SurveyResponse> one =
        Combinators.combine(
                token().map(CustomerId::of),
                touchpoints().injectNull(0.5),
                instruments,
                Arbitraries.integers().between(0, 10),
                instants(),
                Arbitraries.doubles().between(0, 1000),
                nastyText().injectNull(0.3))
            .as(
                (c, t, i, s, ts, w, m) ->
                    new SurveyResponse(
                        c,
                        t,
                        i,
                        Math.max(i.scale().min(), Math.min(i.scale().max(), s)),
                        ts,
                        w,
                        m));
    return one.list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Transaction>> transactionLists() {
    Arbitrary<Transaction> one =
        Combinators.combine(
                token().map(CustomerId::of),
                instants(),
                Arbitraries.doubles().between(-1e9, 1e9),
                Arbitraries.integers().between(1, 1000),
                token().injectNull(0.5))
            .as(Transaction::new);
    return one.list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Customer>> customerLists() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.ofEpochDay(d));
    Arbitrary<Customer> one =
        Combinators.combine(
                token().map(CustomerId::of),
                dates.injectNull(0.3),
                token().injectNull(0.3),
                token().injectNull(0.3),
                attributes())
            .as(Customer::new);
    return one.list().ofMaxSize(8);
  }
}
