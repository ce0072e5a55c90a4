package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;

/**
 * For any file made of good rows and bad lines of every kind, in any order, with blank lines and
 * mixed line ends: a lenient read accepts exactly the good rows (ids, scores and comments, in
 * order), rejects exactly the bad lines (each one record, on its own physical line), and {@code
 * accepted + rejected = read}; a strict read stops at the first bad line with its line number.
 *
 * <p>Good comments with a line break have text before it (see the filter in {@code goodLine()}):
 * after a quote never closed, a row whose quoted comment starts with a line break would close that
 * quote at a line end and make the lines in between one valid record, which no reader can tell from
 * a value that spans lines.
 *
 * <p>The oracle is the generator itself: it knows which lines it wrote good or bad and on which
 * physical line each starts (a quoted comment with line breaks spans several).
 */
class LenientReadProperties {

  private static final String TS = "2024-03-01T09:30:00Z";
  private static final int MAX_BYTES = 2000;
  private static final CxReader<SurveyResponse> NPS =
      CxReaders.surveyResponses(Instrument.nps())
          .limits(ReadLimits.defaults().withMaxRecordBytes(MAX_BYTES));

  /** One generated line: its bytes (without the line end), whether it is good, its comment. */
  record Line(byte[] bytes, boolean good, int score, String comment, int physicalLines) {}

  private record Good(int score, String comment) {}

