package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.UnknownTouchpoints;
import org.junit.jupiter.api.Test;

/**
 * The journey features of behavioural segmentation (channels used, interactions, converted),
 * counted by hand on a six-event log.
 */
class SegmentJourneyFeaturesTest {

  private static final Touchpoint WEB = Touchpoint.of("home", Channel.WEB, JourneyStage.AWARENESS);
  private static final Touchpoint WEB2 = Touchpoint.of("cart", Channel.WEB, JourneyStage.PURCHASE);
  private static final Touchpoint CALL =
      Touchpoint.of("call", Channel.PHONE, JourneyStage.RETENTION);
  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

  private static Interaction at(String c, Touchpoint t, int minutes, Outcome o) {
    return Interaction.of(CustomerId.of(c), t, T.plusSeconds(60L * minutes), o);
  }

  @Test
  void channelsInteractionsAndConversionPerCustomer() {
    InteractionLog log =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .add(at("a", WEB, 0, null))
            .add(at("b", CALL, 1, null))
            .add(at("a", WEB2, 2, Outcome.CONVERTED))
            .add(at("a", CALL, 3, null))
            .add(at("c", WEB, 4, null)) // c is not asked for
            .add(at("b", CALL, 5, null))
            .build();
    // a: web and phone (2 channels), 3 events, converted; b: phone only, 2 events, not
    // converted; d: no interactions at all.
    double[][] f = ReportAnalysis.journeyFeatures(log, new String[] {"a", "b", "d"});
    assertArrayEquals(new double[] {2, 3, 1}, f[0]);
    assertArrayEquals(new double[] {1, 2, 0}, f[1]);
    assertArrayEquals(new double[] {0, 0, 0}, f[2]);
  }

  @Test
  void noneWhenNoAskedCustomerHasInteractions() {
    InteractionLog log =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .add(at("a", WEB, 0, null))
            .build();
    assertNull(ReportAnalysis.journeyFeatures(log, new String[] {"x"}));
    assertNull(
        ReportAnalysis.journeyFeatures(InteractionLog.builder().build(), new String[] {"a"}));
  }
}
