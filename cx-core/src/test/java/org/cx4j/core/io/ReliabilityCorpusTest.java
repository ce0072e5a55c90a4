package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.junit.jupiter.api.Test;

/**
 * The reliability corpus: one hostile file per way real exports break, each read in strict mode
 * (the first bad record stops the read with its line and reason) and in lenient mode (exactly the
 * expected rejects, of the expected kind, on the expected lines, and every good row read).
 *
 * <p>Each file is a header plus good rows {@code gN,9,2024-03-01T09:30:00Z,...} and the bad
 * record(s) under test; expected counts are read off the file as written here.
 */
class ReliabilityCorpusTest {

  private static final CxReader<SurveyResponse> NPS =
      CxReaders.surveyResponses(Instrument.nps())
          .mapping(ColumnMapping.of("customer_id", "id", "timestamp", "at"));
  private static final String HEADER = "id,score,at,comment\n";
  private static final String TS = "2024-03-01T09:30:00Z";

  private static String good(int n) {
    return "g" + n + ",9," + TS + ",fine\n";
  }

  /** What a lenient read of a corpus file gave. */
  private record Lenient(List<String> ids, ReadReport report) {}

  private static Lenient lenient(CxReader<SurveyResponse> reader, byte[] file) {
    List<String> ids = new ArrayList<>();
    try (RecordStream<SurveyResponse> s =
        reader.lenient().read(new ByteArrayInputStream(file), "corpus.csv")) {
      s.forEachRemaining(r -> ids.add(r.customer().value()));
      return new Lenient(ids, s.report());
    }
  }