  @Property(tries = 1500, seed = "42")
  void lenientAcceptsExactlyTheGoodRowsAndCountsEveryBadLine(
      @ForAll("files") List<Line> lines,
      @ForAll("endings") List<String> endings,
      @ForAll("blanks") List<Boolean> blanks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("customer_id,score,timestamp,comment\n".getBytes(StandardCharsets.UTF_8));
    long physical = 2;
    List<String> goodIds = new ArrayList<>();
    List<Good> goods = new ArrayList<>();
    long firstBadLine = 0;
    int bad = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (blanks.get(i % blanks.size())) {
        out.writeBytes((i % 2 == 0 ? " " : "  \t").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(endings.get(i % endings.size()).getBytes(StandardCharsets.UTF_8));
        physical++;
      }
      Line l = lines.get(i);
      String id = (l.good() ? "g" : "b") + i;
      out.writeBytes(id.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(l.bytes());
      if (i < lines.size() - 1 || i % 3 != 0) { // sometimes no line end at the end of the file
        out.writeBytes(endings.get(i % endings.size()).getBytes(StandardCharsets.UTF_8));
      }
      if (l.good()) {
        goodIds.add(id);
        goods.add(new Good(l.score(), l.comment()));
      } else {
        bad++;
        if (firstBadLine == 0) {
          firstBadLine = physical;
        }
      }
      physical += l.physicalLines();
    }
    byte[] file = out.toByteArray();

    List<SurveyResponse> accepted = new ArrayList<>();
    ReadReport report;
    try (RecordStream<SurveyResponse> s =
        NPS.lenient().read(new ByteArrayInputStream(file), "p.csv")) {
      s.forEachRemaining(accepted::add);
      report = s.report();
    }
    String why = report + "\n" + new String(file, StandardCharsets.UTF_8);
    assertEquals(goodIds, accepted.stream().map(r -> r.customer().value()).toList(), why);
    for (int k = 0; k < accepted.size(); k++) {
      assertEquals(goods.get(k).score(), accepted.get(k).score(), why);
      String comment = goods.get(k).comment();
      assertEquals(comment.isEmpty() ? null : comment, accepted.get(k).comment(), why);
    }
    assertEquals(bad, report.rejected(), why);
    assertEquals(lines.size(), report.read(), why);
    assertEquals(report.read(), report.accepted() + report.rejected());

    if (bad > 0) {
      long expected = firstBadLine;
      CxReadException e =
          assertThrows(
              CxReadException.class,
              () -> {
                try (RecordStream<SurveyResponse> s =
                    NPS.strict().read(new ByteArrayInputStream(file), "p.csv")) {
                  s.forEachRemaining(r -> {});
                }
              });
      assertEquals(expected, e.error().line(), e.getMessage() + "\n" + why);
    }
  }

  /**
   * Cutting records on a thread of their own ({@link CxReader#splittingAhead()}) changes nothing:
   * the same records, counts, errors (with their lines) and tallies as one thread, over files long
   * enough to span many hand-over batches; in strict mode the same first error.
   */
  @Property(tries = 150, seed = "7")
  void splittingAheadReadsExactlyAsOneThread(
      @ForAll("files") List<Line> lines,
      @ForAll("endings") List<String> endings,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 120) int copies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("customer_id,score,timestamp,comment\n".getBytes(StandardCharsets.UTF_8));
    int n = 0;
    for (int c = 0; c < copies; c++) {
      for (Line l : lines) {
        out.writeBytes(("c" + n).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(l.bytes());
        out.writeBytes(endings.get(n % endings.size()).getBytes(StandardCharsets.UTF_8));
        n++;
      }
    }
    byte[] file = out.toByteArray();
    List<String> one = new ArrayList<>();
    List<String> ahead = new ArrayList<>();
    ReadReport oneReport;
    ReadReport aheadReport;
    try (RecordStream<SurveyResponse> s =
        NPS.lenient().read(new ByteArrayInputStream(file), "p.csv")) {
      s.forEachRemaining(r -> one.add(r.customer() + " " + r.score() + " " + r.comment()));
      oneReport = s.report();
    }
    try (RecordStream<SurveyResponse> s =
        NPS.lenient().splittingAhead().read(new ByteArrayInputStream(file), "p.csv")) {
      s.forEachRemaining(r -> ahead.add(r.customer() + " " + r.score() + " " + r.comment()));
      aheadReport = s.report();
    }
    assertEquals(one, ahead);
    assertEquals(oneReport, aheadReport);
    assertEquals(n, aheadReport.read());
    if (oneReport.rejected() > 0) {
      CxReadException e =
          assertThrows(
              CxReadException.class,
              () -> {
                try (RecordStream<SurveyResponse> s =
                    NPS.strict().splittingAhead().read(new ByteArrayInputStream(file), "p.csv")) {
                  s.forEachRemaining(r -> {});
                }
              });
      assertEquals(oneReport.errors().get(0).line(), e.error().line());
    }
  }

  @Provide
  Arbitrary<List<String>> endings() {
    return Arbitraries.of("\n", "\r\n", "\r").list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Boolean>> blanks() {
    return Arbitraries.of(true, false, false, false).list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<Line>> files() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, goodLine()), net.jqwik.api.Tuple.of(1, badLine()))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  /** Text people write in comments: separators, quotes, line breaks, accents, emoji. */
  private static Arbitrary<String> comment() {
    return Arbitraries.strings()
        .withChars("ab ,;\"'\n\t\u00e9\u2713")
        .withChars("\uD83D\uDE00".toCharArray())
        .ofMaxLength(40)
        .filter(c -> !c.contains("\uD83D") || c.contains("\uD83D\uDE00"))
        .filter(LenientReadProperties::wellFormedSurrogates);
  }

  private static boolean wellFormedSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static Arbitrary<Line> goodLine() {
    return Combinators.combine(Arbitraries.integers().between(0, 10), comment())
        .as(
            (score, comment) -> {
              String field = quoteIfNeeded(comment);
              byte[] b = ("," + score + "," + TS + "," + field).getBytes(StandardCharsets.UTF_8);
              return new Line(b, true, score, comment, 1 + lineBreaks(comment));
            })
        // a comment that is only blanks reads as no comment; keep the oracle simple
        .filter(l -> l.comment().isEmpty() || !l.comment().isBlank())
        // The one case no reader can tell apart (see RecordSplitter): a quote never closed on an
        // earlier line closes at this row's opening quote when the comment starts with a line
        // break (or a quote and a line break), and the lines in between make one valid record.
        // Hence: text other than spaces, tabs and quotes before a comment's first line break.
        .filter(
            l ->
                !l.comment().contains("\n")
                    || !l.comment()
                        .substring(0, l.comment().indexOf('\n'))
                        .replaceAll("[ \t\"]", "")
                        .isEmpty());
  }

  /** CSV quoting as a careful writer does it: quote when needed, double inner quotes. */
  private static String quoteIfNeeded(String s) {
    boolean needs =
        s.contains(",")
            || s.contains("\"")
            || s.contains("\n")
            || s.contains("\r")
            || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
    return needs ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static int lineBreaks(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  static Arbitrary<Line> badLine() {
    Arbitrary<byte[]> kinds =
        Arbitraries.oneOf(
            // an unquoted separator in a comment: a long row
            Arbitraries.strings()
                .withChars("abc ")
                .ofMinLength(1)
                .ofMaxLength(10)
                .map(t -> utf8(",9," + TS + ",slow, " + t)),
            // scores off the scale, not numbers, other digits
            Arbitraries.of("11", "-1", "nine", "9.5", "\u0669", "\uFF19", "", "99999999999")
                .map(s -> utf8("," + s + "," + TS + ",x")),
            // a bad timestamp
            Arbitraries.of("yesterday", "2024-02-30T00:00:00Z", "2024-03-01 09:30")
                .map(t -> utf8(",9," + t + ",x")),
            // a quote never closed (the comment runs to the end of the line)
            Arbitraries.strings()
                .withChars("ab ,")
                .ofMaxLength(10)
                .map(t -> utf8(",9," + TS + ",\"open " + t)),
            // text after a closing quote
            Arbitraries.of("\"a\"b", "\"a\" b c", "\"x\"\"y\"z")
                .map(t -> utf8(",9," + TS + "," + t)),
            // bytes that are not UTF-8
            Arbitraries.of(
                    new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xC3, 0x28},
                    new byte[] {(byte) 0xE2, (byte) 0x82},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})
                .map(b -> concat(utf8(",9," + TS + ",caf"), b)),
            // a line over the byte limit
            Arbitraries.integers()
                .between(MAX_BYTES, 3 * MAX_BYTES)
                .map(n -> utf8(",9," + TS + "," + "z".repeat(n))),
            // too few values
            Arbitraries.just(utf8(",9")));
    return kinds.map(b -> new Line(b, false, -1, null, 1));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
