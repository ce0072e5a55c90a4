package org.cx4j.journey.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: every attribution model distributes exactly the total conversions and the total
 * conversion value, the value of converting paths only, even when non-converting paths carry a
 * value. The oracle sums the raw rows here.
 */
class ConservationProperties {

  private static final String[] CHANNELS = {"direct", "email", "search", "social", "display"};

  @Property(tries = 200, seed = "42")
  void everyModelConservesConversionsAndConversionValue(
      @ForAll @LongRange(max = 100_000) long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    PathData.Builder b = PathData.builder();
    double expectedValue = 0;
    long expectedConversions = 0;
    int rows = 1 + r.nextInt(40);
    for (int i = 0; i < rows; i++) {
      int len = 1 + r.nextInt(6);
      StringBuilder path = new StringBuilder();
      for (int k = 0; k < len; k++) {
        path.append(k == 0 ? "" : " > ").append(CHANNELS[r.nextInt(CHANNELS.length)]);
      }
      long conv = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(5);
      // Non-converting rows carry a value too, half the time: it must not be distributed.
      double value = r.nextBoolean() ? Math.round(r.nextDouble() * 100_000) / 100.0 : 0;
      long nulls = r.nextInt(4);
      b.add(path.toString(), conv, value, nulls);
      if (conv > 0) {
        expectedValue += value;
        expectedConversions += conv;
      }
    }
    if (expectedConversions == 0) {
      b.add("email", 1, 12.5, 0);
      expectedValue += 12.5;
      expectedConversions = 1;
    }
    PathData d = b.build();
    assertEquals(expectedValue, d.totalValue(), 1e-9 * Math.max(1, expectedValue));
    List<AttributionResult> all = new ArrayList<>();
    all.add(HeuristicAttribution.firstTouch(d));
    all.add(HeuristicAttribution.lastTouch(d));
    all.add(HeuristicAttribution.linear(d));
    all.add(HeuristicAttribution.timeDecay(d, 2));
    all.add(HeuristicAttribution.positionBased(d));
    all.add(HeuristicAttribution.lastNonDirect(d, d.channels().get(0)));
    all.add(ShapleyAttribution.presence(d));
    all.add(ShapleyAttribution.conversionRate(d, 100, seed).attribution());
    all.add(MarkovAttribution.fit(d, 1).attribution());
    all.add(MarkovAttribution.fit(d, 2).attribution());
    for (AttributionResult res : all) {
      double v = 0;
      double c = 0;
      double share = 0;
      for (AttributionResult.ChannelCredit cc : res.channels()) {
        v += cc.value();
        c += cc.conversions();
        share += cc.share();
      }
      assertEquals(expectedValue, v, 1e-9 * Math.max(1, expectedValue), res.model());
      assertEquals(expectedConversions, c, 1e-9 * expectedConversions, res.model());
      assertEquals(1, share, 1e-9, res.model());
    }
  }

  @Test
  void lastNonDirectRejectsAChannelNotInTheData() {
    PathData d = PathData.builder().add("a > b", 1, 5, 0).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HeuristicAttribution.lastNonDirect(d, "Direct"));
    assertTrue(e.getMessage().contains("'Direct'"), e.getMessage());
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
  }

  @Test
  void valueOnNonConvertingPathsIsReportedNotDistributed() {
    // a: 1 conversion worth 10; b: no conversion but value 90 (no conversion value).
    PathData d = PathData.builder().add("a", 1, 10, 0).add("b", 0, 90, 3).build();
    assertEquals(10, d.totalValue(), 0);
    assertEquals(90, d.nonConvertingValue(), 0);
    assertEquals(10, MarkovAttribution.fit(d, 1).attribution().credit("a").value(), 1e-9);
    assertEquals(10, HeuristicAttribution.linear(d).credit("a").value(), 0);
  }
}