  private static ReadError strict(CxReader<SurveyResponse> reader, byte[] file) {
    CxReadException e =
        assertThrows(
            CxReadException.class,
            () -> {
              try (RecordStream<SurveyResponse> s =
                  reader.strict().read(new ByteArrayInputStream(file), "corpus.csv")) {
                s.forEachRemaining(r -> {});
              }
            });
    return e.error();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Asserts one reject of {@code kind} on {@code line}, and the good rows g1..gN all read. */
  private static void oneReject(Lenient r, ReadError.Kind kind, long line, String... goodIds) {
    assertEquals(List.of(goodIds), r.ids(), r.report().toString());
    assertEquals(1, r.report().rejected(), r.report().toString());
    assertEquals(goodIds.length + 1, r.report().read());
    ReadError e = r.report().errors().get(0);
    assertEquals(kind, e.kind(), e.toString());
    assertEquals(line, e.line(), e.toString());
    assertEquals(List.of(new ReadReport.Tally(kind, e.column(), 1)), r.report().tallies());
  }

  // ---- broken lines ----------------------------------------------------------------------------

  @Test
  void unquotedCommaInAComment() {
    byte[] f = utf8(HEADER + good(1) + "b1,9," + TS + ",slow, and rude\n" + good(2));
    ReadError e = strict(NPS, f);
    assertEquals(3, e.line());
    assertEquals(ReadError.Kind.COLUMN_COUNT, e.kind());
    assertEquals("b1,9," + TS + ",slow, and rude", e.excerpt());
    oneReject(lenient(NPS, f), ReadError.Kind.COLUMN_COUNT, 3, "g1", "g2");
  }

  @Test
  void quoteNeverClosedRejectsItsLineOnlyEvenWhenLaterLinesHaveQuotes() {
    // Line 3 opens a quote that never closes. Line 4 has a quoted comment whose quote would close
    // it: the record they would make has text after that quote, so line 3 alone is rejected.
    byte[] f =
        utf8(
            HEADER
                + good(1)
                + "b1,9,"
                + TS
                + ",\"it broke\n"
                + "g2,9,"
                + TS
                + ",\"good, really\"\n"
                + good(3));
    assertEquals(3, strict(NPS, f).line());
    Lenient r = lenient(NPS, f);
    oneReject(r, ReadError.Kind.MALFORMED, 3, "g1", "g2", "g3");
  }

  @Test
  void quoteNeverClosedOnTheLastLine() {
    byte[] f = utf8(HEADER + good(1) + good(2) + "b1,9," + TS + ",\"it broke");
    assertEquals(4, strict(NPS, f).line());
    oneReject(lenient(NPS, f), ReadError.Kind.MALFORMED, 4, "g1", "g2");
  }

  @Test
  void multiLineCommentWithinTheCapIsOneRecordAndKeepsLineNumbers() {
    byte[] f =
        utf8(
            HEADER
                + "g1,9,"
                + TS
                + ",\"line one\nline two, with comma\nthree\"\n"
                + good(2)
                + "b1,11,"
                + TS
                + ",x\n");
    Lenient r = lenient(NPS, f);
    // records: g1 (lines 2-4), g2 (line 5), b1 (line 6)
    oneReject(r, ReadError.Kind.OUT_OF_RANGE, 6, "g1", "g2");
  }

  @Test
  void quotedValueOverTheLineCapRejectsItsFirstLine() {
    CxReader<SurveyResponse> reader = NPS.limits(ReadLimits.defaults().withMaxRecordLines(3));
    // Lines 3-6 would be one record of four lines; the cap is three, so line 3 is rejected and
    // lines 4-6 are read as rows of one value each ("d\"" too: its quote does not start a value).
    byte[] f = utf8(HEADER + good(1) + "b1,9," + TS + ",\"a\nb\nc\nd\"\n" + good(2));
    ReadError e = strict(reader, f);
    assertEquals(3, e.line());
    assertEquals(ReadError.Kind.TOO_LONG, e.kind());
    Lenient r = lenient(reader, f);
    assertEquals(List.of("g1", "g2"), r.ids());
    assertEquals(4, r.report().rejected()); // line 3 (cap), lines 4, 5, 6 (one value each)
    assertEquals(6, r.report().read());
    assertEquals(3, r.report().errors().get(0).line());
    assertEquals(ReadError.Kind.TOO_LONG, r.report().errors().get(0).kind());
    assertEquals(
        List.of(4L, 5L, 6L),
        r.report().errors().subList(1, 4).stream().map(ReadError::line).toList());
  }

  @Test
  void lineOverTheByteCapIsSkippedWithoutHoldingIt() {
    CxReader<SurveyResponse> reader = NPS.limits(ReadLimits.defaults().withMaxRecordBytes(1000));
    String huge = "b1,9," + TS + "," + "x".repeat(200_000);
    byte[] f = utf8(HEADER + good(1) + huge + "\n" + good(2));
    ReadError e = strict(reader, f);
    assertEquals(3, e.line());
    assertEquals(ReadError.Kind.TOO_LONG, e.kind());
    assertTrue(e.excerpt().startsWith("b1,9,"), e.excerpt());
    assertTrue(e.excerpt().length() <= ReadError.MAX_EXCERPT);
    oneReject(lenient(reader, f), ReadError.Kind.TOO_LONG, 3, "g1", "g2");
  }

  @Test
  void quotedValueOverTheByteCapRejectsItsFirstLine() {
    CxReader<SurveyResponse> reader = NPS.limits(ReadLimits.defaults().withMaxRecordBytes(1000));
    String big = "b1,9," + TS + ",\"" + "y".repeat(600) + "\n" + "z".repeat(600) + "\"";
    byte[] f = utf8(HEADER + good(1) + big + "\n" + good(2));
    Lenient r = lenient(reader, f);
    // line 3 rejected (record over 1000 bytes); line 4 (600 z's and a quote) is a row of one
    // value that ends in a quote: text after a quote is not here (the quote is not at a value's
    // start), so it is a short row.
    assertEquals(List.of("g1", "g2"), r.ids());
    assertEquals(2, r.report().rejected());
    assertEquals(ReadError.Kind.TOO_LONG, r.report().errors().get(0).kind());
    assertEquals(3, r.report().errors().get(0).line());
    assertEquals(ReadError.Kind.COLUMN_COUNT, r.report().errors().get(1).kind());
    assertEquals(4, r.report().errors().get(1).line());
  }

  @Test
  void valueOverTheFieldCap() {
    CxReader<SurveyResponse> reader = NPS.limits(ReadLimits.defaults().withMaxFieldChars(50));
    byte[] f = utf8(HEADER + good(1) + "b1,9," + TS + ",\"" + "w".repeat(51) + "\"\n" + good(2));
    ReadError e = strict(reader, f);
    assertEquals("comment", e.column());
    assertEquals(ReadError.Kind.TOO_LONG, e.kind());
    oneReject(lenient(reader, f), ReadError.Kind.TOO_LONG, 3, "g1", "g2");
  }

  @Test
  void textAfterAClosingQuote() {
    byte[] f = utf8(HEADER + good(1) + "b1,9," + TS + ",\"said \"hi\" twice\"\n" + good(2));
    assertEquals(ReadError.Kind.MALFORMED, strict(NPS, f).kind());
    oneReject(lenient(NPS, f), ReadError.Kind.MALFORMED, 3, "g1", "g2");
  }

  @Test
  void loneCarriageReturnsAndCrlfEndLinesToo() {
    byte[] f =
        utf8(
            "id,score,at,comment\r"
                + "g1,9,"
                + TS
                + ",a\r\n"
                + "b1,x,"
                + TS
                + ",b\r"
                + "g2,9,"
                + TS
                + ",c");
    oneReject(lenient(NPS, f), ReadError.Kind.NOT_A_NUMBER, 3, "g1", "g2");
  }

  // ---- encodings -------------------------------------------------------------------------------

  @Test
  void invalidUtf8NamesTheTrueLineAndByteOffset() {
    byte[] head = utf8(HEADER + good(1) + "b1,9," + TS + ",caf");
    // header 20 bytes + good row 31 bytes + "b1,9,<ts>,caf" 29 bytes: the bad byte is at offset 80
    assertEquals(20 + 31 + 29, head.length);
    byte[] f = concat(head, new byte[] {(byte) 0xE9}, utf8("\n" + good(2)));
    ReadError e = strict(NPS, f);
    assertEquals(3, e.line());
    assertEquals(ReadError.Kind.ENCODING, e.kind());
    assertTrue(e.reason().contains("byte offset 80"), e.reason());
    assertTrue(e.reason().contains("E9"), e.reason());
    oneReject(lenient(NPS, f), ReadError.Kind.ENCODING, 3, "g1", "g2");
  }

  @Test
  void windows1252ExportsReadWithTheirCharset() {
    byte[] f =
        (HEADER + "g1,9," + TS + ",café – “great”\n").getBytes(Charset.forName("windows-1252"));
    List<SurveyResponse> r = new ArrayList<>();
    NPS.charset(Charset.forName("windows-1252")).forEach(write(f), r::add);
    assertEquals("café – “great”", r.get(0).comment());
    // read as UTF-8, the same bytes are a reject naming the charset, not a crash
    assertEquals(ReadError.Kind.ENCODING, strict(NPS, f).kind());
  }

  @Test
  void utf16ByteOrderMarksWinOverTheCharset() {
    String text = HEADER + "g1,9," + TS + ",naïve ✓\n";
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bom =
          cs == StandardCharsets.UTF_16LE
              ? new byte[] {(byte) 0xFF, (byte) 0xFE}
              : new byte[] {(byte) 0xFE, (byte) 0xFF};
      byte[] f = concat(bom, text.getBytes(cs));
      Lenient r = lenient(NPS.charset(StandardCharsets.ISO_8859_1), f);
      assertEquals(List.of("g1"), r.ids(), cs + " " + r.report());
    }
    byte[] f = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text));
    assertEquals(List.of("g1"), lenient(NPS.charset(StandardCharsets.ISO_8859_1), f).ids());
  }

  /**
   * Files in other encodings (transcoded before splitting) read the same when the records are cut
   * on a thread of their own: 2,000 rows with a bad score every 97th, over many hand-over batches.
   */
  @Test
  void splittingAheadReadsOtherEncodingsAsOneThread() {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 2000; i++) {
      sb.append(i % 97 == 5 ? "b" + i + ",11," : "g" + i + ",9,");
      sb.append(TS).append(i % 2 == 0 ? ",café – “great”\r\n" : ",\"two\nlines\"\n");
    }
    String text = sb.toString();
    Charset w1252 = Charset.forName("windows-1252");
    List<byte[]> files =
        List.of(
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
            concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text)),
            text.getBytes(w1252));
    for (byte[] f : files) {
      CxReader<SurveyResponse> reader = NPS.charset(w1252).lenient();
      List<String> one = new ArrayList<>();
      List<String> ahead = new ArrayList<>();
      ReadReport oneReport;
      ReadReport aheadReport;
      try (RecordStream<SurveyResponse> s = reader.read(new ByteArrayInputStream(f), "f.csv")) {
        s.forEachRemaining(r -> one.add(r.customer() + " " + r.comment()));
        oneReport = s.report();
      }
      try (RecordStream<SurveyResponse> s =
          reader.splittingAhead().read(new ByteArrayInputStream(f), "f.csv")) {
        s.forEachRemaining(r -> ahead.add(r.customer() + " " + r.comment()));
        aheadReport = s.report();
      }
      assertEquals(2000 - 21, one.size(), oneReport.toString()); // i = 5, 102, ..., 1945
      assertEquals("g0 café – “great”", one.get(0));
      assertEquals(one, ahead);
      assertEquals(oneReport, aheadReport);
    }
  }

  @Test
  void invalidUtf16RejectsItsLine() {
    String text = HEADER + good(1) + "b1,9," + TS + ",x\uD800y\n" + good(2);
    // an unpaired surrogate cannot be encoded: write the UTF-16LE code units by hand
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xFE);
    for (char c : text.toCharArray()) {
      out.write(c & 0xFF);
      out.write(c >>> 8);
    }
    ReadError e = strict(NPS, out.toByteArray());
    assertEquals(3, e.line());
    assertEquals(ReadError.Kind.ENCODING, e.kind());
    oneReject(lenient(NPS, out.toByteArray()), ReadError.Kind.ENCODING, 3, "g1", "g2");
  }

  // ---- scores are ASCII digits -----------------------------------------------------------------

  @Test
  void unicodeDigitsAreRejectedWithANamedReason() {
    for (String digit :
        List.of(
            "\u0669", "\uFF19", "\u096F",
            "\u06F9")) { // Arabic-Indic, full-width, Devanagari, Persian 9
      byte[] f = utf8(HEADER + good(1) + "b1," + digit + "," + TS + ",x\n" + good(2));
      ReadError e = strict(NPS, f);
      assertEquals(ReadError.Kind.NON_ASCII_DIGITS, e.kind(), e.toString());
      assertTrue(e.reason().contains("ASCII digits"), e.reason());
      oneReject(lenient(NPS, f), ReadError.Kind.NON_ASCII_DIGITS, 3, "g1", "g2");
    }
  }

  @Test
  void javaNumberFormsAreNotNumbers() {
    CxReader<org.cx4j.core.transaction.Transaction> tx = CxReaders.transactions().lenient();
    String csv =
        "customer_id,timestamp,amount\n"
            + "a,"
            + TS
            + ",12.5\n"
            + "b,"
            + TS
            + ",1e3\n"
            + "c,"
            + TS
            + ",12d\n"
            + "d,"
            + TS
            + ",0x1p3\n"
            + "e,"
            + TS
            + ",NaN\n"
            + "f,"
            + TS
            + ",Infinity\n"
            + "g,"
            + TS
            + ",1e999\n"
            + "h,"
            + TS
            + ",-.5\n";
    ReadReport r = IoFixtures.report(tx, csv);
    assertEquals(3, r.accepted(), r.toString()); // a, b, h
    assertEquals(
        List.of(
            new ReadReport.Tally(ReadError.Kind.NOT_A_NUMBER, "amount", 4),
            new ReadReport.Tally(ReadError.Kind.OUT_OF_RANGE, "amount", 1)),
        r.tallies());
  }

  // ---- what common exporters write ---------------------------------------------------------

  @Test
  void excelSeparatorLineSetsTheSeparator() {
    // Excel in comma-decimal locales: "sep=;" before the header
    byte[] f = utf8("sep=;\nid;score;at;comment\ng1;9;" + TS + ";a, b\n");
    Lenient r = lenient(NPS.format(CsvFormat.comma()), f);
    assertEquals(List.of("g1"), r.ids(), r.report().toString());
    assertEquals(1, r.report().read());
    assertEquals(
        ReadError.Kind.COLUMN_COUNT,
        strict(NPS, utf8("sep=;\nid;score;at;comment\ng1;9;" + TS + ";x;y\n")).kind());
    // the detector agrees
    assertEquals(CsvFormat.separator(';'), SeparatorDetector.detect(List.of("sep=;", "a;b")));
    assertEquals(CsvFormat.tab(), SeparatorDetector.detect(List.of("\"sep=\t\"", "a\tb")));
  }

  @Test
  void integralDecimalsAndSpaceSeparatedIsoAsPandasWritesThem() {
    byte[] f =
        utf8(
            HEADER
                + "g1,9.0,2024-03-01 09:30:00,a\ng2,7.00,2024-03-01 10:30:00+01:00,b\n"
                + "b1,9.5,2024-03-01 09:30:00Z,c\n");
    Lenient r = lenient(NPS.timestamps(TimestampFormat.iso(java.time.ZoneOffset.UTC)), f);
    assertEquals(List.of("g1", "g2"), r.ids(), r.report().toString());
    assertEquals(ReadError.Kind.NOT_A_NUMBER, r.report().errors().get(0).kind());
    List<SurveyResponse> rows = new ArrayList<>();
    NPS.timestamps(TimestampFormat.iso(java.time.ZoneOffset.UTC))
        .lenient()
        .read(new ByteArrayInputStream(f), "p.csv")
        .forEachRemaining(rows::add);
    assertEquals(9, rows.get(0).score());
    assertEquals(java.time.Instant.parse("2024-03-01T09:30:00Z"), rows.get(0).timestamp());
    assertEquals(java.time.Instant.parse("2024-03-01T09:30:00Z"), rows.get(1).timestamp());
  }

  // ---- JSON Lines ------------------------------------------------------------------------------

  @Test
  void jsonLinesRejectsLongMalformedAndBadBytesLineByLine() {
    CxReader<SurveyResponse> reader =
        NPS.jsonLines().limits(ReadLimits.defaults().withMaxRecordBytes(500));
    String ok = "{\"id\":\"g%d\",\"score\":9,\"at\":\"" + TS + "\"}\n";
    byte[] f =
        concat(
            utf8(String.format(ok, 1)),
            utf8(
                "{\"id\":\"b1\",\"score\":9,\"at\":\""
                    + TS
                    + "\",\"comment\":\""
                    + "x".repeat(5000)
                    + "\"}\n"),
            utf8(String.format(ok, 2)),
            utf8("{\"id\":\"b2\",\"score\":9,\n"),
            utf8("{\"id\":\"b3\",\"score\":9,\"at\":\"" + TS + "\",\"comment\":\""),
            new byte[] {(byte) 0xC3, (byte) 0x28},
            utf8("\"}\n"),
            utf8(String.format(ok, 3)));
    Lenient r = lenient(reader, f);
    assertEquals(List.of("g1", "g2", "g3"), r.ids());
    assertEquals(
        List.of(ReadError.Kind.TOO_LONG, ReadError.Kind.MALFORMED, ReadError.Kind.ENCODING),
        r.report().errors().stream().map(ReadError::kind).toList());
    assertEquals(List.of(2L, 4L, 5L), r.report().errors().stream().map(ReadError::line).toList());
  }

  @Test
  void aJsonArrayIsNotJsonLinesAndSaysSo() {
    byte[] f = utf8("[{\"id\":\"g1\",\"score\":9,\"at\":\"" + TS + "\"}]\n");
    CxReadException e = assertThrows(CxReadException.class, () -> lenient(NPS.jsonLines(), f));
    assertTrue(e.getMessage().contains("JSON array, not JSON Lines"), e.getMessage());
  }

  // ---- counts stay exact past the kept errors --------------------------------------------------

  @Test
  void talliesAndTheSinkCountEveryRejectPastTheKeptErrors() {
    StringBuilder csv = new StringBuilder(HEADER);
    int bad = ReadReport.MAX_ERRORS + 500;
    for (int i = 0; i < bad; i++) {
      csv.append("b")
          .append(i)
          .append(",")
          .append(i % 2 == 0 ? "11" : "x")
          .append(",")
          .append(TS)
          .append(",c\n");
    }
    csv.append(good(1));
    List<ReadError> sunk = new ArrayList<>();
    ReadReport r;
    try (RecordStream<SurveyResponse> s =
        NPS.lenient(sunk::add).read(new ByteArrayInputStream(utf8(csv.toString())), "c.csv")) {
      s.forEachRemaining(x -> {});
      r = s.report();
    }
    assertEquals(bad, r.rejected());
    assertEquals(bad, sunk.size());
    assertEquals(ReadReport.MAX_ERRORS, r.errors().size());
    assertEquals(
        List.of(
            new ReadReport.Tally(ReadError.Kind.OUT_OF_RANGE, "score", 750),
            new ReadReport.Tally(ReadError.Kind.NOT_A_NUMBER, "score", 750)),
        r.tallies());
  }

  private static java.nio.file.Path write(byte[] bytes) {
    try {
      java.nio.file.Path p = java.nio.file.Files.createTempFile("corpus", ".csv");
      p.toFile().deleteOnExit();
      return java.nio.file.Files.write(p, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
