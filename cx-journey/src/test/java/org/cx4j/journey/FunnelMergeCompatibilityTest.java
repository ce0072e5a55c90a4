package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.log.UnknownNames;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

/**
 * {@code Funnel.Accumulator.merge} compares the two funnels' definitions field by field, not their
 * descriptions: equal definitions built separately merge, and funnels that print alike but count
 * differently do not.
 */
class FunnelMergeCompatibilityTest {

  private static final Journeys JS =
      JourneyRebuilder.defaults()
          .rebuild(log(List.of(at("a", HOME, 0), at("a", PRODUCT, 10), at("b", HOME, 5))));

  @Test
  void separatelyBuiltEqualFunnelsMerge() {
    Funnel f = Funnel.builder().step("home").step("product").build();
    Funnel g = Funnel.builder().step("home").step("product").build();
    // Two journeys reach home, one of them product: 2 and 1 per side, 4 and 2 merged.
    assertArrayEquals(
        new long[] {4, 2},
        f.accumulator().addAll(JS).merge(g.accumulator().addAll(JS)).result().counts());
  }

  @Test
  void funnelsThatPrintAlikeButCountDifferentlyDoNotMerge() {
    Funnel reject = Funnel.builder().step("home").step("product").build();
    Funnel allow =
        Funnel.builder()
            .step("home")
            .step("product")
            .unknownTouchpoints(UnknownNames.ALLOW)
            .build();
    assertEquals(reject.toString(), allow.toString()); // the old check compared these
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> reject.accumulator().merge(allow.accumulator()));
    assertTrue(e.getMessage().contains("different funnels"), e.getMessage());
  }

  @Test
  void differentStepsDoNotMerge() {
    Funnel f = Funnel.builder().step("home").step("product").build();
    Funnel g =
        Funnel.builder()
            .step("home")
            .optionalStep(org.cx4j.journey.funnel.FunnelStep.touchpoint("product"))
            .build();
    assertThrows(IllegalArgumentException.class, () -> f.accumulator().merge(g.accumulator()));
  }
}
