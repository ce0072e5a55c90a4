package org.cx4j.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.transaction.Transaction;

/** Structural invariants of the sample data that hold for every seed and size. */
class SampleDataProperties {

  @Property(tries = 12, seed = "42")
  void structuralInvariantsHold(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int n) {
    SampleData data = SampleData.generate(seed, n);
    assertEquals(data, SampleData.generate(seed, n), "same seed, same data");
    Instant start = data.start();
    Instant end = data.end();

    assertEquals(n, data.customers().size());
    Map<CustomerId, Customer> customers = new HashMap<>();
    CustomerId previous = null;
    for (Customer c : data.customers()) {
      assertTrue(previous == null || previous.compareTo(c.id()) < 0, "ids ascending");
      previous = c.id();
      customers.put(c.id(), c);
      // The declarative rules put every customer where the plan and signup date say.
      String expected =
          c.plan().equals("business")
              ? "business"
              : c.plan().startsWith("plus")
                  ? "members"
                  : c.signupDate().getYear() >= 2025 ? "new_consumers" : "established_consumers";
      assertEquals(expected, data.segmentation().assign(c), c.toString());
      assertTrue(!c.signupDate().isAfter(data.lastDay()), "signed up in the window: " + c);
    }

    Map<CustomerId, Instant> firstInteraction = new HashMap<>();
    Map<CustomerId, Instant> conversion = new HashMap<>();
    Instant last = start;
    for (Interaction i : data.interactions()) {
      assertInWindow(i.timestamp(), start, end);
      assertTrue(!i.timestamp().isBefore(last), "interactions sorted by time");
      last = i.timestamp();
      assertEquals(data.catalog().get(i.touchpoint().id()), i.touchpoint(), "in the catalog");
      assertTrue(customers.containsKey(i.customer()), "known customer " + i.customer());
      assertNotNull(i.journeyId());
      if (firstInteraction.putIfAbsent(i.customer(), i.timestamp()) == null) {
        assertEquals(JourneyStage.AWARENESS, i.touchpoint().stage(), "journeys start aware");
      }
      if (Outcome.CONVERTED.equals(i.outcome())) {
        assertEquals(JourneyStage.PURCHASE, i.touchpoint().stage(), "converts at purchase");
        assertEquals(null, conversion.put(i.customer(), i.timestamp()), "one conversion each");
      }
    }
    assertEquals(n, firstInteraction.size(), "every customer has a journey");

    last = start;
    for (SurveyResponse r : data.responses()) {
      assertInWindow(r.timestamp(), start, end);
      assertTrue(!r.timestamp().isBefore(last), "responses sorted by time");
      last = r.timestamp();
      assertTrue(customers.containsKey(r.customer()));
      assertTrue(r.instrument().accepts(r.score()));
      assertTrue(r.weight() > 0 && Double.isFinite(r.weight()));
      if (r.touchpoint() != null) {
        assertEquals(data.catalog().get(r.touchpoint().id()), r.touchpoint());
      }
    }

    last = start;
    for (Transaction t : data.transactions()) {
      assertInWindow(t.timestamp(), start, end);
      assertTrue(!t.timestamp().isBefore(last), "transactions sorted by time");
      last = t.timestamp();
      assertTrue(customers.containsKey(t.customer()), "known customer " + t.customer());
      assertTrue(t.amount() > 0);
      Instant converted = conversion.get(t.customer());
      assertNotNull(converted, "a buyer converted first: " + t);
      assertTrue(!t.timestamp().isBefore(converted), "no purchase before conversion: " + t);
    }
  }

  private static void assertInWindow(Instant t, Instant start, Instant end) {
    assertTrue(!t.isBefore(start) && t.isBefore(end), t + " outside [" + start + ", " + end + ")");
  }
}
