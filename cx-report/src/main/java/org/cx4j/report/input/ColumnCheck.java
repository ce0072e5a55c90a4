package org.cx4j.report.input;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.io.ColumnMapping;
import org.cx4j.core.io.CsvFormat;
import org.cx4j.core.io.Field;
import org.cx4j.core.io.SeparatorDetector;
import org.cx4j.core.io.TimestampFormat;
import org.cx4j.core.naming.EditDistance;

/**
 * Checks a CSV file's header against the column mapping before it is read, so that a file that does
 * not fit fails with a message a person can act on: the columns the file has, and the exact {@code
 * --map} option that would read it.
 *
 * <p>A column is suggested for a missing field when one of the file's unmapped column names
 * contains a word people use for that field ({@code date} for a timestamp, {@code value} for an
 * amount, ...), else when its name is within edit distance 2, or a third of its length, of the name
 * looked for. A timestamp column whose first values (up to {@value #SAMPLE_ROWS}) none parse in the
 * configured format, but all parse in a common layout ({@code yyyyMMdd}, {@code yyyy-MM-dd HH:mm},
 * {@code dd/MM/yyyy}, ...), is refused with that format as the suggestion; day-first and
 * month-first layouts are suggested only when just one of them fits. A first line that lacks a
 * needed column and has a number or a date among its "names" is taken for data: the message then
 * asks for {@code --columns}. The first lines are read as UTF-8; a header that is not valid UTF-8
 * is left to the reader, which knows the file's charset.
 */
final class ColumnCheck {

  /** The number of data rows sampled for the timestamp check. */
  static final int SAMPLE_ROWS = 10;

  /** Common timestamp layouts, tried in this order. */
  private static final List<String> LAYOUTS =
      List.of(
          "yyyyMMdd",
          "yyyy-MM-dd",
          "iso",
          "yyyy-MM-dd HH:mm:ss",
          "yyyy-MM-dd HH:mm",
          "yyyy/MM/dd",
          "yyyy/MM/dd HH:mm:ss",
          "dd/MM/yyyy",
          "MM/dd/yyyy",
          "d/M/yyyy",
          "M/d/yyyy",
          "dd/MM/yyyy HH:mm",
          "MM/dd/yyyy HH:mm",
          "dd.MM.yyyy",
          "dd.MM.yyyy HH:mm",
          "dd-MM-yyyy",
          "epoch-millis");

