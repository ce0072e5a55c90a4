package org.cx4j.core.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Objects;

/**
 * How timestamps are written in a file: {@linkplain #iso() ISO-8601}, {@linkplain #epochMillis()
 * epoch milliseconds}, or a {@linkplain #pattern(String, ZoneId) user pattern} such as {@code
 * yyyyMMdd}, with an explicit zone for local date-times.
 *
 * <p>Parse errors are {@link IllegalArgumentException}s naming the value and the expected format;
 * readers turn them into row errors. Immutable and thread-safe.
 */
public final class TimestampFormat {

  private enum Kind {
    ISO,
    EPOCH_MILLIS,
    PATTERN
  }

  private static final TimestampFormat ISO = new TimestampFormat(Kind.ISO, null, null, null);
  private static final TimestampFormat EPOCH =
      new TimestampFormat(Kind.EPOCH_MILLIS, null, ZoneId.of("UTC"), null);

  private final Kind kind;
  private final String pattern;
  private final ZoneId zone; // null for ISO without a zone: local values are errors
  private final DateTimeFormatter formatter;

  private TimestampFormat(Kind kind, String pattern, ZoneId zone, DateTimeFormatter formatter) {
    this.kind = kind;
    this.pattern = pattern;
    this.zone = zone;
    this.formatter = formatter;
  }

  /**
   * Returns ISO-8601 with an offset or zone in every value: {@code 2024-03-01T09:30:00Z}, {@code
   * 2024-03-01T10:30:00+01:00}, {@code 2024-03-01T10:30:00+01:00[Europe/Paris]}; a space may stand
   * for the {@code T} ({@code 2024-03-01 09:30:00+00:00}, as SQL exports and pandas write). A local
   * date-time or a date alone is an error, because its instant is ambiguous: use {@link
   * #iso(ZoneId)}. Writes {@link Instant#toString()} (UTC, {@code Z}).
   */
  public static TimestampFormat iso() {
    return ISO;
  }

  /**
   * Returns ISO-8601 as {@link #iso()}, where a local date-time ({@code 2024-03-01T09:30}) or a
   * date ({@code 2024-03-01}, read as its start of day) is taken in {@code zone}.
   */
  public static TimestampFormat iso(ZoneId zone) {
    return new TimestampFormat(Kind.ISO, null, Objects.requireNonNull(zone, "zone"), null);
  }

  /** Returns milliseconds since 1970-01-01T00:00Z, such as {@code 1709285400000}. */
  public static TimestampFormat epochMillis() {
    return EPOCH;
  }

