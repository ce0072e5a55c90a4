package org.cx4j.journey.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

class FromJourneysTest {

  static final Touchpoint AD = Touchpoint.of("ad", Channel.SOCIAL, JourneyStage.AWARENESS);
  static final Touchpoint PAGE = Touchpoint.of("page", Channel.WEB, JourneyStage.CONSIDERATION);
  static final Touchpoint MAIL = Touchpoint.of("mail", Channel.EMAIL, JourneyStage.CONSIDERATION);
  static final Touchpoint PAY = Touchpoint.of("pay", Channel.WEB, JourneyStage.PURCHASE);
  static final Touchpoint CALL = Touchpoint.of("call", Channel.PHONE, JourneyStage.RETENTION);

  /**
   * Customer a: ad, page, mail, pay (converted), call: the path stops at the conversion, so by
   * channel it is social > web > email > web, one conversion. Customer b: ad, page: social > web,
   * one null. Linear credit of a's conversion: web 2/4, social 1/4, email 1/4.
   */
  @Test
  void oneRowPerJourneyUpToTheConversion() {
    Instant t = Instant.parse("2025-03-01T10:00:00Z");
    CustomerId a = CustomerId.of("a");
    CustomerId b = CustomerId.of("b");
    List<Interaction> events =
        List.of(
            Interaction.of(a, AD, t),
            Interaction.of(a, PAGE, t.plusSeconds(60)),
            Interaction.of(a, MAIL, t.plusSeconds(120)),
            Interaction.of(a, PAY, t.plusSeconds(180), Outcome.CONVERTED),
            Interaction.of(a, CALL, t.plusSeconds(240)),
            Interaction.of(b, AD, t.plusSeconds(30)),
            Interaction.of(b, PAGE, t.plusSeconds(90)));
    TouchpointCatalog catalog = TouchpointCatalog.of(List.of(AD, PAGE, MAIL, PAY, CALL));
    Journeys journeys =
        JourneyRebuilder.defaults()
            .rebuild(InteractionLog.builder().catalog(catalog).addAll(events).build());
    PathData paths =
        PathData.fromJourneys(
            journeys,
            Abstraction.of(journeys.dictionary(), Level.CHANNEL),
            Outcome.CONVERTED,
            j -> 100.0);
    assertEquals(2, paths.size());
    assertEquals(1, paths.totalConversions());
    assertEquals(1, paths.totalNulls());
    assertEquals(100.0, paths.totalValue());
    AttributionResult linear = HeuristicAttribution.linear(paths);
    assertEquals(0.5, linear.credit("web").conversions(), 1e-12);
    assertEquals(0.25, linear.credit("social").conversions(), 1e-12);
    assertEquals(25.0, linear.credit("email").value(), 1e-12);
    // The call came after the conversion: phone is not part of any path.
    assertEquals(List.of("social", "web", "email"), paths.channels());
  }
}
