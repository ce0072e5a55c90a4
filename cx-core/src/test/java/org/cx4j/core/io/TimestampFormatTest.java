package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {

  private static final Instant T = Instant.parse("2024-03-01T09:30:00Z");
  private static final ZoneId PARIS =
      ZoneId.of("Europe/Paris"); // UTC+1 in March 2024 (DST from 31 March)

  @Test
  void isoAcceptsOffsetsAndZones() {
    TimestampFormat f = TimestampFormat.iso();
    assertEquals(T, f.parse("2024-03-01T09:30:00Z"));
    assertEquals(T, f.parse(" 2024-03-01T10:30:00+01:00 "));
    assertEquals(T, f.parse("2024-03-01T10:30:00+01:00[Europe/Paris]"));
    assertEquals(T, f.parse("2024-03-01T09:30:00.000Z"));
    assertEquals("2024-03-01T09:30:00Z", f.format(T));
  }

  @Test
  void isoRejectsLocalValuesWithoutAZone() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TimestampFormat.iso().parse("2024-03-01T10:30"));
    assertTrue(
        e.getMessage().contains("'2024-03-01T10:30'") && e.getMessage().contains("needs a zone"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimestampFormat.iso().parse("2024-03-01"));
  }

  @Test
  void isoWithZoneReadsLocalValuesInIt() {
    TimestampFormat f = TimestampFormat.iso(PARIS);
    assertEquals(T, f.parse("2024-03-01T10:30"));
    assertEquals(
        Instant.parse("2024-02-29T23:00:00Z"), f.parse("2024-03-01")); // midnight Paris = 23:00Z
    assertEquals(T, f.parse("2024-03-01T09:30:00Z")); // explicit offsets still win
  }

  @Test
  void epochMillis() {
    TimestampFormat f = TimestampFormat.epochMillis();
    // 2024-03-01T00:00Z = 19783 days * 86400000 ms; + 9.5 h = 34200000 ms
    long ms = 19783L * 86_400_000L + 34_200_000L;
    assertEquals(T, f.parse(Long.toString(ms)));
    assertEquals(Long.toString(ms), f.format(T));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.parse("12:30"));
    assertTrue(e.getMessage().contains("epoch milliseconds"), e.getMessage());
  }

  @Test
  void userPatternsWithAZone() {
    TimestampFormat day = TimestampFormat.pattern("yyyyMMdd", ZoneId.of("UTC"));
    assertEquals(Instant.parse("1997-01-01T00:00:00Z"), day.parse("19970101"));
    assertEquals("19970101", day.format(Instant.parse("1997-01-01T00:00:00Z")));
    TimestampFormat dmy = TimestampFormat.pattern("dd/MM/yyyy HH:mm", PARIS);
    assertEquals(T, dmy.parse("01/03/2024 10:30"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> day.parse("1997-01-01"));
    assertTrue(
        e.getMessage().contains("'1997-01-01'") && e.getMessage().contains("yyyyMMdd"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> day.parse("19970230")); // no 30 February
    assertEquals(
        Instant.parse("2000-02-29T00:00:00Z"), day.parse("20000229")); // 2000 is a leap year
    assertThrows(
        IllegalArgumentException.class, () -> TimestampFormat.pattern("yyyy-MM-dd'", PARIS));
  }

  @Test
  void dates() {
    assertEquals(LocalDate.of(2024, 1, 31), TimestampFormat.iso().parseDate("2024-01-31"));
    assertEquals(
        LocalDate.of(2024, 1, 31),
        TimestampFormat.pattern("yyyyMMdd", PARIS).parseDate("20240131"));
    assertEquals(
        "20240131",
        TimestampFormat.pattern("yyyyMMdd", PARIS).formatDate(LocalDate.of(2024, 1, 31)));
    assertThrows(
        IllegalArgumentException.class, () -> TimestampFormat.iso().parseDate("31/01/2024"));
  }

  /** The fast path for canonical UTC instants agrees with {@link Instant#parse}, the oracle. */
  @net.jqwik.api.Property(tries = 2000, seed = "42")
  void canonicalUtcAgreesWithInstantParse(
      @net.jqwik.api.ForAll
          @net.jqwik.api.constraints.LongRange(min = -62_000_000_000L, max = 250_000_000_000L)
          long epochSecond,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999) int milli) {
    Instant t = Instant.ofEpochSecond(epochSecond, milli * 1_000_000L);
    String s = t.toString();
    assertEquals(Instant.parse(s), TimestampFormat.iso().parse(s), s);
  }

  /**
   * Runs of timestamps on a few neighbouring dates (as time-ordered exports have), read one after
   * another, agree with {@link Instant#parse}: the date remembered from the row before never leaks
   * into a row of another date, and invalid dates right after valid ones of the same month still
   * fall back.
   */
  @net.jqwik.api.Property(tries = 500, seed = "43")
  void runsOfNeighbouringDatesAgreeWithInstantParse(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 60)
          java.util.List<@net.jqwik.api.constraints.IntRange(min = 0, max = 4 * 86_400 - 1) Integer>
              seconds,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1999, max = 2101) int year) {
    long base = java.time.LocalDate.of(year, 2, 27).toEpochDay() * 86_400L;
    for (int sec : seconds) {
      String s = Instant.ofEpochSecond(base + sec).toString();
      assertEquals(Instant.parse(s), TimestampFormat.canonicalUtc(s), s);
      String day30 = year + "-02-30T" + s.substring(11);
      assertEquals(null, TimestampFormat.canonicalUtc(day30), day30);
    }
  }

  /**
   * The last and the first day past the end of every month from 1969 to 2200 (the fast path's table
   * of month lengths covers 1970 to 2199): the last agrees with {@link Instant#parse}, the day
   * after is left to it (null). Month lengths from {@code YearMonth}, the oracle.
   */
  @Test
  void everyMonthEndsOnItsLastDay() {
    for (int year = 1969; year <= 2200; year++) {
      for (int month = 1; month <= 12; month++) {
        int last = java.time.YearMonth.of(year, month).lengthOfMonth();
        String ym = String.format(java.util.Locale.ROOT, "%04d-%02d-", year, month);
        String end = ym + last + "T23:59:59.999Z";
        assertEquals(Instant.parse(end), TimestampFormat.canonicalUtc(end), end);
        String first = ym + "01T00:00:00Z";
        assertEquals(Instant.parse(first), TimestampFormat.canonicalUtc(first), first);
        String past = ym + (last + 1) + "T00:00:00Z";
        assertEquals(null, TimestampFormat.canonicalUtc(past), past);
      }
    }
  }

  // Two threads reading files of different dates at once (the report's responses and
  // interactions): each keeps its own last date, and every value agrees with Instant.parse.
  @Test
  void threadsReadingDifferentDatesAtOnceAgreeWithInstantParse() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Throwable> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    Runnable[] readers = new Runnable[2];
    for (int t = 0; t < 2; t++) {
      long base = java.time.LocalDate.of(2024 + t, 2, 27).toEpochDay() * 86_400L;
      readers[t] =
          () -> {
            try {
              for (int sec = 0; sec < 4 * 86_400; sec += 7) {
                String s = Instant.ofEpochSecond(base + sec).toString();
                assertEquals(Instant.parse(s), TimestampFormat.canonicalUtc(s), s);
              }
            } catch (Throwable e) {
              failed.compareAndSet(null, e);
            }
          };
    }
    Thread other = new Thread(readers[1]);
    other.start();
    readers[0].run();
    other.join();
    assertEquals(null, failed.get());
  }

  @Test
  void canonicalUtcFallsBackOnAnythingElse() {
    // invalid values are left to Instant.parse, which rejects them
    for (String bad :
        new String[] {
          "2024-02-30T00:00:00Z",
          "2023-02-29T00:00:00Z",
          "2024-13-01T00:00:00Z",
          "2024-03-01T09:60:00Z",
          "2024-03-01T09:30:0xZ"
        }) {
      assertEquals(null, TimestampFormat.canonicalUtc(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> TimestampFormat.iso().parse(bad), bad);
    }
    // a space for the T (SQL exports, pandas) is not the canonical layout but reads as ISO
    assertEquals(null, TimestampFormat.canonicalUtc("2024-03-01 09:30:00Z"));
    assertEquals(
        Instant.parse("2024-03-01T09:30:00Z"), TimestampFormat.iso().parse("2024-03-01 09:30:00Z"));
    // ISO-8601 end of day: not canonical, so Instant.parse reads it as the next midnight
    assertEquals(null, TimestampFormat.canonicalUtc("2024-03-01T24:00:00Z"));
    assertEquals(
        Instant.parse("2024-03-02T00:00:00Z"), TimestampFormat.iso().parse("2024-03-01T24:00:00Z"));
    assertEquals(
        Instant.parse("2024-02-29T23:59:59.999Z"),
        TimestampFormat.canonicalUtc("2024-02-29T23:59:59.999Z"));
    assertEquals(
        Instant.parse("2024-03-01T09:30:00.123456Z"),
        TimestampFormat.iso().parse("2024-03-01T09:30:00.123456Z"));
  }
}
