package org.cx4j.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cx4j.core.json.CxJson;
import org.junit.jupiter.api.Test;

/** Segment rules nest at most {@link SegmentRule#MAX_DEPTH} deep, however they are built. */
class SegmentRuleDepthTest {

  /** {@code levels - 1} rules of the given kind around one leaf: {@code levels} deep. */
  private static SegmentRule nested(int levels, String kind) {
    SegmentRule r = SegmentRule.equals("plan", "pro");
    for (int i = 1; i < levels; i++) {
      r =
          switch (kind) {
            case "and" -> SegmentRule.and(r, SegmentRule.all());
            case "or" -> SegmentRule.or(SegmentRule.all(), r);
            default -> SegmentRule.not(r);
          };
    }
    return r;
  }

  @Test
  void sixtyFourLevelsAreAcceptedAndSixtyFiveRefused() {
    for (String kind : new String[] {"and", "or", "not"}) {
      nested(SegmentRule.MAX_DEPTH, kind); // no exception
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> nested(SegmentRule.MAX_DEPTH + 1, kind));
      assertTrue(e.getMessage().contains("at most 64 levels"), e.getMessage());
      assertTrue(e.getMessage().contains("'" + kind + "' would be 65 deep"), e.getMessage());
    }
  }

  @Test
  void aRuleAtTheLimitStillWorksAndRoundTrips() throws Exception {
    // 63 'not's around a leaf: an odd number of negations of plan == pro.
    SegmentRule r = nested(SegmentRule.MAX_DEPTH, "not");
    Customer pro = new Customer(CustomerId.of("c1"), null, null, "pro", java.util.Map.of());
    assertEquals(false, r.test(pro));
    ObjectMapper m = CxJson.newMapper();
    assertEquals(r, m.readValue(m.writeValueAsString(r), SegmentRule.class));
  }

  @Test
  void readingTooDeepARuleFromJsonIsAnErrorNotAStackOverflow() {
    StringBuilder json = new StringBuilder();
    int levels = 100;
    json.append("{\"type\":\"not\",\"rule\":".repeat(levels));
    json.append("{\"type\":\"equals\",\"attribute\":\"plan\",\"value\":\"pro\"}");
    json.append("}".repeat(levels));
    Exception e =
        assertThrows(
            Exception.class,
            () -> CxJson.newMapper().readValue(json.toString(), SegmentRule.class));
    assertTrue(String.valueOf(e.getMessage()).contains("at most 64 levels"), e.getMessage());
  }
}
