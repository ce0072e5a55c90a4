package org.cx4j.metrics.breakdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

class BreakdownTest {

  private static final Touchpoint CHECKOUT =
      Touchpoint.of("web_checkout", Channel.WEB, JourneyStage.PURCHASE);
  private static final Touchpoint APP_HOME =
      Touchpoint.of("app_home", Channel.APP, JourneyStage.RETENTION);
  private static final Instant T = Instant.parse("2024-03-01T09:30:00Z");

  private static SurveyResponse r(Touchpoint tp, int score) {
    return SurveyResponse.of(CustomerId.of("c" + score), tp, Instrument.nps(), score, T);
  }

  static List<SurveyResponse> sample() {
    List<SurveyResponse> rs = new ArrayList<>();
    // web: 10, 10, 9, 3 -> 3 promoters, 1 detractor of 4: NPS 50
    for (int s : new int[] {10, 10, 9, 3}) {
      rs.add(r(CHECKOUT, s));
    }
    // app: 0, 8 -> NPS -50, n 2 (small for minimum 3)
    rs.add(r(APP_HOME, 0));
    rs.add(r(APP_HOME, 8));
    // no touchpoint: 10
    rs.add(SurveyResponse.of(CustomerId.of("x"), Instrument.nps(), 10, T));
    return rs;
  }

  @Test
  void groupsOverallAndSmallFlags() {
    Breakdown<Channel, NetPromoterScore> b =
        Breakdown.of(sample(), Breakdown.byChannel(), NetPromoterScore::accumulator, 3);
    // overall: promoters 10, 10, 9, 10 = 4; detractors 3, 0 = 2; n 7 -> 100 * 2 / 7
    assertEquals(7, b.overall().n());
    assertEquals(200.0 / 7, b.overall().score(), 1e-9);
    assertEquals(2, b.groups().size());
    Breakdown.Group<Channel, NetPromoterScore> web = b.group(Channel.WEB).orElseThrow();
    assertEquals(50, web.result().score(), 1e-9);
    assertFalse(web.isSmall());
    Breakdown.Group<Channel, NetPromoterScore> app = b.group(Channel.APP).orElseThrow();
    assertEquals(-50, app.result().score(), 1e-9);
    assertTrue(app.isSmall()); // flagged, not hidden
    assertEquals(1, b.unassigned().orElseThrow().n());
    assertEquals(Channel.WEB, b.groups().get(0).key()); // first seen first
  }

  @Test
  void bySegmentLooksCustomersUp() {
    org.cx4j.core.customer.Segmentation seg = org.cx4j.core.customer.Segmentation.of();
    java.util.Map<CustomerId, org.cx4j.core.customer.Customer> customers =
        java.util.Map.of(CustomerId.of("c10"), org.cx4j.core.customer.Customer.of("c10"));
    Breakdown<String, NetPromoterScore> b =
        Breakdown.of(
            sample(), Breakdown.bySegment(seg, customers), NetPromoterScore::accumulator, 0);
    // Only customer c10 is known (two responses score 10 from "c10"); with no segments it falls
    // into the fallback segment; the other five responses are unassigned.
    assertEquals(1, b.groups().size());
    assertEquals(2, b.groups().get(0).n());
    assertEquals(5, b.unassigned().orElseThrow().n());
  }

  @Test
  void byStageAndTouchpointAndCustomKey() {
    assertEquals(
        4,
        Breakdown.of(sample(), Breakdown.byStage(), NetPromoterScore::accumulator, 0)
            .group(JourneyStage.PURCHASE)
            .orElseThrow()
            .n());
    assertEquals(
        2,
        Breakdown.of(sample(), Breakdown.byTouchpoint(), NetPromoterScore::accumulator, 0)
            .group("app_home")
            .orElseThrow()
            .n());
    Breakdown<Boolean, NetPromoterScore> high =
        Breakdown.of(sample(), r -> r.score() >= 5, NetPromoterScore::accumulator, 0);
    assertEquals(5, high.group(true).orElseThrow().n());
    assertThrows(
        IllegalArgumentException.class,
        () -> Breakdown.of(sample(), Breakdown.byStage(), NetPromoterScore::accumulator, -1));
  }

  @Test
  void columnsGiveTheSameGroupsAsResponses() {
    // The sample without the unassigned response, as columns: code 0 web, 1 app, 2 email (empty).
    byte[] scores = {10, 10, 9, 3, 0, 8};
    byte[] codes = {0, 0, 0, 0, 1, 1};
    Breakdown<Channel, NetPromoterScore> b =
        Breakdown.of(
            List.of(Channel.WEB, Channel.APP, Channel.EMAIL),
            org.cx4j.metrics.score.grouped.GroupedColumns.of(scores, codes, 3),
            NetPromoterScore::accumulator,
            3);
    Breakdown<Channel, NetPromoterScore> rows =
        Breakdown.of(
            sample().subList(0, 6), Breakdown.byChannel(), NetPromoterScore::accumulator, 3);
    assertEquals(rows.overall(), b.overall());
    assertEquals(rows.groups(), b.groups()); // web 50, app -50 (small); email left out
    assertTrue(b.group(Channel.EMAIL).isEmpty());
    assertTrue(b.unassigned().isEmpty());
  }

  @Test
  void columnsNeedOneDistinctKeyPerGroup() {
    var cols = org.cx4j.metrics.score.grouped.GroupedColumns.of(new byte[2], new byte[2], 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Breakdown.of(List.of("a"), cols, NetPromoterScore::accumulator, 0));
    assertEquals("keys has 1 entries; the columns have 2 groups", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Breakdown.of(List.of("a", "a"), cols, NetPromoterScore::accumulator, 0));
    assertEquals("keys must be distinct, got [a, a]", e.getMessage());
  }
}