  /**
   * Returns a {@link DateTimeFormatter} pattern such as {@code yyyyMMdd} or {@code dd/MM/yyyy
   * HH:mm}, read in {@code zone}; a pattern without a time of day means the start of the day. When
   * the pattern reads an offset or a zone ({@code yyyy-MM-dd HH:mmXXX} for {@code 2024-03-01
   * 10:30+01:00} or {@code Z}), the value's own offset is used and {@code zone} only for values
   * without one. Parsing is strict: {@code 19970230} is an error, not 28 February.
   *
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public static TimestampFormat pattern(String pattern, ZoneId zone) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(zone, "zone");
    DateTimeFormatter f;
    try {
      // STRICT so that 19970230 is an error, not 28 February; the era default lets yyyy work
      f =
          new DateTimeFormatterBuilder()
              .appendPattern(pattern)
              .parseDefaulting(ChronoField.ERA, 1)
              .toFormatter(Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid timestamp pattern '" + pattern + "': " + e.getMessage(), e);
    }
    return new TimestampFormat(Kind.PATTERN, pattern, zone, f);
  }

  /** Returns the zone for local values, or {@code null} for {@link #iso()}. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the instant {@code text} denotes.
   *
   * @throws IllegalArgumentException naming the value and the expected format if it does not parse
   */
  public Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    try {
      switch (kind) {
        case EPOCH_MILLIS:
          for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && s.length() > 1)) {
              throw new NumberFormatException("not ASCII digits");
            }
          }
          return Instant.ofEpochMilli(Long.parseLong(s));
        case PATTERN:
          {
            TemporalAccessor t = formatter.parse(s);
            LocalDate d = LocalDate.from(t);
            LocalDateTime local =
                t.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.of(d, java.time.LocalTime.from(t))
                    : d.atStartOfDay();
            // An offset or zone written in the text (pattern letters X, x, Z, O, VV, z) wins over
            // the format's zone, which is for text without one.
            ZoneId written = t.query(TemporalQueries.zone());
            return local.atZone(written != null ? written : zone).toInstant();
          }
        default:
          return parseIso(s);
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a timestamp in " + this + detail(e), e);
    }
  }

  private Instant parseIso(String s) {
    if (s.length() > 11 && s.charAt(10) == ' ' && s.charAt(4) == '-') {
      // 2024-03-01 09:30:00, as SQL exports and pandas write: ISO with a space for the T
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    if (s.length() <= 10) {
      LocalDate d = LocalDate.parse(s);
      if (zone == null) {
        throw new DateTimeException("a date alone needs a zone: use TimestampFormat.iso(zone)");
      }
      return d.atStartOfDay(zone).toInstant();
    }
    if (s.endsWith("Z") || s.endsWith("z")) {
      Instant fast = canonicalUtc(s);
      return fast != null ? fast : Instant.parse(s);
    }
    TemporalAccessor t =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
    if (t instanceof ZonedDateTime) {
      return ((ZonedDateTime) t).toInstant();
    }
    if (zone == null) {
      throw new DateTimeException("a local date-time needs a zone: use TimestampFormat.iso(zone)");
    }
    return ((LocalDateTime) t).atZone(zone).toInstant();
  }

  /** First year of {@link #MONTH_START}. */
  private static final int TABLE_FROM_YEAR = 1970;

  /** Years in {@link #MONTH_START}: 1970 to 2199. */
  private static final int TABLE_YEARS = 230;

  /**
   * The epoch day of the first of each month from January 1970 on, and of the month after the last:
   * a month's length is the difference of two neighbours. From {@link LocalDate}, once. It replaces
   * a per-thread cache of the last date (a {@code ThreadLocal} lookup per row) and, on a change of
   * date, a {@code YearMonth} and a {@code LocalDate}, to which a profile of the report reading 10
   * M interactions attributed 4 % of the parsing thread's samples.
   */
  private static final int[] MONTH_START = new int[TABLE_YEARS * 12 + 1];

  static {
    for (int k = 0; k < MONTH_START.length; k++) {
      MONTH_START[k] = (int) LocalDate.of(TABLE_FROM_YEAR + k / 12, k % 12 + 1, 1).toEpochDay();
    }
  }

  /**
   * Returns the instant of {@code s} if it has exactly the layout {@link Instant#toString()} writes
   * for whole seconds or milliseconds ({@code 2024-03-01T09:30:00Z}, {@code
   * 2024-03-01T09:30:00.123Z}), else null so that {@link Instant#parse} handles (and reports) it.
   * Why: {@code Instant.parse} goes through a general formatter and costs most of a CSV row's read
   * time; this is the form machine exports write.
   */
  static Instant canonicalUtc(String s) {
    int n = s.length();
    if ((n != 20 && n != 24)
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z'
        || (n == 24 && s.charAt(19) != '.')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int milli = n == 24 ? digits(s, 20, 3) : 0;
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || milli < 0) {
      return null;
    }
    long epochDay;
    int m = (year - TABLE_FROM_YEAR) * 12 + month - 1;
    if (m >= 0 && m < TABLE_YEARS * 12) {
      int first = MONTH_START[m];
      if (day > MONTH_START[m + 1] - first) {
        return null;
      }
      epochDay = first + day - 1;
    } else {
      if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
        return null;
      }
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    }
    return Instant.ofEpochSecond(
        epochDay * 86_400L + hour * 3600L + minute * 60L + second, milli * 1_000_000L);
  }

  /** Returns the non-negative integer of {@code len} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Returns the date {@code text} denotes (for signup dates): the date part of the timestamp, in
   * this format's zone (UTC for {@link #iso()}). ISO dates such as {@code 2024-03-01} are read as
   * they are.
   *
   * @throws IllegalArgumentException naming the value and the expected format if it does not parse
   */
  public LocalDate parseDate(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    if (kind == Kind.ISO && s.length() <= 10) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a date in ISO-8601 (yyyy-MM-dd)" + detail(e), e);
      }
    }
    return LocalDate.ofInstant(parse(s), zone == null ? ZoneId.of("UTC") : zone);
  }

  /** Returns {@code instant} in this format. */
  public String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    switch (kind) {
      case EPOCH_MILLIS:
        return Long.toString(instant.toEpochMilli());
      case PATTERN:
        return formatter.format(instant.atZone(zone));
      default:
        return instant.toString();
    }
  }

  /** Returns {@code date} in this format: ISO {@code yyyy-MM-dd}, or the pattern at midnight. */
  public String formatDate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    switch (kind) {
      case EPOCH_MILLIS:
        return Long.toString(date.atStartOfDay(zone).toInstant().toEpochMilli());
      case PATTERN:
        return formatter.format(date.atStartOfDay(zone));
      default:
        return date.toString();
    }
  }

  private static String detail(RuntimeException e) {
    if (e instanceof DateTimeParseException || e instanceof NumberFormatException) {
      return "";
    }
    return " (" + e.getMessage() + ")";
  }

  @Override
  public String toString() {
    switch (kind) {
      case EPOCH_MILLIS:
        return "epoch milliseconds";
      case PATTERN:
        return "pattern " + pattern + " in " + zone;
      default:
        return zone == null ? "ISO-8601 with offset" : "ISO-8601 (local values in " + zone + ")";
    }
  }
}
