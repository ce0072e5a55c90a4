package org.cx4j.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

  private static SurveyResponse r(String instant, int score) {
    return SurveyResponse.of(CustomerId.of("c"), Instrument.nps(), score, Instant.parse(instant));
  }

  // 2024-03-03 is a Sunday; 2024-03-04 a Monday.
  private static final List<SurveyResponse> RS =
      List.of(
          r("2024-03-03T23:30:00Z", 10), // Berlin: Mon 2024-03-04 00:30; UTC: Sun 2024-03-03
          r("2024-03-05T12:00:00Z", 0),
          r("2024-03-20T12:00:00Z", 9)); // week of Mon 2024-03-18; the week of 03-11 is empty

  @Test
  void isoWeeksInAnExplicitZoneWithEmptyWeeksPresent() {
    TimeSeries<NetPromoterScore> berlin =
        TimeSeries.of(RS, Period.WEEK, ZoneId.of("Europe/Berlin"), NetPromoterScore::accumulator);
    List<TimeSeries.Point<NetPromoterScore>> p = berlin.points();
    assertEquals(3, p.size());
    assertEquals(LocalDate.of(2024, 3, 4), p.get(0).start());
    assertEquals(LocalDate.of(2024, 3, 11), p.get(0).end());
    assertEquals(2, p.get(0).n()); // 10 and 0: NPS 0
    assertEquals(0, p.get(0).result().score(), 1e-9);
    assertTrue(p.get(1).isEmpty()); // week of 03-11: present, empty
    assertTrue(p.get(1).result().isEmpty());
    assertEquals(1, p.get(2).n());

    TimeSeries<NetPromoterScore> utc =
        TimeSeries.of(RS, Period.WEEK, ZoneOffset.UTC, NetPromoterScore::accumulator);
    // In UTC the first answer falls on Sunday, in the week of Mon 2024-02-26.
    assertEquals(LocalDate.of(2024, 2, 26), utc.points().get(0).start());
    assertEquals(4, utc.points().size());
  }

  @Test
  void rollingWindowMergesPreviousPeriods() {
    TimeSeries<NetPromoterScore> t =
        TimeSeries.of(RS, Period.WEEK, ZoneId.of("Europe/Berlin"), NetPromoterScore::accumulator);
    List<TimeSeries.Point<NetPromoterScore>> r = t.rolling(2);
    assertEquals(2, r.get(1).n()); // weeks 03-04 and 03-11
    assertEquals(LocalDate.of(2024, 3, 4), r.get(1).start());
    assertEquals(1, r.get(2).n()); // weeks 03-11 (empty) and 03-18
    assertEquals(100, r.get(2).result().score(), 1e-9);
    // the series itself is unchanged by rolling
    assertEquals(2, t.points().get(0).n());
  }

  @Test
  void daysMonthsQuartersAndExplicitRange() {
    assertEquals(LocalDate.of(2024, 1, 1), Period.QUARTER.start(LocalDate.of(2024, 3, 31)));
    assertEquals(LocalDate.of(2024, 4, 1), Period.QUARTER.next(LocalDate.of(2024, 1, 1)));
    assertEquals(LocalDate.of(2024, 2, 1), Period.MONTH.start(LocalDate.of(2024, 2, 29)));
    TimeSeries<NetPromoterScore> months =
        TimeSeries.of(
            RS,
            Period.MONTH,
            ZoneOffset.UTC,
            NetPromoterScore::accumulator,
            LocalDate.of(2024, 1, 15),
            LocalDate.of(2024, 4, 2));
    assertEquals(4, months.points().size()); // Jan (empty), Feb (empty), Mar (3), Apr (empty)
    assertEquals(3, months.points().get(2).n());
    assertTrue(months.points().get(0).isEmpty());
    TimeSeries<NetPromoterScore> days =
        TimeSeries.of(RS, Period.DAY, ZoneOffset.UTC, NetPromoterScore::accumulator);
    assertEquals(18, days.points().size()); // 03-03 .. 03-20
    assertTrue(
        TimeSeries.of(List.of(), Period.DAY, ZoneOffset.UTC, NetPromoterScore::accumulator)
            .points()
            .isEmpty());
  }
}
