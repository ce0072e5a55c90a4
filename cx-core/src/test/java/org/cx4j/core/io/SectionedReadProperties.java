package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.junit.jupiter.api.Test;

/**
 * Reading in sections on several threads ({@link CxReader#readInSections}) gives what one
 * sequential {@link CxReader#read(Path)} gives, for any file of good rows and bad lines of every
 * kind (quotes never closed, quoted values over several lines, over-long lines, bytes not valid
 * UTF-8, blank lines, LF, CRLF and lone CR line ends, a byte-order mark, an Excel {@code sep=}
 * line), cut into sections of any size (down to a byte, so that cuts fall inside quoted values and
 * records run over many sections), with any number of threads and any batch size: the same records
 * with the same lines, the same rejects passed to the sink in the same order, the same report, and
 * in strict mode the same records before the same first error.
 *
 * <p>The oracle is the sequential read, itself checked against the generator in {@link
 * LenientReadProperties}.
 */
class SectionedReadProperties {

  private static final int MAX_BYTES = 2000;
  private static final CxReader<SurveyResponse> NPS =
      CxReaders.surveyResponses(Instrument.nps())
          .limits(ReadLimits.defaults().withMaxRecordBytes(MAX_BYTES));

  /** A record as the test compares it: its values and the line it starts on. */
  private record Seen(String id, int score, String comment, long line) {}

  /** Batches of records with their lines. */
  private static final SectionedRead.Batches<SurveyResponse, List<Seen>> SEEN =
      new SectionedRead.Batches<>() {
        @Override
        public List<Seen> create(int capacity) {
          return new ArrayList<>(capacity);
        }

        @Override
        public void add(List<Seen> batch, SurveyResponse r) {
          batch.add(new Seen(r.customer().value(), r.score(), r.comment(), 0));
        }

        @Override
        public void clear(List<Seen> batch) {
          batch.clear();
        }
      };

  @Property(tries = 400, seed = "11")
  void sectionsReadExactlyAsOneSequentialRead(
      @ForAll("files") List<LenientReadProperties.Line> lines,
      @ForAll("endings") List<String> endings,
      @ForAll @IntRange(min = 1, max = 6) int copies,
      @ForAll @IntRange(min = 1, max = 300) int sectionBytes,
      @ForAll @IntRange(min = 1, max = 4) int threads,
      @ForAll @IntRange(min = 1, max = 9) int batch,
      @ForAll @IntRange(min = 0, max = 3) int preamble)
      throws IOException {
    byte[] file = file(lines, endings, copies, preamble);
    Path path = Files.createTempFile("sections", ".csv");
    try {
      Files.write(path, file);
      String why =
          "sections of "
              + sectionBytes
              + " bytes, "
              + threads
              + " threads, file:\n"
              + new String(file, StandardCharsets.UTF_8);

      // Lenient: records, lines, sink order and report.
      List<ReadError> oneSink = new ArrayList<>();
      List<Seen> one = new ArrayList<>();
      ReadReport oneReport;
      try (RecordStream<SurveyResponse> s = NPS.lenient(oneSink::add).read(path)) {
        while (s.hasNext()) {
          SurveyResponse r = s.next();
          one.add(new Seen(r.customer().value(), r.score(), r.comment(), s.line()));
        }
        oneReport = s.report();
      }
      List<ReadError> manySink = new ArrayList<>();
      List<Seen> many = new ArrayList<>();
      ReadReport manyReport;
      try (SectionedRead<List<Seen>> read =
          NPS.lenient(manySink::add).readInSections(path, threads, sectionBytes, SEEN, batch)) {
        for (List<Seen> b; (b = read.take()) != null; ) {
          assertTrue(b.size() <= batch, why);
          for (int k = 0; k < b.size(); k++) {
            Seen r = b.get(k);
            b.set(k, new Seen(r.id(), r.score(), r.comment(), read.line(k)));
          }
          many.addAll(b);
          // the sink has had every reject before the batch's last record
          assertEquals(rejectsBefore(oneSink, b.get(b.size() - 1).line()), manySink.size(), why);
        }
        manyReport = read.report();
        assertEquals(manyReport.read(), read.read(), why);
      }
      assertEquals(one, many, why);
      net.jqwik.api.statistics.Statistics.label("a reason names a line past the first section")
          .collect(oneSink.stream().anyMatch(e -> e.reason().startsWith("line ") && e.line() > 20));
      assertEquals(oneSink, manySink, why);
      assertEquals(oneReport, manyReport, why);

      // Strict: the same records, then the same first error.
      List<Seen> strictOne = new ArrayList<>();
      CxReadException first = null;
      try (RecordStream<SurveyResponse> s = NPS.strict().read(path)) {
        while (s.hasNext()) {
          SurveyResponse r = s.next();
          strictOne.add(new Seen(r.customer().value(), r.score(), r.comment(), s.line()));
        }
      } catch (CxReadException e) {
        first = e;
      }
      List<Seen> strictMany = new ArrayList<>();
      CxReadException second = null;
      try (SectionedRead<List<Seen>> read =
          NPS.strict().readInSections(path, threads, sectionBytes, SEEN, batch)) {
        for (List<Seen> b; (b = read.take()) != null; ) {
          for (int k = 0; k < b.size(); k++) {
            Seen r = b.get(k);
            strictMany.add(new Seen(r.id(), r.score(), r.comment(), read.line(k)));
          }
        }
      } catch (CxReadException e) {
        second = e;
      }
      assertEquals(strictOne, strictMany, why);
      if (first == null) {
        assertNull(second, why);
      } else {
        assertNotNull(second, why);
        assertEquals(first.error(), second.error(), why);
      }
    } finally {
      Files.deleteIfExists(path);
    }
  }