  /** Words that name each field in exports, lower case, most telling first. */
  private static final Map<Field, List<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(
        Field.CUSTOMER_ID,
        List.of(
            "customer",
            "cust",
            "client",
            "user",
            "member",
            "account",
            "respondent",
            "buyer",
            "id"));
    WORDS.put(
        Field.TIMESTAMP,
        List.of("timestamp", "datetime", "date", "time", "created", "when", "day", "ts"));
    WORDS.put(
        Field.AMOUNT,
        List.of("amount", "revenue", "spend", "sales", "price", "total", "dollar", "value"));
    WORDS.put(Field.SCORE, List.of("score", "rating", "answer", "nps", "grade"));
    WORDS.put(Field.INSTRUMENT, List.of("instrument", "survey", "question", "metric"));
    WORDS.put(
        Field.TOUCHPOINT,
        List.of("touchpoint", "page", "event", "activity", "action", "step", "screen"));
    WORDS.put(Field.CHANNEL, List.of("channel", "medium", "source"));
    WORDS.put(Field.STAGE, List.of("stage", "phase", "funnel"));
    WORDS.put(Field.SIGNUP_DATE, List.of("signup", "joined", "registered", "created", "since"));
  }

  private ColumnCheck() {}

  /**
   * Checks {@code file}'s header and first rows.
   *
   * @param detected whether the format was detected rather than given (said in the message)
   * @param formatGiven whether the user gave the timestamp format for this kind of file
   * @throws IllegalArgumentException if a required or explicitly mapped column is missing, or the
   *     timestamps are in another layout than the format expects
   */
  static void check(
      DataKind kind,
      Path file,
      CsvFormat format,
      boolean detected,
      ColumnMapping mapping,
      TimestampFormat timestamps,
      boolean formatGiven) {
    List<List<String>> records =
        SeparatorDetector.firstRecords(file, StandardCharsets.UTF_8, format, SAMPLE_ROWS + 1);
    if (records.isEmpty()) {
      return; // the reader reports the empty file
    }
    // A file without a header line: the names come from the format, every record is a row.
    List<String> header = format.hasHeader() ? records.get(0) : format.columns();
    if (records.get(0).stream().anyMatch(c -> c.indexOf('\uFFFD') >= 0)) {
      return; // not UTF-8 (another charset): the names cannot be compared here; the reader can
    }
    List<List<String>> rows = format.hasHeader() ? records.subList(1, records.size()) : records;
    Set<String> columns = new HashSet<>(header);
    List<Field> fields = new ArrayList<>(kind.requiredFields());
    fields.addAll(kind.optionalFields());
    List<Field> missing = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Field f : fields) {
      if (mapping.isShadowed(f)) {
        continue;
      }
      String c = mapping.column(f);
      if (columns.contains(c)) {
        used.add(c);
      } else if (kind.requiredFields().contains(f) || mapping.isExplicit(f)) {
        missing.add(f);
      }
    }
    String shape =
        describe(format) + (detected ? " (detected; set --separator if that is wrong)" : "");
    List<String> wanted = new ArrayList<>();
    List<String> options = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (Field f : missing) {
      String c = mapping.column(f);
      wanted.add(kind.key() + "." + f.defaultName() + " (looked for '" + c + "')");
      String s = suggest(f, mapping.isExplicit(f) ? c : null, header, used);
      if (s == null) {
        unmatched.add(kind.key() + "." + f.defaultName());
        continue;
      }
      used.add(s);
      String option = kind.key() + "." + f.defaultName() + "=" + s;
      List<String> sampled = values(header, rows, s);
      if (DataKind.isTemporal(f)
          && !formatGiven
          && !sampled.stream().allMatch(v -> parses(timestamps, v))) {
        String layout = layout(sampled, timestamps);
        if (layout != null) {
          option += ":" + layout;
        }
      }
      options.add(option);
    }
    // A timestamp column that is there but written in another layout than the format expects:
    // every row would be refused.
    String badTimestamps = null;
    String tsColumn = mapping.column(Field.TIMESTAMP);
    if (!formatGiven
        && kind.reads(Field.TIMESTAMP)
        && !missing.contains(Field.TIMESTAMP)
        && columns.contains(tsColumn)) {
      List<String> values = values(header, rows, tsColumn);
      if (!values.isEmpty() && values.stream().noneMatch(v -> parses(timestamps, v))) {
        String layout = layout(values, timestamps);
        if (layout != null) {
          badTimestamps =
              "the timestamps in column '"
                  + tsColumn
                  + "' look like '"
                  + values.get(0)
                  + "', which "
                  + describe(timestamps)
                  + " does not read";
          options.add(0, kind.key() + ".timestamp=" + tsColumn + ":" + layout);
        }
      }
    }
    if (missing.isEmpty() && badTimestamps == null) {
      return;
    }
    StringBuilder m = new StringBuilder().append(file).append(": ");
    if (!missing.isEmpty()
        && format.hasHeader()
        && header.stream().anyMatch(c -> c.matches("[-+0-9.,:/ ]*[0-9][-+0-9.,:/ ]*"))) {
      // A column "name" that is a number or a date: the first line is data, there is no header.
      throw new IllegalArgumentException(
          m.append("the first line, ")
              .append(String.join(" ", header))
              .append(", looks like data, not a header; the file is ")
              .append(shape)
              .append(". Name the ")
              .append(header.size())
              .append(" columns in order, e.g. ")
              .append("--columns ")
              .append(kind.key())
              .append("=NAME,NAME,..., and map the fields ")
              .append("to them with --map (")
              .append(kind.key())
              .append(" need ")
              .append(names(kind.requiredFields()))
              .append(").")
              .toString());
    }
    if (!missing.isEmpty()) {
      m.append("no column for ").append(String.join(" or ", wanted));
      if (badTimestamps != null) {
        m.append(", and ").append(badTimestamps);
      }
      m.append(". The file's columns, ")
          .append(shape)
          .append(", are: ")
          .append(String.join(", ", header))
          .append('.');
    } else {
      m.append(badTimestamps).append('.');
    }
    if (!options.isEmpty()) {
      m.append(unmatched.isEmpty() ? " Add this option:" : " Add:")
          .append("\n  ")
          .append(shellWord("--map", String.join(",", options)));
    }
    if (!unmatched.isEmpty()) {
      m.append(options.isEmpty() ? " Map " : "\nand map ")
          .append(String.join(", ", unmatched))
          .append(" to one of its columns with --map KIND.FIELD=COLUMN.");
    }
    throw new IllegalArgumentException(m.toString());
  }

  private static String names(List<Field> fields) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      out.add(f.defaultName());
    }
    return String.join(", ", out);
  }

  /** Returns the values of {@code column} in the sampled rows (rows too short are skipped). */
  private static List<String> values(List<String> header, List<List<String>> rows, String column) {
    int i = header.indexOf(column);
    List<String> out = new ArrayList<>();
    for (List<String> r : rows) {
      if (i >= 0 && i < r.size() && !r.get(i).isBlank()) {
        out.add(r.get(i));
      }
    }
    return out;
  }

  /**
   * Returns the first common layout that reads every value, or null; null as well when the values
   * fit none, or fit both a day-first and a month-first layout.
   */
  static String layout(List<String> values, TimestampFormat current) {
    if (values.isEmpty()) {
      return null;
    }
    List<String> fits = new ArrayList<>();
    for (String l : LAYOUTS) {
      TimestampFormat f =
          ColumnOption.timestampFormat(l, current.zone() == null ? ZoneOffset.UTC : current.zone());
      if (values.stream().allMatch(v -> parses(f, v))) {
        fits.add(l);
      }
    }
    boolean dayFirst = fits.stream().anyMatch(l -> l.startsWith("d"));
    boolean monthFirst = fits.stream().anyMatch(l -> l.startsWith("M"));
    for (String l : fits) {
      boolean ambiguous = (l.startsWith("d") || l.startsWith("M")) && dayFirst && monthFirst;
      if (!ambiguous) {
        return l;
      }
    }
    return null;
  }

  private static boolean parses(TimestampFormat f, String v) {
    try {
      f.parse(v);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Returns the unused column most likely meant for {@code field}, or null. */
  static String suggest(Field field, String given, List<String> header, Set<String> used) {
    List<String> free = new ArrayList<>();
    for (String c : header) {
      if (!used.contains(c) && !c.isEmpty()) {
        free.add(c);
      }
    }
    if (given != null) {
      String near = nearest(given, free);
      if (near != null) {
        return near;
      }
    }
    for (String word : WORDS.getOrDefault(field, List.of())) {
      for (String c : free) {
        for (String token : c.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (token.equals(word)) {
            return c;
          }
        }
      }
    }
    return nearest(field.defaultName(), free);
  }

  /**
   * Returns the column within edit distance max(2, a third of the name) of {@code name}, or null.
   */
  private static String nearest(String name, List<String> columns) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : columns) {
      int d = EditDistance.levenshtein(n, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /**
   * Returns {@code option value}, the value single-quoted when a shell would split or expand it.
   */
  static String shellWord(String option, String value) {
    if (value.matches("[A-Za-z0-9_.,:=@/+-]*")) {
      return option + " " + value;
    }
    return option + " '" + value.replace("'", "'\\''") + "'";
  }

  private static String describe(CsvFormat format) {
    if (format.isWhitespace()) {
      return "whitespace-separated";
    }
    return switch (format.separatorChar()) {
      case ',' -> "comma-separated";
      case ';' -> "semicolon-separated";
      case '\t' -> "tab-separated";
      default -> "separated by '" + format.separatorChar() + "'";
    };
  }

  private static String describe(TimestampFormat f) {
    String s = f.toString();
    return "the timestamp format " + s;
  }
}
