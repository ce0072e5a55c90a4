package org.cx4j.journey.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;

/**
 * {@link PathData#fromJourneys} (channel codes per touchpoint, given on first use) against the
 * obvious version: each journey's names up to its conversion, added with {@link
 * PathData.Builder#add}. Same channels in the same order, same rows, on random logs at every level.
 */
class FromJourneysProperties {

  @Property(tries = 300, seed = "42")
  void equalsAddingTheNamesOfEveryPath(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int events,
      @ForAll @IntRange(min = 1, max = 20) int customers) {
    Random rnd = new Random(seed);
    var tps =
        List.of(
            FromJourneysTest.AD,
            FromJourneysTest.PAGE,
            FromJourneysTest.MAIL,
            FromJourneysTest.PAY,
            FromJourneysTest.CALL);
    Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
    List<Interaction> log = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      CustomerId c = CustomerId.of("c" + rnd.nextInt(customers));
      Instant at = t0.plusSeconds(rnd.nextInt(4 * 3600));
      Outcome o = rnd.nextInt(6) == 0 ? Outcome.CONVERTED : null;
      log.add(Interaction.of(c, tps.get(rnd.nextInt(tps.size())), at, o));
    }
    Journeys js = JourneyRebuilder.defaults().rebuild(InteractionLog.builder().addAll(log).build());
    for (Level level : Level.values()) {
      Abstraction a = Abstraction.of(js.dictionary(), level);
      PathData fast = PathData.fromJourneys(js, a, Outcome.CONVERTED, j -> j.size());
      PathData.Builder b = PathData.builder();
      int target = js.outcomes().indexOf(Outcome.CONVERTED);
      for (int j = 0; j < js.journeyCount(); j++) {
        List<String> path = new ArrayList<>();
        boolean converted = false;
        for (int e = js.eventStart(j); e < js.eventEnd(j); e++) {
          path.add(a.label(a.node(js.touchpointCode(e))));
          if (target >= 0 && js.outcomeCode(e) == target) {
            converted = true;
            break;
          }
        }
        b.add(path, converted ? 1 : 0, converted ? js.journey(j).size() : 0, converted ? 0 : 1);
      }
      PathData want = b.build();
      assertEquals(want.channels(), fast.channels(), level.toString());
      assertEquals(want.size(), fast.size());
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.length(i), fast.length(i));
        for (int k = 0; k < want.length(i); k++) {
          assertEquals(want.touch(i, k), fast.touch(i, k));
        }
        assertEquals(want.conversions(i), fast.conversions(i));
        assertEquals(want.value(i), fast.value(i));
        assertEquals(want.nulls(i), fast.nulls(i));
      }
    }
  }
}