  private static long rejectsBefore(List<ReadError> rejects, long line) {
    return rejects.stream().filter(e -> e.line() < line).count();
  }

  /** The generated rows, {@code copies} times, after an optional byte-order mark and sep= line. */
  private static byte[] file(
      List<LenientReadProperties.Line> lines, List<String> endings, int copies, int preamble) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if ((preamble & 1) != 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    if ((preamble & 2) != 0) {
      out.writeBytes("sep=,\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes("customer_id,score,timestamp,comment\n".getBytes(StandardCharsets.UTF_8));
    int n = 0;
    for (int c = 0; c < copies; c++) {
      for (LenientReadProperties.Line l : lines) {
        if (n % 7 == 3) {
          out.writeBytes(" \t".getBytes(StandardCharsets.UTF_8)); // a blank line
          out.writeBytes(endings.get(n % endings.size()).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("c" + n).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(l.bytes());
        if (c < copies - 1 || n % 3 != 0) { // sometimes no line end at the end of the file
          out.writeBytes(endings.get(n % endings.size()).getBytes(StandardCharsets.UTF_8));
        }
        n++;
      }
    }
    return out.toByteArray();
  }

  @Provide
  Arbitrary<List<String>> endings() {
    return Arbitraries.of("\n", "\r\n", "\r", "\n", "\r\n").list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<LenientReadProperties.Line>> files() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, LenientReadProperties.goodLine()),
            net.jqwik.api.Tuple.of(1, LenientReadProperties.badLine()),
            net.jqwik.api.Tuple.of(1, invalidOnALaterLine()))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  /**
   * A quoted comment over two lines with a byte that is not UTF-8 on the second: the reject's
   * reason names that line ("line 12, byte offset ..."), which a section must shift like the
   * record's.
   */
  private static Arbitrary<LenientReadProperties.Line> invalidOnALaterLine() {
    return Arbitraries.of("\n", "\r\n", "\r")
        .map(
            end -> {
              ByteArrayOutputStream b = new ByteArrayOutputStream();
              b.writeBytes(
                  (",9,2024-03-01T09:30:00Z,\"ab" + end + "caf").getBytes(StandardCharsets.UTF_8));
              b.write(0xFF);
              b.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
              return new LenientReadProperties.Line(b.toByteArray(), false, -1, null, 2);
            });
  }

  @Test
  void filesThatCannotBeCutAreReadByOneThread() throws IOException {
    Path path = Files.createTempFile("sections", ".csv");
    try {
      StringBuilder sb = new StringBuilder("customer_id,score,timestamp\n");
      for (int i = 0; i < 500; i++) {
        sb.append("c").append(i).append(',').append(i % 11).append(",2024-03-01T09:30:00Z\n");
      }
      Files.write(path, sb.toString().getBytes(StandardCharsets.UTF_16)); // with a BOM
      try (SectionedRead<List<SurveyResponse>> read =
          NPS.readInSections(path, 3, 64, SectionedRead.lists(), 100)) {
        assertEquals(1, read.sections());
        int n = 0;
        for (List<SurveyResponse> b; (b = read.take()) != null; ) {
          n += b.size();
        }
        assertEquals(500, n);
        assertEquals(500, read.report().accepted());
      }
      Files.write(path, sb.toString().getBytes(StandardCharsets.UTF_8));
      try (SectionedRead<List<SurveyResponse>> read =
          NPS.readInSections(path, 3, 64, SectionedRead.lists(), 100)) {
        assertTrue(read.sections() > 100, read.toString());
        int n = 0;
        for (List<SurveyResponse> b; (b = read.take()) != null; ) {
          n += b.size();
        }
        assertEquals(500, n);
      }
    } finally {
      Files.deleteIfExists(path);
    }
  }

  @Test
  void badArgumentsAndMissingFilesAreRefused() {
    Path missing = Path.of("no-such-file.csv");
    assertThrows(
        IllegalArgumentException.class,
        () -> NPS.readInSections(missing, 0, SectionedRead.lists()));
    assertThrows(
        UncheckedIOException.class, () -> NPS.readInSections(missing, 2, SectionedRead.lists()));
  }
}
