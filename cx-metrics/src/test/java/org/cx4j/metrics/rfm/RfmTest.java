package org.cx4j.metrics.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

class RfmTest {

  static Transaction tx(String c, LocalDate d, double amount) {
    return Transaction.of(CustomerId.of(c), d.atStartOfDay(ZoneOffset.UTC).toInstant(), amount);
  }

  @Test
  void quintilesOfDistinctValues() {
    // Ten distinct values: mid-percentiles 0.05, 0.15, ..., 0.95 -> two customers per score.
    assertArrayEquals(
        new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5},
        RfmScorer.quintiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    // Ties: {1,1,1,1,9}: p(1) = (0 + 4/2)/5 = 0.4 -> 3; p(9) = (4 + 0.5)/5 = 0.9 -> 5.
    assertArrayEquals(new int[] {3, 3, 3, 3, 5}, RfmScorer.quintiles(new double[] {1, 1, 1, 1, 9}));
    assertArrayEquals(new int[] {3}, RfmScorer.quintiles(new double[] {42}));
    assertArrayEquals(new int[0], RfmScorer.quintiles(new double[0]));
  }

  @Property(tries = 200, seed = "42")
  void quintilesAreInRangeMonotoneAndPermutationInvariant(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -5, max = 5) Integer> raw) {
    double[] v = raw.stream().mapToDouble(Integer::doubleValue).toArray();
    int[] s = RfmScorer.quintiles(v);
    for (int i = 0; i < v.length; i++) {
      assertTrue(s[i] >= 1 && s[i] <= 5);
      for (int j = 0; j < v.length; j++) {
        if (v[i] < v[j]) {
          assertTrue(s[i] <= s[j]);
        }
        if (v[i] == v[j]) {
          assertEquals(s[i], s[j]);
        }
      }
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(raw.size()));
    double[] shuffled = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      shuffled[i] = v[idx.get(i)];
    }
    int[] s2 = RfmScorer.quintiles(shuffled);
    for (int i = 0; i < v.length; i++) {
      assertEquals(s[idx.get(i)], s2[i]);
    }
  }

  @Test
  void segmentGridMatchesTheDocumentedTable() {
    String[] rows = { // R = 5 .. 1, F = 1 .. 5, as in the RfmSegment Javadoc table
      "NEW_CUSTOMERS POTENTIAL_LOYALISTS POTENTIAL_LOYALISTS CHAMPIONS CHAMPIONS",
      "PROMISING POTENTIAL_LOYALISTS POTENTIAL_LOYALISTS LOYAL LOYAL",
      "ABOUT_TO_SLEEP ABOUT_TO_SLEEP NEED_ATTENTION LOYAL LOYAL",
      "HIBERNATING HIBERNATING AT_RISK AT_RISK CANNOT_LOSE",
      "HIBERNATING HIBERNATING AT_RISK AT_RISK CANNOT_LOSE"
    };
    Map<RfmSegment, Integer> seen = new EnumMap<>(RfmSegment.class);
    for (int r = 5; r >= 1; r--) {
      String[] cells = rows[5 - r].split(" ");
      for (int f = 1; f <= 5; f++) {
        RfmSegment s = RfmSegment.of(r, f);
        assertEquals(RfmSegment.valueOf(cells[f - 1]), s, "R" + r + "F" + f);
        seen.merge(s, 1, Integer::sum);
      }
    }
    assertEquals(RfmSegment.values().length, seen.size(), "every segment is reachable");
    assertThrows(IllegalArgumentException.class, () -> RfmSegment.of(0, 3));
  }

  @Test
  void scorerByHand() {
    LocalDate at = LocalDate.of(2024, 12, 31);
    List<Transaction> t =
        List.of(
            tx("a", LocalDate.of(2024, 12, 30), 100),
            tx("a", LocalDate.of(2024, 6, 1), 50),
            tx("a", LocalDate.of(2024, 1, 1), 50),
            tx("b", LocalDate.of(2024, 3, 1), 10),
            tx("c", LocalDate.of(2024, 12, 1), 20),
            tx("c", LocalDate.of(2025, 1, 5), 999));
    List<RfmScore> s = RfmScorer.at(at, ZoneOffset.UTC).score(t);
    assertEquals(3, s.size());
    RfmScore a = s.get(0);
    assertEquals(1, a.recencyDays());
    assertEquals(3, a.frequency());
    assertEquals(200, a.monetary(), 1e-12);
    // Three distinct recencies / spends: mid-percentiles 1/6, 1/2, 5/6 -> scores 1, 3, 5.
    assertEquals("555", a.code());
    assertEquals(RfmSegment.CHAMPIONS, a.segment());
    RfmScore b = s.get(1);
    assertEquals(305, b.recencyDays()); // 2024-03-01 .. 2024-12-31 (leap year)
    // Frequencies a=3, b=1, c=1 (c's 2025 purchase is excluded): b and c tie, p = (0 + 2/2)/3
    // = 1/3 -> F = 2; monetary 200, 10, 20 -> M = 5, 1, 3.
    assertEquals("121", b.code());
    assertEquals(RfmSegment.HIBERNATING, b.segment());
    RfmScore c = s.get(2);
    assertEquals(30, c.recencyDays()); // the 2025 purchase is after the analysis date
    assertEquals(20, c.monetary(), 1e-12);
    assertEquals("323", c.code());
    assertThrows(
        IllegalArgumentException.class,
        () -> RfmScorer.at(at, ZoneOffset.UTC).score(List.of(tx("a", at, -1))));
  }
}
