package org.cx4j.core.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Guesses the separator of a delimited text file from its first records, for files whose separator
 * the user did not give.
 *
 * <p>The rule, applied to the first {@value #SAMPLE_RECORDS} non-blank records (a quoted value may
 * span lines; text between double quotes is ignored):
 *
 * <ol>
 *   <li>For each of comma, semicolon and tab, count its occurrences outside quotes in the first
 *       record (the header). Separators that do not occur there are out.
 *   <li>Of those left, the one that gives the most later records the header's count wins; on a tie,
 *       the one that occurs more often in the header; on a further tie, comma, then semicolon, then
 *       tab.
 *   <li>When none of the three occurs in the header but spaces or tabs outside quotes separate at
 *       least two values in it, the file is {@linkplain CsvFormat#whitespace()
 *       whitespace-separated} (the layout of fixed-width exports such as the CDNOW transaction
 *       log).
 *   <li>Otherwise (a single column, or an empty file): comma.
 * </ol>
 *
 * <p>Only the first {@value #SAMPLE_BYTES} bytes are read. A UTF-16 byte-order mark selects UTF-16;
 * a UTF-8 one is dropped. Static methods only; thread-safe.
 */
public final class SeparatorDetector {

  /** The number of records the rule looks at. */
  public static final int SAMPLE_RECORDS = 20;

  /** The number of bytes read from the start of a file. */
  public static final int SAMPLE_BYTES = 64 * 1024;

  private static final char[] CANDIDATES = {',', ';', '\t'};
  private static final CsvMapper CSV = new CsvMapper();

  private SeparatorDetector() {}

  /**
   * Returns the format of {@code file} (with a header line) by the rule of the class comment,
   * reading its start as UTF-8 (or UTF-16 after a UTF-16 byte-order mark).
   *
   * @throws UncheckedIOException if the file cannot be read (the file is named)
   */
  public static CsvFormat detect(Path file) {
    return detect(file, StandardCharsets.UTF_8);
  }

  /**
   * Returns the format of {@code file} (with a header line) by the rule of the class comment,
   * reading its start in {@code charset} unless it begins with a byte-order mark.
   *
   * @throws UncheckedIOException if the file cannot be read (the file is named)
   */
  public static CsvFormat detect(Path file, Charset charset) {
    return detect(lines(file, charset));
  }

  /**
   * Returns the format of a file that begins with {@code lines} (without line ends), by the rule of
   * the class comment; comma for no lines.
   *
   * @throws NullPointerException if {@code lines} or an element is null
   */
  public static CsvFormat detect(List<String> lines) {
    List<String> records = records(lines, SAMPLE_RECORDS);
    if (records.isEmpty()) {
      return CsvFormat.comma();
    }
    Character excel = excelSeparator(records.get(0));
    if (excel != null) {
      return excel == '\t' ? CsvFormat.tab() : CsvFormat.separator(excel);
    }
    String header = records.get(0);
    char best = 0;
    int bestAgree = -1;
    int bestCount = 0;
    for (char c : CANDIDATES) {
      int count = count(header, c);
      if (count == 0) {
        continue;
      }
      int agree = 0;
      for (int i = 1; i < records.size(); i++) {
        if (count(records.get(i), c) == count) {
          agree++;
        }
      }
      // Strictly greater: an equal candidate later in the order never displaces an earlier one.
      if (agree > bestAgree || (agree == bestAgree && count > bestCount)) {
        best = c;
        bestAgree = agree;
        bestCount = count;
      }
    }
    if (best != 0) {
      return CsvFormat.separator(best);
    }
    return whitespaceBetweenValues(header) ? CsvFormat.whitespace() : CsvFormat.comma();
  }

  /**
   * Returns up to {@code max} first non-blank records of {@code file} split into values in {@code
   * format} (the header first when the format has one), with surrounding spaces stripped: for
   * checking a file's columns before reading it. A record cut off by the end of the sampled bytes
   * is left out.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if {@code max < 1}
   */
  public static List<List<String>> firstRecords(
      Path file, Charset charset, CsvFormat format, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    List<String> lines = lines(file, charset);
    List<String> records = records(lines, max + 1);
    if (!records.isEmpty() && excelSeparator(records.get(0)) != null) {
      records = records.subList(1, records.size()); // Excel's sep= line is not the header
    } else if (records.size() > max) {
      records = records.subList(0, max);
    }
    List<List<String>> out = new ArrayList<>();
    for (String rec : records) {
      List<String> values = split(rec, format);
      if (values != null) {
        out.add(values);
      }
    }
    return out;
  }

  /**
   * Returns the separator an Excel separator line names ({@code sep=;}, also quoted {@code
   * "sep=;"}), or null when {@code line} is not one.
   */
  static Character excelSeparator(String line) {
    String t = line.strip();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      t = t.substring(1, t.length() - 1);
    }
    if (t.length() == 5 && t.regionMatches(true, 0, "sep=", 0, 4)) {
      char c = t.charAt(4);
      return c == '"' || c == '\n' || c == '\r' ? null : c;
    }
    return null;
  }

  /** Splits one record with Jackson's CSV parser; null if it cannot be parsed. */
  private static List<String> split(String record, CsvFormat format) {
    try {
      Reader r = new StringReader(record);
      if (format.isWhitespace()) {
        r = new WhitespaceSeparatedReader(r);
      }
      try (CsvParser p = (CsvParser) CSV.getFactory().createParser(r)) {
        p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        p.setSchema(CsvSchema.emptySchema().withColumnSeparator(format.separatorChar()));
        p.nextToken();
        if (p.nextToken() != JsonToken.START_ARRAY) {
          return null;
        }
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
          values.add(p.getText().strip());
        }
        return values;
      }
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads the first {@link #SAMPLE_BYTES} bytes as lines, honouring a byte-order mark. */
  private static List<String> lines(Path file, Charset charset) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(charset, "charset");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SAMPLE_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    // The reader's own rule: a byte-order mark wins over the charset.
    InputDecoding.Bom bom = InputDecoding.Bom.of(bytes, bytes.length);
    int off = bom == null ? 0 : bom.length();
    Charset cs = bom == null ? charset : bom.charset();
    String text = new String(bytes, off, bytes.length - off, cs);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n|\r", -1)));
    if (bytes.length == SAMPLE_BYTES && !lines.isEmpty()) {
      lines.remove(lines.size() - 1); // cut off by the sample's end
    }
    return lines;
  }

  /**
   * Joins lines into logical records (a line that leaves a quote open continues on the next),
   * skipping blank ones; at most {@code max}. A record still open at the end is left out.
   */
  private static List<String> records(List<String> lines, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = null;
    for (String line : lines) {
      Objects.requireNonNull(line, "line");
      if (pending == null) {
        if (line.isBlank()) {
          continue;
        }
        pending = new StringBuilder(line);
      } else {
        pending.append('\n').append(line);
      }
      if (!openQuote(pending)) {
        out.add(pending.toString());
        pending = null;
        if (out.size() == max) {
          break;
        }
      }
    }
    return out;
  }

  private static boolean openQuote(CharSequence s) {
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        in = !in; // RFC 4180's "" inside quotes toggles twice
      }
    }
    return in;
  }

  /** Returns how often {@code c} occurs in {@code record} outside double quotes. */
  private static int count(String record, char c) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < record.length(); i++) {
      char x = record.charAt(i);
      if (x == '"') {
        in = !in;
      } else if (x == c && !in) {
        n++;
      }
    }
    return n;
  }

  /** Returns whether spaces or tabs outside quotes separate two non-blank values. */
  private static boolean whitespaceBetweenValues(String record) {
    String s = record.strip();
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '"') {
        in = !in;
      } else if ((x == ' ' || x == '\t') && !in) {
        return true; // stripped: a space inside has values on both sides
      }
    }
    return false;
  }
}
