package org.cx4j.core.io;

import static org.cx4j.core.io.IoFixtures.CATALOG;
import static org.cx4j.core.io.IoFixtures.CHECKOUT;
import static org.cx4j.core.io.IoFixtures.HOTLINE;
import static org.cx4j.core.io.IoFixtures.T0;
import static org.cx4j.core.io.IoFixtures.readAll;
import static org.cx4j.core.io.IoFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static final CxReader<SurveyResponse> NPS_FILE =
      CxReaders.surveyResponses(Instrument.nps())
          .mapping(
              ColumnMapping.of(
                  "customer_id", "respondent_id", "score", "nps_score", "timestamp", "created_at"));

  private static final String NPS_HEADER = "respondent_id,nps_score,created_at\n";

  // ---- the happy paths -------------------------------------------------------------------

  @Test
  void readsAUsersColumnNamesInAnyOrder() {
    List<SurveyResponse> r =
        readAll(NPS_FILE, "created_at,nps_score,respondent_id\n2024-03-01T09:30:00Z,9,r1\n");
    assertEquals(List.of(SurveyResponse.of(CustomerId.of("r1"), Instrument.nps(), 9, T0)), r);
  }

  @Test
  void semicolonTabAndWhitespaceSeparators() {
    SurveyResponse expected = SurveyResponse.of(CustomerId.of("r1"), Instrument.nps(), 9, T0);
    assertEquals(
        List.of(expected),
        readAll(
            NPS_FILE.format(CsvFormat.semicolon()),
            "respondent_id;nps_score;created_at\nr1;9;2024-03-01T09:30:00Z"));
    assertEquals(
        List.of(expected),
        readAll(
            NPS_FILE.format(CsvFormat.tab()),
            "respondent_id\tnps_score\tcreated_at\nr1\t9\t2024-03-01T09:30:00Z\n"));
    assertEquals(
        List.of(expected),
        readAll(
            NPS_FILE.format(CsvFormat.whitespace()),
            "  respondent_id \t nps_score    created_at  \n\t r1   9\t2024-03-01T09:30:00Z   \n"));
  }

  @Test
  void whitespaceFormatKeepsQuotedSpacesAndEscapedQuotes() {
    CxReader<Customer> reader = CxReaders.customers().format(CsvFormat.whitespace());
    List<Customer> c =
        readAll(
            reader,
            "customer_id   plan  country\n  c1  \"gold  plus\"   \"say \"\"hi\"\"  there\"\n");
    assertEquals("gold  plus", c.get(0).plan());
    assertEquals("say \"hi\"  there", c.get(0).country());
  }

  @Test
  void interactionsThroughTheCatalogAndInline() {
    String csv =
        "customer_id,touchpoint,timestamp,outcome,journey_id\n"
            + "c1,web_checkout,2024-03-01T09:30:00Z,converted,j1\n"
            + "c2,hotline,2024-03-01T10:30:00+01:00,,\n";
    List<Interaction> r = readAll(CxReaders.interactions(CATALOG), csv);
    assertEquals(
        List.of(
            new Interaction(CustomerId.of("c1"), CHECKOUT, T0, Outcome.CONVERTED, "j1", null),
            // 10:30 at +01:00 is 09:30Z
            Interaction.of(CustomerId.of("c2"), HOTLINE, T0)),
        r);

    String inline =
        "customer_id,touchpoint,channel,stage,timestamp\nc1,kiosk,Store,purchase,2024-03-01T09:30:00Z\n";
    Touchpoint kiosk = Touchpoint.of("kiosk", Channel.STORE, JourneyStage.PURCHASE);
    assertEquals(
        List.of(Interaction.of(CustomerId.of("c1"), kiosk, T0)),
        readAll(CxReaders.interactions(), inline));
    // the catalog falls back to inline columns for ids it does not know
    assertEquals(
        List.of(Interaction.of(CustomerId.of("c1"), kiosk, T0)),
        readAll(CxReaders.interactions(CATALOG), inline));
  }

  @Test
  void unknownTouchpointWithoutInlineColumnsIsARowError() {
    String csv = "customer_id,touchpoint,timestamp\nc1,nowhere,2024-03-01T09:30:00Z\n";
    CxReadException e =
        assertThrows(CxReadException.class, () -> readAll(CxReaders.interactions(CATALOG), csv));
    assertEquals(2, e.error().line());
    assertEquals("touchpoint", e.error().column());
    assertEquals("nowhere", e.error().value());
    assertTrue(e.getMessage().contains("unknown touchpoint"), e.getMessage());
  }

  @Test
  void interactionsWithoutCatalogNeedChannelAndStageColumns() {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () -> readAll(CxReaders.interactions(), "customer_id,touchpoint,timestamp\n"));
    assertTrue(e.getMessage().contains("need channel and stage columns"), e.getMessage());
  }

  @Test
  void instrumentColumnResolvedByName() {
    Instrument csat7 = Instrument.csat(Scale.of(1, 7));
    String csv =
        "customer_id,instrument,score,timestamp,weight,comment\n"
            + "c1,NPS,10,2024-03-01T09:30:00Z,2.5,great\n"
            + "c2,csat,7,2024-03-01T09:30:00Z,,\n";
    List<SurveyResponse> r =
        readAll(CxReaders.surveyResponses(Map.of("nps", Instrument.nps(), "csat", csat7)), csv);
    assertEquals(
        List.of(
            new SurveyResponse(CustomerId.of("c1"), null, Instrument.nps(), 10, T0, 2.5, "great"),
            SurveyResponse.of(CustomerId.of("c2"), csat7, 7, T0)),
        r);
    // the default instruments put csat on 1..5, so 7 is out of scale there
    CxReadException e =
        assertThrows(CxReadException.class, () -> readAll(CxReaders.surveyResponses(), csv));
    assertEquals(3, e.error().line());
    assertEquals("7", e.error().value());
  }

  @Test
  void unknownInstrumentIsARowError() {
    String csv = "customer_id,instrument,score,timestamp\nc1,stars,3,2024-03-01T09:30:00Z\n";
    CxReadException e =
        assertThrows(CxReadException.class, () -> readAll(CxReaders.surveyResponses(), csv));
    assertEquals("instrument", e.error().column());
    assertEquals("stars", e.error().value());
    assertTrue(e.getMessage().contains("[ces, csat, nps]"), e.getMessage());
  }

  @Test
  void customersWithExtraColumnsAsAttributes() {
    String csv =
        "customer_id,signup_date,country,plan,segment,tier\nc1,2024-01-31,FR,gold,smb,\nc2,,,,,\n";
    List<Customer> c = readAll(CxReaders.customers().extraColumnsAsAttributes(), csv);
    assertEquals(
        List.of(
            new Customer(
                CustomerId.of("c1"),
                java.time.LocalDate.of(2024, 1, 31),
                "FR",
                "gold",
                Map.of("segment", "smb")),
            Customer.of("c2")),
        c);
    // without the option the extra columns are ignored
    assertEquals(Map.of(), readAll(CxReaders.customers(), csv).get(0).attributes());
    assertThrows(
        IllegalStateException.class, () -> CxReaders.transactions().extraColumnsAsAttributes());
    assertThrows(IllegalStateException.class, () -> CxReaders.customers().touchpoints(CATALOG));
  }

  @Test
  void aColumnMappedToOneFieldIsNotReadByAnotherFieldOfThatDefaultName() {
    // the file's "quantity" column holds the amount; the quantity field then has no column
    CxReader<Transaction> reader =
        CxReaders.transactions().mapping(ColumnMapping.of("amount", "quantity"));
    String csv = "customer_id,timestamp,quantity\nc1,2024-03-01T09:30:00Z,12.5\n";
    assertEquals(List.of(Transaction.of(CustomerId.of("c1"), T0, 12.5)), readAll(reader, csv));
    assertEquals(
        List.of(Transaction.of(CustomerId.of("c1"), T0, 12.5)),
        readAll(
            reader.jsonLines(),
            "{\"customer_id\":\"c1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"quantity\":12.5}"));
    // writing cannot give quantity the same column
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CxWriters.transactions()
                    .mapping(ColumnMapping.of("amount", "quantity"))
                    .write(new java.io.StringWriter(), List.of()));
    assertTrue(e.getMessage().contains("field quantity"), e.getMessage());
  }

  @Test
  void transactionsWithPatternTimestampsAndDefaultQuantity() {
    String csv = "customer_id,timestamp,amount\nc1,20240301,11.77\n";
    List<Transaction> t =
        readAll(
            CxReaders.transactions()
                .timestamps(TimestampFormat.pattern("yyyyMMdd", ZoneId.of("UTC"))),
            csv);
    assertEquals(
        List.of(Transaction.of(CustomerId.of("c1"), Instant.parse("2024-03-01T00:00:00Z"), 11.77)),
        t);
  }

  // ---- file shapes ------------------------------------------------------------------------

  @Test
  void quotedFieldsWithSeparatorsQuotesAndNewlines() {
    String csv =
        "customer_id,score,timestamp,comment,instrument\n"
            + "c1,9,2024-03-01T09:30:00Z,\"fast, friendly\nand \"\"kind\"\"\",nps\n"
            + "c2,x,2024-03-01T09:30:00Z,,nps\n";
    CxReader<SurveyResponse> reader = CxReaders.surveyResponses().lenient();
    try (RecordStream<SurveyResponse> s = reader.read(new StringReader(csv), "q.csv")) {
      List<SurveyResponse> r = s.stream().toList();
      assertEquals("fast, friendly\nand \"kind\"", r.get(0).comment());
      // the first record spans lines 2 and 3, so the bad row starts on line 4
      assertEquals(4, s.report().errors().get(0).line());
    }
  }

  @Test
  void utf8BomCrlfAndMissingFinalNewline() {
    String csv =
        "\uFEFFrespondent_id,nps_score,created_at\r\nr1,9,2024-03-01T09:30:00Z\r\nr2,0,2024-03-01T09:30:00Z";
    List<SurveyResponse> r = readAll(NPS_FILE, csv);
    assertEquals(2, r.size());
    assertEquals("r2", r.get(1).customer().value());
    assertEquals(0, r.get(1).score());
  }

  @Test
  void bomInAFileOnDisk(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bom.csv");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (NPS_HEADER + "r1,9,2024-03-01T09:30:00Z\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    Files.write(f, all);
    List<SurveyResponse> out = new ArrayList<>();
    ReadReport rep = NPS_FILE.forEach(f, out::add);
    assertEquals(1, out.size());
    assertEquals(new ReadReport(f.toString(), 1, 1, 0, List.of()), rep);
  }

  @Test
  void trailingSeparatorOnEveryLineIsAnEmptyLastColumn() {
    // some exports end every line with the separator: the header then has an empty last name
    assertEquals(
        1,
        readAll(NPS_FILE, "respondent_id,nps_score,created_at,\nr1,9,2024-03-01T09:30:00Z,\n")
            .size());
    // but a trailing separator on a data line alone makes it a long row
    ReadReport r = report(NPS_FILE.lenient(), NPS_HEADER + "r1,9,2024-03-01T09:30:00Z,\n");
    assertEquals(1, r.rejected());
    assertEquals("", r.errors().get(0).value());
  }

  @Test
  void blankLinesAreNotRows() {
    ReadReport r = report(NPS_FILE, NPS_HEADER + "\nr1,9,2024-03-01T09:30:00Z\n\n   \n\r\n");
    // a line of only spaces counts as blank too
    assertEquals(new ReadReport("test.csv", 1, 1, 0, List.of()), r);
  }

  @Test
  void emptyFileIsAFileLevelErrorInBothModes() {
    for (CxReader<SurveyResponse> reader : List.of(NPS_FILE, NPS_FILE.lenient())) {
      CxReadException e = assertThrows(CxReadException.class, () -> readAll(reader, ""));
      assertTrue(e.getMessage().contains("empty file"), e.getMessage());
      assertEquals("test.csv", e.error().source());
    }
  }

  @Test
  void headerOnlyGivesNoRecords() {
    assertEquals(new ReadReport("test.csv", 0, 0, 0, List.of()), report(NPS_FILE, NPS_HEADER));
    assertEquals(
        new ReadReport("test.csv", 0, 0, 0, List.of()), report(NPS_FILE, NPS_HEADER.trim()));
  }

  @Test
  void missingColumnIsAFileLevelErrorNamingColumnAndHeader() {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () ->
                readAll(
                    NPS_FILE.lenient(),
                    "respondent_id,score,created_at\nr1,9,2024-03-01T09:30:00Z\n"));
    assertTrue(e.getMessage().contains("'nps_score' (score)"), e.getMessage());
    assertTrue(e.getMessage().contains("[respondent_id, score, created_at]"), e.getMessage());
    assertEquals(1, e.error().line());
  }

  @Test
  void explicitlyMappedOptionalColumnMustBePresent() {
    CxReader<SurveyResponse> r =
        NPS_FILE.mapping(
            ColumnMapping.of(
                "customer_id",
                "respondent_id",
                "score",
                "nps_score",
                "timestamp",
                "created_at",
                "weight",
                "w"));
    CxReadException e = assertThrows(CxReadException.class, () -> readAll(r, NPS_HEADER));
    assertTrue(e.getMessage().contains("'w' (weight)"), e.getMessage());
  }

  @Test
  void duplicateHeaderNamesAreAFileLevelErrorInBothModes() {
    String csv = "respondent_id,nps_score,created_at,nps_score,x,x\n";
    for (CxReader<SurveyResponse> reader : List.of(NPS_FILE, NPS_FILE.lenient())) {
      CxReadException e = assertThrows(CxReadException.class, () -> readAll(reader, csv));
      assertTrue(e.getMessage().contains("duplicate column names [nps_score, x]"), e.getMessage());
    }
  }

  // ---- bad rows: strict names file, line, column and value -------------------------------

  @Test
  void scoreOutOfScale() {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () ->
                readAll(
                    NPS_FILE,
                    NPS_HEADER + "r1,9,2024-03-01T09:30:00Z\nr2,11,2024-03-01T09:30:00Z\n"));
    assertEquals(
        new ReadError(
            "test.csv",
            3,
            "nps_score",
            "11",
            "score 11 is outside the nps scale 0..10",
            ReadError.Kind.OUT_OF_RANGE,
            "r2,11,2024-03-01T09:30:00Z"),
        e.error());
    assertEquals(
        "test.csv:3: column 'nps_score', value '11': score 11 is outside the nps scale 0..10",
        e.getMessage());
  }

  @Test
  void nonNumericScore() {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () -> readAll(NPS_FILE, NPS_HEADER + "r1,nine,2024-03-01T09:30:00Z\n"));
    assertEquals(
        new ReadError(
            "test.csv",
            2,
            "nps_score",
            "nine",
            "score must be an integer",
            ReadError.Kind.NOT_A_NUMBER,
            "r1,nine,2024-03-01T09:30:00Z"),
        e.error());
    e =
        assertThrows(
            CxReadException.class,
            () -> readAll(NPS_FILE, NPS_HEADER + "r1,9.5,2024-03-01T09:30:00Z\n"));
    assertEquals("9.5", e.error().value());
  }

  @Test
  void badTimestampNamesTheExpectedFormat() {
    CxReadException e =
        assertThrows(
            CxReadException.class, () -> readAll(NPS_FILE, NPS_HEADER + "r1,9,01/03/2024\n"));
    assertEquals("created_at", e.error().column());
    assertEquals("01/03/2024", e.error().value());
    assertTrue(e.error().reason().contains("ISO-8601"), e.error().reason());
    // a local date-time is ambiguous without a zone
    e =
        assertThrows(
            CxReadException.class,
            () -> readAll(NPS_FILE, NPS_HEADER + "r1,9,2024-03-01T09:30:00\n"));
    assertEquals("2024-03-01T09:30:00", e.error().value());
    assertEquals(
        List.of(SurveyResponse.of(CustomerId.of("r1"), Instrument.nps(), 9, T0)),
        readAll(
            NPS_FILE.timestamps(TimestampFormat.iso(ZoneId.of("UTC"))),
            NPS_HEADER + "r1,9,2024-03-01T09:30:00\n"));
  }

  @Test
  void missingRequiredValue() {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () -> readAll(NPS_FILE, NPS_HEADER + " ,9,2024-03-01T09:30:00Z\n"));
    assertEquals("respondent_id", e.error().column());
    assertEquals("missing value for customer_id", e.error().reason());
  }

  @Test
  void shortAndLongRows() {
    String csv = NPS_HEADER + "r1,9\nr2,9,2024-03-01T09:30:00Z,extra\nr3,9,2024-03-01T09:30:00Z\n";
    CxReadException e = assertThrows(CxReadException.class, () -> readAll(NPS_FILE, csv));
    assertEquals(2, e.error().line());
    assertEquals("created_at", e.error().column());
    assertTrue(
        e.error().reason().startsWith("short row: 2 values, expected 3"), e.error().reason());

    ReadReport r = report(NPS_FILE.lenient(), csv);
    assertEquals(3, r.read());
    assertEquals(1, r.accepted());
    assertEquals(2, r.rejected());
    assertEquals(3, r.errors().get(1).line());
    assertEquals("extra", r.errors().get(1).value());
    assertTrue(r.errors().get(1).reason().startsWith("long row"));
  }

  @Test
  void unterminatedQuoteStrictThrowsAtTheRowWhereItOpened() {
    String csv =
        NPS_HEADER
            + "r1,9,2024-03-01T09:30:00Z\nr2,\"9,2024-03-01T09:30:00Z\nr3,9,2024-03-01T09:30:00Z\n";
    CxReadException e = assertThrows(CxReadException.class, () -> readAll(NPS_FILE, csv));
    assertEquals(3, e.error().line());
    assertEquals(ReadError.Kind.MALFORMED, e.error().kind());
    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void unterminatedQuoteLenientRejectsItsLineOnlyAndReadsOn() {
    // The quote on line 3 never closes: line 3 alone is rejected, line 4 is read again as a row.
    String csv =
        NPS_HEADER
            + "r1,9,2024-03-01T09:30:00Z\n\"r2,9,2024-03-01T09:30:00Z\nr3,9,2024-03-01T09:30:00Z\n";
    try (RecordStream<SurveyResponse> s = NPS_FILE.lenient().read(new StringReader(csv), "q.csv")) {
      assertEquals(2, s.stream().count());
      ReadReport r = s.report();
      assertEquals(3, r.read());
      assertEquals(1, r.rejected());
      assertEquals(3, r.errors().get(0).line());
      assertEquals("\"r2,9,2024-03-01T09:30:00Z", r.errors().get(0).excerpt());
      assertTrue(
          r.errors().get(0).reason().contains("resumes on the next line"),
          r.errors().get(0).reason());
    }
  }

  // ---- lenient mode and the error sinks -----------------------------------------------------

  @Test
  void lenientSkipsEveryKindOfBadRowAndCountsExactly() {
    String csv =
        NPS_HEADER
            + "r1,9,2024-03-01T09:30:00Z\n" // 2 ok
            + "r2,11,2024-03-01T09:30:00Z\n" // 3 out of scale
            + "r3,x,2024-03-01T09:30:00Z\n" // 4 not a number
            + "r4,5,yesterday\n" // 5 bad timestamp
            + "r5,5\n" // 6 short
            + "r6,10,2024-03-01T09:30:00Z\n"; // 7 ok
    List<ReadError> seen = new ArrayList<>();
    ReadReport r = report(NPS_FILE.lenient(seen::add), csv);
    assertEquals(6, r.read());
    assertEquals(2, r.accepted());
    assertEquals(4, r.rejected());
    assertEquals(r.errors(), seen);
    assertEquals(List.of(3L, 4L, 5L, 6L), r.errors().stream().map(ReadError::line).toList());
    assertEquals(
        List.of("11", "x", "yesterday"),
        r.errors().subList(0, 3).stream().map(ReadError::value).toList());
    assertTrue(r.complete());
  }

  @Test
  void reportKeepsTheFirstThousandErrorsButCountsAll(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder(NPS_HEADER);
    int bad = 2500;
    for (int i = 0; i < bad; i++) {
      csv.append("r").append(i).append(",").append(11 + i % 3).append(",2024-03-01T09:30:00Z\n");
    }
    csv.append("ok,3,2024-03-01T09:30:00Z\n");
    Path errors = dir.resolve("errors.csv");
    ReadReport r;
    try (FileErrorSink sink = ErrorSink.toFile(errors)) {
      r = report(NPS_FILE.lenient(sink), csv.toString());
      assertEquals(bad, sink.written());
    }
    assertEquals(bad + 1, r.read());
    assertEquals(1, r.accepted());
    assertEquals(bad, r.rejected());
    assertEquals(ReadReport.MAX_ERRORS, r.errors().size());
    assertFalse(r.complete());
    // the file has them all: read it back with Jackson's CSV support, header + 2500 rows
    try (var it =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper()
            .readerFor(String[].class)
            .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
            .<String[]>readValues(errors.toFile())) {
      List<String[]> rows = it.readAll();
      assertEquals(bad + 1, rows.size());
      assertEquals(List.of("source", "line", "column", "value", "reason"), List.of(rows.get(0)));
      // the last bad row is r2499 on line 2 + 2499 = 2501, score 11 + 2499 % 3 = 11 + 0 (2499 = 3 *
      // 833)
      assertEquals(
          List.of("test.csv", "2501", "nps_score", "11", "score 11 is outside the nps scale 0..10"),
          List.of(rows.get(bad)));
      // and r2498, one line up, scored 11 + 2498 % 3 = 13
      assertEquals("13", rows.get(bad - 1)[3]);
    }
  }

  @Test
  void headerlessFormatNamesItsColumns() {
    CxReader<Transaction> reader =
        CxReaders.transactions()
            .format(CsvFormat.comma().withoutHeader("who", "when", "what"))
            .mapping(ColumnMapping.of("customer_id", "who", "timestamp", "when", "amount", "what"));
    List<Transaction> t = readAll(reader, "c1,2024-03-01T09:30:00Z,-5\n");
    assertEquals(List.of(Transaction.of(CustomerId.of("c1"), T0, -5)), t);
    assertEquals(new ReadReport("test.csv", 0, 0, 0, List.of()), report(reader, ""));
  }

  @Test
  void streamsAreLazyAndReportAsTheyGo() {
    String csv = NPS_HEADER + "r1,9,2024-03-01T09:30:00Z\nr2,8,2024-03-01T09:30:00Z\n";
    try (RecordStream<SurveyResponse> s = NPS_FILE.read(new StringReader(csv), "x")) {
      assertEquals("r1", s.next().customer().value());
      assertEquals(1, s.report().read());
      assertTrue(s.hasNext());
      s.next();
      assertFalse(s.hasNext());
      assertThrows(java.util.NoSuchElementException.class, s::next);
    }
  }
}
