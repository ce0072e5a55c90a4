package org.cx4j.metrics.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.cx4j.metrics.driver.KeyDriverAnalysis;
import org.cx4j.metrics.driver.KeyDriverResult;
import org.junit.jupiter.api.Test;

class EffortImpactMatrixTest {

  /**
   * Impacts 0.5, 0.4, 0.1, 0.05 have median (0.4 + 0.1) / 2 = 0.25; efforts 1, 8, 2, 9 have median
   * (2 + 8) / 2 = 5. So chatbot (0.5, 1) is a quick win, app rewrite (0.4, 8) a major project, faq
   * (0.1, 2) a fill-in, rebrand (0.05, 9) thankless.
   */
  @Test
  void quadrantsByMedianThresholds() {
    EffortImpactMatrix m =
        EffortImpactMatrix.of(
            List.of(
                new Initiative("rebrand", 0.05, 9),
                new Initiative("faq", 0.1, 2),
                new Initiative("app rewrite", 0.4, 8),
                new Initiative("chatbot", 0.5, 1)));
    assertEquals(0.25, m.impactThreshold(), 1e-15);
    assertEquals(5, m.effortThreshold(), 1e-15);
    assertEquals(
        List.of("chatbot", "app rewrite", "faq", "rebrand"),
        m.items().stream().map(p -> p.initiative().name()).toList());
    assertEquals(Quadrant.QUICK_WIN, m.items().get(0).quadrant());
    assertEquals(Quadrant.MAJOR_PROJECT, m.items().get(1).quadrant());
    assertEquals(Quadrant.FILL_IN, m.items().get(2).quadrant());
    assertEquals(Quadrant.THANKLESS_TASK, m.items().get(3).quadrant());
    assertEquals(4, m.items().get(3).rank());
  }

  /** Within a quadrant, impact per effort decides: 0.6/2 = 0.3 beats 0.5/2 = 0.25. */
  @Test
  void fixedThresholdsAndRatioOrder() {
    EffortImpactMatrix m =
        EffortImpactMatrix.of(
            List.of(
                new Initiative("b", 0.5, 2),
                new Initiative("a", 0.6, 2),
                new Initiative("c", 0.6, 3)),
            0.5,
            3);
    // Effort 3 is not above the threshold 3: all three are quick wins.
    assertEquals(3, m.in(Quadrant.QUICK_WIN).size());
    assertEquals(
        List.of("a", "b", "c"), m.items().stream().map(p -> p.initiative().name()).toList());
  }

  @Test
  void fromDrivers() {
    KeyDriverResult r =
        KeyDriverAnalysis.builder()
            .outcome("y", new double[] {4, -2, 0, -2})
            .driver("x1", new double[] {1, -1, 1, -1})
            .driver("x2", new double[] {1, 1, -1, -1})
            .run();
    // Shapley shares 0.8 and 0.2 (see KeyDriverAnalysisTest); median impact 0.5, effort 2.
    EffortImpactMatrix m = EffortImpactMatrix.ofDrivers(r, Map.of("x1", 3.0, "x2", 1.0));
    assertEquals(Quadrant.MAJOR_PROJECT, m.items().get(0).quadrant());
    assertEquals("x1", m.items().get(0).initiative().name());
    assertEquals(Quadrant.FILL_IN, m.items().get(1).quadrant());
    assertThrows(
        IllegalArgumentException.class, () -> EffortImpactMatrix.ofDrivers(r, Map.of("x1", 3.0)));
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> EffortImpactMatrix.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Initiative("x", -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Initiative("x", 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Initiative(" ", 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> EffortImpactMatrix.of(List.of(new Initiative("x", 1, 1), new Initiative("x", 2, 2))));
  }
}
